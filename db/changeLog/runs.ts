import type { Statement } from 'better-sqlite3';
import { sqlByCount } from '../open';

// change_log_runs: where each row's changes are in change_log (see schema.ts). Whoever appends to the log
// records the runs it appended, in the same transaction.

/** The values of one run: table, row, first id, last id. */
export const RUN_FIELDS = 4;

/**
 * Records runs given flat (RUN_FIELDS values each), in id order, each of consecutive ids of one row and
 * together covering ids just appended. The first may continue a run of the same row that ends just before
 * it (the log grows by one write or one batch at a time); it then extends that run, so a row's run is the
 * same however the appends were split. `follows` says whether it does, when the caller knows (appending
 * batch after batch, it knows what it appended last); otherwise the log is asked.
 */
export function recordRuns(stmt: (sql: string) => Statement, runs: readonly (string | number)[], follows?: boolean): void {
  if (runs.length === 0) return;
  const [table, row, first, last] = runs;
  const extended =
    follows !== false && stmt('UPDATE change_log_runs SET last_id = ? WHERE table_name = ? AND row_id = ? AND last_id = ?').run(last, table, row, Number(first) - 1).changes > 0;
  const fresh = extended ? runs.slice(RUN_FIELDS) : runs;
  if (fresh.length === 0) return;
  stmt(runInsertSql(fresh.length / RUN_FIELDS)).run(fresh);
}

const runInsertSql = sqlByCount((count) => `INSERT INTO change_log_runs (table_name, row_id, first_id, last_id) VALUES ${Array.from({ length: count }, () => '(?, ?, ?, ?)').join(', ')}`);

/** `FROM …` of a row's changes: change_log as `c`, joined through the row's runs (bound: table, row). */
export const ROW_CHANGES = 'change_log_runs r JOIN change_log c ON c.id BETWEEN r.first_id AND r.last_id WHERE r.table_name = ? AND r.row_id = ?';
