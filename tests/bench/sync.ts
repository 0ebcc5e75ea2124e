// Exchange benchmark: export and import of N field changes (default 1,000,000) between two real
// installations, as a throughput ratio to a raw bulk insert of the same change rows in the same run, peak
// memory at 10,000 vs N changes (each size in its own process, so peaks are clean), and bytes per change.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { youthCentresSpec, listDistricts } from '../../db/orgUnits/queries';
import { openApp } from '../support/app';
import { createNode, enrol } from '../support/nodes';

const CHANGES_PER_CENTRE = 12;

interface Phase {
  ministryDir: string;
  provinceDir: string;
  ministryNode: string;
}

/** Phase 1 (own process): two enrolled installations, the province holding ~N changes. */
async function generate(changes: number): Promise<Phase> {
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
  ministry.close();
  province.close();
  return { ministryDir: ministry.dataDir, provinceDir: province.dataDir, ministryNode: ministry.nodeId };
}

/** Phase 2 (own process, so its peak memory is the exchange's alone): export, then import. */
async function exchange(phase: Phase) {
  const province = openApp(phase.provinceDir);
  const ministry = openApp(phase.ministryDir);
  const file = path.join(phase.provinceDir, 'bench.kopru');
  let t = process.hrtime.bigint();
  const exported = await province.ok<{ changes: number; bytes: number }>('sync:export', { peerNode: phase.ministryNode, path: file });
  const exportMs = Number(process.hrtime.bigint() - t) / 1e6;
  t = process.hrtime.bigint();
  const imported = await ministry.ok<{ report: { stored: number } }>('sync:import', { path: file });
  const importMs = Number(process.hrtime.bigint() - t) / 1e6;
  province.close();
  ministry.close();
  return { changes: exported.changes, stored: imported.report.stored, bytes: exported.bytes, exportMs, importMs, peakRss: process.resourceUsage().maxRSS * 1024 };
}

/** Phase 3 (own process): the same change rows bulk-inserted into a bare table with the same unique index. */
function baseline(phase: Phase) {
  const source = new Database(path.join(phase.provinceDir, 'kopru.sqlite'), { readonly: true });
  const bareFile = path.join(os.tmpdir(), `kopru-bare-${process.pid}.sqlite`);
  const bare = new Database(bareFile);
  bare.pragma('journal_mode = WAL');
  bare.exec('CREATE TABLE c (table_name TEXT, row_id TEXT, column_name TEXT, value TEXT, hlc TEXT, origin_node TEXT, seq INTEGER, base_hlc TEXT); CREATE UNIQUE INDEX c_o ON c (origin_node, seq)');
  const insert = bare.prepare('INSERT INTO c VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const rows = source.prepare('SELECT table_name, row_id, column_name, value, hlc, origin_node, seq, base_hlc FROM change_log').raw().all() as unknown[][];
  const t = process.hrtime.bigint();
  bare.transaction(() => {
    for (const r of rows) insert.run(...r);
  })();
  const rawMs = Number(process.hrtime.bigint() - t) / 1e6;
  bare.close();
  source.close();
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(bareFile + suffix, { force: true });
  return { rawMs };
}

function phase<T>(name: string, arg: string): T {
  const self = fileURLToPath(import.meta.url);
  const tsx = path.join(path.dirname(self), '..', '..', 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const result = spawnSync(process.execPath, [tsx, self, `--${name}`, arg], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as T;
}

function runWorker(changes: number) {
  const dirs = phase<Phase>('generate', String(changes));
  const arg = JSON.stringify(dirs);
  const result = { ...phase<Awaited<ReturnType<typeof exchange>>>('exchange', arg), ...phase<ReturnType<typeof baseline>>('baseline', arg) };
  fs.rmSync(dirs.ministryDir, { recursive: true, force: true });
  fs.rmSync(dirs.provinceDir, { recursive: true, force: true });
  return result;
}

const f = (n: number, d = 2) => n.toFixed(d);

if (process.argv[2] === '--generate') {
  console.log(JSON.stringify(await generate(Number(process.argv[3]))));
} else if (process.argv[2] === '--exchange') {
  console.log(JSON.stringify(await exchange(JSON.parse(process.argv[3]!) as Phase)));
} else if (process.argv[2] === '--baseline') {
  console.log(JSON.stringify(baseline(JSON.parse(process.argv[3]!) as Phase)));
} else {
  const big = Number(process.env.BENCH_SYNC_CHANGES ?? 1_000_000);
  const small = runWorker(10_000);
  const large = runWorker(big);
  const lines = [
    `Exchange of ${large.changes.toLocaleString('en')} field changes (${(large.changes / CHANGES_PER_CENTRE).toFixed(0)} youth centres):`,
    `  export ${f(large.exportMs / 1000)} s (${f(large.changes / (large.exportMs / 1000), 0)} changes/s), import ${f(large.importMs / 1000)} s (${f(large.changes / (large.importMs / 1000), 0)} changes/s); raw bulk insert of the same rows ${f(large.rawMs / 1000)} s`,
    `  throughput ratio to the raw insert: export ${f(large.rawMs / large.exportMs)}, import ${f(large.rawMs / large.importMs)} (goal ≥ 0.5)`,
    `  file ${f(large.bytes / 1048576, 1)} MiB → ${f(large.bytes / large.changes, 1)} bytes per change (compressed, encrypted, signed)`,
    `  peak RSS of the exchange process (export + import): ${f(small.peakRss / 1048576, 0)} MiB at ${small.changes.toLocaleString('en')} changes vs ${f(large.peakRss / 1048576, 0)} MiB at ${large.changes.toLocaleString('en')}`,
  ];
  console.log(lines.join('\n'));
}
