/**
 * Smuggled files over the in-memory world: the chain of custody across hand-overs, signature checks
 * by device kind, the trace back to the first holder, what an inspection shows and when, and that
 * no call forges or removes a mark.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Mode, Role } from '../protocol/api';
import { session, user } from '../test/factories';
import { outcome, testWorld, type World } from '../test/memory';
import {
  decideInspection,
  deviceFor,
  dropFile,
  dropToRole,
  findStick,
  grantStartingNotels,
  handOver,
  handOverNotel,
  inspect,
  inspectionWindow,
  myFiles,
  openCopy,
  traceCopy,
} from './files';
import type { Actor } from './policy';
import type { ClassState, UserRecord } from './ports';

let w: World;
let clock: Date;
const tick = () => (clock = new Date(clock.getTime() + 60_000));
const CLASS = 'c-files-test';

const classState = (ownerId: string): ClassState => ({
  ownerId,
  packId: 'default',
  capacity: 40,
  lateJoin: true,
  locked: false,
  paused: false,
  ended: false,
  round: { number: 1, mode: 'closed', startedAt: '2026-01-01T09:00:00.000Z' },
  rounds: 1,
  preset: null,
  removedNames: [],
});

let joined = 0;
const seat = (name: string, role: Role, over: Partial<UserRecord> = {}) =>
  w.store.users.add(
    user({
      sessionId: CLASS,
      displayName: name,
      role,
      seat: { joinedAt: new Date(Date.UTC(2026, 0, 1, 9, 0, joined++)).toISOString(), assigned: true },
      ...over,
    }),
  );
const as = (u: UserRecord, mode: Mode = 'closed'): Actor => ({
  userId: u.id,
  username: u.username,
  role: u.role,
  sessionId: u.sessionId,
  mode,
});
const cls = () => w.store.sessions.get(CLASS)!;
const startInspection = () => {
  cls().class!.inspection = inspectionWindow(cls(), clock);
};
const copyOf = (u: UserRecord) => myFiles(w.files, as(u)).copies[0]!.copyId;

beforeEach(async () => {
  clock = new Date('2026-01-01T09:05:00.000Z');
  w = await testWorld({ now: () => clock });
  w.store.sessions.items.push(session({ id: CLASS, code: '424242', class: classState(w.user('facilitator').id) }));
});

describe('the chain of custody', () => {
  it('carries one mark per device across five hand-overs, in order, including devices that cannot open it', async () => {
    const pak = seat('Pak', 'citizen');
    const ri = seat('Ri', 'elite');
    const kang = seat('Kang', 'scientist');
    const jo = seat('Jo', 'academic');
    const anna = seat('Anna', 'foreigner');
    const kim = seat('Kim', 'citizen');
    await grantStartingNotels(w.files, CLASS); // the first two citizens: Pak and Kim
    expect(myFiles(w.files, as(pak)).notel).toBe(true);
    await handOverNotel(w.files, as(kim), ri.id); // Kim gives hers to Ri: Kim has no device now
    expect(myFiles(w.files, as(kim)).notel).toBe(false);

    const [drop] = await dropFile(w.files, w.actor('facilitator'), CLASS, { fileId: 'harbour-film', to: [pak.id] });
    const copyId = drop!.copyId;
    expect((await openCopy(w.files, as(pak), copyId)).device).toBe('notel');

    const path = [kang, jo, anna, kim, ri];
    let giver = pak;
    const opened: unknown[] = [];
    for (const next of path) {
      tick();
      await handOver(w.files, as(giver), copyId, next.id);
      expect(myFiles(w.files, as(giver)).copies).toEqual([]);
      opened.push(await outcome(() => openCopy(w.files, as(next), copyId)));
      giver = next;
    }
    // State terminals refuse it; the foreigner's own laptop opens it; Kim has nothing to open it on; Ri has Kim's Notel.
    expect(opened).toEqual([403, 403, 'ok', 403, 'ok']);
    expect(
      w.store.trail.query({ sessionId: CLASS, kind: 'file_refused', limit: 9 }).map((e) => e.detail.reason),
    ).toEqual(['no_device', 'unsigned', 'unsigned']);
    expect(myFiles(w.files, as(ri)).copies).toMatchObject([
      { copyId, fileId: 'harbour-film', signed: false, marks: 6 },
    ]);

    const chain = traceCopy(w.files, w.actor('facilitator'), copyId).chain;
    expect(chain.map((m) => m.deviceOf.name)).toEqual(['Pak', 'Kang', 'Jo', 'Anna', 'Kim', 'Ri']);
    expect(chain.map((m) => m.deviceOf.playerId)).toEqual([pak, ...path].map((u) => u.id));
    expect(chain.map((m) => m.at)).toEqual([...chain.map((m) => m.at)].sort());
    expect(new Set(chain.map((m) => m.at)).size).toBe(6);
    expect(w.store.trail.count(CLASS, 'file_handed_over')).toBe(5);
  });

  it('refuses a hand-over to oneself, to another session, to a removed or waiting student, or of a copy one does not hold — and changes nothing', async () => {
    const pak = seat('Pak', 'citizen');
    const ri = seat('Ri', 'elite');
    const gone = seat('Gone', 'elite', {
      revoked: true,
      seat: { joinedAt: clock.toISOString(), assigned: true, removed: true },
    });
    const waiting = seat('Waiting', 'citizen', { seat: { joinedAt: clock.toISOString(), assigned: false } });
    await dropFile(w.files, w.actor('facilitator'), CLASS, { fileId: 'world-bulletin', to: [pak.id] });
    const copyId = copyOf(pak);
    const before = JSON.stringify(w.store.files.log);
    const trailBefore = w.store.trail.items.length;
    const attempts: [() => Promise<unknown>, string][] = [
      [() => handOver(w.files, as(pak), copyId, pak.id), 'self'],
      [() => handOver(w.files, as(pak), copyId, w.user('elite').id), 'no_player'], // the demo session's elite
      [() => handOver(w.files, as(pak), copyId, gone.id), 'not_present'],
      [() => handOver(w.files, as(pak), copyId, waiting.id), 'not_present'],
      [() => handOver(w.files, as(pak), copyId, w.user('facilitator').id), 'no_player'],
      [() => handOver(w.files, as(ri), copyId, pak.id), 'no_copy'],
      [() => handOver(w.files, as(pak), 'no-such-copy', ri.id), 'no_copy'],
    ];
    for (const [run, code] of attempts) await expect(run()).rejects.toMatchObject({ code });
    expect(JSON.stringify(w.store.files.log)).toBe(before);
    expect(w.store.trail.items.length).toBe(trailBefore);
    expect(myFiles(w.files, as(pak)).copies).toMatchObject([{ copyId, marks: 1 }]);
  });

  it('drops to every seat of a role for a scripted event, each copy starting its own chain', async () => {
    const a = seat('A', 'citizen');
    const b = seat('B', 'citizen');
    seat('C', 'elite');
    const made = await dropToRole(w.files, CLASS, 'harbour-film', 'citizen', 'timer');
    expect(made.map((m) => m.playerId)).toEqual([a.id, b.id]);
    for (const m of made)
      expect(traceCopy(w.files, w.actor('facilitator'), m.copyId).chain.map((x) => x.deviceOf.playerId)).toEqual([
        m.playerId,
      ]);
  });
});

describe('signatures by device kind', () => {
  it.each([
    // role, mode, has a Notel → unsigned, signed
    ['citizen', 'closed', false, 'no_device', 'no_device'],
    ['citizen', 'closed', true, 'notel', 'notel'],
    ['elite', 'closed', false, 'unsigned', 'terminal'],
    ['elite', 'closed', true, 'notel', 'terminal'],
    ['censor', 'closed', false, 'unsigned', 'terminal'],
    ['editor', 'closed', false, 'unsigned', 'terminal'],
    ['scientist', 'closed', false, 'unsigned', 'terminal'],
    ['foreigner', 'closed', false, 'terminal', 'terminal'],
    ['elite', 'open', false, 'terminal', 'terminal'],
    ['citizen', 'open', false, 'terminal', 'terminal'],
  ] as const)('%s in %s mode (Notel: %s): unsigned → %s, signed → %s', (role, mode, notel, unsigned, signed) => {
    const actor = { userId: 'u', username: 'u', role, sessionId: CLASS, mode } as Actor;
    expect(deviceFor(actor, false, notel)).toBe(unsigned);
    expect(deviceFor(actor, true, notel)).toBe(signed);
  });

  it('a state terminal refuses the unsigned film (recorded) and opens the signed songs', async () => {
    const ri = seat('Ri', 'elite');
    await dropFile(w.files, w.actor('facilitator'), CLASS, { fileId: 'harbour-film', to: [ri.id] });
    await dropFile(w.files, w.actor('facilitator'), CLASS, { fileId: 'approved-songs', to: [ri.id] });
    const [film, songs] = myFiles(w.files, as(ri)).copies;
    await expect(openCopy(w.files, as(ri), film!.copyId)).rejects.toMatchObject({
      kind: 'forbidden',
      code: 'unsigned',
    });
    expect(w.store.trail.query({ sessionId: CLASS, kind: 'file_refused', limit: 5 })[0]?.detail).toMatchObject({
      file: 'harbour-film',
      reason: 'unsigned',
    });
    const content = await openCopy(w.files, as(ri), songs!.copyId);
    expect(content).toMatchObject({ fileId: 'approved-songs', device: 'terminal' });
    expect(content.body.at(-1)).toMatch(/fictional/);
    // In open mode the same terminal opens anything.
    expect((await openCopy(w.files, as(ri, 'open'), film!.copyId)).device).toBe('terminal');
  });
});

describe('inspection and trace', () => {
  it('shows only what the device holds, only during an inspection, and the trace leads back to the first holder', async () => {
    const pak = seat('Pak', 'citizen');
    const ri = seat('Ri', 'elite');
    const censor = seat('Choe', 'censor');
    await grantStartingNotels(w.files, CLASS);
    await dropFile(w.files, w.actor('facilitator'), CLASS, { fileId: 'harbour-film', to: [pak.id] });
    const copyId = copyOf(pak);
    tick();
    await handOver(w.files, as(pak), copyId, ri.id);

    // No inspection yet: nothing to inspect, nothing to trace.
    await expect(inspect(w.files, as(censor), ri.id)).rejects.toMatchObject({ code: 'no_inspection' });
    await expect(Promise.resolve().then(() => traceCopy(w.files, as(censor), copyId))).rejects.toMatchObject({
      code: 'no_copy',
    });

    startInspection();
    const seen = await inspect(w.files, as(censor), ri.id);
    expect(seen).toEqual({
      playerId: ri.id,
      name: 'Ri',
      notel: false,
      copies: [
        {
          copyId,
          fileId: 'harbour-film',
          title: expect.any(String),
          kind: 'film',
          signed: false,
          sizeMb: 1400,
          marks: 2,
        },
      ],
    });
    expect(JSON.stringify(seen)).not.toContain(pak.id); // where it came from is not shown
    expect(traceCopy(w.files, as(censor), copyId).chain[0]?.deviceOf).toEqual({ playerId: pak.id, name: 'Pak' });

    // Pak's device was not inspected: its Notel is unseen, and a student traces nothing.
    expect((await inspect(w.files, as(censor), pak.id)).notel).toBe(true);
    await expect(Promise.resolve().then(() => traceCopy(w.files, as(ri), copyId))).rejects.toMatchObject({
      kind: 'forbidden',
    });
    // Censors and the facilitator are not inspected; nor is anyone of another session.
    for (const who of [censor.id, w.user('facilitator').id, w.user('elite').id])
      await expect(inspect(w.files, as(censor), who)).rejects.toMatchObject({ code: 'no_player' });

    // The inspection ends after its minutes, or with its round.
    clock = new Date(clock.getTime() + 11 * 60_000);
    await expect(inspect(w.files, as(censor), ri.id)).rejects.toMatchObject({ code: 'no_inspection' });
    startInspection();
    cls().class!.round = null;
    await expect(inspect(w.files, as(censor), ri.id)).rejects.toMatchObject({ code: 'no_inspection' });
  });

  it('confiscation removes the copies and the Notel but never a mark; revocation revokes the user', async () => {
    const pak = seat('Pak', 'citizen');
    const ri = seat('Ri', 'elite');
    const censor = seat('Choe', 'censor');
    await grantStartingNotels(w.files, CLASS);
    await dropFile(w.files, w.actor('facilitator'), CLASS, { fileId: 'winter-novel', to: [pak.id] });
    const copyId = copyOf(pak);
    startInspection();
    await expect(decideInspection(w.files, as(censor), pak.id, 'warning')).rejects.toMatchObject({
      code: 'not_inspected',
    });
    await inspect(w.files, as(censor), pak.id);
    await decideInspection(w.files, as(censor), pak.id, 'confiscation');
    expect(myFiles(w.files, as(pak))).toMatchObject({ copies: [], notel: false });
    expect(traceCopy(w.files, as(censor), copyId).chain).toHaveLength(1);
    await inspect(w.files, as(censor), ri.id);
    await decideInspection(w.files, as(censor), ri.id, 'revocation');
    expect(w.store.users.findById(ri.id)?.revoked).toBe(true);
    expect(
      w.store.trail.query({ sessionId: CLASS, kind: 'inspection_outcome', limit: 5 }).map((e) => e.detail.outcome),
    ).toEqual(['revocation', 'confiscation']);
  });
});

describe('marks cannot be forged or removed', () => {
  it('only arrivals append marks: a returned chain is a copy, and nothing else writes one', async () => {
    const pak = seat('Pak', 'citizen');
    const ri = seat('Ri', 'elite');
    await dropFile(w.files, w.actor('facilitator'), CLASS, { fileId: 'southern-songs', to: [pak.id] });
    const copyId = copyOf(pak);
    const trace = traceCopy(w.files, w.actor('facilitator'), copyId);
    trace.chain.push({ deviceOf: { playerId: 'forged', name: 'Forged' }, at: clock.toISOString() });
    trace.chain[0]!.deviceOf.name = 'Someone else';
    expect(traceCopy(w.files, w.actor('facilitator'), copyId).chain.map((m) => m.deviceOf.name)).toEqual(['Pak']);
    // Opening, refusing and listing add no mark; a hand-over adds exactly the receiver's.
    await openCopy(w.files, as(pak), copyId).catch(() => undefined);
    myFiles(w.files, as(pak));
    await handOver(w.files, as(pak), copyId, ri.id);
    await openCopy(w.files, as(ri), copyId).catch(() => undefined);
    const marks = w.store.files.log.flatMap((c) =>
      c.op === 'copy' ? c.copy.marks : c.op === 'move' && c.mark ? [c.mark] : [],
    );
    expect(marks.map((m) => m.userId)).toEqual([pak.id, ri.id]);
  });
});

describe('the demo session', () => {
  it('the citizen starts with a Notel; the scientist finds the stick at the science site once; a Notel can be handed on', async () => {
    const citizen = w.actor('citizen');
    const scientist = w.actor('scientist');
    expect(myFiles(w.files, citizen).notel).toBe(true);
    expect(myFiles(w.files, scientist).find).toEqual({ site: 'scitech' });
    await expect(findStick(w.files, w.actor('elite'), 'scitech')).rejects.toMatchObject({ code: 'nothing_found' });
    await expect(findStick(w.files, scientist, 'portal')).rejects.toMatchObject({ code: 'nothing_found' });
    const found = await findStick(w.files, scientist, 'scitech');
    expect(found).toMatchObject({ fileId: 'encyclopedia-internet', marks: 1 });
    await expect(findStick(w.files, scientist, 'scitech')).rejects.toMatchObject({ code: 'already_found' });
    expect(myFiles(w.files, scientist).find).toBeUndefined();
    await expect(openCopy(w.files, scientist, found.copyId)).rejects.toMatchObject({ code: 'unsigned' });
    await handOver(w.files, scientist, found.copyId, w.user('citizen').id);
    expect((await openCopy(w.files, citizen, found.copyId)).device).toBe('notel');
    await handOverNotel(w.files, citizen, w.user('elite').id);
    expect(myFiles(w.files, citizen).notel).toBe(false);
    expect(myFiles(w.files, w.actor('elite')).notel).toBe(true);
  });
});
