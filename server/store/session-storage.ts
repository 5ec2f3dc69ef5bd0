/**
 * Whole-session operations across the documents, the chat and social logs and the trail: deleting everything
 * of a class session, and putting its content back to the pack.
 */
import type { ArticleRecord, LoginsRepo, PostRecord, SessionStorage } from '../domain/ports';
import type { FileChat } from './chat';
import type { LogFiles } from './files';
import type { Db } from './document';
import type { LogQuiz } from './quiz';
import type { LogSocial } from './social';
import type { TrailLog } from './trail-log';

/** The session storage over the opened store's parts. */
export class StoreSessionStorage implements SessionStorage {
  constructor(
    private readonly db: Db,
    private readonly logins: LoginsRepo,
    private readonly chat: FileChat,
    private readonly trail: TrailLog,
    private readonly social: LogSocial,
    private readonly files: LogFiles,
    private readonly quiz: LogQuiz,
  ) {}

  async purge(sessionId: string): Promise<void> {
    await this.logins.endWhere((l) => l.sessionId === sessionId);
    // Unlisted first, so a crash part-way leaves a file that the next open removes.
    this.db.sessions = this.db.sessions.filter((s) => s.id !== sessionId);
    await this.db.writeMain();
    await this.db.dropSession(sessionId);
    await this.chat.dropSession(sessionId);
    await this.social.dropSession(sessionId);
    await this.files.dropSession(sessionId);
    await this.quiz.dropSession(sessionId);
    await this.trail.dropSession(sessionId);
  }

  async resetContent(
    sessionId: string,
    content: { articles: ArticleRecord[]; posts: PostRecord[] },
    dropSeats: boolean,
  ): Promise<void> {
    const shard = this.db.shard(sessionId);
    shard.articles = [...content.articles];
    shard.posts = [...content.posts];
    shard.roomStates = [];
    if (dropSeats) {
      await this.logins.endWhere((l) => l.sessionId === sessionId);
      this.db.setUsers(sessionId, []);
    }
    await this.db.writeSession(sessionId);
    await this.chat.dropSession(sessionId);
    await this.social.dropSession(sessionId); // the open network's records go too
    await this.files.dropSession(sessionId); // and the smuggled files, Notels and inspections
    await this.quiz.dropSession(sessionId); // and the quiz's answers
  }
}
