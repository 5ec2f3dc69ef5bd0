/** Pure helpers of the console's roster: its order and the roles given. */
import type { SessionPlayer } from '../../../../server/protocol/api';

/** The roster in reading order: by name (as the reader's language sorts), then by id. */
export function sortRoster(players: readonly SessionPlayer[], locale?: string): SessionPlayer[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  return [...players].sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** How many of `players` hold each role, and how many have none yet. */
export function roleCounts(players: readonly SessionPlayer[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const player of players) {
    const key = player.role ?? 'none';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
