import type { Contact, Interaction, OrganisationDetail, OrganisationSummary, SearchOrganisationsInput } from '../../shared/contract/directory';
import type { OrgKind, OrgSubtype, RelationType, InteractionKind } from '../../shared/directory/fields';
import { foldTurkish } from '../../shared/turkish';
import type { OpenDatabase } from '../open';

// SQL reads of the directory. Filtering happens on the folded search_text and sorting on sort_key in SQL, so
// Turkish order and diacritic-insensitive search are the database's work.
//
// Merged records: `merged_into` points at the record that absorbed a duplicate, possibly through a chain
// (A merged into B, later B into C). Everything that reads "the organisation of X" resolves X to the end of
// its chain (`resolveOrganisation`), and everything that reads "what belongs to X" reads X's whole family:
// X and every record whose chain ends at X (`FAMILY_CTE`). Rows of other units that still point at a merged
// id (their meetings, workshops, relations) are therefore counted for the surviving record.

/** `family(id)`: @root and every record merged into it, directly or through a chain. UNION stops on cycles. */
export const FAMILY_CTE = `family(id) AS (
  SELECT @root
  UNION
  SELECT o.id FROM organisations o JOIN family f ON o.merged_into = f.id
)`;

/** Ids of the organisation and of every record merged into it. */
export function familyIds(db: OpenDatabase, root: string): string[] {
  return (db.stmt(`WITH RECURSIVE ${FAMILY_CTE} SELECT id FROM family`).all({ root }) as { id: string }[]).map((r) => r.id);
}

/** The record an id finally resolves to (itself when never merged); undefined when the id is unknown. */
export function resolveOrganisation(db: OpenDatabase, id: string): string | undefined {
  const row = db
    .stmt(
      `WITH RECURSIVE up(id, next, depth) AS (
         SELECT id, merged_into, 0 FROM organisations WHERE id = @id
         UNION ALL
         SELECT o.id, o.merged_into, up.depth + 1 FROM organisations o JOIN up ON o.id = up.next WHERE up.depth < 64
       )
       SELECT id, next FROM up ORDER BY depth DESC LIMIT 1`,
    )
    .get({ id }) as { id: string; next: string | null } | undefined;
  return row?.id;
}

export interface OrganisationRow {
  id: string;
  owner_unit: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  kind: OrgKind;
  subtype: OrgSubtype | null;
  name: string;
  short_name: string | null;
  province_plate: string;
  district_id: string | null;
  activity_areas: string;
  youth_focus: number;
  vkn: string | null;
  kutuk_no: string | null;
  association_id: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  address: string | null;
  notes: string | null;
  merged_into: string | null;
  [column: string]: unknown;
}

export function organisationRow(db: OpenDatabase, id: string): OrganisationRow | undefined {
  return db.stmt('SELECT * FROM organisations WHERE id = ?').get(id) as OrganisationRow | undefined;
}

const LIVE = 'o.deleted_at IS NULL AND o.merged_into IS NULL';

const SUMMARY_COLUMNS = `o.id, o.owner_unit AS ownerUnit, o.kind, o.subtype, o.name, o.short_name AS shortName,
  o.province_plate AS provincePlate, p.name AS provinceName, o.district_id AS districtId, d.name AS districtName,
  o.activity_areas AS activityAreas, o.youth_focus AS youthFocus, o.vkn, o.kutuk_no AS kutukNo,
  o.association_id AS associationId, o.phone, o.email, o.updated_at AS updatedAt`;

const FROM = `FROM organisations o JOIN provinces p ON p.plate = o.province_plate LEFT JOIN districts d ON d.id = o.district_id`;

type SummaryRow = Omit<OrganisationSummary, 'activityAreas' | 'youthFocus' | 'contactCount' | 'meetingCount' | 'registryOnly'> & { activityAreas: string; youthFocus: number };
interface UnionRow extends SummaryRow {
  sortKey: string;
  registryOnly: number;
}

/** Folded query tokens; each must occur in search_text. Folding turns `%` and `_` into spaces, so no escaping is needed. */
export function likeTokens(query: string | undefined): string[] {
  return query ? foldTurkish(query).split(' ').filter(Boolean).map((t) => `%${t}%`) : [];
}

