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
}, (t) => [index('sync_nodes_node').on(t.nodeId)]);

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
});
