/**
 * The surveillance trail in people's words: who (a display name, not a login name), what (the
 * kind in words, as the device record names it) and the details as labelled text, with the
 * pack's ids (boards, rooms, sites) turned into their titles and bare ids (posts, copies, files)
 * left out. The server sends ids and login names; the names are learnt here from what the viewer
 * may already read (its own login, the chat monitor's people and rooms, the boards, the sites)
 * and from the trail itself (a join, a rename, an inspection name the person).
 */
import { msg, str } from '@lit/localize';
import type { TrailEvent } from '../../../server/protocol/api';
import { roleLabel } from '../ui/labels';

/** Names and titles the viewer knows, by login name or pack id. */
export interface TrailDirectory {
  /** login name → display name */
  people: Map<string, string>;
  /** chat room id → title */
  rooms: Map<string, string>;
  /** board id → title */
  boards: Map<string, string>;
  /** site id → title */
  sites: Map<string, string>;
}

/** An empty directory. */
export function emptyDirectory(): TrailDirectory {
  return { people: new Map(), rooms: new Map(), boards: new Map(), sites: new Map() };
}

/**
 * Learns the names the events themselves carry (a seat's join and rename, an inspection, a
 * hand-over); returns whether anything new was learnt.
 */
export function learnNames(directory: TrailDirectory, events: readonly TrailEvent[]): boolean {
  let learnt = false;
  const learn = (username: string | null | undefined, name: string | undefined) => {
    if (!username || !name || directory.people.get(username) === name) return;
    directory.people.set(username, name);
    learnt = true;
  };
  // Oldest first, so that a rename wins over the join before it.
  for (const event of [...events].reverse()) {
    const d = event.detail;
    learn(event.username, event.name); // the name the event was recorded under
    if (event.kind === 'seat_joined') learn(event.username, d.name);
    if (event.kind === 'seat_renamed') learn(d.player, d.to);
    if (event.kind === 'seat_removed') learn(d.player, d.name);
    if (event.kind === 'device_inspected' || event.kind === 'inspection_outcome') learn(d.target, d.name);
    if (event.kind === 'file_handed_over' || event.kind === 'notel_handed_over') learn(d.toUser, d.to);
  }
  return learnt;
}

/**
 * Who an event is about, in words: the display name when known; a member of the simulated cast
 * as "Simulated <role>"; else the login name (the only name the trail carries for them).
 */
export function personName(directory: TrailDirectory, event: Pick<TrailEvent, 'username' | 'role' | 'detail'>): string {
  const username = event.username;
  if (!username) return '';
  const known = directory.people.get(username);
  if (known) return known;
  if (event.detail.simulated === 'true' && event.role) return msg(str`Simulated ${roleLabel(event.role)}`);
  return username;
}

/** A person named in a detail by login name. */
function someone(directory: TrailDirectory, username: string): string {
  return directory.people.get(username) ?? username;
}

/** A chat room in words: its title, or the two people of a direct conversation. */
function roomName(directory: TrailDirectory, id: string): string {
  if (id.startsWith('dm:')) {
    const [a = '', b = ''] = id.slice(3).split(':');
    return msg(str`Direct messages between ${someone(directory, a)} and ${someone(directory, b)}`);
  }
  return directory.rooms.get(id) ?? id;
}

function modeName(mode: string): string {
  if (mode === 'closed') return msg('closed network');
  if (mode === 'open') return msg('open network');
  return mode;
}

function yesNo(value: string): string {
  if (value === 'yes' || value === 'true') return msg('yes');
  if (value === 'no' || value === 'false') return msg('no');
  return value;
}

/** One labelled detail. */
export interface DetailPart {
  label: string;
  value: string;
}

type Word = (value: string, directory: TrailDirectory, event: TrailEvent) => DetailPart | undefined;

const plain =
  (label: () => string): Word =>
  (value) => ({ label: label(), value });

/**
 * The details shown, in this order, each with its label and how its value reads. A key not
 * listed (a post's, copy's or file's id, the cast's bookkeeping) is not shown.
 */
const WORDS: [key: string, word: Word][] = [
  ['address', plain(() => msg('Address'))],
  // A site by its title; unknown to the viewer, its id is left out (the address says where).
  ['site', (v, d) => (d.sites.has(v) ? { label: msg('Site'), value: d.sites.get(v)! } : undefined)],
  ['query', plain(() => msg('Search'))],
  ['results', plain(() => msg('Results'))],
  ['title', plain(() => msg('Title'))],
  ['board', (v, d) => ({ label: msg('Board'), value: d.boards.get(v) ?? v })],
  ['room', (v, d) => ({ label: msg('Room'), value: roomName(d, v) })],
  ['text', plain(() => msg('Message'))],
  ['term', plain(() => msg('Filtered word'))],
  ['matched', plain(() => msg('As written'))],
  ['substitutions', plain(() => msg('Words replaced'))],
  ['author', plain(() => msg('Author'))],
  ['reason', plain(() => msg('Reason'))],
  ['target', (v, d) => ({ label: msg('Person'), value: someone(d, v) })],
  ['name', (v, _d, e) => (e.detail.target ? undefined : { label: msg('Name'), value: v })],
  ['attempted', plain(() => msg('Name tried'))],
  ['from', (v, _d, e) => ({ label: msg('From'), value: e.kind === 'session_mode_changed' ? modeName(v) : v })],
  ['to', (v, _d, e) => ({ label: msg('To'), value: e.kind === 'session_mode_changed' ? modeName(v) : v })],
  ['mode', (v) => ({ label: msg('Network'), value: modeName(v) })],
  ['round', plain(() => msg('Round'))],
  ['phase', plain(() => msg('Phase'))],
  ['copies', plain(() => msg('Copies found'))],
  ['notel', (v) => ({ label: msg('Notel'), value: yesNo(v) })],
  ['marks', plain(() => msg('Marks'))],
  ['first', plain(() => msg('First holder'))],
  ['device', plain(() => msg('Device'))],
  ['outcome', plain(() => msg('Outcome'))],
  ['where', plain(() => msg('Where'))],
  ['action', plain(() => msg('Action'))],
  ['strikes', plain(() => msg('Warnings'))],
  ['changed', plain(() => msg('Changed'))],
  ['roster', plain(() => msg('Roster'))],
  ['timers', plain(() => msg('Timers'))],
];

/** An event's details as labelled parts, in a fixed order, ids left out. */
export function detailParts(event: TrailEvent, directory: TrailDirectory): DetailPart[] {
  const parts: DetailPart[] = [];
  for (const [key, word] of WORDS) {
    const value = event.detail[key]?.trim();
    if (!value) continue;
    const part = word(value, directory, event);
    if (part) parts.push(part);
  }
  return parts;
}

/** The details as one line of text ("Address: news.intra · Filtered word: freedom"). */
export function describeDetail(event: TrailEvent, directory: TrailDirectory): string {
  return detailParts(event, directory)
    .map((part) => `${part.label}: ${part.value}`)
    .join(' · ');
}
