import { RETENTION_RULES, type RetentionRuleId, type RetentionYears } from '../../shared/privacy/retention';
import type { ChangeWriter } from '../changeLog/writer';
import type { SyncedTableSpec } from '../changeLog/writer';
import { contactsSpec } from '../directory/specs';
import { meetingParticipantsSpec } from '../meetings/specs';
import type { OpenDatabase } from '../open';
import { associationPeopleSpec } from '../registry/specs';

// Retention and destruction (issue #16; DOMAIN.md §9): the ministry's retention rules applied to what this
// installation holds. For each rule whose period has run out on a record:
// - the installation that owns the record erases the values (its own change, through the change writer, so the
//   erasure reaches every installation that holds a copy);
// - every installation, the owner included, rewrites the earlier values of those columns in its change log (and
//   in open conflicts) to null, as the erasure of removed people does (db/sync/erasure.ts): a change it must
//   still send up with its signature waits for the parent's receipt, and the next run erases it;
// - local logs past their period (the reveal log, the destruction log itself) lose their old entries.
// Each rule applied is written to destruction_log (rule, category, counts, trigger, actor), never the values.
// Erasing contact details and TC numbers changes no report figure; anonymising names (the association file,
// meeting records, workshop participants) is not done yet (see the issue note).

interface Erasure {
  rule: RetentionRuleId;
  table: string;
  spec: SyncedTableSpec;
  columns: readonly string[];
  /** Ids and owners of the records whose period has run out by the cut-off date (`@cutoff`). */
  due: string;
}

const ERASURES: readonly Erasure[] = [
  {
    rule: 'boardMemberTcKimlikNo',
    table: 'association_people',
    spec: associationPeopleSpec,
    columns: ['tc_kimlik_no'],
    due: 'SELECT id, owner_unit FROM association_people WHERE term_end IS NOT NULL AND term_end <= @cutoff',
  },
  {
    rule: 'boardMemberContact',
    table: 'association_people',
    spec: associationPeopleSpec,
    columns: ['phone', 'email'],
    due: 'SELECT id, owner_unit FROM association_people WHERE term_end IS NOT NULL AND term_end <= @cutoff',
  },
  {
    rule: 'meetingParticipantContact',
    table: 'meeting_participants',
    spec: meetingParticipantsSpec,
    columns: ['phone', 'email'],
    due: 'SELECT p.id, p.owner_unit FROM meeting_participants p JOIN meetings m ON m.id = p.meeting_id WHERE m.date <= @cutoff',
  },
  {
    rule: 'directoryContacts',
    table: 'contacts',
    spec: contactsSpec,
    columns: ['phone', 'email', 'notes'],
    due: 'SELECT id, owner_unit FROM contacts WHERE deleted_at IS NOT NULL AND substr(deleted_at, 1, 10) <= @cutoff',
  },
];

interface LogPrune {
  rule: RetentionRuleId;
  table: string;
  /** Entries older than the cut-off. */
  due: string;
  remove: string;
}

/**
 * Ledger entries the exchange still relies on are kept whatever their age: a file sent and not yet confirmed
 * (the custody board), and the newest entry of each kind per peer (receipts count from the newest confirmed
 * file; an entry at all shows the installation's keys were published, electron/app/keyFiles.ts).
 */
const LEDGER_PRUNABLE = `substr(at, 1, 10) < @cutoff AND NOT (direction = 'export' AND received_at IS NULL)
  AND id NOT IN (SELECT max(id) FROM sync_ledger GROUP BY direction, peer_node)`;

const LOG_PRUNES: readonly LogPrune[] = [
  { rule: 'exchangeLedger', table: 'sync_ledger', due: `SELECT count(*) AS n FROM sync_ledger WHERE ${LEDGER_PRUNABLE}`, remove: `DELETE FROM sync_ledger WHERE ${LEDGER_PRUNABLE}` },
  { rule: 'revealLog', table: 'reveal_log', due: 'SELECT count(*) AS n FROM reveal_log WHERE substr(at, 1, 10) < @cutoff', remove: 'DELETE FROM reveal_log WHERE substr(at, 1, 10) < @cutoff' },
  {
    rule: 'destructionLog',
    table: 'destruction_log',
    due: 'SELECT count(*) AS n FROM destruction_log WHERE substr(destroyed_at, 1, 10) < @cutoff',
    remove: 'DELETE FROM destruction_log WHERE substr(destroyed_at, 1, 10) < @cutoff',
  },
];

/** The rules this version applies (the others are listed by the preview as not applied yet). */
export const APPLIED_RULES: ReadonlySet<RetentionRuleId> = new Set([...ERASURES.map((e) => e.rule), ...LOG_PRUNES.map((p) => p.rule)]);

