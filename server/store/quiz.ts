/**
 * The quiz's answers as one append-only log, `DATA_DIR/quiz.jsonl` (append-log.ts: O_DSYNC, appends
 * grouped into one write), one line per student and phase, replayed into per-session indexes on open
 * like `social.ts`. Deleting or resetting a session rewrites the log without its lines.
 */
import type { QuizAnswerRecord, QuizRepo } from '../domain/ports';
import type { QuizPhase } from '../protocol/debrief';
import { AppendLog } from './append-log';

const keyOf = (userId: string, phase: QuizPhase) => `${phase}:${userId}`;

/** The answers in memory; the log and the test store share it. */
export class QuizLedger {
  private readonly sessions = new Map<string, { all: QuizAnswerRecord[]; byKey: Map<string, QuizAnswerRecord> }>();

  /** Applies one record in memory. */
  protected apply(r: QuizAnswerRecord): void {
    let st = this.sessions.get(r.sessionId);
    if (!st) this.sessions.set(r.sessionId, (st = { all: [], byKey: new Map() }));
    const key = keyOf(r.userId, r.phase);
    if (st.byKey.has(key)) return; // one set per student and phase: a replayed duplicate is ignored
    const copy = { ...r, answers: r.answers.map((a) => ({ ...a })) };
    st.all.push(copy);
    st.byKey.set(key, copy);
  }

  /** Forgets a session in memory. */
  protected forget(sessionId: string): void {
    this.sessions.delete(sessionId);
  }

  list(sessionId: string): readonly QuizAnswerRecord[] {
    return this.sessions.get(sessionId)?.all ?? [];
  }
  of(sessionId: string, userId: string, phase: QuizPhase): QuizAnswerRecord | undefined {
    return this.sessions.get(sessionId)?.byKey.get(keyOf(userId, phase));
  }
}

/** The quiz repository over its append-only log. */
export class LogQuiz extends QuizLedger implements QuizRepo {
  private constructor(private readonly log: AppendLog<QuizAnswerRecord>) {
    super();
    for (const r of log.items) this.apply(r);
  }

  /** Opens (creating if needed) the log at `file` and replays it. */
  static async open(file: string): Promise<LogQuiz> {
    return new LogQuiz(await AppendLog.open<QuizAnswerRecord>(file));
  }

  /** Applies the record in memory at once (the next request sees it); resolves once its line is on disk. */
  async insert(record: QuizAnswerRecord): Promise<QuizAnswerRecord> {
    this.apply(record);
    await this.log.append(record);
    return record;
  }

  /** Removes every record of a session, in memory and from the log's file. */
  async dropSession(sessionId: string): Promise<void> {
    this.forget(sessionId);
    await this.log.retain((r) => r.sessionId !== sessionId);
  }

  /** Waits for pending appends and closes the file. */
  close(): Promise<void> {
    return this.log.close();
  }
}