function whereClause(input: SearchOrganisationsInput) {
  const where = [LIVE];
  const params: Record<string, unknown> = {};
  likeTokens(input.query).forEach((token, i) => {
    where.push(`o.search_text LIKE @q${i}`);
    params[`q${i}`] = token;
  });
  const equals: [keyof SearchOrganisationsInput, string][] = [
    ['kind', 'o.kind'], ['subtype', 'o.subtype'], ['provincePlate', 'o.province_plate'], ['districtId', 'o.district_id'],
  ];
  for (const [key, column] of equals) {
    if (input[key] === undefined) continue;
    where.push(`${column} = @${key}`);
    params[key] = input[key];
  }
  if (input.activityArea) {
    where.push('EXISTS (SELECT 1 FROM json_each(o.activity_areas) WHERE value = @activityArea)');
    params.activityArea = input.activityArea;
  }
  if (input.youthFocus !== undefined) {
    where.push('o.youth_focus = @youthFocus');
    params.youthFocus = input.youthFocus ? 1 : 0;
  }
  return { sql: where.join(' AND '), params };
}

/** Contact and meeting counts of one record together with everything merged into it. */
function countsOf(db: OpenDatabase, root: string): { contactCount: number; meetingCount: number } {
  return db
    .stmt(
      `WITH RECURSIVE ${FAMILY_CTE}
       SELECT
         (SELECT count(*) FROM contacts c WHERE c.deleted_at IS NULL AND c.organisation_id IN (SELECT id FROM family)) AS contactCount,
         (SELECT count(DISTINCT mp.meeting_id) FROM meeting_participants mp JOIN meetings m ON m.id = mp.meeting_id
           WHERE mp.deleted_at IS NULL AND m.deleted_at IS NULL AND mp.attended = 1
             AND mp.organisation_id IN (SELECT id FROM family)) AS meetingCount`,
    )
    .get({ root }) as { contactCount: number; meetingCount: number };
}

function toSummary(db: OpenDatabase, row: SummaryRow): OrganisationSummary {
  return { ...row, activityAreas: JSON.parse(row.activityAreas) as string[], youthFocus: row.youthFocus === 1, ...countsOf(db, row.id) };
}

/**
 * Registered associations that no live directory record names (issue #17: one organisation, two roles). They
 * appear in the directory as what they are, linked to their registry record, until a clerk adds them to the
 * directory (`directory:addFromRegistry`), so nobody types a registered association a second time. Null when
 * the filters exclude associations (another kind or subtype, "no youth focus").
 */
function registryWhereClause(input: SearchOrganisationsInput) {
  if (!input.withRegistry || (input.kind && input.kind !== 'STK') || (input.subtype && input.subtype !== 'DERNEK') || input.youthFocus === false) return null;
  const where = [
    'a.deleted_at IS NULL',
    "a.status = 'TESCILLI'",
    'NOT EXISTS (SELECT 1 FROM organisations x WHERE x.association_id = a.id AND x.deleted_at IS NULL)',
  ];
  const params: Record<string, unknown> = {};
  likeTokens(input.query).forEach((token, i) => {
    where.push(`a.search_text LIKE @q${i}`);
    params[`q${i}`] = token;
  });
  if (input.provincePlate !== undefined) {
    where.push('a.province_plate = @provincePlate');
    params.provincePlate = input.provincePlate;
  }
  if (input.districtId !== undefined) {
    where.push('a.district_id = @districtId');
    params.districtId = input.districtId;
  }
  if (input.activityArea) {
    where.push('EXISTS (SELECT 1 FROM json_each(a.activity_areas) WHERE value = @activityArea)');
    params.activityArea = input.activityArea;
  }
  return { sql: where.join(' AND '), params };
}

const REGISTRY_COLUMNS = `a.id, a.owner_unit AS ownerUnit, 'STK' AS kind, 'DERNEK' AS subtype, a.name, NULL AS shortName,
  a.province_plate AS provincePlate, p.name AS provinceName, a.district_id AS districtId, d.name AS districtName,
  a.activity_areas AS activityAreas, 1 AS youthFocus, a.vkn, a.kutuk_no AS kutukNo,
  a.id AS associationId, a.phone, a.email, a.updated_at AS updatedAt`;
const REGISTRY_FROM = `FROM associations a JOIN provinces p ON p.plate = a.province_plate LEFT JOIN districts d ON d.id = a.district_id`;

/**
 * The list's rows in Turkish order: directory records and, with `withRegistry`, the registered associations no
 * record names yet. One SQL for the screen (a page) and the Excel export (every row), so both show the same.
 */