/** `today` minus `years` whole years (29 February falls back to the 28th). */
export function cutoffDate(today: string, years: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const year = y - years;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export interface DestructionLine {
  rule: RetentionRuleId;
  table: string;
  columns: string[];
  years: number;
  cutoff: string;
  /** Records this installation owns whose values go now (or log entries deleted). */
  records: number;
  /** Earlier values in this installation's change log rewritten to null. */
  copies: number;
  /** Earlier values that wait for the parent's receipt before they can be rewritten. */
  waiting: number;
}

function columnList(columns: readonly string[]): string {
  return columns.map((c) => `'${c}'`).join(', ');
}

/** The change-log values of `columns` of the row still holding something (the ones the erasure rewrites). */
function carriedValues(db: OpenDatabase, table: string, row: string, columns: readonly string[]) {
  return db
    .stmt(
      `SELECT c.id, c.origin_node AS origin, c.seq FROM change_log_runs r JOIN change_log c ON c.id BETWEEN r.first_id AND r.last_id
       WHERE r.table_name = ? AND r.row_id = ? AND c.column_name IN (${columnList(columns)}) AND c.value <> 'null'`,
    )
    .all(table, row) as { id: number; origin: string; seq: number }[];
}

export interface DestructionContext {
  today: string;
  unitId: string;
  years: RetentionYears;
  /** Whether nothing here still has to send that change up with its signature (electron/sync/service.ts). */
  mayErase: (origin: string, seq: number) => boolean;
}

/**
 * Applies the rules (inside the caller's transaction when `writer` is given; without one, only counts: the
 * preview). Returns one line per rule and table, with what was (or would be) done.
 */
export function applyRetention(db: OpenDatabase, context: DestructionContext, writer: ChangeWriter | null): DestructionLine[] {
  const lines: DestructionLine[] = [];
  for (const erasure of ERASURES) {
    const years = context.years[erasure.rule];
    const cutoff = cutoffDate(context.today, years);
    const line: DestructionLine = { rule: erasure.rule, table: erasure.table, columns: [...erasure.columns], years, cutoff, records: 0, copies: 0, waiting: 0 };
    const holding = erasure.columns.map((c) => `${c} IS NOT NULL`).join(' OR ');
    const rows = db.stmt(`SELECT d.id, d.owner_unit AS owner, (SELECT ${holding} FROM ${erasure.table} WHERE id = d.id) AS holds FROM (${erasure.due}) d`).all({ cutoff }) as {
      id: string;
      owner: string;
      holds: number;
    }[];
    for (const row of rows) {
      if (row.holds && row.owner === context.unitId) {
        line.records++;
        if (writer) writer.update(erasure.spec, row.id, Object.fromEntries(erasure.columns.map((c) => [c, null])));
      } else if (row.holds) continue; // the owner erases it; its change brings the null here, and a later run the copies
      for (const carried of carriedValues(db, erasure.table, row.id, erasure.columns)) {
        if (!context.mayErase(carried.origin, carried.seq)) {
          line.waiting++;
          continue;
        }
        line.copies++;
        if (writer) db.stmt("UPDATE change_log SET value = 'null' WHERE id = ?").run(carried.id);
      }
      if (writer) {
        db.stmt(`UPDATE sync_conflicts SET local_value = 'null', remote_value = 'null' WHERE table_name = ? AND row_id = ? AND column_name IN (${columnList(erasure.columns)})`).run(
          erasure.table,
          row.id,
        );
      }
    }
    lines.push(line);
  }
  for (const prune of LOG_PRUNES) {
    const years = context.years[prune.rule];
    const cutoff = cutoffDate(context.today, years);
    const records = (db.stmt(prune.due).get({ cutoff }) as { n: number }).n;
    if (writer && records > 0) db.stmt(prune.remove).run({ cutoff });
    lines.push({ rule: prune.rule, table: prune.table, columns: [], years, cutoff, records, copies: 0, waiting: 0 });
  }
  return lines;
}

/** Writes what a run did to the destruction log: one entry per rule that destroyed something. */
export function logDestruction(db: OpenDatabase, lines: readonly DestructionLine[], at: string, trigger: 'periodic' | 'manual', actor: string): number {
  let written = 0;
  for (const line of lines) {
    if (line.records === 0 && line.copies === 0) continue;
    db.stmt(
      `INSERT INTO destruction_log (table_name, row_id, reason, source, destroyed_at, rule_id, columns, records, copies, trigger, actor)
       VALUES (?, '*', 'retention', ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(line.table, `${line.years} yıl; ${line.cutoff} ve öncesi`, at, line.rule, line.columns.join(',') || null, line.records, line.copies, trigger, actor);
    written++;
  }
  return written;
}

export interface DestructionLogEntry {
  id: number;
  at: string;
  reason: string;
  ruleId: string | null;
  table: string;
  columns: string | null;
  records: number;
  copies: number;
  trigger: string | null;
  actor: string | null;
  source: string | null;
}

/** The destruction log, newest first: retention runs as they are, rows removed from the scope summed per day and table. */
export function readDestructionLog(db: OpenDatabase, limit = 500): DestructionLogEntry[] {
  return db
    .stmt(
      `SELECT max(id) AS id, max(destroyed_at) AS at, reason, rule_id AS ruleId, table_name AS "table", columns,
              sum(coalesce(records, 1)) AS records, sum(coalesce(copies, 0)) AS copies, trigger, actor, max(source) AS source
         FROM destruction_log
        GROUP BY CASE WHEN reason = 'retention' THEN id ELSE NULL END, reason, table_name, substr(destroyed_at, 1, 10)
        ORDER BY at DESC, id DESC LIMIT ?`,
    )
    .all(limit) as DestructionLogEntry[];
}

/** The rule definitions in the order the preview lists them. */
export const RULE_ORDER = RETENTION_RULES.map((r) => r.id);
