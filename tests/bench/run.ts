// `npm run bench`: reproducible benchmarks on generated data. Every figure is a ratio against a baseline
// measured in the same run on the same data, plus peak memory; no absolute timing is asserted anywhere.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ftsQuery } from '../../shared/turkish';
import { PROVINCES } from '../../shared/regions';
import { createAppContext } from '../../electron/app/context';
import { createDispatcher } from '../../electron/app/dispatch';
import { sourceMigrationsDir } from '../../electron/app/paths';
import { getYouthCentre, listDistricts, searchYouthCentres, youthCentresSpec } from '../../db/orgUnits/queries';
import { BENCH_KEY } from './benchKey';
import { openKeyed } from '../../db/cipher';
import { TEST_ADMIN } from '../support/users';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const NAMES = ['Şehit Ömer Halisdemir', 'Yunus Emre', 'Mimar Sinan', 'Işıklar', 'Çamlıca', 'Öğretmenler', 'Ümit', 'Cumhuriyet', 'Barış Manço', 'Nene Hatun', 'İnönü', 'Gazi'];

let peakRss = 0;
const sampleMemory = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};

function timeMs(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function timeMsAsync(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const median = (values: number[]) => percentile(values, 50);
const fmt = (n: number, digits = 2) => n.toFixed(digits);

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kopru-bench-'));
  const migrationsDir = sourceMigrationsDir();
  const lines: string[] = [];
  try {
    // Generate: a province installation's database holding ROWS youth centres written through the change writer.
    let ctx = createAppContext({ dataDir, migrationsDir, appVersion: 'bench', dataKey: BENCH_KEY });
    const invoke = createDispatcher(ctx);
    const setup = await invoke('installation:setup', { admin: TEST_ADMIN, role: 'province', provincePlate: '06' });
    if (!setup.ok) throw new Error(JSON.stringify(setup));
    const genStart = process.hrtime.bigint();
    const db = ctx.db!;
    const districtsByPlate = new Map(PROVINCES.map((p) => [p.plate, listDistricts(db, p.plate)]));
    db.sqlite.transaction(() => {
      for (let i = 0; i < ROWS; i++) {
        const province = PROVINCES[i % PROVINCES.length]!;
        const districts = districtsByPlate.get(province.plate)!;
        const district = districts[i % districts.length]!;
        ctx.writer!.insert(youthCentresSpec, `province:${province.plate}`, {
          province_plate: province.plate,
          district_id: district.id,
          name: `${NAMES[i % NAMES.length]} ${district.name} ${i} Gençlik Merkezi`,
          address: `Atatürk Cad. No:${i % 200} ${district.name}/${province.name}`,
          phone: '+903125551234',
          email: `gm${i}@gsb.gov.tr`,
          hall_capacity: 50 + (i % 300),
          status: i % 13 === 0 ? 'closed' : 'active',
        });
        if (i % 10_000 === 0) sampleMemory();
      }
    })();
    const genSeconds = Number(process.hrtime.bigint() - genStart) / 1e9;
    const changeRows = (db.sqlite.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
    ctx.close();
    lines.push(`Data: ${ROWS.toLocaleString('en')} youth centres, ${changeRows.toLocaleString('en')} change-log rows, generated in ${fmt(genSeconds, 1)} s through the change writer`);

    // (a) Start-up: open + migration check + reference check + first list page, vs bare open + SELECT 1.
    const startup: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < 15; i++) {
      bare.push(
        timeMs(() => {
          const raw = openKeyed(path.join(dataDir, 'kopru.sqlite'), BENCH_KEY);
          raw.prepare('SELECT 1').get();
          raw.close();
        }),
      );
      startup.push(
        timeMs(() => {
          const c = createAppContext({ dataDir, migrationsDir, appVersion: 'bench', dataKey: BENCH_KEY });
          searchYouthCentres(c.db!, { limit: 50, offset: 0 });
          c.close();
        }),
      );
      sampleMemory();
    }
    lines.push(`(a) Start-up (open + migration check + first list page) vs bare open + SELECT 1: median ${fmt(median(startup))} ms vs ${fmt(median(bare))} ms → ratio ${fmt(median(startup) / median(bare), 1)}×`);

    // (b) IPC dispatch overhead: the validated call through the dispatcher vs the direct query function.
    ctx = createAppContext({ dataDir, migrationsDir, appVersion: 'bench', dataKey: BENCH_KEY });
    const call = createDispatcher(ctx);
    const ids = (ctx.db!.sqlite.prepare('SELECT id FROM youth_centres ORDER BY rowid LIMIT 1000').all() as { id: string }[]).map((r) => r.id);
    const direct: number[] = [];
    const dispatched: number[] = [];
    for (let round = 0; round < 5; round++) {
      direct.push(timeMs(() => ids.forEach((id) => getYouthCentre(ctx.db!, id))));
      dispatched.push(await timeMsAsync(async () => {
        for (const id of ids) await call('orgUnits:getYouthCentre', { id });
      }));
    }
    const perDirect = (median(direct) / ids.length) * 1000;
    const perDispatch = (median(dispatched) / ids.length) * 1000;
    lines.push(`(b) Dispatch (sender-free: input parse + role + handler + output parse) vs direct query: ${fmt(perDispatch, 1)} µs vs ${fmt(perDirect, 1)} µs per call → ratio ${fmt(perDispatch / perDirect, 2)}× (+${fmt(perDispatch - perDirect, 1)} µs)`);

    // (c) Turkish search through the channel (fold, count + first page, sorted) vs the raw FTS5 query.
    const queries = ['genclik', 'CANKAYA', 'isiklar', 'şehit ömer', 'yunus emre kadikoy', 'mimar', 'IZMIR', 'ogretmenler', '1234', 'nene hatun'];
    const raw = ctx.db!.sqlite.prepare(
      `SELECT y.* FROM youth_centres_fts JOIN youth_centres y ON y.rowid = youth_centres_fts.rowid
       WHERE youth_centres_fts MATCH ? ORDER BY y.sort_key LIMIT 50`,
    );
    const ours: number[] = [];
    const baseline: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (const q of queries) {
        const match = ftsQuery(q)!;
        baseline.push(timeMs(() => raw.all(match)));
        ours.push(await timeMsAsync(() => call('orgUnits:searchYouthCentres', { query: q, limit: 50 })));
      }
      sampleMemory();
    }
    lines.push(`(c) Search via channel vs raw FTS5 (same first page): p50 ${fmt(percentile(ours, 50))} ms vs ${fmt(percentile(baseline, 50))} ms → ${fmt(percentile(ours, 50) / percentile(baseline, 50), 2)}×; p95 ${fmt(percentile(ours, 95))} ms vs ${fmt(percentile(baseline, 95))} ms → ${fmt(percentile(ours, 95) / percentile(baseline, 95), 2)}×`);
    ctx.close();
    lines.push(`Peak RSS: ${fmt(peakRss / 1024 / 1024, 0)} MiB; Node ${process.versions.node}, SQLite ${(new Database(':memory:').prepare('select sqlite_version() v').get() as { v: string }).v}, ${os.cpus().length} cores`);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(lines.join('\n'));
}

await main();
