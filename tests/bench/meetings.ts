// Meetings benchmark: the ministry board (meetings:board, through the dispatcher) over 81 provinces × all their
// youth centres × 10 years of meetings, as a ratio to the raw SQL aggregate a developer would write first
// (held meetings per province and term), measured in the same run on the same data.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROVINCES } from '../../shared/regions';
import { termOf } from '../../shared/meetings/terms';
import { turkishSortKey } from '../../shared/turkish';
import { uuidv7 } from '../../shared/ids';
import { createAppContext } from '../../electron/app/context';
import { createDispatcher } from '../../electron/app/dispatch';
import { sourceMigrationsDir } from '../../electron/app/paths';
import { listDistricts } from '../../db/orgUnits/queries';
import { BENCH_KEY } from './benchKey';
import { TEST_ADMIN } from '../support/users';

const CENTRES_PER_PROVINCE = Number(process.env.BENCH_CENTRES_PER_PROVINCE ?? 10);
const YEARS = Number(process.env.BENCH_MEETING_YEARS ?? 10);
const ROUNDS = 30;

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
const f = (n: number, d = 2) => n.toFixed(d);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kopru-bench-meetings-'));
try {
  const ctx = createAppContext({ dataDir, migrationsDir: sourceMigrationsDir(), appVersion: 'bench', dataKey: BENCH_KEY });
  const invoke = createDispatcher(ctx);
  const setup = await invoke('installation:setup', { admin: TEST_ADMIN, role: 'ministry' });
  if (!setup.ok) throw new Error(JSON.stringify(setup));
  const db = ctx.db!;
  const lastYear = Number(ctx.today().slice(0, 4));
  const firstYear = lastYear - YEARS + 1;
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

  // Data is written with plain SQL (the board only reads): centres, and per centre and term one meeting, held
  // four times in five, planned or missing otherwise.
  let start = process.hrtime.bigint();
  const stamp = new Date().toISOString();
  const centre = db.sqlite.prepare(
    `INSERT INTO youth_centres (id, owner_unit, province_plate, district_id, name, status, created_at, updated_at, sort_key, search_text)
     VALUES (?, ?, ?, ?, ?, 'active', ?, ?, ?, ?)`,
  );
  const meeting = db.sqlite.prepare(
    `INSERT INTO meetings (id, owner_unit, created_at, updated_at, youth_centre_id, province_plate, date, start_time, end_time, hall, state, term_year, term_no)
     VALUES (?, ?, ?, ?, ?, ?, ?, '14:00', '16:00', 'Salon', ?, ?, ?)`,
  );
  let meetings = 0;
  db.sqlite.transaction(() => {
    for (const p of PROVINCES) {
      const districts = listDistricts(db, p.plate);
      for (let c = 0; c < CENTRES_PER_PROVINCE; c++) {
        const id = uuidv7();
        const name = `${districts[c % districts.length]!.name} ${c} Gençlik Merkezi`;
        centre.run(id, `province:${p.plate}`, p.plate, districts[c % districts.length]!.id, name, stamp, stamp, turkishSortKey(name), name);
        for (let year = firstYear; year <= lastYear; year++) {
          for (const month of [2, 6, 10]) {
            const date = `${year}-${String(month).padStart(2, '0')}-${String(1 + Math.floor(random() * 27)).padStart(2, '0')}`;
            if (date > ctx.today() && random() < 0.5) continue;
            const roll = random();
            if (roll < 0.1) continue;
            const state = date > ctx.today() ? 'PLANLANDI' : roll < 0.9 ? 'YAPILDI' : 'DAVET_GONDERILDI';
            const term = termOf(date);
            meeting.run(uuidv7(), `province:${p.plate}`, stamp, stamp, id, p.plate, date, state, term.year, term.no);
            meetings++;
          }
        }
      }
    }
  })();
  db.sqlite.exec('ANALYZE');
  const centres = 81 * CENTRES_PER_PROVINCE;
  console.log(`Data: ${centres} youth centres in 81 provinces, ${meetings.toLocaleString('en')} meetings over ${YEARS} years (${firstYear}–${lastYear}), written in ${f(ms(start) / 1000, 1)} s`);

  // Baseline: held meetings per province and term of a year, the plainest aggregate over the same rows.
  const raw = db.sqlite.prepare(
    `SELECT province_plate, term_no, count(DISTINCT youth_centre_id) AS held FROM meetings
     WHERE term_year = ? AND state = 'YAPILDI' AND deleted_at IS NULL GROUP BY province_plate, term_no`,
  );
  const ours: number[] = [];
  const base: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const year = firstYear + (round % YEARS);
    start = process.hrtime.bigint();
    const board = await invoke('meetings:board', { year });
    ours.push(ms(start));
    if (!board.ok) throw new Error(JSON.stringify(board));
    start = process.hrtime.bigint();
    raw.all(year);
    base.push(ms(start));
  }
  console.log(`meetings:board p50 ${f(median(ours))} ms vs raw aggregate p50 ${f(median(base))} ms: ratio ${f(median(ours) / median(base))} (the board also derives overdue centres per term and totals, and validates through the dispatcher)`);
  ctx.close();
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
