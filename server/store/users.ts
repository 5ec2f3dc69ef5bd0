/**
 * Users of every session, in the document's `users` array.
 */
import type { UserRecord, UsersRepo } from '../domain/ports';
import type { Db } from './document';

/** The users repository over the JSON document. */
export class LowUsers implements UsersRepo {
  constructor(private readonly db: Db) {}

  findByUsername(sessionId: string, username: string) {
    return this.db.data.users.find((u) => u.sessionId === sessionId && u.username === username);
  }

  findById(id: string) {
    return this.db.data.users.find((u) => u.id === id);
  }

  list(sessionId: string) {
    return this.db.data.users.filter((u) => u.sessionId === sessionId);
  }

  async update(id: string, change: Partial<Omit<UserRecord, 'id' | 'sessionId'>>) {
    const user = this.findById(id);
    if (!user) throw new Error(`no user ${id}`);
    Object.assign(user, change);
    await this.db.write();
    return user;
  }

  async insert(user: UserRecord) {
    this.db.data.users.push(user);
    await this.db.write();
    return user;
  }
}
