import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Health } from '../../shared/contract/backend';
import { AppError, msg, msgOf } from '../../shared/contract';
import type { Identity, KeyError, KeyFile } from '../../shared/contract/installation';
import { ChangeWriter } from '../../db/changeLog/writer';
import { readIdentity } from '../../db/installation/queries';
import type { DataKey } from '../../db/cipher';
import { DATABASE_FILE, DbOpenError, openDatabase, openReadOnly, shippedSchemaVersion, type OpenDatabase } from '../../db/open';
import { JobTracker } from './jobs';
import { openKeys, type OpenedKeys } from './keyFiles';
import { Session } from './session';

// Everything a handler may use. Built by the backend (electron/backend/backend.ts), which every host runs:
// the Electron app (in a worker thread), the kopru CLI and the browser harness, so all three run the same code.
// The backend keeps two contexts over one database: the writing one, used by one call at a time from its
// queue, and a read-only one that answers reads at once from the last committed state.

export interface AppOptions {
  dataDir: string;
  migrationsDir: string;
  appVersion: string;
  /** Injected clock, for tests; defaults to Date.now. */
  now?: () => number;
  /** Where the host writes its log files (the support bundle reads their tail). */
  logDir?: string;
  /** The data key the database is encrypted with (unwrapped by the backend: electron/app/keyring.ts). */
  dataKey?: DataKey | null;
}

export interface AppContext {
  readonly options: AppOptions;
  readonly db: OpenDatabase | null;
  /** Why the database cannot be used: set at open, or later when damage is found. */
  dbError: DbOpenError | null;
  /** A key file is missing, damaged or not this installation's (checked at open): nothing may be written. */
  readonly keyError: KeyError | null;
  identity: Identity | null;
  writer: ChangeWriter | null;
  /** True for the read-only context: its connection cannot write, and neither can its writer. */
  readonly readOnly: boolean;
  readonly shippedSchemaVersion: number;
  /** The running job, shared by both contexts of a backend. */
  readonly jobs: JobTracker;
  /** Who is signed in (issue #16), shared by both contexts of a backend; every local change records them. */
  readonly session: Session;
  now(): number;
  /** Today's date (ISO `YYYY-MM-DD`) by the injected clock. */
  today(): string;
  /** Keyed hash under this installation's secret (for TC Kimlik No duplicate detection; DOMAIN.md §9). */
  hmac(text: string): string;
  /** A change writer for a freshly set-up identity (its key files are created and recorded first). */
  attachWriter(identity: Identity): void;
  /** Checks the key files again (after one was put back); the new `keyError`. Writing context only. */
  recheckKeys(): KeyError | null;
  /** Called when a statement reports a damaged file (SQLITE_CORRUPT / SQLITE_NOTADB). */
  onDamage?: (error: unknown) => void;
  /** What the backend around this context knows (its queue, the database's health); absent in bare tests. */
  runtime?: BackendRuntime;
  /** Where failures are reported (the host's log file in the app); codes and names only, never inputs. */
  log?: (level: 'error' | 'warn' | 'info', event: string, details?: Record<string, string | number | boolean | null>) => void;
  close(): void;
}

export interface BackendRuntime {
  waitingWrites(): number;
  health(): Health;
  hasOpenedFile(): boolean;
  takeOpenedFile(): { path: string; name: string } | null;
  /**
   * Tries again to take a data folder another Köprü held, or checks the key files again after one was put
   * back; true when the database is now open and its keys sound.
   */
  reopen(): Promise<boolean>;
  /** Puts back the verified copies of the key files a key problem names, then checks the files again. */
  restoreKeys(): { restored: KeyFile[]; keptAside: string[] };
  /** Unwraps the data key with the recovery passphrase and opens the database (it was `key-locked`). */
  unlock(passphrase: string): Promise<void>;
  /** Puts keyring.json's copy from backups/keys back and opens the database with it. */
  restoreKeyring(): Promise<void>;
  /** Replaces the database with a verified backup (closes and reopens both connections). */
  restoreBackup(name: string): Promise<{ restored: string; keptAside: string | null; schemaVersion: number }>;
}

export interface ContextExtras {
  /** Do not open the database; report this instead (e.g. the data folder is locked by another Köprü). */
  blocked?: DbOpenError;
  jobs?: JobTracker;
  session?: Session;
}

/** Opens (creating and migrating if needed) the data folder's database. A database that cannot be opened is
 * reported through `dbError` and left untouched; the app still starts so it can show an error screen. */
