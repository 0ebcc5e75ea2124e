// Exchange benchmark: export and import of N field changes (default 1,000,000) between two real
// installations, as a throughput ratio to a raw bulk insert of the same change rows in the same run, peak
// memory at 10,000 vs N changes (each size in its own process, so peaks are clean), and bytes per change.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { PROVINCES } from '../../shared/regions';
import { youthCentresSpec, listDistricts } from '../../db/orgUnits/queries';
import { createNode, enrol } from '../support/nodes';

const CHANGES_PER_CENTRE = 12;

async function worker(changes: number) {
  const ministry = await createNode('M', 'ministry');
  const province = await createNode('P', 'province', '06');
  await enrol(ministry, province);
  const db = province.ctx.db!;
  const districts = listDistricts(db, '06');
  const centres = Math.ceil(changes / CHANGES_PER_CENTRE);
  db.sqlite.transaction(() => {
    for (let i = 0; i < centres; i++) {
      const d = districts[i % districts.length]!;
      province.ctx.writer!.insert(youthCentresSpec, province.unitId, {
        province_plate: '06', district_id: d.id, name: `${d.name} ${i} Gençlik Merkezi`, address: `Atatürk Cad. No:${i}`,
        phone: '+903125551234', email: `gm${i}@gsb.gov.tr`, hall_capacity: 100, status: 'active',
      });
    }
  })();
  const held = (db.sqlite.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
  const file = path.join(province.dataDir, 'bench.kopru');
  let t = process.hrtime.bigint();
  const exported = await province.ok<{ changes: number; bytes: number }>('sync:export', { peerNode: ministry.nodeId, path: file });
  const exportMs = Number(process.hrtime.bigint() - t) / 1e6;
  t = process.hrtime.bigint();
  const imported = await ministry.ok<{ report: { stored: number } }>('sync:import', { path: file });
  const importMs = Number(process.hrtime.bigint() - t) / 1e6;

  // Baseline: the same change rows bulk-inserted into a bare table with the same unique index.
  const rows = db.sqlite.prepare('SELECT table_name, row_id, column_name, value, hlc, origin_node, seq, base_hlc FROM change_log').raw().all() as unknown[][];
  const bare = new Database(path.join(os.tmpdir(), `kopru-bare-${process.pid}.sqlite`));
  bare.pragma('journal_mode = WAL');
  bare.exec('CREATE TABLE c (table_name TEXT, row_id TEXT, column_name TEXT, value TEXT, hlc TEXT, origin_node TEXT, seq INTEGER, base_hlc TEXT); CREATE UNIQUE INDEX c_o ON c (origin_node, seq)');
  const insert = bare.prepare('INSERT INTO c VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  t = process.hrtime.bigint();
  bare.transaction(() => {
    for (const r of rows) insert.run(...r);
  })();
  const rawMs = Number(process.hrtime.bigint() - t) / 1e6;
  bare.close();
  fs.rmSync(path.join(os.tmpdir(), `kopru-bare-${process.pid}.sqlite`), { force: true });
  fs.rmSync(path.join(os.tmpdir(), `kopru-bare-${process.pid}.sqlite-wal`), { force: true });
  fs.rmSync(path.join(os.tmpdir(), `kopru-bare-${process.pid}.sqlite-shm`), { force: true });
  ministry.close();
  province.close();
  console.log(JSON.stringify({ held, changes: exported.changes, stored: imported.report.stored, bytes: exported.bytes, exportMs, importMs, rawMs, peakRss: process.resourceUsage().maxRSS * 1024 }));
}

function runWorker(changes: number) {
  const self = fileURLToPath(import.meta.url);
  const tsx = path.join(path.dirname(self), '..', '..', 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const result = spawnSync(process.execPath, [tsx, self, '--worker', String(changes)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as { held: number; changes: number; stored: number; bytes: number; exportMs: number; importMs: number; rawMs: number; peakRss: number };
}

const f = (n: number, d = 2) => n.toFixed(d);

if (process.argv[2] === '--worker') {
  await worker(Number(process.argv[3]));
} else {
  const big = Number(process.env.BENCH_SYNC_CHANGES ?? 1_000_000);
  const small = runWorker(10_000);
  const large = runWorker(big);
  const lines = [
    `Exchange of ${large.changes.toLocaleString('en')} field changes (${(large.changes / CHANGES_PER_CENTRE).toFixed(0)} youth centres):`,
    `  export ${f(large.exportMs / 1000)} s (${f(large.changes / (large.exportMs / 1000), 0)} changes/s), import ${f(large.importMs / 1000)} s (${f(large.changes / (large.importMs / 1000), 0)} changes/s); raw bulk insert of the same rows ${f(large.rawMs / 1000)} s`,
    `  throughput ratio to the raw insert: export ${f(large.rawMs / large.exportMs)}, import ${f(large.rawMs / large.importMs)} (goal ≥ 0.5)`,
    `  file ${f(large.bytes / 1048576, 1)} MiB → ${f(large.bytes / large.changes, 1)} bytes per change (compressed, encrypted, signed)`,
    `  peak RSS (whole worker: generation, export, import): ${f(small.peakRss / 1048576, 0)} MiB at ${small.changes.toLocaleString('en')} changes vs ${f(large.peakRss / 1048576, 0)} MiB at ${large.changes.toLocaleString('en')}`,
  ];
  console.log(lines.join('\n'));
  void PROVINCES;
}
