import { BOOKKEEPING, type DeriveEnv, type Row } from '../changeLog/writer';
import { formatHlc, parseHlc, receive } from '../changeLog/hlc';
import type { OpenDatabase } from '../open';
import { MINISTRY_ONLY_TABLES, SYNCED_BY_NAME, SYNCED_TABLES } from './tables';

// The merge engine. A change is one field of one row: (table, row, column, JSON value, HLC, origin node,
// per-origin seq, base HLC). Installations hold every change they have seen in change_log and describe
// what they hold by a version vector (origin → highest contiguous seq). Applying received changes:
//   1. skip what is already held (idempotent: same file twice, stale files, overlaps);
//   2. refuse changes whose origin does not own the row (kept as rejected so vectors stay contiguous);
//   3. record same-field concurrent edits in the conflict inbox;
//   4. materialise each touched row from its winning values, last writer wins by HLC (ties broken by
//      node id, which ends the HLC string) — deterministic on every installation;
//   5. rows whose parent has not arrived wait in sync_pending and are retried after every import.
// The caller runs all of it in one transaction.

export interface ChangeEntry {
  table: string;
  row: string;
  column: string;
  value: string;
  hlc: string;
  origin: string;
  seq: number;
  base: string | null;
}

export type Vector = Record<string, number>;

export function localVector(db: OpenDatabase): Vector {
  const rows = db.stmt('SELECT origin_node AS origin, max(seq) AS seq FROM change_log GROUP BY origin_node').all() as { origin: string; seq: number }[];
  return Object.fromEntries(rows.map((r) => [r.origin, r.seq]));
}

/** Every held change the peer is not known to have, per origin in seq order; streamed from SQLite. */
export function* changesSince(db: OpenDatabase, acked: Vector): Generator<ChangeEntry> {
  const statement = db.sqlite.prepare(
    `SELECT table_name AS "table", row_id AS row, column_name AS "column", value, hlc, origin_node AS origin, seq, base_hlc AS base
     FROM change_log WHERE origin_node = ? AND seq > ? ORDER BY seq`,
  );
  for (const origin of Object.keys(localVector(db)).sort()) {
    for (const entry of statement.iterate(origin, acked[origin] ?? 0)) yield entry as ChangeEntry;
  }
}

export function pendingCount(db: OpenDatabase, acked: Vector): number {
  let total = 0;
  for (const [origin, seq] of Object.entries(localVector(db))) total += Math.max(0, seq - (acked[origin] ?? 0));
  return total;
}

export interface TableCounts {
  new: number;
  updated: number;
  unchanged: number;
  rejected: number;
  held: number;
}

export interface ApplyReport {
  received: number;
  alreadyHeld: number;
  stored: number;
  tables: Record<string, TableCounts>;
  conflicts: number;
  rejected: { table: string; row: string; column: string; origin: string; reason: string }[];
  gaps: { origin: string; expected: number; got: number }[];
  examples: Record<string, string[]>;
  maxRemoteMillis: number;
}

const emptyCounts = (): TableCounts => ({ new: 0, updated: 0, unchanged: 0, rejected: 0, held: 0 });

export interface ApplyOptions {
  /** Unit of an origin node, from enrolment (sync_nodes) and this installation's identity; null if unknown. */
  unitOf(nodeId: string): string | null;
  now: number;
  /** This installation's node id (its clock is advanced past what it receives). */
  selfNode: string;
}

export class ChangeApplier {
  private readonly vector: Vector;
  private readonly touched = new Map<string, Set<string>>();
  readonly report: ApplyReport = { received: 0, alreadyHeld: 0, stored: 0, tables: {}, conflicts: 0, rejected: [], gaps: [], examples: {}, maxRemoteMillis: 0 };
  private readonly gapOrigins = new Set<string>();

  constructor(
    private readonly db: OpenDatabase,
    private readonly env: DeriveEnv,
    private readonly options: ApplyOptions,
  ) {
    this.vector = localVector(db);
  }

  private counts(table: string): TableCounts {
    return (this.report.tables[table] ??= emptyCounts());
  }

