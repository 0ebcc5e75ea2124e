import type { OpenDatabase } from '../open';

// Changes stamped implausibly far ahead of this installation's clock wait here (sync_quarantine) until a
// person accepts them. The bound is reference data, set by the ministry; a day when it has not set one.

export const CLOCK_BOUND_ID = 'exchangeClockBound';
export const DEFAULT_MAX_AHEAD_HOURS = 24;

/** The bound in hours as reference data holds it (the default when unset or unreadable), and when it was set. */
export function clockBound(db: OpenDatabase): { maxAheadHours: number; updatedAt: string | null } {
  const row = db.stmt('SELECT value, updated_at AS updatedAt FROM reference_data WHERE id = ? AND deleted_at IS NULL').get(CLOCK_BOUND_ID) as
    | { value: string; updatedAt: string }
    | undefined;
  let hours = DEFAULT_MAX_AHEAD_HOURS;
  try {
    const parsed = row ? (JSON.parse(row.value) as { maxAheadHours?: unknown }).maxAheadHours : undefined;
    if (typeof parsed === 'number' && Number.isFinite(parsed) && parsed >= 1) hours = parsed;
  } catch {
    // A value that cannot be read keeps the default.
  }
  return { maxAheadHours: hours, updatedAt: row?.updatedAt ?? null };
}

/** How far ahead of this clock a received change may be stamped before it is held back, in ms. */
export function clockBoundMs(db: OpenDatabase): number {
  return clockBound(db).maxAheadHours * 3_600_000;
}

/** The latest stamp a person accepted from this origin (null: none). */
export function acceptedAhead(db: OpenDatabase, origin: string): string | null {
  return (db.stmt('SELECT max(max_hlc) AS hlc FROM sync_quarantine WHERE origin_node = ? AND accepted_at IS NOT NULL').get(origin) as { hlc: string | null }).hlc;
}

export interface QuarantineRow {
  id: number;
  originNode: string;
  firstSeq: number;
  maxHlc: string;
  aheadMinutes: number;
  peerNode: string;
  fileName: string;
  detectedAt: string;
  acceptedAt: string | null;
}

/** Records held-back changes; the same origin's open entry is widened instead of repeated. */
export function recordQuarantine(db: OpenDatabase, entry: Omit<QuarantineRow, 'id' | 'acceptedAt'>): void {
  const open = db.stmt('SELECT id, max_hlc AS maxHlc, ahead_minutes AS ahead FROM sync_quarantine WHERE origin_node = ? AND accepted_at IS NULL').get(entry.originNode) as
    | { id: number; maxHlc: string; ahead: number }
    | undefined;
  if (open) {
    db.stmt('UPDATE sync_quarantine SET max_hlc = max(max_hlc, ?), ahead_minutes = max(ahead_minutes, ?), first_seq = min(first_seq, ?), peer_node = ?, file_name = ?, detected_at = ? WHERE id = ?').run(
      entry.maxHlc, entry.aheadMinutes, entry.firstSeq, entry.peerNode, entry.fileName, entry.detectedAt, open.id,
    );
    return;
  }
  db.stmt('INSERT INTO sync_quarantine (origin_node, first_seq, max_hlc, ahead_minutes, peer_node, file_name, detected_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    entry.originNode, entry.firstSeq, entry.maxHlc, entry.aheadMinutes, entry.peerNode, entry.fileName, entry.detectedAt,
  );
}

export function listQuarantine(db: OpenDatabase): QuarantineRow[] {
  return db
    .stmt(
      `SELECT id, origin_node AS originNode, first_seq AS firstSeq, max_hlc AS maxHlc, ahead_minutes AS aheadMinutes, peer_node AS peerNode,
              file_name AS fileName, detected_at AS detectedAt, accepted_at AS acceptedAt
       FROM sync_quarantine ORDER BY accepted_at IS NOT NULL, detected_at DESC`,
    )
    .all() as QuarantineRow[];
}

/** Removes the entries whose changes are held now (the first of them is in the log). */
export function clearQuarantine(db: OpenDatabase): void {
  db.stmt('DELETE FROM sync_quarantine WHERE EXISTS (SELECT 1 FROM change_log c WHERE c.origin_node = sync_quarantine.origin_node AND c.seq = sync_quarantine.first_seq)').run();
}

/** A person accepts the stamps of an entry; returns false when there is no such open entry. */
export function acceptQuarantine(db: OpenDatabase, id: number, at: string): boolean {
  return db.stmt('UPDATE sync_quarantine SET accepted_at = ? WHERE id = ? AND accepted_at IS NULL').run(at, id).changes === 1;
}
