/**
 * The device's screen snapshots (issue 12), as the Woolim tablet took one at every app launch and
 * the phone smuggled out in 2024 took one every five minutes: a short text record of what the
 * screen showed. Made on the server from what the trail already records: at each login (the
 * terminal starts: its home screen) and, while the user views pages, at most one per
 * `everyMs` (the site's title and address). Recorded as `screen_snapshot` right after the event.
 */
import type { TrailEvent, TrailKind } from '../protocol/api';
import type { PackSite } from './pack';
import { homeOf } from './policy';
import type { TrailRepo } from './ports';
import type { FollowUp } from './recorder';

/** How often a user who keeps viewing pages is snapshotted. */
export const SNAPSHOT_EVERY_MS = 3 * 60 * 1000;

/** The kinds that start a terminal: always snapshotted (the screen the user lands on). */
const LAUNCH_KINDS: readonly TrailKind[] = ['login', 'seat_joined'];

/** Decides, for each recorded event, whether the device snapshots the screen. */
export class SnapshotTaker {
  /** Time of each user's last snapshot (ms), by session and user name; read from the trail on first need. */
  private readonly last = new Map<string, number>();
  private readonly titles: ReadonlyMap<string, string>;

  /** `trail` gives the last snapshot after a restart; `sites` the titles a page view's snapshot shows. */
  constructor(
    private readonly trail: Pick<TrailRepo, 'query'>,
    sites: readonly Pick<PackSite, 'id' | 'title'>[],
    private readonly everyMs: number = SNAPSHOT_EVERY_MS,
  ) {
    this.titles = new Map(sites.map((s) => [s.id, s.title]));
  }

  /** The snapshot to record after `event`, if one is due (the recorder's follow-up). */
  readonly followUp: FollowUp = (event) => {
    const detail = this.due(event);
    return detail ? { kind: 'screen_snapshot', detail } : undefined;
  };

  /** The snapshot's detail if `event` calls for one, else undefined; marks it taken. */
  due(event: TrailEvent): Record<string, string> | undefined {
    if (!event.username) return undefined;
    const launch = LAUNCH_KINDS.includes(event.kind);
    if (!launch && event.kind !== 'page_view') return undefined;
    const key = `${event.sessionId}\u0000${event.username}`;
    const at = Date.parse(event.at);
    const last = this.lastOf(key, event);
    if (!launch && last !== undefined && at - last < this.everyMs) return undefined;
    // Marked before the snapshot is written, so two page views at once make one snapshot.
    this.last.set(key, at);
    if (launch) return { screen: `/${event.role ? homeOf(event.role, event.mode ?? 'closed') : 'lobby'}` };
    const site = event.detail.site ?? '';
    return { site, title: this.titles.get(site) ?? site, address: event.detail.address ?? '' };
  }

  private lastOf(key: string, event: TrailEvent): number | undefined {
    if (this.last.has(key)) return this.last.get(key);
    const [latest] = this.trail.query({
      sessionId: event.sessionId,
      username: event.username ?? undefined,
      kind: 'screen_snapshot',
      limit: 1,
    });
    const at = latest ? Date.parse(latest.at) : undefined;
    if (at !== undefined) this.last.set(key, at);
    return at;
  }
}
