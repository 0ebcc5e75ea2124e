import type { OpenDatabase } from '../open';

// The signed segments of each origin's changes (see sync_segments in schema.ts): what this installation can
// pass on with its origin's signature, and where its own unsigned changes begin.

export interface Segment {
  origin: string;
  first: number;
  last: number;
  digest: string;
  signature: string;
}

const COLUMNS = 'origin_node AS origin, first_seq AS first, last_seq AS last, digest, signature';

/** The segments of `origin` that hold a change numbered after `after`, in order. */
export function segmentsAfter(db: OpenDatabase, origin: string, after: number): Segment[] {
  return db.stmt(`SELECT ${COLUMNS} FROM sync_segments WHERE origin_node = ? AND last_seq > ? ORDER BY first_seq`).all(origin, after) as Segment[];
}

/** The last seq of `origin` covered by a segment held here (0: none). */
export function signedUpTo(db: OpenDatabase, origin: string): number {
  return (db.stmt('SELECT coalesce(max(last_seq), 0) AS n FROM sync_segments WHERE origin_node = ?').get(origin) as { n: number }).n;
}

/** Records segments (one already held is left as it is). */
export function saveSegments(db: OpenDatabase, segments: readonly Segment[]): void {
  const insert = db.stmt('INSERT OR IGNORE INTO sync_segments (origin_node, first_seq, last_seq, digest, signature) VALUES (?, ?, ?, ?, ?)');
  for (const s of segments) insert.run(s.origin, s.first, s.last, s.digest, s.signature);
}

/** This origin's changes numbered after `after`, in seq order (streamed). */
export function* changesOf(db: OpenDatabase, origin: string, after: number, upTo = Number.MAX_SAFE_INTEGER) {
  const statement = db.sqlite.prepare(
    `SELECT table_name AS "table", row_id AS row, column_name AS "column", value, hlc, origin_node AS origin, seq, base_hlc AS base
     FROM change_log WHERE origin_node = ? AND seq > ? AND seq <= ? ORDER BY seq`,
  );
  yield* statement.iterate(origin, after, upTo) as IterableIterator<{ table: string; row: string; column: string; value: string; hlc: string; origin: string; seq: number; base: string | null }>;
}
