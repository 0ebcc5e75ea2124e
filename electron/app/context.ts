import crypto from 'node:crypto';
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
  /** Today's date (ISO `YYYY-MM-DD`) by the injected clock. */
  today(): string;
  /** Keyed hash under this installation's secret (for TC Kimlik No duplicate detection; DOMAIN.md §9). */
  hmac(text: string): string;
  /** A change writer for a freshly set-up identity. */
  attachWriter(identity: Identity): void;
  close(): void;
}

export const SECRET_FILE = 'secret.key';

/** The per-installation HMAC secret, created on first use (mode 0600). Never leaves the machine. */
function installationSecret(dataDir: string): () => Buffer {
  let secret: Buffer | null = null;
  return () => {
    if (secret) return secret;
    const file = path.join(dataDir, SECRET_FILE);
    if (!fs.existsSync(file)) {
      try {
        fs.writeFileSync(file, crypto.randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
      } catch (error) {
        if ((error as { code?: string }).code !== 'EEXIST') throw error;
      }
    }
    secret = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
    return secret;
  };
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
  const secret = installationSecret(dataDir);
  const hmac = (text: string) => crypto.createHmac('sha256', secret()).update(text).digest('hex');
  const makeWriter = (identity: Identity) => new ChangeWriter(db!.sqlite, { nodeId: identity.nodeId, now, hmac });
  const identity = db ? readIdentity(db) : null;
  const ctx: AppContext = {
    options: resolved,
    db,
    dbError,
    identity,
    writer: db && identity ? makeWriter(identity) : null,
    shippedSchemaVersion: shippedSchemaVersion(options.migrationsDir),
    now,
    // Dates are the user's calendar day in Turkey (UTC+3 all year), not UTC's.
    today: () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Istanbul' }).format(new Date(now())),
    hmac,
    attachWriter(newIdentity) {
      ctx.identity = newIdentity;
      ctx.writer = makeWriter(newIdentity);
    },
    close: () => db?.close(),
  };
  return ctx;
}

/** True when the folder already holds an installation (used by `kopru init` to refuse re-initialising). */
export function dataDirInUse(dataDir: string): boolean {
  return fs.existsSync(path.join(dataDir, 'kopru.sqlite')) || fs.existsSync(path.join(dataDir, 'identity.key'));
}
