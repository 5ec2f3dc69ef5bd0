/**
 * Smuggled files (copies with their chains of marks, Notels, inspections, finds) as one append-only
 * log of changes, `DATA_DIR/files.jsonl` (append-log.ts: O_DSYNC, appends grouped into one write),
 * replayed into per-session state on open, like `social.ts`. A mark is only ever appended: no
 * change removes one. Deleting or resetting a session rewrites the log without its lines.
 */
import type { FileCopyRecord, FilesChange, FilesRepo, NotelRecord } from '../domain/ports';
import { AppendLog } from './append-log';

interface SessionFiles {
  copies: FileCopyRecord[];
  notels: Map<string, NotelRecord>;
  granted: boolean;
  inspected: Set<string>;
  inspectedPlayers: Set<string>;
  found: Set<string>;
}

/** The files state in memory and the rules of applying a change; the log and the test store share it. */
export class FilesLedger {
  private readonly sessions = new Map<string, SessionFiles>();
  private readonly byId = new Map<string, FileCopyRecord>();

  private of(sessionId: string): SessionFiles {
    let st = this.sessions.get(sessionId);
    if (!st)
      this.sessions.set(
        sessionId,
        (st = {
          copies: [],
          notels: new Map(),
          granted: false,
          inspected: new Set(),
          inspectedPlayers: new Set(),
          found: new Set(),
        }),
      );
    return st;
  }

  /** Applies one change in memory. */
  protected apply(c: FilesChange): void {
    const st = this.of(c.sessionId);
    switch (c.op) {
      case 'copy': {
        const copy = { ...c.copy, marks: [...c.copy.marks] };
        st.copies.push(copy);
        this.byId.set(copy.copyId, copy);
        return;
      }
      case 'move': {
        const copy = this.byId.get(c.copyId);
        if (!copy || copy.sessionId !== c.sessionId) return;
        copy.holderId = c.holderId;
        if (c.mark) copy.marks.push({ ...c.mark });
        return;
      }
      case 'notel':
        st.notels.set(c.notelId, { notelId: c.notelId, sessionId: c.sessionId, holderId: c.holderId });
        return;
      case 'granted':
        st.granted = true;
        return;
      case 'inspected':
        st.inspectedPlayers.add(c.playerId);
        for (const id of c.copyIds) st.inspected.add(id);
        return;
      case 'found':
        st.found.add(c.userId);
        return;
    }
  }

  /** Forgets a session in memory. */
  protected forget(sessionId: string): void {
    for (const c of this.sessions.get(sessionId)?.copies ?? []) this.byId.delete(c.copyId);
    this.sessions.delete(sessionId);
  }

  copies(sessionId: string): readonly FileCopyRecord[] {
    return this.sessions.get(sessionId)?.copies ?? [];
  }
  copy(copyId: string): FileCopyRecord | undefined {
    return this.byId.get(copyId);
  }
  notels(sessionId: string): readonly NotelRecord[] {
    return [...(this.sessions.get(sessionId)?.notels.values() ?? [])];
  }
  granted(sessionId: string): boolean {
    return this.sessions.get(sessionId)?.granted ?? false;
  }
  inspected(sessionId: string, copyId: string): boolean {
    return this.sessions.get(sessionId)?.inspected.has(copyId) ?? false;
  }
  inspectedPlayer(sessionId: string, playerId: string): boolean {
    return this.sessions.get(sessionId)?.inspectedPlayers.has(playerId) ?? false;
  }
  found(sessionId: string, userId: string): boolean {
    return this.sessions.get(sessionId)?.found.has(userId) ?? false;
  }
}

/** The files repository over its append-only log. */
export class LogFiles extends FilesLedger implements FilesRepo {
  private constructor(private readonly log: AppendLog<FilesChange>) {
    super();
    for (const c of log.items) this.apply(c);
  }

  /** Opens (creating if needed) the log at `file` and replays it. */
  static async open(file: string): Promise<LogFiles> {
    return new LogFiles(await AppendLog.open<FilesChange>(file));
  }

  /** Applies the changes in memory at once (the next request sees them); resolves once their lines are on disk. */
  async change(...changes: FilesChange[]): Promise<void> {
    for (const c of changes) this.apply(c);
    await Promise.all(changes.map((c) => this.log.append(c)));
  }

  /** Removes every record of a session, in memory and from the log's file. */
  async dropSession(sessionId: string): Promise<void> {
    this.forget(sessionId);
    await this.log.retain((c) => c.sessionId !== sessionId);
  }

  /** Waits for pending appends and closes the file. */
  close(): Promise<void> {
    return this.log.close();
  }
}
