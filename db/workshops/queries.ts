import type { WorkshopDetail, WorkshopSummary } from '../../shared/contract/workshops';
import type { WorkshopKind } from '../../shared/meetings/fields';
import { compareTurkish, foldTurkish } from '../../shared/turkish';
import type { OpenDatabase } from '../open';

// Reads for workshops and summits. Counts are set-based: one grouped pass over the live participants,
// organisations resolved through merges (a merged record counts as the one it was merged into), free-text
// organisations by their lower-cased name.

export interface WorkshopFilter {
  kind?: WorkshopKind;
  region?: string;
  from?: string;
  to?: string;
}

/**
 * Distinct organisations per group: directory records by their surviving id, free text by its folded name
 * (SQLite cannot fold Turkish letters, so the distinct raw names are folded here: a set, not a row loop).
 */
export function countOrganisations(rows: { grp: string | null; org_id: string | null; org_text: string | null }[]): Map<string | null, number> {
  const sets = new Map<string | null, Set<string>>();
  for (const r of rows) {
    const key = r.org_id ? `o:${r.org_id}` : r.org_text && foldTurkish(r.org_text) ? `t:${foldTurkish(r.org_text)}` : null;
    if (!key) continue;
    let set = sets.get(r.grp);
    if (!set) sets.set(r.grp, (set = new Set()));
    set.add(key);
  }
  return new Map([...sets].map(([k, v]) => [k, v.size]));
}


const SUMMARY = `
  SELECT w.id, w.kind, w.title, w.region, w.host_plate AS hostPlate, hp.name AS hostName, w.start_on AS startOn,
         w.end_on AS endOn, w.venue,
         COALESCE(c.participants, 0) AS participants, 0 AS organisations,
         COALESCE(c.provinces, 0) AS provinces
  FROM workshops w
  LEFT JOIN provinces hp ON hp.plate = w.host_plate
  LEFT JOIN (
    SELECT wp.workshop_id, COUNT(*) AS participants,
           COUNT(DISTINCT wp.province_plate) AS provinces
    FROM workshop_participants wp
    WHERE wp.deleted_at IS NULL
    GROUP BY wp.workshop_id
  ) c ON c.workshop_id = w.id`;

/** Fills in each workshop's distinct organisations (merges resolved, free text folded) in one grouped read. */
function withOrganisations(db: OpenDatabase, rows: WorkshopSummary[]): WorkshopSummary[] {
  if (rows.length === 0) return rows;
  const orgRows = db
    .stmt(
      `SELECT DISTINCT wp.workshop_id AS grp, COALESCE(o.merged_into, o.id) AS org_id,
              CASE WHEN wp.organisation_id IS NULL THEN wp.organisation_name END AS org_text
       FROM json_each(?) j JOIN workshop_participants wp ON wp.workshop_id = j.value
       LEFT JOIN organisations o ON o.id = wp.organisation_id
       WHERE wp.deleted_at IS NULL`,
    )
    .all(JSON.stringify(rows.map((r) => r.id))) as { grp: string; org_id: string | null; org_text: string | null }[];
  const counts = countOrganisations(orgRows);
  return rows.map((r) => ({ ...r, organisations: counts.get(r.id) ?? 0 }));
}

export function listWorkshops(db: OpenDatabase, filter: WorkshopFilter): WorkshopSummary[] {
  const where = ['w.deleted_at IS NULL'];
  const params: unknown[] = [];
  if (filter.kind) {
    where.push('w.kind = ?');
    params.push(filter.kind);
  }
  if (filter.region) {
    where.push('w.region = ?');
    params.push(filter.region);
  }
  if (filter.from) {
    where.push('w.start_on >= ?');
    params.push(filter.from);
  }
  if (filter.to) {
    where.push('w.start_on <= ?');
    params.push(filter.to);
  }
  return withOrganisations(db, db.stmt(`${SUMMARY} WHERE ${where.join(' AND ')} ORDER BY w.start_on DESC, w.created_at DESC`).all(...params) as WorkshopSummary[]);
}

export interface WorkshopRow {
  id: string;
  owner_unit: string;
  deleted_at: string | null;
  kind: WorkshopKind;
  region: string | null;
  host_plate: string | null;
  start_on: string;
  end_on: string;
}

export function workshopRow(db: OpenDatabase, id: string): WorkshopRow | undefined {
  return db.stmt('SELECT id, owner_unit, deleted_at, kind, region, host_plate, start_on, end_on FROM workshops WHERE id = ?').get(id) as WorkshopRow | undefined;
}

export function workshopDetail(db: OpenDatabase, id: string, viewerUnit: string): WorkshopDetail | undefined {
  const found = db.stmt(`${SUMMARY} WHERE w.id = ? AND w.deleted_at IS NULL`).get(id) as WorkshopSummary | undefined;
  if (!found) return undefined;
  const row = withOrganisations(db, [found])[0]!;
  const extra = db.stmt('SELECT programme, findings, owner_unit FROM workshops WHERE id = ?').get(id) as { programme: string; findings: string | null; owner_unit: string };
  const participants = db
    .stmt(
      `SELECT wp.id, wp.full_name AS fullName, wp.title, wp.organisation_id AS organisationId,
              COALESCE(m.name, o.name, NULLIF(TRIM(wp.organisation_name), '')) AS organisationName,
              wp.province_plate AS provincePlate, p.name AS provinceName
       FROM workshop_participants wp
       JOIN provinces p ON p.plate = wp.province_plate
       LEFT JOIN organisations o ON o.id = wp.organisation_id
       LEFT JOIN organisations m ON m.id = o.merged_into
       WHERE wp.workshop_id = ? AND wp.deleted_at IS NULL
       ORDER BY p.sort_key, wp.full_name`,
    )
    .all(id) as (WorkshopDetail['participantList'][number] & { provinceName: string })[];
  // Within a province, people in Turkish alphabetical order (the province order comes from SQL).
  const rank = new Map<string, number>();
  for (const p of participants) if (!rank.has(p.provincePlate)) rank.set(p.provincePlate, rank.size);
  participants.sort((a, b) => rank.get(a.provincePlate)! - rank.get(b.provincePlate)! || compareTurkish(a.fullName, b.fullName));
  return {
    ...row,
    programme: JSON.parse(extra.programme) as WorkshopDetail['programme'],
    findings: extra.findings,
    participantList: participants,
    canEdit: extra.owner_unit === viewerUnit,
  };
}

/** Live organisations among the given ids (merged ones included: they resolve to the surviving record). */
export function existingOrganisations(db: OpenDatabase, ids: string[]): Set<string> {
  if (ids.length === 0) return new Set();
  const rows = db
    .stmt(`SELECT o.id FROM organisations o JOIN json_each(?) j ON j.value = o.id WHERE o.deleted_at IS NULL`)
    .all(JSON.stringify(ids)) as { id: string }[];
  return new Set(rows.map((r) => r.id));
}
