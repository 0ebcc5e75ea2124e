import { BOOKKEEPING, type DeriveEnv, type Row } from '../changeLog/writer';
import { formatHlc, parseHlc, receive } from '../changeLog/hlc';
import { recordRuns, ROW_CHANGES, RUN_FIELDS } from '../changeLog/runs';
import type { Statement } from 'better-sqlite3';
import { sqlByCount, type OpenDatabase } from '../open';
import { ERASED_ON_REMOVAL } from './erasure';
import { explainRefusal } from './reasons';
import { removeChanges } from './restore';
import { saveSegments, type Segment } from './segments';
import { MINISTRY_ONLY_TABLES, SYNCED_BY_NAME, SYNCED_TABLES } from './tables';
import type { Refusal, RefusalCode } from '../../shared/sync/reasons';
import type { Verdict } from '../../shared/registry/workflow';

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

/** The fields of a change as the exchange file decoder hands them over (see PackedChanges). */
export const PACKED_CHANGE_FIELDS = ['table', 'row', 'column', 'value', 'hlc', 'origin', 'seq', 'base'] as const;

/**
 * Consecutive change lines as the exchange file decoder hands them over: first the names the run uses, then
 * PACKED_CHANGE_FIELDS per change, with table, column and origin as indexes into the names, seq a number and
 * base null when none. The few names repeat in every change; sent once per run they are not copied across
 * threads once per change.
 */
export type PackedChanges = [string[], ...(string | number | null)[]];

/** Calls `each` with every change of a packed run; returns how many. */
export function unpackChanges(item: PackedChanges, each: (entry: ChangeEntry) => void): number {
  const names = item[0];
  const width = PACKED_CHANGE_FIELDS.length;
  for (let i = 1; i < item.length; i += width) {
    each({
      table: names[item[i] as number]!, row: item[i + 1] as string, column: names[item[i + 2] as number]!, value: item[i + 3] as string,
      hlc: item[i + 4] as string, origin: names[item[i + 5] as number]!, seq: item[i + 6] as number, base: item[i + 7] as string | null,
    });
  }
  return (item.length - 1) / width;
}

/**
 * The highest seq held of each origin. A skip-scan of the (origin, seq) index: one probe for each next origin
 * and one for its highest seq, so its cost follows the number of origins, not the size of the log (a
 * `GROUP BY origin_node` read every entry of the index: seconds at national scale, on every import and export).
 */
export function localVector(db: OpenDatabase): Vector {
  const rows = db
    .stmt(
      `WITH RECURSIVE origins(origin) AS (
         SELECT (SELECT min(origin_node) FROM change_log)
         UNION ALL
         SELECT (SELECT min(origin_node) FROM change_log WHERE origin_node > origins.origin) FROM origins WHERE origin IS NOT NULL
       )
       SELECT origin, (SELECT max(seq) FROM change_log WHERE origin_node = origins.origin) AS seq FROM origins WHERE origin IS NOT NULL`,
    )
    .all() as { origin: string; seq: number }[];
  const vector: Vector = Object.fromEntries(rows.map((r) => [r.origin, r.seq]));
  // What files cut to this installation's scope covered beyond the last change they brought.
  for (const c of db.stmt('SELECT origin_node AS origin, seq FROM sync_coverage').all() as { origin: string; seq: number }[]) {
    if (c.seq > (vector[c.origin] ?? 0)) vector[c.origin] = c.seq;
  }
  return vector;
}

/** The same change, its value erased on one side: a removed person's value (db/sync/erasure.ts). */
function erasedEither(held: { t: string; c: string; v: string }, entry: ChangeEntry): boolean {
  return (held.v === 'null' || entry.value === 'null') && (ERASED_ON_REMOVAL[held.t]?.includes(held.c) ?? false);
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
  /** The first 50 refusals: `reason` in Turkish, naming units by name; `code` and `params` for the screens to word it. */
  rejected: { table: string; row: string; column: string; origin: string; reason: string; code?: RefusalCode; params?: Record<string, string>; verdict?: Verdict }[];
  gaps: { origin: string; expected: number; got: number }[];
  examples: Record<string, string[]>;
  maxRemoteMillis: number;
  /**
   * Changes not taken and not held, to come again: from an installation this one cannot verify yet
   * (`unknown`), or numbered after its key was revoked (`revoked`).
   */
  withheld: { origin: string; count: number; reason: 'unknown' | 'revoked' }[];
  /** Per origin, changes held back because their stamps run implausibly far ahead of this clock. */
  quarantined: { origin: string; firstSeq: number; maxHlc: string; count: number }[];
  /** Rows removed because they left this installation's scope, per table (set by the caller). */
  removed?: Record<string, number>;
}

/** Every logged column of each synced table: the bookkeeping ones, then the table's own. */
const COLUMNS = new Map(SYNCED_TABLES.map((spec) => [spec.name, [...BOOKKEEPING, ...spec.columns]]));

const emptyCounts = (): TableCounts => ({ new: 0, updated: 0, unchanged: 0, rejected: 0, held: 0 });

export interface ApplyOptions {
  /** Unit of an origin node, from enrolment (sync_nodes) and this installation's identity; null if unknown. */
  unitOf(nodeId: string): string | null;
  /** Whether a node's unit is known without the node directory: this installation or an enrolled peer. */
  enrolled(nodeId: string): boolean;
  now: number;
  /** This installation's node id (its clock is advanced past what it receives). */
  selfNode: string;
  /**
   * Judge and rebuild each row as its changes are read (true), or only once the whole file is stored. The
   * first relies on what files written by Köprü satisfy: a row's changes in one file come from one origin in
   * time order, and the file does not change the node directory behind changes already judged. A file that
   * breaks this sets `mustReread`; the caller then rolls back and reads the file again with this off.
   */
  judgeWhileReading: boolean;
  /**
   * A file from this installation's parent, cut to its scope (shared/sync/scope.ts): it covers each origin's
   * changes after `from[o]` up to `to[o]`, of which only those in scope come, in seq order with holes between
   * them; before them (`backfill`, until startWindow()) it may bring older changes of rows entering the scope.
   * Absent for a whole file, in which each origin's changes come one after another.
   */
  window?: { from: Vector; to: Vector; backfill: boolean };
  /**
   * Checks a segment's signature against its origin's enrolled key (with the node directory as it is when
   * called): 'unknown' when this installation cannot tell the origin's key.
   */
  verifySegment(segment: Segment): 'ok' | 'bad' | 'unknown';
  /** The last seq of a node whose key its voucher revoked, or null (with the node directory as it is when called). */
  revokedAfter(nodeId: string, fresh?: boolean): number | null;
  /** The youth centre record a youth-centre unit is bound to (its meetings are that centre's), or null. */
  centreOf?(unit: string): string | null;
  /** Changes stamped further ahead of `now` than this are held back (reference data; none when absent). */
  maxAheadMs?: number;
  /** The latest stamp a person accepted from this origin although it ran ahead, or null. */
  acceptedAhead?(nodeId: string): string | null;
}

/** A field value of the log as the judge sees it: the change that currently wins the field. */
interface Held {
  value: string;
  hlc: string;
  origin: string;
  base: string | null;
}

/**
 * What is known of one row while its received changes are judged, loaded once per row: the stored row (its
 * owner), the first accepted owner_unit change in the log, and each field's winning (latest) change. Judging
 * a change updates it, exactly as marking the change accepted in change_log would.
 */
interface RowState {
  current: Row | undefined;
  loggedOwner: { unit: string; hlc: string } | null;
  winners: Map<string, Held>;
  /** The change creating the row (its owner_unit) was refused: the row's other fields are refused with it. */
  creationRefused?: boolean;
}

