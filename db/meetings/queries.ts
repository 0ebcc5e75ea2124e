import type { Decision, MeetingDetail, MeetingSummary, Participant } from '../../shared/contract/meetings';
import { OPEN_DECISION_STATES, type MeetingState, type TermCellState, TERM_CELL_STATES } from '../../shared/meetings/fields';
import { termOf, termRange, type MeetingTerm, type TermRef } from '../../shared/meetings/terms';
import { foldTurkish } from '../../shared/turkish';
import type { OpenDatabase } from '../open';
import { meetingTerms } from './specs';

// SQL reads for the meetings module: lists and details, clashes, the follow-up loop, invitee suggestions,
// the per-province planner and the ministry board. Turkish order comes from sort_key columns in SQL.

export function termsOf(db: OpenDatabase): readonly MeetingTerm[] {
  return meetingTerms({ stmt: (sql) => db.stmt(sql) });
}

export interface MeetingRow {
  id: string;
  owner_unit: string;
  created_at: string;
  deleted_at: string | null;
  youth_centre_id: string;
  province_plate: string;
  date: string;
  start_time: string;
  end_time: string;
  hall: string;
  chair: string | null;
  rapporteur: string | null;
  state: MeetingState;
  letter_date: string | null;
  letter_no: string | null;
  state_reason: string | null;
  minutes: string | null;
  term_year: number;
  term_no: number;
  /** Local insertion order: breaks ties between meetings created in the same millisecond. */
  row_no: number;
}

export function meetingRow(db: OpenDatabase, id: string): MeetingRow | undefined {
  return db.stmt('SELECT *, rowid AS row_no FROM meetings WHERE id = ?').get(id) as MeetingRow | undefined;
}

const SUMMARY_COLUMNS = `m.id, m.owner_unit AS ownerUnit, m.youth_centre_id AS youthCentreId, y.name AS youthCentreName,
  m.province_plate AS provincePlate, p.name AS provinceName, m.date, m.start_time AS startTime, m.end_time AS endTime,
  m.hall, m.state, m.term_year AS termYear, m.term_no AS termNo,
  (SELECT count(*) FROM meeting_participants x WHERE x.meeting_id = m.id AND x.deleted_at IS NULL AND x.invited = 1) AS invited,
  (SELECT count(*) FROM meeting_participants x WHERE x.meeting_id = m.id AND x.deleted_at IS NULL AND x.attended = 1) AS attended`;

const SUMMARY_FROM = 'FROM meetings m JOIN youth_centres y ON y.id = m.youth_centre_id JOIN provinces p ON p.plate = m.province_plate';

export interface ListFilter {
  from: string;
  to: string;
  provincePlate?: string | null;
  youthCentreId?: string;
  state?: MeetingState;
}

export function listMeetings(db: OpenDatabase, filter: ListFilter): MeetingSummary[] {
  const where = ['m.deleted_at IS NULL', 'm.date >= @from', 'm.date <= @to'];
  if (filter.provincePlate) where.push('m.province_plate = @plate');
  if (filter.youthCentreId) where.push('m.youth_centre_id = @centre');
  if (filter.state) where.push('m.state = @state');
  return db
    .stmt(`SELECT ${SUMMARY_COLUMNS} ${SUMMARY_FROM} WHERE ${where.join(' AND ')} ORDER BY m.date, m.start_time, y.sort_key LIMIT 5000`)
    .all({ from: filter.from, to: filter.to, plate: filter.provincePlate ?? null, centre: filter.youthCentreId ?? null, state: filter.state ?? null }) as MeetingSummary[];
}

