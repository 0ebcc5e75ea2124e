// Runs exportChild.ts in THIS process, so a SIGKILL sent to this pid hits the process writing the file.
// Usage: node tests/sync/support/exportChild.mjs <dataDir> <peerNodeId> <outFile>
import { register } from 'tsx/esm/api';

register();
await import('./exportChild.ts');
