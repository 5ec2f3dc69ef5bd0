/**
 * Chat history: one append-only log per room (or `dm:` conversation) and session, under
 * DATA_DIR/chat/<session>/<room>.jsonl, opened on first use (see append-log.ts).
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChatRepo, ChatRoomLog } from '../domain/ports';
import type { ChatMessage } from '../protocol/api';
import { AppendLog } from './append-log';

/** A file name part that cannot leave its folder: anything but a-z, 0-9, _ and - becomes `~`. */
const safe = (s: string) => s.replace(/[^a-z0-9_-]/gi, '~');

/** The chat repository over append-only files. */
export class FileChat implements ChatRepo {
  private readonly logs = new Map<string, Promise<AppendLog<ChatMessage>>>();

  /** `dir` is DATA_DIR/chat. */
  constructor(private readonly dir: string) {}

  room(sessionId: string, roomId: string): Promise<ChatRoomLog> {
    const file = join(this.dir, safe(sessionId), `${safe(roomId)}.jsonl`);
    let log = this.logs.get(file);
    if (!log) {
      log = AppendLog.open<ChatMessage>(file);
      this.logs.set(file, log);
      log.catch(() => this.logs.delete(file));
    }
    return log;
  }

  /** Closes a session's logs and deletes its folder (every room and conversation of it). */
  async dropSession(sessionId: string): Promise<void> {
    const dir = join(this.dir, safe(sessionId));
    for (const [file, log] of [...this.logs]) {
      if (!file.startsWith(dir + '/') && !file.startsWith(dir + '\\')) continue;
      this.logs.delete(file);
      await (await log.catch(() => undefined))?.close();
    }
    await rm(dir, { recursive: true, force: true });
  }

  /** Waits for pending appends and closes every opened log. */
  async close() {
    for (const log of this.logs.values()) await (await log).close();
  }
}