/** Workshops and summits overlapping the period (for the calendar); a province sees national ones, its region's, those it hosts or joins. */
export function listWorkshops(db: OpenDatabase, from: string, to: string, provincePlate?: string | null) {
  return db
    .stmt(
      `SELECT w.id, w.title, w.kind, w.start_on AS startOn, w.end_on AS endOn, w.host_plate AS hostPlate, p.name AS hostName
       FROM workshops w LEFT JOIN provinces p ON p.plate = w.host_plate
       WHERE w.deleted_at IS NULL AND w.start_on <= @to AND w.end_on >= @from
         AND (@plate IS NULL OR w.host_plate IS NULL OR w.host_plate = @plate
              OR w.region = (SELECT region FROM provinces WHERE plate = @plate)
              OR EXISTS (SELECT 1 FROM workshop_participants wp WHERE wp.workshop_id = w.id AND wp.province_plate = @plate AND wp.deleted_at IS NULL))
       ORDER BY w.start_on, w.title LIMIT 1000`,
    )
    .all({ from, to, plate: provincePlate ?? null }) as {
    id: string; title: string; kind: string; startOn: string; endOn: string; hostPlate: string | null; hostName: string | null;
  }[];
}

export interface ClashQuery {
  youthCentreId: string;
  hall: string;
  date: string;
  startTime: string;
  endTime: string;
  excludeId?: string | null;
}

/** Live meetings in the same hall (compared folded) of the same centre on the same day whose [start, end) overlap. */
export function findClashes(db: OpenDatabase, q: ClashQuery) {
  const rows = db
    .stmt(
      `SELECT id AS meetingId, date, start_time AS startTime, end_time AS endTime, hall, state FROM meetings
       WHERE youth_centre_id = ? AND date = ? AND deleted_at IS NULL AND state NOT IN ('IPTAL', 'ERTELENDI')
         AND start_time < ? AND end_time > ? AND id IS NOT ? ORDER BY start_time`,
    )
    .all(q.youthCentreId, q.date, q.endTime, q.startTime, q.excludeId ?? null) as { meetingId: string; date: string; startTime: string; endTime: string; hall: string; state: MeetingState }[];
  const hall = foldTurkish(q.hall);
  return rows.filter((r) => foldTurkish(r.hall) === hall);
}

interface DecisionSqlRow {
  id: string;
  meetingId: string;
  meetingDate: string;
  termYear: number;
  termNo: number;
  number: number;
  text: string;
  responsible: string | null;
  dueOn: string | null;
  state: Decision['state'];
  stateNote: string | null;
  reviewedInMeetingId: string | null;
  youthCentreName: string;
}

const DECISION_COLUMNS = `d.id, d.meeting_id AS meetingId, m.date AS meetingDate, m.term_year AS termYear, m.term_no AS termNo,
  d.number, d.text, d.responsible, d.due_on AS dueOn, d.state, d.state_note AS stateNote, d.reviewed_in_meeting_id AS reviewedInMeetingId,
  y.name AS youthCentreName`;
const DECISION_FROM = 'FROM meeting_decisions d JOIN meetings m ON m.id = d.meeting_id JOIN youth_centres y ON y.id = d.youth_centre_id';

export function isOverdue(state: string, dueOn: string | null, today: string): boolean {
  return (OPEN_DECISION_STATES as readonly string[]).includes(state) && dueOn !== null && dueOn < today;
}

function toDecision(row: DecisionSqlRow, today: string): Decision & { youthCentreName: string } {
  const { termYear, termNo, ...rest } = row;
  return { ...rest, code: `${termYear}/${termNo}-${row.number}`, overdue: isOverdue(row.state, row.dueOn, today) };
}

function stripCentre({ youthCentreName: _name, ...d }: Decision & { youthCentreName: string }): Decision {
  return d;
}

/**
 * The follow-up loop: open decisions of earlier meetings of the centre (earlier date, or the same date and
 * created before), plus every decision reviewed in this meeting whatever its state now.
 */
