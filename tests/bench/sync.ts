// Exchange benchmark: export and import of N field changes (default 1,000,000) between two real
// installations, as a throughput ratio to a raw bulk insert of the same change rows in the same run, peak
// memory at 10,000, 100,000 and N changes (each size in its own process, so peaks are clean), and bytes per
// change, and the share of the origin signatures (issue #14): a pass in its own process that hashes the same
// changes into their segments' SHA-256 and signs and verifies each segment, timed against each round's
// export and import.
// BENCH_SYNC_CHANGES sets N, BENCH_SYNC_ROUNDS the rounds of exchange and baseline (default 5),
// BENCH_SYNC_MEMORY_AT one more size measured for memory only, BENCH_SYNC_PROFILE a folder to write CPU
// profiles of every export and import (and its decoder worker) into (--cpu-prof: slower, for finding where
// the time goes, not for the figures), BENCH_SYNC_COMPARE another checkout (e.g. `git archive <commit> | tar
// -x -C /tmp/before`, node_modules linked) whose export and import run beside these in every round at N, on
// data it generates, in alternating order.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { youthCentresSpec, listDistricts } from '../../db/orgUnits/queries';
import { rawPublic, signingKey } from '../../electron/sync/keys';
import { canonicalChange, SEGMENT_MAX_CHANGES, segmentSignatureValid, signSegment, type CanonicalChange } from '../../electron/sync/origins';
import { openApp } from '../support/app';
import { createNode, enrol } from '../support/nodes';
import { openTestDatabase, testDataKey } from '../support/keyStore';

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
  const source = openTestDatabase(phase.provinceDir, path.join(phase.provinceDir, 'kopru.sqlite'), { readonly: true });
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

/**
 * Phase 5 (own process): what the origin signatures cost, on the same changes. The province's log in seq
 * order, per origin, cut into segments of SEGMENT_MAX_CHANGES as the export cuts them; each change's canonical
 * text hashed into its segment's SHA-256 (what the export does on its thread while writing, and the decoder on
 * its worker while reading), each segment signed (export) and its signature verified (import, before COMMIT).
 * Reading the rows is not timed.
 */
function verification(phase: Phase) {
  const source = openTestDatabase(phase.provinceDir, path.join(phase.provinceDir, 'kopru.sqlite'), { readonly: true });
  const rows = source
    .prepare('SELECT table_name AS "table", row_id AS row, column_name AS "column", value, hlc, origin_node AS origin, seq, base_hlc AS base FROM change_log ORDER BY origin_node, seq')
    .all() as (CanonicalChange & { origin: string; seq: number })[];
  source.close();
  const key = signingKey(phase.provinceDir, testDataKey(phase.provinceDir));
  const publicKey = rawPublic(crypto.createPublicKey(key));
  const segments: { origin: string; first: number; last: number; digest: string; signature: string }[] = [];
  let t = process.hrtime.bigint();
  let hash = crypto.createHash('sha256');
  let open: { origin: string; first: number; last: number } | null = null;
  const close = () => {
    segments.push({ ...open!, digest: hash.digest('hex'), signature: '' });
    hash = crypto.createHash('sha256');
    open = null;
  };
  for (const e of rows) {
    if (open && (open.origin !== e.origin || open.last - open.first + 1 === SEGMENT_MAX_CHANGES)) close();
    open ??= { origin: e.origin, first: e.seq, last: e.seq };
    hash.update(canonicalChange(e));
    open.last = e.seq;
  }
  if (open) close();
  const hashMs = Number(process.hrtime.bigint() - t) / 1e6;
  t = process.hrtime.bigint();
  for (const s of segments) s.signature = signSegment(key, s.origin, s.first, s.last, s.digest);
  const signMs = Number(process.hrtime.bigint() - t) / 1e6;
  t = process.hrtime.bigint();
  for (const s of segments) if (!segmentSignatureValid(publicKey, s.origin, s.first, s.last, s.digest, s.signature)) throw new Error('a segment does not verify');
  const verifyMs = Number(process.hrtime.bigint() - t) / 1e6;
  return { changes: rows.length, segments: segments.length, hashMs, signMs, verifyMs };
}

const SELF = fileURLToPath(import.meta.url);
const ROOT = path.join(path.dirname(SELF), '..', '..');

