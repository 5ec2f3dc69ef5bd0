/**
 * Smuggled files (issue 12). A copy of a pack file sits on a holder's USB stick and carries a chain
 * of marks: every device a copy reaches adds its owner's mark when the copy arrives (dropped, found,
 * handed over), whether or not it can open it — as Red Star OS marks media files on any stick
 * plugged in. No input ever names a mark: the only marks are those these functions append.
 *
 * Devices: a terminal on the walled network (a role with the domestic network while outside links
 * are off: closed mode) is a state device and refuses unsigned files; any other terminal (the
 * foreigners' own laptops, everyone's in open mode) opens anything; citizens in closed mode have no
 * terminal. A Notel plays every file. Hand-overs are in person: the network cannot block them, but
 * they are recorded. A censor may inspect a device only while an inspection runs (fired by the
 * facilitator, for INSPECTION_MINUTES or until its round ends), sees what it holds but not where it
 * came from, and may trace a copy an inspection saw back to its first holder.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type {
  FileContent,
  FileCopy,
  FilesChangedPush,
  FilesResponse,
  InspectionOutcome,
  InspectionResponse,
  SessionFilesResponse,
  TraceResponse,
} from '../protocol/api';
import { subjectOf } from './auth';
import { DomainError, forbidden } from './errors';
import type { Pack } from './pack';
import type { PackFile } from './pack-files';
import { can, canOpenSite, disciplinable, rule, type Actor } from './policy';
import type {
  FileCopyRecord,
  FilesChange,
  FilesRepo,
  NotelRecord,
  SessionRecord,
  SessionsRepo,
  UserRecord,
  UsersRepo,
} from './ports';
import type { TrailRecorder } from './recorder';

/** How long an inspection lets censors inspect devices (it also ends with its round). */
export const INSPECTION_MINUTES = 10;

/** What the files functions announce: a user's holdings changed (the realtime layer pushes `files:changed`). */
export interface FilesEventMap {
  changed: [{ userId: string; sessionId: string; reason: FilesChangedPush['reason'] }];
}

/** A small typed emitter for the files announcements. */
export class FilesEvents {
  private readonly emitter = new EventEmitter();

  /** Announces an event. */
  emit<K extends keyof FilesEventMap>(name: K, ...args: FilesEventMap[K]): void {
    this.emitter.emit(name, ...args);
  }

  /** Subscribes; returns the function that unsubscribes. */
  on<K extends keyof FilesEventMap>(name: K, fn: (...args: FilesEventMap[K]) => void): () => void {
    const listener = fn as (...a: unknown[]) => void;
    this.emitter.on(name, listener);
    return () => this.emitter.off(name, listener);
  }
}

/** What the files functions need. */
export interface FilesDeps {
  pack: Pack;
  files: FilesRepo;
  users: UsersRepo;
  sessions: SessionsRepo;
  recorder: TrailRecorder;
  events: FilesEvents;
  /** Revokes a user as the censor's own revoke does (`chat.ts` `setRevoked`). */
  revoke: (actor: Actor, username: string) => Promise<void>;
  now?: () => Date;
}

const nowOf = (deps: Pick<FilesDeps, 'now'>) => (deps.now ?? (() => new Date()))();
const noCopy = () => new DomainError('not_found', 'no_copy', 'No such file on this device.');
const noPlayer = () => new DomainError('not_found', 'no_player', 'No such student in this session.');

// ---- rules ------------------------------------------------------------------------------------

/** The terminal an actor sits at: a state device, a free one (opens anything), or none. */
export function terminalOf(actor: Actor): 'state' | 'free' | null {
  if (actor.pending) return null;
  if (can(actor, 'network.domestic')) return rule(actor, 'outsideLinksAllowed') ? 'free' : 'state';
  if (can(actor, 'network.foreign')) return 'free';
  return null;
}

/** Where a file opens for an actor, or why it does not: a Notel plays all, a state terminal only signed files. */
export function deviceFor(
  actor: Actor,
  signed: boolean,
  notel: boolean,
): 'notel' | 'terminal' | 'unsigned' | 'no_device' {
  const terminal = terminalOf(actor);
  if (signed && terminal) return 'terminal';
  if (notel) return 'notel';
  if (terminal === 'free') return 'terminal';
  return terminal === 'state' ? 'unsigned' : 'no_device';
}

