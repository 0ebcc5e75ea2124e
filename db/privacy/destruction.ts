import { ANONYMOUS_NAME, DESTROYED_FILE_NAME, RETENTION_RULES, type RetentionRuleId, type RetentionYears } from '../../shared/privacy/retention';
import type { ChangeWriter } from '../changeLog/writer';
import type { SyncedTableSpec } from '../changeLog/writer';
import { contactAffiliationsSpec, contactsSpec } from '../directory/specs';
import { meetingFilesSpec, meetingParticipantsSpec, meetingsSpec } from '../meetings/specs';
import type { OpenDatabase } from '../open';
import { associationAttachmentsSpec, associationPeopleSpec } from '../registry/specs';
import { workshopParticipantsSpec } from '../workshops/specs';

// Retention and destruction (issue #16; DOMAIN.md §9): the ministry's retention rules applied to what this
// installation holds. For each rule whose period has run out on a record:
// - the installation that owns the record erases or anonymises the values (its own change, through the change
//   writer, so it reaches every installation that holds a copy): contact details and TC numbers become null,
//   names become ANONYMOUS_NAME, scanned documents are removed (their row tombstoned and named
//   DESTROYED_FILE_NAME; the stored file goes, electron/handlers/privacy.ts);
// - every installation, the owner included, rewrites the earlier values of those columns in its change log (and
//   in open conflicts) to the same replacement, as the erasure of removed people does (db/sync/erasure.ts): a
//   change it must still send up with its signature waits for the parent's receipt, and the next run does it;
// - local logs past their period (the reveal log, the exchange ledger, the destruction log) lose old entries.
// Each rule applied is written to destruction_log (rule, category, counts, trigger, actor), never the values.
// No report figure changes: figures count rows, organisations and a participant's person key, which is carried
// with the row and kept when the name goes (db/meetings/specs.ts). The organisation a participant came from
// stays (it is the organisation's data, and the unique-CSO figures count it).

/** A removed row: its tombstone carries the time of the run. */
const NOW = Symbol('now');
type Replacement = string | null | typeof NOW;

interface Erasure {
  rule: RetentionRuleId;
  table: string;
  spec: SyncedTableSpec;
  /** Each column and what it becomes. */
  set: Readonly<Record<string, Replacement>>;
  /** Ids and owners of the records whose period has run out by the cut-off date (`@cutoff`). */
  due: string;
}

const ERASED = (columns: readonly string[]): Record<string, Replacement> => Object.fromEntries(columns.map((c) => [c, null]));
const DOCUMENT: Record<string, Replacement> = { file_name: DESTROYED_FILE_NAME, deleted_at: NOW };

/** Associations whose registry record closed (rejected, cancelled, transferred) by the cut-off: their last step. */
const CLOSED_BY_CUTOFF = `a.status IN ('REDDEDILDI', 'TESCIL_IPTAL', 'AKTARILDI')
  AND (SELECT max(substr(h.at, 1, 10)) FROM association_history h WHERE h.association_id = a.id) <= @cutoff`;

