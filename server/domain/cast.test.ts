/**
 * The simulated cast over the in-memory world with a fake clock: the bureau's decisions after the
 * configured delay, standing down for a human censor, colleagues and the guide answering, the
 * bureau's chat warning, the pause, and open mode.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { ChatMessage, TrailEvent } from '../protocol/api';
import { FakeClock } from '../test/fake-clock';
import { testWorld, type World } from '../test/memory';
import { moderationHistory, moderationItem, startThread } from './boards';
import { bureauActive, CastDirector, CLASS_DELAY_SECONDS, castStateOf, storeCastSettings, type CastDeps } from './cast';
import { judgePost, compileBureau, nearFiltered } from './cast-rules';
import { monitorView, sendMessage } from './chat';
import { classState } from '../test/factories';

let w: World;
let clock: FakeClock;
let director: CastDirector;
let online: Set<string>;
let inRoom: Map<string, number>;
let deps: CastDeps;

const BOARD = 'agriculture-and-farming';

beforeEach(async () => {
  clock = new FakeClock();
  w = await testWorld({ now: () => clock.now() });
  online = new Set();
  inRoom = new Map();
  deps = {
    pack: w.pack,
    sessions: w.store.sessions,
    users: w.store.users,
    recorder: w.recorder,
    bus: w.bus,
    filter: w.boards.filter,
    boards: w.boards,
    chat: w.chat,
    clock,
    random: () => 0, // the shortest delay, the first line
    online: (id) => online.has(id),
    peopleInRoom: (_s, room) => inRoom.get(room) ?? 0,
    peopleInSession: () => online.size,
    castOn: true,
    demoDelaySeconds: [5, 30],
    log: (msg, err) => {
      throw new Error(`${msg}: ${String(err)}`);
    },
  };
  director = new CastDirector(deps).start();
  w.chat.castPresence = (s, r) => director.presence(s, r);
  clock.settle = () => director.settled();
});

/** A trail event of a kind, newest first. */
const trail = (kind: TrailEvent['kind']) => w.store.trail.query({ sessionId: w.session.id, kind, limit: 100 });

/** Messages a room's log holds. */
async function roomLog(room: string): Promise<ChatMessage[]> {
  return [...(await w.chat.chat.room(w.session.id, room)).items];
}

async function post(title: string, body: string, role = 'elite') {
  const p = await startThread(w.boards, w.actor(role), BOARD, { title, body });
  await director.settled();
  return p;
}

const status = (id: string) => w.store.posts.get(id, w.session.id)?.status;

