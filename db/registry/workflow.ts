import type { Statement } from 'better-sqlite3';
import type { ApprovingLevel } from '../../shared/registry/policy';
import { replayLineage, type ApprovingPolicy, type Verdict, type WorkflowRecord, type WorkflowResult, type WorkflowStep } from '../../shared/registry/workflow';
import { POLICY_ID } from './queries';

// Reads what the workflow replay (shared/registry/workflow.ts) needs from the database: an association's steps
// with those of the records it was transferred from, in one query, and the approving level's versions.

interface Statements {
  stmt(sql: string): Statement;
}

/** How far back a chain of transfers is followed (a loop of forged links ends here too). */
const MAX_LINEAGE = 20;

/** The association and the records it came from, each with its steps; `kinds` narrows the steps read. */
const lineageSql = (kinds: string) => `WITH RECURSIVE lineage(id, owner, origin, depth) AS (
    SELECT @id, @owner, @origin, 0
    UNION ALL
    SELECT a.id, a.owner_unit, a.transferred_from, l.depth + 1 FROM lineage l JOIN associations a ON a.id = l.origin WHERE l.depth < ${MAX_LINEAGE}
  )
  SELECT l.depth, l.id AS record, l.owner, l.origin, h.id, h.kind, h.action, h.from_state AS fromState, h.to_state AS toState, h.at, h.owner_unit AS author, h.data
  FROM lineage l LEFT JOIN association_history h ON h.association_id = l.id AND h.deleted_at IS NULL ${kinds}
  ORDER BY l.depth`;

/** The kinds that decide derived state (what every write of an association reads), and one more if asked. */
const STATE_LINEAGE = lineageSql(`AND (h.kind IN ('REGISTRATION', 'TRANSFER') OR h.kind = @kind)`);
const FULL_LINEAGE = lineageSql('');

/**
 * Every accepted change of the policy row's value and update time (each edit logs both under one clock) and,
 * last, the row as it stands (during an import its newest change may not be in the log yet).
 */
const POLICY_SQL = `SELECT c.hlc AS hlc, c.column_name AS col, c.value AS value
  FROM change_log_runs r JOIN change_log c ON c.id BETWEEN r.first_id AND r.last_id
  WHERE r.table_name = 'reference_data' AND r.row_id = '${POLICY_ID}' AND c.column_name IN ('value', 'updated_at') AND c.rejected = 0
  UNION ALL
  SELECT NULL, 'row', json_array(CASE WHEN json_valid(value) THEN json_extract(value, '$.approvingLevel') END, updated_at) FROM reference_data WHERE id = '${POLICY_ID}' AND deleted_at IS NULL`;

const isLevel = (value: unknown): value is ApprovingLevel => value === 'ministry' || value === 'province';

/** The approving level named in a logged policy value (the JSON text of the policy, logged as a JSON string). */
function levelOf(logged: string): unknown {
  try {
    const policy = JSON.parse(JSON.parse(logged) as string) as { approvingLevel?: unknown };
    return policy?.approvingLevel;
  } catch {
    return undefined;
  }
}

/**
 * The approving level over time: each version of the ministry's policy takes effect at its update time (the
 * ministry's clock, a synced column, so the same on every installation), read from the policy's changes in the
 * log and from the row itself. Versions are ordered by that time; of two with the same time, the row's (the
 * newest) comes last.
 */
