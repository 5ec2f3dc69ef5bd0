/**
 * Chat as role × mode × action tables over the in-memory store and the default pack. Outcomes are
 * what the API (and the socket acks) answer: 'ok', 403 (the role has no chat, or may not discipline),
 * 404 (a room or conversation the actor may not enter answers as a missing one). Today's open
 * mode: citizens and foreigners get the reader capabilities (so chat, on the domestic network)
 * and the rooms' role lists no longer apply.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Mode, Role } from '../protocol/api';
import { outcome, testWorld, type Outcome, type World } from '../test/memory';
import {
  contactsOf,
  dmId,
  joinRoom,
  listRooms,
  monitorView,
  roomHistory,
  sendMessage,
  setMuted,
  setRevoked,
  setRoomClosed,
  UNDELIVERABLE,
} from './chat';
import { DomainError } from './errors';

let w: World;
beforeEach(async () => {
  w = await testWorld();
});

// Rooms of the default pack and the roles they list.
const ROOMS = ['general', 'lab', 'university', 'research-council', 'hotel-help-desk'] as const;
type Room = (typeof ROOMS)[number];
// general: elite · lab: elite scientist · university: elite academic ·
// research-council: elite scientist academic · hotel-help-desk: foreigner
const Y = 'ok' as const;
const N = 404 as const;
const F = 403 as const;

describe('entering rooms by role and mode', () => {
  //                                    general lab university research hotel
  const table: [Role, Mode, ...Outcome[]][] = [
    ['citizen', 'closed', F, F, F, F, F],
    ['elite', 'closed', Y, Y, Y, Y, N],
    ['scientist', 'closed', N, Y, N, Y, N],
    ['academic', 'closed', N, N, Y, Y, N],
    ['foreigner', 'closed', N, N, N, N, Y],
    ['editor', 'closed', F, F, F, F, F],
    ['censor', 'closed', F, F, F, F, F],
    ['facilitator', 'closed', F, F, F, F, F],
    ['citizen', 'open', Y, Y, Y, Y, Y],
    ['elite', 'open', Y, Y, Y, Y, Y],
    ['scientist', 'open', Y, Y, Y, Y, Y],
    ['academic', 'open', Y, Y, Y, Y, Y],
    ['foreigner', 'open', Y, Y, Y, Y, Y],
    ['editor', 'open', F, F, F, F, F],
    ['censor', 'open', F, F, F, F, F],
    ['facilitator', 'open', F, F, F, F, F],
  ];
  const rows = table.flatMap(([role, mode, ...outcomes]) =>
    ROOMS.map((room, i) => [role, mode, room, outcomes[i]!] as [Role, Mode, Room, Outcome]),
  );

  it.each(rows)('%s in %s mode: join %s → %s', async (role, mode, room, expected) => {
    expect(await outcome(() => joinRoom(w.chat, w.actor(role, mode), room))).toBe(expected);
  });

  it.each(rows)('%s in %s mode: history of %s → %s', async (role, mode, room, expected) => {
    expect(await outcome(() => roomHistory(w.chat, w.actor(role, mode), room, undefined, 20))).toBe(expected);
  });

  it.each(rows)('%s in %s mode: send to %s → %s', async (role, mode, room, expected) => {
    const send = () =>
      sendMessage(w.chat, w.actor(role, mode), { roomId: room, text: 'Good morning.', clientId: 'c1' });
    expect(await outcome(send)).toBe(expected);
  });

  it.each(table)('%s in %s mode: the room list holds exactly the enterable rooms', async (role, mode, ...outcomes) => {
    const actor = w.actor(role, mode);
    if (outcomes[0] === F) {
      expect(await outcome(() => listRooms(w.chat, actor))).toBe(403);
      return;
    }
    const listed = listRooms(w.chat, actor).rooms.map((r) => r.id);
    expect(listed).toEqual(ROOMS.filter((_, i) => outcomes[i] === Y));
  });
});

describe('direct messages by role and mode', () => {
  // Who may message whom: both with chat, on the same network. In open mode foreigners have the
  // reader capabilities and so the domestic network; citizens join them.
  const contacts: [Role, Mode, Role[] | 403][] = [
    ['citizen', 'closed', 403],
    ['elite', 'closed', ['scientist', 'academic']],
    ['scientist', 'closed', ['elite', 'academic']],
    ['academic', 'closed', ['elite', 'scientist']],
    ['foreigner', 'closed', []],
    ['editor', 'closed', 403],
    ['censor', 'closed', 403],
    ['facilitator', 'closed', 403],
    ['citizen', 'open', ['elite', 'scientist', 'academic', 'foreigner']],
    ['elite', 'open', ['citizen', 'scientist', 'academic', 'foreigner']],
    ['scientist', 'open', ['citizen', 'elite', 'academic', 'foreigner']],
    ['academic', 'open', ['citizen', 'elite', 'scientist', 'foreigner']],
    ['foreigner', 'open', ['citizen', 'elite', 'scientist', 'academic']],
    ['editor', 'open', 403],
    ['censor', 'open', 403],
    ['facilitator', 'open', 403],
  ];

  it.each(contacts)('%s in %s mode may message %j', (role, mode, expected) => {
    const names = contactsOf(w.chat, w.actor(role, mode)).map((p) => p.role);
    expect(names).toEqual(expected === 403 ? [] : expected);
  });

  // Every ordered pair of distinct personas: entering their conversation and sending into it.
  const everyone: Role[] = [
    'citizen',
    'elite',
    'scientist',
    'academic',
    'foreigner',
    'editor',
    'censor',
    'facilitator',
  ];
  const pairs = contacts.flatMap(([role, mode, allowed]) =>
    everyone
      .filter((peer) => peer !== role)
      .map((peer): [Role, Mode, Role, Outcome] => [
        role,
        mode,
        peer,
        allowed === 403 ? 403 : allowed.includes(peer) ? 'ok' : 404,
      ]),
  );

  it.each(pairs)('%s in %s mode: conversation with %s → %s', async (role, mode, peer, expected) => {
    const me = w.actor(role, mode);
    const room = dmId(me.username, w.user(peer).username);
    expect(await outcome(() => joinRoom(w.chat, me, room))).toBe(expected);
    const send = () => sendMessage(w.chat, me, { peer: w.user(peer).username, text: 'Hello.', clientId: `to-${peer}` });
    expect(await outcome(send)).toBe(expected);
  });

  it.each(['closed', 'open'] as const)(
    'in %s mode a conversation of two others is missing to a third (404)',
    async (mode) => {
      const room = dmId('elite', 'scientist');
      expect(await outcome(() => joinRoom(w.chat, w.actor('academic', mode), room))).toBe(404);
      expect(await outcome(() => joinRoom(w.chat, w.actor('elite', mode), room))).toBe('ok');
    },
  );
});

/**
 * What each mode does to a message. Before issue 9 (HEAD 33f7c58) the filter and the substitutions
 * applied in both modes; the mode rules (`keywordFilter`, `substitutions`) switch both off in open
 * mode. This one table is what to change if the mode rules change.
 */
