import type { ReportScope } from '../../shared/contract/reports';
import type { OpenDatabase } from '../open';
import { countOrganisations } from '../workshops/queries';

// The department's figures (DOMAIN.md §5), set-based over the meetings, directory and workshop tables. Every
// figure starts from one definition of "a held meeting in scope and period" (the `held` CTE) or "a workshop in
// scope and period" (the `ws` CTE); the screens and exports print the same definitions next to the numbers.

export type BreakdownLevel = 'region' | 'province' | 'youthCentre';

export interface MeetingFigures {
  meetingsHeld: number;
  provincesWithMeeting: number;
  youthCentresWithMeeting: number;
  csoAttendances: number;
  csoRepresentatives: number;
  uniqueCsos: number;
  requests: number;
  decisions: number;
  decisionsCompleted: number;
}

export interface WorkshopFigures {
  workshops: number;
  workshopParticipants: number;
  workshopOrganisations: number;
  workshopProvincesCovered: number;
  workshopHostProvinces: number;
  workshopRegions: number;
}

export interface BreakdownRow {
  id: string;
  name: string;
  meetingsHeld: number;
  csoAttendances: number;
  csoRepresentatives: number;
  uniqueCsos: number;
}

export interface ReportData {
  meetings: MeetingFigures;
  workshops: WorkshopFigures;
  firstMeeting: { date: string; provinceName: string; youthCentreName: string } | null;
  breakdown: { level: BreakdownLevel; rows: BreakdownRow[] } | null;
  perTerm: { year: number; no: number; meetingsHeld: number; youthCentres: number; provinces: number }[];
  workshopsByRegion: { region: string | null; workshops: number; participants: number; organisations: number; provinces: number; hostProvinces: number }[];
  requestsByCategory: { category: string; count: number }[];
}

interface Period {
  from: string;
  to: string;
}

/** Held meetings in scope and period. Parameters: from, to, then the scope's value (if any). */
function heldCte(scope: ReportScope): { sql: string; params: unknown[] } {
  const filter =
    scope.level === 'region' ? ['AND p.region = ?', [scope.region]]
    : scope.level === 'province' ? ['AND m.province_plate = ?', [scope.provincePlate]]
    : scope.level === 'youthCentre' ? ['AND m.youth_centre_id = ?', [scope.youthCentreId]]
    : ['', []];
  return {
    sql: `held AS (
      SELECT m.id, m.province_plate, m.youth_centre_id, m.date, m.start_time, m.term_year, m.term_no, p.region
      FROM meetings m JOIN provinces p ON p.plate = m.province_plate
      WHERE m.deleted_at IS NULL AND m.state = 'YAPILDI' AND m.date BETWEEN ? AND ? ${filter[0] as string}
    )`,
    params: filter[1] as unknown[],
  };
}

/**
 * STK attendances of held meetings, each with its organisation resolved through merges, and who came: a name key
 * (`q:`) is paired with that resolved organisation, so one representative of two merged CSOs is one person
 * (db/meetings/personKey.ts).
 */
const ATTENDANCE_CTE = `att AS (
  SELECT h.id AS meeting_id, h.region, h.province_plate, h.youth_centre_id,
         CASE WHEN mp.person_key LIKE 'q:%' THEN mp.person_key || '|' || COALESCE(o.merged_into, o.id, mp.organisation_id) ELSE mp.person_key END AS person_key,
         COALESCE(o.merged_into, o.id) AS org_id, CASE WHEN mp.organisation_id IS NULL THEN mp.organisation_name END AS org_text
  FROM held h
  JOIN meeting_participants mp ON mp.meeting_id = h.id
  LEFT JOIN organisations o ON o.id = mp.organisation_id
  -- Unary + keeps the planner on meeting_participants_meeting (per held meeting) rather than scanning every STK row.
  WHERE mp.deleted_at IS NULL AND +mp.kind = 'STK' AND +mp.attended = 1
)`;