export function approvingPolicy(db: Statements): ApprovingPolicy {
  const rows = db.stmt(POLICY_SQL).all() as { hlc: string | null; col: string; value: string }[];
  const edits = new Map<string, { level?: unknown; at?: unknown }>();
  let newest: { from: number; level: ApprovingLevel } | null = null;
  for (const row of rows) {
    if (row.hlc === null) {
      const [level, at] = JSON.parse(row.value) as [unknown, unknown];
      if (isLevel(level) && typeof at === 'string') newest = { from: Date.parse(at), level };
      continue;
    }
    const edit = edits.get(row.hlc) ?? {};
    if (row.col === 'value') edit.level = levelOf(row.value);
    else edit.at = JSON.parse(row.value) as unknown;
    edits.set(row.hlc, edit);
  }
  const versions: { from: number; level: ApprovingLevel; hlc: string }[] = [];
  for (const [hlc, edit] of edits) {
    if (isLevel(edit.level) && typeof edit.at === 'string' && !Number.isNaN(Date.parse(edit.at))) versions.push({ from: Date.parse(edit.at), level: edit.level, hlc });
  }
  versions.sort((a, b) => a.from - b.from || (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
  const timeline = versions.map(({ from, level }) => ({ from, level }));
  if (newest && !Number.isNaN(newest.from)) {
    // The row is the newest version: last among those of its time (it may also be in the log already).
    const same = timeline.findIndex((v) => v.from === newest!.from && v.level === newest!.level);
    if (same >= 0) timeline.splice(same, 1);
    let at = timeline.length;
    while (at > 0 && timeline[at - 1]!.from > newest.from) at--;
    timeline.splice(at, 0, newest);
  }
  return { current: newest?.level ?? 'ministry', versions: timeline };
}

function parseData(json: unknown): Record<string, unknown> {
  if (typeof json !== 'string') return {};
  try {
    const value = JSON.parse(json) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export interface AssociationKey {
  id: string;
  owner_unit: unknown;
  transferred_from?: unknown;
}

interface LineageRow {
  depth: number;
  record: string;
  owner: string | null;
  origin: string | null;
  id: string | null;
  kind: string;
  action: string;
  fromState: string | null;
  toState: string | null;
  at: string;
  author: string;
  data: string;
}

/** The association (as given: it may not be stored yet) and the records it came from, oldest first. */
function lineage(db: Statements, association: AssociationKey, full: boolean, kind: string | null): WorkflowRecord[] {
  const params = { id: association.id, owner: String(association.owner_unit ?? ''), origin: (association.transferred_from as string | null | undefined) ?? null };
  const rows = (full ? db.stmt(FULL_LINEAGE).all(params) : db.stmt(STATE_LINEAGE).all({ ...params, kind })) as LineageRow[];
  const records: (WorkflowRecord & { steps: WorkflowStep[] })[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    let record = records.at(-1);
    if (!record || records.length - 1 !== row.depth) {
      // A loop of transferred_from links: stop where a record repeats.
      if (seen.has(row.record)) break;
      seen.add(row.record);
      record = { id: row.record, ownerUnit: row.owner ?? '', transferredFrom: row.origin, steps: [] };
      records.push(record);
    }
    if (row.id !== null) {
      record.steps.push({ id: row.id, kind: row.kind, action: row.action, fromState: row.fromState, toState: row.toState, at: row.at, author: row.author, data: parseData(row.data) });
    }
  }
  return records.reverse();
}

export interface Replayed {
  records: WorkflowRecord[];
  results: WorkflowResult[];
}

/**
 * Replays an association's workflows (with those of the records it was transferred from). `full` reads every
 * kind of step and the visa applications' decisions, to explain each step; without it only what derived state
 * needs is read (and steps of `kind`, to judge one of them): one query, and the policy's versions only when an
 * approver's step is met.
 */
export function replayAssociation(db: Statements, association: AssociationKey, full = false, kind: string | null = null): Replayed {
  const records = lineage(db, association, full, kind);
  let decisions: Map<string, string> | undefined;
  if (full) {
    const ids = JSON.stringify(records.map((r) => r.id));
    const rows = db.stmt('SELECT id, state FROM visa_applications WHERE association_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL').all(ids) as { id: string; state: string }[];
    decisions = new Map(rows.map((r) => [r.id, r.state]));
  }
  const results = replayLineage(records, () => approvingPolicy(db), decisions);
  return { records, results };
}

/** Why each step of an association's timeline (its own and its predecessors') does not count, by history id. */
export function stepVerdicts(db: Statements, associationId: string): Map<string, Verdict> {
  const association = db.stmt('SELECT id, owner_unit, transferred_from FROM associations WHERE id = ?').get(associationId) as AssociationKey | undefined;
  const verdicts = new Map<string, Verdict>();
  if (!association) return verdicts;
  for (const result of replayAssociation(db, association, true).results) for (const [id, verdict] of result.refused) verdicts.set(id, verdict);
  return verdicts;
}