  private ownerOf(table: string, row: string): string | null {
    const existing = this.db.stmt(`SELECT owner_unit FROM ${table} WHERE id = ?`).get(row) as { owner_unit: string } | undefined;
    if (existing) return existing.owner_unit;
    const logged = this.db
      .stmt(`SELECT value FROM change_log WHERE table_name = ? AND row_id = ? AND column_name = 'owner_unit' AND rejected = 0 ORDER BY hlc LIMIT 1`)
      .get(table, row) as { value: string } | undefined;
    return logged ? (JSON.parse(logged.value) as string) : null;
  }

  /** Why this change may not be applied, or null when its origin may write it. */
  private refusal(entry: ChangeEntry): string | null {
    if (!SYNCED_BY_NAME.has(entry.table)) return `bilinmeyen tablo ${entry.table}`;
    const unit = this.options.unitOf(entry.origin);
    if (!unit) return `tanınmayan kurulum ${entry.origin}`;
    if (MINISTRY_ONLY_TABLES.has(entry.table) && unit !== 'ministry') return 'başvuru verilerini yalnızca Bakanlık değiştirebilir';
    const owner = this.ownerOf(entry.table, entry.row);
    if (entry.column === 'owner_unit') {
      const claimed = JSON.parse(entry.value) as string;
      if (owner && owner !== claimed) return 'kaydın sahibi değiştirilemez';
      if (claimed !== unit) return `kurulum (${unit}) başka bir birim (${claimed}) adına kayıt oluşturamaz`;
      return null;
    }
    if (!owner) return null; // the insert's owner_unit change comes first in the same tick; checked there
    if (owner !== unit) return `kayıt ${owner} birimine ait; ${unit} değiştiremez`;
    return null;
  }

  /** Takes one received change. */
  add(entry: ChangeEntry): void {
    this.report.received++;
    const held = this.vector[entry.origin] ?? 0;
    if (entry.seq <= held) {
      this.report.alreadyHeld++;
      return;
    }
    if (this.gapOrigins.has(entry.origin)) return;
    if (entry.seq !== held + 1) {
      // Changes from this origin are missing in between: never apply out of order; a later file repairs it.
      this.report.gaps.push({ origin: entry.origin, expected: held + 1, got: entry.seq });
      this.gapOrigins.add(entry.origin);
      return;
    }
    this.vector[entry.origin] = entry.seq;
    this.report.maxRemoteMillis = Math.max(this.report.maxRemoteMillis, parseHlc(entry.hlc).millis);
    // Stored unevaluated (rejected = 2): ownership is judged in finish(), once the whole file is in, in causal
    // (HLC) order and with the node directory first, so the order of origins in a file cannot matter.
    const info = this.db
      .stmt(
        `INSERT INTO change_log (table_name, row_id, column_name, value, hlc, origin_node, seq, base_hlc, rejected)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 2)`,
      )
      .run(entry.table, entry.row, entry.column, entry.value, entry.hlc, entry.origin, entry.seq, entry.base);
    if (this.firstId === null) this.firstId = Number(info.lastInsertRowid);
    this.report.stored++;
  }

  private firstId: number | null = null;

