import type { Role } from '../../shared/contract';
import type { OpenDatabase } from '../open';
import { readSetting, writeSetting } from '../settings/queries';
import { SYNCED_TABLES } from './tables';

// The chain of custody of exchange files (issue #15). Every file back to a peer carries a receipt for the
// peer's files applied here (each by its SHA-256, with when it was applied); the peer marks those files
// received in its ledger. The board lists files sent and not acknowledged after a number of days, and peers
// no file has come from in as long: what an auditor asks for when a USB stick goes missing. A file that is
// lost is not acknowledged by a later one (which repairs its data, but is another file). The board also lists
// received rows still waiting for their parent row (sync_pending): one that waits for long usually means a
// file from the sender is missing.

/** How many days a file may wait for its receipt, and a peer for its next file: this machine's preference. */
export const CUSTODY_DAYS_KEY = 'sync.custodyDays';
export const DEFAULT_CUSTODY_DAYS = 14;

const DAY_MS = 86_400_000;

/**
 * At most this many receipts a file. A file needs only those of files applied since the peer's last
 * confirmed file from here was written (that one carried the earlier ones): a handful, unless a folder went
 * back in time.
 */
const MAX_RECEIPTS = 256;

/** A receipt: the SHA-256 of a file the peer sent, and when it was first applied here (ISO). */
export type Receipt = [sha256: string, appliedAt: string];

export function custodyDays(db: OpenDatabase): number {
  const days = Number(readSetting(db, CUSTODY_DAYS_KEY));
  return Number.isSafeInteger(days) && days >= 1 ? days : DEFAULT_CUSTODY_DAYS;
}

export function setCustodyDays(db: OpenDatabase, days: number): number {
  writeSetting(db, CUSTODY_DAYS_KEY, String(days));
  return custodyDays(db);
}

/**
 * The receipts a file to a peer carries: the peer's files applied here (under any of its incarnations) since
 * this installation wrote the newest of its own files the peer confirmed (`confirmedExport`, 0: none).
 */
export function receiptsFor(db: OpenDatabase, peerNode: string, confirmedExport: number): Receipt[] {
  const rows = db
    .stmt(
      `SELECT file_sha256 AS sha, min(at) AS at FROM sync_ledger
       WHERE direction = 'import' AND (peer_node = @peer OR peer_node LIKE @peer || '~%') AND file_sha256 IS NOT NULL
         AND at >= coalesce((SELECT min(at) FROM sync_ledger WHERE direction = 'export' AND peer_node = @peer AND export_no = @confirmed), '')
       GROUP BY file_sha256 ORDER BY max(id) DESC LIMIT @limit`,
    )
    .all({ peer: peerNode, confirmed: confirmedExport, limit: MAX_RECEIPTS }) as { sha: string; at: string }[];
  return rows.map((r) => [r.sha, r.at]);
}

/** Marks the files sent to a peer that its receipts name as received, when it applied them. Returns how many. */
export function recordReceipts(db: OpenDatabase, peerNode: string, receipts: unknown): number {
  if (!Array.isArray(receipts)) return 0;
  const applied = new Map<string, string>();
  for (const r of receipts.slice(0, MAX_RECEIPTS)) {
    if (Array.isArray(r) && typeof r[0] === 'string' && typeof r[1] === 'string' && !Number.isNaN(Date.parse(r[1]))) applied.set(r[0], r[1]);
  }
  if (applied.size === 0) return 0;
  const waiting = db.stmt(`SELECT id, file_sha256 AS sha FROM sync_ledger WHERE direction = 'export' AND peer_node = ? AND received_at IS NULL`).all(peerNode) as {
    id: number; sha: string | null;
  }[];
  let marked = 0;
  for (const row of waiting) {
    const at = row.sha ? applied.get(row.sha) : undefined;
    if (!at) continue;
    db.stmt('UPDATE sync_ledger SET received_at = ? WHERE id = ?').run(new Date(at).toISOString(), row.id);
    marked++;
  }
  return marked;
}

