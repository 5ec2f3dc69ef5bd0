/**
 * The pack's simulated cast (`cast.json`): people who play the parts no person holds — the censor
 * bureau that decides posts and warns chatters, colleagues who talk in chat rooms, the hotel guide
 * who answers foreigners, and board life. Every one of them is marked as simulated wherever they
 * appear (the `placardId` placard says why). Pure schema and cross-file checks; `pack.ts` registers
 * them and `cast.ts` plays them.
 */
import { z } from 'zod';
import { LIMITS, PATTERNS, ROLES } from '../protocol/vocabulary';
import { findBanned, type FilterList } from './filter';

const id = z.string().regex(PATTERNS.packId, 'must be a lower-case id (a-z, 0-9, -)');
const text = (max: number) => z.string().trim().min(1).max(max);
/** A range of seconds `[min, max]`, min ≤ max. */
const seconds = (max: number) =>
  z
    .tuple([z.number().int().min(0).max(max), z.number().int().min(0).max(max)])
    .refine(([a, b]) => a <= b, 'the first number (min) must not exceed the second (max)');

/** What a cast member does. */
export const CAST_KINDS = ['bureau', 'colleague', 'guide'] as const;
/** The kinds of pattern a room's cast answers. */
export const PATTERN_KINDS = ['greeting', 'plan', 'forbidden', 'sights', 'locals'] as const;

const memberSchema = z.strictObject({
  id,
  /** The name it posts and chats under: never one a persona or seat can have (it starts `cast_`). */
  username: z.string().regex(/^cast_[a-z0-9_]{1,26}$/, 'must start with cast_ (then a-z, 0-9, _)'),
  displayName: text(80),
  role: z.enum(ROLES),
  kind: z.enum(CAST_KINDS),
  /** The chat rooms it sits in (colleagues and the guide). */
  rooms: z.array(id).max(10).default([]),
});

/** One line a cast member may say. */
const lineSchema = z.strictObject({ member: id, text: text(LIMITS.chatText) });

const patternSchema = z.strictObject({
  kind: z.enum(PATTERN_KINDS),
  /** Words or phrases that trigger it (case, accents and spacing are folded), at least one. */
  match: z.array(text(80)).min(1).max(40),
  /** The replies, one picked at random. */
  replies: z.array(lineSchema).min(1).max(20),
  /**
   * What the cast does beyond replying, in the closed network only: `report` records the speaker
   * in the trail as reported by the one who replied (colleagues do this with a forbidden topic).
   */
  action: z.enum(['avoid', 'report']).default('avoid'),
});

const roomSchema = z.strictObject({
  room: id,
  /** Ambient lines, one every `everySeconds` while a person is in the room. */
  ambient: z.strictObject({ everySeconds: seconds(3600), lines: z.array(lineSchema).min(1).max(60) }).optional(),
  /** Patterns answered in order: the first that matches a person's message is answered. */
  patterns: z.array(patternSchema).max(10).default([]),
  /** The answer to a message no pattern matches (the guide steers; colleagues usually say nothing). */
  fallback: z.array(lineSchema).max(20).default([]),
});

const bureauRuleSchema = z.strictObject({
  id,
  /** Words or phrases that make a post break the rule (folded like the filter's). */
  match: z.array(text(80)).min(1).max(60),
  /** The reason the author is shown. */
  reason: text(LIMITS.decisionReason),
});

const boardPostSchema = z.strictObject({
  member: id,
  board: id,
  /** A new thread's title; without one the body is a reply to a recent approved thread of the board. */
  title: text(LIMITS.postTitle).optional(),
  body: text(LIMITS.postBody),
});

/** `cast.json`. */
export const castFileSchema = z.strictObject({
  /** The placard that says who the simulated people are and why they are there. */
  placardId: id,
  /** Upper bounds per session, whatever the scripts say. */
  limits: z.strictObject({
    /** Cast chat messages per session per minute (ambient lines and replies together). */
    chatPerMinute: z.number().int().min(1).max(30),
    /** Cast board posts per session per hour. */
    postsPerHour: z.number().int().min(0).max(60),
  }),
  /** How long a colleague or the guide takes to answer. */
  replyDelaySeconds: seconds(120),
  members: z.array(memberSchema).min(1).max(40),
  bureau: z.strictObject({
    /** The bureau member that decides and warns. */
    member: id,
    /** Rules in order: the first a post breaks rejects it with its reason; a post that breaks none is approved. */
    rules: z.array(bureauRuleSchema).min(1).max(20),
    /** The reason for a post with a word close to one the filter blocks ("freedoms", "pr0test"). */
    nearFilterReason: text(LIMITS.decisionReason),
    /** After this many rewritten or blocked chat messages a person is warned (and counting starts again). */
    strikes: z.number().int().min(1).max(10),
    /** The warning the person is shown. */
    warning: text(400),
  }),
  rooms: z.array(roomSchema).max(20).default([]),
  /** Board life: one of `posts` every `everySeconds` while a person is in the session. */
  boards: z.strictObject({ everySeconds: seconds(3600), posts: z.array(boardPostSchema).min(1).max(60) }).optional(),
});

