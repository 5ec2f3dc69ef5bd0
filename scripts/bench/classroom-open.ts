/**
 * The open round of `npm run bench:classroom` (run by the load generator after the switch): every
 * student of every class, now on the open network, acts at a classroom rate — posts a story,
 * shares one of the class's posts (a share of a share grows the tree), or likes one — and reads
 * the home feed and the trending list now and then, as the Commons page does.
 *
 * Measured on the load generator's one clock:
 * - like → `social:counts` with the new count, at every other socket of the class (the "live
 *   count update"): only one like of a post is in flight at a time, so each push with the count
 *   that like makes belongs to it;
 * - like, post and share request times; the feed and the trending requests.
 */
import type {
  FeedResponse,
  LikeResponse,
  NewSocialPostResponse,
  SocialCountsPush,
  TrendingResponse,
} from '../../server/protocol/api';
import type { BenchClient } from './client';
import type { Answer, Browser } from './classroom-http';

/** A seated student with an open socket. */
export interface OpenStudent {
  /** The class (session index). */
  s: number;
  browser: Browser;
  conn: BenchClient;
}

/** What the open round is told. */
export interface OpenArgs {
  /** Seconds of open-network activity. */
  duration: number;
  /** Seconds between two actions of one student. */
  interval: number;
  /** Seconds between two feed reads of one student (the trending list: every third). */
  feedEvery: number;
}

