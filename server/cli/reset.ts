/**
 * `npm run reset`: wipe the stored state and seed the pristine scenario again.
 * Stop the server first; it keeps its own copy in memory while it runs.
 */
import { loadConfig } from '../config';
import { openStore, wipeStore } from '../store/db';
import { loadPack } from '../store/pack-loader';

const config = loadConfig();
const pack = await loadPack(config.scenarioDir);
await wipeStore(config.dataDir);
const store = await openStore(config.dataDir, pack);
await store.close();
console.log(`Reset: ${config.dataDir} now holds the pristine "${pack.meta.title}" scenario.`);