/** Whether an inspection runs in a session now. */
export function inspectionRunning(s: SessionRecord | undefined, now: Date): boolean {
  const i = s?.class?.inspection;
  if (!i || Date.parse(i.until) <= now.getTime()) return false;
  return i.round === null || s.class?.round?.number === i.round;
}

/** The inspection window an `inspection` event opens now (stored on the class state). */
export function inspectionWindow(
  s: SessionRecord,
  now: Date,
): { startedAt: string; until: string; round: number | null } {
  return {
    startedAt: now.toISOString(),
    until: new Date(now.getTime() + INSPECTION_MINUTES * 60_000).toISOString(),
    round: s.class?.round?.number ?? null,
  };
}

/** Someone who holds a device: a persona or a seat with a role, never the facilitator. */
function requireHolder(actor: Actor): void {
  if (actor.pending) throw forbidden('Wait for your role.');
  if (can(actor, 'sessions.manage')) throw forbidden('The facilitator holds no device.');
}

/** Whether a user is in the world of its session: not revoked or removed, has a role, not the facilitator. */
function present(u: UserRecord, actor: Actor): boolean {
  if (u.revoked || u.seat?.removed || (u.seat && !u.seat.assigned)) return false;
  return !can({ role: u.role, mode: actor.mode }, 'sessions.manage');
}

function packFile(deps: Pick<FilesDeps, 'pack'>, fileId: string): PackFile {
  const f = deps.pack.files.files.find((x) => x.id === fileId);
  if (!f) throw new DomainError('not_found', 'no_file', 'No such file.');
  return f;
}

/** A copy as a device lists it (no chain: only how many marks it carries). */
export function copyView(deps: Pick<FilesDeps, 'pack'>, c: FileCopyRecord): FileCopy {
  const f = packFile(deps, c.fileId);
  return {
    copyId: c.copyId,
    fileId: f.id,
    title: f.title,
    kind: f.kind,
    signed: f.signed,
    sizeMb: f.sizeMb,
    marks: c.marks.length,
  };
}

// ---- Notels -----------------------------------------------------------------------------------

/**
 * The Notels of a session. The pack's own session starts with the personas `files.json` names; they
 * are written to the log only once one moves (`materialise`), so a reset brings them back.
 */
function notelsOf(deps: FilesDeps, sessionId: string): readonly NotelRecord[] {
  const s = deps.sessions.get(sessionId);
  if (s?.class || deps.files.granted(sessionId)) return deps.files.notels(sessionId);
  return deps.pack.files.notels.personas.flatMap((username) => {
    const u = deps.users.findByUsername(sessionId, username);
    return u ? [{ notelId: `notel-${username}`, sessionId, holderId: u.id }] : [];
  });
}

/** The changes that write the pack session's starting Notels to the log (none once written, or in a class). */
function materialise(deps: FilesDeps, sessionId: string): FilesChange[] {
  if (deps.sessions.get(sessionId)?.class || deps.files.granted(sessionId)) return [];
  return [
    { op: 'granted', sessionId },
    ...notelsOf(deps, sessionId).map((n) => ({
      op: 'notel' as const,
      sessionId,
      notelId: n.notelId,
      holderId: n.holderId,
    })),
  ];
}

const notelOf = (deps: FilesDeps, sessionId: string, userId: string) =>
  notelsOf(deps, sessionId).find((n) => n.holderId === userId);

/**
 * Gives a class session its starting Notels, once: the first seats (in join order) of the pack's
 * role. Nothing happens before such a seat has its role; called when roles are given and when a round starts.
 */
