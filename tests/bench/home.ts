// Home page benchmark (home:today, issue #17) at national scale: a ministry holding 100,000 associations of 81
// provinces with their visa applications, 810 youth centres with ten years of meetings and their decisions,
// follow-ups, open conflicts and 81 enrolled provinces. Ratios against baselines measured in the same run on
// the same data: (1) the plainest single COUNT a developer would write first (associations awaiting approval),
// (2) the existing channels a screen would have to call to show the same figures. Both for the ministry and
// for one province's view of the same database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROVINCES } from '../../shared/regions';
import { termOf } from '../../shared/meetings/terms';
import { turkishSortKey } from '../../shared/turkish';
import { uuidv7 } from '../../shared/ids';
import { createAppContext } from '../../electron/app/context';
import { createDispatcher, type Invoke } from '../../electron/app/dispatch';
import { sourceMigrationsDir } from '../../electron/app/paths';
import { listDistricts } from '../../db/orgUnits/queries';
import { BENCH_KEY } from './benchKey';
import { TEST_ADMIN } from '../support/users';
import { unitOn } from '../support/units';

const ASSOCIATIONS = Number(process.env.BENCH_HOME_ASSOCIATIONS ?? 100_000);
const CENTRES_PER_PROVINCE = 10;
const YEARS = 10;
const ROUNDS = 30;

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
const p95 = (v: number[]) => [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor(0.95 * v.length))]!;
const f = (n: number, d = 2) => n.toFixed(d);
let peak = 0;
const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kopru-bench-home-'));
try {
  const ctx = createAppContext({ dataDir, migrationsDir: sourceMigrationsDir(), appVersion: 'bench', dataKey: BENCH_KEY });
  const invoke = createDispatcher(ctx);
  const setup = await invoke('installation:setup', { admin: TEST_ADMIN, role: 'ministry' });
  if (!setup.ok) throw new Error(JSON.stringify(setup));
  const db = ctx.db!;
  const today = ctx.today();
  const thisYear = Number(today.slice(0, 4));
  const stamp = new Date().toISOString();
  let seed = 17;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

  // Data is written with plain SQL, as rows received from the provinces would stand (home:today only reads).
  let start = process.hrtime.bigint();
  const districts = new Map(PROVINCES.map((p) => [p.plate, listDistricts(db, p.plate)]));
  const insertAssociation = db.sqlite.prepare(
    `INSERT INTO associations (id, owner_unit, created_at, updated_at, name, club_type, province_plate, district_id, status, registered_on, activity_areas, sort_key, search_text)
     VALUES (?, ?, ?, ?, ?, 'GENCLIK_KULUBU', ?, ?, ?, ?, '[]', ?, ?)`,
  );
  const insertVisa = db.sqlite.prepare(
    `INSERT INTO visa_applications (id, owner_unit, created_at, updated_at, association_id, year, state, applied_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertCentre = db.sqlite.prepare(
    `INSERT INTO youth_centres (id, owner_unit, province_plate, district_id, name, status, created_at, updated_at, sort_key, search_text) VALUES (?, ?, ?, ?, ?, 'active', ?, ?, ?, ?)`,
  );
  const insertMeeting = db.sqlite.prepare(
    `INSERT INTO meetings (id, owner_unit, created_at, updated_at, youth_centre_id, province_plate, date, start_time, end_time, hall, state, term_year, term_no)
     VALUES (?, ?, ?, ?, ?, ?, ?, '14:00', '16:00', 'Salon', ?, ?, ?)`,
  );
  const insertDecision = db.sqlite.prepare(
    `INSERT INTO meeting_decisions (id, owner_unit, created_at, updated_at, meeting_id, youth_centre_id, number, text, due_on, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const counts = { associations: 0, visas: 0, meetings: 0, decisions: 0, interactions: 0 };
  db.sqlite.transaction(() => {
    for (let i = 0; i < ASSOCIATIONS; i++) {
      const p = PROVINCES[i % 81]!;
      const ds = districts.get(p.plate)!;
      const roll = i % 100;
      const status = roll < 65 ? 'TESCILLI' : roll < 70 ? 'ASKIDA' : roll < 78 ? 'BASVURU_ALINDI' : roll < 83 ? 'EKSIK_EVRAK' : roll < 88 ? 'ONAYDA' : roll < 93 ? 'TASLAK' : 'TESCIL_IPTAL';
      const registered = status === 'TESCILLI' || status === 'ASKIDA' || status === 'TESCIL_IPTAL';
      const id = uuidv7();
      const name = `${ds[i % ds.length]!.name} ${i} Gençlik Kulübü Derneği`;
      insertAssociation.run(id, `province:${p.plate}`, stamp, stamp, name, p.plate, ds[i % ds.length]!.id, status, registered ? `${2015 + (i % 11)}-03-15` : null, turkishSortKey(name), name);
      counts.associations++;
      if (!registered) continue;
      // Last year's visa for two in three; this year's applications in every state.
      if (i % 3 !== 0) {
        insertVisa.run(uuidv7(), `province:${p.plate}`, stamp, stamp, id, thisYear - 1, 'ONAY', `${thisYear - 1}-02-01`);
        counts.visas++;
      }
      const state = (['BASVURU', 'INCELEME', 'ONAY', 'EKSIK', null, null] as const)[i % 6];
      if (state) {
        insertVisa.run(uuidv7(), `province:${p.plate}`, stamp, stamp, id, thisYear, state, `${thisYear}-02-01`);
        counts.visas++;
      }
      if (i % 10_000 === 0) sample();
    }
    for (const p of PROVINCES) {
      const ds = districts.get(p.plate)!;
      for (let c = 0; c < CENTRES_PER_PROVINCE; c++) {
        const centre = uuidv7();
        const name = `${ds[c % ds.length]!.name} ${c} Gençlik Merkezi`;
        insertCentre.run(centre, `province:${p.plate}`, p.plate, ds[c % ds.length]!.id, name, stamp, stamp, turkishSortKey(name), name);
        for (let year = thisYear - YEARS + 1; year <= thisYear; year++) {
          for (const month of [2, 6, 10]) {
            const date = `${year}-${String(month).padStart(2, '0')}-${String(1 + Math.floor(random() * 27)).padStart(2, '0')}`;
            if (date > today && random() < 0.5) continue;
            const roll = random();
            if (roll < 0.1) continue;
            const state = date > today ? 'PLANLANDI' : roll < 0.9 ? 'YAPILDI' : 'DAVET_GONDERILDI';
            const term = termOf(date);
            const meeting = uuidv7();
            insertMeeting.run(meeting, `province:${p.plate}`, stamp, stamp, centre, p.plate, date, state, term.year, term.no);
            counts.meetings++;
            if (state !== 'YAPILDI') continue;
            // Three decisions a held meeting; those of the last two years still open, some past their date.
            for (let n = 1; n <= 3; n++) {
              const open = year >= thisYear - 1;
              insertDecision.run(uuidv7(), `province:${p.plate}`, stamp, stamp, meeting, centre, n, `Karar ${n}`, `${year}-12-0${n}`, open ? (n === 2 ? 'DEVAM' : 'ACIK') : 'TAMAMLANDI');
              counts.decisions++;
            }
          }
        }
      }
    }
    // The ministry's directory and its follow-ups, open conflicts, the 81 enrolled provinces and their files.
    const insertOrg = db.sqlite.prepare(
      `INSERT INTO organisations (id, owner_unit, created_at, updated_at, kind, name, province_plate, activity_areas, youth_focus, sort_key, search_text) VALUES (?, 'ministry', ?, ?, 'STK', ?, ?, '[]', 1, ?, ?)`,
    );
    const insertInteraction = db.sqlite.prepare(
      `INSERT INTO interactions (id, owner_unit, created_at, updated_at, organisation_id, kind, on_date, subject, follow_up, follow_up_due, follow_up_done_on) VALUES (?, ?, ?, ?, ?, 'TELEFON', ?, 'Görüşme', ?, ?, ?)`,
    );
    for (let o = 0; o < 2_000; o++) {
      const org = uuidv7();
      const name = `Ulusal ${o} Gençlik Federasyonu`;
      insertOrg.run(org, stamp, stamp, name, PROVINCES[o % 81]!.plate, turkishSortKey(name), name);
      for (let k = 0; k < 5; k++) {
        const owner = k < 3 ? 'ministry' : `province:${PROVINCES[o % 81]!.plate}`;
        insertInteraction.run(uuidv7(), owner, stamp, stamp, org, `${thisYear}-0${1 + k}-10`, 'Geri dönüş yapılacak', `${thisYear}-${String(1 + ((o + k) % 12)).padStart(2, '0')}-15`, k === 0 ? `${thisYear}-06-01` : null);
        counts.interactions++;
      }
    }
    const insertConflict = db.sqlite.prepare(
      `INSERT INTO sync_conflicts (table_name, row_id, column_name, local_value, local_hlc, local_origin, remote_value, remote_hlc, remote_origin, detected_at) VALUES ('organisations', ?, 'name', '"a"', 'h1', 'n1', '"b"', 'h2', 'n2', ?)`,
    );
    const someOrgs = db.sqlite.prepare('SELECT id FROM organisations LIMIT 50').all() as { id: string }[];
    for (const o of someOrgs) insertConflict.run(o.id, stamp);
    const insertPeer = db.sqlite.prepare(
      `INSERT INTO sync_peers (node_id, unit_id, role, unit_name, sign_public_key, box_public_key, fingerprint, enrolled_at, acked_vector, last_received_at, exports_written)
       VALUES (?, ?, 'province', ?, 'k', 'k', 'F', ?, '{}', ?, 1)`,
    );
    const insertLedger = db.sqlite.prepare(
      `INSERT INTO sync_ledger (direction, peer_node, file_name, file_sha256, at, outcome, summary, export_no) VALUES ('export', ?, ?, 'sha', ?, 'ok', '{}', 1)`,
    );
    for (const [k, p] of PROVINCES.entries()) {
      const node = `bench${String(k).padStart(11, '0')}`;
      const long = new Date(Date.now() - (k % 30) * 86_400_000).toISOString();
      insertPeer.run(node, `province:${p.plate}`, `${p.name} Gençlik ve Spor İl Müdürlüğü`, long, long);
      insertLedger.run(node, `bakanlik-${p.plate}.kopru`, long);
    }
  })();
  db.sqlite.exec('ANALYZE');
  sample();
  console.log(
    `Data: ${counts.associations.toLocaleString('en')} associations, ${counts.visas.toLocaleString('en')} visa applications, ${81 * CENTRES_PER_PROVINCE} youth centres, ` +
      `${counts.meetings.toLocaleString('en')} meetings, ${counts.decisions.toLocaleString('en')} decisions, ${counts.interactions.toLocaleString('en')} interactions, 81 peers; written in ${f(ms(start) / 1000, 1)} s`,
  );

  const must = async (call: ReturnType<Invoke>) => {
    const envelope = await call;
    if (!envelope.ok) throw new Error(JSON.stringify(envelope.error));
    return envelope.value;
  };
  const raw = db.sqlite.prepare(`SELECT count(*) AS n FROM associations WHERE status = 'ONAYDA' AND deleted_at IS NULL`);

  async function measure(label: string, call: Invoke, screens: () => Promise<unknown>) {
    const ours: number[] = [];
    const single: number[] = [];
    const existing: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      start = process.hrtime.bigint();
      await must(call('home:today', {}));
      ours.push(ms(start));
      start = process.hrtime.bigint();
      raw.get();
      single.push(ms(start));
      start = process.hrtime.bigint();
      await screens();
      existing.push(ms(start));
      sample();
    }
    console.log(
      `${label}: home:today p50 ${f(median(ours))} ms (p95 ${f(p95(ours))}); one raw COUNT p50 ${f(median(single))} ms → ${f(median(ours) / median(single), 1)}×; ` +
        `the existing channels for the same figures p50 ${f(median(existing))} ms → ${f(median(ours) / median(existing))}×`,
    );
  }

  // The ministry: approvals, national lines (board, decisions, applications under review), its follow-ups, conflicts, custody.
  await measure('Ministry', invoke, async () => {
    await must(invoke('registry:search', { statuses: ['ONAYDA'], limit: 1 }));
    await must(invoke('registry:search', { statuses: ['BASVURU_ALINDI', 'EKSIK_EVRAK'], limit: 1 }));
    await must(invoke('meetings:board', { year: thisYear }));
    await must(invoke('meetings:openDecisions', {}));
    await must(invoke('directory:followUps', {}));
    await must(invoke('sync:conflicts', {}));
    await must(invoke('sync:custody', {}));
  });

  // One province's view of the same database (its ~1,235 associations, 10 centres): registry, visa, planner lines.
  const istanbul = unitOn(ctx, 'province', '34', 'İstanbul Gençlik ve Spor İl Müdürlüğü');
  await measure('Province (34)', istanbul.invoke, async () => {
    for (const statuses of [['BASVURU_ALINDI'], ['EKSIK_EVRAK']] as const) await must(istanbul.invoke('registry:search', { statuses, provincePlate: '34', limit: 1 }));
    await must(istanbul.invoke('registry:visaDashboard', {}));
    await must(istanbul.invoke('meetings:planner', { year: thisYear }));
    await must(istanbul.invoke('meetings:openDecisions', {}));
    await must(istanbul.invoke('directory:followUps', {}));
    await must(istanbul.invoke('sync:conflicts', {}));
  });
  console.log(`Peak RSS ${f(peak / 1048576, 0)} MiB`);
  ctx.close();
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