/** Workshops in scope and period, and their participants in scope. */
function workshopCtes(scope: ReportScope): { sql: string; params: unknown[] } {
  const [wFilter, wParams, pFilter, pParams] =
    scope.level === 'region' ? ['AND w.region = ?', [scope.region], '', []]
    : scope.level === 'province'
      ? [
          'AND EXISTS (SELECT 1 FROM workshop_participants x WHERE x.workshop_id = w.id AND x.deleted_at IS NULL AND x.province_plate = ?)',
          [scope.provincePlate],
          'AND wp.province_plate = ?',
          [scope.provincePlate],
        ]
    : scope.level === 'youthCentre' ? ['AND 0', [], '', []]
    : ['', [], '', []];
  return {
    sql: `ws AS (
        SELECT w.id, w.region, w.host_plate FROM workshops w
        WHERE w.deleted_at IS NULL AND w.start_on BETWEEN ? AND ? ${wFilter as string}
      ),
      wpp AS (
        SELECT ws.id AS workshop_id, ws.region, wp.province_plate, COALESCE(o.merged_into, o.id) AS org_id,
               CASE WHEN wp.organisation_id IS NULL THEN wp.organisation_name END AS org_text
        FROM ws JOIN workshop_participants wp ON wp.workshop_id = ws.id
        LEFT JOIN organisations o ON o.id = wp.organisation_id
        WHERE wp.deleted_at IS NULL ${pFilter as string}
      )`,
    params: [...(wParams as unknown[]), ...(pParams as unknown[])],
  };
}

const CHILD_COLUMN: Record<BreakdownLevel, string> = { region: 'region', province: 'province_plate', youthCentre: 'youth_centre_id' };

export function breakdownLevelOf(scope: ReportScope): BreakdownLevel | null {
  return scope.level === 'national' ? 'region' : scope.level === 'region' ? 'province' : scope.level === 'province' ? 'youthCentre' : null;
}

/** The child units a breakdown lists (all of them, zero rows included), in Turkish order. */
function childUnits(db: OpenDatabase, scope: ReportScope, level: BreakdownLevel, regions: readonly string[]): { id: string; name: string }[] {
  if (level === 'region') return regions.map((r) => ({ id: r, name: r }));
  if (level === 'province' && scope.level === 'region') {
    return db.stmt('SELECT plate AS id, name FROM provinces WHERE region = ? ORDER BY sort_key').all(scope.region) as { id: string; name: string }[];
  }
  if (scope.level !== 'province') return [];
  // Live centres, and retired ones that still have meetings in the data.
  return db
    .stmt(
      `SELECT y.id, y.name FROM youth_centres y
       WHERE y.province_plate = ? AND (y.deleted_at IS NULL OR EXISTS (SELECT 1 FROM meetings m WHERE m.youth_centre_id = y.id AND m.deleted_at IS NULL))
       ORDER BY y.sort_key`,
    )
    .all(scope.provincePlate) as { id: string; name: string }[];
}