export interface LedgerEntry {
  id: number;
  direction: string;
  peerNode: string | null;
  /** The peer's unit, when it is an enrolled peer. */
  peerName: string | null;
  fileName: string;
  fileSha256: string | null;
  at: string;
  outcome: string;
  summary: Record<string, unknown>;
  /** The file's number for its recipient (a file sent, or one received, by its sender's count). */
  exportNo: number | null;
  /** A file sent: when the peer applied it, as its receipt said (null: no receipt yet). */
  receivedAt: string | null;
}

/** The peer of a ledger row: a file received from a later incarnation (`<node>~<n>`) is its node's. */
const PEER_OF_ROW = `CASE WHEN instr(l.peer_node, '~') > 0 THEN substr(l.peer_node, 1, instr(l.peer_node, '~') - 1) ELSE l.peer_node END`;

/** Every exchange file written or read here, newest first. */
export function ledgerEntries(db: OpenDatabase, limit: number): LedgerEntry[] {
  const rows = db
    .stmt(
      `SELECT l.id, l.direction, l.peer_node, p.unit_name AS peer_name, l.file_name, l.file_sha256, l.at, l.outcome, l.summary, l.export_no, l.received_at
       FROM sync_ledger l LEFT JOIN sync_peers p ON p.node_id = ${PEER_OF_ROW}
       ORDER BY l.id DESC LIMIT ?`,
    )
    .all(limit) as {
    id: number; direction: string; peer_node: string | null; peer_name: string | null; file_name: string; file_sha256: string | null; at: string; outcome: string;
    summary: string; export_no: number | null; received_at: string | null;
  }[];
  return rows.map((r) => ({
    id: r.id, direction: r.direction, peerNode: r.peer_node, peerName: r.peer_name, fileName: r.file_name, fileSha256: r.file_sha256, at: r.at, outcome: r.outcome,
    summary: JSON.parse(r.summary) as Record<string, unknown>, exportNo: r.export_no, receivedAt: r.received_at,
  }));
}

export interface UnacknowledgedFile {
  ledgerId: number;
  peerNode: string;
  peerName: string;
  /** The peer's key was revoked: no receipt will come from it. */
  peerRevoked: boolean;
  fileName: string;
  sentAt: string;
  exportNo: number | null;
  /** Whole days since it was sent. */
  days: number;
}

export interface SilentPeer {
  peerNode: string;
  peerName: string;
  role: Role;
  /** When the last file from it was applied here (null: none ever was). */
  lastReceivedAt: string | null;
  enrolledAt: string;
  lastSentAt: string | null;
  /** Whole days since its last file was applied here, or since it was enrolled. */
  days: number;
}

/** Received rows of one table waiting for parent rows of another (a foreign key whose row has not arrived). */
export interface WaitingRows {
  table: string;
  rows: number;
  /** The table of the parent rows they wait for. */
  parentTable: string;
  /** How many parent rows they wait for. */
  parents: number;
  /**
   * The first few of those rows' ids (by id). A parent is an association, a meeting, a youth centre…: a
   * record its sender's clerk can find by id. It is not held here, so there is no name to show.
   */
  parentIds: string[];
  /** When the longest-waiting of them was held (ISO). */
  since: string;
  /** Whole days since then. */
  days: number;
}

export interface CustodyBoard {
  days: number;
  unacknowledged: UnacknowledgedFile[];
  silent: SilentPeer[];
  waiting: WaitingRows[];
}

/** A vouch revoking the peer's key (any incarnation of it is the same installation). */
const REVOKED = `EXISTS (SELECT 1 FROM sync_nodes n WHERE n.node_id = p.node_id AND n.revoked_after_seq IS NOT NULL AND n.deleted_at IS NULL)`;

