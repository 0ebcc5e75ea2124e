import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { encryptPlainDatabase, finishInterruptedEncryption, isPlainDatabase, openKeyed, type DataKey } from './cipher';
import { DATABASE_FILE } from './dataFiles';
import { makeFolder } from './folders';
import { applyMigrations, loadMigrations, schemaVersionOf } from './migrate';
import { seedReferenceData } from './orgUnits/reference';
import * as schema from './schema';
import { msg, renderMsg, type Msg } from '../shared/contract/errors';

export { DATABASE_FILE };

export type DrizzleDb = BetterSQLite3Database<typeof schema>;

export interface OpenDatabase {
  sqlite: Database.Database;
  orm: DrizzleDb;
  path: string;
  schemaVersion: number;
  /** Path of the copy taken before migrating an existing database, if one was taken. */
  backupPath: string | null;
  /** The key every connection to this file is opened with (db/cipher.ts). */
  readonly key: DataKey;
  /** The file was unencrypted and has just been encrypted in place (an installation from before issue #16). */
  encryptedAtOpen: boolean;
  /** A prepared statement for `sql`, prepared once per connection (preparing costs more than most lookups). */
  stmt(sql: string): Database.Statement;
  close(): void;
}

export function statementCache(sqlite: Database.Database): (sql: string) => Database.Statement {
  const cache = new Map<string, Database.Statement>();
  return (sql) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = sqlite.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
}

/**
 * The SQL text of a statement with `count` repeated parts (rows of a multi-row INSERT), built once per count:
 * statements are cached by their text, and a text of hundreds of placeholders rebuilt for every batch costs
 * more to build and hash than finding the statement does.
 */
export function sqlByCount(build: (count: number) => string): (count: number) => string {
  const texts: string[] = [];
  return (count) => (texts[count] ??= build(count));
}

export type DbOpenErrorKind = 'newer-schema' | 'corrupt' | 'unreadable' | 'locked' | 'key-locked';

/** Why the database cannot be opened. The file is never written once this is raised. */
/** `message` is the Turkish (logs, the CLI); `reason` is the catalogue message the screens word in their language. */
export class DbOpenError extends Error {
  constructor(
    readonly kind: DbOpenErrorKind,
    readonly reason: Msg,
    readonly path: string,
    /** For `key-locked`: why the data key could not be unwrapped. */
    readonly keyLock?: { reason: 'needs-passphrase' | 'wrong-passphrase' | 'no-way-in' | 'keyring-missing' | 'keyring-damaged'; hasCopy: boolean },
  ) {
    super(renderMsg(reason));
    this.name = 'DbOpenError';
  }
}

export interface OpenOptions {
  dataDir: string;
  migrationsDir: string;
  /** The installation's data key (electron/app/keyring.ts). */
  key: DataKey;
}

function timestampForFile(date = new Date()): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/**
 * Inspects an existing file read-only, so a damaged or newer database is reported without a single write.
 * Returns its schema version.
 */
function inspectExisting(dbPath: string, knownVersion: number, key: DataKey | null): number {
  let probe: Database.Database | undefined;
  try {
    probe = key ? openKeyed(dbPath, key, { readonly: true, fileMustExist: true }) : new Database(dbPath, { readonly: true, fileMustExist: true });
    const version = schemaVersionOf(probe);
    probe.prepare('SELECT count(*) FROM sqlite_master').get();
    // A negative version is no version Köprü ever wrote (the field is a signed 32-bit integer): migrating from
    // "before the first migration" would run them all again over existing tables. Refuse it like a newer one.
    if (version < 0) {
      throw new DbOpenError(
        'newer-schema',
        msg('backend.dbOpen.unknownSchema', { version: String(version) }),
        dbPath,
      );
    }
    if (version > knownVersion) {
      throw new DbOpenError(
        'newer-schema',
        msg('backend.dbOpen.newerSchema', { version: String(version), known: String(knownVersion) }),
        dbPath,
      );
    }
    // A full quick_check reads the whole file (0.7 s at 100,000 rows), so it runs only before a migration,
    // the one moment we rewrite the schema; otherwise reading the schema above catches a damaged header.
    if (version > 0 && version < knownVersion) {
      const check = probe.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new Error(String(check));
    }
    return version;
  } catch (error) {
    if (error instanceof DbOpenError) throw error;
    const code = (error as { code?: string }).code ?? '';
    const corrupt = code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || /malformed|not a database/i.test(String(error));
    throw new DbOpenError(
      corrupt ? 'corrupt' : 'unreadable',
      corrupt ? msg('backend.dbOpen.corrupt') : msg('backend.dbOpen.unreadable', { code: code || msg('backend.dbOpen.unknownError') }),
      dbPath,
    );
  } finally {
    probe?.close();
  }
}

