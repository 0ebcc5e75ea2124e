import { asc, eq, sql } from 'drizzle-orm';
import type { SearchYouthCentresInput, YouthCentre } from '../../shared/contract/orgUnits';
import { foldTurkish, ftsQuery, turkishSortKey } from '../../shared/turkish';
import type { DeriveEnv, SyncedTableSpec } from '../changeLog/writer';
import type { OpenDatabase } from '../open';
import { districts, provinces } from './schema';

export const youthCentresSpec: SyncedTableSpec = {
  name: 'youth_centres',
  columns: ['province_plate', 'district_id', 'name', 'address', 'phone', 'email', 'hall_capacity', 'status'],
  derive: (row, env) => ({
    sort_key: turkishSortKey(String(row.name ?? '')),
    // The province last: migration 0017 appended it to the rows written before (searching "istanbul").
    search_text: foldTurkish(
      [row.name, String(row.district_id ?? '').replace(/^\d\d-/, ''), row.address, row.email, provinceName(env, row.province_plate)].filter(Boolean).join(' '),
    ),
  }),
};

function provinceName(env: Pick<DeriveEnv, 'stmt'>, plate: unknown): string | undefined {
  return (env.stmt('SELECT name FROM provinces WHERE plate = ?').get(plate) as { name: string } | undefined)?.name;
}

export function listProvinces(db: OpenDatabase, query?: string) {
  const folded = query ? foldTurkish(query) : '';
  const rows = db.orm
    .select({
      plate: provinces.plate,
      name: provinces.name,
      region: provinces.region,
      districtCount: provinces.districtCount,
      youthCentreCount: sql<number>`(SELECT count(*) FROM youth_centres y WHERE y.province_plate = ${provinces.plate} AND y.deleted_at IS NULL)`,
    })
    .from(provinces)
    .where(folded ? sql`(' ' || ${provinces.searchText}) LIKE ${`% ${folded.replace(/[%_]/g, '')}%`}` : undefined)
    .orderBy(asc(provinces.sortKey))
    .all();
  return rows as Array<(typeof rows)[number] & { region: YouthCentre['provinceName'] }>;
}

export function listDistricts(db: OpenDatabase, plate: string) {
  return db.orm
    .select({ id: districts.id, plate: districts.plate, name: districts.name })
    .from(districts)
    .where(eq(districts.plate, plate))
    .orderBy(asc(districts.sortKey))
    .all();
}

export function districtById(db: OpenDatabase, id: string) {
  return db.orm.select().from(districts).where(eq(districts.id, id)).get();
}

const SELECT_CENTRE = `
  SELECT y.id, y.owner_unit AS ownerUnit, y.province_plate AS provincePlate, p.name AS provinceName,
         y.district_id AS districtId, d.name AS districtName, y.name, y.address, y.phone, y.email,
         y.hall_capacity AS hallCapacity, y.status, y.created_at AS createdAt, y.updated_at AS updatedAt,
         y.deleted_at AS retiredAt
  FROM youth_centres y
  JOIN provinces p ON p.plate = y.province_plate
  JOIN districts d ON d.id = y.district_id`;

export function getYouthCentre(db: OpenDatabase, id: string): YouthCentre | undefined {
  return db.stmt(`${SELECT_CENTRE} WHERE y.id = ?`).get(id) as YouthCentre | undefined;
}

/**
 * Turkish-insensitive search with filters, sorted by the Turkish sort key and paged, all in SQL.
 * With a text query the FTS5 index narrows the rows first; without one the sort index drives the scan.
 */
function youthCentresWhere(input: SearchYouthCentresInput): { clause: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const match = input.query ? ftsQuery(input.query) : null;
  if (match) {
    where.push('y.rowid IN (SELECT rowid FROM youth_centres_fts WHERE youth_centres_fts MATCH ?)');
    params.push(match);
  }
  if (!input.includeRetired) where.push('y.deleted_at IS NULL');
  if (input.provincePlate) {
    where.push('y.province_plate = ?');
    params.push(input.provincePlate);
  }
  if (input.districtId) {
    where.push('y.district_id = ?');
    params.push(input.districtId);
  }
  if (input.status) {
    where.push('y.status = ?');
    params.push(input.status);
  }
  return { clause: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

export function searchYouthCentres(db: OpenDatabase, input: Required<Pick<SearchYouthCentresInput, 'limit' | 'offset'>> & SearchYouthCentresInput) {
  const { clause, params } = youthCentresWhere(input);
  const total = (db.stmt(`SELECT count(*) AS n FROM youth_centres y ${clause}`).get(...params) as { n: number }).n;
  const items = db
    .stmt(`${SELECT_CENTRE} ${clause} ORDER BY y.sort_key LIMIT ? OFFSET ?`)
    .all(...params, input.limit, input.offset) as YouthCentre[];
  return { total, items };
}

/** Every youth centre the same filters find, in the list's Turkish order (for the Excel export). */
export function* iterateYouthCentres(db: OpenDatabase, input: SearchYouthCentresInput): Generator<YouthCentre> {
  const { clause, params } = youthCentresWhere(input);
  for (const row of db.sqlite.prepare(`${SELECT_CENTRE} ${clause} ORDER BY y.sort_key`).iterate(...params)) yield row as YouthCentre;
}
