import { SCOPE_BY_TABLE, SCOPE_RULES, type ScopeRule } from '../../shared/sync/scope';
import type { OpenDatabase } from '../open';
import { SYNCED_TABLES } from './tables';

// The scope rules of shared/sync/scope.ts as SQL: which rows of this database an installation of a given
// unit holds. Built into a temporary table, parents before children, then closed over foreign keys.

export interface ScopeHolder {
  role: 'ministry' | 'province' | 'youth-center';
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
  const params = { plate: holder.plate ?? '', centre: holder.centreId ?? '' };
  for (const spec of SYNCED_TABLES) {
    const rule = SCOPE_BY_TABLE.get(spec.name);
    if (!rule) throw new Error(`No scope rule for the synced table ${spec.name}`);
    const where = condition(rule, holder);
    if (where === null) continue;
    const used = Object.fromEntries(Object.entries(params).filter(([k]) => where.includes(`@${k}`)));
    db.sqlite.prepare(`INSERT OR IGNORE INTO ${SCOPE_TABLE} (table_name, row_id) SELECT '${spec.name}', t.id FROM ${spec.name} t WHERE ${where}`).run(used);
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

export function dropScope(db: OpenDatabase): void {
  db.sqlite.exec(`DROP TABLE IF EXISTS ${SCOPE_TABLE}`);
}
