// Registry benchmark: 100,000 associations and 300,000 people. Ratios against baselines measured in the
// same run on the same data: our search vs the raw FTS5 query, our list page vs the raw SQL query; and a
// 10,000-row spreadsheet import (time and peak memory).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { PROVINCES } from '../../shared/regions';
import { ftsQuery } from '../../shared/turkish';
import { createAppContext } from '../../electron/app/context';
import { createDispatcher } from '../../electron/app/dispatch';
import { sourceMigrationsDir } from '../../electron/app/paths';
import { listDistricts } from '../../db/orgUnits/queries';
import { associationPeopleSpec, associationsSpec } from '../../db/registry/specs';
import { BENCH_KEY } from './benchKey';
import { TEST_ADMIN } from '../support/users';

const ROWS = Number(process.env.BENCH_ASSOCIATIONS ?? 100_000);
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);
const THEMES = ['Doğa Sporları', 'Kültür ve Sanat', 'İzcilik', 'Gönüllülük', 'Bilim', 'Satranç', 'Dağcılık', 'Halk Oyunları', 'Münazara', 'Çevre'];
const FIRST = ['Ayşe', 'Mehmet', 'Zeynep', 'Mustafa', 'Elif', 'Ahmet', 'Şule', 'İbrahim', 'Gülşen', 'Ömer'];
const LAST = ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Öztürk', 'Aydın', 'Işık', 'Güneş'];

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const pct = (v: number[], p: number) => [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor((p / 100) * v.length))]!;
const f = (n: number, d = 2) => n.toFixed(d);
let peak = 0;
const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kopru-bench-registry-'));
const lines: string[] = [];
try {
  const ctx = createAppContext({ dataDir, migrationsDir: sourceMigrationsDir(), appVersion: 'bench', dataKey: BENCH_KEY });
  const invoke = createDispatcher(ctx);
  const setup = await invoke('installation:setup', { admin: TEST_ADMIN, role: 'province', provincePlate: '06' });
  if (!setup.ok) throw new Error(JSON.stringify(setup));
  // Generating the data set takes longer than the session's idle minutes: the bench's session never locks.
  const idle = await invoke('users:setIdleMinutes', { minutes: 0 });
  if (!idle.ok) throw new Error(JSON.stringify(idle));
  const db = ctx.db!;
  const districts = new Map(PROVINCES.map((p) => [p.plate, listDistricts(db, p.plate)]));
  let start = process.hrtime.bigint();
  db.sqlite.transaction(() => {
    for (let i = 0; i < ROWS; i++) {
      const p = PROVINCES[i % 81]!;
      const d = districts.get(p.plate)![i % districts.get(p.plate)!.length]!;
      const a = ctx.writer!.insert(associationsSpec, `province:${p.plate}`, {
        province_plate: p.plate, district_id: d.id, name: `${d.name} ${THEMES[i % 10]} ${i} Gençlik Kulübü Derneği`, club_type: i % 2 ? 'GENCLIK_KULUBU' : 'GENCLIK_VE_SPOR_KULUBU',
        kutuk_no: `${p.plate}-${String(i % 1000).padStart(3, '0')}-${String(Math.floor(i / 1000) % 1000).padStart(3, '0')}`, activity_areas: '["SPOR"]', member_count: i % 300,
      });
      for (let k = 0; k < 3; k++) {
        ctx.writer!.insert(associationPeopleSpec, `province:${p.plate}`, { association_id: a.id, kind: 'YONETIM', membership: 'ASIL', full_name: `${FIRST[(i + k) % 10]} ${LAST[(i * 7 + k) % 10]}` });
      }
      if (i % 10_000 === 0) sample();
    }
  })();
  const people = (db.sqlite.prepare('SELECT count(*) AS n FROM association_people').get() as { n: number }).n;
  lines.push(`Data: ${ROWS.toLocaleString('en')} associations, ${people.toLocaleString('en')} people, generated in ${f(ms(start) / 1000, 1)} s through the change writer`);

  // Search: channel (fold, FTS, count, visa status, page) vs the raw FTS5 query returning the same first page.
  const queries = ['genclik', 'cankaya dogа', 'ayse yilmaz', 'IZMIR izcilik', '06-123', 'satranc', 'omer isik', 'kadikoy', '35', 'munazara'];
  const raw = db.sqlite.prepare(`SELECT a.* FROM associations_fts JOIN associations a ON a.rowid = associations_fts.rowid WHERE associations_fts MATCH ? ORDER BY a.sort_key LIMIT 50`);
  const ours: number[] = [];
  const base: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const q of queries) {
      const m = ftsQuery(q)!;
      start = process.hrtime.bigint();
      raw.all(m);
      base.push(ms(start));
      start = process.hrtime.bigint();
      const r = await invoke('registry:search', { query: q, limit: 50 });
      ours.push(ms(start));
      if (!r.ok) throw new Error(JSON.stringify(r));
    }
    sample();
  }
  lines.push(`Search via channel vs raw FTS5 (first 50, sorted): p50 ${f(pct(ours, 50))} ms vs ${f(pct(base, 50))} ms → ${f(pct(ours, 50) / pct(base, 50))}×; p95 ${f(pct(ours, 95))} ms vs ${f(pct(base, 95))} ms → ${f(pct(ours, 95) / pct(base, 95))}×`);

  // List page: first 50, sorted, filtered by province and club type, vs the raw SQL for the same page.
  const rawList = db.sqlite.prepare(`SELECT a.* FROM associations a WHERE a.deleted_at IS NULL AND a.province_plate = ? AND a.club_type = ? ORDER BY a.sort_key LIMIT 50`);
  const listOurs: number[] = [];
  const listBase: number[] = [];
  for (let i = 0; i < 30; i++) {
    const plate = PROVINCES[i % 81]!.plate;
    start = process.hrtime.bigint();
    rawList.all(plate, 'GENCLIK_KULUBU');
    listBase.push(ms(start));
    start = process.hrtime.bigint();
    await invoke('registry:search', { provincePlate: plate, clubType: 'GENCLIK_KULUBU', limit: 50 });
    listOurs.push(ms(start));
  }
  lines.push(`List page (province + club type, first 50) via channel vs raw SQL page: p50 ${f(pct(listOurs, 50))} ms vs ${f(pct(listBase, 50))} ms → ${f(pct(listOurs, 50) / pct(listBase, 50))}× (the channel also counts the total)`);

  // The status chips, asked once per change of the search (registry:statusCounts), vs the raw FTS5 query.
  const countsOurs: number[] = [];
  const countsBase: number[] = [];
  for (const q of queries) {
    start = process.hrtime.bigint();
    raw.all(ftsQuery(q)!);
    countsBase.push(ms(start));
    start = process.hrtime.bigint();
    await invoke('registry:statusCounts', { query: q });
    countsOurs.push(ms(start));
  }
  lines.push(`Status chips for a search (registry:statusCounts, once per search change) vs raw FTS5 first page: p50 ${f(pct(countsOurs, 50))} ms vs ${f(pct(countsBase, 50))} ms → ${f(pct(countsOurs, 50) / pct(countsBase, 50))}×`);

  // A list sorted by another column (the ministry's list by province), vs the raw SQL for the same page.
  const rawSorted = db.sqlite.prepare(`SELECT a.* FROM associations a JOIN provinces p ON p.plate = a.province_plate WHERE a.deleted_at IS NULL ORDER BY p.sort_key, a.sort_key LIMIT 50 OFFSET ?`);
  const sortOurs: number[] = [];
  const sortBase: number[] = [];
  for (let i = 0; i < 10; i++) {
    start = process.hrtime.bigint();
    rawSorted.all(i * 5000);
    sortBase.push(ms(start));
    start = process.hrtime.bigint();
    await invoke('registry:search', { sort: 'province', limit: 50, offset: i * 5000 });
    sortOurs.push(ms(start));
  }
  lines.push(`List sorted by province (a page anywhere in 100,000) via channel vs raw SQL page: p50 ${f(pct(sortOurs, 50))} ms vs ${f(pct(sortBase, 50))} ms → ${f(pct(sortOurs, 50) / pct(sortBase, 50))}×`);

  // Import of a 10,000-row spreadsheet (xlsx), preview + apply.
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sicil');
  sheet.addRow(['Dernek Adı', 'İlçe', 'Kulüp Türü', 'Kütük No', 'Telefon', 'Üye Sayısı', 'Kuruluş Tarihi']);
  const ankara = listDistricts(db, '06');
  for (let i = 0; i < IMPORT_ROWS; i++) {
    sheet.addRow([`${ankara[i % ankara.length]!.name} İçe Aktarılan ${i} Gençlik Kulübü`, ankara[i % ankara.length]!.name, i % 3 ? 'Gençlik Kulübü' : 'Gençlik ve Spor Kulübü', `06-9${String(i % 100).padStart(2, '0')}-${String(Math.floor(i / 100)).padStart(3, '0')}`, '0312 555 12 34', 20 + (i % 50), '01.02.2020']);
  }
  const content = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
  // maxRSS is the process's lifetime peak (KiB), so it also sees the synchronous parts of the import.
  const rssBefore = process.memoryUsage().rss;
  const maxBefore = process.resourceUsage().maxRSS * 1024;
  start = process.hrtime.bigint();
  const preview = await invoke('registry:importPreview', { fileName: 'sicil.xlsx', contentBase64: content });
  const previewMs = ms(start);
  start = process.hrtime.bigint();
  const applied = await invoke('registry:importApply', { fileName: 'sicil.xlsx', contentBase64: content });
  const applyMs = ms(start);
  const maxAfter = process.resourceUsage().maxRSS * 1024;
  if (!preview.ok || !applied.ok) throw new Error(JSON.stringify(preview.ok ? applied : preview).slice(0, 500));
  const totals = (applied.value as { totals: Record<string, number> }).totals;
  lines.push(`Import ${IMPORT_ROWS.toLocaleString('en')} xlsx rows into ${ROWS.toLocaleString('en')}: preview ${f(previewMs / 1000)} s, apply ${f(applyMs / 1000)} s (${totals.new} new, ${totals.invalid} invalid); process peak RSS ${f(maxAfter / 1048576, 0)} MiB (before the import: ${f(maxBefore / 1048576, 0)} MiB peak, ${f(rssBefore / 1048576, 0)} MiB current)`);
  ctx.close();
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
console.log(lines.join('\n'));