describe('the censor bureau', () => {
  it('approves a harmless post after the configured delay, as the bureau', async () => {
    const p = await post('Our harvest', 'The cabbages came in early this year.');
    expect(p.status).toBe('pending');
    await clock.advance(4_900); // the delay is 5–30 s; random 0 → 5 s
    expect(status(p.id)).toBe('pending');
    await clock.advance(200);
    expect(status(p.id)).toBe('approved');
    const record = w.store.posts.get(p.id, w.session.id)!;
    const item = moderationItem(w.boards, record);
    expect(item.decidedBy).toEqual({ simulated: true, name: 'Publications Review Bureau' });
    const [approved] = trail('post_approved');
    expect(approved).toMatchObject({ username: 'cast_bureau', role: 'censor', detail: { simulated: 'true' } });
    expect(clock.pending()).toBe(0);
  });

  it('rejects a complaint about supply with the pack reason, after the delay', async () => {
    const p = await post('Rice', 'The market price of rice doubled and the queues are long.');
    await clock.advance(5_000);
    const record = w.store.posts.get(p.id, w.session.id)!;
    expect(record.status).toBe('rejected');
    expect(record.reason).toBe(w.pack.cast.bureau.rules.find((r) => r.id === 'supply')!.reason);
    expect(trail('post_rejected')[0]?.detail).toMatchObject({ rule: 'supply', simulated: 'true' });
    // The author sees it like a human decision: the reason and who decided.
    const history = moderationHistory(w.boards, w.actor('censor'));
    expect(history[0]).toMatchObject({ id: p.id, status: 'rejected', decidedBy: { simulated: true } });
  });

  it('rejects comparisons with abroad and words near a filtered one', async () => {
    const rules = compileBureau(w.pack.cast, w.boards.filter);
    expect(judgePost(rules, 'In China they have more trains')).toMatchObject({ decision: 'reject', rule: 'abroad' });
    expect(judgePost(rules, 'We want our freedoms')).toMatchObject({ decision: 'reject', rule: 'near-filter' });
    expect(judgePost(rules, 'the pr0testers gathered')).toMatchObject({ decision: 'reject', rule: 'near-filter' });
    expect(judgePost(rules, 'A democratic vote')).toMatchObject({ decision: 'reject', rule: 'near-filter' });
    expect(judgePost(rules, 'Sunday football at the factory')).toEqual({ decision: 'approve' });
    expect(nearFiltered(w.boards.filter, 'a free domain')).toBeUndefined();
  });

  it('stands down when a human censor joins, and takes over again when they leave', async () => {
    const p = await post('Harvest', 'Good news from the fields.');
    const censor = w.user('censor');
    online.add(censor.id);
    w.bus.emit('user:online', { sessionId: w.session.id, userId: censor.id, online: true });
    expect(bureauActive(deps, w.session)).toBe(false);
    expect(castStateOf(deps, w.session).bureauActive).toBe(false);
    await clock.advance(60_000);
    expect(status(p.id)).toBe('pending'); // left to the person
    const second = await post('More', 'Another harmless post.');
    await clock.advance(60_000);
    expect(status(second.id)).toBe('pending');
    online.delete(censor.id);
    w.bus.emit('user:online', { sessionId: w.session.id, userId: censor.id, online: false });
    await clock.advance(5_000);
    expect(status(p.id)).toBe('approved');
    expect(status(second.id)).toBe('approved');
  });

  it('stands down for a student seat given the censor role in a class, whether or not connected', async () => {
    await w.store.sessions.update(w.session.id, { class: classState() });
    const seat = w.user('censor');
    await w.store.users.update(seat.id, { seat: { joinedAt: clock.now().toISOString(), assigned: true } });
    expect(bureauActive(deps, w.store.sessions.get(w.session.id)!)).toBe(false);
    await w.store.users.update(seat.id, {
      seat: { joinedAt: clock.now().toISOString(), assigned: true, removed: true },
    });
    expect(bureauActive(deps, w.store.sessions.get(w.session.id)!)).toBe(true);
  });

  it('can be switched on over a human censor, or off', async () => {
    const censor = w.user('censor');
    online.add(censor.id);
    await storeCastSettings(deps, w.session, { bureau: true });
    expect(bureauActive(deps, w.session)).toBe(true);
    await storeCastSettings(deps, w.session, { bureau: false });
    online.delete(censor.id);
    expect(bureauActive(deps, w.session)).toBe(false);
    const p = await post('Harvest', 'Good news.');
    await clock.advance(120_000);
    expect(status(p.id)).toBe('pending');
  });

  it('uses the delay set for the session', async () => {
    await storeCastSettings(deps, w.session, { delaySeconds: [20, 20] });
    const p = await post('Harvest', 'Good news.');
    await clock.advance(19_000);
    expect(status(p.id)).toBe('pending');
    await clock.advance(1_000);
    expect(status(p.id)).toBe('approved');
  });

  it('does nothing in open mode', async () => {
    const p = await post('Harvest', 'Good news.'); // pending from the closed network
    await w.setMode('open');
    w.bus.emit('session:mode', { sessionId: w.session.id, mode: 'open' });
    await clock.advance(120_000);
    expect(status(p.id)).toBe('pending');
    expect(bureauActive(deps, w.session)).toBe(false);
  });

  it('warns a person whose messages were rewritten or blocked twice', async () => {
    const elite = w.actor('elite');
    const warnings: unknown[] = [];
    w.bus.on('cast:warning', (x) => warnings.push(x));
    await sendMessage(w.chat, elite, { roomId: 'general', text: 'my oppa says hello', clientId: 'a' });
    await director.settled();
    expect(warnings).toHaveLength(0);
    await expect(
      sendMessage(w.chat, elite, { roomId: 'general', text: 'freedom now', clientId: 'b' }),
    ).rejects.toThrow();
    await director.settled();
    expect(warnings).toEqual([
      {
        userId: elite.userId,
        warning: expect.objectContaining({
          code: 'chat_warning',
          roomId: 'general',
          from: { name: 'Publications Review Bureau', simulated: true },
          text: w.pack.cast.bureau.warning,
        }),
      },
    ]);
    expect(trail('cast_warned')[0]).toMatchObject({ username: 'cast_bureau', detail: { target: 'elite' } });
  });
});

