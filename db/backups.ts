import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { copyEncrypted, encryptPlainDatabase, finishInterruptedEncryption, isPlainDatabase, openKeyed, type DataKey } from './cipher';
import { looksEncrypted } from './dataFiles';
import { DATABASE_FILE } from './open';
import { msg, renderMsg, type ErrorKey, type Msg } from '../shared/contract/errors';

// Backups of the database file: a consistent copy of the committed state made on a thread of its own (VACUUM
// INTO from a read-only connection, encrypted under the database's key: db/cipher.ts), verified before a restore, rotated, and restored
// so that a crash at any moment leaves a usable database. Attachments (files/) are content-addressed and only
// ever added, so a restored database finds every file it names. The key files never change: the backend keeps
// one checked copy of each in backups/keys with every backup (electron/app/keyFiles.ts); a restore leaves the
// keys where they are.

export const BACKUPS_DIR = 'backups';
/** Automatic backups kept: one per day, the last 14 days. */
export const KEEP_AUTOMATIC = 14;

export type BackupKind = 'auto' | 'manual' | 'before-migration' | 'before-restore';

export interface BackupEntry {
  name: string;
  kind: BackupKind;
  /** ISO time the backup was taken (from its name; the file's time when the name does not say). */
  createdAt: string;
  bytes: number;
}

