/**
 * `npm run reset`: wipe the stored state and seed the pristine scenario again.
 * Refuses while the server runs: it keeps its own copy in memory and would write it back.
 */
import { openStore, wipeStore } from '../store/db';
import { loadPack } from '../store/pack-loader';
import { cliConfig, lockForCli } from './common';

const config = cliConfig();
const lock = lockForCli(config, 'reset');
const pack = await loadPack(config.scenarioDir);
await wipeStore(config.dataDir);
const store = await openStore(config.dataDir, pack);
await store.close();
lock.release();
console.log(`Reset: ${config.dataDir} now holds the pristine "${pack.meta.title}" scenario.`);
