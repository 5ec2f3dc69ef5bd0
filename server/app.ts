/**
 * Builds the whole app from a config: store, domain services, HTTP routes, sockets.
 * Does not listen; `main.ts` does, and tests start it on port 0.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { Bus } from './domain/bus';
import type { Pack } from './domain/pack';
import { verifyPassword } from './domain/passwords';
import { sessionContext, TrailRecorder } from './domain/recorder';
import type { SessionDeps } from './domain/sessions';
import { Tokens } from './auth/tokens';
import type { Config } from './config';
import { authenticate, type HttpContext } from './http/context';
import { writeGuard } from './http/guard';
import { apiNotFound, errorHandler } from './http/errors';
import { authRoutes } from './http/routes/auth';
import { sessionRoutes } from './http/routes/session';
import { compression, serveClient } from './http/static';
import { policyRoutes } from './http/routes/policy';
import { siteRoutes } from './http/routes/sites';
import { pageRoutes } from './http/routes/pages';
import { libraryRoutes } from './http/routes/library';
import { trailRoutes } from './http/routes/trail';
import { recordRoutes } from './http/routes/record';
import { SnapshotTaker } from './domain/snapshots';
import { mediaRoutes } from './http/routes/media';
import { boardRoutes } from './http/routes/boards';
import { chatRoutes } from './http/routes/chat';
import { fileRoutes } from './http/routes/files';
import { FilesEvents, type FilesDeps } from './domain/files';
import { setRevoked } from './domain/chat';
import { classRoutes } from './http/routes/classes';
import { quizRoutes } from './http/routes/quiz';
import { debriefRoutes } from './http/routes/debrief';
import { socialGate, socialRoutes } from './http/routes/social';
import { SocialEvents, type SocialDeps } from './domain/social';
import { TrendingBook } from './domain/trending';
import { pauseGuard } from './http/pause';
import { fireDueEvents, SerialQueue, type ClassDeps } from './domain/classes';
import { OnlineUsers } from './domain/online';
import { CastDirector } from './domain/cast';
import { realClock, type Clock } from './domain/clock';
import type { ChatDeps } from './domain/chat';
import { compileSubstitutions } from './domain/filter';
import { Presence } from './realtime/presence';
import { Throttle } from './domain/throttle';
import type { BoardDeps } from './domain/boards';
import { filterOf, publishDue, type MediaDeps } from './domain/media';
import { attachRealtime, type IO } from './realtime';
import { DEMO_PASSWORD, openStore, type Store } from './store/db';
import { seedArticles, seedPosts } from './store/seed';
import { loadPack } from './store/pack-loader';
import { englishPack, inLocale, localizedPack } from './domain/locale';
import { requestLocale } from './http/routes/auth';
import { loadSecret } from './store/secret';
import { kioskInfoOf, kioskRoutes, type KioskRuntime } from './http/routes/kiosk';
import { KioskSettingsFile } from './store/kiosk-settings';
import { sweepVisits } from './domain/kiosk';

/** How often expired logins are dropped from the store. */
const LOGIN_PRUNE_MS = 10 * 60 * 1000;

/** A built, not yet listening, app. */
export interface BuiltApp {
  app: Express;
  server: HttpServer;
  io: IO;
  store: Store;
  pack: Pack;
  /** What the domain's session functions need. */
  sessions: SessionDeps;
  /** What class sessions need (the routes and the realtime layer share it). */
  classes: ClassDeps;
  /** What the open network needs (the routes and the realtime layer share it). */
  social: SocialDeps;
  /** The simulated cast (its timers stop on close). */
  cast: CastDirector;
  /** Stops sockets, the HTTP server and the store. */
  close(): Promise<void>;
}

/** Refusal to run in production with the shipped demo passwords. */
export class DemoPasswordsError extends Error {
  /** `usernames` still have the demo password. */
  constructor(readonly usernames: string[]) {
    super(
      `Refusing to start with NODE_ENV=production: demo passwords are active for ${usernames.join(', ')}.\n` +
        `Change each with: npm run passwd -- <username>   (prompts for a new password; DATA_DIR as for the server)`,
    );
    this.name = 'DemoPasswordsError';
  }
}

async function usersWithDemoPassword(store: Store): Promise<string[]> {
  const users = store.users.list(store.sessions.defaultSession().id);
  const flags = await Promise.all(users.map((u) => verifyPassword(DEMO_PASSWORD, u.passwordHash)));
  return users.filter((_, i) => flags[i]).map((u) => u.username);
}

function securityHeaders() {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    strictTransportSecurity: false, // school servers often run plain HTTP on a LAN
  });
}

/** What tests may put in place of the real thing. */
export interface BuildOptions {
  /** The simulated cast's clock (a fake one runs its timers by hand). */
  castClock?: Clock;
  /** The simulated cast's random numbers. */
  castRandom?: () => number;
}

