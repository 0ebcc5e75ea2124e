import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

// File exchange between installations. Only `sync_nodes` is synced (so every installation can tell which
// unit a relayed change's origin node belongs to); the rest is this installation's own bookkeeping.

/**
 * The directory of enrolled installations: node id → unit, role and public keys. A row is written by the
 * unit that accepted the enrolment (the parent), so it vouches for it, and travels like any synced row.
 */
export const syncNodes = sqliteTable('sync_nodes', {
  /** `<vouching node id>:<node id>`: each installation vouches in its own row, so rows never collide. */
  id: text('id').primaryKey(),
  nodeId: text('node_id').notNull(),
  ownerUnit: text('owner_unit').notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  deletedAt: text('deleted_at'),
  unitId: text('unit_id').notNull(),
  role: text('role').notNull(),
  unitName: text('unit_name').notNull(),
  provincePlate: text('province_plate'),
  signPublicKey: text('sign_public_key').notNull(),
  boxPublicKey: text('box_public_key').notNull(),
  /**
   * Set by the vouching unit to revoke the node's key: its changes numbered after this are refused
   * everywhere (the node carries on, if at all, under a new node id vouched for again).
   */
  revokedAfterSeq: integer('revoked_after_seq'),
  /**
   * For a youth-centre installation: its own record in its province's youth-centre list, chosen (or created)
   * by the province when it enrols it. The centre plans and records that centre's meetings, and no other's.
   */
  centreId: text('centre_id'),
}, (t) => [index('sync_nodes_node').on(t.nodeId)]);

/**
 * How far this installation's knowledge of each origin reaches: a file from its parent covers an origin's
 * changes up to a seq, of which it brings only those in this installation's scope (shared/sync/scope.ts).
 * The vector an installation reports is, per origin, the higher of this and the last change it holds. Local.
 */
export const syncCoverage = sqliteTable('sync_coverage', {
  originNode: text('origin_node').primaryKey(),
  seq: integer('seq').notNull(),
});

/**
 * The rows this installation has sent a child (its scope), so that a row entering the child's scope later
 * is sent whole and one leaving it is named for the child to remove. `export_no` is the file that last sent
 * the row's whole history outside its window (0: none needed); until the child confirms that file, the next
 * file sends it again. Local.
 */
export const syncPeerRows = sqliteTable('sync_peer_rows', {
  peerNode: text('peer_node').notNull(),
  tableName: text('table_name').notNull(),
  rowId: text('row_id').notNull(),
  exportNo: integer('export_no').notNull(),
}, (t) => [primaryKey({ columns: [t.peerNode, t.tableName, t.rowId] }), index('sync_peer_rows_export').on(t.peerNode, t.exportNo)]);

/**
 * What was destroyed here, and why: the destruction record KVKK's destruction regulation asks to keep for at
 * least three years. Local. Two kinds of entry:
 * - a row removed for good (`reason` `out-of-scope`…): one entry per row, `row_id` its id;
 * - a retention rule applied (`reason` `retention`, issue #16): one entry per rule and table, `row_id` `*`, with
 *   the rule, the columns erased, how many records and how many earlier copies in the change log, the trigger
 *   and the actor. Never the values, nor whose they were.
 */
export const destructionLog = sqliteTable('destruction_log', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  tableName: text('table_name').notNull(),
  rowId: text('row_id').notNull(),
  reason: text('reason').notNull(),
  /** What carried the decision (the exchange file's name; for retention, the rule's period and cut-off). */
  source: text('source'),
  destroyedAt: text('destroyed_at').notNull(),
  ruleId: text('rule_id'),
  /** Comma-separated columns erased (retention), or null when whole rows went. */
  columns: text('columns'),
  records: integer('records'),
  copies: integer('copies'),
  /** `periodic` (the daily run) or `manual`. */
  trigger: text('trigger'),
  actor: text('actor'),
}, (t) => [index('destruction_log_at').on(t.destroyedAt)]);

/**
 * Signed runs of one origin's changes ("segments"): the origin signs (origin, first seq, last seq, digest of
 * the changes in seq order) with its own key when it first sends them, and every installation that holds
 * them passes the signature on unchanged, so a receiver can tell that each change is its origin's, as its
 * origin wrote it, however many hands the file went through. Local bookkeeping, carried in exchange files.
 */
export const syncSegments = sqliteTable('sync_segments', {
  originNode: text('origin_node').notNull(),
  firstSeq: integer('first_seq').notNull(),
  lastSeq: integer('last_seq').notNull(),
  /** SHA-256 (hex) of the segment's changes in their canonical text (electron/sync/origins.ts). */
  digest: text('digest').notNull(),
  /** Ed25519 signature (base64) of the origin over segmentMessage(origin, first, last, digest). */
  signature: text('signature').notNull(),
}, (t) => [primaryKey({ columns: [t.originNode, t.firstSeq] })]);

/**
 * Changes held back because they are stamped implausibly far ahead of this installation's clock: an
 * installation whose clock runs ahead would otherwise win every same-field edit until real time caught up.
 * They are not stored until a person accepts them (and the file is read again) or the sender's clock is set
 * right. Local.
 */