export function earlierOpenDecisions(db: OpenDatabase, meeting: MeetingRow, today: string): Decision[] {
  return (
    db
      .stmt(
        `SELECT ${DECISION_COLUMNS} ${DECISION_FROM}
         WHERE d.deleted_at IS NULL AND m.deleted_at IS NULL AND d.youth_centre_id = @centre AND d.meeting_id <> @id
           AND ((d.state IN ('ACIK', 'DEVAM') AND (m.date < @date OR (m.date = @date AND (m.created_at < @created OR (m.created_at = @created AND m.rowid < @rowNo)))))
                OR d.reviewed_in_meeting_id = @id)
         ORDER BY m.date, m.created_at, m.rowid, d.number`,
      )
      .all({ centre: meeting.youth_centre_id, id: meeting.id, date: meeting.date, created: meeting.created_at, rowNo: meeting.row_no }) as DecisionSqlRow[]
  ).map((r) => stripCentre(toDecision(r, today)));
}

/** Open decisions (açık / devam) in scope, overdue first, then by due date, province and centre. */
export interface OpenDecisionFilter {
  provincePlate?: string | null;
  youthCentreId?: string | null;
  /** Only those past their due date. */
  overdueOnly?: boolean;
}

/**
 * Open decisions (açık / devam) in scope: read centre by centre (meeting_decisions_centre), as the home page's
 * count and the list must agree.
 */
function openDecisionsWhere(filter: OpenDecisionFilter, today: string, withOverdueOnly: boolean) {
  const where = ["d.state IN ('ACIK', 'DEVAM')", 'd.deleted_at IS NULL', 'm.deleted_at IS NULL'];
  const params: Record<string, unknown> = { today };
  if (filter.provincePlate) {
    where.push('y.province_plate = @plate', 'm.province_plate = @plate');
    params.plate = filter.provincePlate;
  }
  if (filter.youthCentreId) {
    where.push('d.youth_centre_id = @centre');
    params.centre = filter.youthCentreId;
  }
  if (withOverdueOnly && filter.overdueOnly) where.push('d.due_on IS NOT NULL AND d.due_on < @today');
  return { sql: where.join(' AND '), params };
}

const OPEN_DECISIONS_FROM = `FROM youth_centres y JOIN meeting_decisions d ON d.youth_centre_id = y.id JOIN meetings m ON m.id = d.meeting_id
  JOIN provinces p ON p.plate = y.province_plate`;
const OPEN_DECISIONS_ORDER = 'ORDER BY (d.due_on IS NOT NULL AND d.due_on < @today) DESC, d.due_on IS NULL, d.due_on, p.sort_key, y.sort_key, m.date, d.number, d.id';

/** How many open decisions there are in scope, and how many of them are past their due date (exact). */
export function openDecisionCounts(db: OpenDatabase, filter: OpenDecisionFilter, today: string): { open: number; overdue: number } {
  const where = openDecisionsWhere(filter, today, false);
  return db
    .stmt(`SELECT count(*) AS open, coalesce(sum(d.due_on IS NOT NULL AND d.due_on < @today), 0) AS overdue ${OPEN_DECISIONS_FROM} WHERE ${where.sql}`)
    .get(where.params) as { open: number; overdue: number };
}

type OpenDecision = Decision & { youthCentreName: string; provinceName: string };

/** One page of the open decisions in scope, overdue first, with the exact counts (no cap: the list pages). */
export function openDecisions(db: OpenDatabase, filter: OpenDecisionFilter, today: string, page: { limit: number; offset: number }) {
  const counts = openDecisionCounts(db, filter, today);
  const where = openDecisionsWhere(filter, today, true);
  const items = (
    db
      .stmt(`SELECT ${DECISION_COLUMNS}, p.name AS provinceName ${OPEN_DECISIONS_FROM} WHERE ${where.sql} ${OPEN_DECISIONS_ORDER} LIMIT @limit OFFSET @offset`)
      .all({ ...where.params, limit: page.limit, offset: page.offset }) as (DecisionSqlRow & { provinceName: string })[]
  ).map((r) => toDecision(r, today) as OpenDecision);
  return { total: filter.overdueOnly ? counts.overdue : counts.open, open: counts.open, overdue: counts.overdue, items };
}