/** Files sent and not acknowledged after the set number of days, and peers not heard from in as long. */
export function custodyBoard(db: OpenDatabase, now: number): CustodyBoard {
  const days = custodyDays(db);
  const cutoff = new Date(now - days * DAY_MS).toISOString();
  const since = (iso: string) => Math.max(0, Math.floor((now - Date.parse(iso)) / DAY_MS));
  const files = db
    .stmt(
      `SELECT l.id, l.peer_node, p.unit_name, ${REVOKED} AS revoked, l.file_name, l.at, l.export_no
       FROM sync_ledger l JOIN sync_peers p ON p.node_id = l.peer_node
       WHERE l.direction = 'export' AND l.received_at IS NULL AND l.at <= ?
       ORDER BY l.at, l.id`,
    )
    .all(cutoff) as { id: number; peer_node: string; unit_name: string; revoked: number; file_name: string; at: string; export_no: number | null }[];
  const peers = db
    .stmt(
      `SELECT p.node_id, p.unit_name, p.role, p.last_received_at, p.enrolled_at, p.last_sent_at FROM sync_peers p
       WHERE coalesce(p.last_received_at, p.enrolled_at) <= ? AND NOT ${REVOKED}
       ORDER BY coalesce(p.last_received_at, p.enrolled_at)`,
    )
    .all(cutoff) as { node_id: string; unit_name: string; role: Role; last_received_at: string | null; enrolled_at: string; last_sent_at: string | null }[];
  return {
    days,
    unacknowledged: files.map((f) => ({
      ledgerId: f.id, peerNode: f.peer_node, peerName: f.unit_name, peerRevoked: f.revoked === 1, fileName: f.file_name, sentAt: f.at, exportNo: f.export_no, days: since(f.at),
    })),
    // Longest silent first; names in Turkish order (SQLite's would put Ç after Z).
    silent: peers
      .map((p) => ({
        peerNode: p.node_id, peerName: p.unit_name, role: p.role, lastReceivedAt: p.last_received_at, enrolledAt: p.enrolled_at, lastSentAt: p.last_sent_at,
        days: since(p.last_received_at ?? p.enrolled_at),
      }))
      .sort((a, b) => b.days - a.days || a.peerName.localeCompare(b.peerName, 'tr')),
    waiting: waitingRows(db, since),
  };
}

/** Parent ids listed per table: enough to ask the sender about; the count says how many there are. */
const PARENT_IDS_SHOWN = 3;

/**
 * Held rows that wait for a parent row. Not those that wait for a field of their own (`waits` names the row
 * itself), nor those held by an older version (no wait recorded): the next import retries those anyway.
 */
const WAITS_FOR_PARENT = `waits_table IS NOT NULL AND NOT (waits_table = table_name AND waits_id = row_id)`;

const TABLE_ORDER = new Map(SYNCED_TABLES.map((s, i) => [s.name, i]));

/** Rows waiting for their parent row, per table and parent table: longest waiting first, parents before children. */
function waitingRows(db: OpenDatabase, daysSince: (iso: string) => number): WaitingRows[] {
  const groups = db
    .stmt(
      `SELECT table_name AS "table", waits_table AS parent, count(*) AS rows, count(DISTINCT waits_id) AS parents, min(since) AS since
       FROM sync_pending WHERE ${WAITS_FOR_PARENT} GROUP BY table_name, waits_table`,
    )
    .all() as { table: string; parent: string; rows: number; parents: number; since: string }[];
  const ids = db.stmt(
    `SELECT DISTINCT waits_id AS id FROM sync_pending WHERE waits_table = ? AND table_name = ? AND ${WAITS_FOR_PARENT} ORDER BY waits_id LIMIT ${PARENT_IDS_SHOWN}`,
  );
  const order = (table: string) => TABLE_ORDER.get(table) ?? TABLE_ORDER.size;
  return groups
    .map((g) => ({
      table: g.table, rows: g.rows, parentTable: g.parent, parents: g.parents, parentIds: (ids.all(g.parent, g.table) as { id: string }[]).map((r) => r.id),
      since: g.since, days: daysSince(g.since),
    }))
    .sort((a, b) => a.since.localeCompare(b.since) || order(a.table) - order(b.table) || a.parentTable.localeCompare(b.parentTable));
}
