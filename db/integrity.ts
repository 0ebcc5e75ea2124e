import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { CIPHER_PRAGMAS, type DataKey } from './cipher';

// The background integrity check: SQLite's quick_check reads every page of the file, which takes seconds on a
// national database, so it runs on a thread of its own with its own read-only connection and never holds up
// the calls the backend answers meanwhile. A damaged page in the middle of the file (a failing disk, a bad USB
// copy) is invisible until a statement happens to read it; this finds it at start.

export interface IntegrityResult {
  /** `ok`: no problem found; `damaged`: SQLite found damage; `unknown`: the check could not run (busy, gone). */
  verdict: 'ok' | 'damaged' | 'unknown';
  /** SQLite's first problems (page numbers and table names, never row contents), or the error's code. */
  details: string[];
  ms: number;
}

// Plain JavaScript run as an `eval` worker: the bundled backend has no separate file for it. better-sqlite3 is
// loaded by the path the backend itself resolved, so the worker finds the same native module wherever the app
// is installed.
const CHECK_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const started = Date.now();
let db;
let result;
try {
  db = new Database(workerData.path, { readonly: true, fileMustExist: true });
  for (const pragma of workerData.pragmas) db.pragma(pragma);
  db.pragma("hexkey = '" + workerData.key + "'");
  db.pragma('busy_timeout = 10000');
  const rows = db.pragma('quick_check(20)').map((row) => String(Object.values(row)[0]));
  const ok = rows.length === 1 && rows[0] === 'ok';
  result = { verdict: ok ? 'ok' : 'damaged', details: ok ? [] : rows, ms: Date.now() - started };
} catch (error) {
  const code = String((error && error.code) || 'ERROR');
  const damaged = code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT');
  result = { verdict: damaged ? 'damaged' : 'unknown', details: [code], ms: Date.now() - started };
} finally {
  // Closed before the answer: a backend that closes as soon as it has it must be the last connection, so that
  // SQLite removes the -wal and -shm files (a read-only connection closing last leaves them behind).
  if (db) db.close();
}
parentPort.postMessage(result);
`;

let driverPath: string | null = null;
export function driver(): string {
  driverPath ??= createRequire(import.meta.url).resolve('better-sqlite3');
  return driverPath;
}

/** Runs quick_check on the database file on its own thread. Never rejects. */
export function checkIntegrity(dbPath: string, key: DataKey): Promise<IntegrityResult> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (result: IntegrityResult) => {
      if (!settled) {
        settled = true;
        resolve(result);
      }
    };
    let worker: Worker;
    try {
      worker = new Worker(CHECK_SOURCE, { eval: true, workerData: { path: dbPath, key: key.toString('hex'), pragmas: CIPHER_PRAGMAS, driver: driver() } });
    } catch (error) {
      done({ verdict: 'unknown', details: [String((error as Error).name)], ms: 0 });
      return;
    }
    worker.once('message', (result: IntegrityResult) => done(result));
    worker.once('error', (error) => done({ verdict: 'unknown', details: [error.name], ms: 0 }));
    worker.once('exit', () => done({ verdict: 'unknown', details: ['EXIT'], ms: 0 }));
  });
}
