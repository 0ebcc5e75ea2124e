import { SCOPE_BY_TABLE, SCOPE_RULES, type ScopeRule } from '../../shared/sync/scope';
import type { OpenDatabase } from '../open';
import type { DeriveEnv, Row } from '../changeLog/writer';
import { ATTACHMENT_TABLES, SYNCED_BY_NAME, SYNCED_TABLES } from './tables';

// The scope rules of shared/sync/scope.ts as SQL: which rows of this database an installation of a given
// unit holds. Built into a temporary table, parents before children, then closed over foreign keys.

export interface ScopeHolder {
  role: 'ministry' | 'province' | 'youth-center';
  /** Its unit: whatever the unit owns it holds, whatever the rules say of the table. */
  unit: string;
  /** Its province (provinces and youth centres). */
  plate: string | null;
  /** A youth centre's own record in its province's youth-centre list (null until it is bound to one). */
  centreId: string | null;
}

/** The state of a transfer in which the association's file travels to the receiving province. */
const TRANSFER_CARRIES = 'GONDEREN_ONAYI';

/** Where scope rows are built: (table_name, row_id), one per row in scope. */
export const SCOPE_TABLE = 'temp.sync_scope';

/** The condition on a table's rows (aliased `t`) for a holder, or null for none of them. */
function condition(rule: ScopeRule, holder: ScopeHolder): string | null {
  if (holder.role === 'ministry') return '1';
  if (holder.role === 'youth-center') {
    if (rule.youthCentre === 'none') return null;
    if (typeof rule.youthCentre === 'object') {
      if (!holder.centreId) return null;
      return `t.${rule.youthCentre.own} = @centre`;
    }
  }
  const place = rule.place;
  switch (place.kind) {
    case 'national':
      return '1';
    case 'parent':
      return `t.${place.column} IN (SELECT row_id FROM ${SCOPE_TABLE} WHERE table_name = '${place.table}')`;
    case 'file': {
      const placed = `t.${place.column} IN (SELECT id FROM associations WHERE province_plate = @plate)`;
      if (!place.carried || holder.role !== 'province') return placed;
      return `${placed} OR t.${place.column} IN (SELECT association_id FROM transfers WHERE to_plate = @plate AND state = '${TRANSFER_CARRIES}')`;
    }
    case 'province': {
      const parts = [`t.${place.column} = @plate`];
      if (place.alsoColumn) parts.push(`t.${place.alsoColumn} = @plate`);
      // A youth centre does not take part in its province's transfers.
      if (place.referredBy && holder.role === 'province') {
        const r = place.referredBy;
        parts.push(`t.id IN (SELECT ${r.key} FROM ${r.table} WHERE ${r.plate} = @plate)`);
      }
      return parts.join(' OR ');
    }
  }
}

/** Foreign keys between synced tables: (table, column) → parent table. */
function foreignKeys(db: OpenDatabase): { table: string; column: string; parent: string }[] {
  const keys: { table: string; column: string; parent: string }[] = [];
  for (const spec of SYNCED_TABLES) {
    const list = db.sqlite.pragma(`foreign_key_list(${spec.name})`) as { table: string; from: string }[];
    for (const k of list) if (SCOPE_BY_TABLE.has(k.table)) keys.push({ table: spec.name, column: k.from, parent: k.table });
  }
  return keys;
}

/**
 * Builds SCOPE_TABLE: every row of every synced table that `holder` holds. Its cost follows the rows in
 * scope (indexed conditions), plus one pass per foreign key over the rows in scope for the closure.
 */