export async function grantStartingNotels(deps: FilesDeps, sessionId: string): Promise<void> {
  if (deps.files.granted(sessionId) || !deps.sessions.get(sessionId)?.class) return;
  const { role, count } = deps.pack.files.notels.seats;
  const seats = deps.users
    .list(sessionId)
    .filter((u) => u.seat?.assigned && !u.seat.removed && u.role === role)
    .sort((a, b) => a.seat!.joinedAt.localeCompare(b.seat!.joinedAt))
    .slice(0, count);
  if (seats.length === 0) return;
  await deps.files.change(
    { op: 'granted', sessionId },
    ...seats.map((u) => ({ op: 'notel' as const, sessionId, notelId: `notel-${randomUUID()}`, holderId: u.id })),
  );
  for (const u of seats) deps.events.emit('changed', { userId: u.id, sessionId, reason: 'received' });
}

// ---- a holder's device ------------------------------------------------------------------------

const held = (deps: FilesDeps, sessionId: string, userId: string) =>
  deps.files.copies(sessionId).filter((c) => c.holderId === userId);

/** A copy the actor holds, or 404 (another's copy looks missing). */
function ownCopy(deps: FilesDeps, actor: Actor, copyId: string): FileCopyRecord {
  const c = deps.files.copy(copyId);
  if (!c || c.sessionId !== actor.sessionId || c.holderId !== actor.userId) throw noCopy();
  return c;
}

/** `GET /api/files`: the actor's own device only. */
export function myFiles(deps: FilesDeps, actor: Actor): FilesResponse {
  requireHolder(actor);
  const out: FilesResponse = {
    copies: held(deps, actor.sessionId, actor.userId).map((c) => copyView(deps, c)),
    notel: !!notelOf(deps, actor.sessionId, actor.userId),
  };
  const s = deps.sessions.get(actor.sessionId);
  if (s?.class)
    out.classmates = deps.users
      .list(actor.sessionId)
      .filter((u) => u.id !== actor.userId && present(u, actor))
      .sort((a, b) => a.displayName.localeCompare(b.displayName))
      .map((u) => ({ playerId: u.id, name: u.displayName }));
  else if (!deps.files.found(actor.sessionId, actor.userId)) {
    const spot = deps.pack.files.found.find((f) => f.persona === actor.username);
    if (spot) out.find = { site: spot.site };
  }
  return out;
}

/** `POST /api/files/:copyId/open`: the content on the Notel or the terminal, or 403 `unsigned` / `no_device`. */
export async function openCopy(deps: FilesDeps, actor: Actor, copyId: string): Promise<FileContent> {
  requireHolder(actor);
  const c = ownCopy(deps, actor, copyId);
  const f = packFile(deps, c.fileId);
  const device = deviceFor(actor, f.signed, !!notelOf(deps, actor.sessionId, actor.userId));
  const detail = { copy: c.copyId, file: f.id, title: f.title };
  if (device === 'unsigned' || device === 'no_device') {
    await deps.recorder.record(subjectOf(actor), 'file_refused', { ...detail, reason: device });
    throw device === 'unsigned'
      ? new DomainError('forbidden', 'unsigned', 'This file is not signed by the state and cannot be opened.')
      : new DomainError('forbidden', 'no_device', 'You have no device that can open this file.');
  }
  await deps.recorder.record(subjectOf(actor), 'file_opened', { ...detail, device });
  return { fileId: f.id, kind: f.kind, title: f.title, body: [...f.body], device };
}

/** The student a hand-over names: someone else of the same session, still in it. */
function receiver(deps: FilesDeps, actor: Actor, to: string): UserRecord {
  if (to === actor.userId) throw new DomainError('bad_input', 'self', 'You cannot hand something to yourself.');
  const u = deps.users.findById(to);
  if (!u || u.sessionId !== actor.sessionId || can({ role: u.role, mode: actor.mode }, 'sessions.manage'))
    throw noPlayer();
  if (!present(u, actor))
    throw new DomainError(
      'conflict',
      'not_present',
      'That student is not in the session any more (or has no role yet).',
    );
  return u;
}

