import type { RegistryPolicy } from '../../shared/registry/policy';
import type { RegistrationState } from '../../shared/registry/registration';
import type { VisaStatus } from '../../shared/registry/visa';
import type { Role } from '../../shared/contract';
import { FOLLOW_UPS_FROM } from '../directory/queries';
import type { OpenDatabase } from '../open';
import { visaSql } from '../registry/visaSql';
import { SYNCED_BY_NAME } from '../sync/tables';

// Counts for the home page (home:today). Each is one indexed COUNT over what the list it links to shows,
// with that list's own conditions, so the number on the home page is the number of rows the list opens with.
// Nothing here loads a list: the ministry holds ~100,000 associations.

/** Live associations per registration state, for the given states, in a province (null: every province). */
export function registrationStateCounts(db: OpenDatabase, states: readonly RegistrationState[], plate: string | null): Record<RegistrationState, number> {
  const counts = Object.fromEntries(states.map((s) => [s, 0])) as Record<RegistrationState, number>;
  if (states.length === 0) return counts;
  // One probe of associations_status_sort per state; the province filter is checked on the rows found.
  const inStates = states.map(() => '?').join(', ');
  const rows = db
    .stmt(
      `SELECT a.status AS status, count(*) AS n FROM associations a
       WHERE a.status IN (${inStates}) AND a.deleted_at IS NULL ${plate ? 'AND a.province_plate = ?' : ''} GROUP BY a.status`,
    )
    .all(...states, ...(plate ? [plate] : [])) as { status: RegistrationState; n: number }[];
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

/**
 * Associations of a province per visa status for a year, by the same SQL expression the registry list filters
 * with (db/registry/visaSql.ts). Only registered or suspended associations can have a status other than
 * "out of scope", so only those are read (the province's rows of associations_province_sort).
 */
export function visaStatusCounts(
  db: OpenDatabase, plate: string, year: number, today: string, policy: Pick<RegistryPolicy, 'visaWindow' | 'yearsWithoutVisaForCancellation'>,
): Partial<Record<VisaStatus, number>> {
  const visa = visaSql(year, today, policy);
  const rows = db
    .stmt(
      `SELECT ${visa.status} AS status, count(*) AS n FROM associations a
       WHERE a.province_plate = @plate AND a.deleted_at IS NULL AND a.status IN ('TESCILLI', 'ASKIDA') GROUP BY 1`,
    )
    .all({ ...visa.params, plate }) as { status: VisaStatus; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

export interface OpenAndOverdue {
  open: number;
  overdue: number;
}

/** This unit's open follow-up tasks and how many are past due: what directory:followUps lists. */
export function followUpCounts(db: OpenDatabase, unitId: string, today: string): OpenAndOverdue {
  return db
    .stmt(
      `SELECT count(*) AS open, coalesce(sum(i.follow_up_due IS NOT NULL AND i.follow_up_due < @today), 0) AS overdue
       ${FOLLOW_UPS_FROM} AND i.follow_up_done_on IS NULL`,
    )
    .get({ unit: unitId, today }) as OpenAndOverdue;
}

/** Open conflicts, and how many of them this unit may resolve (it owns the row: sync:conflicts' canResolve). */
export function conflictCounts(db: OpenDatabase, unitId: string): { open: number; mine: number } {
  const perTable = db.stmt('SELECT table_name AS name, count(*) AS n FROM sync_conflicts WHERE resolved_at IS NULL GROUP BY table_name').all() as {
    name: string; n: number;
  }[];
  let open = 0;
  let mine = 0;
  for (const table of perTable) {
    open += table.n;
    // Table names come from the inbox: only known synced tables go into the SQL text.
    if (!SYNCED_BY_NAME.has(table.name)) continue;
    mine += (
      db
        .stmt(`SELECT count(*) AS n FROM sync_conflicts c JOIN "${table.name}" r ON r.id = c.row_id WHERE c.table_name = ? AND c.resolved_at IS NULL AND r.owner_unit = ?`)
        .get(table.name, unitId) as { n: number }
    ).n;
  }
  return { open, mine };
}

/** Transfers into a province that the sending province has approved: waiting for this one to accept. */
export function transfersToAccept(db: OpenDatabase, plate: string): number {
  return (
    db
      .stmt(
        `SELECT count(*) AS n FROM transfers t JOIN associations a ON a.id = t.association_id
         WHERE t.to_plate = ? AND t.state = 'GONDEREN_ONAYI' AND t.deleted_at IS NULL AND t.owner_unit = a.owner_unit`,
      )
      .get(plate) as { n: number }
  ).n;
}

/** An association of this unit waiting for the approver, with the change that carries its "send for approval" step. */
export interface AwaitingApprovalRow {
  associationId: string;
  /** When the step was taken (ISO), or null when no such step is held (e.g. imported in this state). */
  sentAt: string | null;
  /** The origin and sequence number of the step's last logged change: what a peer's vector is compared with. */
  origin: string | null;
  seq: number | null;
}

/** The unit's associations in ONAYDA and the change that put each there: the home page's "sent and waiting". */
export function awaitingApproval(db: OpenDatabase, plate: string, unitId: string): AwaitingApprovalRow[] {
  return db
    .stmt(
      `WITH pending AS (
         SELECT a.id AS associationId,
           (SELECT h.id FROM association_history h WHERE h.association_id = a.id AND h.action = 'sendForApproval'
              AND h.owner_unit = a.owner_unit AND h.deleted_at IS NULL ORDER BY h.at DESC, h.id DESC LIMIT 1) AS stepId
         FROM associations a
         WHERE a.status = 'ONAYDA' AND a.deleted_at IS NULL AND a.province_plate = @plate AND a.owner_unit = @unit
       )
       SELECT p.associationId, h.at AS sentAt, c.origin_node AS origin, c.seq
       FROM pending p LEFT JOIN association_history h ON h.id = p.stepId
       LEFT JOIN change_log c ON c.id = (SELECT max(r.last_id) FROM change_log_runs r WHERE r.table_name = 'association_history' AND r.row_id = p.stepId)`,
    )
    .all({ plate, unit: unitId }) as AwaitingApprovalRow[];
}

export interface PeerRow {
  nodeId: string;
  unitName: string;
  role: Role;
  /** The vector the peer said it holds in its latest file (origin → highest seq). */
  acked: Record<string, number>;
  lastReceivedAt: string | null;
}

/** The installation this one sends its work up to (the ministry for a province, the province for a centre). */
export function parentPeer(db: OpenDatabase, role: Role): PeerRow | null {
  const parentRole: Role | null = role === 'province' ? 'ministry' : role === 'youth-center' ? 'province' : null;
  if (!parentRole) return null;
  const row = db
    .stmt('SELECT node_id AS nodeId, unit_name AS unitName, role, acked_vector AS acked, last_received_at AS lastReceivedAt FROM sync_peers WHERE role = ? ORDER BY enrolled_at DESC LIMIT 1')
    .get(parentRole) as (Omit<PeerRow, 'acked'> & { acked: string }) | undefined;
  return row ? { ...row, acked: JSON.parse(row.acked) as Record<string, number> } : null;
}

export interface ExportRow {
  file: string;
  at: string;
  /** When the peer applied it, by its receipt (null: no receipt yet). */
  receivedAt: string | null;
  /**
   * A file to the parent: per origin, the last change it carried (null: a file down to a child, or one written
   * before this was recorded).
   */
  upTo: Record<string, number> | null;
}

/** The files written for a peer, oldest first. */
export function exportsTo(db: OpenDatabase, peerNode: string): ExportRow[] {
  const rows = db
    .stmt(
      `SELECT file_name AS file, at, received_at AS receivedAt, json_extract(summary, '$.upTo') AS upTo
       FROM sync_ledger WHERE direction = 'export' AND peer_node = ? ORDER BY id`,
    )
    .all(peerNode) as (Omit<ExportRow, 'upTo'> & { upTo: string | null })[];
  return rows.map((r) => ({ ...r, upTo: r.upTo === null ? null : (JSON.parse(r.upTo) as Record<string, number>) }));
}