const MESSAGE: Record<Mode, { banned: Outcome; substituted: boolean }> = {
  closed: { banned: 422, substituted: true },
  open: { banned: 'ok', substituted: false },
};

describe('the filter and substitutions by mode', () => {
  it.each(['closed', 'open'] as const)('in %s mode a banned term is undeliverable (422) or delivered', async (mode) => {
    const send = () =>
      sendMessage(w.chat, w.actor('elite', mode), { roomId: 'general', text: 'talk of democracy', clientId: 'b1' });
    expect(await outcome(send)).toBe(MESSAGE[mode].banned);
    expect(w.store.trail.of('chat_blocked')).toHaveLength(MESSAGE[mode].banned === 422 ? 1 : 0);
    if (MESSAGE[mode].banned === 422) await expect(send()).rejects.toThrow(UNDELIVERABLE);
  });

  it.each(['closed', 'open'] as const)(
    'in %s mode a substituted word is rewritten with a warning, or not',
    async (mode) => {
      const sent = await sendMessage(w.chat, w.actor('elite', mode), {
        roomId: 'general',
        text: 'hi oppa',
        clientId: 's1',
      });
      expect(sent.message.substituted).toBe(MESSAGE[mode].substituted);
      expect(sent.message.text).toBe(MESSAGE[mode].substituted ? 'hi comrade' : 'hi oppa');
      expect(sent.warning !== undefined).toBe(MESSAGE[mode].substituted);
    },
  );
});

