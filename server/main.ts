/**
 * The process entry: read config, take the data directory's lock, build the app,
 * listen, print how to use it. Anything the person starting it can fix (a bad setting,
 * a taken port, another server on the same data) ends with one clear line and exit 1.
 */
import { DemoPasswordsError, buildApp } from './app';
import { lanUrls } from './lan';
import { ConfigError, loadConfig, type Config } from './config';
import { PackError } from './domain/pack';
import { LockedError, acquireLock, type Lock, type LockInfo } from './store/lock';

/** Pending connections the listening socket holds (Node's default is 511). */
const LISTEN_BACKLOG = 2048;

// A stray rejected promise is a bug to log, not a reason to drop every visitor's session.
process.on('unhandledRejection', (reason) => {
  console.error('[cis] unhandled rejection:', reason);
});

/** Prints `message` on stderr and exits 1. */
function refuse(message: string): never {
  console.error(message);
  process.exit(1);
}

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) refuse(err.message);
    throw err;
  }
}

function lockedMessage(holder: LockInfo, dataDir: string): string {
  if (holder.holder !== 'server')
    return `npm run ${holder.holder} is working on ${dataDir} (pid ${holder.pid}). Wait for it to finish, then start the server again.`;
  const port = holder.port === undefined ? '' : `, port ${holder.port}`;
  return (
    `Another server is already running on ${dataDir} (pid ${holder.pid}${port}); two servers on one DATA_DIR ` +
    `would overwrite each other's changes. Stop it first, or give this one its own DATA_DIR.`
  );
}

function takeLock(config: Config): Lock {
  try {
    return acquireLock(config.dataDir, 'server', config.port);
  } catch (err) {
    if (err instanceof LockedError) refuse(lockedMessage(err.info, config.dataDir));
    throw err;
  }
}

/** The one line for a listen error the person starting the server can fix, if it is one. */
function listenMessage(err: NodeJS.ErrnoException, config: Config): string | undefined {
  const { port, host } = config;
  switch (err.code) {
    case 'EADDRINUSE':
      return `Port ${port} is already in use. Stop the other server or choose another port with PORT=${port < 65535 ? port + 1 : 3001} npm start.`;
    case 'EACCES':
      return `Port ${port} may not be opened by this user (ports below 1024 need administrator rights). Choose another port with PORT=3000 npm start.`;
    case 'EADDRNOTAVAIL':
      return `HOST=${host} is not an address of this machine. Leave HOST unset to listen on every interface, or use HOST=127.0.0.1.`;
    default:
      return undefined;
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const lock = takeLock(config);
  process.on('exit', () => lock.release());
  let built;
  try {
    built = await buildApp(config);
  } catch (err) {
    if (err instanceof PackError || err instanceof DemoPasswordsError) {
      refuse(`\n${err.name === 'PackError' ? 'The scenario pack is broken:\n  ' : ''}${err.message}\n`);
    }
    throw err;
  }
  const { server, pack, store } = built;
  server.on('error', (err: NodeJS.ErrnoException) => {
    const message = listenMessage(err, config);
    if (message) refuse(message);
    console.error('[cis] server error:', err);
    process.exit(1);
  });
  // A class switching round at once sends every phone's next request together: a backlog of 2,048
  // (capped by the kernel's somaxconn) keeps those connections from waiting on a SYN retry.
  server.listen({ port: config.port, host: config.host, backlog: LISTEN_BACKLOG }, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const users = store.users.list(store.sessions.defaultSession().id);
    console.log(`\nClosed Intranet Sandbox — scenario "${pack.meta.title}"`);
    console.log(`  open http://localhost:${port}/   (data in ${config.dataDir})`);
    const lan = lanUrls(config.host, port);
    if (lan.length > 0) {
      console.log('  students on this network open:');
      for (const url of lan) console.log(`    ${url}join`);
    }
    if (config.publicUrl) console.log(`  join links and QR codes name ${config.publicUrl}`);
    if (config.kiosk.enabled) {
      console.log(`  museum kiosk: the attract screen is at http://localhost:${port}/`);
      if (!config.kiosk.pin) console.log('  the operator PIN is 0000 (set KIOSK_PIN; production requires it)');
    }
    if (!config.production) {
      console.log('  demo accounts (password "demo"):');
      for (const u of users) console.log(`    ${u.username.padEnd(12)} ${u.displayName}`);
    }
  });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void built.close().then(() => {
      lock.release();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
