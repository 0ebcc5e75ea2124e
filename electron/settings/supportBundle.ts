import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError, msg } from '../../shared/contract';
import { listBackups } from '../../db/backups';
import type { AppContext } from '../app/context';
import { redact } from '../app/log';
import { readRecentLog } from '../shell/logFile';

// The support bundle: what an IT person needs to see what is wrong with an installation, and nothing about
// anyone. Versions, the schema, how many rows each table holds (counts, never contents), the database's
// health, the backups, the running job, and the tail of the log (written redacted, and redacted again here).
// One JSON file, so the person sending it can read every word of it first.

const LOG_TAIL_BYTES = 96 * 1024;

/** Tables whose row counts say something; FTS shadow tables and SQLite's own are left out. */
function tableCounts(ctx: AppContext): Record<string, number> {
  const db = ctx.db;
  if (!db) return {};
  const names = (
    db.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%\\_fts\\_%' ESCAPE '\\' ORDER BY name")
      .all() as { name: string }[]
  ).map((r) => r.name);
  const counts: Record<string, number> = {};
  for (const name of names) {
    try {
      counts[name] = (db.sqlite.prepare(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as { n: number }).n;
    } catch {
      counts[name] = -1;
    }
  }
  return counts;
}

function freeBytes(dir: string): number | null {
  try {
    const stat = fs.statfsSync(dir);
    return stat.bavail * stat.bsize;
  } catch {
    return null;
  }
}

export function supportBundle(ctx: AppContext, logDir: string | null) {
  const identity = ctx.identity;
  const runtime = ctx.runtime;
  return {
    kind: 'kopru-support-bundle',
    version: 1,
    createdAt: new Date(ctx.now()).toISOString(),
    app: { version: ctx.options.appVersion, schemaVersion: ctx.db?.schemaVersion ?? null, shippedSchemaVersion: ctx.shippedSchemaVersion },
    runtime: { ...process.versions, platform: process.platform, arch: process.arch, osRelease: os.release(), memoryBytes: os.totalmem() },
    installation: identity ? { role: identity.role, provincePlate: identity.provincePlate, nodeId: identity.nodeId, fingerprint: identity.fingerprint } : null,
    database: {
      state: ctx.dbError ? { kind: ctx.dbError.kind } : 'open',
      health: runtime?.health() ?? null,
      job: ctx.jobs.current()?.state() ?? null,
      waitingWrites: runtime?.waitingWrites() ?? 0,
      bytes: ctx.db ? fs.statSync(ctx.db.path).size : null,
      freeDiskBytes: freeBytes(ctx.options.dataDir),
      tables: tableCounts(ctx),
    },
    // Which key file is wrong and how (never its content); whether a checked copy is there to put back.
    keys: ctx.keyError ? ctx.keyError.problems.map(({ file, problem, copy }) => ({ file, problem, copy: copy !== null })) : 'sound',
    backups: listBackups(ctx.options.dataDir).map(({ name, kind, createdAt, bytes }) => ({ name, kind, createdAt, bytes })),
    log: logDir ? redact(readRecentLog(logDir, LOG_TAIL_BYTES)).split('\n') : [],
  };
}

/** Writes the bundle to a new file (never over an existing one). */
export function writeSupportBundle(ctx: AppContext, file: string, logDir: string | null): { file: string; bytes: number } {
  if (fs.existsSync(file)) {
    const message = msg('settings.buAdlaBirDosya', { value: path.basename(file) });
    throw new AppError('CONFLICT', message, [{ path: 'path', label: 'Dosya', message }]);
  }
  const text = JSON.stringify(supportBundle(ctx, logDir), null, 2) + '\n';
  try {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fs.writeFileSync(file, text, { flag: 'wx', mode: 0o600 });
  } catch {
    const message = msg('settings.dosyaYazilamadiKlasorYolunu');
    throw new AppError('VALIDATION', message, [{ path: 'path', label: 'Dosya', message }]);
  }
  return { file, bytes: Buffer.byteLength(text) };
}