function listQuery(input: SearchOrganisationsInput) {
  const filtered = whereClause(input);
  const registry = registryWhereClause(input);
  const union = registry
    ? `SELECT ${SUMMARY_COLUMNS}, o.sort_key AS sortKey, 0 AS registryOnly ${FROM} WHERE ${filtered.sql}
       UNION ALL SELECT ${REGISTRY_COLUMNS}, a.sort_key, 1 ${REGISTRY_FROM} WHERE ${registry.sql}`
    : `SELECT ${SUMMARY_COLUMNS}, o.sort_key AS sortKey, 0 AS registryOnly ${FROM} WHERE ${filtered.sql}`;
  return { filtered, registry, sql: `SELECT * FROM (${union}) ORDER BY sortKey, id`, params: { ...filtered.params, ...registry?.params } };
}

function fromUnionRow(db: OpenDatabase, row: UnionRow): OrganisationSummary {
  const { sortKey: _s, registryOnly, ...r } = row;
  if (!registryOnly) return toSummary(db, r);
  return { ...r, activityAreas: JSON.parse(r.activityAreas) as string[], youthFocus: true, contactCount: 0, meetingCount: 0, registryOnly: true };
}

export function searchOrganisations(db: OpenDatabase, input: SearchOrganisationsInput & { limit: number; offset: number }) {
  const list = listQuery(input);
  const count = (sql: string, p: Record<string, unknown>) => (db.stmt(sql).get(p) as { n: number }).n;
  const total =
    count(`SELECT count(*) AS n FROM organisations o WHERE ${list.filtered.sql}`, list.filtered.params) +
    (list.registry ? count(`SELECT count(*) AS n FROM associations a WHERE ${list.registry.sql}`, list.registry.params) : 0);
  const rows = db.stmt(`${list.sql} LIMIT @limit OFFSET @offset`).all({ ...list.params, limit: input.limit, offset: input.offset }) as UnionRow[];
  return { total, rows: rows.map((row) => fromUnionRow(db, row)) };
}

/** Every row the list shows for these filters, in its order (the Excel export). */
export function* iterateOrganisations(db: OpenDatabase, input: SearchOrganisationsInput): Generator<OrganisationSummary> {
  const list = listQuery(input);
  for (const row of db.stmt(list.sql).all(list.params) as UnionRow[]) yield fromUnionRow(db, row);
}

/** Live (not deleted, not merged) records holding an identifier. */
export function findByIdentifier(db: OpenDatabase, column: 'vkn' | 'kutuk_no', value: string, excludeId?: string) {
  return db
    .stmt(`SELECT o.id, o.name, p.name AS provinceName FROM organisations o JOIN provinces p ON p.plate = o.province_plate
           WHERE o.${column} = @value AND ${LIVE} AND o.id != @exclude ORDER BY o.sort_key`)
    .all({ value, exclude: excludeId ?? '' }) as { id: string; name: string; provinceName: string }[];
}

// Words so common in organisation names that sharing them says nothing ("Erzurum Gençlik Derneği" and
// "Kars Gençlik Derneği" are different associations). Folded, like the names they are compared with.
const COMMON_WORDS = new Set([
  'dernek', 'dernegi', 'vakif', 'vakfi', 'genclik', 'genc', 'gencler', 'spor', 'kulup', 'kulubu', 've', 'ile', 'platform', 'platformu',
  'federasyon', 'federasyonu', 'konfederasyonu', 'topluluk', 'toplulugu', 'universite', 'universitesi', 'turkiye', 'il', 'ilce',
  'sube', 'subesi', 'merkezi', 'baskanligi', 'mudurlugu', 'belediye', 'belediyesi',
]);

/** The distinctive words of a name: folded, without the common words above. */
export function distinctiveWords(name: string): string[] {
  return [...new Set(foldTurkish(name).split(' ').filter((w) => w.length > 1 && !COMMON_WORDS.has(w)))];
}

/**
 * Two names are "similar" when, after folding (case and diacritics) and dropping common words, one name's
 * distinctive words are all contained in the other's (`Erzurum Gençlik Derneği` ~ `ERZURUM GENCLIK DERNEGI`,
 * `Erzurum Gençlik` ~ `Erzurum Gençlik ve Kültür Derneği`), or at least half of all their distinctive words are
 * shared. When a name has no distinctive word at all, only an identical folded name counts.
 */
export function namesSimilar(a: string, b: string): boolean {
  const wa = distinctiveWords(a);
  const wb = distinctiveWords(b);
  if (wa.length === 0 || wb.length === 0) return foldTurkish(a) === foldTurkish(b);
  const sb = new Set(wb);
  const shared = wa.filter((w) => sb.has(w)).length;
  if (shared === wa.length || shared === wb.length) return true;
  return shared / new Set([...wa, ...wb]).size >= 0.5;
}

