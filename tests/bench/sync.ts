// Exchange benchmark: export and import of N field changes (default 1,000,000) between two real
// installations, as a throughput ratio to a raw bulk insert of the same change rows in the same run, peak
// memory at 10,000, 100,000 and N changes (each size in its own process, so peaks are clean), and bytes per
// change.
// BENCH_SYNC_CHANGES sets N, BENCH_SYNC_ROUNDS the rounds of exchange and baseline (default 5),
// BENCH_SYNC_MEMORY_AT one more size measured for memory only.
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

/** Phase 2 (own process, so its peak memory is the export's alone): the province writes the file. */
async function exportPhase(phase: Phase) {
  const province = openApp(phase.provinceDir);
  const file = path.join(phase.provinceDir, 'bench.kopru');
  const t = process.hrtime.bigint();
  const exported = await province.ok<{ changes: number; bytes: number }>('sync:export', { peerNode: phase.ministryNode, path: file });
  const exportMs = Number(process.hrtime.bigint() - t) / 1e6;
  province.close();
  return { changes: exported.changes, bytes: exported.bytes, exportMs, exportRss: process.resourceUsage().maxRSS * 1024 };
}

/** Phase 3 (own process): the ministry imports it. */
async function importPhase(phase: Phase) {
  const ministry = openApp(phase.ministryDir);
  const t = process.hrtime.bigint();
  const imported = await ministry.ok<{ report: { stored: number } }>('sync:import', { path: path.join(phase.provinceDir, 'bench.kopru') });
  const importMs = Number(process.hrtime.bigint() - t) / 1e6;
  ministry.close();
  return { stored: imported.report.stored, importMs, importRss: process.resourceUsage().maxRSS * 1024 };
}

/** Phase 4 (own process): the same change rows bulk-inserted into a bare table with the same unique index. */
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

/** A fresh copy of both installations, so that every round imports into the same starting state. */
function copyPhase(dirs: Phase): Phase {
  const copy = (dir: string) => {
    const target = fs.mkdtempSync(path.join(os.tmpdir(), 'kopru-bench-'));
    fs.cpSync(dir, target, { recursive: true });
    return target;
  };
  return { ...dirs, ministryDir: copy(dirs.ministryDir), provinceDir: copy(dirs.provinceDir) };
}

/**
 * Exchange and baseline alternate for `rounds` rounds on the same data. Timings on a shared machine swing by
 * up to half from one minute to the next, so each round's ratio compares an exchange with the baseline run
 * right after it, and the median of those ratios is reported; the fastest of each is shown beside it.
 */
function runWorker(changes: number, rounds: number) {
  const dirs = phase<Phase>('generate', String(changes));
  const exchanges: (Awaited<ReturnType<typeof exportPhase>> & Awaited<ReturnType<typeof importPhase>>)[] = [];
  const baselines: ReturnType<typeof baseline>[] = [];
  for (let round = 0; round < rounds; round++) {
    const copy = copyPhase(dirs);
    const arg = JSON.stringify(copy);
    exchanges.push({ ...phase<Awaited<ReturnType<typeof exportPhase>>>('export', arg), ...phase<Awaited<ReturnType<typeof importPhase>>>('import', arg) });
    fs.rmSync(copy.ministryDir, { recursive: true, force: true });
    fs.rmSync(copy.provinceDir, { recursive: true, force: true });
    baselines.push(phase<ReturnType<typeof baseline>>('baseline', JSON.stringify(dirs)));
  }
  fs.rmSync(dirs.ministryDir, { recursive: true, force: true });
  fs.rmSync(dirs.provinceDir, { recursive: true, force: true });
  const rawMs = baselines.map((b) => b.rawMs);
  const exportMs = exchanges.map((e) => e.exportMs);
  const importMs = exchanges.map((e) => e.importMs);
  return {
    changes: exchanges[0]!.changes, bytes: exchanges[0]!.bytes, rounds,
    exportMs: Math.min(...exportMs), importMs: Math.min(...importMs), rawMs: Math.min(...rawMs),
    slowest: { exportMs: Math.max(...exportMs), importMs: Math.max(...importMs), rawMs: Math.max(...rawMs) },
    exportRatios: exportMs.map((ms, i) => rawMs[i]! / ms),
    importRatios: importMs.map((ms, i) => rawMs[i]! / ms),
    exportRss: Math.max(...exchanges.map((e) => e.exportRss)),
    importRss: Math.max(...exchanges.map((e) => e.importRss)),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const f = (n: number, d = 2) => n.toFixed(d);

if (process.argv[2] === '--generate') {
  console.log(JSON.stringify(await generate(Number(process.argv[3]))));
} else if (process.argv[2] === '--export') {
  console.log(JSON.stringify(await exportPhase(JSON.parse(process.argv[3]!) as Phase)));
} else if (process.argv[2] === '--import') {
  console.log(JSON.stringify(await importPhase(JSON.parse(process.argv[3]!) as Phase)));
} else if (process.argv[2] === '--baseline') {
  console.log(JSON.stringify(baseline(JSON.parse(process.argv[3]!) as Phase)));
} else {
  const big = Number(process.env.BENCH_SYNC_CHANGES ?? 1_000_000);
  const rounds = Number(process.env.BENCH_SYNC_ROUNDS ?? 5);
  const small = runWorker(10_000, 1);
  const medium = runWorker(100_000, 1);
  const large = runWorker(big, rounds);
  // One more size for memory alone (e.g. 3,000,000), to see whether the peak still moves past N.
  const further = process.env.BENCH_SYNC_MEMORY_AT ? [runWorker(Number(process.env.BENCH_SYNC_MEMORY_AT), 1)] : [];
  const sizes = [small, medium, large, ...further];
  const ratios = (values: number[]) => `median ${f(median(values))} (rounds: ${values.map((r) => f(r)).join(', ')})`;
  const lines = [
    `Exchange of ${large.changes.toLocaleString('en')} field changes (${(large.changes / CHANGES_PER_CENTRE).toFixed(0)} youth centres), ${rounds} rounds of export, import and the baseline:`,
    `  throughput ratio to the raw insert, each round against the baseline run beside it (goal ≥ 0.5): import ${ratios(large.importRatios)}; export ${ratios(large.exportRatios)}`,
    `  fastest [slowest]: export ${f(large.exportMs / 1000)} s [${f(large.slowest.exportMs / 1000)}] (${f(large.changes / (large.exportMs / 1000), 0)} changes/s), import ${f(large.importMs / 1000)} s [${f(large.slowest.importMs / 1000)}] (${f(large.changes / (large.importMs / 1000), 0)} changes/s); raw bulk insert of the same rows ${f(large.rawMs / 1000)} s [${f(large.slowest.rawMs / 1000)}]; fastest to fastest: import ${f(large.rawMs / large.importMs)}, export ${f(large.rawMs / large.exportMs)}`,
    `  file ${f(large.bytes / 1048576, 1)} MiB → ${f(large.bytes / large.changes, 1)} bytes per change (compressed, encrypted, signed)`,
    `  peak RSS at ${sizes.map((r) => r.changes.toLocaleString('en')).join(' / ')} changes (each in its own process; files from 1 MiB on are decoded on a worker thread): export ${sizes.map((r) => f(r.exportRss / 1048576, 0)).join(' / ')} MiB, import ${sizes.map((r) => f(r.importRss / 1048576, 0)).join(' / ')} MiB`,
  ];
  console.log(lines.join('\n'));
}