/** Percentiles (ms). */
export interface OpenDist {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** What the open round reports. */
export interface OpenResult {
  posts: number;
  shares: number;
  likes: number;
  errors: Record<string, number>;
  postAck: OpenDist;
  shareAck: OpenDist;
  likeAck: OpenDist;
  /** Like request start → `social:counts` with its count, at each socket of the class (the liker's too). */
  likeSeen: OpenDist;
  /** Likes whose count push some socket of the class never saw. */
  likeUnseen: number;
  feed: OpenDist;
  trending: OpenDist;
  /** Trending lists that came back empty while the class had liked or shared posts. */
  trendingEmpty: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function dist(values: readonly number[]): OpenDist {
  const s = Float64Array.from(values).sort();
  const at = (p: number) => (s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! : NaN);
  return { n: s.length, p50: at(50), p95: at(95), p99: at(99), max: s.length ? s[s.length - 1]! : NaN };
}

const codeOf = (a: Answer) => (a.body as { error?: { code?: string } } | null)?.error?.code ?? `http_${a.status}`;

/** One post of a class, as the load generator tracks it. */
interface Tracked {
  id: string;
  likes: number;
  /** The like in flight: when it started, the count it makes, which sockets have seen it. */
  inFlight: { t0: number; expect: number; seen: Set<BenchClient> } | undefined;
}

/** Runs the open round; the students' sockets must be connected and their session in open mode. */
export async function runOpenRound(students: readonly OpenStudent[], args: OpenArgs): Promise<OpenResult> {
  const errors: Record<string, number> = {};
  const fail = (code: string) => (errors[code] = (errors[code] ?? 0) + 1);
  const postMs: number[] = [];
  const shareMs: number[] = [];
  const likeMs: number[] = [];
  const likeSeen: number[] = [];
  const feedMs: number[] = [];
  const trendingMs: number[] = [];
  let likeUnseen = 0;
  let trendingEmpty = 0;
  const classSize = new Map<number, number>();
  for (const st of students) classSize.set(st.s, (classSize.get(st.s) ?? 0) + 1);
  const posts = new Map<number, Tracked[]>();
  const byId = new Map<string, Tracked>();

  for (const st of students) {
    st.conn.on('social:counts', (data) => {
      const at = performance.now();
      const push = data as SocialCountsPush;
      const t = byId.get(push.target.id);
      const flight = t?.inFlight;
      if (!t || !flight || push.likes !== flight.expect || flight.seen.has(st.conn)) return;
      flight.seen.add(st.conn);
      likeSeen.push(at - flight.t0);
    });
  }

  const track = (s: number, id: string) => {
    const t: Tracked = { id, likes: 0, inFlight: undefined };
    byId.set(id, t);
    const list = posts.get(s) ?? [];
    list.push(t);
    posts.set(s, list);
  };
  const pick = (s: number): Tracked | undefined => {
    const list = posts.get(s) ?? [];
    return list.length ? list[Math.floor(Math.random() * list.length)] : undefined;
  };

  /** A request that fails at the network level (a keep-alive connection the server closed) is counted, not thrown. */
  const send = async <T>(st: OpenStudent, method: string, path: string, body?: unknown): Promise<Answer<T> | null> => {
    try {
      return await st.browser.send<T>(method, path, body);
    } catch (err) {
      fail(`network ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      return null;
    }
  };

  let running = true;
  const interval = args.interval * 1000;
  const actors = students.map(async (st, k) => {
    const liked = new Set<string>();
    await sleep(Math.random() * interval);
    let next = performance.now();
    let n = 0;
    while (running) {
      const roll = Math.random();
      const target = pick(st.s);
      if (!target || roll < 0.2) {
        const t0 = performance.now();
        const a = await send<NewSocialPostResponse>(st, 'POST', '/api/social/posts', {
          text: `Story ${k}-${n++} from the bench`,
        });
        if (a?.status === 201) {
          postMs.push(performance.now() - t0);
          track(st.s, a.body.post.id);
        } else if (a) fail(`post ${codeOf(a)}`);
      } else if (roll < 0.5) {
        const t0 = performance.now();
        const a = await send<NewSocialPostResponse>(st, 'POST', '/api/social/posts', {
          text: '',
          parentId: target.id,
        });
        if (a?.status === 201) {
          shareMs.push(performance.now() - t0);
          track(st.s, a.body.post.id);
        } else if (a) fail(`share ${codeOf(a)}`);
      } else if (!liked.has(target.id) && !target.inFlight) {
        liked.add(target.id);
        const flight = { t0: performance.now(), expect: target.likes + 1, seen: new Set<BenchClient>() };
        target.inFlight = flight;
        const a = await send<LikeResponse>(st, 'POST', `/api/social/posts/${target.id}/like`, {});
        if (a?.status === 200) {
          likeMs.push(performance.now() - flight.t0);
          target.likes = a.body.likes;
          // The count push may trail the answer a little: give it a moment, then count the unseen.
          setTimeout(() => {
            if (target.inFlight !== flight) return;
            if (flight.seen.size < (classSize.get(st.s) ?? 0)) likeUnseen++;
            target.inFlight = undefined;
          }, 2000);
        } else {
          if (a) fail(`like ${codeOf(a)}`);
          target.inFlight = undefined;
        }
      }
      next += interval;
      await sleep(Math.max(0, next - performance.now()));
    }
  });
  const readers = students.map(async (st) => {
    await sleep(Math.random() * args.feedEvery * 1000);
    let n = 0;
    while (running) {
      const feed = await send<FeedResponse>(st, 'GET', '/api/social/feed');
      if (feed?.status === 200) feedMs.push(feed.ms);
      else if (feed) fail(`feed ${codeOf(feed)}`);
      if (n++ % 3 === 0) {
        const trending = await send<TrendingResponse>(st, 'GET', '/api/social/trending');
        if (trending?.status === 200) {
          trendingMs.push(trending.ms);
          if (trending.body.posts.length === 0 && (posts.get(st.s)?.length ?? 0) > 3) trendingEmpty++;
        } else if (trending) fail(`trending ${codeOf(trending)}`);
      }
      await sleep(args.feedEvery * 1000);
    }
  });
  await sleep(args.duration * 1000);
  running = false;
  await Promise.all([...actors, ...readers]);
  await sleep(2500); // the last likes' pushes and their unseen counts
  const all = [...byId.values()];
  return {
    posts: postMs.length,
    shares: shareMs.length,
    likes: likeMs.length,
    errors,
    postAck: dist(postMs),
    shareAck: dist(shareMs),
    likeAck: dist(likeMs),
    likeSeen: dist(likeSeen),
    likeUnseen: likeUnseen + all.filter((t) => t.inFlight).length,
    feed: dist(feedMs),
    trending: dist(trendingMs),
    trendingEmpty,
  };
}
