import type { AssociationSort, AssociationSummary, SearchAssociationsInput } from '../../shared/contract/registry';
import { REGISTRATION_STATES } from '../../shared/registry/registration';
import { DEFAULT_REGISTRY_POLICY, type RegistryPolicy } from '../../shared/registry/policy';
import { ftsQuery } from '../../shared/turkish';
import type { OpenDatabase } from '../open';
import { visaSql } from './visaSql';

export const POLICY_ID = 'registryPolicy';

export function readPolicy(db: OpenDatabase): { policy: RegistryPolicy; updatedAt: string | null } {
  const row = db.stmt('SELECT value, updated_at AS updatedAt FROM reference_data WHERE id = ? AND deleted_at IS NULL').get(POLICY_ID) as
    | { value: string; updatedAt: string }
    | undefined;
  if (!row) return { policy: DEFAULT_REGISTRY_POLICY, updatedAt: null };
  const stored = JSON.parse(row.value) as Partial<RegistryPolicy>;
  // A policy saved by an older version has no plausibility settings, or only some: the defaults fill them in.
  const plausibility = { ...DEFAULT_REGISTRY_POLICY.plausibility, ...stored.plausibility };
  return { policy: { ...DEFAULT_REGISTRY_POLICY, ...stored, plausibility }, updatedAt: row.updatedAt };
}

type SearchParams = Required<Pick<SearchAssociationsInput, 'limit' | 'offset'>> & SearchAssociationsInput;

const SUMMARY_COLUMNS = `a.id, a.owner_unit AS ownerUnit, a.name, a.short_name AS shortName, a.club_type AS clubType,
  a.kutuk_no AS kutukNo, a.vkn, a.registration_no AS registrationNo, a.registered_on AS registeredOn, a.status,
  a.province_plate AS provincePlate, p.name AS provinceName, a.district_id AS districtId, d.name AS districtName,
  a.activity_areas AS activityAreas, a.member_count AS memberCount, a.updated_at AS updatedAt`;

const FROM = `FROM associations a JOIN provinces p ON p.plate = a.province_plate JOIN districts d ON d.id = a.district_id`;

interface SummaryRow extends Omit<AssociationSummary, 'activityAreas'> {
  activityAreas: string;
}

function toSummary(row: SummaryRow): AssociationSummary {
  return { ...row, activityAreas: JSON.parse(row.activityAreas) as string[] };
}

/** Filters shared by the list, the status counts and the Excel export. */
function whereClause(input: SearchAssociationsInput, withStatus: boolean, visa: ReturnType<typeof visaSql>) {
  const where = ['a.deleted_at IS NULL'];
  const params: Record<string, unknown> = { ...visa.params };
  const match = input.query ? ftsQuery(input.query) : null;
  if (match) {
    where.push('a.rowid IN (SELECT rowid FROM associations_fts WHERE associations_fts MATCH @match)');
    params.match = match;
  }
  if (withStatus && input.statuses?.length) {
    where.push(`a.status IN (${input.statuses.map((_, i) => `@status${i}`).join(', ')})`);
    input.statuses.forEach((s, i) => (params[`status${i}`] = s));
  }
  if (input.clubType) {
    where.push('a.club_type = @clubType');
    params.clubType = input.clubType;
  }
  if (input.provincePlate) {
    where.push('a.province_plate = @provincePlate');
    params.provincePlate = input.provincePlate;
  }
  if (input.districtId) {
    where.push('a.district_id = @districtId');
    params.districtId = input.districtId;
  }
  if (input.activityArea) {
    where.push('EXISTS (SELECT 1 FROM json_each(a.activity_areas) WHERE value = @activityArea)');
    params.activityArea = input.activityArea;
  }
  if (input.visaStatus) {
    where.push(`(${visa.status}) = @visaStatusFilter`);
    params.visaStatusFilter = input.visaStatus;
  }
  // Nothing but the text: the index's own count is the number of matches (see searchAssociations).
  return { sql: where.join(' AND '), params, textOnly: match !== null && where.length === 2 };
}

