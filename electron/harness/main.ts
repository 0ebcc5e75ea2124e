import path from 'node:path';
import { appVersion, projectRoot, sourceMigrationsDir } from '../app/paths';
import { startBackendWorker } from '../backend/host';
import { startHarness } from './server';

// The built browser harness (out/main/harness.js, run by bin/harness.mjs): the renderer served on 127.0.0.1
// against the backend worker the desktop app starts, for machines where the Electron binary cannot run.

export async function run(): Promise<void> {
  const dataDir = path.resolve(process.env.KOPRU_DATA_DIR ?? path.join(projectRoot(), '.kopru-data'));
  const port = Number(process.env.KOPRU_PORT ?? 5199);
  // The harness has no OS key store: a stand-in key in a folder beside the data folder wraps the data key
  // (electron/app/keyring.ts FileKeyStore). The desktop app uses Electron's safeStorage instead.
  const keyStoreDir = path.resolve(process.env.KOPRU_KEYSTORE_DIR ?? path.join(projectRoot(), '.kopru-keystore'));
  const backend = startBackendWorker(
    path.join(import.meta.dirname, 'backend.js'),
    { dataDir, migrationsDir: sourceMigrationsDir(), appVersion: appVersion(), holder: 'harness', keyStoreDir, ...(process.env.KOPRU_PASSPHRASE ? { passphrase: process.env.KOPRU_PASSPHRASE } : {}) },
    { log: (level, event, details) => console.error(`[kopru] ${level} ${event} ${JSON.stringify(details ?? {})}`) },
  );
  await backend.ready;
  const harness = await startHarness(backend.invokeJson, path.join(import.meta.dirname, '..', 'renderer'), port);
  console.log(`Köprü: ${harness.url}  (veri klasörü / data folder: ${dataDir})`);
  const stop = async () => {
    await harness.close();
    await backend.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}