export function buildScope(db: OpenDatabase, holder: ScopeHolder): void {
  db.sqlite.exec(
    `DROP TABLE IF EXISTS ${SCOPE_TABLE}; CREATE TEMP TABLE sync_scope (table_name TEXT NOT NULL, row_id TEXT NOT NULL, PRIMARY KEY (table_name, row_id)) WITHOUT ROWID`,
  );
  const params = { plate: holder.plate ?? '', centre: holder.centreId ?? '', unit: holder.unit };
  for (const spec of SYNCED_TABLES) {
    const rule = SCOPE_BY_TABLE.get(spec.name);
    if (!rule) throw new Error(`No scope rule for the synced table ${spec.name}`);
    const rules = condition(rule, holder);
    // What its own unit wrote (a youth centre's own correspondence, meetings it recorded) it keeps; a province
    // also what its youth centres wrote (it relays it up, and holds its subtree's records wherever placed).
    const own = holder.role === 'province'
      ? `(t.owner_unit = @unit OR t.owner_unit IN (SELECT unit_id FROM sync_nodes WHERE role = 'youth-center' AND province_plate = @plate))`
      : 't.owner_unit = @unit';
    const where = rules === null ? own : `(${rules}) OR ${own}`;
    const used = Object.fromEntries(Object.entries(params).filter(([k]) => where.includes(`@${k}`)));
    db.sqlite.prepare(`INSERT OR IGNORE INTO ${SCOPE_TABLE} (table_name, row_id) SELECT '${spec.name}', t.id FROM ${spec.name} t WHERE ${where}`).run(used);
    // The rows these continue, before their children are taken (a chain of transfers, a few links at most).
    if (rule.lineage && holder.role !== 'ministry') {
      const earlier = db.sqlite.prepare(
        `INSERT OR IGNORE INTO ${SCOPE_TABLE} (table_name, row_id)
         SELECT '${spec.name}', t.${rule.lineage} FROM ${SCOPE_TABLE} s JOIN ${spec.name} t ON t.id = s.row_id
         WHERE s.table_name = '${spec.name}' AND t.${rule.lineage} IS NOT NULL AND EXISTS (SELECT 1 FROM ${spec.name} e WHERE e.id = t.${rule.lineage})`,
      );
      for (let link = 0; link < 20 && earlier.run().changes > 0; link++);
    }
  }
  if (holder.role === 'ministry') return;
  // Closure: what an in-scope row refers to is held too, or the row could not be built. To a fixed point
  // (a referred row may refer further); a handful of passes at most.
  const keys = foreignKeys(db);
  for (let pass = 0; pass < 10; pass++) {
    let added = 0;
    for (const k of keys) {
      added += db.sqlite
        .prepare(
          `INSERT OR IGNORE INTO ${SCOPE_TABLE} (table_name, row_id)
           SELECT '${k.parent}', t.${k.column} FROM ${SCOPE_TABLE} s JOIN ${k.table} t ON t.id = s.row_id
           WHERE s.table_name = '${k.table}' AND t.${k.column} IS NOT NULL`,
        )
        .run().changes;
    }
    if (added === 0) break;
  }
}

/** Rows of this database outside `holder`'s scope, per table (after buildScope for the same holder). */
export function outOfScopeCounts(db: OpenDatabase): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const rule of SCOPE_RULES) {
    const n = (
      db.sqlite
        .prepare(`SELECT count(*) AS n FROM ${rule.table} t WHERE NOT EXISTS (SELECT 1 FROM ${SCOPE_TABLE} s WHERE s.table_name = '${rule.table}' AND s.row_id = t.id)`)
        .get() as { n: number }
    ).n;
    if (n > 0) counts[rule.table] = n;
  }
  return counts;
}

/** Rows of this database outside the scope built by buildScope, as exits for purgeRows. */
export function outOfScopeRows(db: OpenDatabase): ScopeExit[] {
  const rows: ScopeExit[] = [];
  for (const rule of SCOPE_RULES) {
    const ids = db.sqlite
      .prepare(`SELECT t.id AS row FROM ${rule.table} t WHERE NOT EXISTS (SELECT 1 FROM ${SCOPE_TABLE} s WHERE s.table_name = '${rule.table}' AND s.row_id = t.id)`)
      .pluck()
      .all() as string[];
    for (const row of ids) rows.push({ table: rule.table, row });
  }
  return rows;
}

export function dropScope(db: OpenDatabase): void {
  db.sqlite.exec(`DROP TABLE IF EXISTS ${SCOPE_TABLE}`);
}

/** A row a file said has left this installation's scope. */
export interface ScopeExit {
  table: string;
  row: string;
}

/**
 * Removes rows that left this installation's scope, for good: the row, its changes in the log and their
 * runs, its place among held rows and open conflicts, with a record in destruction_log. Children go before
 * their parents. A row this installation wrote to itself (any change from one of `ownNodes`) is kept, as is
 * one something held here still refers to. Returns how many were removed, per table, and how many kept.
 */