  /** Judges stored, unevaluated changes in causal order; returns how many were decided. */
  private evaluate(onlyTable: string | null, deferUnknownOrigin: boolean): number {
    if (this.firstId === null) return 0;
    // The file's undecided changes in evaluation order, sorted once into a temporary table and read in pages.
    const order = `CASE table_name ${SYNCED_TABLES.map((t, i) => `WHEN '${t.name}' THEN ${i}`).join(' ')} ELSE 99 END`;
    this.db.sqlite.exec('DROP TABLE IF EXISTS temp.sync_eval');
    this.db.sqlite
      .prepare(
        `CREATE TEMP TABLE sync_eval AS SELECT id AS change_id FROM change_log
         WHERE id >= ? AND rejected = 2 ${onlyTable ? 'AND table_name = ?' : ''} ORDER BY ${order}, hlc, id`,
      )
      .run(...(onlyTable ? [this.firstId, onlyTable] : [this.firstId]));
    const page = this.db.stmt(
      `SELECT e.rowid AS pos, c.id, c.table_name AS "table", c.row_id AS row, c.column_name AS "column", c.value, c.hlc, c.origin_node AS origin, c.seq, c.base_hlc AS base
       FROM temp.sync_eval e JOIN change_log c ON c.id = e.change_id WHERE e.rowid > ? ORDER BY e.rowid LIMIT 1000`,
    );
    const mark = this.db.stmt('UPDATE change_log SET rejected = ? WHERE id = ?');
    let decided = 0;
    let cursor = 0;
    for (;;) {
      const batch = page.all(cursor) as (ChangeEntry & { id: number; pos: number })[];
      if (batch.length === 0) break;
      for (const entry of batch) {
        cursor = entry.pos;
        const reason = this.refusal(entry);
        if (reason && deferUnknownOrigin && reason.startsWith('tanınmayan kurulum')) continue;
        decided++;
        if (reason) {
          mark.run(1, entry.id);
          this.counts(entry.table).rejected++;
          if (this.report.rejected.length < 50) this.report.rejected.push({ table: entry.table, row: entry.row, column: entry.column, origin: entry.origin, reason });
          continue;
        }
        this.detectConflict(entry);
        mark.run(0, entry.id);
        let rows = this.touched.get(entry.table);
        if (!rows) this.touched.set(entry.table, (rows = new Set()));
        rows.add(entry.row);
      }
    }
    this.db.sqlite.exec('DROP TABLE temp.sync_eval');
    return decided;
  }