export function reportData(db: OpenDatabase, period: Period, scope: ReportScope, regions: readonly string[]): ReportData {
  const held = heldCte(scope);
  const heldParams = [period.from, period.to, ...held.params];
  const withHeld = `WITH ${held.sql}`;
  const withAtt = `WITH ${held.sql}, ${ATTENDANCE_CTE}`;

  const m = db
    .stmt(
      `${withHeld}
       SELECT COUNT(*) AS meetingsHeld, COUNT(DISTINCT province_plate) AS provincesWithMeeting,
              COUNT(DISTINCT youth_centre_id) AS youthCentresWithMeeting,
              (SELECT COUNT(*) FROM held h JOIN meeting_requests r ON r.meeting_id = h.id WHERE r.deleted_at IS NULL) AS requests,
              (SELECT COUNT(*) FROM held h JOIN meeting_decisions d ON d.meeting_id = h.id WHERE d.deleted_at IS NULL) AS decisions,
              (SELECT COUNT(*) FROM held h JOIN meeting_decisions d ON d.meeting_id = h.id WHERE d.deleted_at IS NULL AND d.state = 'TAMAMLANDI') AS decisionsCompleted
       FROM held`,
    )
    .get(...heldParams) as Omit<MeetingFigures, 'csoAttendances' | 'csoRepresentatives' | 'uniqueCsos'>;

  const level = breakdownLevelOf(scope);
  const child = level ? CHILD_COLUMN[level] : null;
  const grp = child ?? 'NULL';

  // Attendances and unique people per child unit (one grouped pass); totals from the same CTE.
  const att = db
    .stmt(`${withAtt} SELECT COUNT(*) AS attendances, COUNT(DISTINCT person_key) AS people FROM att`)
    .get(...heldParams) as { attendances: number; people: number };
  const orgRows = db.stmt(`${withAtt} SELECT DISTINCT ${grp} AS grp, org_id, org_text FROM att`).all(...heldParams) as { grp: string | null; org_id: string | null; org_text: string | null }[];
  const uniqueCsos = countOrganisations(orgRows.map((r) => ({ ...r, grp: null }))).get(null) ?? 0;

  let breakdown: ReportData['breakdown'] = null;
  if (level && child) {
    const meetingsBy = new Map(
      (db.stmt(`${withHeld} SELECT ${child} AS id, COUNT(*) AS n FROM held GROUP BY ${child}`).all(...heldParams) as { id: string; n: number }[]).map((r) => [r.id, r.n]),
    );
    const attBy = new Map(
      (db
        .stmt(`${withAtt} SELECT ${child} AS id, COUNT(*) AS attendances, COUNT(DISTINCT person_key) AS people FROM att GROUP BY ${child}`)
        .all(...heldParams) as { id: string; attendances: number; people: number }[]).map((r) => [r.id, r]),
    );
    const orgsBy = countOrganisations(orgRows);
    breakdown = {
      level,
      rows: childUnits(db, scope, level, regions).map((u) => ({
        id: u.id,
        name: u.name,
        meetingsHeld: meetingsBy.get(u.id) ?? 0,
        csoAttendances: attBy.get(u.id)?.attendances ?? 0,
        csoRepresentatives: attBy.get(u.id)?.people ?? 0,
        uniqueCsos: orgsBy.get(u.id) ?? 0,
      })),
    };
  }

  const firstMeeting =
    (db
      .stmt(
        `${withHeld}
         SELECT h.date, p.name AS provinceName, y.name AS youthCentreName
         FROM held h JOIN provinces p ON p.plate = h.province_plate JOIN youth_centres y ON y.id = h.youth_centre_id
         ORDER BY h.date, h.start_time LIMIT 1`,
      )
      .get(...heldParams) as ReportData['firstMeeting'] | undefined) ?? null;

  const perTerm = db
    .stmt(
      `${withHeld}
       SELECT term_year AS year, term_no AS no, COUNT(*) AS meetingsHeld, COUNT(DISTINCT youth_centre_id) AS youthCentres,
              COUNT(DISTINCT province_plate) AS provinces
       FROM held GROUP BY term_year, term_no ORDER BY term_year, term_no`,
    )
    .all(...heldParams) as ReportData['perTerm'];

  const requestsByCategory = db
    .stmt(
      `${withHeld}
       SELECT r.category, COUNT(*) AS count FROM held h JOIN meeting_requests r ON r.meeting_id = h.id
       WHERE r.deleted_at IS NULL GROUP BY r.category ORDER BY count DESC, r.category`,
    )
    .all(...heldParams) as ReportData['requestsByCategory'];

  // Workshops.
  const w = workshopCtes(scope);
  const wParams = [period.from, period.to, ...w.params];
  const withW = `WITH ${w.sql}`;
  const wTotals = db
    .stmt(
      `${withW}
       SELECT (SELECT COUNT(*) FROM ws) AS workshops, (SELECT COUNT(*) FROM wpp) AS workshopParticipants,
              (SELECT COUNT(DISTINCT province_plate) FROM wpp) AS workshopProvincesCovered,
              (SELECT COUNT(DISTINCT host_plate) FROM ws) AS workshopHostProvinces,
              (SELECT COUNT(DISTINCT region) FROM ws) AS workshopRegions`,
    )
    .get(...wParams) as Omit<WorkshopFigures, 'workshopOrganisations'>;
  const wOrgRows = db.stmt(`${withW} SELECT DISTINCT region AS grp, org_id, org_text FROM wpp`).all(...wParams) as { grp: string | null; org_id: string | null; org_text: string | null }[];
  const workshopOrganisations = countOrganisations(wOrgRows.map((r) => ({ ...r, grp: null }))).get(null) ?? 0;

  const byRegionRows = db
    .stmt(
      `${withW}
       SELECT ws.region, COUNT(*) AS workshops, COUNT(DISTINCT ws.host_plate) AS hostProvinces,
              COALESCE(SUM(c.participants), 0) AS participants
       FROM ws LEFT JOIN (SELECT workshop_id, COUNT(*) AS participants FROM wpp GROUP BY workshop_id) c ON c.workshop_id = ws.id
       GROUP BY ws.region`,
    )
    .all(...wParams) as { region: string | null; workshops: number; hostProvinces: number; participants: number }[];
  const provincesByRegion = new Map(
    (db.stmt(`${withW} SELECT region, COUNT(DISTINCT province_plate) AS n FROM wpp GROUP BY region`).all(...wParams) as { region: string | null; n: number }[]).map((r) => [r.region, r.n]),
  );
  const orgsByRegion = countOrganisations(wOrgRows);
  const regionRows = new Map(byRegionRows.map((r) => [r.region, r]));
  // Every region at national level (zeros are information too), then national summits; otherwise what exists.
  const regionKeys: (string | null)[] = scope.level === 'national' ? [...regions, null] : scope.level === 'region' ? [scope.region] : byRegionRows.map((r) => r.region);
  const workshopsByRegion = scope.level === 'youthCentre' ? [] : regionKeys
    .filter((k) => k !== null || regionRows.has(null))
    .map((k) => ({
      region: k,
      workshops: regionRows.get(k)?.workshops ?? 0,
      participants: regionRows.get(k)?.participants ?? 0,
      organisations: orgsByRegion.get(k) ?? 0,
      provinces: provincesByRegion.get(k) ?? 0,
      hostProvinces: regionRows.get(k)?.hostProvinces ?? 0,
    }));
  // Regions in their usual order, national summits last.
  const order = (region: string | null) => (region === null ? regions.length : regions.indexOf(region));
  if (scope.level === 'province') workshopsByRegion.sort((a, b) => order(a.region) - order(b.region));

  return {
    meetings: { ...m, csoAttendances: att.attendances, csoRepresentatives: att.people, uniqueCsos },
    workshops: { ...wTotals, workshopOrganisations },
    firstMeeting,
    breakdown,
    perTerm,
    workshopsByRegion,
    requestsByCategory,
  };
}