/**
 * Owner-only modes where the OS has them (POSIX): the folder 0700, the database 0600 (SQLite gives its WAL and
 * shared-memory files the database's mode). On Windows the user profile's ACL guards the folder.
 */
function restrictToOwner(dataDir: string, dbPath: string): void {
  if (process.platform === 'win32') return;
  try {
    fs.chmodSync(dataDir, 0o700);
    fs.chmodSync(dbPath, 0o600);
  } catch {
    // A folder on a file system without modes (a FAT USB stick) keeps what it has.
  }
}

export function openDatabase({ dataDir, migrationsDir, key }: OpenOptions): OpenDatabase {
  const migrations = loadMigrations(migrationsDir);
  makeFolder(dataDir);
  const dbPath = path.join(dataDir, DATABASE_FILE);
  finishInterruptedEncryption(dbPath);
  let encryptedAtOpen = false;
  if (fs.existsSync(dbPath) && isPlainDatabase(dbPath)) {
    // An installation from before encryption at rest: checked as it is (a damaged or newer file is reported
    // untouched), then encrypted in place before anything else is written.
    inspectExisting(dbPath, migrations.length, null);
    encryptPlainDatabase(dbPath, key);
    encryptedAtOpen = true;
  }
  const existingVersion = fs.existsSync(dbPath) ? inspectExisting(dbPath, migrations.length, key) : 0;

  let backupPath: string | null = null;
  const sqlite = openKeyed(dbPath, key);
  restrictToOwner(dataDir, dbPath);
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // FULL: a commit is on disk before the call that made it is answered. NORMAL (WAL's usual setting) keeps
    // the file consistent but may lose the last commits on a power cut, and an acknowledged save must not be
    // lost. Measured here: 0.46 ms a commit instead of 0.04; bulk work commits once.
    sqlite.pragma('synchronous = FULL');
    // 64 MiB page cache: big imports and exchanges otherwise spill pages to disk mid-transaction.
    sqlite.pragma('cache_size = -65536');
    // Deleted content is overwritten with zeros, not left in free pages: a row purged from this installation's
    // scope or a person's erased TC number must not stay readable in the file (KVKK; issue #15).
    sqlite.pragma('secure_delete = ON');

    if (existingVersion > 0 && existingVersion < migrations.length) {
      const backupsDir = path.join(dataDir, 'backups');
      fs.mkdirSync(backupsDir, { recursive: true });
      backupPath = path.join(backupsDir, `kopru-v${existingVersion}-${timestampForFile()}.sqlite`);
      sqlite.prepare('VACUUM INTO ?').run(backupPath);
    }
    applyMigrations(sqlite, migrations);
    const orm = drizzle(sqlite, { schema });
    seedReferenceData(sqlite);
    return {
      sqlite,
      orm,
      path: dbPath,
      schemaVersion: schemaVersionOf(sqlite),
      backupPath,
      key,
      encryptedAtOpen,
      stmt: statementCache(sqlite),
      close: () => sqlite.close(),
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/**
 * A second, read-only connection to an open database: it answers reads from the last committed state while the
 * writing connection is inside a long transaction (WAL gives each read a snapshot), and it cannot write.
 */
export function openReadOnly(main: OpenDatabase): OpenDatabase {
  const sqlite = openKeyed(main.path, main.key, { readonly: true, fileMustExist: true });
  try {
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('cache_size = -32768');
    const orm = drizzle(sqlite, { schema });
    return {
      sqlite,
      orm,
      path: main.path,
      schemaVersion: main.schemaVersion,
      backupPath: main.backupPath,
      key: main.key,
      encryptedAtOpen: false,
      stmt: statementCache(sqlite),
      close: () => sqlite.close(),
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/** The number of migrations this build ships: the schema version it writes. */
export function shippedSchemaVersion(migrationsDir: string): number {
  return loadMigrations(migrationsDir).length;
}