/** Every open decision in scope, in list order, for the Excel export. */
export function* iterateOpenDecisions(db: OpenDatabase, filter: OpenDecisionFilter, today: string): Generator<OpenDecision> {
  const where = openDecisionsWhere(filter, today, true);
  const statement = db.sqlite.prepare(`SELECT ${DECISION_COLUMNS}, p.name AS provinceName ${OPEN_DECISIONS_FROM} WHERE ${where.sql} ${OPEN_DECISIONS_ORDER}`);
  for (const row of statement.iterate(where.params)) yield toDecision(row as DecisionSqlRow, today) as OpenDecision;
}

export interface DetailViewer {
  unitId: string;
  role: string;
}

export function meetingDetail(db: OpenDatabase, id: string, viewer: DetailViewer, today: string, actions: (state: MeetingState) => string[]): MeetingDetail | undefined {
  const summary = db.stmt(`SELECT ${SUMMARY_COLUMNS} ${SUMMARY_FROM} WHERE m.id = ? AND m.deleted_at IS NULL`).get(id) as MeetingSummary | undefined;
  if (!summary) return undefined;
  const row = meetingRow(db, id)!;
  const agenda = db
    .stmt('SELECT id, position, title, minutes FROM meeting_agenda WHERE meeting_id = ? AND deleted_at IS NULL ORDER BY position')
    .all(id) as MeetingDetail['agenda'];
  const participants = (
    db
      .stmt(
        `SELECT x.id, x.kind, x.full_name AS fullName, x.title, x.organisation_id AS organisationId,
           coalesce(o2.name, o.name, x.organisation_name) AS organisationName, x.contact_id AS contactId,
           x.invited, x.attended, x.walk_in AS walkIn, x.phone, x.email
         FROM meeting_participants x
         LEFT JOIN organisations o ON o.id = x.organisation_id
         LEFT JOIN organisations o2 ON o2.id = o.merged_into
         WHERE x.meeting_id = ? AND x.deleted_at IS NULL
         ORDER BY x.kind, coalesce(o2.sort_key, o.sort_key, x.organisation_name), x.full_name`,
      )
      .all(id) as (Omit<Participant, 'invited' | 'attended' | 'walkIn'> & { invited: number; attended: number; walkIn: number })[]
  ).map((p) => ({ ...p, invited: p.invited === 1, attended: p.attended === 1, walkIn: p.walkIn === 1 }));
  const requests = db
    .stmt(
      `SELECT r.id, r.category, r.organisation_id AS organisationId, coalesce(o2.name, o.name) AS organisationName, r.text
       FROM meeting_requests r LEFT JOIN organisations o ON o.id = r.organisation_id LEFT JOIN organisations o2 ON o2.id = o.merged_into
       WHERE r.meeting_id = ? AND r.deleted_at IS NULL ORDER BY r.category, r.created_at`,
    )
    .all(id) as MeetingDetail['requests'];
  const decisions = (
    db.stmt(`SELECT ${DECISION_COLUMNS} ${DECISION_FROM} WHERE d.meeting_id = ? AND d.deleted_at IS NULL ORDER BY d.number`).all(id) as DecisionSqlRow[]
  ).map((r) => stripCentre(toDecision(r, today)));
  const files = db
    .stmt('SELECT id, kind, file_name AS fileName, mime, size FROM meeting_files WHERE meeting_id = ? AND deleted_at IS NULL ORDER BY created_at')
    .all(id) as MeetingDetail['files'];
  const clashes = findClashes(db, { youthCentreId: row.youth_centre_id, hall: row.hall, date: row.date, startTime: row.start_time, endTime: row.end_time, excludeId: id });
  const canEdit = row.owner_unit === viewer.unitId && viewer.role !== 'ministry';
  return {
    ...summary,
    chair: row.chair,
    rapporteur: row.rapporteur,
    letterDate: row.letter_date,
    letterNo: row.letter_no,
    stateReason: row.state_reason,
    minutes: row.minutes,
    agenda,
    participants,
    requests,
    decisions,
    earlierOpenDecisions: earlierOpenDecisions(db, row, today),
    files,
    clashes: row.state === 'IPTAL' || row.state === 'ERTELENDI' ? [] : clashes,
    actions: (canEdit ? actions(row.state) : []) as MeetingDetail['actions'],
    canEdit,
  };
}

