import type Database from 'better-sqlite3';

// change_log_runs must say exactly where each row's changes are in change_log: one entry per maximal run of
// consecutive ids of one row, nothing else. The engine and the writer look rows up only through it, so a
// missing run hides a change from judging and rebuilding, and an extra one shows another row's.

/** The runs the log calls for, and those recorded, that are not in both: empty when they agree. */
export function runsMismatch(sqlite: Database.Database): string[] {
  const expected = new Set<string>();
  let run: { table: string; row: string; first: number; last: number } | null = null;
  const close = () => run && expected.add(`${run.table}|${run.row}|${run.first}-${run.last}`);
  for (const c of sqlite.prepare('SELECT id, table_name AS "table", row_id AS row FROM change_log ORDER BY id').iterate() as Iterable<{ id: number; table: string; row: string }>) {
    if (run && run.table === c.table && run.row === c.row && run.last + 1 === c.id) run.last = c.id;
    else {
      close();
      run = { table: c.table, row: c.row, first: c.id, last: c.id };
    }
  }
  close();
  const recorded = (sqlite.prepare('SELECT table_name AS "table", row_id AS row, first_id AS first, last_id AS last FROM change_log_runs').all() as { table: string; row: string; first: number; last: number }[])
    .map((r) => `${r.table}|${r.row}|${r.first}-${r.last}`);
  const mismatch = recorded.filter((r) => !expected.delete(r)).map((r) => `recorded, not in the log: ${r}`);
  return [...mismatch, ...[...expected].map((r) => `in the log, not recorded: ${r}`)];
}