/** `POST /api/files/:copyId/handover`: in person, so the network cannot block it; the receiver's device marks the copy. */
export async function handOver(deps: FilesDeps, actor: Actor, copyId: string, to: string): Promise<FileCopy> {
  requireHolder(actor);
  const c = ownCopy(deps, actor, copyId);
  const r = receiver(deps, actor, to);
  const f = packFile(deps, c.fileId);
  const mark = { userId: r.id, name: r.displayName, at: nowOf(deps).toISOString() };
  // Checked and applied with no await between: a second hand-over of the same copy finds it gone.
  await deps.files.change({ op: 'move', sessionId: actor.sessionId, copyId: c.copyId, holderId: r.id, mark });
  await deps.recorder.record(subjectOf(actor), 'file_handed_over', {
    copy: c.copyId,
    file: f.id,
    title: f.title,
    to: r.displayName,
    toUser: r.username,
    marks: String(c.marks.length),
  });
  deps.events.emit('changed', { userId: actor.userId, sessionId: actor.sessionId, reason: 'handed_over' });
  deps.events.emit('changed', { userId: r.id, sessionId: actor.sessionId, reason: 'received' });
  return copyView(deps, c);
}

/** `POST /api/files/notel/handover`: the Notel itself changes hands. */
export async function handOverNotel(deps: FilesDeps, actor: Actor, to: string): Promise<void> {
  requireHolder(actor);
  const notel = notelOf(deps, actor.sessionId, actor.userId);
  if (!notel) throw new DomainError('not_found', 'no_notel', 'You have no Notel.');
  const r = receiver(deps, actor, to);
  await deps.files.change(...materialise(deps, actor.sessionId), {
    op: 'notel',
    sessionId: actor.sessionId,
    notelId: notel.notelId,
    holderId: r.id,
  });
  await deps.recorder.record(subjectOf(actor), 'notel_handed_over', { to: r.displayName, toUser: r.username });
  deps.events.emit('changed', { userId: actor.userId, sessionId: actor.sessionId, reason: 'handed_over' });
  deps.events.emit('changed', { userId: r.id, sessionId: actor.sessionId, reason: 'received' });
}

/** New copies of a file, one per holder, each chain starting with its holder; recorded and announced. */
async function giveCopies(
  deps: FilesDeps,
  sessionId: string,
  f: PackFile,
  holders: UserRecord[],
  how: { kind: 'file_dropped' | 'file_found'; detail: Record<string, string>; reason: FilesChangedPush['reason'] },
  extra: FilesChange[] = [],
): Promise<{ playerId: string; copyId: string }[]> {
  const at = nowOf(deps).toISOString();
  const copies: FileCopyRecord[] = holders.map((u) => ({
    copyId: randomUUID(),
    sessionId,
    fileId: f.id,
    holderId: u.id,
    marks: [{ userId: u.id, name: u.displayName, at }],
    createdAt: at,
  }));
  await deps.files.change(...extra, ...copies.map((copy) => ({ op: 'copy' as const, sessionId, copy })));
  for (const [i, u] of holders.entries()) {
    await deps.recorder.record(subjectOf(u), how.kind, {
      copy: copies[i]!.copyId,
      file: f.id,
      title: f.title,
      ...how.detail,
    });
    deps.events.emit('changed', { userId: u.id, sessionId, reason: how.reason });
  }
  return copies.map((c) => ({ playerId: c.holderId!, copyId: c.copyId }));
}

/** `POST /api/files/find`: the pack session's explorer finds the stick on a page of a site, once. */
export async function findStick(deps: FilesDeps, actor: Actor, siteId: string): Promise<FileCopy> {
  requireHolder(actor);
  const nothing = () => new DomainError('not_found', 'nothing_found', 'There is nothing to find here.');
  if (deps.sessions.get(actor.sessionId)?.class) throw nothing();
  const spot = deps.pack.files.found.find((x) => x.persona === actor.username && x.site === siteId);
  const site = deps.pack.sites.find((s) => s.id === siteId);
  if (!spot || !site || !canOpenSite(actor, site)) throw nothing();
  if (deps.files.found(actor.sessionId, actor.userId))
    throw new DomainError('conflict', 'already_found', 'You already found what was here.');
  const me = deps.users.findById(actor.userId);
  if (!me) throw nothing();
  const [made] = await giveCopies(
    deps,
    actor.sessionId,
    packFile(deps, spot.fileId),
    [me],
    { kind: 'file_found', detail: { site: site.id }, reason: 'found' },
    [{ op: 'found', sessionId: actor.sessionId, userId: actor.userId }],
  );
  return copyView(deps, deps.files.copy(made!.copyId)!);
}