type StoredEntry = ChangeEntry & { id: number; flag: number };

/** What rebuilding a row did, as counted in the report ('none': every change was refused). */
type Outcome = 'none' | 'new' | 'updated' | 'unchanged' | 'held';

/**
 * The report counts a row once per file. When a row is rebuilt again later in the same file, its earlier
 * outcome and the new one make one: created stays created, held then inserted is created, and so on.
 */
function combined(earlier: Outcome, now: Outcome): Outcome {
  if (earlier === 'none' || now === 'none') return earlier === 'none' ? now : earlier;
  if (now === 'held') return 'held';
  if (earlier === 'new' || earlier === 'updated') return earlier;
  return now;
}

/** Received changes are stored as accepted (0) or, for the node directory, unevaluated (2) until judged. */
const UNEVALUATED = 2;

/** `unjudgedFrom` for a row known to have no changes but this file's. */
const NO_HISTORY = -1;

/**
 * New rows per INSERT statement when rebuilding received rows, within SQLite's limit on parameters. FTS5
 * writes an index segment per statement, so fewer statements also merge less.
 */
const INSERT_BATCH = 256;
const MAX_PARAMETERS = 32_766;

/** Received changes per INSERT statement when storing them, and the values of each. */
const CHANGE_BATCH = 128;
const CHANGE_COLUMNS = 9;

/** Runs recorded per statement (see recordPendingRuns). */
const RUN_BATCH = 256;

/** The INSERT of `count` received changes; the text is built once per count (a full batch, mostly). */
const changeInsertSql = sqlByCount(
  (count) =>
    `INSERT INTO change_log (table_name, row_id, column_name, value, hlc, origin_node, seq, base_hlc, rejected)
     VALUES ${Array.from({ length: count }, () => '(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
);

/**
 * A file that no honest installation writes, found while reading it: the whole file is refused.
 * - `own-origin`: a change under this installation's own id that it never made (a forged origin);
 * - `reused-seq`: a change under an (origin, seq) already held here, with different content (an installation
 *   restored from a copy that numbers its changes again);
 * - `repeated`: the same (origin, seq) twice in one file;
 * - `forged`: a segment whose signature is not its origin's over the changes the file brought (a relay or
 *   the sender altered, added, or made up changes in another installation's name).
 */
export class ChangeConflict extends Error {
  constructor(
    readonly kind: 'own-origin' | 'reused-seq' | 'repeated' | 'forged',
    readonly origin: string,
    readonly seq: number,
  ) {
    super(`${kind} ${origin}#${seq}`);
    this.name = 'ChangeConflict';
  }
}

export class ChangeApplier {
  private readonly vector: Vector;
  /** What was held before this file: an (origin, seq) at or below it must be the very change held. */
  private readonly heldBefore: Vector;
  /** Node directory rows accepted into but not yet rebuilt (a handful: one per enrolled installation). */
  private readonly touchedNodes = new Set<string>();
  private directoryChanges = 0;
  readonly report: ApplyReport = {
    received: 0, alreadyHeld: 0, stored: 0, tables: {}, conflicts: 0, rejected: [], gaps: [], examples: {}, maxRemoteMillis: 0, withheld: [], quarantined: [],
  };
  /** The signed segments the file brought, with the digests the decoder computed (verified in finish()). */
  private readonly segments: Segment[] = [];
  /** Origins whose changes are held back from the first one stamped too far ahead (see ApplyOptions.maxAheadMs). */
  private readonly quarantined = new Map<string, { firstSeq: number; maxHlc: string; count: number }>();
  /** Changes stamped after this (an ISO time; HLC strings start with one) are too far ahead. */
  private readonly aheadLimit: string;
  private readonly gapOrigins = new Set<string>();

  constructor(
    private readonly db: OpenDatabase,
    private readonly env: DeriveEnv,
    private readonly options: ApplyOptions,
  ) {
    this.vector = localVector(db);
    this.heldBefore = { ...this.vector };
    this.pendingExists = db.stmt('SELECT 1 FROM sync_pending LIMIT 1').get() !== undefined;
    this.aheadLimit = new Date(options.now + (options.maxAheadMs ?? Number.MAX_SAFE_INTEGER / 2)).toISOString();
  }

  /** Takes a segment line of the file, as the decoder closed it (its digest computed from the changes before it). */
  addSegment(segment: Segment): void {
    this.segments.push(segment);
  }

  private counts(table: string): TableCounts {
    return (this.report.tables[table] ??= emptyCounts());
  }

  /**
   * Loads a row's state for judging. Changes with id >= `unjudgedFrom` are this file's and not judged yet
   * (stored as accepted so the common case writes each change once); they are left out.
   */
  private loadRow(table: string, rowId: string, unjudgedFrom: number): RowState {
    const current = this.db.stmt(`SELECT * FROM ${table} WHERE id = ?`).get(rowId) as Row | undefined;
    const state: RowState = { current, loggedOwner: null, winners: new Map() };
    if (unjudgedFrom === NO_HISTORY) return state;
    // Usually the row is new: probe its runs alone, since the full read below fetches every change of the
    // row, this file's own included, before it can discard them.
    if (!this.db.stmt('SELECT 1 FROM change_log_runs WHERE table_name = ? AND row_id = ? AND first_id < ? LIMIT 1').get(table, rowId, unjudgedFrom)) return state;
    const logged = this.db
      .stmt(
        `SELECT c.column_name AS "column", c.value, c.hlc, c.origin_node AS origin, c.base_hlc AS base FROM ${ROW_CHANGES}
         AND r.first_id < ? AND c.rejected = 0 AND c.id < ? ORDER BY c.hlc, c.id`,
      )
      .all(table, rowId, unjudgedFrom, unjudgedFrom) as (Held & { column: string })[];
    for (const e of logged) this.accept(state, e.column, e);
    return state;
  }

  /** Records an accepted change in the row's state: the latest HLC wins a field (ties: the later stored). */
  private accept(state: RowState, column: string, change: Held): void {
    const winner = state.winners.get(column);
    if (!winner || change.hlc >= winner.hlc) state.winners.set(column, change);
    if (column === 'owner_unit' && (!state.loggedOwner || change.hlc < state.loggedOwner.hlc)) state.loggedOwner = { unit: JSON.parse(change.value) as string, hlc: change.hlc };
  }

  private ownerOf(state: RowState): string | null {
    if (state.current) return state.current.owner_unit as string;
    return state.loggedOwner?.unit ?? null;
  }

  /** Why this change may not be applied, or null when its origin (of `unit`) may write it. */
  private refusal(entry: ChangeEntry, state: RowState | null, unit: string | null): Refusal | null {
    if (!state) return { code: 'unknownTable', params: { table: entry.table } };
    if (!unit) return { code: 'unknownOrigin', params: { origin: entry.origin } };
    if (MINISTRY_ONLY_TABLES.has(entry.table) && unit !== 'ministry') return { code: 'ministryOnly', params: { author: unit } };
    const owner = this.ownerOf(state);
    if (entry.column === 'owner_unit') {
      const claimed = JSON.parse(entry.value) as string;
      if (owner && owner !== claimed) return { code: 'ownerFixed', params: { owner, author: unit, claimed } };
      if (claimed !== unit) return { code: 'foreignOwner', params: { author: unit, claimed } };
      return null;
    }
    // The insert's owner_unit change comes first in the same tick and is checked there. A row whose creation
    // was refused takes none of its other fields: they would make a row that can never be built.
    if (entry.table === 'meetings' && entry.column === 'youth_centre_id' && unit.startsWith('youth-center:')) {
      // A youth centre's installation records its own centre's meetings, and no other's.
      const bound = this.options.centreOf?.(unit) ?? null;
      if (bound === null) return { code: 'centreUnbound', params: { author: unit } };
      if (JSON.parse(entry.value) !== bound) return { code: 'otherCentre', params: { author: unit, centre: String(JSON.parse(entry.value)) } };
    }
    if (!owner) return state.creationRefused ? { code: 'creationRefused' } : null;
    if (owner !== unit) return { code: 'notOwner', params: { owner, author: unit } };
    return null;
  }

