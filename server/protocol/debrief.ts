/**
 * The debrief (issue 13): per-round figures computed from the trail, the spread of shared stories and
 * files, the quiz's before/after change, exports. Type-only.
 */
import type { Mode } from './vocabulary';

/** One hop of a spread: who passed an item to whom, and when (ISO). `from`/`to` are player ids. */
export interface SpreadEdge {
  from: string;
  to: string;
  at: string;
}

/** How far one shared story (open mode: the share tree) or one file (closed mode: the hand-over chain) travelled. */
export interface SpreadItem {
  itemId: string;
  title: string;
  /** 'post' for a story on the Commons, 'file' for a smuggled file. */
  kind?: 'post' | 'file';
  /** How many distinct people it reached (its first holder or author included). */
  reached: number;
  edges: SpreadEdge[];
  /** Seconds from its first appearance to its last new person (absent when it reached one person). */
  secondsToLast?: number;
}

/** The figures of one round. */
export interface DebriefRound {
  number: number;
  mode: Mode;
  startedAt?: string;
  endedAt?: string | null;
  messages: { sent: number; delivered: number; blocked: number; rewritten: number };
  posts: {
    submitted: number;
    approved: number;
    rejected: number;
    filtered: number;
    medianSecondsToVisible: number | null;
  };
  searches: { total: number; emptyByFilter: number };
  blockedAddresses: number;
  /** Outside addresses tried (closed: the wall; open: the leaving page). */
  outsideTried?: number;
  /** Player ids muted, revoked, inspected in the round. */
  discipline?: { muted: string[]; revoked: string[]; inspected: string[] };
  /** Open mode: what the closed network's filter would have blocked. */
  wouldBlock?: number;
  spread: SpreadItem[];
}

/** One quiz item's share of correct answers, before and after (0–1; null when nobody answered). */
export interface DebriefQuizItem {
  id: string;
  /** Whether the statement is true. */
  truth?: boolean;
  before: number | null;
  after: number | null;
}

/** The class's quiz figures: accuracy per item, discernment and bias before and after. */
export interface DebriefQuiz {
  items: DebriefQuizItem[];
  /** mean(true rated true) − mean(false rated true), over the class (−1…1). */
  discernmentBefore: number | null;
  discernmentAfter: number | null;
  /** Tendency to answer "false": positive = more "false" answers than the items warrant (−1…1). */
  biasBefore: number | null;
  biasAfter: number | null;
  /** Signal-detection d′ (with a log-linear correction), when computable. */
  dPrimeBefore?: number | null;
  dPrimeAfter?: number | null;
  /** How many students answered each phase. */
  answeredBefore?: number;
  answeredAfter?: number;
}

/** `GET /api/sessions/:id/debrief`. */
export interface DebriefResponse {
  rounds: DebriefRound[];
  quiz: DebriefQuiz;
  /** Player id → display name (the facilitator only; the projector view may hide them). */
  players?: Record<string, string>;
  /** Whether the transcript download is allowed (`PATCH /api/sessions/:id {transcript}`). */
  transcript?: boolean;
}

/** A quiz phase: `before` when a student joins, `after` once the facilitator opens it. */
export type QuizPhase = 'before' | 'after';

/** `GET /api/quiz`: the phase the reader has to answer now (null: none), and its items (no truth values). */
export interface QuizResponse {
  phase: QuizPhase | null;
  items: { id: string; text: string }[];
}

/** `POST /api/quiz/answers` body. */
export interface QuizAnswersRequest {
  phase: QuizPhase;
  answers: { itemId: string; answer: boolean }[];
}

/** `GET /api/quiz/result`: the reader's own before/after. */
export interface QuizResultResponse {
  items: { id: string; text: string; truth: boolean; before: boolean | null; after: boolean | null }[];
  correctBefore: number | null;
  correctAfter: number | null;
}

/** `POST /api/sessions/:id/quiz` body. */
export interface OpenQuizRequest {
  phase: 'after';
}
