/**
 * `npm run passwd -- <username>`: set a persona's password (read from standard input)
 * and log that user out everywhere. Needed before running with NODE_ENV=production.
 * Refuses while the server runs: it keeps the store in memory and would write the old
 * password back with its next change.
 */
import { createInterface } from 'node:readline/promises';
import { hashPassword } from '../domain/passwords';
import { openStore } from '../store/db';
import { loadPack } from '../store/pack-loader';
import { cliConfig, lockForCli, refuse } from './common';

const username = process.argv[2];
if (!username) refuse('Usage: npm run passwd -- <username>   (then type the new password)', 2);
const config = cliConfig();
const lock = lockForCli(config, 'passwd');
const store = await openStore(config.dataDir, await loadPack(config.scenarioDir));
const user = store.users.findByUsername(store.sessions.defaultSession().id, username);
if (!user) {
  await store.close();
  refuse(`No user "${username}".`);
}
const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: false });
const password = (await rl.question(`New password for ${username} (at least 8 characters): `)).trim();
rl.close();
if (password.length < 8 || password === 'demo') {
  await store.close();
  refuse('Password too short (or still "demo"); nothing changed.');
}
await store.users.update(user.id, { passwordHash: await hashPassword(password), tokenVersion: user.tokenVersion + 1 });
await store.close();
lock.release();
console.log(`Password for ${username} changed; it takes effect when the server starts.`);
