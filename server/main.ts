/**
 * The process entry: read config, build the app, listen, print how to use it.
 */
import { DemoPasswordsError, buildApp } from './app';
import { loadConfig } from './config';
import { PackError } from './domain/pack';

// A stray rejected promise is a bug to log, not a reason to drop every visitor's session.
process.on('unhandledRejection', (reason) => {
  console.error('[cis] unhandled rejection:', reason);
});

async function main(): Promise<void> {
  const config = loadConfig();
  let built;
  try {
    built = await buildApp(config);
  } catch (err) {
    if (err instanceof PackError || err instanceof DemoPasswordsError) {
      console.error(`\n${err.name === 'PackError' ? 'The scenario pack is broken:\n  ' : ''}${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const { server, pack, store } = built;
  server.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const users = store.users.list(store.sessions.defaultSession().id);
    console.log(`\nClosed Intranet Sandbox — scenario "${pack.meta.title}"`);
    console.log(`  open http://localhost:${port}/   (data in ${config.dataDir})`);
    if (!config.production) {
      console.log('  demo accounts (password "demo"):');
      for (const u of users) console.log(`    ${u.username.padEnd(12)} ${u.displayName}`);
    }
  });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void built.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
