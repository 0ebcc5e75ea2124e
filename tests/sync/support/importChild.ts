import fs from 'node:fs';

// A separate process that opens an installation the way the app does (createAppContext) and imports one
// exchange file with the service behind `sync:import` (the dispatcher only adds input parsing and the
// envelope, and loading every handler would double the start-up time of each of many processes), announcing on stdout each phase it reaches:
//
//   boot → opened → verify (sync:import called) → begin (BEGIN IMMEDIATE done) → changes N (every
//   CHANGE_MARK change rows written) → materialise (rows being built) → ledger → commit (COMMIT issued)
//   → committed (COMMIT returned) → result {…} → closed
//
// Options (JSON, 4th argument): { "killAt": "<phase>" } SIGKILLs itself the moment it reaches that phase
// (for kills exactly at a boundary); { "dryRun": true } previews instead of importing; { "smallCache": true }
// shrinks SQLite's page cache to 64 pages (a low-memory machine), so the transaction spills its pages into
// the write-ahead log before COMMIT and a kill leaves uncommitted frames there for recovery to discard.
// Each line is written with writeSync, so everything announced before a kill reaches the parent.

const started = performance.now();
const say = (text: string) => fs.writeSync(1, `${(performance.now() - started).toFixed(1)} ${text}\n`);
say('boot');

const [dataDir, file, nowArg, optionsArg] = process.argv.slice(2);
if (!dataDir || !file || !nowArg) {
  say('usage: importChild <dataDir> <file> <nowMillis> [options JSON]');
  process.exit(2);
}
const options = (optionsArg ? JSON.parse(optionsArg) : {}) as { killAt?: string; dryRun?: boolean; smallCache?: boolean };
const CHANGE_MARK = 2000;

const phase = (name: string) => {
  say(name);
  if (options.killAt === name) process.kill(process.pid, 'SIGKILL');
};

const { createAppContext } = await import('../../../electron/app/context');
const { testDataKey } = await import('../../support/keyStore');
const { importFile } = await import('../../../electron/sync/service');
const { sourceMigrationsDir } = await import('../../../electron/app/paths');

const now = Number(nowArg);
const ctx = createAppContext({ dataDir, migrationsDir: sourceMigrationsDir(), appVersion: 'test', now: () => now, dataKey: testDataKey(dataDir) });
if (!ctx.db) {
  say(`open-failed ${JSON.stringify({ kind: ctx.dbError?.kind, message: ctx.dbError?.message })}`);
  process.exit(3);
}
if (options.smallCache) ctx.db.sqlite.pragma('cache_size = 64');
phase('opened');

// Watch the import from outside: the transaction boundaries and the statements of each apply step.
const db = ctx.db;
const sqlite = db.sqlite;
const exec = sqlite.exec.bind(sqlite);
sqlite.exec = ((sql: string) => {
  if (sql === 'COMMIT') phase('commit');
  const result = exec(sql);
  if (sql === 'BEGIN IMMEDIATE') phase('begin');
  if (sql === 'COMMIT') phase('committed');
  if (sql === 'ROLLBACK') say('rolled-back');
  return result;
}) as typeof sqlite.exec;
const stmt = db.stmt.bind(db);
let changeRows = 0;
let materialising = false;
(db as { stmt: typeof db.stmt }).stmt = (sql: string) => {
  if (sql.startsWith('INSERT INTO change_log') && sqlite.inTransaction) {
    changeRows += 1;
    if (changeRows % CHANGE_MARK === 0) phase(`changes ${changeRows}`);
  } else if (!materialising && sql.startsWith('SELECT 1 FROM change_log_runs WHERE table_name = ? AND row_id = ?')) {
    // The first row's earlier changes are looked up: rows are being judged and built (one at a time).
    materialising = true;
    phase('materialise');
  } else if (sql.startsWith('INSERT INTO sync_ledger')) {
    phase('ledger');
  }
  return stmt(sql);
};

phase('verify');
try {
  const result = await importFile(ctx, file, { dryRun: Boolean(options.dryRun) });
  say(`result ${JSON.stringify({ ok: true, applied: result.applied, stored: result.report.stored, nothingNew: result.nothingNew })}`);
} catch (error) {
  const e = error as { name?: string; code?: string; message?: string };
  say(`result ${JSON.stringify({ ok: false, name: e.name, code: e.code, message: e.message })}`);
}
ctx.close();
phase('closed');