/** Runs a phase in its own process; `checkout` runs that checkout's copy of this script instead. */
function phase<T>(name: string, arg: string, checkout?: string): T {
  const root = checkout ? path.resolve(checkout) : ROOT;
  const self = checkout ? path.join(root, 'tests', 'bench', 'sync.ts') : SELF;
  const profile = process.env.BENCH_SYNC_PROFILE;
  // Profiled: node itself runs the phase (tsx as a loader), so that --cpu-prof reaches it and its workers.
  const args = profile && (name === 'export' || name === 'import')
    ? ['--cpu-prof', `--cpu-prof-dir=${path.join(path.resolve(profile), `${name}-${Date.now()}`)}`, '--import', 'tsx', self, `--${name}`, arg]
    : [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), self, `--${name}`, arg];
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 24, cwd: root });
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
function runWorker(changes: number, rounds: number, compare?: string) {
  const dirs = phase<Phase>('generate', String(changes));
  const exchanges: (Awaited<ReturnType<typeof exportPhase>> & Awaited<ReturnType<typeof importPhase>>)[] = [];
  // The other checkout's exchange of the same size (its own data, made by its own code), when comparing.
  const otherDirs = compare ? phase<Phase>('generate', String(changes), compare) : null;
  const others: { exportMs: number; importMs: number }[] = [];
  const baselines: ReturnType<typeof baseline>[] = [];
  const signatures: ReturnType<typeof verification>[] = [];
  // The machine's 1-minute load average as each round starts: the ratios fall with it (see docs/BENCHMARKS.md).
  const loads: number[] = [];
  for (let round = 0; round < rounds; round++) {
    loads.push(os.loadavg()[0]!);
    const exchange = (source: Phase, checkout?: string) => {
      const copy = copyPhase(source);
      const arg = JSON.stringify(copy);
      const result = { ...phase<Awaited<ReturnType<typeof exportPhase>>>('export', arg, checkout), ...phase<Awaited<ReturnType<typeof importPhase>>>('import', arg, checkout) };
      fs.rmSync(copy.ministryDir, { recursive: true, force: true });
      fs.rmSync(copy.provinceDir, { recursive: true, force: true });
      return result;
    };
    if (otherDirs && round % 2 === 1) others.push(exchange(otherDirs, compare));
    exchanges.push(exchange(dirs));
    if (otherDirs && round % 2 === 0) others.push(exchange(otherDirs, compare));
    baselines.push(phase<ReturnType<typeof baseline>>('baseline', JSON.stringify(dirs)));
    signatures.push(phase<ReturnType<typeof verification>>('verification', JSON.stringify(dirs)));
  }
  for (const d of otherDirs ? [dirs, otherDirs] : [dirs]) {
    fs.rmSync(d.ministryDir, { recursive: true, force: true });
    fs.rmSync(d.provinceDir, { recursive: true, force: true });
  }
  const rawMs = baselines.map((b) => b.rawMs);
  const exportMs = exchanges.map((e) => e.exportMs);
  const importMs = exchanges.map((e) => e.importMs);
  return {
    changes: exchanges[0]!.changes, bytes: exchanges[0]!.bytes, rounds, loads,
    exportMs: Math.min(...exportMs), importMs: Math.min(...importMs), rawMs: Math.min(...rawMs),
    slowest: { exportMs: Math.max(...exportMs), importMs: Math.max(...importMs), rawMs: Math.max(...rawMs) },
    exportRatios: exportMs.map((ms, i) => rawMs[i]! / ms),
    importRatios: importMs.map((ms, i) => rawMs[i]! / ms),
    // The signatures' share of each round's export (hash + sign) and import (hash + verify).
    segments: signatures[0]!.segments,
    hashMs: median(signatures.map((v) => v.hashMs)), signMs: median(signatures.map((v) => v.signMs)), verifyMs: median(signatures.map((v) => v.verifyMs)),
    exportShares: exportMs.map((ms, i) => (signatures[i]!.hashMs + signatures[i]!.signMs) / ms),
    importShares: importMs.map((ms, i) => (signatures[i]!.hashMs + signatures[i]!.verifyMs) / ms),
    // Against the other checkout: its ratios to the same baselines, and this checkout's time over its time.
    compared: otherDirs && {
      exportRatios: others.map((o, i) => rawMs[i]! / o.exportMs),
      importRatios: others.map((o, i) => rawMs[i]! / o.importMs),
      exportTimes: others.map((o, i) => exportMs[i]! / o.exportMs),
      importTimes: others.map((o, i) => importMs[i]! / o.importMs),
    },
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
} else if (process.argv[2] === '--verification') {
  console.log(JSON.stringify(verification(JSON.parse(process.argv[3]!) as Phase)));
} else {
  const big = Number(process.env.BENCH_SYNC_CHANGES ?? 1_000_000);
  const rounds = Number(process.env.BENCH_SYNC_ROUNDS ?? 5);
  const small = runWorker(10_000, 1);
  const medium = runWorker(100_000, 1);
  const large = runWorker(big, rounds, process.env.BENCH_SYNC_COMPARE);
  // One more size for memory alone (e.g. 3,000,000), to see whether the peak still moves past N.
  const further = process.env.BENCH_SYNC_MEMORY_AT ? [runWorker(Number(process.env.BENCH_SYNC_MEMORY_AT), 1)] : [];
  const sizes = [small, medium, large, ...further];
  const ratios = (values: number[]) => `median ${f(median(values))} (rounds: ${values.map((r) => f(r)).join(', ')})`;
  const shares = (values: number[]) => `median ${f(median(values) * 100, 1)}% (rounds: ${values.map((r) => f(r * 100, 1)).join(', ')})`;
  const lines = [
    `Exchange of ${large.changes.toLocaleString('en')} field changes (${(large.changes / CHANGES_PER_CENTRE).toFixed(0)} youth centres), ${rounds} rounds of export, import and the baseline:`,
    `  throughput ratio to the raw insert, each round against the baseline run beside it (goals: import ≥ 0.5, export ≥ 1.0): import ${ratios(large.importRatios)}; export ${ratios(large.exportRatios)}`,
    `  load average (1 min) at the start of each round: ${large.loads.map((l) => f(l, 1)).join(', ')} (2 cores: with other work running, the exchange, on two threads, loses more than the one-thread baseline)`,
    `  fastest [slowest]: export ${f(large.exportMs / 1000)} s [${f(large.slowest.exportMs / 1000)}] (${f(large.changes / (large.exportMs / 1000), 0)} changes/s), import ${f(large.importMs / 1000)} s [${f(large.slowest.importMs / 1000)}] (${f(large.changes / (large.importMs / 1000), 0)} changes/s); raw bulk insert of the same rows ${f(large.rawMs / 1000)} s [${f(large.slowest.rawMs / 1000)}]; fastest to fastest: import ${f(large.rawMs / large.importMs)}, export ${f(large.rawMs / large.exportMs)}`,
    `  origin signatures (${large.segments} segments of ≤ ${SEGMENT_MAX_CHANGES.toLocaleString('en')}), medians: hashing the canonical text of every change ${f(large.hashMs / 1000)} s, signing the segments ${f(large.signMs)} ms, verifying them ${f(large.verifyMs)} ms; share of the export (hash + sign, on its thread) ${shares(large.exportShares)}; of the import (hash on the decoder worker + verify) ${shares(large.importShares)}`,
    ...(large.compared
      ? [
          `  ${process.env.BENCH_SYNC_COMPARE} in the same rounds: import ${ratios(large.compared.importRatios)}; export ${ratios(large.compared.exportRatios)}; ` +
            `this checkout's time over its, import ${ratios(large.compared.importTimes)}, export ${ratios(large.compared.exportTimes)}`,
        ]
      : []),
    `  file ${f(large.bytes / 1048576, 1)} MiB → ${f(large.bytes / large.changes, 1)} bytes per change (compressed, encrypted, signed)`,
    `  peak RSS at ${sizes.map((r) => r.changes.toLocaleString('en')).join(' / ')} changes (each in its own process; files from 1 MiB on are decoded on a worker thread): export ${sizes.map((r) => f(r.exportRss / 1048576, 0)).join(' / ')} MiB, import ${sizes.map((r) => f(r.importRss / 1048576, 0)).join(' / ')} MiB`,
  ];
  console.log(lines.join('\n'));
}
