import type Database from 'better-sqlite3';
import { uuidv7 } from '../../shared/ids';
import type { Verdict } from '../../shared/registry/workflow';
import type { RefusalCode } from '../../shared/sync/reasons';
import { statementCache } from '../open';
import { formatHlc, parseHlc, tick } from './hlc';
import { recordRuns, ROW_CHANGES } from './runs';

// The one way synced rows are written. Each insert, update or tombstone records every changed field in
// change_log, in the caller's transaction, stamped with this node's clock and next sequence number.

export interface SyncedTableSpec {
  /** SQL table name. */
  name: string;
  /** Columns that travel between installations (besides the bookkeeping ones every synced table has). */
  columns: readonly string[];
  /**
   * Columns computed from the row (sort keys, folded search text, states derived from history); recomputed
   * on every write, never logged: each installation derives them itself.
   */
  derive?(row: Row, env: DeriveEnv): Row;
  /**
   * Synced columns computed where the row is written (a participant's person key): filled on insert and on each
   * update from the row as it will be (`current` is the row before an update), logged and carried like typed
   * ones; receivers take them as sent.
   */
  originate?(row: Row, current: Row | undefined): Row;
  /** Refreshes derived columns of other rows that depend on this one (e.g. a parent's state or search text). */
  afterWrite?(row: Row, env: DeriveEnv): void;
  /**
   * For tables of workflow steps: why this row, as built, does not count — written by a unit without the
   * authority for it, or a step that lost a race — for the import report; null when it counts. The
   * exchange checks only that a unit writes its own rows; such a row stays stored (it is evidence) and what is
   * derived from it ignores it. Asked once per imported row, after the import's rows are all in place.
   */
  authority?(row: Row, env: DeriveEnv): StepRefusal | null;
  /** The column the import report names for a row `authority` refuses (default `action`). */
  authorityColumn?: string;
}

/**
 * Why a row does not count, as the import report carries it: the Turkish sentence (the CLI, exports), and what
 * the screens word it from — a workflow verdict (shared/registry/workflow.ts) or a refusal code with its
 * parameters (shared/sync/reasons.ts).
 */
export interface StepRefusal {
  reason: string;
  verdict?: Verdict;
  code?: RefusalCode;
  params?: Record<string, string>;
}

/** What derivations may use: the connection and this installation's keyed hash (for TC Kimlik No). */
export interface DeriveEnv {
  sqlite: Database.Database;
  stmt(sql: string): Database.Statement;
  hmac(text: string): string;
}

/** Bookkeeping columns every synced table has; they are logged like any other field. */
export const BOOKKEEPING = ['owner_unit', 'created_at', 'updated_at', 'deleted_at'] as const;

export type Row = Record<string, unknown>;

export interface WriterOptions {
  nodeId: string;
  now?: () => number;
  /** Keyed hash with this installation's secret; required by tables that derive hashes. */
  hmac?: (text: string) => string;
  /**
   * Writes as another installation would (the demo data's stand-in for each province): numbers and clock kept
   * apart from this installation's own, continuing after what the change log holds of `nodeId`.
   */
  standIn?: boolean;
  /** The user making the change (db/users), recorded on each change-log row; null when nobody is signed in. */
  actor?: () => number | null;
}