// ---- the facilitator ---------------------------------------------------------------------------

function ownClass(deps: FilesDeps, actor: Actor, sessionId: string): SessionRecord {
  if (!can(actor, 'sessions.manage')) throw forbidden('Only the facilitator drops files.');
  const s = deps.sessions.get(sessionId);
  if (!s?.class || s.class.ownerId !== actor.userId)
    throw new DomainError('not_found', 'not_found', 'No such session.');
  return s;
}

/** `POST /api/sessions/:id/files/drop`: a fresh copy to each named student; any unknown one changes nothing. */
export async function dropFile(
  deps: FilesDeps,
  actor: Actor,
  sessionId: string,
  input: { fileId: string; to: string[] },
): Promise<{ playerId: string; copyId: string }[]> {
  const s = ownClass(deps, actor, sessionId);
  if (s.class!.ended) throw new DomainError('conflict', 'ended', 'This session has ended.');
  const f = packFile(deps, input.fileId);
  const targets = [...new Set(input.to)].map((id) => {
    const u = deps.users.findById(id);
    if (!u?.seat || u.sessionId !== s.id || u.seat.removed) throw noPlayer();
    if (!u.seat.assigned) throw new DomainError('conflict', 'not_present', 'That student has no role yet.');
    return u;
  });
  return giveCopies(deps, s.id, f, targets, {
    kind: 'file_dropped',
    detail: { by: 'facilitator' },
    reason: 'received',
  });
}

/** A kiosk visit's stick: one copy of a pack file on the visitor's device, as if a friend had slipped it over. */
export async function giveStick(deps: FilesDeps, user: UserRecord, fileId: string): Promise<void> {
  await giveCopies(deps, user.sessionId, packFile(deps, fileId), [user], {
    kind: 'file_dropped',
    detail: { by: 'kiosk' },
    reason: 'received',
  });
}

/** A scripted `files_drop` event: a copy to every seat of a role (called inside the session's queue). */
export async function dropToRole(deps: FilesDeps, sessionId: string, fileId: string, role: string, trigger: string) {
  const f = packFile(deps, fileId);
  const seats = deps.users
    .list(sessionId)
    .filter((u) => u.seat?.assigned && !u.seat.removed && !u.revoked && u.role === role)
    .sort((a, b) => a.seat!.joinedAt.localeCompare(b.seat!.joinedAt));
  return giveCopies(deps, sessionId, f, seats, { kind: 'file_dropped', detail: { by: trigger }, reason: 'received' });
}

/** `GET /api/sessions/:id/files`: every copy of the facilitator's session with its holder, and the Notels (read-only). */
export function sessionFiles(deps: FilesDeps, actor: Actor, sessionId: string): SessionFilesResponse {
  const s = ownClass(deps, actor, sessionId);
  const who = (id: string | null) => {
    const u = id ? deps.users.findById(id) : undefined;
    return u ? { playerId: u.id, name: u.displayName } : null;
  };
  return {
    copies: deps.files.copies(s.id).map((c) => ({ ...copyView(deps, c), holder: who(c.holderId) })),
    notels: notelsOf(deps, s.id).flatMap((n) => who(n.holderId) ?? []),
  };
}

// ---- the censor ---------------------------------------------------------------------------------

/** The device a censor may inspect now: a student of the session below the censors, during an inspection. */
function inspectable(deps: FilesDeps, actor: Actor, playerId: string): UserRecord {
  if (!can(actor, 'users.discipline')) throw forbidden('Only censors inspect devices.');
  if (!inspectionRunning(deps.sessions.get(actor.sessionId), nowOf(deps)))
    throw new DomainError(
      'conflict',
      'no_inspection',
      'No inspection is running: devices are inspected only during one.',
    );
  const u = deps.users.findById(playerId);
  if (!u || u.sessionId !== actor.sessionId || u.seat?.removed || !disciplinable(actor, u)) throw noPlayer();
  return u;
}