export const syncQuarantine = sqliteTable('sync_quarantine', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  originNode: text('origin_node').notNull(),
  /** The first held-back change of the origin (everything after it waits with it, in order). */
  firstSeq: integer('first_seq').notNull(),
  /** The latest stamp among the held-back changes. */
  maxHlc: text('max_hlc').notNull(),
  /** How far ahead of this installation's clock the latest stamp was when it arrived, in minutes. */
  aheadMinutes: integer('ahead_minutes').notNull(),
  peerNode: text('peer_node').notNull(),
  fileName: text('file_name').notNull(),
  detectedAt: text('detected_at').notNull(),
  /** Set when a person accepts the stamps up to max_hlc; the file is then read again. */
  acceptedAt: text('accepted_at'),
}, (t) => [index('sync_quarantine_origin').on(t.originNode)]);

/** The installations this one exchanges files with directly (its parent and its children). Local. */
export const syncPeers = sqliteTable('sync_peers', {
  nodeId: text('node_id').primaryKey(),
  unitId: text('unit_id').notNull(),
  role: text('role').notNull(),
  unitName: text('unit_name').notNull(),
  signPublicKey: text('sign_public_key').notNull(),
  boxPublicKey: text('box_public_key').notNull(),
  fingerprint: text('fingerprint').notNull(),
  enrolledAt: text('enrolled_at').notNull(),
  /** JSON version vector (origin → highest seq) the peer said it holds in its latest file. */
  ackedVector: text('acked_vector').notNull(),
  lastSentAt: text('last_sent_at'),
  lastReceivedAt: text('last_received_at'),
  /** Newest file creation time received from this peer (older files are recognised as stale). */
  lastFileCreatedAt: text('last_file_created_at'),
  /** Files written for this peer, numbered (each file's manifest carries its number). */
  exportsWritten: integer('exports_written').notNull().default(0),
  /** The newest of those files the peer said it applied (its files' receipts). */
  exportsConfirmed: integer('exports_confirmed').notNull().default(0),
  /** The newest file from this peer applied here, by the peer's number: sent back as a receipt. */
  importsApplied: integer('imports_applied').notNull().default(0),
  /** When that file was applied. */
  importsAppliedAt: text('imports_applied_at'),
});

/**
 * Rows whose received changes cannot be built yet. Local. `waits_table`/`waits_id` name the parent row it
 * waits for (a foreign key whose row has not arrived): it is tried again only when that row is written.
 * Without them the row lacks a field of its own, and is tried again when a change of it arrives.
 */
export const syncPending = sqliteTable('sync_pending', {
  tableName: text('table_name').notNull(),
  rowId: text('row_id').notNull(),
  since: text('since').notNull(),
  waitsTable: text('waits_table'),
  waitsId: text('waits_id'),
}, (t) => [index('sync_pending_row').on(t.tableName, t.rowId), index('sync_pending_waits').on(t.waitsTable, t.waitsId)]);

/** Same-field concurrent edits, for a person to decide. Local. */
export const syncConflicts = sqliteTable(
  'sync_conflicts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    column: text('column_name').notNull(),
    localValue: text('local_value').notNull(),
    localHlc: text('local_hlc').notNull(),
    localOrigin: text('local_origin').notNull(),
    remoteValue: text('remote_value').notNull(),
    remoteHlc: text('remote_hlc').notNull(),
    remoteOrigin: text('remote_origin').notNull(),
    detectedAt: text('detected_at').notNull(),
    resolvedAt: text('resolved_at'),
    resolution: text('resolution'),
    /** The user who resolved it (db/users). */
    resolvedBy: integer('resolved_by'),
  },
  (t) => [index('sync_conflicts_open').on(t.resolvedAt, t.detectedAt)],
);

/** Every exchange file written or read, with what it did. Local. */
export const syncLedger = sqliteTable('sync_ledger', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  direction: text('direction', { enum: ['export', 'import', 'introduce', 'enroll'] }).notNull(),
  peerNode: text('peer_node'),
  fileName: text('file_name').notNull(),
  fileSha256: text('file_sha256'),
  at: text('at').notNull(),
  outcome: text('outcome').notNull(),
  /** JSON: counts per table and outcome, warnings. */
  summary: text('summary').notNull(),
  /** An export's number for its peer (sync_peers.exports_written), to match the peer's receipt. */
  exportNo: integer('export_no'),
  /** When the peer applied this exported file, as its receipt said (null: not acknowledged yet). */
  receivedAt: text('received_at'),
});

/**
 * Rows whose people's personal values are to be erased from the row and from the change log (issue #15): a
 * board member removed from an association's board. Filled by triggers (migration 0011) whenever such a row
 * is deleted or a value arrives for a deleted one; emptied as db/sync/erasure.ts erases what nothing still
 * has to send. Local.
 */
export const syncErasures = sqliteTable('sync_erasures', {
  tableName: text('table_name').notNull(),
  rowId: text('row_id').notNull(),
}, (t) => [primaryKey({ columns: [t.tableName, t.rowId] })]);