/** ORDER BY for each sortable column: the column, then the name, then the id (a stable order for paging). */
const STATUS_ORDER = `CASE a.status ${REGISTRATION_STATES.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} ELSE ${REGISTRATION_STATES.length} END`;
const SORT_SQL: Record<AssociationSort, { column: string; joins: string }> = {
  name: { column: 'a.sort_key', joins: '' },
  province: { column: 'p.sort_key', joins: 'JOIN provinces p ON p.plate = a.province_plate' },
  district: { column: 'd.sort_key', joins: 'JOIN districts d ON d.id = a.district_id' },
  status: { column: STATUS_ORDER, joins: '' },
  registeredOn: { column: 'a.registered_on', joins: '' },
  registrationNo: { column: 'a.registration_no', joins: '' },
  kutukNo: { column: 'a.kutuk_no', joins: '' },
};

function orderBy(input: Pick<SearchAssociationsInput, 'sort' | 'direction'>): { sql: string; joins: string } {
  const sort = SORT_SQL[input.sort ?? 'name'];
  const direction = input.direction === 'desc' ? 'DESC' : 'ASC';
  // Empty values (no registration date yet) go last whichever the direction.
  const column = sort.column === 'a.sort_key' ? `a.sort_key ${direction}` : `${sort.column} IS NULL, ${sort.column} ${direction}, a.sort_key`;
  return { sql: `${column}, a.rowid`, joins: sort.joins };
}

/**
 * One page of the list and its exact total. With a text query the matches are found once, and counted by a
 * window beside the ordering the page needs anyway; without one the total is an index count and the page is
 * read in index order. The page's columns and visa states are computed for its rows only.
 */
export function searchAssociations(db: OpenDatabase, input: SearchParams, today: string) {
  const { policy } = readPolicy(db);
  const year = input.visaYear ?? Number(today.slice(0, 4));
  const visa = visaSql(year, today, policy);
  const filtered = whereClause(input, true, visa);
  const order = orderBy(input);
  const params = { ...filtered.params, limit: input.limit, offset: input.offset };
  const countAll = () => (db.stmt(`SELECT count(*) AS n FROM associations a WHERE ${filtered.sql}`).get(filtered.params) as { n: number }).n;
  let page: { rid: number; total?: number }[];
  let total: number;
  if (filtered.textOnly) {
    // The index holds live rows only (migration 0019): its own count is the total, and the page orders row ids
    // without a window over every match (the commonest search: typed into the box, no other filter).
    total = (db.stmt('SELECT count(*) AS n FROM associations_fts WHERE associations_fts MATCH @match').get({ match: filtered.params.match }) as { n: number }).n;
    page = db.stmt(`SELECT a.rowid AS rid FROM associations a ${order.joins} WHERE ${filtered.sql} ORDER BY ${order.sql} LIMIT @limit OFFSET @offset`).all(params) as { rid: number }[];
  } else if (input.query) {
    page = db
      .stmt(`SELECT a.rowid AS rid, count(*) OVER () AS total FROM associations a ${order.joins} WHERE ${filtered.sql} ORDER BY ${order.sql} LIMIT @limit OFFSET @offset`)
      .all(params) as { rid: number; total: number }[];
    // A page past the end has no row to carry the total.
    total = page[0]?.total ?? countAll();
  } else {
    total = countAll();
    page = db.stmt(`SELECT a.rowid AS rid FROM associations a ${order.joins} WHERE ${filtered.sql} ORDER BY ${order.sql} LIMIT @limit OFFSET @offset`).all(params) as { rid: number }[];
  }
  const read = db.stmt(`SELECT ${SUMMARY_COLUMNS}, ${visa.status} AS visaStatus, ${visa.yearsWithout} AS yearsWithoutVisa ${FROM} WHERE a.rowid = @rid`);
  const items = page.map(({ rid }) => toSummary(read.get({ ...visa.params, rid }) as SummaryRow));
  return { total, items, visaYear: year };
}