/** Builds the app; throws PackError for a broken pack, DemoPasswordsError in production with demo passwords. */
export async function buildApp(config: Config, opts: BuildOptions = {}): Promise<BuiltApp> {
  const log = (msg: string, err: unknown) => {
    if (!config.quiet) console.error(`[cis] ${msg}:`, err);
  };
  // Read in the language of the request being served (`domain/locale.ts`).
  const pack = localizedPack(await loadPack(config.scenarioDir));
  const store = await openStore(config.dataDir, pack);
  if (config.production) {
    const demo = await usersWithDemoPassword(store);
    if (demo.length > 0) {
      await store.close();
      throw new DemoPasswordsError(demo);
    }
  }
  const tokens = new Tokens(await loadSecret(config.dataDir, config.jwtSecret), config.tokenTtlSeconds);
  const bus = new Bus();
  // Each event carries the person's display name, so the trail speaks of people, not logins.
  const castNames = new Map(englishPack(pack).cast.members.map((m) => [m.username, m.displayName]));
  const recorder = new TrailRecorder(
    store.trail,
    bus,
    undefined,
    sessionContext(store.sessions),
    (sessionId, username) => store.users.findByUsername(sessionId, username)?.displayName ?? castNames.get(username),
  );
  // The device's screen snapshots follow the logins and page views the trail records.
  recorder.follow(new SnapshotTaker(store.trail, pack.sites).followUp);
  const ctx: HttpContext = { config, pack, store, recorder, tokens, bus };

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(securityHeaders());
  app.use(compression());
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  app.use(writeGuard(config.allowedOrigins, config.trustProxy));
  // Authenticated before the body is parsed, so the open network's gate refuses a closed-mode
  // actor (403) whatever the payload, even one that is not valid JSON.
  app.use(authenticate(ctx));
  app.use((req, res, next) => inLocale(requestLocale(ctx, req, res), next));
  app.use('/api/social', socialGate());
  app.use('/api', express.json({ limit: '64kb', strict: true }));
  // One queue per class session for every change of it (class controls and quiz answers alike).
  const classQueue = new SerialQueue();
  // Before the pause guard: the quiz refuses answers while paused but takes them once the session has ended.
  app.use(
    quizRoutes({
      pack,
      quiz: store.quiz,
      sessions: store.sessions,
      users: store.users,
      recorder,
      bus,
      queue: classQueue,
    }),
  );
  app.use(pauseGuard(store.sessions));
  app.use(authRoutes(ctx));
  // The kiosk (KIOSK=1) is built once the files are: a visit starts with a stick on its device.
  let kiosk: KioskRuntime | undefined;
  const kioskSettings = config.kiosk.enabled
    ? await KioskSettingsFile.open(config.dataDir, {
        locale: 'en',
        idleSeconds: config.kiosk.idleSeconds,
        countdownSeconds: config.kiosk.countdownSeconds,
        tour: true,
        cast: config.castOn,
      })
    : undefined;
  app.use(sessionRoutes(ctx, () => kioskInfoOf(ctx, kiosk)));
  app.use(siteRoutes(ctx));
  app.use(trailRoutes(ctx));
  app.use(recordRoutes(ctx));
  app.use(policyRoutes(ctx));
  const media: MediaDeps = {
    pack,
    articles: store.articles,
    recorder,
    bus,
    filter: filterOf(pack),
    searchThrottle: new Throttle(config.searchesPerMinute, 60),
    social: store.social,
  };
  app.use(mediaRoutes(media));
  app.use(pageRoutes({ pack }));
  app.use(
    libraryRoutes({
      pack,
      recorder,
      filter: media.filter,
      searchThrottle: new Throttle(config.searchesPerMinute, 60),
      requestThrottle: new Throttle(config.postsPerMinute, 60),
    }),
  );
  const boards: BoardDeps = {
    pack,
    posts: store.posts,
    users: store.users,
    recorder,
    bus,
    filter: media.filter,
    throttle: new Throttle(config.postsPerMinute, 60),
    social: store.social,
  };
  app.use(boardRoutes(boards));
  const social: SocialDeps = {
    pack,
    social: store.social,
    users: store.users,
    articles: store.articles,
    posts: store.posts,
    recorder,
    filter: media.filter,
    throttle: new Throttle(config.postsPerMinute, 60),
    // Likes and follows come faster than posts: ten times the posting rate.
    actionThrottle: new Throttle(config.postsPerMinute * 10, 60),
    trending: new TrendingBook(),
    events: new SocialEvents(),
  };
  app.use(socialRoutes(social));
  const presence = new Presence();
  const chat: ChatDeps = {
    pack,
    users: store.users,
    chat: store.chat,
    rooms: store.roomStates,
    trail: store.trail,
    recorder,
    bus,
    filter: media.filter,
    substitutions: compileSubstitutions(pack.filter.substitutions),
    throttle: new Throttle(config.chatPerTenSeconds, 10),
    joinThrottle: new Throttle(config.chatJoinsPerTenSeconds, 10),
    online: (sessionId, roomId) => presence.count(sessionId, roomId),
  };
  const online = new OnlineUsers();
  // The simulated cast: built after chat and boards, whose functions it calls; it sits in rooms.
  const cast = new CastDirector({
    pack,
    sessions: store.sessions,
    users: store.users,
    recorder,
    bus,
    filter: media.filter,
    boards,
    chat,
    clock: opts.castClock ?? realClock,
    random: opts.castRandom ?? Math.random,
    online: (userId) => online.has(userId),
    peopleInRoom: (sessionId, roomId) => presence.count(sessionId, roomId),
    peopleInSession: (sessionId) => online.inSession(sessionId),
    castOn: config.castOn,
    demoDelaySeconds: config.castDelaySeconds,
    // A kiosk visit's cast speaks its visitor's language; a class's and the demo's, the pack's own.
    sessionLocale: (sessionId) =>
      (store.sessions.get(sessionId)?.kiosk ? store.logins.localeFor(sessionId) : 'en') ?? 'en',
    log,
  }).start();
  chat.castPresence = (sessionId, roomId) => cast.presence(sessionId, roomId);
  app.use(chatRoutes(chat));
  const files: FilesDeps = {
    pack,
    files: store.files,
    users: store.users,
    sessions: store.sessions,
    recorder,
    events: new FilesEvents(),
    // An inspection's revocation is the censor's own revoke.
    revoke: (actor, username) => setRevoked(chat, actor, username, true),
  };
  app.use(fileRoutes(files));
  const classes: ClassDeps = {
    pack,
    sessions: store.sessions,
    users: store.users,
    logins: store.logins,
    articles: store.articles,
    posts: store.posts,
    rooms: store.roomStates,
    trail: store.trail,
    storage: store.sessionStorage,
    recorder,
    bus,
    filter: media.filter,
    online: (userId) => online.has(userId),
    seed: (sessionId) => ({ articles: seedArticles(pack, sessionId), posts: seedPosts(pack, sessionId, []) }),
    queue: classQueue,
    ttlSeconds: config.tokenTtlSeconds,
    files,
    cast: { director: cast, castOn: config.castOn, demoDelaySeconds: config.castDelaySeconds },
  };
  app.use(classRoutes(ctx, { classes, joinsPerTenSeconds: config.joinsPerTenSeconds }));
  if (kioskSettings)
    kiosk = {
      settings: kioskSettings,
      deps: {
        pack,
        sessions: store.sessions,
        users: store.users,
        logins: store.logins,
        storage: store.sessionStorage,
        trail: store.trail,
        recorder,
        bus,
        files,
        seed: classes.seed,
        settings: () => kioskSettings.get(),
      },
    };
  app.use(kioskRoutes(ctx, kiosk));
  app.use(debriefRoutes(ctx, { classes }));
  app.use('/api', apiNotFound);
  serveClient(app, config.clientDir);
  app.use(errorHandler(log));

  const server = createServer(app);
  const io = attachRealtime(server, {
    store,
    pack,
    chat,
    social,
    files: files.events,
    presence,
    classes,
    online,
    log,
    tokens,
    bus,
    allowedOrigins: config.allowedOrigins,
    trustProxy: config.trustProxy,
  });

  // Scheduled articles go out when their time comes, and so do the rounds' timed events.
  const scheduler = setInterval(() => {
    const now = new Date();
    publishDue(media, now).catch((err: unknown) => log('scheduled publishing failed', err));
    fireDueEvents(classes, now).catch((err: unknown) => log('timed events failed', err));
  }, config.schedulerMs);
  scheduler.unref();
  // Logins that were never logged out are dropped once expired, so a kiosk's visits do not pile up.
  const pruneLogins = () => {
    store.logins.prune(new Date()).catch((err: unknown) => log('pruning expired logins failed', err));
    // Kiosk visits nobody ended (a crash, a power cut) go with their logins.
    if (kiosk) sweepVisits(kiosk.deps, new Date()).catch((err: unknown) => log('sweeping kiosk visits failed', err));
  };
  pruneLogins();
  const pruner = setInterval(pruneLogins, LOGIN_PRUNE_MS);
  pruner.unref();

  return {
    app,
    server,
    io,
    store,
    pack,
    sessions: { sessions: store.sessions, recorder, bus },
    classes,
    social,
    cast,
    async close() {
      cast.dispose();
      clearInterval(scheduler);
      clearInterval(pruner);
      await io.close(); // also closes the HTTP server
      server.closeAllConnections();
      await store.close();
    },
  };
}
