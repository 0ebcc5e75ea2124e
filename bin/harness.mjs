#!/usr/bin/env node
// Browser harness: serves the built renderer on 127.0.0.1 against the built backend worker and the real SQLite
// file, for machines where the Electron binary cannot be fetched. `npm run harness` builds first.
import fs from 'node:fs';

const entry = new URL('../out/main/harness.js', import.meta.url);
if (!fs.existsSync(entry)) {
  console.error('Köprü henüz derlenmemiş: önce "npm run build" çalıştırın. / Not built yet: run "npm run build" first.');
  process.exit(2);
}
const { run } = await import(entry.href);
await run();