export interface InviteeSuggestion {
  organisationId: string;
  organisationName: string;
  contactId: string | null;
  fullName: string | null;
  title: string | null;
  reason: 'CAME_BEFORE' | 'DISTRICT' | 'PROVINCE';
  timesAttended: number;
}

/**
 * People who attended earlier meetings of the centre (with an organisation), then CSOs of the centre's
 * district, then of its province; minus those already on this meeting's list. Turkish order within each group.
 */
export function suggestInvitees(db: OpenDatabase, meeting: MeetingRow, limit = 200): InviteeSuggestion[] {
  const centre = db.stmt('SELECT district_id AS districtId, province_plate AS plate FROM youth_centres WHERE id = ?').get(meeting.youth_centre_id) as
    | { districtId: string; plate: string }
    | undefined;
  if (!centre) return [];
  const params = { meeting: meeting.id, centre: meeting.youth_centre_id, district: centre.districtId, plate: centre.plate, limit };
  const cameBefore = db
    .stmt(
      `SELECT coalesce(o.merged_into, x.organisation_id) AS organisationId, coalesce(o2.name, o.name) AS organisationName,
         max(x.contact_id) AS contactId, max(x.full_name) AS fullName, max(x.title) AS title, 'CAME_BEFORE' AS reason,
         count(DISTINCT x.meeting_id) AS timesAttended, min(coalesce(o2.sort_key, o.sort_key)) AS sortKey, max(x.person_key) AS personKey
       FROM meeting_participants x JOIN meetings m ON m.id = x.meeting_id
       JOIN organisations o ON o.id = x.organisation_id LEFT JOIN organisations o2 ON o2.id = o.merged_into
       WHERE m.youth_centre_id = @centre AND m.id <> @meeting AND m.deleted_at IS NULL AND m.state = 'YAPILDI'
         AND x.deleted_at IS NULL AND x.attended = 1
         AND NOT EXISTS (
           SELECT 1 FROM meeting_participants y LEFT JOIN organisations yo ON yo.id = y.organisation_id
           WHERE y.meeting_id = @meeting AND y.deleted_at IS NULL AND y.person_key = x.person_key
             AND (x.person_key NOT LIKE 'q:%' OR coalesce(yo.merged_into, y.organisation_id) = coalesce(o.merged_into, x.organisation_id)))
       -- A name key (q:) is one person per organisation, resolved through merges (db/meetings/personKey.ts).
       GROUP BY x.person_key, CASE WHEN x.person_key LIKE 'q:%' THEN coalesce(o.merged_into, x.organisation_id) END
       ORDER BY sortKey, fullName LIMIT @limit`,
    )
    .all(params) as (InviteeSuggestion & { sortKey: string; personKey: string })[];
  const out: InviteeSuggestion[] = cameBefore.map(({ sortKey: _s, personKey: _p, ...s }) => s);
  const seen = new Set(out.map((s) => s.organisationId));
  const organisations = db
    .stmt(
      `SELECT o.id AS organisationId, o.name AS organisationName, NULL AS contactId, NULL AS fullName, NULL AS title,
         CASE WHEN o.district_id = @district THEN 'DISTRICT' ELSE 'PROVINCE' END AS reason, 0 AS timesAttended
       FROM organisations o
       WHERE o.kind = 'STK' AND o.deleted_at IS NULL AND o.merged_into IS NULL AND o.province_plate = @plate
         AND o.id NOT IN (SELECT organisation_id FROM meeting_participants WHERE meeting_id = @meeting AND deleted_at IS NULL AND organisation_id IS NOT NULL)
       ORDER BY (o.district_id IS @district) DESC, o.sort_key LIMIT @limit`,
    )
    .all(params) as InviteeSuggestion[];
  for (const o of organisations) {
    if (out.length >= limit) break;
    if (seen.has(o.organisationId)) continue;
    out.push(o);
  }
  return out.slice(0, limit);
}

