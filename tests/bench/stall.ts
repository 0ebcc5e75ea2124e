// Window-thread stall benchmark (issue #13): how long the thread that serves the window (Electron main; here
// a Node main thread standing in for it) goes without running its event loop while a long job runs, with the
// backend as shipped (the built worker, out/main/backend.js, started by startBackendWorker) against the
// baseline of the same backend in the host's own thread (openInProcess: how the app ran before), in the same
// run. Two jobs: `registry:importApply` of a BENCH_STALL_ROWS-row xlsx (default 10,000; base64, as the
// renderer sends it) on a province installation, and `sync:import` of a real exchange file of
// BENCH_STALL_CHANGES changes (default 100,000) from an enrolled province into the ministry.
//
// Each measurement runs in its own process (a fresh copy of the installation, so every round imports into the
// same starting state). The host's main thread is watched by perf_hooks.monitorEventLoopDelay (2 ms
// resolution) and by a 1 ms setInterval heartbeat that records the longest gap between two ticks (the stall)
// and the host thread's CPU time inside it (work of its own, or waiting for a core).
// A second set of runs fires a burst of 200 `orgUnits:searchYouthCentres` reads while the job runs and times
// each answer (BENCH_STALL_BURST_ROUNDS rounds, default 1). Two controls give the floor on this machine: the
// host with nothing running, and with a plain worker that only burns CPU. BENCH_STALL_ROUNDS rounds (default
// 3), medians reported. The built backend is rebuilt first if any source is newer than out/main/backend.js
// (BENCH_STALL_BUILD=0 skips that check).
import type { Envelope } from '../../shared/contract';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import type { BackendConnection } from '../../electron/backend/protocol';
import { TEST_KEY_STORE } from '../support/keyStore';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BACKEND_ENTRY = path.join(ROOT, 'out', 'main', 'backend.js');
const BURST = Number(process.env.BENCH_STALL_BURST ?? 200);

type Mode = 'worker' | 'inThread';
type Op = 'spreadsheet' | 'exchange';

interface Data {
  provinceDir: string;
  ministryDir: string;
  exchangeFile: string;
  xlsxBase64File: string;
  rows: number;
  changes: number;
  xlsxBytes: number;
  exchangeBytes: number;
  generateMs: number;
}

interface Gap {
  at: number;
  ms: number;
  /** CPU time this thread spent during the gap (process.threadCpuUsage, counted in scheduler ticks of ~4 ms
   * here): about the gap's length if the thread was busy (JavaScript, a collection, decoding a message), near
   * zero if it was ready to run and waiting for a core, as on a loaded machine. */
  cpuMs: number;
}

interface Measure extends Watch {
  mode: Mode;
  op: Op;
  /** When the burst of reads went out (null: a run without reads). */
  burstAtMs: number | null;
  wallMs: number;
  /** When the reply reached the host, relative to the call. */
  replyAt: number;
  /** The synchronous part of invoke() on the host (for the worker: the postMessage of the input). */
  invokeSyncMs: number;
  inputSerializeMs: number;
  /** The reply as the worker sends it: its serialized size, and the CPU it costs to clone (serialize +
   * deserialize), to deserialize (the host taking it in) and to serialize (the host passing it on); then the
   * same reply as one JSON string: stringify (worker side) and clone. */
  replyBytes: number;
  replyCloneMs: number;
  replyDeserializeMs: number;
  replySerializeMs: number;
  replyStringifyMs: number;
  replyAsStringCloneMs: number;
  /** The burst run only: time-to-answer of each read, from the moment it was sent. */
  reads?: { answers: number[]; answeredDuringJob: number; failed: number };
  summary: string;
}

// ---------------------------------------------------------------------------------------------------------
// Phase 1 (own process): a ministry and a province, enrolled; the province holds ~CHANGES changes (youth
// centres through its change writer, as tests/bench/sync.ts makes them) and exports them for the ministry;
// a ROWS-row xlsx for the province's registry import.

