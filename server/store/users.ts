/**
 * Users of every session, each in its session's document.
 */
import type { UserRecord, UsersRepo } from '../domain/ports';
import type { Db } from './document';

/** The users repository over the JSON documents. */
export class LowUsers implements UsersRepo {
  constructor(private readonly db: Db) {}

  findByUsername(sessionId: string, username: string) {
    if (!this.db.hasShard(sessionId)) return undefined;
    return this.db.shard(sessionId).users.find((u) => u.username === username);
  }

  findById(id: string) {
    return this.db.user(id);
  }

  list(sessionId: string) {
    return this.db.hasShard(sessionId) ? [...this.db.shard(sessionId).users] : [];
  }

  async update(id: string, change: Partial<Omit<UserRecord, 'id' | 'sessionId'>>) {
    const user = this.findById(id);
    if (!user) throw new Error(`no user ${id}`);
    Object.assign(user, change);
    await this.db.writeSession(user.sessionId);
    return user;
  }

  async insert(user: UserRecord) {
    this.db.addUser(user);
    await this.db.writeSession(user.sessionId);
    return user;
  }
}