export function purgeRows(
  db: OpenDatabase, exits: readonly ScopeExit[], ownNodes: (origin: string) => boolean, reason: string, source: string, now: string, env?: DeriveEnv,
): { removed: Record<string, number>; kept: number; blobs: string[] } {
  const rank = new Map(SYNCED_TABLES.map((spec, i) => [spec.name, i]));
  const ordered = [...exits].filter((e) => rank.has(e.table)).sort((a, b) => rank.get(b.table)! - rank.get(a.table)!);
  const removed: Record<string, number> = {};
  const blobs = new Set<string>();
  let kept = 0;
  const changesOfRow = `SELECT c.id, c.origin_node AS origin FROM change_log_runs r JOIN change_log c ON c.id BETWEEN r.first_id AND r.last_id WHERE r.table_name = ? AND r.row_id = ?`;
  for (const { table, row } of ordered) {
    const changes = db.stmt(changesOfRow).all(table, row) as { id: number; origin: string }[];
    if (changes.some((c) => ownNodes(c.origin))) {
      kept++;
      continue;
    }
    let deleted = 0;
    const spec = SYNCED_BY_NAME.get(table);
    const before = (env && spec?.afterWrite) || ATTACHMENT_TABLES.has(table) ? (db.stmt(`SELECT * FROM ${table} WHERE id = ?`).get(row) as Row | undefined) : undefined;
    try {
      db.sqlite.transaction(() => {
        deleted = db.stmt(`DELETE FROM ${table} WHERE id = ?`).run(row).changes;
        // What is derived from it elsewhere (an association's search text names its board) forgets it too.
        if (deleted && before && env && spec?.afterWrite) spec.afterWrite(before, env);
      })();
    } catch (error) {
      // Something held here still refers to it (a foreign key): kept until that goes too.
      if (!String((error as { code?: string }).code ?? '').startsWith('SQLITE_CONSTRAINT')) throw error;
      kept++;
      continue;
    }
    // Already gone (a repeated file names it again until the peer hears that it arrived): nothing to record.
    if (deleted === 0 && changes.length === 0) continue;
    const remove = db.stmt('DELETE FROM change_log WHERE id = ?');
    for (const c of changes) remove.run(c.id);
    db.stmt('DELETE FROM change_log_runs WHERE table_name = ? AND row_id = ?').run(table, row);
    db.stmt('DELETE FROM sync_pending WHERE table_name = ? AND row_id = ?').run(table, row);
    db.stmt('DELETE FROM sync_conflicts WHERE table_name = ? AND row_id = ?').run(table, row);
    db.stmt('INSERT INTO destruction_log (table_name, row_id, reason, source, destroyed_at) VALUES (?, ?, ?, ?, ?)').run(table, row, reason, source, now);
    removed[table] = (removed[table] ?? 0) + 1;
    if (ATTACHMENT_TABLES.has(table) && typeof before?.sha256 === 'string') blobs.add(before.sha256);
  }
  // Stored files no row held here refers to any more (a signed attendance sheet names people): for the caller
  // to delete once the removal is committed.
  const unused = [...blobs].filter((sha) => ![...ATTACHMENT_TABLES].some((t) => db.stmt(`SELECT 1 FROM ${t} WHERE sha256 = ? LIMIT 1`).get(sha)));
  return { removed, kept, blobs: unused };
}

// ---------------------------------------------------------------------------------------------- sending

export type ChangeRow = { table: string; row: string; column: string; value: string; hlc: string; origin: string; seq: number; base: string | null };
const CHANGE_COLUMNS = `c.table_name AS "table", c.row_id AS row, c.column_name AS "column", c.value, c.hlc, c.origin_node AS origin, c.seq, c.base_hlc AS base`;

/** Whether this installation has recorded any row as sent to the peer. */
export function hasSentRows(db: OpenDatabase, peer: string): boolean {
  return db.stmt('SELECT 1 FROM sync_peer_rows WHERE peer_node = ? LIMIT 1').get(peer) !== undefined;
}

/**
 * Records every row now in scope as held by the peer, without sending it: for a child enrolled before
 * scopes, which was sent everything (what it should not hold, it removes itself).
 */
export function seedSentRows(db: OpenDatabase, peer: string): void {
  db.stmt(`INSERT OR IGNORE INTO sync_peer_rows (peer_node, table_name, row_id, export_no) SELECT ?, table_name, row_id, 0 FROM ${SCOPE_TABLE}`).run(peer);
}

