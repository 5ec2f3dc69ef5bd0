/**
 * `npm run passwd -- <username>`: set a persona's password (read from standard input)
 * and log that user out everywhere. Needed before running with NODE_ENV=production.
 */
import { createInterface } from 'node:readline/promises';
import { loadConfig } from '../config';
import { hashPassword } from '../domain/passwords';
import { openStore } from '../store/db';
import { loadPack } from '../store/pack-loader';

const username = process.argv[2];
if (!username) {
  console.error('Usage: npm run passwd -- <username>   (then type the new password)');
  process.exit(2);
}
const config = loadConfig();
const store = await openStore(config.dataDir, await loadPack(config.scenarioDir));
const user = store.users.findByUsername(store.sessions.defaultSession().id, username);
if (!user) {
  console.error(`No user "${username}".`);
  process.exit(1);
}
const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: false });
const password = (await rl.question(`New password for ${username} (at least 8 characters): `)).trim();
rl.close();
if (password.length < 8 || password === 'demo') {
  console.error('Password too short (or still "demo"); nothing changed.');
  process.exit(1);
}
await store.users.update(user.id, { passwordHash: await hashPassword(password), tokenVersion: user.tokenVersion + 1 });
await store.close();
console.log(`Password for ${username} changed. Restart the server if it is running.`);