const NAME = /^kopru-(auto|manual|before-restore)-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-(\d{3}))?\.sqlite$/;
const MIGRATION_NAME = /^kopru-v\d+-(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.sqlite$/;

export function backupsDir(dataDir: string): string {
  return path.join(dataDir, BACKUPS_DIR);
}

function stamp(at: Date): string {
  const iso = at.toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}-${iso.slice(20, 23)}`;
}

/** A backup's entry from its file name, or null for anything that is not one of ours. */
export function parseBackupName(name: string, bytes: number): BackupEntry | null {
  const m = NAME.exec(name);
  if (m) {
    const [, kind, y, mo, d, h, mi, s, ms] = m;
    return { name, kind: kind as BackupKind, createdAt: `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms ?? '000'}Z`, bytes };
  }
  const v = MIGRATION_NAME.exec(name);
  if (v) {
    const [, y, mo, d, h, mi, s, ms] = v;
    return { name, kind: 'before-migration', createdAt: `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`, bytes };
  }
  return null;
}

/** Every backup in the data folder, newest first. */
export function listBackups(dataDir: string): BackupEntry[] {
  const dir = backupsDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  const entries: BackupEntry[] = [];
  for (const name of fs.readdirSync(dir)) {
    let bytes: number;
    try {
      const stat = fs.statSync(path.join(dir, name));
      if (!stat.isFile()) continue;
      bytes = stat.size;
    } catch {
      continue;
    }
    const entry = parseBackupName(name, bytes);
    if (entry) entries.push(entry);
  }
  return entries.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.name < b.name ? 1 : -1));
}

/**
 * Takes a backup of the open database into the backups folder: written under a temporary name, made a plain
 * single file (no WAL to carry along), then renamed, so a half-written backup never looks like one.
 */
export async function createBackup(
  db: { path: string; key: DataKey },
  dataDir: string,
  kind: 'auto' | 'manual' | 'before-restore',
  at: Date,
  progress?: (done: number, total: number) => void,
): Promise<BackupEntry> {
  const dir = backupsDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const name = `kopru-${kind}-${stamp(at)}.sqlite`;
  const target = path.join(dir, name);
  const temp = `${target}.part`;
  try {
    fs.rmSync(temp, { force: true });
    await copyEncrypted(db.path, db.key, temp, progress);
    const copy = openKeyed(temp, db.key, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    const fd = fs.openSync(temp, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    fs.rmSync(`${temp}-journal`, { force: true });
    throw error;
  }
  return parseBackupName(name, fs.statSync(target).size)!;
}

/** Keeps one automatic backup per day (the newest of the day) and the newest `keep` days; returns what it removed. */
export function rotateAutomatic(dataDir: string, keep = KEEP_AUTOMATIC): string[] {
  const autos = listBackups(dataDir).filter((b) => b.kind === 'auto');
  const seenDays = new Set<string>();
  const removed: string[] = [];
  for (const backup of autos) {
    const day = backup.createdAt.slice(0, 10);
    if (seenDays.has(day) || seenDays.size >= keep) {
      fs.rmSync(path.join(backupsDir(dataDir), backup.name), { force: true });
      removed.push(backup.name);
    } else seenDays.add(day);
  }
  return removed;
}

export type BackupProblem = 'missing' | 'not-a-database' | 'damaged' | 'newer-schema' | 'not-kopru' | 'other-installation';

/** `message` is the Turkish (logs, the CLI); `reason` is the catalogue message the screens word in their language. */
export class BackupRefused extends Error {
  readonly reason: Msg;
  constructor(readonly problem: BackupProblem) {
    const reason = msg(REFUSALS[problem]);
    super(renderMsg(reason));
    this.reason = reason;
    this.name = 'BackupRefused';
  }
}

const REFUSALS: Record<BackupProblem, ErrorKey> = {
  missing: 'backups.refused.missing',
  'not-a-database': 'backups.refused.notADatabase',
  damaged: 'backups.refused.damaged',
  'newer-schema': 'backups.refused.newerSchema',
  'not-kopru': 'backups.refused.notKopru',
  'other-installation': 'backups.refused.otherInstallation',
};

function refused(problem: BackupProblem): BackupRefused {
  return new BackupRefused(problem);
}

/**
 * Checks a backup before it replaces the database: a SQLite file that passes a full integrity check, of a
 * schema this build can open, holding this installation (its public key matches the data folder's signing
 * key; `expectedPublicKey` null for a folder that was never set up). Throws BackupRefused.
 */
export function verifyBackup(file: string, key: DataKey, shippedVersion: number, expectedPublicKey: string | null): { schemaVersion: number } {
  if (!fs.existsSync(file)) throw refused('missing');
  let db: Database.Database | undefined;
  try {
    db = openKeyed(file, key, { readonly: true, fileMustExist: true });
    const version = db.pragma('user_version', { simple: true }) as number;
    const check = db.pragma('integrity_check(5)') as Record<string, string>[];
    if (check.length !== 1 || Object.values(check[0]!)[0] !== 'ok') throw refused('damaged');
    if (version < 1) throw refused('not-kopru');
    if (version > shippedVersion) throw refused('newer-schema');
    const hasInstallation = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'installation'").get();
    if (!hasInstallation) throw refused('not-kopru');
    const row = db.prepare('SELECT public_key AS key FROM installation WHERE id = 1').get() as { key: string } | undefined;
    if (expectedPublicKey !== null && row?.key !== expectedPublicKey) throw refused('other-installation');
    return { schemaVersion: version };
  } catch (error) {
    if (error instanceof BackupRefused) throw error;
    const code = (error as { code?: string }).code ?? '';
    // An encrypted database this key cannot read is another installation's (every installation has its own key).
    if (code === 'SQLITE_NOTADB' && looksEncrypted(file)) throw refused('other-installation');
    throw refused(code === 'SQLITE_NOTADB' ? 'not-a-database' : code.startsWith('SQLITE_CORRUPT') ? 'damaged' : 'not-a-database');
  } finally {
    db?.close();
  }
}

/** The copy of the backup waiting to take the database's place, and the note of a restore in progress. */
const RESTORING = `${DATABASE_FILE}.restoring`;
const RESTORE_NOTE = 'restore.json';

interface RestoreNote {
  /** The name, in the backups folder, the current database (and its WAL) is moved to. */
  aside: string;
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
}

/** Leftovers of backups cut short (a crash mid-copy): `.part` files are never backups. */
export function removeUnfinishedBackups(dataDir: string): void {
  const dir = backupsDir(dataDir);
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir)) if (name.endsWith('.part') || name.endsWith('.part-journal')) fs.rmSync(path.join(dir, name), { force: true });
}

function moveAside(dataDir: string, aside: string): boolean {
  const dbPath = path.join(dataDir, DATABASE_FILE);
  const target = path.join(backupsDir(dataDir), aside);
  let moved = false;
  // Every piece of the old database goes, its WAL first: a database left in place without its WAL, or a WAL
  // left behind for another database, would lose or corrupt committed pages.
  for (const suffix of ['-wal', '-shm', '']) {
    if (fs.existsSync(dbPath + suffix)) {
      fs.renameSync(dbPath + suffix, target + suffix);
      moved = true;
    }
  }
  return moved;
}


/**
 * Copies a verified backup next to the database (`kopru.sqlite.restoring`) from a connection of its own, so a
 * backup that still has a WAL beside it (a copy kept aside before an earlier restore) comes with its last
 * commits; made a single file and fsynced. Nothing has changed yet: a crash here leaves a copy the next start
 * removes.
 */
export async function stageBackup(dataDir: string, backupFile: string, key: DataKey): Promise<void> {
  const staging = path.join(dataDir, RESTORING);
  fs.rmSync(staging, { force: true });
  await copyEncrypted(backupFile, key, staging);
  const copy = openKeyed(staging, key, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  fsyncFile(staging);
}

/**
 * Puts the staged backup in the database's place; the database must be closed. A crash at any moment leaves a
 * usable database: (1) a note of the restore is written; (2) the current database and its WAL are moved into
 * the backups folder (`before-restore`); (3) the staged copy is renamed into place; (4) the note is removed.
 * Before (1) nothing has changed; after it, the next start finishes the restore (finishInterruptedRestore).
 * If a step fails (a file another program holds open, on Windows), undoRestore puts everything back. Returns
 * the kept-aside name, or null when there was no database to keep.
 */
export function replaceWithBackup(dataDir: string, at: Date): string | null {
  const staging = path.join(dataDir, RESTORING);
  if (!fs.existsSync(staging)) throw new Error('no staged backup');
  const note: RestoreNote = { aside: `kopru-before-restore-${stamp(at)}.sqlite` };
  fs.mkdirSync(backupsDir(dataDir), { recursive: true });
  const notePath = path.join(dataDir, RESTORE_NOTE);
  fs.writeFileSync(`${notePath}.part`, JSON.stringify(note));
  fsyncFile(`${notePath}.part`);
  fs.renameSync(`${notePath}.part`, notePath);
  const moved = moveAside(dataDir, note.aside);
  fs.renameSync(staging, path.join(dataDir, DATABASE_FILE));
  fs.rmSync(notePath, { force: true });
  return moved ? note.aside : null;
}

/**
 * A restore that failed part way, undone: pieces of the database already moved aside go back, the staged copy
 * and the note are removed. Throws if the files cannot be put back (the caller then stops writing).
 */
export function undoRestore(dataDir: string): void {
  const dbPath = path.join(dataDir, DATABASE_FILE);
  const notePath = path.join(dataDir, RESTORE_NOTE);
  fs.rmSync(`${notePath}.part`, { force: true });
  if (fs.existsSync(notePath)) {
    const note = JSON.parse(fs.readFileSync(notePath, 'utf8')) as RestoreNote;
    const aside = path.join(backupsDir(dataDir), note.aside);
    // The main file first: a WAL put back next to no database, or next to another, would be worse than none.
    for (const suffix of ['', '-wal', '-shm']) {
      if (fs.existsSync(aside + suffix) && !fs.existsSync(dbPath + suffix)) fs.renameSync(aside + suffix, dbPath + suffix);
    }
    fs.rmSync(notePath, { force: true });
  }
  fs.rmSync(path.join(dataDir, RESTORING), { force: true });
}

/**
 * At start, before the database is opened: a restore cut short is finished (its note says it had begun), and a
 * copy left from a restore that never began is removed.
 */
export function finishInterruptedRestore(dataDir: string): 'completed' | 'cleaned' | null {
  const staging = path.join(dataDir, RESTORING);
  const notePath = path.join(dataDir, RESTORE_NOTE);
  fs.rmSync(`${notePath}.part`, { force: true });
  if (fs.existsSync(notePath)) {
    const note = JSON.parse(fs.readFileSync(notePath, 'utf8')) as RestoreNote;
    if (fs.existsSync(staging)) {
      moveAside(dataDir, note.aside);
      fs.renameSync(staging, path.join(dataDir, DATABASE_FILE));
    }
    fs.rmSync(notePath, { force: true });
    return 'completed';
  }
  if (fs.existsSync(staging)) {
    fs.rmSync(staging, { force: true });
    return 'cleaned';
  }
  return null;
}

/**
 * Backups taken before encryption at rest are encrypted in place under the database's key (each safely, as the
 * database itself is: db/cipher.ts), so no unencrypted copy of the data stays in the folder. Returns how many.
 */
export function encryptPlainBackups(dataDir: string, key: DataKey): number {
  const dir = backupsDir(dataDir);
  if (!fs.existsSync(dir)) return 0;
  let count = 0;
  // A backup's encryption cut short leaves `<name>.encrypting` or `<name>.plain`: finished or undone first.
  const names = new Set(fs.readdirSync(dir).map((name) => name.replace(/\.(encrypting|plain)$/, '')));
  for (const name of names) {
    if (!parseBackupName(name, 0)) continue;
    const file = path.join(dir, name);
    finishInterruptedEncryption(file);
    if (!isPlainDatabase(file)) continue;
    encryptPlainDatabase(file, key);
    count++;
  }
  return count;
}