export function similarOrganisations(db: OpenDatabase, name: string, plate: string, excludeId?: string) {
  const rows = db
    .stmt(`SELECT o.id, o.name, p.name AS provinceName, d.name AS districtName ${FROM}
           WHERE o.province_plate = @plate AND ${LIVE} AND o.id != @exclude ORDER BY o.sort_key`)
    .all({ plate, exclude: excludeId ?? '' }) as { id: string; name: string; provinceName: string; districtName: string | null }[];
  return rows.filter((r) => namesSimilar(name, r.name)).slice(0, 20);
}

/** Live records of a province by folded name (for the import's "same name in the same province"). */
export function organisationsByFoldedName(db: OpenDatabase, plate: string): Map<string, OrganisationRow> {
  const rows = db.stmt(`SELECT * FROM organisations o WHERE o.province_plate = ? AND ${LIVE}`).all(plate) as OrganisationRow[];
  return new Map(rows.map((r) => [foldTurkish(r.name), r]));
}

export function liveByIdentifier(db: OpenDatabase, column: 'vkn' | 'kutuk_no', value: string): OrganisationRow | undefined {
  return db.stmt(`SELECT * FROM organisations o WHERE o.${column} = ? AND ${LIVE} ORDER BY o.sort_key LIMIT 1`).get(value) as OrganisationRow | undefined;
}

function nameOf(db: OpenDatabase, id: string | null): string | null {
  if (!id) return null;
  const root = resolveOrganisation(db, id) ?? id;
  return (db.stmt('SELECT name FROM organisations WHERE id = ?').get(root) as { name: string } | undefined)?.name ?? null;
}

interface ContactRow {
  id: string;
  organisationId: string | null;
  fullName: string;
  title: string | null;
  phone: string | null;
  email: string | null;
  notes: string | null;
}

const CONTACT_COLUMNS = `c.id, c.organisation_id AS organisationId, c.full_name AS fullName, c.title, c.phone, c.email, c.notes`;

function contactHistory(db: OpenDatabase, contactId: string): Contact['history'] {
  const rows = db
    .stmt(`SELECT organisation_id AS organisationId, title, until_on AS untilOn FROM contact_affiliations
           WHERE contact_id = ? AND deleted_at IS NULL ORDER BY until_on DESC, created_at DESC, rowid DESC`)
    .all(contactId) as { organisationId: string | null; title: string | null; untilOn: string }[];
  return rows.map((r) => ({ ...r, organisationName: nameOf(db, r.organisationId) }));
}

function toContact(db: OpenDatabase, row: ContactRow, withHistory: true): Contact;
function toContact(db: OpenDatabase, row: ContactRow, withHistory: false): Omit<Contact, 'history'>;
function toContact(db: OpenDatabase, row: ContactRow, withHistory: boolean) {
  const organisationId = row.organisationId ? (resolveOrganisation(db, row.organisationId) ?? row.organisationId) : null;
  const base = { ...row, organisationId, organisationName: nameOf(db, organisationId) };
  return withHistory ? { ...base, history: contactHistory(db, row.id) } : base;
}

export function contactById(db: OpenDatabase, id: string): Contact | undefined {
  const row = db.stmt(`SELECT ${CONTACT_COLUMNS} FROM contacts c WHERE c.id = ? AND c.deleted_at IS NULL`).get(id) as ContactRow | undefined;
  return row ? toContact(db, row, true) : undefined;
}

export function searchContacts(db: OpenDatabase, input: { query?: string; organisationId?: string; provincePlate?: string; limit: number }) {
  const where = ['c.deleted_at IS NULL'];
  const params: Record<string, unknown> = { limit: input.limit };
  likeTokens(input.query).forEach((token, i) => {
    where.push(`c.search_text LIKE @q${i}`);
    params[`q${i}`] = token;
  });
  let cte = '';
  if (input.organisationId) {
    cte = `WITH RECURSIVE ${FAMILY_CTE} `;
    where.push('c.organisation_id IN (SELECT id FROM family)');
    params.root = resolveOrganisation(db, input.organisationId) ?? input.organisationId;
  }
  if (input.provincePlate) {
    where.push('o.province_plate = @plate');
    params.plate = input.provincePlate;
  }
  const rows = db
    .stmt(`${cte}SELECT ${CONTACT_COLUMNS} FROM contacts c LEFT JOIN organisations o ON o.id = c.organisation_id
           WHERE ${where.join(' AND ')} ORDER BY c.sort_key LIMIT @limit`)
    .all(params) as ContactRow[];
  return rows.map((r) => toContact(db, r, false));
}

