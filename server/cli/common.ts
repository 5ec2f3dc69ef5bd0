/**
 * What the CLIs share: reading the config and taking the data directory's lock, each
 * ending with one clear line and exit 1 when it cannot (a bad setting, the server running).
 */
import { ConfigError, loadConfig, type Config } from '../config';
import { LockedError, acquireLock, busyMessage, type Lock } from '../store/lock';

/** Prints `message` on stderr and exits with `code`. */
export function refuse(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

/** The configuration, or exit 1 with the ConfigError's message. */
export function cliConfig(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) refuse(err.message);
    throw err;
  }
}

/**
 * Takes the lock of `config.dataDir` for `command` ('passwd' or 'reset') until the process
 * exits, so the running server (which keeps the store in memory and would overwrite the
 * change) and a server starting meanwhile are both kept out. Exits 1 when it is held.
 */
export function lockForCli(config: Config, command: 'passwd' | 'reset'): Lock {
  try {
    const lock = acquireLock(config.dataDir, command);
    process.on('exit', () => lock.release());
    return lock;
  } catch (err) {
    if (err instanceof LockedError) refuse(busyMessage(err.info, `npm run ${command}`));
    throw err;
  }
}
