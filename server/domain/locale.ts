/**
 * The language content is served in. Each request (and socket event) runs in the language its
 * reader asked for; the pack every domain function reads is a view that answers in that
 * language where the pack has a translation (`pack.locales`), so sites, placards, boards, rooms,
 * pages, the library, the broadcast schedule, files, quiz items, briefs and events need no change
 * to be read in Korean. Records the pack seeded into a session (articles, the boards' first
 * threads, personas' names) are shown translated while they are as the pack wrote them; once
 * someone changed one, it is shown as it is.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Locale } from '../protocol/vocabulary';
import type { Pack } from './pack';
import type { ArticleRecord, PostRecord } from './ports';

const current = new AsyncLocalStorage<Locale>();

/** Runs `fn` with content in `locale`. */
export function inLocale<T>(locale: Locale, fn: () => T): T {
  return current.run(locale, fn);
}

/** The language of the content being served now (English outside any request). */
export function contentLocale(): Locale {
  return current.getStore() ?? 'en';
}

const ENGLISH = Symbol('the pack in English');

/** A view of `pack` that answers in the language of the request being served. */
export function localizedPack(pack: Pack): Pack {
  return new Proxy(pack, {
    get(target, prop, receiver) {
      if (prop === ENGLISH) return target;
      const locale = current.getStore();
      const translated = locale && locale !== 'en' ? target.locales?.[locale] : undefined;
      return Reflect.get(translated ?? target, prop, translated ?? receiver);
    },
  });
}

/** The pack as written (English), whatever the request's language. */
export function englishPack(pack: Pack): Pack {
  return ((pack as unknown as Record<symbol, Pack | undefined>)[ENGLISH] ?? pack) as Pack;
}

/** The pack in the request's language, or undefined when it is English (nothing to translate). */
function translation(pack: Pack): Pack | undefined {
  const locale = current.getStore();
  return locale && locale !== 'en' ? englishPack(pack).locales?.[locale] : undefined;
}

/** An article the pack seeded, in the request's language while it is as the pack wrote it. */
export function localArticle(pack: Pack, a: ArticleRecord): ArticleRecord {
  const tr = translation(pack);
  if (!tr) return a;
  const en = englishPack(pack).articles.find((x) => x.id === a.id);
  if (!en || en.title !== a.title || en.summary !== a.summary || en.body !== a.body) return a;
  const ko = tr.articles.find((x) => x.id === a.id);
  return ko ? { ...a, title: ko.title, summary: ko.summary, body: ko.body } : a;
}

/** A persona's display name in the request's language, while it is the pack's. */
export function localName(pack: Pack, username: string, displayName: string): string {
  const tr = translation(pack);
  if (!tr) return displayName;
  const en = englishPack(pack).personas.find((p) => p.username === username);
  if (!en || en.displayName !== displayName) {
    // The pack's cast speaks under its own names.
    const cast = englishPack(pack).cast.members.find((m) => m.username === username);
    if (!cast || cast.displayName !== displayName) return displayName;
    return tr.cast.members.find((m) => m.username === username)?.displayName ?? displayName;
  }
  return tr.personas.find((p) => p.username === username)?.displayName ?? displayName;
}

/** A board post the pack seeded (a first thread or its replies), in the request's language while unchanged. */
export function localPost(pack: Pack, p: PostRecord): PostRecord {
  const tr = translation(pack);
  if (!tr) return p;
  const en = englishPack(pack);
  const board = en.boards.find((b) => b.id === p.boardId);
  const boardIndex = board ? en.boards.indexOf(board) : -1;
  const threadIndex = board ? board.threads.findIndex((t) => t.id === p.threadId) : -1;
  const thread = board?.threads[threadIndex];
  const trThread = tr.boards[boardIndex]?.threads[threadIndex];
  if (!thread || !trThread) return p;
  const name = (author: string) => {
    const persona = en.personas.find((x) => x.username === author);
    return persona && persona.displayName === p.authorName
      ? (tr.personas.find((x) => x.username === author)?.displayName ?? p.authorName)
      : p.authorName;
  };
  if (p.id === thread.id) {
    if (p.title !== thread.title || p.body !== thread.body) return p;
    return { ...p, title: trThread.title, body: trThread.body, authorName: name(thread.author) };
  }
  const replyIndex = thread.replies.findIndex((r) => r.body === p.body && r.createdAt === p.createdAt);
  const reply = thread.replies[replyIndex];
  const trReply = trThread.replies[replyIndex];
  if (!reply || !trReply) return p;
  return { ...p, body: trReply.body, authorName: name(reply.author) };
}
