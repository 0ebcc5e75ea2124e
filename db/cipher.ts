import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { isPlainDatabase, wipeFile } from './dataFiles';
import { driver } from './integrity';

// Encryption at rest (issue #16). The driver is SQLite3 Multiple Ciphers' build of better-sqlite3 (package.json
// aliases it): every page of the database, its WAL and every backup is encrypted with ChaCha20-Poly1305 under
// the installation's data key (32 random bytes, kept wrapped in keyring.json: electron/app/keyring.ts). A page
// changed by anyone without the key fails its MAC and reads as damage, never as data.
//
// Every connection to a Köprü database is made here (`openKeyed`): the key is set before the first read, so no
// code path can open the file without it.

/** The installation's data key: 32 bytes. */
export type DataKey = Buffer;

export { isPlainDatabase, wipeFile };

/**
 * The cipher settings, run before the key on every connection (and, as text, in the copy and integrity workers).
 * The cipher is named although it is the library's default: a change of default must never make our files
 * unreadable. kdf_iter = 1: the key is 32 random bytes, not a password, so the library's PBKDF2 stretching
 * (64,007 rounds, 35 ms at every connection open here) would protect nothing; the passphrase that does need
 * stretching is scrypt'd in electron/app/keyring.ts. Changing either setting makes existing files unreadable.
 */
export const CIPHER_PRAGMAS = ["cipher = 'chacha20'", 'kdf_iter = 1'] as const;

export function keyPragmas(sqlite: Database.Database, key: DataKey): void {
  if (key.length !== 32) throw new Error('data key must be 32 bytes');
  for (const pragma of CIPHER_PRAGMAS) sqlite.pragma(pragma);
  sqlite.pragma(`hexkey = '${key.toString('hex')}'`);
}

/** A connection to an encrypted database file (created encrypted when it does not exist). */
export function openKeyed(file: string, key: DataKey, options?: Database.Options): Database.Database {
  const sqlite = new Database(file, options);
  try {
    keyPragmas(sqlite, key);
    return sqlite;
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

function fsync(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function fsyncDir(dir: string): void {
  // Directories cannot be opened for fsync on Windows; there the rename is durable once the call returns.
  if (process.platform === 'win32') return;
  fsync(dir);
}

const ENCRYPTING = '.encrypting';
const PLAIN_ASIDE = '.plain';

/**
 * Encrypts an unencrypted database file in place, so that a crash at any moment leaves a usable database:
 * (1) its WAL is folded into it; (2) a copy is encrypted and checked (`*.encrypting`); (3) the plain file is
 * renamed aside (`*.plain`) and the encrypted copy takes its name; (4) the plain file is overwritten and removed.
 * Until (3) the original is untouched; `finishInterruptedEncryption` completes or undoes a step cut short.
 */
export function encryptPlainDatabase(file: string, key: DataKey): void {
  const temp = file + ENCRYPTING;
  const aside = file + PLAIN_ASIDE;
  const plain = new Database(file, { fileMustExist: true });
  try {
    plain.pragma('wal_checkpoint(TRUNCATE)');
    plain.pragma('journal_mode = DELETE');
  } finally {
    plain.close();
  }
  wipeFile(temp);
  fs.copyFileSync(file, temp);
  try {
    const copy = new Database(temp, { fileMustExist: true });
    try {
      for (const pragma of CIPHER_PRAGMAS) copy.pragma(pragma);
      copy.pragma(`hexrekey = '${key.toString('hex')}'`);
    } finally {
      copy.close();
    }
    const check = openKeyed(temp, key, { readonly: true, fileMustExist: true });
    try {
      const verdict = check.pragma('quick_check', { simple: true });
      if (verdict !== 'ok') throw new Error(`encrypted copy failed its check: ${String(verdict)}`);
    } finally {
      check.close();
    }
    fsync(temp);
  } catch (error) {
    wipeFile(temp);
    fs.rmSync(`${temp}-journal`, { force: true });
    throw error;
  }
  fs.renameSync(file, aside);
  fs.renameSync(temp, file);
  fsyncDir(path.dirname(file));
  wipeFile(aside);
}

/**
 * At start, before opening: an encryption cut short is undone (the plain file goes back where the encrypted copy
 * never arrived) or finished (the plain file aside is wiped); a half-made encrypted copy is wiped.
 */
export function finishInterruptedEncryption(file: string): 'undone' | 'finished' | null {
  const temp = file + ENCRYPTING;
  const aside = file + PLAIN_ASIDE;
  let outcome: 'undone' | 'finished' | null = null;
  if (fs.existsSync(aside)) {
    if (!fs.existsSync(file)) {
      fs.renameSync(aside, file);
      outcome = 'undone';
    } else {
      wipeFile(aside);
      outcome = 'finished';
    }
  }
  if (fs.existsSync(temp)) {
    wipeFile(temp);
    outcome ??= 'undone';
  }
  fs.rmSync(`${temp}-journal`, { force: true });
  return outcome;
}

// A consistent copy of an encrypted database, made on a thread of its own: SQLite's backup API cannot write an
// encrypted copy (the destination has no key), so VACUUM INTO makes it from a read-only connection. The copy is
// encrypted under the same key, a single file in rollback-journal mode, and the backend's calls go on meanwhile.
const COPY_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
let failure = null;
try {
  db = new Database(workerData.from, { readonly: true, fileMustExist: true });
  for (const pragma of workerData.pragmas) db.pragma(pragma);
  db.pragma("hexkey = '" + workerData.key + "'");
  db.pragma('busy_timeout = 10000');
  db.prepare('VACUUM INTO ?').run(workerData.to);
} catch (error) {
  failure = { name: String((error && error.name) || 'Error'), code: String((error && error.code) || ''), message: String((error && error.message) || '') };
} finally {
  if (db) db.close();
}
parentPort.postMessage(failure);
`;

/** Copies an encrypted database (with its WAL's commits) to `to`, encrypted under the same key. */
export function copyEncrypted(from: string, key: DataKey, to: string, progress?: (done: number, total: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const total = Math.max(1, fs.statSync(from).size);
    const timer = progress
      ? setInterval(() => {
          try {
            progress(Math.min(total, fs.statSync(to).size), total);
          } catch {
            // not there yet
          }
        }, 200)
      : null;
    const worker = new Worker(COPY_SOURCE, { eval: true, workerData: { from, to, key: key.toString('hex'), pragmas: CIPHER_PRAGMAS, driver: driver() } });
    let settled = false;
    const done = (error: Error | null) => {
      if (settled) return;
      settled = true;
      if (timer) clearInterval(timer);
      if (error) reject(error);
      else {
        progress?.(total, total);
        resolve();
      }
    };
    worker.once('message', (failure: { name: string; code: string; message: string } | null) => {
      if (!failure) return done(null);
      const error = new Error(failure.message) as Error & { code?: string };
      error.name = failure.name;
      if (failure.code) error.code = failure.code;
      done(error);
    });
    worker.once('error', (error) => done(error));
    worker.once('exit', () => done(new Error('copy worker ended without an answer')));
  });
}
