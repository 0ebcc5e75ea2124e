#!/usr/bin/env node
// The `kopru` command: runs the built CLI (out/main/cli.js), which drives the same backend worker as the app.
import fs from 'node:fs';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(`Köprü Node.js 22.12 ya da daha yenisini gerektirir (bu: ${process.versions.node}).`);
  console.error(`Köprü requires Node.js 22.12 or newer (found ${process.versions.node}).`);
  process.exit(2);
}
const entry = new URL('../out/main/cli.js', import.meta.url);
if (!fs.existsSync(entry)) {
  console.error('Köprü henüz derlenmemiş: önce "npm run build" çalıştırın.');
  console.error('Köprü is not built yet: run "npm run build" first.');
  process.exit(2);
}
const { run } = await import(entry.href);
process.exitCode = await run(process.argv.slice(2));
