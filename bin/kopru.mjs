#!/usr/bin/env node
// The `kopru` command: runs the TypeScript CLI through tsx, so administrators get the same handlers as the app.
import { register } from 'tsx/esm/api';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(`Köprü Node.js 22.12 ya da daha yenisini gerektirir (bu: ${process.versions.node}).`);
  console.error(`Köprü requires Node.js 22.12 or newer (found ${process.versions.node}).`);
  process.exit(2);
}
register();
const { main } = await import('../electron/cli/kopru.ts');
process.exitCode = await main(process.argv.slice(2));
