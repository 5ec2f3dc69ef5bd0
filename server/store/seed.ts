/**
 * The pristine document a scenario pack seeds: its session, personas (with hashed passwords),
 * articles as published state media and seed threads as approved posts.
 */
import { randomUUID } from 'node:crypto';
import type { Pack } from '../domain/pack';
import { hashPassword } from '../domain/passwords';
import type { ArticleRecord, PostRecord, SessionRecord, UserRecord } from '../domain/ports';
import type { DbShape } from './document';

/** The password every demo persona ships with. */
export const DEMO_PASSWORD = 'demo';

/** How a seed turns a persona's password into a stored hash (tests may pass a cached one). */
export type HashPassword = (password: string) => Promise<string>;

/** The whole first document of a pack; `now` stamps the session. */
export async function seedDocument(pack: Pack, opts: { now?: Date; hash?: HashPassword } = {}): Promise<DbShape> {
  const hash = opts.hash ?? hashPassword;
  const session: SessionRecord = { ...pack.meta.session, createdAt: (opts.now ?? new Date()).toISOString() };
  const users: UserRecord[] = [];
  for (const p of pack.personas) {
    users.push({
      id: randomUUID(),
      sessionId: session.id,
      username: p.username,
      displayName: p.displayName,
      role: p.role,
      description: p.description,
      passwordHash: await hash(p.password ?? DEMO_PASSWORD),
      tokenVersion: 0,
    });
  }
  return {
    schema: 1,
    packId: pack.meta.id,
    sessions: [session],
    users,
    articles: seedArticles(pack, session.id),
    posts: seedPosts(pack, session.id, users),
    roomStates: [],
    logins: [],
  };
}

/** The pack's seed threads as approved posts of a session, under their authors' real names. */
export function seedPosts(pack: Pack, sessionId: string, users: readonly UserRecord[]): PostRecord[] {
  const posts: PostRecord[] = [];
  const author = (username: string) => {
    const u = users.find((x) => x.sessionId === sessionId && x.username === username);
    // A class session has no personas: the seed posts keep the pack persona's name and role.
    const p = pack.personas.find((x) => x.username === username);
    return {
      authorId: u?.id ?? null,
      authorName: u?.displayName ?? p?.displayName ?? username,
      authorRole: u?.role ?? p?.role ?? 'elite',
    };
  };
  for (const board of pack.boards) {
    for (const t of board.threads) {
      const base = {
        sessionId,
        boardId: board.id,
        threadId: t.id,
        status: 'approved' as const,
        reason: null,
        decidedBy: null,
      };
      posts.push({
        ...base,
        id: t.id,
        title: t.title,
        body: t.body,
        ...author(t.author),
        createdAt: t.createdAt,
        decidedAt: t.createdAt,
      });
      t.replies.forEach((r, i) =>
        posts.push({
          ...base,
          id: `${t.id}-r${i + 1}`,
          title: null,
          body: r.body,
          ...author(r.author),
          createdAt: r.createdAt,
          decidedAt: r.createdAt,
        }),
      );
    }
  }
  return posts;
}

/** The pack's articles as published state media of a session. */
export function seedArticles(pack: Pack, sessionId: string): ArticleRecord[] {
  return pack.articles.map((a) => {
    const at = `${a.date}T06:00:00.000Z`;
    return {
      ...a,
      sessionId,
      status: 'published',
      publishAt: null,
      publishedAt: at,
      createdAt: at,
      updatedAt: at,
      editor: null,
    };
  });
}