export interface PlannerCell {
  year: number;
  no: number;
  state: TermCellState;
  meetingId: string | null;
  date: string | null;
}

/** The planner's verdict for one centre in one term, given its meetings in that term. */
export function termCell(ref: TermRef, terms: readonly MeetingTerm[], meetings: { id: string; date: string; state: string }[], today: string): PlannerCell {
  const held = meetings.filter((m) => m.state === 'YAPILDI').sort((a, b) => a.date.localeCompare(b.date))[0];
  if (held) return { ...ref, state: 'YAPILDI', meetingId: held.id, date: held.date };
  // The latest live plan counts: an earlier date that slipped is superseded by a newer one.
  const planned = meetings.filter((m) => m.state === 'PLANLANDI' || m.state === 'DAVET_GONDERILDI').sort((a, b) => b.date.localeCompare(a.date))[0];
  if (planned) return { ...ref, state: planned.date < today ? 'GECIKTI' : 'PLANLANDI', meetingId: planned.id, date: planned.date };
  if (termRange(ref, terms).to < today) return { ...ref, state: 'EKSIK', meetingId: null, date: null };
  return { ...ref, state: 'BEKLIYOR', meetingId: null, date: null };
}

export function planner(db: OpenDatabase, provincePlate: string, year: number, today: string) {
  const terms = termsOf(db);
  const province = db.stmt('SELECT plate, name FROM provinces WHERE plate = ?').get(provincePlate) as { plate: string; name: string } | undefined;
  if (!province) return undefined;
  const centres = db
    .stmt(
      `SELECT y.id AS youthCentreId, y.name, d.name AS districtName FROM youth_centres y JOIN districts d ON d.id = y.district_id
       WHERE y.province_plate = ? AND y.deleted_at IS NULL AND y.status = 'active' ORDER BY y.sort_key`,
    )
    .all(provincePlate) as { youthCentreId: string; name: string; districtName: string }[];
  const meetings = db
    .stmt(
      `SELECT id, youth_centre_id AS centre, term_no AS no, date, state FROM meetings
       WHERE province_plate = ? AND term_year = ? AND deleted_at IS NULL AND state IN ('YAPILDI', 'PLANLANDI', 'DAVET_GONDERILDI')`,
    )
    .all(provincePlate, year) as { id: string; centre: string; no: number; date: string; state: string }[];
  const byCell = new Map<string, typeof meetings>();
  for (const m of meetings) {
    const key = `${m.centre}|${m.no}`;
    byCell.set(key, [...(byCell.get(key) ?? []), m]);
  }
  const counts = Object.fromEntries(TERM_CELL_STATES.map((s) => [s, 0])) as Record<TermCellState, number>;
  const rows = centres.map((c) => {
    const cells = terms.map((t) => termCell({ year, no: t.no }, terms, byCell.get(`${c.youthCentreId}|${t.no}`) ?? [], today));
    for (const cell of cells) counts[cell.state] += 1;
    return { ...c, cells, overdue: cells.some((cell) => cell.state === 'GECIKTI' || cell.state === 'EKSIK') };
  });
  return { provincePlate: province.plate, provinceName: province.name, year, currentTerm: termOf(today, terms), centres: rows, counts };
}

export interface BoardRow {
  plate: string;
  name: string;
  region: string;
  centres: number;
  heldByTerm: number[];
  overdueCentres: number;
  hasMeeting: boolean;
}

/**
 * The SQL of the board (exported for EXPLAIN QUERY PLAN): one set-based aggregate. The year's meetings are
 * grouped once per centre (held flag and latest live plan per term, read through meetings_term_state),
 * joined to the active centres and summed per province. `@endedN` says whether term N ended before today.
 */