/** The whole `cast.json`. */
export type PackCast = z.infer<typeof castFileSchema>;
/** One cast member. */
export type CastMember = PackCast['members'][number];
/** A room's script. */
export type CastRoom = PackCast['rooms'][number];
/** One line of a script. */
export type CastLine = z.infer<typeof lineSchema>;
/** One board post of board life. */
export type CastBoardPost = z.infer<typeof boardPostSchema>;

/** What the cast is checked against in the other pack files. */
interface Others {
  personas: readonly { username: string }[];
  rooms: readonly { id: string; roles: readonly string[] }[];
  boards: readonly { id: string; readRoles: readonly string[]; postRoles: readonly string[] }[];
  placardIds: ReadonlySet<string>;
  filter: FilterList;
}

/** Cross-file checks: `[file, field, problem]` of the first fault, or undefined. */
export function checkCast(c: PackCast, o: Others): [string, string, string] | undefined {
  const file = 'cast.json';
  if (!o.placardIds.has(c.placardId)) return [file, 'placardId', `no placard "${c.placardId}"`];
  const members = new Map<string, CastMember>();
  const names = new Set<string>();
  const personas = new Set(o.personas.map((p) => p.username));
  const roomIds = new Set(o.rooms.map((r) => r.id));
  for (const [i, m] of c.members.entries()) {
    if (members.has(m.id)) return [file, `members[${i}].id`, `duplicate id "${m.id}"`];
    if (names.has(m.username) || personas.has(m.username))
      return [file, `members[${i}].username`, `"${m.username}" is taken`];
    members.set(m.id, m);
    names.add(m.username);
    for (const [j, r] of m.rooms.entries()) {
      if (!roomIds.has(r)) return [file, `members[${i}].rooms[${j}]`, `no chat room "${r}"`];
      if (m.kind === 'bureau') return [file, `members[${i}].rooms`, 'the bureau sits in no room'];
    }
  }
  const bureau = members.get(c.bureau.member);
  if (!bureau || bureau.kind !== 'bureau') return [file, 'bureau.member', `no bureau member "${c.bureau.member}"`];
  const sayable = (line: CastLine, field: string, room?: string): [string, string, string] | undefined => {
    const m = members.get(line.member);
    if (!m) return [file, `${field}.member`, `no cast member "${line.member}"`];
    if (room !== undefined && !m.rooms.includes(room))
      return [file, `${field}.member`, `"${line.member}" does not sit in the room "${room}"`];
    const hit = findBanned(o.filter, line.text);
    if (hit) return [file, `${field}.text`, `the filter would block this line ("${hit.term}")`];
    return undefined;
  };
  const scripted = new Set<string>();
  for (const [i, r] of c.rooms.entries()) {
    const field = `rooms[${i}]`;
    if (!roomIds.has(r.room)) return [file, `${field}.room`, `no chat room "${r.room}"`];
    if (scripted.has(r.room)) return [file, `${field}.room`, `the room "${r.room}" is scripted twice`];
    scripted.add(r.room);
    const lines: [CastLine, string][] = [
      ...(r.ambient?.lines ?? []).map((l, j): [CastLine, string] => [l, `${field}.ambient.lines[${j}]`]),
      ...r.patterns.flatMap((p, j) =>
        p.replies.map((l, k): [CastLine, string] => [l, `${field}.patterns[${j}].replies[${k}]`]),
      ),
      ...r.fallback.map((l, j): [CastLine, string] => [l, `${field}.fallback[${j}]`]),
    ];
    for (const [line, at] of lines) {
      const problem = sayable(line, at, r.room);
      if (problem) return problem;
    }
  }
  for (const [i, p] of (c.boards?.posts ?? []).entries()) {
    const field = `boards.posts[${i}]`;
    const m = members.get(p.member);
    if (!m) return [file, `${field}.member`, `no cast member "${p.member}"`];
    const board = o.boards.find((b) => b.id === p.board);
    if (!board) return [file, `${field}.board`, `no board "${p.board}"`];
    if (!board.readRoles.includes(m.role) || !board.postRoles.includes(m.role))
      return [file, `${field}.member`, `a ${m.role} may not post on "${p.board}"`];
    const hit = findBanned(o.filter, `${p.title ?? ''}\n${p.body}`);
    if (hit) return [file, `${field}.body`, `the filter would block this post ("${hit.term}")`];
  }
  return undefined;
}