export interface ProvinceFiguresRow extends Omit<BreakdownRow, 'id'> {
  plate: string;
  region: string;
  /** Youth centres of the province with at least one held meeting in the period. */
  youthCentresWithMeeting: number;
}

/**
 * The meeting figures of every one of the 81 provinces for a period (zero rows included, in plate order), by
 * the same definitions as the report (the `held` and `att` CTEs): what the map colours at the ministry.
 */
export function provinceFigures(db: OpenDatabase, period: Period): ProvinceFiguresRow[] {
  const held = heldCte({ level: 'national' });
  const params = [period.from, period.to, ...held.params];
  const withHeld = `WITH ${held.sql}`;
  const withAtt = `WITH ${held.sql}, ${ATTENDANCE_CTE}`;
  const meetingsBy = new Map(
    (db
      .stmt(`${withHeld} SELECT province_plate AS id, COUNT(*) AS n, COUNT(DISTINCT youth_centre_id) AS centres FROM held GROUP BY province_plate`)
      .all(...params) as { id: string; n: number; centres: number }[]).map((r) => [r.id, r]),
  );
  const attBy = new Map(
    (db
      .stmt(`${withAtt} SELECT province_plate AS id, COUNT(*) AS attendances, COUNT(DISTINCT person_key) AS people FROM att GROUP BY province_plate`)
      .all(...params) as { id: string; attendances: number; people: number }[]).map((r) => [r.id, r]),
  );
  const orgRows = db.stmt(`${withAtt} SELECT DISTINCT province_plate AS grp, org_id, org_text FROM att`).all(...params) as { grp: string | null; org_id: string | null; org_text: string | null }[];
  const orgsBy = countOrganisations(orgRows);
  const provinces = db.stmt('SELECT plate, name, region FROM provinces ORDER BY plate').all() as { plate: string; name: string; region: string }[];
  return provinces.map((p) => ({
    ...p,
    meetingsHeld: meetingsBy.get(p.plate)?.n ?? 0,
    youthCentresWithMeeting: meetingsBy.get(p.plate)?.centres ?? 0,
    csoAttendances: attBy.get(p.plate)?.attendances ?? 0,
    csoRepresentatives: attBy.get(p.plate)?.people ?? 0,
    uniqueCsos: orgsBy.get(p.plate) ?? 0,
  }));
}