/**
 * Rows in scope the peer may not hold whole: never sent, or sent whole in a file it has not confirmed (with
 * `confirmed` -1: every row in scope). Into temp.sync_backfill, parents first. Returns how many.
 */
export function markBackfill(db: OpenDatabase, peer: string, confirmed: number): number {
  db.sqlite.exec('DROP TABLE IF EXISTS temp.sync_backfill; CREATE TEMP TABLE sync_backfill (table_name TEXT NOT NULL, row_id TEXT NOT NULL, PRIMARY KEY (table_name, row_id)) WITHOUT ROWID');
  if (confirmed < 0) return db.stmt(`INSERT INTO temp.sync_backfill (table_name, row_id) SELECT table_name, row_id FROM ${SCOPE_TABLE}`).run().changes;
  return db
    .stmt(
      `INSERT INTO temp.sync_backfill (table_name, row_id)
       SELECT s.table_name, s.row_id FROM ${SCOPE_TABLE} s
       LEFT JOIN sync_peer_rows r ON r.peer_node = ? AND r.table_name = s.table_name AND r.row_id = s.row_id
       WHERE r.row_id IS NULL OR r.export_no > ? OR r.export_no < 0`,
    )
    .run(peer, confirmed).changes;
}

/**
 * Accepted changes, reached through their rows' runs. The unary plus keeps SQLite from answering `rejected = 0`
 * with an automatic index built over the whole change log on every call (seconds at national scale, for a
 * file of a few rows), and CROSS JOIN keeps the order: the few rows to send first, then their runs.
 */
const ACCEPTED = '+c.rejected = 0';

/** Every accepted change of the rows in temp.sync_backfill, row by row (parents' tables first). */
export function* backfillChanges(db: OpenDatabase): Generator<ChangeRow> {
  const order = `CASE b.table_name ${SYNCED_TABLES.map((t, i) => `WHEN '${t.name}' THEN ${i}`).join(' ')} ELSE 99 END`;
  const statement = db.sqlite.prepare(
    `SELECT ${CHANGE_COLUMNS} FROM temp.sync_backfill b
     CROSS JOIN change_log_runs r ON r.table_name = b.table_name AND r.row_id = b.row_id
     CROSS JOIN change_log c ON c.id BETWEEN r.first_id AND r.last_id
     WHERE ${ACCEPTED} ORDER BY ${order}, b.table_name, b.row_id, c.id`,
  );
  yield* statement.iterate() as IterableIterator<ChangeRow>;
}

/** How many changes backfillChanges gives (an upper bound: those in the window are left out as they come). */
export function countBackfill(db: OpenDatabase): number {
  return (
    db.stmt(
      `SELECT count(*) AS n FROM temp.sync_backfill b CROSS JOIN change_log_runs r ON r.table_name = b.table_name AND r.row_id = b.row_id
       CROSS JOIN change_log c ON c.id BETWEEN r.first_id AND r.last_id WHERE ${ACCEPTED}`,
    ).get() as { n: number }
  ).n;
}

/** How many changes scopedChanges gives for each (origin, after, upTo). */
export function countScoped(db: OpenDatabase, windows: readonly (readonly [string, number, number])[]): number {
  const statement = db.stmt(
    `SELECT count(*) AS n FROM change_log c WHERE c.origin_node = ? AND c.seq > ? AND c.seq <= ? AND c.rejected = 0
       AND EXISTS (SELECT 1 FROM ${SCOPE_TABLE} s WHERE s.table_name = c.table_name AND s.row_id = c.row_id)`,
  );
  return windows.reduce((n, [origin, after, upTo]) => n + (statement.get(origin, after, upTo) as { n: number }).n, 0);
}

/** An origin's accepted changes after `after` of rows in scope, in seq order (streamed). */
export function* scopedChanges(db: OpenDatabase, origin: string, after: number): Generator<ChangeRow> {
  const statement = db.sqlite.prepare(
    `SELECT ${CHANGE_COLUMNS} FROM change_log c
     WHERE c.origin_node = ? AND c.seq > ? AND c.rejected = 0
       AND EXISTS (SELECT 1 FROM ${SCOPE_TABLE} s WHERE s.table_name = c.table_name AND s.row_id = c.row_id)
     ORDER BY c.seq`,
  );
  yield* statement.iterate(origin, after) as IterableIterator<ChangeRow>;
}