  /** In a file cut to this installation's scope: whether its changes in the window (not backfill) have begun. */
  private inWindow = false;
  /** Older changes a scoped file brought for rows entering the scope (origin NUL seq), to catch repeats. */
  private readonly backfilled = new Set<string>();

  /** In a file cut to this installation's scope, the window's changes begin (those before were backfill). */
  startWindow(): void {
    this.inWindow = true;
  }

  /** Takes one received change. */
  add(entry: ChangeEntry): void {
    this.report.received++;
    const held = this.vector[entry.origin] ?? 0;
    const window = this.options.window;
    if (window && !this.inWindow) {
      this.backfill(entry);
      return;
    }
    if (entry.seq <= held) {
      if (entry.seq > (this.heldBefore[entry.origin] ?? 0)) throw new ChangeConflict('repeated', entry.origin, entry.seq);
      this.checkSameAsHeld(entry);
      this.report.alreadyHeld++;
      return;
    }
    // Only this installation writes under its own id; a file never brings one of its changes it does not hold.
    if (entry.origin === this.options.selfNode) throw new ChangeConflict('own-origin', entry.origin, entry.seq);
    if (this.gapOrigins.has(entry.origin)) return;
    const quarantine = this.quarantined.get(entry.origin);
    if (quarantine) {
      // Everything after a held-back change waits with it: an origin's changes are taken in order only.
      quarantine.count++;
      if (entry.hlc > quarantine.maxHlc) quarantine.maxHlc = entry.hlc;
      return;
    }
    if (this.withheldAsRevoked(entry)) return;
    // A whole file brings an origin's changes one after another; a scoped one those in scope of a window that
    // must begin at or before what is held here.
    const inOrder = window ? (window.from[entry.origin] ?? 0) <= (this.heldBefore[entry.origin] ?? 0) : entry.seq === held + 1;
    if (entry.hlc > this.aheadLimit && !(entry.hlc <= (this.options.acceptedAhead?.(entry.origin) ?? ''))) {
      if (inOrder) {
        this.quarantined.set(entry.origin, { firstSeq: entry.seq, maxHlc: entry.hlc, count: 1 });
        return;
      }
    }
    if (!inOrder) {
      // Changes from this origin are missing in between: never apply out of order; a later file repairs it.
      this.report.gaps.push({ origin: entry.origin, expected: held + 1, got: entry.seq });
      this.gapOrigins.add(entry.origin);
      return;
    }
    this.vector[entry.origin] = entry.seq;
    this.take(entry);
  }

  /**
   * A change a scoped file brings for a row entering this installation's scope: older than what the window
   * covers, so it does not move the vector. One held already must be the same; a new one is stored and
   * judged like any other. A stale file (older than one applied before) brings none: a row removed since
   * must not come back from it.
   */
  private backfill(entry: ChangeEntry): void {
    const key = `${entry.origin}\u0000${entry.seq}`;
    if (this.backfilled.has(key)) throw new ChangeConflict('repeated', entry.origin, entry.seq);
    this.backfilled.add(key);
    if (entry.origin === this.options.selfNode) {
      // This installation's own changes come back only as it holds them (an earlier incarnation's may come
      // back after a restore lost them, as in the window).
      if (!this.checkSameAsHeld(entry)) throw new ChangeConflict('own-origin', entry.origin, entry.seq);
      this.report.alreadyHeld++;
      return;
    }
    if (this.checkSameAsHeld(entry) || !this.options.window!.backfill) {
      this.report.alreadyHeld++;
      return;
    }
    if (this.withheldAsRevoked(entry)) return;
    this.take(entry);
  }

  /** Withholds a change numbered after its origin's key was revoked (as the directory stood before this file). */
  private withheldAsRevoked(entry: ChangeEntry): boolean {
    let revoked = this.revocations.get(entry.origin);
    if (revoked === undefined) this.revocations.set(entry.origin, (revoked = this.options.revokedAfter(entry.origin)));
    if (revoked === null || entry.seq <= revoked) return false;
    this.withhold(entry.origin, 1, 'revoked');
    return true;
  }

  /** Stores a change that is taken, judged as the row's changes are read or once the file is in. */
  private take(entry: ChangeEntry): void {
    // HLC strings order as their times do, so the latest is kept as text and parsed once in finish().
    if (entry.hlc > this.maxHlc) this.maxHlc = entry.hlc;
    this.report.stored++;
    if (this.options.judgeWhileReading) {
      if (this.failed) return;
      const run = this.run;
      if (run.length > 0 && (run[0]!.row !== entry.row || run[0]!.table !== entry.table)) this.endRun();
      this.run.push(entry);
      return;
    }
    // Judged in finish(), once the whole file is in, in causal (HLC) order per row and with the node
    // directory first, so the order of origins in a file cannot matter. Directory changes wait as
    // unevaluated (the directory is judged in passes); the rest are stored as accepted and only the few
    // refused are marked afterwards, which finish() tells apart from earlier changes by id.
    const directory = entry.table === 'sync_nodes';
    if (directory) this.directoryChanges++;
    this.stage(entry, directory ? UNEVALUATED : 0);
  }

  /**
   * A change already held must come back exactly as it is held (but for a removed person's value one side has
   * erased already: db/sync/erasure.ts; the erasure reaches the other side too): the same (origin, seq) with other content
   * means the origin numbered two changes alike, and taking either silently would leave installations that
   * differ for good.
   */
  private checkSameAsHeld(entry: ChangeEntry): boolean {
    const held = this.db
      .stmt('SELECT table_name AS t, row_id AS r, column_name AS c, value AS v, hlc AS h FROM change_log WHERE origin_node = ? AND seq = ?')
      .get(entry.origin, entry.seq) as { t: string; r: string; c: string; v: string; h: string } | undefined;
    if (held && (held.t !== entry.table || held.r !== entry.row || held.c !== entry.column || held.h !== entry.hlc || (held.v !== entry.value && !erasedEither(held, entry)))) {
      throw new ChangeConflict('reused-seq', entry.origin, entry.seq);
    }
    return held !== undefined;
  }

  private withhold(origin: string, count: number, reason: 'unknown' | 'revoked'): void {
    const known = this.report.withheld.find((w) => w.origin === origin && w.reason === reason);
    if (known) known.count += count;
    else this.report.withheld.push({ origin, count, reason });
  }

