import fs from 'node:fs';
import path from 'node:path';
import type { Identity } from '../../shared/contract/installation';
import { ChangeWriter } from '../../db/changeLog/writer';
import { readIdentity } from '../../db/installation/queries';
import { DbOpenError, openDatabase, shippedSchemaVersion, type OpenDatabase } from '../../db/open';

// Everything a handler may use. Built once per process by whichever transport runs the handlers
// (Electron IPC, the kopru CLI, the loopback harness), so all three run the same code.

export interface AppOptions {
  dataDir: string;
  migrationsDir: string;
  appVersion: string;
  /** Injected clock, for tests; defaults to Date.now. */
  now?: () => number;
}

export interface AppContext {
  readonly options: AppOptions;
  readonly db: OpenDatabase | null;
  readonly dbError: DbOpenError | null;
  identity: Identity | null;
  writer: ChangeWriter | null;
  readonly shippedSchemaVersion: number;
  now(): number;
  close(): void;
}

/** Opens (creating and migrating if needed) the data folder's database. A database that cannot be opened is
 * reported through `dbError` and left untouched; the app still starts so it can show an error screen. */
export function createAppContext(options: AppOptions): AppContext {
  const dataDir = path.resolve(options.dataDir);
  const resolved = { ...options, dataDir };
  let db: OpenDatabase | null = null;
  let dbError: DbOpenError | null = null;
  try {
    db = openDatabase({ dataDir, migrationsDir: options.migrationsDir });
  } catch (error) {
    if (!(error instanceof DbOpenError)) throw error;
    dbError = error;
  }
  const now = options.now ?? Date.now;
  const identity = db ? readIdentity(db) : null;
  return {
    options: resolved,
    db,
    dbError,
    identity,
    writer: db && identity ? new ChangeWriter(db.sqlite, { nodeId: identity.nodeId, now }) : null,
    shippedSchemaVersion: shippedSchemaVersion(options.migrationsDir),
    now,
    close: () => db?.close(),
  };
}

/** True when the folder already holds an installation (used by `kopru init` to refuse re-initialising). */
export function dataDirInUse(dataDir: string): boolean {
  return fs.existsSync(path.join(dataDir, 'kopru.sqlite')) || fs.existsSync(path.join(dataDir, 'identity.key'));
}