const ERASURES: readonly Erasure[] = [
  {
    rule: 'boardMemberTcKimlikNo',
    table: 'association_people',
    spec: associationPeopleSpec,
    set: ERASED(['tc_kimlik_no']),
    due: 'SELECT id, owner_unit FROM association_people WHERE term_end IS NOT NULL AND term_end <= @cutoff',
  },
  {
    rule: 'boardMemberContact',
    table: 'association_people',
    spec: associationPeopleSpec,
    set: ERASED(['phone', 'email']),
    due: 'SELECT id, owner_unit FROM association_people WHERE term_end IS NOT NULL AND term_end <= @cutoff',
  },
  {
    rule: 'associationFile',
    table: 'association_people',
    spec: associationPeopleSpec,
    // The whole person: a term with no end date recorded never started the shorter rules above.
    set: { full_name: ANONYMOUS_NAME, ...ERASED(['role', 'profession', 'certificate_no', 'tc_kimlik_no', 'phone', 'email']) },
    due: `SELECT p.id, p.owner_unit FROM association_people p JOIN associations a ON a.id = p.association_id WHERE ${CLOSED_BY_CUTOFF}`,
  },
  {
    rule: 'associationFile',
    table: 'association_attachments',
    spec: associationAttachmentsSpec,
    set: DOCUMENT,
    due: `SELECT f.id, f.owner_unit FROM association_attachments f JOIN associations a ON a.id = f.association_id WHERE ${CLOSED_BY_CUTOFF}`,
  },
  {
    rule: 'meetingParticipantContact',
    table: 'meeting_participants',
    spec: meetingParticipantsSpec,
    set: ERASED(['phone', 'email']),
    due: 'SELECT p.id, p.owner_unit FROM meeting_participants p JOIN meetings m ON m.id = p.meeting_id WHERE m.date <= @cutoff',
  },
  {
    rule: 'meetingRecords',
    table: 'meeting_participants',
    spec: meetingParticipantsSpec,
    // The person key stays (db/meetings/specs.ts), so unique people are still counted.
    set: { full_name: ANONYMOUS_NAME, ...ERASED(['title', 'contact_id', 'phone', 'email']) },
    due: 'SELECT p.id, p.owner_unit FROM meeting_participants p JOIN meetings m ON m.id = p.meeting_id WHERE m.date <= @cutoff',
  },
  {
    rule: 'meetingRecords',
    table: 'meetings',
    spec: meetingsSpec,
    set: ERASED(['chair', 'rapporteur']),
    due: 'SELECT id, owner_unit FROM meetings WHERE date <= @cutoff',
  },
  {
    rule: 'meetingRecords',
    table: 'meeting_files',
    spec: meetingFilesSpec,
    set: DOCUMENT,
    due: 'SELECT f.id, f.owner_unit FROM meeting_files f JOIN meetings m ON m.id = f.meeting_id WHERE m.date <= @cutoff',
  },
  {
    rule: 'directoryContacts',
    table: 'contacts',
    spec: contactsSpec,
    set: { full_name: ANONYMOUS_NAME, ...ERASED(['title', 'phone', 'email', 'notes']) },
    due: 'SELECT id, owner_unit FROM contacts WHERE deleted_at IS NOT NULL AND substr(deleted_at, 1, 10) <= @cutoff',
  },
  {
    rule: 'directoryContacts',
    table: 'contact_affiliations',
    spec: contactAffiliationsSpec,
    set: ERASED(['title']),
    due: 'SELECT id, owner_unit FROM contact_affiliations WHERE until_on <= @cutoff',
  },
  {
    rule: 'workshopParticipants',
    table: 'workshop_participants',
    spec: workshopParticipantsSpec,
    set: { full_name: ANONYMOUS_NAME, title: null },
    due: 'SELECT p.id, p.owner_unit FROM workshop_participants p JOIN workshops w ON w.id = p.workshop_id WHERE w.end_on <= @cutoff',
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

/** The rules this version applies: every one the ministry can set (tests/privacy/destruction.test.ts). */
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

/** The value a column holds once its record is destroyed. */
function replaced(value: Replacement, at: string): string | null {
  return value === NOW ? at : value;
}

/** SQL: the record still holds something the erasure replaces. */
function holdingCondition(set: Erasure['set']): string {
  return Object.entries(set)
    .map(([column, value]) => (value === NOW ? `x.${column} IS NULL` : value === null ? `x.${column} IS NOT NULL` : `x.${column} IS NOT '${value.replace(/'/g, "''")}'`))
    .join(' OR ');
}

/** The change-log values of the erased columns of the row that still hold what the erasure replaces. */
function carriedValues(db: OpenDatabase, table: string, row: string, set: Erasure['set']) {
  const columns = Object.keys(set).filter((c) => set[c] !== NOW);
  const rows = db
    .stmt(
      `SELECT c.id, c.origin_node AS origin, c.seq, c.column_name AS "column", c.value FROM change_log_runs r JOIN change_log c ON c.id BETWEEN r.first_id AND r.last_id
       WHERE r.table_name = ? AND r.row_id = ? AND c.column_name IN (${columnList(columns)})`,
    )
    .all(table, row) as { id: number; origin: string; seq: number; column: string; value: string }[];
  return rows.filter((c) => c.value !== JSON.stringify(set[c.column]));
}

export interface DestructionContext {
  today: string;
  /** The time of the run, for tombstones. */
  now: string;
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
    const columns = Object.keys(erasure.set).filter((c) => c !== 'deleted_at');
    const line: DestructionLine = { rule: erasure.rule, table: erasure.table, columns, years, cutoff, records: 0, copies: 0, waiting: 0 };
    const rows = db
      .stmt(
        `SELECT d.id, d.owner_unit AS owner, x.deleted_at AS deletedAt, (${holdingCondition(erasure.set)}) AS holds
           FROM (${erasure.due}) d JOIN ${erasure.table} x ON x.id = d.id`,
      )
      .all({ cutoff }) as { id: string; owner: string; deletedAt: string | null; holds: number }[];
    for (const row of rows) {
      if (row.holds && row.owner === context.unitId) {
        line.records++;
        // A record already removed keeps the time it was removed.
        const set = Object.entries(erasure.set).filter(([, v]) => !(v === NOW && row.deletedAt));
        if (writer) writer.update(erasure.spec, row.id, Object.fromEntries(set.map(([c, v]) => [c, replaced(v, context.now)])));
      } else if (row.holds) continue; // the owner erases it; its change brings the replacement here, and a later run the copies
      for (const carried of carriedValues(db, erasure.table, row.id, erasure.set)) {
        if (!context.mayErase(carried.origin, carried.seq)) {
          line.waiting++;
          continue;
        }
        line.copies++;
        if (writer) db.stmt('UPDATE change_log SET value = ? WHERE id = ?').run(JSON.stringify(erasure.set[carried.column]), carried.id);
      }
      if (writer) {
        for (const column of columns) {
          const value = JSON.stringify(erasure.set[column]);
          db.stmt('UPDATE sync_conflicts SET local_value = ?, remote_value = ? WHERE table_name = ? AND row_id = ? AND column_name = ?').run(value, value, erasure.table, row.id, column);
        }
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

/**
 * Stored files of destroyed documents that no other record names (the store keeps one file per content): what
 * the run removes from the disk after its transaction commits.
 */
export function destroyedFiles(db: OpenDatabase): string[] {
  return (
    db
      .stmt(
        `SELECT DISTINCT d.sha256 FROM (SELECT sha256 FROM association_attachments WHERE file_name = @destroyed
                                       UNION SELECT sha256 FROM meeting_files WHERE file_name = @destroyed) d
          WHERE NOT EXISTS (SELECT 1 FROM association_attachments o WHERE o.sha256 = d.sha256 AND o.file_name <> @destroyed)
            AND NOT EXISTS (SELECT 1 FROM meeting_files o WHERE o.sha256 = d.sha256 AND o.file_name <> @destroyed)`,
      )
      .all({ destroyed: DESTROYED_FILE_NAME }) as { sha256: string }[]
  ).map((r) => r.sha256);
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