describe('colleagues and the guide', () => {
  it('sit in their rooms: presence lists them as simulated and counts them', async () => {
    const peers = director.presence(w.session.id, 'general');
    expect(peers.map((p) => p.username).sort()).toEqual(['cast_kim_yong_su', 'cast_so_hye_gyong']);
    expect(peers.every((p) => p.simulated)).toBe(true);
    await storeCastSettings(deps, w.session, { colleagues: false });
    expect(director.presence(w.session.id, 'general')).toEqual([]);
    expect(director.presence(w.session.id, 'hotel-help-desk')).toHaveLength(1);
  });

  it('answer a greeting in the general room after the reply delay', async () => {
    await sendMessage(w.chat, w.actor('elite'), { roomId: 'general', text: 'Hello everyone!', clientId: 'g' });
    await director.settled();
    expect(await roomLog('general')).toHaveLength(1);
    await clock.advance(2_000);
    const log = await roomLog('general');
    expect(log).toHaveLength(2);
    expect(log[1]).toMatchObject({
      from: 'cast_kim_yong_su',
      fromName: 'Kim Yong-su',
      simulated: true,
      text: 'Good day, comrade. Welcome to the general room.',
    });
    // Through the same trail as anyone's message, and the censor's monitor names it as simulated.
    expect(trail('chat_message')[0]).toMatchObject({ username: 'cast_kim_yong_su', detail: { simulated: 'true' } });
    const [entry] = monitorView(w.chat, w.actor('censor'), 10).entries;
    expect(entry).toMatchObject({
      from: 'cast_kim_yong_su',
      fromName: 'Kim Yong-su',
      simulated: true,
      delivered: true,
    });
  });

  it('avoid a forbidden topic and report it in the closed network', async () => {
    await sendMessage(w.chat, w.actor('elite'), {
      roomId: 'general',
      text: 'Anyone seen a film from abroad?',
      clientId: 'f',
    });
    await director.settled();
    expect(trail('cast_reported')[0]).toMatchObject({ detail: { target: 'elite', room: 'general' } });
    await clock.advance(2_000);
    expect((await roomLog('general'))[1]?.text).toBe(
      'Let us keep to approved subjects, comrade. I will have to mention this.',
    );
  });

  it('do not answer themselves, nor anything when switched off', async () => {
    await storeCastSettings(deps, w.session, { colleagues: false });
    await sendMessage(w.chat, w.actor('elite'), { roomId: 'general', text: 'hello', clientId: 'h' });
    await clock.advance(60_000);
    expect(await roomLog('general')).toHaveLength(1);
  });

  it('the guide refuses a question about locals and steers to the sights', async () => {
    const foreigner = w.actor('foreigner');
    await sendMessage(w.chat, foreigner, {
      roomId: 'hotel-help-desk',
      text: 'Can I talk to local people at the market?',
      clientId: 'l',
    });
    await clock.advance(2_000);
    const answer = (await roomLog('hotel-help-desk'))[1];
    expect(answer).toMatchObject({ from: 'cast_guide_kim_ok_sun', simulated: true });
    expect(answer?.text).toContain('that is not possible');
    await sendMessage(w.chat, foreigner, { roomId: 'hotel-help-desk', text: 'What can we visit?', clientId: 's' });
    await clock.advance(2_000);
    expect((await roomLog('hotel-help-desk'))[3]?.text).toContain('Tower of the Bright Star');
    await sendMessage(w.chat, foreigner, { roomId: 'hotel-help-desk', text: 'Is there wifi?', clientId: 'x' });
    await clock.advance(2_000);
    expect((await roomLog('hotel-help-desk'))[5]?.text).toContain('approved sights');
  });

  it('say ambient lines only while a person is in the room', async () => {
    await clock.advance(600_000);
    expect(await roomLog('general')).toHaveLength(0);
    inRoom.set('general', 1);
    w.bus.emit('chat:presence', { sessionId: w.session.id, roomId: 'general' });
    await clock.advance(45_000);
    expect((await roomLog('general')).length).toBe(1);
    inRoom.set('general', 0);
    await clock.advance(600_000);
    expect((await roomLog('general')).length).toBe(1);
    expect(director.timers(w.session.id)).toBe(0);
  });
});

