#!/usr/bin/env node
// Browser harness: serves the built renderer on 127.0.0.1 against the real handlers and SQLite file,
// for machines where the Electron binary cannot be fetched. `npm run harness` builds first.
import path from 'node:path';
import { register } from 'tsx/esm/api';

register();
const { createAppContext } = await import('../electron/app/context.ts');
const { startHarness } = await import('../electron/harness/server.ts');
const { appVersion, projectRoot, sourceMigrationsDir } = await import('../electron/app/paths.ts');

const dataDir = path.resolve(process.env.KOPRU_DATA_DIR ?? path.join(projectRoot(), '.kopru-data'));
const port = Number(process.env.KOPRU_PORT ?? 5199);
const ctx = createAppContext({ dataDir, migrationsDir: sourceMigrationsDir(), appVersion: appVersion() });
const harness = await startHarness(ctx, path.join(projectRoot(), 'out', 'renderer'), port);
console.log(`Köprü: ${harness.url}  (veri klasörü / data folder: ${dataDir})`);
const stop = async () => {
  await harness.close();
  ctx.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
