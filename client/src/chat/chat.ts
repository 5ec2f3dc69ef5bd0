/**
 * Pure helpers of the chat client: the site's paths, message lists merged by seq,
 * presence deltas applied, client ids for sends, and the words shown for the server's error codes.
 */
import { msg, str } from '@lit/localize';
import type { ChatMessage, ChatPeer } from '../../../server/protocol/api';
import { PATTERNS } from '../../../server/protocol/vocabulary';
import { formatClock } from '../ui/format';
import { getLocale } from '../core/localization';
import { codeText } from '../core/error-text';

/** Which page of a chat site a path names. */
export type ChatRoute =
  { kind: 'lobby' } | { kind: 'room'; roomId: string } | { kind: 'dm'; username: string } | { kind: 'unknown' };

/** A message of ours the server has not (or not yet) stored. */
export interface ChatDraft {
  clientId: string;
  text: string;
  /** 'sending' until the ack; 'failed' when refused or never answered. */
  status: 'sending' | 'failed';
  /** Why it was not sent. */
  error?: string;
}

/** Reads '' | '/room/<id>' | '/dm/<username>'; anything else is an unknown page. */
export function parseChatPath(path: string): ChatRoute {
  const parts = path.split('/').filter(Boolean);
  if (parts.length === 0) return { kind: 'lobby' };
  const [first, second] = parts;
  if (parts.length !== 2 || second === undefined) return { kind: 'unknown' };
  if (first === 'room' && PATTERNS.packId.test(second)) return { kind: 'room', roomId: second };
  if (first === 'dm' && PATTERNS.usernameParam.test(second)) return { kind: 'dm', username: second };
  return { kind: 'unknown' };
}

/** The id of the conversation between two users, as the server names it. */
export function dmRoomId(a: string, b: string): string {
  return `dm:${[a, b].sort().join(':')}`;
}

/** Adds `incoming` to `known`: one entry per id, ordered by seq (oldest first). */
export function mergeMessages(known: readonly ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
  const byId = new Map<string, ChatMessage>();
  for (const message of [...known, ...incoming]) byId.set(message.id, message);
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

/**
 * The seq to rejoin a room after: the end of the unbroken run that starts the list, so a gap
 * (a push still in flight when our own ack came) is asked for again. Duplicates merge by id.
 */
export function catchUpAfter(messages: readonly ChatMessage[]): number | undefined {
  const first = messages[0];
  if (!first) return undefined;
  let seq = first.seq;
  for (const message of messages) {
    if (message.seq > seq + 1) break;
    seq = Math.max(seq, message.seq);
  }
  return seq;
}

/** A random id for one message: resending it with the same id never stores it twice. */
export function newClientId(): string {
  // getRandomValues works outside secure contexts too (a school server on plain http).
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** What the sender reads when the server refused a message. */
export function sendErrorText(error: { code: string; message: string }): string {
  switch (error.code) {
    case 'undeliverable':
      return msg('Message could not be delivered.');
    case 'muted':
      return msg('You have been muted: you can read but not send.');
    case 'room_closed':
      return msg('This room has been closed.');
    case 'rate_limited':
      return msg('You are sending too fast. Wait a moment.');
    default:
      return codeText(error.code) ?? msg('The message was not sent.');
  }
}

/** Why a room could not be entered, from the server's refusal. */
export function joinErrorText(roomId: string, error: { code: string; message: string }): string {
  switch (error.code) {
    case 'forbidden':
      return roomId.startsWith('dm:') ? msg('You cannot message that person.') : msg('This room is not open to you.');
    case 'not_found':
      return msg('There is no such room on this network.');
    default:
      return codeText(error.code) ?? msg('The room could not be opened.');
  }
}

/** The member list after a presence delta: who joined added (or refreshed), who left removed, by display name. */
export function applyPresenceDelta(
  members: readonly ChatPeer[],
  delta: { joined: readonly ChatPeer[]; left: readonly string[] },
): ChatPeer[] {
  const byName = new Map(members.map((p) => [p.username, p]));
  for (const username of delta.left) byName.delete(username);
  for (const peer of delta.joined) byName.set(peer.username, peer);
  return [...byName.values()].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/**
 * "A, B and C" in the reader's language, as pieces: each person, and the words between them as
 * text, so the presence line can mark each name (the simulated badge) and still read naturally.
 */
export function peopleList(people: readonly ChatPeer[], locale = getLocale()): (ChatPeer | string)[] {
  const names = people.map((p) => p.displayName);
  let parts: { type: string; value: string }[];
  try {
    parts = new Intl.ListFormat(locale, { type: 'conjunction' }).formatToParts(names);
  } catch {
    parts = names.flatMap((value, i) =>
      (i ? [{ type: 'literal', value: ', ' }] : []).concat({ type: 'element', value }),
    );
  }
  let next = 0;
  return parts.map((part) => (part.type === 'element' ? (people[next++] ?? part.value) : part.value));
}

/** Who is in a room as the presence line lists them: the simulated cast first (as the server does), then by name. */
export function presenceOrder(people: readonly ChatPeer[]): ChatPeer[] {
  return [...people].sort(
    (a, b) => Number(!!b.simulated) - Number(!!a.simulated) || a.displayName.localeCompare(b.displayName),
  );
}

/** A message's time, hours and minutes in the reader's language. */
export function messageTime(at: string): string {
  return formatClock(at);
}

/** How a room or conversation is named in the censor's monitor. */
export function monitorRoomLabel(
  roomId: string,
  titles: ReadonlyMap<string, string>,
  names: ReadonlyMap<string, string>,
): string {
  if (!roomId.startsWith('dm:')) return titles.get(roomId) ?? roomId;
  const [a = '', b = ''] = roomId.slice(3).split(':');
  return msg(str`Direct: ${names.get(a) ?? a} and ${names.get(b) ?? b}`);
}
