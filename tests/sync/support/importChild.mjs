// Runs importChild.ts in THIS process (no tsx CLI in between), so a SIGKILL sent to this pid hits the
// process that holds the database. Usage: node tests/sync/support/importChild.mjs <dataDir> <file> <now> [options JSON]
import { register } from 'tsx/esm/api';

register();
await import('./importChild.ts');