async function generate(rows: number, changes: number, workDir: string): Promise<Data> {
  const started = performance.now();
  const ExcelJS = (await import('exceljs')).default;
  const { listDistricts } = await import('../../db/orgUnits/queries');
  const { createNode, enrol, cleanupFiles } = await import('../support/nodes');
  const { bulkYouthCentres } = await import('../sync/support/bulk');
  const ministry = await createNode('M', 'ministry');
  const province = await createNode('P', 'province', '06');
  await enrol(ministry, province);
  // 12 change rows per youth centre (8 fields, the row's own markers and its search text).
  bulkYouthCentres(province, '06', Math.ceil(changes / 12));
  const exchangeFile = path.join(workDir, 'province-to-ministry.kopru');
  const exported = await province.ok<{ changes: number }>('sync:export', { peerNode: ministry.nodeId, path: exchangeFile });

  // The spreadsheet, as tests/bench/registry.ts builds it: Ankara's districts, one association per row.
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sicil');
  sheet.addRow(['Dernek Adı', 'İlçe', 'Kulüp Türü', 'Kütük No', 'Telefon', 'Üye Sayısı', 'Kuruluş Tarihi']);
  const ankara = listDistricts(province.ctx.db!, '06');
  for (let i = 0; i < rows; i++) {
    const d = ankara[i % ankara.length]!.name;
    sheet.addRow([`${d} İçe Aktarılan ${i} Gençlik Kulübü`, d, i % 3 ? 'Gençlik Kulübü' : 'Gençlik ve Spor Kulübü', `06-9${String(i % 100).padStart(2, '0')}-${String(Math.floor(i / 100)).padStart(3, '0')}`, '0312 555 12 34', 20 + (i % 50), '01.02.2020']);
  }
  const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
  const xlsxBase64File = path.join(workDir, 'sicil.xlsx.b64');
  fs.writeFileSync(xlsxBase64File, xlsx.toString('base64'));

  const provinceDir = province.dataDir;
  const ministryDir = ministry.dataDir;
  ministry.close();
  province.close();
  cleanupFiles();
  return {
    provinceDir, ministryDir, exchangeFile, xlsxBase64File, rows, changes: exported.changes,
    xlsxBytes: xlsx.length, exchangeBytes: fs.statSync(exchangeFile).size, generateMs: performance.now() - started,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Phase 2 (own process per measurement): open the installation in one mode, wait until it is ready and its
// integrity check has answered, then watch this thread while the job runs.

async function connect(mode: Mode, dataDir: string): Promise<{ conn: BackendConnection; replies: (listener: () => void) => void }> {
  const { sourceMigrationsDir } = await import('../../electron/app/paths');
  const options = { dataDir, migrationsDir: sourceMigrationsDir(), appVersion: 'bench', holder: 'test' as const, keyStoreDir: TEST_KEY_STORE };
  if (mode === 'inThread') {
    const { openInProcess } = await import('../../electron/backend/inProcess');
    const conn = openInProcess(options);
    await conn.backend.whenChecked();
    return { conn, replies: () => undefined };
  }
  const { startBackendWorker } = await import('../../electron/backend/host');
  const conn = startBackendWorker(BACKEND_ENTRY, options);
  await conn.ready;
  while ((await conn.status()).health === 'checking') await new Promise((resolve) => setTimeout(resolve, 10));
  return { conn, replies: (listener) => conn.worker.on('message', (m: { type: string }) => m.type === 'reply' && listener()) };
}

interface Watch {
  stallMs: number;
  /** The most CPU this thread spent inside one gap: the stall this thread caused itself. */
  busyStallMs: number;
  /** That gap. */
  busiestGap: Gap | null;
  eldMaxMs: number;
  eldP99Ms: number;
  gaps: Gap[];
  gcMaxMs: number;
  gcTotalMs: number;
  gcLongest: { at: number; ms: number; kind: number }[];
}

/**
 * Watches this thread from now on: monitorEventLoopDelay (2 ms resolution), a 1 ms heartbeat whose longest gap
 * between two ticks is the stall, and this thread's garbage collections. Times are relative to `t0`.
 */
function watchThread(): { t0: number; stop: () => Watch } {
  const gcs: { at: number; ms: number; kind: number }[] = [];
  const eld = monitorEventLoopDelay({ resolution: 2 });
  const gaps: Gap[] = [];
  const cpu = () => {
    const u = process.threadCpuUsage();
    return (u.user + u.system) / 1000;
  };
  let last = performance.now();
  let lastCpu = cpu();
  const t0 = last;
  const gcObserver = new PerformanceObserver((list) =>
    gcs.push(...list.getEntries().map((e) => ({ at: e.startTime - t0, ms: e.duration, kind: (e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind ?? 0 }))),
  );
  gcObserver.observe({ entryTypes: ['gc'] });
  const heartbeat = setInterval(() => {
    const now = performance.now();
    const nowCpu = cpu();
    if (now - last > 5) gaps.push({ at: last - t0, ms: now - last, cpuMs: nowCpu - lastCpu });
    last = now;
    lastCpu = nowCpu;
  }, 1);
  eld.enable();
  return {
    t0,
    stop() {
      eld.disable();
      clearInterval(heartbeat);
      gcObserver.disconnect();
      return {
        stallMs: Math.max(0, ...gaps.map((g) => g.ms)),
        busyStallMs: Math.max(0, ...gaps.map((g) => Math.min(g.ms, g.cpuMs))),
        busiestGap: gaps.reduce<Gap | null>((best, g) => (!best || g.cpuMs > best.cpuMs ? g : best), null),
        eldMaxMs: eld.max / 1e6,
        eldP99Ms: eld.percentile(99) / 1e6,
        gaps: gaps.sort((a, b) => b.ms - a.ms).slice(0, 5),
        gcMaxMs: Math.max(0, ...gcs.map((g) => g.ms)),
        gcTotalMs: gcs.reduce((sum, g) => sum + g.ms, 0),
        gcLongest: gcs.sort((a, b) => b.ms - a.ms).slice(0, 3),
      };
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function measure(mode: Mode, op: Op, dataDir: string, data: Data, burstAtMs: number | null): Promise<Measure> {
  const { conn, replies } = await connect(mode, dataDir);
  const channel = op === 'spreadsheet' ? 'registry:importApply' : 'sync:import';
  const input = op === 'spreadsheet' ? { fileName: 'sicil.xlsx', contentBase64: fs.readFileSync(data.xlsxBase64File, 'utf8') } : { path: data.exchangeFile };
  const readInput = (i: number) => ({ query: ['gençlik', 'çankaya', 'yunus emre', 'ışıklar'][i % 4], limit: 20 });
  // Warm both paths (module loading, statement cache) so that the job is what is measured.
  const warm = await conn.invoke('orgUnits:searchYouthCentres', readInput(0));
  if (!warm.ok) throw new Error(JSON.stringify(warm));
  await sleep(50);

  let lastReplyAt = 0;
  replies(() => (lastReplyAt = performance.now()));
  const watch = watchThread();
  const t0 = watch.t0;

  let reads: Promise<{ answers: number[]; failed: number }> | undefined;
  if (burstAtMs !== null) {
    // The window sends its reads at t0 + burstAtMs; each is timed from then (a blocked thread takes them late,
    // as the real main thread would take the renderer's IPC messages late).
    reads = new Promise((resolve) => {
      setTimeout(() => {
        const answers: number[] = [];
        let failed = 0;
        const calls = Array.from({ length: BURST }, (_, i) =>
          conn.invoke('orgUnits:searchYouthCentres', readInput(i)).then((envelope) => {
            if (!envelope.ok) failed++;
            answers.push(performance.now() - t0 - burstAtMs);
          }),
        );
        void Promise.all(calls).then(() => resolve({ answers, failed }));
      }, burstAtMs);
    });
  }

  // As Electron main calls it: the answer is the envelope's JSON text, passed on to the window unread (the window
  // parses it, off this thread); it is parsed here only after the watch has stopped.
  const callStart = performance.now();
  const pending = conn.invokeJson(channel, input);
  const invokeSyncMs = performance.now() - callStart;
  const answer = await pending;
  const doneAt = performance.now() - t0;
  const replyAt = lastReplyAt ? lastReplyAt - t0 : doneAt;
  const readResults = reads ? await reads : undefined;
  // A little longer, so that a gap that ends with the reply (or with the reads' answers) is counted.
  await sleep(50);
  const watched = watch.stop();
  const envelope = JSON.parse(answer) as Envelope<unknown>;
  if (!envelope.ok) throw new Error(`${channel} failed: ${JSON.stringify(envelope.error)}`);

  // What crossing the thread boundary costs the host (fastest of five, so that a loaded machine does not
  // count; thread CPU time is counted in 4 ms ticks here, too coarse for this): the input serialized on the
  // host (postMessage does it there); the reply cloned as postMessage clones it (structuredClone: serialize
  // + deserialize, native), of which the host pays the deserialize half before the 'message' event, and an
  // Electron main thread passing the reply on to the window pays a serialize again; V8's serializer alone for
  // each half. For comparison, the same reply as one JSON string (stringified in the worker, cloned as a
  // string, parsed in the window).
  const time = (fn: () => unknown) =>
    Math.min(
      ...[0, 1, 2, 3, 4].map(() => {
        const t = performance.now();
        fn();
        return performance.now() - t;
      }),
    );
  const inputSerializeMs = time(() => v8.serialize({ type: 'invoke', id: 1, channel, input }));
  const reply = { type: 'reply', id: 1, envelope };
  const replyBuffer = v8.serialize(reply);
  const replyCloneMs = time(() => structuredClone(reply));
  const replyDeserializeMs = time(() => v8.deserialize(replyBuffer));
  const replySerializeMs = time(() => v8.serialize(envelope));
  let json = '';
  const replyStringifyMs = time(() => (json = JSON.stringify(envelope)));
  const replyAsStringCloneMs = time(() => structuredClone({ type: 'reply', id: 1, json }));

  const value = envelope.value as Record<string, unknown>;
  const summary = op === 'spreadsheet' ? `new ${String((value.totals as { new: number }).new)}` : `stored ${String((value.report as { stored: number }).stored)}`;
  await conn.close();
  const answers = readResults?.answers ?? [];
  return {
    mode, op, burstAtMs,
    wallMs: doneAt,
    ...watched,
    replyAt,
    invokeSyncMs,
    inputSerializeMs,
    replyBytes: replyBuffer.length,
    replyCloneMs,
    replyDeserializeMs,
    replySerializeMs,
    replyStringifyMs,
    replyAsStringCloneMs,
    ...(readResults ? { reads: { answers, answeredDuringJob: answers.filter((a) => a + burstAtMs! < doneAt).length, failed: readResults.failed } } : {}),
    summary,
  };
}

/**
 * The floor under any figure above, on this machine: the host thread's longest gap while nothing runs, and
 * while a plain worker thread (no backend, no messages) burns CPU and allocates, as the backend does during a
 * job. On 2 cores the host then competes for a core with the worker and V8's garbage-collection helpers.
 */
async function control(kind: 'idle' | 'busy', ms: number): Promise<Watch & { kind: string }> {
  const { Worker } = await import('node:worker_threads');
  const worker =
    kind === 'busy'
      ? new Worker(
          `const end = Date.now() + ${ms}; let keep = []; while (Date.now() < end) { keep.push({ a: 'x'.repeat(40) + Math.random(), b: [Math.random()] }); if (keep.length > 200000) keep = []; }`,
          { eval: true },
        )
      : null;
  const watch = watchThread();
  await sleep(ms);
  const watched = watch.stop();
  await worker?.terminate();
  return { kind, ...watched };
}

// ---------------------------------------------------------------------------------------------------------
// The orchestrator.

function child<T>(args: string[]): T {
  const self = fileURLToPath(import.meta.url);
  const tsx = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const result = spawnSync(process.execPath, [tsx, self, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (result.status !== 0) throw new Error(`${args[0]} failed:\n${result.stderr}\n${result.stdout}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as T;
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (/\.(ts|sql|json)$/.test(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds out/ when the backend bundle is missing or older than any source it is built from. */
function ensureBuild(): string {
  const built = fs.existsSync(BACKEND_ENTRY) ? fs.statSync(BACKEND_ENTRY).mtimeMs : 0;
  const sources = Math.max(...['electron', 'db', 'shared'].map((d) => newestSource(path.join(ROOT, d))));
  if (process.env.BENCH_STALL_BUILD === '0') return 'build check skipped';
  if (built >= sources) return 'out/main/backend.js up to date';
  const started = performance.now();
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: ROOT, stdio: 'pipe' });
  return `rebuilt out/ (${((performance.now() - started) / 1000).toFixed(1)} s)`;
}

function copyDir(dir: string): string {
  const target = fs.mkdtempSync(path.join(os.tmpdir(), 'kopru-stall-'));
  fs.cpSync(dir, target, { recursive: true });
  return target;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const f = (n: number, d = 1) => n.toFixed(d);

async function main() {
  const rows = Number(process.env.BENCH_STALL_ROWS ?? 10_000);
  const changes = Number(process.env.BENCH_STALL_CHANGES ?? 100_000);
  const rounds = Number(process.env.BENCH_STALL_ROUNDS ?? 3);
  const burstRounds = Number(process.env.BENCH_STALL_BURST_ROUNDS ?? 1);
  const started = performance.now();
  const build = ensureBuild();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kopru-stall-data-'));
  const data = child<Data>(['--generate', JSON.stringify({ rows, changes, workDir })]);
  const runs: Measure[] = [];
  const run = (mode: Mode, op: Op, burstAtMs: number | null) => {
    const dir = copyDir(op === 'spreadsheet' ? data.provinceDir : data.ministryDir);
    try {
      const m = child<Measure>(['--measure', JSON.stringify({ mode, op, dir, data, burstAtMs })]);
      runs.push(m);
      return m;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  const controls: (Watch & { kind: string })[] = [];
  try {
    controls.push(child(['--control', 'idle', '2000']), child(['--control', 'busy', '3000']));
    for (let round = 0; round < rounds; round++) {
      for (const op of ['spreadsheet', 'exchange'] as Op[]) {
        // Alternate which mode goes first, so that neither always gets the quieter minute.
        const order: Mode[] = round % 2 ? ['inThread', 'worker'] : ['worker', 'inThread'];
        const wall: Partial<Record<Mode, number>> = {};
        for (const mode of order) wall[mode] = run(mode, op, null).wallMs;
        // The burst goes out a third of the way into the job (as timed just before in the same mode).
        if (round < burstRounds) for (const mode of order) run(mode, op, Math.round(wall[mode]! / 3));
      }
    }
  } finally {
    for (const dir of [data.provinceDir, data.ministryDir, workDir]) fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(report({ data, runs, controls, rounds, burstRounds, build, totalMs: performance.now() - started }).join('\n'));
}

function report(r: { data: Data; runs: Measure[]; controls: (Watch & { kind: string })[]; rounds: number; burstRounds: number; build: string; totalMs: number }): string[] {
  const { data } = r;
  const plain = r.runs.filter((m) => m.burstAtMs === null);
  const burst = r.runs.filter((m) => m.burstAtMs !== null);
  const pick = (list: Measure[], op: Op, mode: Mode) => list.filter((m) => m.op === op && m.mode === mode);
  const ratio = (a: number, b: number) => (a / b).toFixed(a / b < 0.1 ? 4 : 2);
  const cpu = os.cpus();
  const lines: string[] = [
    `Window-thread stall (issue #13): ${r.rounds} rounds (median; every round in brackets), reads ${r.burstRounds} round(s); host = a Node main thread standing in for Electron main`,
    `  ${r.build}; Node ${process.versions.node}, ${cpu.length} × ${cpu[0]?.model ?? '?'}`,
    `  data: ${data.rows.toLocaleString('en')}-row xlsx (${f(data.xlsxBytes / 1024, 0)} KiB; ${f(Math.ceil(data.xlsxBytes / 3) * 4 / 1024, 0)} KiB as base64) into a province; exchange file of ${data.changes.toLocaleString('en')} changes (${f(data.exchangeBytes / 1048576, 2)} MiB) province → ministry; generated in ${f(data.generateMs / 1000)} s`,
    '',
    '| operation | figure | worker (as shipped) | in-thread (baseline) | worker / in-thread |',
    '|---|---|---|---|---|',
  ];
  const names: Record<Op, string> = { spreadsheet: `registry:importApply, ${data.rows.toLocaleString('en')} rows`, exchange: `sync:import, ${data.changes.toLocaleString('en')} changes` };
  for (const op of ['spreadsheet', 'exchange'] as Op[]) {
    const w = pick(plain, op, 'worker');
    const b = pick(plain, op, 'inThread');
    const row = (figure: string, get: (m: Measure) => number) => {
      const mw = median(w.map(get));
      const mb = median(b.map(get));
      const each = (list: Measure[]) => (list.length > 1 ? ` [${list.map((m) => f(get(m))).join(', ')}]` : '');
      lines.push(`| ${names[op]} | ${figure} | ${f(mw)} ms${each(w)} | ${f(mb)} ms${each(b)} | ${ratio(mw, mb)} |`);
    };
    row('wall time of the call', (m) => m.wallMs);
    // The worker's own cost: each round's worker run against the in-thread run beside it.
    const perRound = w.map((m, i) => m.wallMs / b[i]!.wallMs);
    lines.push(`| ${names[op]} | wall time, worker / in-thread per round | | | ${perRound.length > 1 ? `median ${ratio(median(perRound), 1)} [${perRound.map((x) => x.toFixed(2)).join(', ')}]` : ratio(perRound[0]!, 1)} |`);
    row('max stall (heartbeat gap)', (m) => m.stallMs);
    row('max busy stall (host CPU inside one gap)', (m) => m.busyStallMs);
    row('max event-loop delay', (m) => m.eldMaxMs);
    row('p99 event-loop delay', (m) => m.eldP99Ms);
    const bw = pick(burst, op, 'worker');
    const bb = pick(burst, op, 'inThread');
    if (!bw.length || !bb.length) continue;
    const med = (list: Measure[], get: (m: Measure) => number) => median(list.map(get));
    const readStat = (list: Measure[]) => `${f(med(list, (m) => median(m.reads!.answers)))} / ${f(med(list, (m) => Math.max(...m.reads!.answers)))} ms`;
    lines.push(`| ${names[op]} + ${BURST} reads | wall time / max stall / max busy stall | ${f(med(bw, (m) => m.wallMs))} / ${f(med(bw, (m) => m.stallMs))} / ${f(med(bw, (m) => m.busyStallMs))} ms | ${f(med(bb, (m) => m.wallMs))} / ${f(med(bb, (m) => m.stallMs))} / ${f(med(bb, (m) => m.busyStallMs))} ms | ${ratio(med(bw, (m) => m.stallMs), med(bb, (m) => m.stallMs))} (stall) |`);
    lines.push(`| ${names[op]} + ${BURST} reads | read time-to-answer, median / max | ${readStat(bw)} | ${readStat(bb)} | |`);
    lines.push(`| ${names[op]} + ${BURST} reads | reads answered before the job's reply (sent at 1/3 of the job: ${bw.map((m) => f(m.burstAtMs!, 0)).join(', ')} / ${bb.map((m) => f(m.burstAtMs!, 0)).join(', ')} ms) | ${bw.map((m) => m.reads!.answeredDuringJob).join(', ')} of ${BURST} | ${bb.map((m) => m.reads!.answeredDuringJob).join(', ')} of ${BURST} | |`);
  }
  for (const c of r.controls) lines.push(`| control: ${c.kind === 'idle' ? 'nothing running, 2 s' : 'a plain worker burning CPU and allocating, 3 s'} | max stall / p99 delay | ${f(c.stallMs)} / ${f(c.eldP99Ms)} ms (busy ${f(c.busyStallMs)} ms) | | |`);
  lines.push('', 'Where the host thread (worker path) spent its longest gaps; gap start→length, ms, relative to the call:');
  for (const m of r.runs.filter((x) => x.mode === 'worker')) {
    lines.push(
      `  ${m.op}${m.burstAtMs !== null ? ' + reads' : ''}: gaps ${m.gaps.slice(0, 3).map((g) => `${f(g.at)}→${f(g.ms)} (cpu ${f(g.cpuMs)})`).join(', ') || 'none over 5 ms'}; most host CPU in ${m.busiestGap ? `${f(m.busiestGap.at)}→${f(m.busiestGap.ms)} (cpu ${f(m.busiestGap.cpuMs)})` : '-'}; reply in at ${f(m.replyAt)}; ` +
        `host GC max ${f(m.gcMaxMs)} ms (${m.gcLongest.map((g) => `${f(g.at)}→${f(g.ms)} kind ${g.kind}`).join(', ') || 'none'}), total ${f(m.gcTotalMs)} ms`,
    );
  }
  const worker = pick(plain, 'spreadsheet', 'worker');
  const exchange = pick(plain, 'exchange', 'worker');
  for (const [name, list] of [['spreadsheet', worker], ['exchange', exchange]] as const) {
    if (!list.length) continue;
    const med = (get: (m: Measure) => number) => f(median(list.map(get)), 2);
    lines.push(
      `  ${name} crossing the thread boundary (host side, fastest of five, medians over rounds): invoke() synchronous part ${med((m) => m.invokeSyncMs)} ms (wall), input serialize ${med((m) => m.inputSerializeMs)} ms; ` +
        `reply ${f(list[0]!.replyBytes / 1024, 0)} KiB: structured clone ${med((m) => m.replyCloneMs)} ms (V8 serializer: deserialize ${med((m) => m.replyDeserializeMs)} ms, serialize again to pass it on to a window ${med((m) => m.replySerializeMs)} ms); ` +
        `as one JSON string: stringify (worker side) ${med((m) => m.replyStringifyMs)} ms, structured clone ${med((m) => m.replyAsStringCloneMs)} ms`,
    );
  }
  lines.push(`Total benchmark time ${f(r.totalMs / 1000)} s; results: ${[...new Set(r.runs.map((m) => m.summary))].join('; ')}`);
  return lines;
}

if (process.argv[2] === '--generate') {
  const { rows, changes, workDir } = JSON.parse(process.argv[3]!) as { rows: number; changes: number; workDir: string };
  console.log(JSON.stringify(await generate(rows, changes, workDir)));
} else if (process.argv[2] === '--measure') {
  const { mode, op, dir, data, burstAtMs } = JSON.parse(process.argv[3]!) as { mode: Mode; op: Op; dir: string; data: Data; burstAtMs: number | null };
  console.log(JSON.stringify(await measure(mode, op, dir, data, burstAtMs)));
} else if (process.argv[2] === '--control') {
  console.log(JSON.stringify(await control(process.argv[3] as 'idle' | 'busy', Number(process.argv[4]))));
} else {
  await main();
}