interface InteractionRow extends Omit<Interaction, 'overdue' | 'organisationName'> {
  organisationName?: string;
}

const INTERACTION_COLUMNS = `i.id, i.owner_unit AS ownerUnit, i.organisation_id AS organisationId, i.kind, i.on_date AS onDate, i.subject,
  i.note, i.letter_date AS letterDate, i.letter_no AS letterNo, i.follow_up AS followUp, i.follow_up_due AS followUpDue,
  i.follow_up_done_on AS followUpDoneOn`;

function toInteraction(db: OpenDatabase, row: InteractionRow, today: string): Interaction {
  const organisationId = resolveOrganisation(db, row.organisationId) ?? row.organisationId;
  return {
    ...row,
    kind: row.kind as InteractionKind,
    organisationId,
    organisationName: nameOf(db, organisationId) ?? '',
    overdue: Boolean(row.followUp && !row.followUpDoneOn && row.followUpDue && row.followUpDue < today),
  };
}

/**
 * The follow-up tasks of unit `@unit` (alias `i`): shared by the list and the home page's count, so both
 * count the same tasks.
 */
export const FOLLOW_UPS_FROM = `FROM interactions i JOIN organisations o ON o.id = i.organisation_id
  WHERE i.owner_unit = @unit AND i.deleted_at IS NULL AND o.deleted_at IS NULL AND i.follow_up IS NOT NULL`;

/** This unit's follow-ups (open ones unless `includeDone`), earliest due first; undated ones last. */
export function followUps(db: OpenDatabase, unitId: string, includeDone: boolean, today: string): Interaction[] {
  const rows = db
    .stmt(`SELECT ${INTERACTION_COLUMNS} ${FOLLOW_UPS_FROM}
             ${includeDone ? '' : 'AND i.follow_up_done_on IS NULL'}
           ORDER BY i.follow_up_done_on IS NOT NULL, i.follow_up_due IS NULL, i.follow_up_due, i.on_date, i.rowid`)
    .all({ unit: unitId }) as InteractionRow[];
  return rows.map((r) => toInteraction(db, r, today));
}

export interface Viewer {
  unitId: string;
}

