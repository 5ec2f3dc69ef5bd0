import { describe, expect, it } from 'vitest';
import type { ChatMessage, ChatPeer } from '../../../server/protocol/api';
import {
  applyPresenceDelta,
  catchUpAfter,
  dmRoomId,
  mergeMessages,
  monitorRoomLabel,
  parseChatPath,
  peopleList,
  presenceOrder,
} from './chat';

function message(seq: number, id = `m${seq}`): ChatMessage {
  return {
    id,
    seq,
    roomId: 'general',
    from: 'elite',
    fromName: 'Elite Member',
    fromRole: 'elite',
    text: `text ${seq}`,
    at: `2026-11-26T10:00:${String(seq).padStart(2, '0')}Z`,
    clientId: `c${seq}`,
    substituted: false,
  };
}
const peer = (username: string, displayName: string): ChatPeer => ({ username, displayName, role: 'elite' });

describe('chat paths', () => {
  it('reads the lobby, a room and a conversation', () => {
    expect(parseChatPath('')).toEqual({ kind: 'lobby' });
    expect(parseChatPath('/')).toEqual({ kind: 'lobby' });
    expect(parseChatPath('/room/general')).toEqual({ kind: 'room', roomId: 'general' });
    expect(parseChatPath('/dm/elite')).toEqual({ kind: 'dm', username: 'elite' });
  });

  it('calls anything else unknown', () => {
    for (const path of ['/room', '/room/General', '/room/a/b', '/dm/x', '/dm/UPPER', '/elsewhere/a', '/room/-x']) {
      expect(parseChatPath(path), path).toEqual({ kind: 'unknown' });
    }
  });

  it('names a conversation the same from both sides', () => {
    expect(dmRoomId('scientist', 'elite')).toBe('dm:elite:scientist');
    expect(dmRoomId('elite', 'scientist')).toBe('dm:elite:scientist');
  });
});

describe('the catch-up merge', () => {
  it('keeps one copy of each message, ordered by seq, the newer copy winning', () => {
    const known = [message(1), message(3)];
    const incoming = [{ ...message(3), text: 'edited' }, message(2)];
    const merged = mergeMessages(known, incoming);
    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(merged[2]?.text).toBe('edited');
    expect(mergeMessages([], [])).toEqual([]);
  });

  it('rejoins after the end of the unbroken run, so a gap is asked for again', () => {
    expect(catchUpAfter([])).toBeUndefined();
    expect(catchUpAfter([message(4), message(5), message(6)])).toBe(6);
    expect(catchUpAfter([message(4), message(5), message(8)])).toBe(5);
    expect(catchUpAfter([message(4), message(4, 'dup'), message(5)])).toBe(5);
  });
});

describe('presence and the monitor', () => {
  it('applies a presence delta: joins added or refreshed, leaves removed, sorted by name', () => {
    const members = [peer('b', 'Bea'), peer('c', 'Cy')];
    const after = applyPresenceDelta(members, { joined: [peer('a', 'Al'), peer('b', 'Bea Two')], left: ['c'] });
    expect(after.map((p) => p.displayName)).toEqual(['Al', 'Bea Two']);
  });

  it('names rooms by title and conversations by both people', () => {
    const titles = new Map([['general', 'General']]);
    const names = new Map([['elite', 'Elite Member']]);
    expect(monitorRoomLabel('general', titles, names)).toBe('General');
    expect(monitorRoomLabel('unknown-room', titles, names)).toBe('unknown-room');
    expect(monitorRoomLabel('dm:elite:scientist', titles, names)).toBe('Direct: Elite Member and scientist');
  });
});

describe('the presence line', () => {
  const kim: ChatPeer = { ...peer('cast_kim', 'Kim Yong-su'), simulated: true };
  const so: ChatPeer = { ...peer('cast_so', 'So Hye-gyong'), simulated: true };

  it('lists the simulated cast first, then people, each by name', () => {
    const order = presenceOrder([peer('b', 'Bea'), so, peer('a', 'Al'), kim]);
    expect(order.map((p) => p.displayName)).toEqual(['Kim Yong-su', 'So Hye-gyong', 'Al', 'Bea']);
  });

  it('keeps each person whole among the words that join them', () => {
    const al = peer('a', 'Al');
    expect(peopleList([kim, al], 'en')).toEqual([kim, ' and ', al]);
    expect(peopleList([kim, so, al], 'en')).toEqual([kim, ', ', so, ', and ', al]);
    expect(peopleList([al], 'en')).toEqual([al]);
  });
});