/**
 * How many changes after `acked` a child would be sent now, without building its scope: changes of rows it
 * was sent (sync_peer_rows) and of national tables, from origins other than its own. A row entering its scope
 * for the first time is counted when the file is written (it comes whole, with its history).
 */
export function pendingForChild(db: OpenDatabase, peer: string, acked: Readonly<Record<string, number>>, origins: Readonly<Record<string, number>>, own: (origin: string) => boolean): number {
  const national = SCOPE_RULES.filter((r) => r.place.kind === 'national').map((r) => `'${r.table}'`).join(', ');
  const statement = db.stmt(
    `SELECT count(*) AS n FROM change_log c WHERE c.origin_node = ? AND c.seq > ? AND c.rejected = 0
       AND (c.table_name IN (${national}) OR EXISTS (SELECT 1 FROM sync_peer_rows p WHERE p.peer_node = ? AND p.table_name = c.table_name AND p.row_id = c.row_id))`,
  );
  let total = 0;
  for (const [origin, seq] of Object.entries(origins)) {
    const after = acked[origin] ?? 0;
    if (seq > after && !own(origin)) total += (statement.get(origin, after, peer) as { n: number }).n;
  }
  return total;
}

/** Rows the peer was sent that are no longer in its scope, children first. */
export function exitedRows(db: OpenDatabase, peer: string): ScopeExit[] {
  const rank = new Map(SYNCED_TABLES.map((spec, i) => [spec.name, i]));
  const rows = db
    .stmt(
      `SELECT r.table_name AS "table", r.row_id AS row FROM sync_peer_rows r
       WHERE r.peer_node = ? AND NOT EXISTS (SELECT 1 FROM ${SCOPE_TABLE} s WHERE s.table_name = r.table_name AND s.row_id = r.row_id)`,
    )
    .all(peer) as ScopeExit[];
  return rows.sort((a, b) => (rank.get(b.table) ?? 0) - (rank.get(a.table) ?? 0));
}

/**
 * After a file was written for the peer: every row in scope is now the peer's (those sent whole marked with
 * the file's number until it confirms it), and those that left its scope are marked as told to go.
 */
export function recordSentRows(db: OpenDatabase, peer: string, exportNo: number): void {
  db.stmt(
    `INSERT INTO sync_peer_rows (peer_node, table_name, row_id, export_no) SELECT ?, table_name, row_id, ? FROM temp.sync_backfill WHERE true
     ON CONFLICT (peer_node, table_name, row_id) DO UPDATE SET export_no = excluded.export_no`,
  ).run(peer, exportNo);
  db.stmt(`INSERT OR IGNORE INTO sync_peer_rows (peer_node, table_name, row_id, export_no) SELECT ?, table_name, row_id, 0 FROM ${SCOPE_TABLE}`).run(peer);
  db.stmt(
    `UPDATE sync_peer_rows SET export_no = ? WHERE peer_node = ?
     AND NOT EXISTS (SELECT 1 FROM ${SCOPE_TABLE} s WHERE s.table_name = sync_peer_rows.table_name AND s.row_id = sync_peer_rows.row_id)`,
  ).run(-exportNo, peer);
  db.sqlite.exec('DROP TABLE IF EXISTS temp.sync_backfill');
}

/** The peer confirmed files up to `confirmed`: rows it was told to remove by then are forgotten. */
export function forgetExitedRows(db: OpenDatabase, peer: string, confirmed: number): void {
  db.stmt('DELETE FROM sync_peer_rows WHERE peer_node = ? AND export_no < 0 AND -export_no <= ?').run(peer, confirmed);
}

/**
 * The youth centre record a youth-centre unit is bound to, as its province vouched when it enrolled it (only
 * the province's own vouch counts), or null.
 */
export function boundCentre(db: OpenDatabase, unit: string): string | null {
  const row = db
    .stmt("SELECT centre_id AS c FROM sync_nodes WHERE unit_id = ? AND role = 'youth-center' AND centre_id IS NOT NULL AND owner_unit = 'province:' || province_plate AND deleted_at IS NULL LIMIT 1")
    .get(unit) as { c: string } | undefined;
  return row?.c ?? null;
}