export function boardSql(terms: readonly MeetingTerm[]): string {
  const nos = terms.map((t) => Number(t.no));
  const metColumns = nos
    .map((n) => `max(term_no = ${n} AND state = 'YAPILDI') AS held${n}, max(CASE WHEN term_no = ${n} AND state <> 'YAPILDI' THEN date END) AS planned${n}`)
    .join(',\n        ');
  const centreHeld = nos.map((n) => `coalesce(met.held${n}, 0) AS held${n}`).join(', ');
  // A cell is overdue when nothing was held and either the term is over or the latest live plan's date passed.
  const overdue = nos.map((n) => `(coalesce(met.held${n}, 0) = 0 AND (@ended${n} OR coalesce(met.planned${n} < @today, 0)))`).join(' OR ');
  return `
    WITH met AS (
      SELECT youth_centre_id AS cid,
        ${metColumns}
      FROM meetings
      WHERE term_year = @year AND state IN ('YAPILDI', 'PLANLANDI', 'DAVET_GONDERILDI') AND deleted_at IS NULL
      GROUP BY youth_centre_id
    ),
    per_centre AS (
      SELECT y.id, y.province_plate, ${centreHeld}, (${overdue}) AS overdue
      FROM youth_centres y LEFT JOIN met ON met.cid = y.id
      WHERE y.deleted_at IS NULL AND y.status = 'active'
    ),
    held_province AS (
      SELECT DISTINCT province_plate FROM meetings WHERE term_year = @year AND state = 'YAPILDI' AND deleted_at IS NULL
    )
    SELECT p.plate, p.name, p.region, count(pc.id) AS centres, coalesce(sum(pc.overdue), 0) AS overdueCentres,
      ${nos.map((n) => `coalesce(sum(pc.held${n}), 0) AS held${n}`).join(', ')},
      (hp.province_plate IS NOT NULL) AS hasMeeting
    FROM provinces p LEFT JOIN per_centre pc ON pc.province_plate = p.plate
    LEFT JOIN held_province hp ON hp.province_plate = p.plate
    WHERE (@region IS NULL OR p.region = @region)
    GROUP BY p.plate ORDER BY p.plate`;
}

/** Parameters of boardSql: the year, today, the region filter and whether each term has ended. */
export function boardParams(terms: readonly MeetingTerm[], year: number, today: string, region: string | null): Record<string, unknown> {
  const params: Record<string, unknown> = { year, today, region };
  for (const t of terms) params[`ended${Number(t.no)}`] = termRange({ year, no: t.no }, terms).to < today ? 1 : 0;
  return params;
}

/** The ministry board over a year: per province centres, centres that held a meeting per term, overdue centres. */
export function meetingBoard(db: OpenDatabase, year: number, today: string, region?: string | null) {
  const terms = termsOf(db);
  const rows = db.stmt(boardSql(terms)).all(boardParams(terms, year, today, region ?? null)) as Record<string, number | string>[];
  const provinces: BoardRow[] = rows.map((r) => ({
    plate: String(r.plate),
    name: String(r.name),
    region: String(r.region),
    centres: Number(r.centres),
    heldByTerm: terms.map((t) => Number(r[`held${t.no}`])),
    overdueCentres: Number(r.overdueCentres),
    hasMeeting: Number(r.hasMeeting) === 1,
  }));
  const totals = {
    centres: provinces.reduce((s, p) => s + p.centres, 0),
    heldByTerm: terms.map((_, i) => provinces.reduce((s, p) => s + p.heldByTerm[i]!, 0)),
    overdueCentres: provinces.reduce((s, p) => s + p.overdueCentres, 0),
    provincesWithMeeting: provinces.filter((p) => p.hasMeeting).length,
  };
  return { year, currentTerm: termOf(today, terms), terms: terms.map((t) => t.no), provinces, totals };
}