/** The queries behind the report, for EXPLAIN QUERY PLAN checks (tests/reports). */
export function reportQueryPlans(db: OpenDatabase, scope: ReportScope): Record<'held' | 'attendances' | 'requests' | 'decisions' | 'workshops', string[]> {
  const held = heldCte(scope);
  const w = workshopCtes(scope);
  const params = ['2020-01-01', '2020-12-31', ...held.params];
  const plan = (sql: string, p: unknown[]) => (db.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...p) as { detail: string }[]).map((r) => r.detail);
  return {
    held: plan(`WITH ${held.sql} SELECT COUNT(*) FROM held`, params),
    attendances: plan(`WITH ${held.sql}, ${ATTENDANCE_CTE} SELECT COUNT(*), COUNT(DISTINCT person_key) FROM att`, params),
    requests: plan(`WITH ${held.sql} SELECT COUNT(*) FROM held h JOIN meeting_requests r ON r.meeting_id = h.id WHERE r.deleted_at IS NULL`, params),
    decisions: plan(`WITH ${held.sql} SELECT COUNT(*) FROM held h JOIN meeting_decisions d ON d.meeting_id = h.id WHERE d.deleted_at IS NULL`, params),
    workshops: plan(`WITH ${w.sql} SELECT (SELECT COUNT(*) FROM ws), (SELECT COUNT(*) FROM wpp)`, ['2020-01-01', '2020-12-31', ...w.params]),
  };
}

export interface PublishedReportRow {
  id: string;
  title: string;
  period_from: string;
  period_to: string;
  scope_label: string;
  report: string;
  published_at: string;
}

/**
 * The figures the ministry published, newest first. Only the ministry's rows: the exchange refuses anyone
 * else's, and a row of another unit written into this installation's own log (a modified client) is not shown.
 */
export function publishedReports(db: OpenDatabase): PublishedReportRow[] {
  return db
    .stmt(
      `SELECT id, title, period_from, period_to, scope_label, report, published_at FROM published_reports
       WHERE owner_unit = 'ministry' AND deleted_at IS NULL ORDER BY published_at DESC, id DESC`,
    )
    .all() as PublishedReportRow[];
}