export function createAppContext(options: AppOptions, extras: ContextExtras = {}): AppContext {
  const dataDir = path.resolve(options.dataDir);
  const resolved = { ...options, dataDir };
  let db: OpenDatabase | null = null;
  let dbError: DbOpenError | null = extras.blocked ?? null;
  let identity: Identity | null = null;
  let keys: OpenedKeys = { error: null, secret: null };
  if (!dbError && !options.dataKey) {
    dbError = new DbOpenError('key-locked', msg('backend.dbOpen.keyNotOpened'), path.join(dataDir, DATABASE_FILE), { reason: 'needs-passphrase', hasCopy: false });
  }
  if (!dbError && options.dataKey) {
    try {
      db = openDatabase({ dataDir, migrationsDir: options.migrationsDir, key: options.dataKey });
      identity = readIdentity(db);
      if (identity) keys = openKeys(dataDir, db, identity);
    } catch (error) {
      // Whatever stops the database from opening (damage in a table read at open — the installation row, the
      // seeded districts — a full disk, a migration that cannot run) is reported, never thrown: the backend
      // must live to show the error screen and offer a backup to restore.
      db?.close();
      db = null;
      dbError = error instanceof DbOpenError ? error : openFailure(error, path.join(dataDir, DATABASE_FILE));
    }
  }
  const now = options.now ?? Date.now;
  const hmac = (text: string) => {
    // Never a hash under a secret that is not this installation's: duplicates would silently go unseen.
    if (!keys.secret) throw new AppError('KEYS_UNAVAILABLE', keys.error ? msgOf(keys.error) : undefined);
    return crypto.createHmac('sha256', keys.secret).update(text).digest('hex');
  };
  const session = extras.session ?? new Session();
  const makeWriter = (identity: Identity) => new ChangeWriter(db!.sqlite, { nodeId: identity.nodeId, now, hmac, actor: () => session.user?.id ?? null });
  const ctx: AppContext = {
    options: resolved,
    db,
    dbError,
    get keyError() {
      return keys.error;
    },
    identity,
    writer: db && identity ? makeWriter(identity) : null,
    readOnly: false,
    shippedSchemaVersion: shippedSchemaVersion(options.migrationsDir),
    jobs: extras.jobs ?? new JobTracker(),
    session,
    now,
    // Dates are the user's calendar day in Turkey (UTC+3 all year), not UTC's.
    today: () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Istanbul' }).format(new Date(now())),
    hmac,
    attachWriter(newIdentity) {
      keys = openKeys(dataDir, db!, newIdentity);
      ctx.identity = newIdentity;
      ctx.writer = makeWriter(newIdentity);
    },
    recheckKeys() {
      if (db && ctx.identity) keys = openKeys(dataDir, db, ctx.identity);
      return keys.error;
    },
    close: () => db?.close(),
  };
  return ctx;
}

function openFailure(error: unknown, dbPath: string): DbOpenError {
  const code = (error as { code?: unknown } | null)?.code;
  const damaged = typeof code === 'string' && (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT'));
  if (damaged) {
    return new DbOpenError(
      'corrupt',
      msg('backend.dbOpen.damagedAtOpen'),
      dbPath,
    );
  }
  return new DbOpenError(
    'unreadable',
    msg('backend.dbOpen.failed', { code: typeof code === 'string' ? code : error instanceof Error ? error.name : msg('backend.dbOpen.unknownError') }),
    dbPath,
  );
}

/** A writer for the read-only context: any write through it is a bug (a channel marked `writes: 'none'` that
 * writes), reported loudly instead of reaching the database through another connection. */
const refusingWriter = new Proxy({} as ChangeWriter, {
  get(_target, property) {
    if (property === 'then') return undefined;
    throw new Error(`read-only context: ChangeWriter.${String(property)} used by a channel that does not write`);
  },
});

/**
 * The read-only twin of a writing context: the same installation, identity, clock, secret and jobs, over a
 * second connection that can only read (committed data only, even while the writer is inside a job).
 */
export function createReadContext(main: AppContext): AppContext {
  const db = main.db ? openReadOnly(main.db) : null;
  const ctx: AppContext = {
    options: main.options,
    db,
    get dbError() {
      return main.dbError;
    },
    set dbError(error) {
      main.dbError = error;
    },
    get keyError() {
      return main.keyError;
    },
    get identity() {
      return main.identity;
    },
    set identity(_identity) {
      throw new Error('read-only context: the identity is set by the writing context');
    },
    get writer() {
      return main.writer ? refusingWriter : null;
    },
    set writer(_writer) {
      throw new Error('read-only context: no writer');
    },
    readOnly: true,
    shippedSchemaVersion: main.shippedSchemaVersion,
    jobs: main.jobs,
    session: main.session,
    now: () => main.now(),
    today: () => main.today(),
    hmac: (text) => main.hmac(text),
    attachWriter() {
      throw new Error('read-only context: setup runs on the writing context');
    },
    recheckKeys() {
      throw new Error('read-only context: the keys are checked by the writing context');
    },
    get onDamage() {
      return main.onDamage;
    },
    get runtime() {
      return main.runtime;
    },
    get log() {
      return main.log;
    },
    close: () => db?.close(),
  };
  return ctx;
}

/** True when the folder already holds an installation (used by `kopru init` to refuse re-initialising). */
export function dataDirInUse(dataDir: string): boolean {
  return fs.existsSync(path.join(dataDir, 'kopru.sqlite')) || fs.existsSync(path.join(dataDir, 'identity.key'));
}