export class ChangeWriter {
  private readonly now: () => number;
  private readonly clockRow: Database.Statement;
  private readonly saveClock: Database.Statement;
  private readonly appendChange: Database.Statement;
  private readonly stmt: (sql: string) => Database.Statement;
  readonly env: DeriveEnv;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly options: WriterOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.stmt = statementCache(sqlite);
    this.env = {
      sqlite,
      stmt: this.stmt,
      hmac: options.hmac ?? (() => {
        throw new Error('This write needs the installation secret (hmac) but none was given');
      }),
    };
    // The next sequence number follows both the clock row and anything logged under this node's id: a log that
    // holds a higher number of ours (a database written before receivers refused such changes) must never make
    // every later write fail on the (origin, seq) key.
    this.clockRow = sqlite.prepare(
      `SELECT last_hlc AS lastHlc, max(last_seq, coalesce((SELECT max(seq) FROM change_log WHERE origin_node = ?), 0)) AS lastSeq
       FROM sync_clock WHERE id = 1`,
    );
    this.saveClock = sqlite.prepare(
      `INSERT INTO sync_clock (id, last_hlc, last_seq) VALUES (1, ?, ?)
       ON CONFLICT(id) DO UPDATE SET last_hlc = excluded.last_hlc, last_seq = excluded.last_seq`,
    );
    this.appendChange = sqlite.prepare(
      `INSERT INTO change_log (table_name, row_id, column_name, value, hlc, origin_node, seq, actor, base_hlc)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, (SELECT max(c.hlc) FROM ${ROW_CHANGES} AND c.column_name = ? AND c.rejected = 0))`,
    );
  }

  /** Logs the given fields of one row under one clock tick; each field gets its own sequence number. */
  private log(table: string, rowId: string, fields: Row): string {
    const state = this.options.standIn ? this.standInState() : (this.clockRow.get(this.options.nodeId) as { lastHlc: string; lastSeq: number } | undefined);
    const last = state ? parseHlc(state.lastHlc) : { millis: 0, counter: 0, node: this.options.nodeId };
    const stamp = formatHlc(tick({ ...last, node: this.options.nodeId }, this.now()));
    let seq = state?.lastSeq ?? 0;
    const actor = this.options.actor?.() ?? null;
    let firstId = 0;
    let lastId = 0;
    for (const [column, value] of Object.entries(fields)) {
      seq += 1;
      lastId = Number(this.appendChange.run(table, rowId, column, JSON.stringify(value ?? null), stamp, this.options.nodeId, seq, actor, table, rowId, column).lastInsertRowid);
      firstId ||= lastId;
    }
    if (firstId) recordRuns(this.stmt, [table, rowId, firstId, lastId]);
    if (!this.options.standIn) this.saveClock.run(stamp, seq);
    return stamp;
  }

  /** A stand-in's clock: its last change in the log (one index probe), and never behind this installation's. */
  private standInState(): { lastHlc: string; lastSeq: number } {
    const last = this.stmt('SELECT seq, hlc FROM change_log WHERE origin_node = ? ORDER BY seq DESC LIMIT 1').get(this.options.nodeId) as { seq: number; hlc: string } | undefined;
    const clock = (this.stmt('SELECT last_hlc AS h FROM sync_clock WHERE id = 1').get() as { h: string } | undefined)?.h;
    const hlc = [last?.hlc, clock].filter((h): h is string => !!h).map(parseHlc).sort((a, b) => a.millis - b.millis || a.counter - b.counter).at(-1);
    return { lastHlc: formatHlc(hlc ?? { millis: 0, counter: 0, node: this.options.nodeId }), lastSeq: last?.seq ?? 0 };
  }

  private get(spec: SyncedTableSpec, id: string): Row | undefined {
    return this.stmt(`SELECT * FROM ${spec.name} WHERE id = ?`).get(id) as Row | undefined;
  }

  private isoNow(): string {
    return new Date(this.now()).toISOString();
  }

  /** Inserts a new row owned by `ownerUnit`. Must run inside a transaction. */
  insert(spec: SyncedTableSpec, ownerUnit: string, values: Row, id: string = uuidv7(this.now())): Row {
    this.assertInTransaction();
    const at = this.isoNow();
    const synced: Row = { owner_unit: ownerUnit, created_at: at, updated_at: at, deleted_at: null };
    for (const column of spec.columns) synced[column] = values[column] ?? null;
    Object.assign(synced, spec.originate?.({ id, ...synced }, undefined));
    const row: Row = { id, ...synced, ...spec.derive?.({ id, ...synced }, this.env) };
    const columns = Object.keys(row);
    this
      .stmt(`INSERT INTO ${spec.name} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
      .run(...columns.map((c) => row[c]));
    this.log(spec.name, id, synced);
    const stored = this.get(spec, id)!;
    spec.afterWrite?.(stored, this.env);
    return stored;
  }

  /**
   * Logs the stored values of these fields of a row again, unchanged, as new changes of this node (a restored
   * installation re-issuing what it wrote under numbers it may not keep).
   */
  reissue(spec: SyncedTableSpec, id: string, columns: readonly string[]): void {
    this.assertInTransaction();
    const current = this.get(spec, id);
    if (!current) return;
    const fields: Row = {};
    for (const column of columns) if (column in current) fields[column] = current[column];
    if (Object.keys(fields).length > 0) this.log(spec.name, id, fields);
  }

  /** Writes the fields of `patch` that differ from the stored row; a no-op patch writes and logs nothing. */
  update(spec: SyncedTableSpec, id: string, patch: Row, options: { force?: boolean } = {}): Row {
    this.assertInTransaction();
    const current = this.get(spec, id);
    if (!current) throw new Error(`${spec.name} ${id} does not exist`);
    const changed: Row = {};
    for (const column of [...spec.columns, 'deleted_at']) {
      if (!(column in patch)) continue;
      const next = patch[column] ?? null;
      // `force` records a decision even when it keeps the current value (a conflict resolution).
      if (options.force || next !== current[column]) changed[column] = next;
    }
    if (Object.keys(changed).length === 0) return current;
    for (const [column, value] of Object.entries(spec.originate?.({ ...current, ...changed }, current) ?? {})) {
      if (value !== current[column]) changed[column] = value;
    }
    changed.updated_at = this.isoNow();
    const merged = { ...current, ...changed };
    const derived = spec.derive?.(merged, this.env) ?? {};
    const assignments = { ...changed, ...derived };
    const columns = Object.keys(assignments);
    this
      .stmt(`UPDATE ${spec.name} SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`)
      .run(...columns.map((c) => assignments[c]), id);
    this.log(spec.name, id, changed);
    const stored = this.get(spec, id)!;
    spec.afterWrite?.(stored, this.env);
    return stored;
  }

  /** Marks a row deleted; it stays in the table (and in the change log) so deletions sync like edits. */
  tombstone(spec: SyncedTableSpec, id: string): Row {
    return this.update(spec, id, { deleted_at: this.isoNow() });
  }

  private assertInTransaction(): void {
    if (!this.sqlite.inTransaction) throw new Error('Synced writes must run inside a transaction');
  }
}