  /**
   * Checks the origins of the file once the node directory it brought is in place: changes from an origin
   * this installation cannot verify, or numbered after its key was revoked, are taken out again (not held,
   * so they come again once they can be verified); then every segment's signature must be its origin's, or
   * the whole file is refused. Changes of unknown origins were left unjudged while reading, and a file that
   * revokes a key is judged after reading, so nothing taken out here had been built into a row.
   */
  private settleOrigins(): void {
    const origins = new Set<string>();
    for (const origin of Object.keys(this.vector)) if (this.vector[origin]! > (this.heldBefore[origin] ?? 0)) origins.add(origin);
    for (const origin of origins) {
      const unknown = this.options.unitOf(origin) === null;
      const keep = unknown ? (this.heldBefore[origin] ?? 0) : this.options.revokedAfter(origin, true);
      if (keep === null || keep >= this.vector[origin]!) continue;
      const from = Math.max(keep, this.heldBefore[origin] ?? 0);
      // This file's changes only (those before it were held already).
      const taken = removeChanges(this.db, origin, from, this.firstId ?? 0);
      this.report.stored -= taken;
      this.vector[origin] = from;
      this.withhold(origin, taken, unknown ? 'unknown' : 'revoked');
    }
    for (const segment of this.segments) {
      const verdict = this.options.verifySegment(segment);
      if (verdict === 'bad') throw new ChangeConflict('forged', segment.origin, segment.first);
      if (verdict === 'ok') this.verified.push(segment);
    }
  }

  private readonly verified: Segment[] = [];
  /** Revocations as the directory stood before this file (a file that changes one is judged after reading). */
  private readonly revocations = new Map<string, number | null>();

  /** Keeps the verified segments whose changes are now all held here, to pass them on with their signatures. */
  private keepSegments(): void {
    saveSegments(this.db, this.verified.filter((s) => s.last <= (this.vector[s.origin] ?? 0)));
  }

  /** Queues a change for storing with its verdict (0 accepted, 1 refused, UNEVALUATED). */
  private stage(entry: ChangeEntry, flag: number): void {
    this.pendingChanges.push(entry.table, entry.row, entry.column, entry.value, entry.hlc, entry.origin, entry.seq, entry.base, flag);
    if (this.pendingChanges.length >= CHANGE_COLUMNS * CHANGE_BATCH) this.storeChanges();
  }

  /** Judging while reading: the run of consecutive changes of one row being read. */
  private run: ChangeEntry[] = [];
  /** Rows with changes among pendingChanges (not stored yet) or runs among pendingRuns (not recorded yet). */
  private readonly pendingRows = new Set<string>();
  /** Runs left unevaluated while reading (their origin was not known yet), judged in finish(). */
  private deferredRuns = 0;
  private failed = false;

  /** True when judging while reading met a file it cannot judge that way: roll back, read it again with it off. */
  get mustReread(): boolean {
    return this.failed;
  }

  /**
   * Judges and rebuilds the row of the run just read, against everything stored before it: the row's
   * earlier log, this file's earlier runs of the row included (already judged). For a row whose changes in
   * the file are one origin's in time order, that decides exactly what judging them all at once in HLC order
   * would; anything else fails the read (see `judgeWhileReading`).
   */
  private endRun(): void {
    const run = this.run;
    if (run.length === 0) return;
    this.run = [];
    const { table, row } = run[0]!;
    if (table === 'sync_nodes') {
      if (!this.directoryKeepsUnits(row, run)) {
        this.failed = true;
        return;
      }
      this.directoryChanges += run.length;
      for (const entry of run) this.stage(entry, UNEVALUATED);
      return;
    }
    const key = `${table}\u0000${row}`;
    if (this.pendingRows.has(key)) this.flushLog();
    const span = this.db.stmt('SELECT min(first_id) AS first, max(last_id) AS last FROM change_log_runs WHERE table_name = ? AND row_id = ?').get(table, row) as { first: number | null; last: number | null };
    const origin = run[0]!.origin;
    let oneOrigin = true;
    let inHlcOrder = true;
    for (let i = 1; i < run.length; i++) {
      if (run[i]!.origin !== origin) oneOrigin = false;
      if (run[i]!.hlc < run[i - 1]!.hlc) inHlcOrder = false;
    }
    const earlier = this.firstId !== null && span.last !== null && span.last >= this.firstId;
    if (earlier) {
      const seen = this.db
        .stmt(`SELECT min(c.origin_node) AS low, max(c.origin_node) AS high, max(c.hlc) AS hlc FROM ${ROW_CHANGES} AND r.last_id >= ? AND c.id >= ?`)
        .get(table, row, this.firstId, this.firstId) as { low: string; high: string; hlc: string };
      if (!oneOrigin || seen.low !== origin || seen.high !== origin || run.some((e) => e.hlc <= seen.hlc)) {
        this.failed = true;
        return;
      }
    }
    if (oneOrigin ? this.options.unitOf(origin) === null : run.some((e) => this.options.unitOf(e.origin) === null)) {
      // Perhaps vouched for further on in the file: judged in finish(), after the node directory.
      this.deferredRuns++;
      for (const entry of run) this.stage(entry, UNEVALUATED);
      this.pendingRows.add(key);
      return;
    }
    // Judged in HLC order (a stable sort: equal HLCs keep the file's order); stored in the file's order.
    const ordered = inHlcOrder ? run : [...run].sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
    const refused: ChangeEntry[] = [];
    // A row met earlier in the file must be in its table (not queued) before its state is loaded.
    if (earlier) this.flushInserts();
    const unjudgedFrom = span.first === null ? NO_HISTORY : Number.MAX_SAFE_INTEGER;
    const { state, accepted } = this.judge(table, row, ordered, unjudgedFrom, false, (entry, rejected) => {
      if (rejected) refused.push(entry);
    });
    // Told before this run's changes are stored, since they would count as the earlier run's.
    const before = earlier && accepted > 0 ? this.earlierOutcome(table, row, state!.current, span.first! < this.firstId!) : 'none';
    for (const entry of run) this.stage(entry, refused.length > 0 && refused.includes(entry) ? 1 : 0);
    this.pendingRows.add(key);
    if (accepted === 0) return;
    // A row met before is written at once, so that what it counted can be combined with what it counts now.
    const outcome = this.rebuild(table, row, state!, !earlier);
    if (!earlier || outcome === 'queued') return;
    if (before === 'held' && outcome !== 'held') this.db.stmt('DELETE FROM sync_pending WHERE table_name = ? AND row_id = ?').run(table, row);
    const after = combined(before, outcome);
    const counts = this.counts(table);
    if (before !== 'none') counts[before]--;
    if (outcome !== 'none') counts[outcome]--;
    if (after !== 'none') counts[after]++;
  }

  /**
   * Whether a directory row read from the file leaves the unit of every node already known as it is, so that
   * changes judged before the directory is rebuilt were judged against the right units: a new vouch for a node
   * that is unknown, this installation, an enrolled peer, or known to be of the unit the vouch names.
   */
  private directoryKeepsUnits(rowId: string, run: ChangeEntry[]): boolean {
    if (this.db.stmt('SELECT 1 FROM sync_nodes WHERE id = ?').get(rowId)) return false;
    const field = (column: string): unknown => {
      const change = run.find((e) => e.column === column);
      try {
        return change ? JSON.parse(change.value) : undefined;
      } catch {
        return undefined;
      }
    };
    const node = field('node_id');
    if (typeof node !== 'string') return false;
    // A revocation changes which changes count: the file is judged once its directory is in place.
    if (field('revoked_after_seq') !== undefined && field('revoked_after_seq') !== null) return false;
    if (this.options.enrolled(node)) return true;
    const known = this.options.unitOf(node);
    return known === null || known === field('unit_id');
  }

  /**
   * What rebuilding a row earlier in this file counted, told from the database as it is now: a row with no
   * accepted change of this file was not rebuilt; one missing from its table waits in sync_pending; one with
   * no older log was created; an older row was updated unless it still holds the values it had before.
   */
  private earlierOutcome(table: string, rowId: string, current: Row | undefined, olderLog: boolean): Outcome {
    if (!this.db.stmt(`SELECT 1 FROM ${ROW_CHANGES} AND r.last_id >= ? AND c.id >= ? AND c.rejected = 0 LIMIT 1`).get(table, rowId, this.firstId, this.firstId)) return 'none';
    if (!current) return this.db.stmt('SELECT 1 FROM sync_pending WHERE table_name = ? AND row_id = ?').get(table, rowId) ? 'held' : 'none';
    if (!olderLog) return 'new';
    const before = winningValues(this.loadRow(table, rowId, this.firstId!));
    return Object.keys(before).every((column) => before[column] === current[column]) ? 'unchanged' : 'updated';
  }