/** One organisation with everything of its family; a merged id resolves to the record that absorbed it. */
export function organisationDetail(db: OpenDatabase, id: string, viewer: Viewer, today: string): OrganisationDetail | undefined {
  const root = resolveOrganisation(db, id);
  if (!root) return undefined;
  const summary = db.stmt(`SELECT ${SUMMARY_COLUMNS}, o.website, o.address, o.notes, o.merged_into AS mergedInto, o.deleted_at AS deletedAt ${FROM} WHERE o.id = ?`).get(root) as
    | (SummaryRow & { website: string | null; address: string | null; notes: string | null; mergedInto: string | null; deletedAt: string | null })
    | undefined;
  if (!summary || summary.deletedAt) return undefined;
  const { deletedAt: _deleted, ...row } = summary;
  const params = { root };
  const withFamily = (sql: string) => db.stmt(`WITH RECURSIVE ${FAMILY_CTE} ${sql}`);
  const mergedFrom = withFamily(`SELECT o.id, o.name FROM organisations o WHERE o.id IN (SELECT id FROM family) AND o.id != @root ORDER BY o.sort_key`).all(params) as {
    id: string;
    name: string;
  }[];
  const contacts = (withFamily(`SELECT ${CONTACT_COLUMNS} FROM contacts c WHERE c.deleted_at IS NULL AND c.organisation_id IN (SELECT id FROM family) ORDER BY c.sort_key`).all(params) as ContactRow[]).map(
    (c) => toContact(db, c, true),
  );
  const relations = (withFamily(
    `SELECT r.id, r.owner_unit AS ownerUnit, r.unit_id AS unitId, r.unit_name AS unitName, r.relation_type AS relationType,
            r.start_on AS startOn, r.end_on AS endOn, r.note
     FROM org_relations r WHERE r.deleted_at IS NULL AND r.organisation_id IN (SELECT id FROM family)
     ORDER BY r.start_on IS NULL, r.start_on DESC, r.rowid`,
  ).all(params) as { relationType: RelationType; startOn: string | null; endOn: string | null }[]).map((r) => ({
    ...r,
    active: (!r.startOn || r.startOn <= today) && (!r.endOn || r.endOn >= today),
  })) as OrganisationDetail['relations'];
  const interactions = (withFamily(
    `SELECT ${INTERACTION_COLUMNS} FROM interactions i WHERE i.deleted_at IS NULL AND i.organisation_id IN (SELECT id FROM family)
     ORDER BY i.on_date DESC, i.created_at DESC, i.rowid DESC`,
  ).all(params) as InteractionRow[]).map((i) => toInteraction(db, i, today));
  const meetings = withFamily(
    `SELECT m.id AS meetingId, m.date, coalesce(y.name, '') AS youthCentreName, m.state,
            sum(CASE WHEN mp.attended = 1 THEN 1 ELSE 0 END) AS attendees
     FROM meeting_participants mp JOIN meetings m ON m.id = mp.meeting_id LEFT JOIN youth_centres y ON y.id = m.youth_centre_id
     WHERE mp.deleted_at IS NULL AND m.deleted_at IS NULL AND mp.organisation_id IN (SELECT id FROM family)
     GROUP BY m.id ORDER BY m.date DESC, m.id`,
  ).all(params) as OrganisationDetail['meetings'];
  const workshops = withFamily(
    `SELECT DISTINCT w.id AS workshopId, w.title, w.start_on AS startOn
     FROM workshop_participants wp JOIN workshops w ON w.id = wp.workshop_id
     WHERE wp.deleted_at IS NULL AND w.deleted_at IS NULL AND wp.organisation_id IN (SELECT id FROM family)
     ORDER BY w.start_on DESC, w.id`,
  ).all(params) as OrganisationDetail['workshops'];
  const associationName = row.associationId
    ? ((db.stmt('SELECT name FROM associations WHERE id = ?').get(row.associationId) as { name: string } | undefined)?.name ?? null)
    : null;
  return {
    ...toSummary(db, row),
    website: row.website,
    address: row.address,
    notes: row.notes,
    associationName,
    mergedInto: row.mergedInto,
    mergedFrom,
    contacts,
    relations,
    interactions,
    meetings,
    workshops,
    canEdit: row.ownerUnit === viewer.unitId,
  };
}

/** Live rows of other tables that point at the record (or at anything merged into it): what blocks a delete. */
export function referencesTo(db: OpenDatabase, root: string): { meetings: number; workshops: number; relations: number; interactions: number } {
  return db
    .stmt(
      `WITH RECURSIVE ${FAMILY_CTE}
       SELECT
         (SELECT count(*) FROM meeting_participants mp JOIN meetings m ON m.id = mp.meeting_id
           WHERE mp.deleted_at IS NULL AND m.deleted_at IS NULL AND mp.organisation_id IN (SELECT id FROM family)) AS meetings,
         (SELECT count(*) FROM workshop_participants wp JOIN workshops w ON w.id = wp.workshop_id
           WHERE wp.deleted_at IS NULL AND w.deleted_at IS NULL AND wp.organisation_id IN (SELECT id FROM family)) AS workshops,
         (SELECT count(*) FROM org_relations r WHERE r.deleted_at IS NULL AND r.organisation_id IN (SELECT id FROM family)) AS relations,
         (SELECT count(*) FROM interactions i WHERE i.deleted_at IS NULL AND i.organisation_id IN (SELECT id FROM family)) AS interactions`,
    )
    .get({ root }) as { meetings: number; workshops: number; relations: number; interactions: number };
}

export interface OrganisationAddress {
  id: string;
  address: string | null;
  districtName: string | null;
  provinceName: string;
  email: string | null;
  phone: string | null;
}

/** Where to send a letter to each organisation (mail merge, address labels, EBYS distribution lists). */
export function organisationAddresses(db: OpenDatabase, ids: readonly string[]): Map<string, OrganisationAddress> {
  const out = new Map<string, OrganisationAddress>();
  const statement = db.stmt(
    `SELECT o.id, o.address, d.name AS districtName, p.name AS provinceName, o.email, o.phone
       FROM organisations o JOIN provinces p ON p.plate = o.province_plate LEFT JOIN districts d ON d.id = o.district_id
      WHERE o.id = ?`,
  );
  for (const id of new Set(ids)) {
    const row = statement.get(id) as OrganisationAddress | undefined;
    if (row) out.set(id, row);
  }
  return out;
}
