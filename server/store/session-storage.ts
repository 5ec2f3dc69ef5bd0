/**
 * Whole-session operations across the document, the chat logs and the trail: deleting everything
 * of a class session, and putting its content back to the pack.
 */
import type { ArticleRecord, LoginsRepo, PostRecord, SessionStorage } from '../domain/ports';
import type { FileChat } from './chat';
import type { Db } from './document';
import type { TrailLog } from './trail-log';

/** The session storage over the opened store's parts. */
export class StoreSessionStorage implements SessionStorage {
  constructor(
    private readonly db: Db,
    private readonly logins: LoginsRepo,
    private readonly chat: FileChat,
    private readonly trail: TrailLog,
  ) {}

  async purge(sessionId: string): Promise<void> {
    await this.logins.endWhere((l) => l.sessionId === sessionId);
    const d = this.db.data;
    const other = <T extends { sessionId: string }>(x: T) => x.sessionId !== sessionId;
    d.sessions = d.sessions.filter((s) => s.id !== sessionId);
    d.users = d.users.filter(other);
    d.articles = d.articles.filter(other);
    d.posts = d.posts.filter(other);
    d.roomStates = d.roomStates.filter(other);
    await this.db.write();
    await this.chat.dropSession(sessionId);
    await this.trail.dropSession(sessionId);
  }

  async resetContent(
    sessionId: string,
    content: { articles: ArticleRecord[]; posts: PostRecord[] },
    dropSeats: boolean,
  ): Promise<void> {
    const d = this.db.data;
    const other = <T extends { sessionId: string }>(x: T) => x.sessionId !== sessionId;
    d.articles = [...d.articles.filter(other), ...content.articles];
    d.posts = [...d.posts.filter(other), ...content.posts];
    d.roomStates = d.roomStates.filter(other);
    if (dropSeats) {
      await this.logins.endWhere((l) => l.sessionId === sessionId);
      d.users = d.users.filter(other);
    }
    await this.db.write();
    await this.chat.dropSession(sessionId);
  }
}