/** `POST /api/inspections`: what the device holds now (copies and Notel), never where it came from. */
export async function inspect(deps: FilesDeps, actor: Actor, playerId: string): Promise<InspectionResponse> {
  const u = inspectable(deps, actor, playerId);
  const copies = held(deps, actor.sessionId, u.id);
  const notel = !!notelOf(deps, actor.sessionId, u.id);
  await deps.files.change({
    op: 'inspected',
    sessionId: actor.sessionId,
    playerId: u.id,
    copyIds: copies.map((c) => c.copyId),
  });
  await deps.recorder.record(subjectOf(actor), 'device_inspected', {
    target: u.username,
    name: u.displayName,
    copies: String(copies.length),
    notel: notel ? 'yes' : 'no',
  });
  return { playerId: u.id, name: u.displayName, copies: copies.map((c) => copyView(deps, c)), notel };
}

/** `POST /api/inspections/outcome`: warning, confiscation (the copies and the Notel go) or revocation. */
export async function decideInspection(
  deps: FilesDeps,
  actor: Actor,
  playerId: string,
  outcome: InspectionOutcome,
): Promise<{ playerId: string; outcome: InspectionOutcome }> {
  const u = inspectable(deps, actor, playerId);
  if (!deps.files.inspectedPlayer(actor.sessionId, u.id))
    throw new DomainError('conflict', 'not_inspected', 'Inspect this device first.');
  const detail: Record<string, string> = { target: u.username, name: u.displayName, outcome };
  if (outcome === 'confiscation') {
    const copies = held(deps, actor.sessionId, u.id);
    const notel = notelOf(deps, actor.sessionId, u.id);
    await deps.files.change(
      ...(notel ? materialise(deps, actor.sessionId) : []),
      ...copies.map((c) => ({ op: 'move' as const, sessionId: actor.sessionId, copyId: c.copyId, holderId: null })),
      ...(notel ? [{ op: 'notel' as const, sessionId: actor.sessionId, notelId: notel.notelId, holderId: null }] : []),
    );
    detail.copies = String(copies.length);
    detail.notel = notel ? 'yes' : 'no';
    deps.events.emit('changed', { userId: u.id, sessionId: actor.sessionId, reason: 'confiscated' });
  }
  await deps.recorder.record(subjectOf(actor), 'inspection_outcome', detail);
  if (outcome === 'revocation') await deps.revoke(actor, u.username);
  return { playerId: u.id, outcome };
}

/**
 * A copy's chain of custody, first holder first: a censor's for a copy an inspection of the
 * session saw, the facilitator's for any copy of their own sessions. Anything else looks missing
 * (404); a role that traces nothing gets 403.
 */
export function traceCopy(deps: FilesDeps, actor: Actor, copyId: string): TraceResponse {
  const c = deps.files.copy(copyId);
  if (can(actor, 'users.discipline')) {
    if (!c || c.sessionId !== actor.sessionId || !deps.files.inspected(actor.sessionId, c.copyId)) throw noCopy();
  } else if (can(actor, 'sessions.manage')) {
    const s = c ? deps.sessions.get(c.sessionId) : undefined;
    if (!c || !s || (s.class ? s.class.ownerId !== actor.userId : s.id !== actor.sessionId)) throw noCopy();
  } else throw forbidden('Only censors trace files.');
  return { chain: c.marks.map((m) => ({ deviceOf: { playerId: m.userId, name: m.name }, at: m.at })) };
}

/** `POST /api/files/:copyId/trace`: the same chain, recorded as `file_traced` when a censor asks. */
export async function traceCopyRecorded(deps: FilesDeps, actor: Actor, copyId: string): Promise<TraceResponse> {
  const trace = traceCopy(deps, actor, copyId);
  if (can(actor, 'users.discipline')) {
    const c = deps.files.copy(copyId)!;
    await deps.recorder.record(subjectOf(actor), 'file_traced', {
      copy: c.copyId,
      file: c.fileId,
      title: packFile(deps, c.fileId).title,
      marks: String(trace.chain.length),
      first: trace.chain[0]?.deviceOf.name ?? '',
    });
  }
  return trace;
}