/** Matches per registration state under the search and every filter but the states (the status chips). */
export function associationStatusCounts(db: OpenDatabase, input: SearchAssociationsInput, today: string): Record<string, number> {
  const { policy } = readPolicy(db);
  const visa = visaSql(input.visaYear ?? Number(today.slice(0, 4)), today, policy);
  const unfiltered = whereClause(input, false, visa);
  const counts = db
    .stmt(`SELECT a.status AS status, count(*) AS n FROM associations a WHERE ${unfiltered.sql} GROUP BY a.status`)
    .all(unfiltered.params) as { status: string; n: number }[];
  return Object.fromEntries(counts.map((c) => [c.status, c.n]));
}

/** Every row matching the filters, in list order, for export (streamed by the caller). */
export function iterateAssociations(db: OpenDatabase, input: SearchAssociationsInput, today: string) {
  const { policy } = readPolicy(db);
  const year = input.visaYear ?? Number(today.slice(0, 4));
  const visa = visaSql(year, today, policy);
  const filtered = whereClause(input, true, visa);
  const statement = db.sqlite.prepare(
    `SELECT ${SUMMARY_COLUMNS}, ${visa.status} AS visaStatus, ${visa.yearsWithout} AS yearsWithoutVisa
     ${FROM} WHERE ${filtered.sql} ORDER BY ${orderBy(input).sql}`,
  );
  return { year, rows: (function* () {
    for (const row of statement.iterate(filtered.params)) yield toSummary(row as SummaryRow);
  })() };
}

export function associationSummary(db: OpenDatabase, id: string, today: string, year?: number): AssociationSummary | undefined {
  const { policy } = readPolicy(db);
  const visa = visaSql(year ?? Number(today.slice(0, 4)), today, policy);
  const row = db
    .stmt(`SELECT ${SUMMARY_COLUMNS}, ${visa.status} AS visaStatus, ${visa.yearsWithout} AS yearsWithoutVisa ${FROM} WHERE a.id = @id`)
    .get({ ...visa.params, id }) as SummaryRow | undefined;
  return row ? toSummary(row) : undefined;
}

export function findByIdentifier(db: OpenDatabase, field: 'kutuk_no' | 'vkn', value: string, excludeId?: string) {
  return db
    .stmt(
      `SELECT a.id, a.name, p.name AS provinceName FROM associations a JOIN provinces p ON p.plate = a.province_plate
       WHERE a.${field} = ? AND a.deleted_at IS NULL AND a.status != 'AKTARILDI' AND a.id IS NOT ?`,
    )
    .all(value, excludeId ?? null) as { id: string; name: string; provinceName: string }[];
}

export function similarNames(db: OpenDatabase, foldedName: string, plate: string, excludeId?: string) {
  const match = ftsQuery(foldedName);
  if (!match) return [];
  return db
    .stmt(
      `SELECT a.id, a.name, d.name AS districtName FROM associations a JOIN districts d ON d.id = a.district_id
       WHERE a.rowid IN (SELECT rowid FROM associations_fts WHERE associations_fts MATCH ?)
       AND a.province_plate = ? AND a.deleted_at IS NULL AND a.id IS NOT ? ORDER BY a.sort_key LIMIT 5`,
    )
    .all(match, plate, excludeId ?? null) as { id: string; name: string; districtName: string }[];
}

/** Next GSB registration number for (plate, year) at this installation; counters only ever increase. */
export function allocateRegistrationSeq(db: OpenDatabase, plate: string, year: number): number {
  const key = `registration:${plate}:${year}`;
  // Start above any number already present (e.g. imported or received), so a number is never issued twice.
  const existing = db
    .stmt(`SELECT max(CAST(substr(registration_no, 13, 4) AS INTEGER)) AS n FROM associations WHERE registration_no LIKE ?`)
    .get(`GSB-${plate}-${year}-%`) as { n: number | null };
  const row = db.stmt('SELECT last FROM number_counters WHERE key = ?').get(key) as { last: number } | undefined;
  const next = Math.max(row?.last ?? 0, existing.n ?? 0) + 1;
  db.stmt('INSERT INTO number_counters (key, last) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET last = excluded.last').run(key, next);
  return next;
}