  /** Takes received changes as the exchange file decoder packs them; returns how many. */
  addPacked(item: PackedChanges): number {
    return unpackChanges(item, this.addOne);
  }

  private readonly addOne = (entry: ChangeEntry) => this.add(entry);

  /** Received changes waiting to be stored, flattened (CHANGE_COLUMNS values each). */
  private pendingChanges: unknown[] = [];
  private maxHlc = '';

  /**
   * Stores the waiting changes with one INSERT statement per batch (one statement per change spends more
   * in the statement machinery than in the B-trees). The rows of one statement get consecutive ids; where
   * each row's changes went is added to the runs waiting to be recorded.
   */
  private storeChanges(): void {
    const values = this.pendingChanges;
    const count = values.length / CHANGE_COLUMNS;
    if (count === 0) return;
    this.pendingChanges = [];
    const info = this.db.stmt(changeInsertSql(count)).run(values);
    const first = Number(info.lastInsertRowid) - count + 1;
    if (this.firstId === null) this.firstId = first;
    // Consecutive changes of one row make one run; a run that continues the last waiting one extends it.
    const runs = this.pendingRuns;
    for (let i = 0, start = 0; i <= count; i++) {
      const table = values[start * CHANGE_COLUMNS] as string;
      const row = values[start * CHANGE_COLUMNS + 1] as string;
      if (i < count && values[i * CHANGE_COLUMNS] === table && values[i * CHANGE_COLUMNS + 1] === row) continue;
      const n = runs.length;
      if (n > 0 && runs[n - 3] === row && runs[n - 4] === table && runs[n - 1] === first + start - 1) runs[n - 1] = first + i - 1;
      else runs.push(table, row, first + start, first + i - 1);
      start = i;
    }
    if (runs.length >= RUN_FIELDS * RUN_BATCH) this.recordPendingRuns();
  }

  /**
   * Records the waiting runs in change_log_runs, many to a statement. Only the first can continue a run
   * already recorded, and only one of the row recorded last (or, before this applier recorded any, anything
   * logged). Called once the waiting changes are stored, so every pending row is then in the log.
   */
  private recordPendingRuns(): void {
    const runs = this.pendingRuns;
    if (runs.length === 0) return;
    this.pendingRuns = [];
    const last = this.lastRecorded;
    const follows = last === null ? undefined : last.table === runs[0] && last.row === runs[1];
    recordRuns((sql) => this.db.stmt(sql), runs, follows);
    this.lastRecorded = { table: runs.at(-4) as string, row: runs.at(-3) as string };
    this.pendingRows.clear();
  }

  /** Stores the waiting changes and records their runs, so that queries of the log see all of them. */
  private flushLog(): void {
    this.storeChanges();
    this.recordPendingRuns();
  }

  private firstId: number | null = null;
  /** Runs of stored changes not recorded in change_log_runs yet, flattened (RUN_FIELDS values each). */
  private pendingRuns: (string | number)[] = [];
  /** The row of the last run this applier recorded. */
  private lastRecorded: { table: string; row: string } | null = null;

  /**
   * Calls `each` with each run of consecutive changes of one row among this file's changes (the node
   * directory's aside), in the order they were stored.
   */
  private forEachRun(firstId: number, each: (table: string, rowId: string, run: StoredEntry[]) => void): void {
    const page = this.db.stmt(
      `SELECT id AS pos, id, table_name AS "table", row_id AS row, column_name AS "column", value, hlc, origin_node AS origin, seq, base_hlc AS base, rejected AS flag
       FROM change_log WHERE id > ? AND table_name <> 'sync_nodes' ORDER BY id LIMIT ${PAGE}`,
    );
    groupByRow(page, firstId - 1, each);
  }

  /**
   * Calls `each` with the changes of one row at a time (in HLC order), rows in table order (parents first),
   * for this file's changes (`c`) matching `filter`; of one table only, found through its runs, when `table` is
   * given. The changes are sorted once into a temporary table.
   */
  private forEachRow(filter: string, each: (table: string, rowId: string, entries: StoredEntry[]) => void, table?: string): void {
    const order = `CASE c.table_name ${SYNCED_TABLES.map((t, i) => `WHEN '${t.name}' THEN ${i}`).join(' ')} ELSE 99 END`;
    const source = table
      ? `change_log_runs r JOIN change_log c ON c.id BETWEEN r.first_id AND r.last_id WHERE r.table_name = '${table}' AND r.last_id >= @first AND`
      : 'change_log c WHERE';
    this.db.sqlite.exec('DROP TABLE IF EXISTS temp.sync_eval');
    this.db.sqlite
      .prepare(`CREATE TEMP TABLE sync_eval AS SELECT c.id AS change_id FROM ${source} ${filter} AND c.id >= @first ORDER BY ${order}, c.table_name, c.row_id, c.hlc, c.id`)
      .run({ first: this.firstId });
    const page = this.db.stmt(
      `SELECT e.rowid AS pos, c.id, c.table_name AS "table", c.row_id AS row, c.column_name AS "column", c.value, c.hlc, c.origin_node AS origin, c.seq, c.base_hlc AS base, c.rejected AS flag
       FROM temp.sync_eval e JOIN change_log c ON c.id = e.change_id WHERE e.rowid > ? ORDER BY e.rowid LIMIT ${PAGE}`,
    );
    groupByRow(page, 0, each);
    this.db.sqlite.exec('DROP TABLE temp.sync_eval');
  }

  /**
   * Judges one row's changes in HLC order against the row's state; `settle` records each decided change's
   * verdict. Returns the state (for rebuilding the row), how many changes were accepted and how many decided.
   */
  private judge<E extends ChangeEntry>(table: string, rowId: string, entries: E[], unjudgedFrom: number, deferUnknownOrigin: boolean, settle: (entry: E, rejected: boolean) => void) {
    const state = SYNCED_BY_NAME.has(table) ? this.loadRow(table, rowId, unjudgedFrom) : null;
    let accepted = 0;
    let decided = 0;
    // A row's changes mostly come from one origin: its unit is looked up when the origin changes.
    let origin: string | null = null;
    let unit: string | null = null;
    // A row with nothing held before these changes is created by them: if one is refused, none is taken (a
    // row cannot be half created; it would wait for good for the field it lacks).
    const fresh = state !== null && !state.current && state.winners.size === 0;
    const taken: E[] = [];
    for (const entry of entries) {
      if (entry.origin !== origin) {
        origin = entry.origin;
        unit = this.options.unitOf(origin);
      }
      const reason = this.refusal(entry, state, unit);
      if (reason && deferUnknownOrigin && reason.code === 'unknownOrigin') continue;
      decided++;
      settle(entry, reason !== null);
      if (reason) {
        if (fresh && !state!.creationRefused) {
          state!.creationRefused = true;
          for (const earlier of taken) {
            settle(earlier, true);
            this.counts(earlier.table).rejected++;
            if (this.report.rejected.length < 50) {
              this.report.rejected.push({ table: earlier.table, row: earlier.row, column: earlier.column, origin: earlier.origin, ...explainRefusal(this.db, { code: 'creationRefused' }) });
            }
          }
          accepted = 0;
          state!.winners.clear();
          state!.loggedOwner = null;
        } else if (entry.column === 'owner_unit' && state && !this.ownerOf(state)) {
          state.creationRefused = true;
        }
        this.counts(entry.table).rejected++;
        if (this.report.rejected.length < 50) this.report.rejected.push({ table: entry.table, row: entry.row, column: entry.column, origin: entry.origin, ...explainRefusal(this.db, reason) });
        continue;
      }
      this.detectConflict(entry, state!.winners.get(entry.column));
      this.accept(state!, entry.column, entry);
      if (fresh) taken.push(entry);
      accepted++;
    }
    return { state, accepted, decided };
  }