describe('board life', () => {
  it('posts now and then while someone is connected, decided by the bureau like anyone', async () => {
    online.add(w.user('elite').id);
    w.bus.emit('user:online', { sessionId: w.session.id, userId: w.user('elite').id, online: true });
    await clock.advance(90_000 + 5_000);
    const cast = w.store.posts.list(w.session.id).filter((p) => p.simulated);
    expect(cast).toHaveLength(1);
    expect(cast[0]).toMatchObject({ authorName: 'Kim Yong-su', status: 'approved', decidedBy: 'cast_bureau' });
    expect(trail('post_approved')[0]?.detail).toMatchObject({ authorSimulated: 'true' });
  });
});

describe('the pause', () => {
  it('stops every timer, and the cast picks up again on resume', async () => {
    await w.store.sessions.update(w.session.id, { class: classState() });
    online.add(w.user('elite').id);
    inRoom.set('general', 1);
    const p = await post('Harvest', 'Good news.');
    await sendMessage(w.chat, w.actor('elite'), { roomId: 'general', text: 'hello', clientId: 'p' });
    w.bus.emit('chat:presence', { sessionId: w.session.id, roomId: 'general' });
    w.bus.emit('user:online', { sessionId: w.session.id, userId: w.user('elite').id, online: true });
    await director.settled();
    expect(director.timers(w.session.id)).toBeGreaterThanOrEqual(4); // bureau, reply, ambient, board
    await w.store.sessions.update(w.session.id, { class: classState({ paused: true }) });
    w.bus.emit('class:state', { sessionId: w.session.id });
    await director.settled();
    expect(director.timers(w.session.id)).toBe(0);
    expect(clock.pending()).toBe(0);
    await clock.advance(3_600_000);
    expect(status(p.id)).toBe('pending');
    expect(await roomLog('general')).toHaveLength(1);
    await w.store.sessions.update(w.session.id, { class: classState({ paused: false }) });
    w.bus.emit('class:state', { sessionId: w.session.id });
    await clock.advance(CLASS_DELAY_SECONDS[0] * 1000);
    expect(status(p.id)).toBe('approved');
  });

  it('clears everything when the session is deleted or the cast disposed', async () => {
    online.add(w.user('elite').id);
    await post('Harvest', 'Good news.');
    w.bus.emit('user:online', { sessionId: w.session.id, userId: w.user('elite').id, online: true });
    await director.settled();
    expect(clock.pending()).toBeGreaterThan(0);
    w.bus.emit('class:deleted', { sessionId: w.session.id });
    expect(clock.pending()).toBe(0);
    await post('Again', 'More.');
    expect(clock.pending()).toBe(1);
    director.dispose();
    expect(clock.pending()).toBe(0);
  });
});