  private detectConflict(entry: ChangeEntry): void {
    const winner = this.db
      .stmt(
        `SELECT value, hlc, origin_node AS origin, base_hlc AS base FROM change_log
         WHERE table_name = ? AND row_id = ? AND column_name = ? AND rejected = 0 ORDER BY hlc DESC LIMIT 1`,
      )
      .get(entry.table, entry.row, entry.column) as { value: string; hlc: string; origin: string; base: string | null } | undefined;
    if (!winner || winner.origin === entry.origin || winner.value === entry.value) return;
    if (entry.base === winner.hlc || winner.base === entry.hlc) return; // one was written on top of the other
    if (BOOKKEEPING.includes(entry.column as (typeof BOOKKEEPING)[number]) && entry.column !== 'deleted_at') return;
    const local = winner;
    const remote = entry;
    this.db
      .stmt(
        `INSERT INTO sync_conflicts (table_name, row_id, column_name, local_value, local_hlc, local_origin, remote_value, remote_hlc, remote_origin, detected_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(entry.table, entry.row, entry.column, local.value, local.hlc, local.origin, remote.value, remote.hlc, remote.origin, new Date(this.options.now).toISOString());
    this.report.conflicts++;
  }

  /** Writes the winning values of every touched row (and retries held rows); returns the report. */
  finish(): ApplyReport {
    // The node directory first, to a fixed point: a vouch may introduce the voucher of another vouch.
    for (let pass = 0; pass < 10; pass++) {
      const decided = this.evaluate('sync_nodes', true);
      for (const row of this.touched.get('sync_nodes') ?? []) this.materialise('sync_nodes', row, false);
      this.touched.delete('sync_nodes');
      if (decided === 0) break;
    }
    this.evaluate(null, false);
    for (const spec of SYNCED_TABLES) {
      for (const row of this.touched.get(spec.name) ?? []) this.materialise(spec.name, row, false);
    }
    this.retryPending();
    this.advanceClock();
    return this.report;
  }

  private example(table: string, text: string) {
    const list = (this.report.examples[table] ??= []);
    if (list.length < 3) list.push(text);
  }

  /** Builds the row from its winning field values; returns false when it has to wait for its parent. */
  private materialise(table: string, rowId: string, retry: boolean): boolean {
    const spec = SYNCED_BY_NAME.get(table)!;
    const entries = this.db
      .stmt(`SELECT column_name AS "column", value, hlc FROM change_log WHERE table_name = ? AND row_id = ? AND rejected = 0 ORDER BY hlc`)
      .all(table, rowId) as { column: string; value: string }[];
    const winners: Row = {};
    for (const e of entries) winners[e.column] = JSON.parse(e.value) as unknown;
    const columns = [...BOOKKEEPING, ...spec.columns];
    const current = this.db.stmt(`SELECT * FROM ${table} WHERE id = ?`).get(rowId) as Row | undefined;
    const counts = this.counts(table);
    try {
      this.db.sqlite.transaction(() => {
        if (current) {
          const changed: Row = {};
          for (const c of columns) if (c in winners && winners[c] !== current[c]) changed[c] = winners[c];
          if (Object.keys(changed).length === 0) {
            if (!retry) counts.unchanged++;
            return;
          }
          const merged = { ...current, ...changed };
          const assignments = { ...changed, ...spec.derive?.(merged, this.env) };
          const names = Object.keys(assignments);
          this.db.stmt(`UPDATE ${table} SET ${names.map((n) => `${n} = ?`).join(', ')} WHERE id = ?`).run(...names.map((n) => assignments[n]), rowId);
          spec.afterWrite?.(this.db.stmt(`SELECT * FROM ${table} WHERE id = ?`).get(rowId) as Row, this.env);
          counts.updated++;
          this.example(table, String(merged.name ?? merged.full_name ?? rowId));
        } else {
          const values: Row = { id: rowId };
          for (const c of columns) values[c] = c in winners ? winners[c] : null;
          const row = { ...values, ...spec.derive?.(values, this.env) };
          const names = Object.keys(row);
          this.db.stmt(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(...names.map((n) => row[n]));
          spec.afterWrite?.(this.db.stmt(`SELECT * FROM ${table} WHERE id = ?`).get(rowId) as Row, this.env);
          counts.new++;
          this.example(table, String(values.name ?? values.full_name ?? rowId));
        }
      })();
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (!code.startsWith('SQLITE_CONSTRAINT')) throw error;
      // A parent row (foreign key) or a column of the insert has not arrived yet: hold and retry later.
      if (!retry) {
        counts.held++;
        this.db.stmt('INSERT INTO sync_pending (table_name, row_id, since) SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM sync_pending WHERE table_name = ? AND row_id = ?)').run(
          table, rowId, new Date(this.options.now).toISOString(), table, rowId,
        );
      }
      return false;
    }
    if (retry) this.db.stmt('DELETE FROM sync_pending WHERE table_name = ? AND row_id = ?').run(table, rowId);
    return true;
  }

  private retryPending(): void {
    for (let round = 0; round < 10; round++) {
      const pending = this.db.stmt('SELECT table_name AS "table", row_id AS row FROM sync_pending').all() as { table: string; row: string }[];
      if (pending.length === 0) return;
      const order = new Map(SYNCED_TABLES.map((s, i) => [s.name, i]));
      pending.sort((a, b) => (order.get(a.table) ?? 99) - (order.get(b.table) ?? 99));
      let progress = false;
      for (const p of pending) {
        if (this.materialise(p.table, p.row, true)) {
          progress = true;
          const counts = this.counts(p.table);
          if (counts.held > 0) counts.held--;
        }
      }
      if (!progress) return;
    }
  }

  /** Moves this installation's clock past every received timestamp, so its next edits order after them. */
  private advanceClock(): void {
    if (this.report.maxRemoteMillis === 0) return;
    const state = this.db.stmt('SELECT last_hlc AS hlc, last_seq AS seq FROM sync_clock WHERE id = 1').get() as { hlc: string; seq: number } | undefined;
    const latest = this.db.stmt('SELECT max(hlc) AS hlc FROM change_log').get() as { hlc: string };
    const last = state ? parseHlc(state.hlc) : { millis: 0, counter: 0, node: this.options.selfNode };
    const next = formatHlc(receive({ ...last, node: this.options.selfNode }, parseHlc(latest.hlc), this.options.now));
    this.db
      .stmt('INSERT INTO sync_clock (id, last_hlc, last_seq) VALUES (1, ?, 0) ON CONFLICT(id) DO UPDATE SET last_hlc = excluded.last_hlc')
      .run(next);
  }
}
