import path from 'node:path';
import { appVersion, sourceMigrationsDir } from '../app/paths';
import { startBackendWorker } from '../backend/host';
import { main, processIo } from './kopru';

// The built `kopru` command (out/main/cli.js, run by bin/kopru.mjs): the CLI over the backend worker, the same
// built out/main/backend.js the desktop app starts. Plain JavaScript: no TypeScript loader at run time.

/** How long a command waits for another Köprü (the app, another command) to let go of the data folder. */
const LOCK_WAIT_MS = 5_000;

/**
 * How the command unwraps the data key: there is no OS key store here, so the recovery passphrase
 * (KOPRU_PASSPHRASE); KOPRU_KEYSTORE_DIR names the harness's stand-in key store (development and tests only;
 * it can never open a key the desktop app wrapped with the OS key store).
 */
function cliKeys(env: Record<string, string | undefined>): { passphrase?: string; keyStoreDir?: string } {
  return {
    ...(env.KOPRU_PASSPHRASE ? { passphrase: env.KOPRU_PASSPHRASE } : {}),
    ...(env.KOPRU_KEYSTORE_DIR ? { keyStoreDir: path.resolve(env.KOPRU_KEYSTORE_DIR) } : {}),
  };
}

export function run(argv: string[]): Promise<number> {
  const entry = path.join(import.meta.dirname, 'backend.js');
  return main(argv, {
    ...processIo,
    connect: (dataDir) =>
      startBackendWorker(
        entry,
        { dataDir, migrationsDir: sourceMigrationsDir(), appVersion: appVersion(), holder: 'cli', lockWaitMs: LOCK_WAIT_MS, ...cliKeys(processIo.env) },
        { log: (level, event, details) => level === 'error' && processIo.stderr(`[kopru] ${event} ${JSON.stringify(details ?? {})}`) },
      ),
  });
}