describe('the censor’s powers by role and mode', () => {
  // [role, mode, monitor / mute / revoke / close a room]
  const table: [Role, Mode, Outcome][] = [
    ['citizen', 'closed', F],
    ['elite', 'closed', F],
    ['scientist', 'closed', F],
    ['academic', 'closed', F],
    ['foreigner', 'closed', F],
    ['editor', 'closed', F],
    ['censor', 'closed', Y],
    ['facilitator', 'closed', F],
    ['citizen', 'open', F],
    ['elite', 'open', F],
    ['scientist', 'open', F],
    ['academic', 'open', F],
    ['foreigner', 'open', F],
    ['editor', 'open', F],
    ['censor', 'open', Y],
    ['facilitator', 'open', F],
  ];
  it.each(table)('%s in %s mode: monitor, mute, revoke, close → %s', async (role, mode, expected) => {
    const actor = w.actor(role, mode);
    expect(await outcome(() => monitorView(w.chat, actor, 50))).toBe(expected);
    expect(await outcome(() => setMuted(w.chat, actor, 'scientist', true))).toBe(expected);
    expect(await outcome(() => setRevoked(w.chat, actor, 'academic', true))).toBe(expected);
    expect(await outcome(() => setRoomClosed(w.chat, actor, 'general', true))).toBe(expected);
  });

  // Who a censor may discipline: anyone inside the simulated world, not censors or the facilitator.
  const targets: [Role, Mode, Outcome][] = (['closed', 'open'] as const).flatMap((mode) =>
    (
      [
        ['citizen', Y],
        ['elite', Y],
        ['scientist', Y],
        ['academic', Y],
        ['foreigner', Y],
        ['editor', Y],
        ['censor', F],
        ['facilitator', F],
      ] as const
    ).map(([role, o]): [Role, Mode, Outcome] => [role, mode, o]),
  );
  it.each(targets)('the censor may mute the %s in %s mode → %s', async (role, mode, expected) => {
    expect(await outcome(() => setMuted(w.chat, w.actor('censor', mode), w.user(role).username, true))).toBe(expected);
  });

  it('a muted user can read but not send; a closed room refuses messages (409); a revoked user cannot send (401)', async () => {
    const censor = w.actor('censor');
    await setMuted(w.chat, censor, 'scientist', true);
    const scientist = w.actor('scientist');
    expect(await outcome(() => joinRoom(w.chat, scientist, 'lab'))).toBe('ok');
    const muted = await sendMessage(w.chat, scientist, { roomId: 'lab', text: 'hi', clientId: 'm' }).catch((e) => e);
    expect(muted).toBeInstanceOf(DomainError);
    expect((muted as DomainError).code).toBe('muted');
    await setRoomClosed(w.chat, censor, 'lab', true);
    expect(
      await outcome(() => sendMessage(w.chat, w.actor('elite'), { roomId: 'lab', text: 'hi', clientId: 'x' })),
    ).toBe(409);
    await setRevoked(w.chat, censor, 'academic', true);
    const send = () => sendMessage(w.chat, w.actor('academic'), { roomId: 'university', text: 'hi', clientId: 'r' });
    expect(await outcome(send)).toBe(401);
    expect(w.store.users.findById(w.user('academic').id)?.tokenVersion).toBe(1);
  });
});