  /** Records the verdict on a stored change: refused, or accepted when it was stored as unevaluated. */
  private readonly settleStored = (entry: StoredEntry, rejected: boolean): void => {
    if (rejected) this.db.stmt('UPDATE change_log SET rejected = ? WHERE id = ?').run(1, entry.id);
    else if (entry.flag === UNEVALUATED) this.db.stmt('UPDATE change_log SET rejected = ? WHERE id = ?').run(0, entry.id);
  };

  /** Judges the node directory's unevaluated changes; returns how many were decided. */
  private evaluateDirectory(deferUnknownOrigin: boolean): number {
    if (this.firstId === null || this.directoryChanges === 0) return 0;
    let decided = 0;
    this.forEachRow(
      `c.rejected = ${UNEVALUATED}`,
      (table, rowId, entries) => {
        // Earlier passes' accepted changes of this file are part of the state; unevaluated ones are not.
        const result = this.judge(table, rowId, entries, Number.MAX_SAFE_INTEGER, deferUnknownOrigin, this.settleStored);
        decided += result.decided;
        if (result.accepted > 0) this.touchedNodes.add(rowId);
      },
      'sync_nodes',
    );
    return decided;
  }

  private detectConflict(entry: ChangeEntry, winner: Held | undefined): void {
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
    if (this.options.judgeWhileReading) {
      this.endRun();
    }
    this.flushLog();
    // A file judging while reading could not handle: the caller rolls back and reads it again.
    if (this.failed) return this.report;
    if (this.maxHlc) this.report.maxRemoteMillis = parseHlc(this.maxHlc).millis;
    this.judgeDirectory();
    this.settleOrigins();
    if (this.firstId !== null) {
      if (this.options.judgeWhileReading) {
        // Only the rows whose changes came from origins unknown while reading are left.
        if (this.deferredRuns > 0) {
          this.forEachRow(`c.table_name <> 'sync_nodes' AND c.rejected = ${UNEVALUATED}`, (table, rowId, entries) => this.rebuildStored(table, rowId, entries, Number.MAX_SAFE_INTEGER));
        }
      } else {
        this.rebuildAll(this.firstId);
      }
      this.flushInserts();
    }
    for (const row of this.touchedNodes) this.materialise('sync_nodes', row, false);
    this.touchedNodes.clear();
    this.retryPending();
    this.reportSteps();
    this.keepSegments();
    this.advanceCoverage();
    this.advanceClock();
    for (const [origin, q] of this.quarantined) this.report.quarantined.push({ origin, ...q });
    // Tables in a fixed order (parents first), whatever order their rows were judged in.
    const rank = (table: string) => SYNCED_TABLES.findIndex((spec) => spec.name === table) >>> 0;
    this.report.tables = Object.fromEntries(Object.entries(this.report.tables).sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : 1)));
    return this.report;
  }

  /** Judges the node directory's changes and rebuilds its rows, before the other tables are judged. */
  private judgeDirectory(): void {
    // To a fixed point: a vouch may introduce the voucher of another vouch.
    for (let pass = 0; pass < 10; pass++) {
      const decided = this.evaluateDirectory(true);
      for (const row of this.touchedNodes) this.materialise('sync_nodes', row, false);
      this.touchedNodes.clear();
      if (decided === 0) break;
    }
    // What is left of the directory (origins nobody vouched for) is refused; its rows are rebuilt last, so
    // that judging the other tables sees the same directory as the passes did.
    this.evaluateDirectory(false);
  }

  /** Judges stored changes of one row (in HLC order) and rebuilds the row. */
  private rebuildStored(table: string, rowId: string, entries: StoredEntry[], unjudgedFrom: number): void {
    const { state, accepted } = this.judge(table, rowId, entries, unjudgedFrom, false, this.settleStored);
    if (accepted > 0) this.rebuild(table, rowId, state!, true);
  }

  /** Rebuilds a judged row: queued when it is new and `queue` allows (inserted with others), else written now. */
  private rebuild(table: string, rowId: string, state: RowState, queue: boolean): Outcome | 'queued' {
    if (queue && !state.current && !SYNCED_BY_NAME.get(table)!.afterWrite) {
      this.queueInsert(table, rowId, winningValues(state));
      return 'queued';
    }
    this.flushInserts();
    return this.write(table, rowId, state.current, winningValues(state), false);
  }

  /**
   * Judges and rebuilds every row of the stored file, one row at a time. Rows whose whole log is one run of
   * this file's changes (new rows: the usual case) are taken in the order the file brought them, with no
   * sorting; the rest wait in sync_defer and are then taken sorted.
   */
  private rebuildAll(firstId: number): void {
    this.db.sqlite.exec('DROP TABLE IF EXISTS temp.sync_defer; CREATE TEMP TABLE sync_defer (table_name TEXT, row_id TEXT, PRIMARY KEY (table_name, row_id)) WITHOUT ROWID');
    let deferred = 0;
    this.forEachRun(firstId, (table, rowId, run) => {
      const span = this.db.stmt('SELECT min(first_id) AS first, max(last_id) AS last FROM change_log_runs WHERE table_name = ? AND row_id = ?').get(table, rowId) as { first: number; last: number };
      if (span.first === run[0]!.id && span.last === run.at(-1)!.id && SYNCED_BY_NAME.has(table)) {
        this.rebuildStored(table, rowId, run.length > 1 ? run.sort(byHlc) : run, NO_HISTORY);
      } else {
        this.db.stmt('INSERT OR IGNORE INTO temp.sync_defer (table_name, row_id) VALUES (?, ?)').run(table, rowId);
        deferred++;
      }
    });
    this.flushInserts();
    if (deferred > 0) {
      this.forEachRow(`c.table_name <> 'sync_nodes' AND (c.table_name, c.row_id) IN (SELECT table_name, row_id FROM temp.sync_defer)`, (table, rowId, entries) =>
        this.rebuildStored(table, rowId, entries, firstId),
      );
    }
    this.db.sqlite.exec('DROP TABLE temp.sync_defer');
  }

  private example(table: string, text: string) {
    const list = (this.report.examples[table] ??= []);
    if (list.length < 3) list.push(text);
  }

  /** Rows of workflow tables (those with an `authority` check) this import wrote, as `table\u0000row`. */
  private readonly writtenSteps = new Set<string>();

  private rememberStep(table: string, rowId: string): void {
    if (SYNCED_BY_NAME.get(table)?.authority) this.writtenSteps.add(`${table}\u0000${rowId}`);
  }

  /**
   * Names in the report each workflow step this import wrote that does not count (no authority, or it lost a
   * race), judged once every row of the file is in place. The row stays stored; derived state ignores it.
   */
  private reportSteps(): void {
    for (const key of this.writtenSteps) {
      const [table, rowId] = key.split('\u0000') as [string, string];
      const spec = SYNCED_BY_NAME.get(table)!;
      const row = this.db.stmt(`SELECT * FROM ${table} WHERE id = ?`).get(rowId) as Row | undefined;
      const refusal = row ? spec.authority!(row, this.env) : null;
      if (!refusal) continue;
      this.counts(table).rejected++;
      if (this.report.rejected.length >= 50) continue;
      const author = this.db
        .stmt(`SELECT c.origin_node AS origin FROM ${ROW_CHANGES} AND c.column_name = 'owner_unit' AND c.rejected = 0 ORDER BY c.hlc, c.id LIMIT 1`)
        .get(table, rowId) as { origin: string } | undefined;
      this.report.rejected.push({ table, row: rowId, column: spec.authorityColumn ?? 'action', origin: author?.origin ?? '', ...refusal });
    }
    this.writtenSteps.clear();
  }

  /** New rows waiting to be inserted together (one table at a time; see queueInsert). */
  private pendingInserts: { table: string; rowId: string; winners: Row; row: Row }[] = [];

  /**
   * Queues a new row of a table without afterWrite. Rows are inserted up to INSERT_BATCH to a statement: each
   * statement with a trigger opens a statement savepoint, and FTS5 flushes its pending index data at every savepoint,
   * so one row per statement writes (and later merges) one index segment per row.
   */
  private queueInsert(table: string, rowId: string, winners: Row): void {
    if (this.pendingInserts.length > 0 && this.pendingInserts[0]!.table !== table) this.flushInserts();
    const spec = SYNCED_BY_NAME.get(table)!;
    const values: Row = { id: rowId };
    for (const c of COLUMNS.get(table)!) values[c] = c in winners ? winners[c] : null;
    const row = spec.derive ? Object.assign(values, spec.derive(values, this.env)) : values;
    let columns = 0;
    for (const _ in row) columns++;
    // Within SQLite's limit on parameters, whatever the width of the table's rows.
    if (this.pendingParameters + columns > MAX_PARAMETERS) this.flushInserts();
    this.pendingInserts.push({ table, rowId, winners, row });
    this.pendingParameters += columns;
    if (this.pendingInserts.length >= INSERT_BATCH) this.flushInserts();
  }

  private pendingParameters = 0;

  /** Inserts the queued rows; if any of them cannot be inserted yet, each goes its own way (held or new). */
  private flushInserts(): void {
    const rows = this.pendingInserts;
    if (rows.length === 0) return;
    this.pendingInserts = [];
    this.pendingParameters = 0;
    const table = rows[0]!.table;
    const names = Object.keys(rows[0]!.row);
    if (rows.length > 1 && rows.every((r) => sameColumns(r.row, names))) {
      const values: unknown[] = new Array(rows.length * names.length);
      let k = 0;
      for (const r of rows) for (const n of names) values[k++] = r.row[n];
      try {
        // One statement: it inserts every row or, on a constraint failure, none of them.
        this.db.stmt(newRowsSql(table, names)(rows.length)).run(values);
        const counts = this.counts(table);
        const unhold = this.pendingExists ? this.db.stmt('DELETE FROM sync_pending WHERE table_name = ? AND row_id = ?') : null;
        for (const r of rows) {
          unhold?.run(table, r.rowId);
          counts.new++;
          this.example(table, String(r.row.name ?? r.row.full_name ?? r.rowId));
          this.rememberStep(table, r.rowId);
        }
        return;
      } catch (error) {
        if (!String((error as { code?: string }).code ?? '').startsWith('SQLITE_CONSTRAINT')) throw error;
      }
    }
    for (const r of rows) this.write(table, r.rowId, undefined, r.winners, false);
  }

  /** Builds the row from its winning field values in the log; returns false when it has to wait for its parent. */
  private materialise(table: string, rowId: string, retry: boolean): boolean {
    const entries = this.db
      .stmt(`SELECT c.column_name AS "column", c.value, c.hlc FROM ${ROW_CHANGES} AND c.rejected = 0 ORDER BY c.hlc, c.id`)
      .all(table, rowId) as { column: string; value: string }[];
    const winners: Row = {};
    for (const e of entries) winners[e.column] = parseValue(e.value);
    const current = this.db.stmt(`SELECT * FROM ${table} WHERE id = ?`).get(rowId) as Row | undefined;
    return this.write(table, rowId, current, winners, retry) !== 'held';
  }

  /** Writes a row from its winning values; returns what it did ('held': it has to wait for its parent). */
  private write(table: string, rowId: string, current: Row | undefined, winners: Row, retry: boolean): Outcome {
    const spec = SYNCED_BY_NAME.get(table)!;
    const columns = COLUMNS.get(table)!;
    const counts = this.counts(table);
    let outcome: Outcome = 'unchanged';
    let attempted: Row = winners;
    const apply = () => {
      if (current) {
        const changed: Row = {};
        for (const c of columns) if (c in winners && winners[c] !== current[c]) changed[c] = winners[c];
        if (Object.keys(changed).length === 0) {
          if (!retry) counts.unchanged++;
          return;
        }
        const merged = { ...current, ...changed };
        attempted = merged;
        const assignments = { ...changed, ...spec.derive?.(merged, this.env) };
        const names = Object.keys(assignments);
        this.db.stmt(`UPDATE ${table} SET ${names.map((n) => `${n} = ?`).join(', ')} WHERE id = ?`).run(...names.map((n) => assignments[n]), rowId);
        spec.afterWrite?.(this.db.stmt(`SELECT * FROM ${table} WHERE id = ?`).get(rowId) as Row, this.env);
        counts.updated++;
        outcome = 'updated';
        this.example(table, String(merged.name ?? merged.full_name ?? rowId));
      } else {
        const values: Row = { id: rowId };
        for (const c of columns) values[c] = c in winners ? winners[c] : null;
        const row = { ...values, ...spec.derive?.(values, this.env) };
        attempted = row;
        const names = Object.keys(row);
        this.db.stmt(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(...names.map((n) => row[n]));
        spec.afterWrite?.(this.db.stmt(`SELECT * FROM ${table} WHERE id = ?`).get(rowId) as Row, this.env);
        counts.new++;
        outcome = 'new';
        this.example(table, String(values.name ?? values.full_name ?? rowId));
      }
      this.rememberStep(table, rowId);
    };
    try {
      // One INSERT or UPDATE (with its triggers) is atomic by itself; writes to other rows need a savepoint.
      if (spec.afterWrite) this.db.sqlite.transaction(apply)();
      else apply();
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (!code.startsWith('SQLITE_CONSTRAINT')) throw error;
      // A parent row (foreign key) or a column of the row has not arrived yet: held, and tried again when
      // what it waits for is written (the parent; or, for a missing column, the row itself).
      const waits = this.missingParent(table, attempted) ?? { table, id: rowId };
      if (!retry) counts.held++;
      const held = this.db.stmt('UPDATE sync_pending SET waits_table = ?, waits_id = ? WHERE table_name = ? AND row_id = ?').run(waits.table, waits.id, table, rowId);
      if (held.changes === 0) {
        this.db
          .stmt('INSERT INTO sync_pending (table_name, row_id, since, waits_table, waits_id) VALUES (?, ?, ?, ?, ?)')
          .run(table, rowId, new Date(this.options.now).toISOString(), waits.table, waits.id);
        this.pendingExists = true;
      }
      return 'held';
    }
    if (retry || this.pendingExists) this.db.stmt('DELETE FROM sync_pending WHERE table_name = ? AND row_id = ?').run(table, rowId);
    return outcome;
  }

  /** The first parent row a row refers to that is not there (by the table's foreign keys), or null. */
  private missingParent(table: string, row: Row): { table: string; id: string } | null {
    let keys = FOREIGN_KEYS.get(table);
    if (!keys) {
      const list = this.db.sqlite.pragma(`foreign_key_list(${table})`) as { table: string; from: string; to: string | null }[];
      FOREIGN_KEYS.set(table, (keys = list.map((k) => ({ parent: k.table, column: k.from, key: k.to ?? 'id' }))));
    }
    for (const k of keys) {
      const value = row[k.column];
      if (value === null || value === undefined) continue;
      if (!this.db.stmt(`SELECT 1 FROM ${k.parent} WHERE ${k.key} = ?`).get(value)) return { table: k.parent, id: String(value) };
    }
    return null;
  }

  /** Whether rows may wait in sync_pending (so a row written may have to leave it): set once one does. */
  private pendingExists: boolean;

  /**
   * Builds held rows whose wait may be over: those waiting for a row this file wrote to (a parent that
   * arrived, or the row itself), then those waiting for a row just built, until none is left. Its cost
   * follows the file, not the number of held rows. Rows held before waits were recorded (an older version)
   * are each tried once.
   */
  private retryPending(): void {
    if (!this.db.stmt('SELECT 1 FROM sync_pending LIMIT 1').get()) return;
    const order = new Map(SYNCED_TABLES.map((s, i) => [s.name, i]));
    let candidates = this.db.stmt('SELECT table_name AS "table", row_id AS row FROM sync_pending WHERE waits_table IS NULL').all() as { table: string; row: string }[];
    if (this.firstId !== null) {
      candidates.push(
        ...(this.db
          .stmt(
            `SELECT DISTINCT p.table_name AS "table", p.row_id AS row FROM change_log c
             CROSS JOIN sync_pending p ON p.waits_table = c.table_name AND p.waits_id = c.row_id WHERE c.id >= ?`,
          )
          .all(this.firstId) as { table: string; row: string }[]),
      );
    }
    const waiting = this.db.stmt('SELECT table_name AS "table", row_id AS row FROM sync_pending WHERE waits_table = ? AND waits_id = ?');
    const seen = new Set<string>();
    while (candidates.length > 0) {
      candidates.sort((a, b) => (order.get(a.table) ?? 99) - (order.get(b.table) ?? 99));
      const built: { table: string; row: string }[] = [];
      for (const p of candidates) {
        const key = `${p.table}\u0000${p.row}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if (!this.materialise(p.table, p.row, true)) continue;
        built.push(p);
        const counts = this.counts(p.table);
        if (counts.held > 0) counts.held--;
      }
      candidates = built.flatMap((b) => waiting.all(b.table, b.row) as { table: string; row: string }[]);
    }
  }

  /**
   * A scoped file covers each origin's changes up to `to`, whether or not any were in scope: recorded, so the
   * vector this installation reports moves on (unless the origin's changes were not all taken: a gap, changes
   * held back or withheld; the next file covers them again).
   */
  private advanceCoverage(): void {
    const window = this.options.window;
    if (!window) return;
    const upsert = this.db.stmt('INSERT INTO sync_coverage (origin_node, seq) VALUES (?, ?) ON CONFLICT(origin_node) DO UPDATE SET seq = max(seq, excluded.seq)');
    for (const [origin, to] of Object.entries(window.to)) {
      const seq = Number(to);
      if (!Number.isSafeInteger(seq) || seq <= 0 || origin === this.options.selfNode) continue;
      if (this.gapOrigins.has(origin) || this.quarantined.has(origin) || this.report.withheld.some((w) => w.origin === origin)) continue;
      if ((window.from[origin] ?? 0) > (this.heldBefore[origin] ?? 0)) continue;
      upsert.run(origin, seq);
      if (seq > (this.vector[origin] ?? 0)) this.vector[origin] = seq;
    }
  }

  /** Moves this installation's clock past every received timestamp, so its next edits order after them. */
  private advanceClock(): void {
    if (!this.maxHlc) return;
    const state = this.db.stmt('SELECT last_hlc AS hlc, last_seq AS seq FROM sync_clock WHERE id = 1').get() as { hlc: string; seq: number } | undefined;
    const last = state ? parseHlc(state.hlc) : { millis: 0, counter: 0, node: this.options.selfNode };
    // Never past the bound a held-back change is measured by: a clock told the future does not take it up.
    const remote = parseHlc(this.maxHlc);
    const bound = this.options.now + (this.options.maxAheadMs ?? Number.MAX_SAFE_INTEGER / 2);
    const told = remote.millis > bound ? { ...remote, millis: bound, counter: 0 } : remote;
    const next = formatHlc(receive({ ...last, node: this.options.selfNode }, told, this.options.now));
    this.db
      .stmt('INSERT INTO sync_clock (id, last_hlc, last_seq) VALUES (1, ?, 0) ON CONFLICT(id) DO UPDATE SET last_hlc = excluded.last_hlc')
      .run(next);
  }
}

/** Whether a row has exactly these columns. */
function sameColumns(row: Row, names: readonly string[]): boolean {
  let count = 0;
  for (const key in row) {
    if (key !== names[count]) return false;
    count++;
  }
  return count === names.length;
}

/** The multi-row INSERT of new rows of one table with these columns, by row count. */
const newRowsSqlCache = new Map<string, (count: number) => string>();
function newRowsSql(table: string, names: readonly string[]): (count: number) => string {
  const shape = names.join(', ');
  const key = `${table}(${shape})`;
  let sql = newRowsSqlCache.get(key);
  if (!sql) {
    const placeholders = `(${names.map(() => '?').join(', ')})`;
    sql = sqlByCount((count) => `INSERT INTO ${table} (${shape}) VALUES ${Array.from({ length: count }, () => placeholders).join(', ')}`);
    newRowsSqlCache.set(key, sql);
  }
  return sql;
}

/** Foreign keys of each synced table (PRAGMA foreign_key_list), read once. */
const FOREIGN_KEYS = new Map<string, { parent: string; column: string; key: string }[]>();

/** Changes read from SQLite per page while judging, so memory does not grow with the file. */
const PAGE = 4000;

/**
 * Reads `page` (changes with a `pos` column, bound to the last `pos` seen, in `pos` order) page by page
 * and calls `each` with every group of consecutive changes of one row.
 */
function groupByRow(page: Statement, start: number, each: (table: string, rowId: string, entries: StoredEntry[]) => void): void {
  let cursor = start;
  let group: StoredEntry[] = [];
  for (;;) {
    const batch = page.all(cursor) as (StoredEntry & { pos: number })[];
    for (const entry of batch) {
      if (group.length > 0 && (entry.row !== group[0]!.row || entry.table !== group[0]!.table)) {
        each(group[0]!.table, group[0]!.row, group);
        group = [];
      }
      group.push(entry);
    }
    if (batch.length === 0) break;
    cursor = batch.at(-1)!.pos;
  }
  if (group.length > 0) each(group[0]!.table, group[0]!.row, group);
}

/** Causal order of one row's changes: HLC, then the order they were stored. */
const byHlc = (a: StoredEntry, b: StoredEntry) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : a.id - b.id);

/**
 * A logged field value (JSON). Most are strings without escapes, which are their text between the quotes:
 * a logged value is always valid JSON (written by JSON.stringify, or checked when its file was read), so a
 * quote inside would have been escaped.
 */
function parseValue(json: string): unknown {
  return json.length >= 2 && json.charCodeAt(0) === 0x22 && json.charCodeAt(json.length - 1) === 0x22 && json.indexOf('\\') < 0 ? json.slice(1, -1) : JSON.parse(json);
}

/** The parsed winning value of every field of a judged row. */
function winningValues(state: RowState): Row {
  const values: Row = {};
  for (const [column, winner] of state.winners) values[column] = parseValue(winner.value);
  return values;
}
