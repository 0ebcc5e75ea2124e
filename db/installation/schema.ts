import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** This installation's identity, written once at first run. Local: never synced. */
export const installation = sqliteTable('installation', {
  id: integer('id').primaryKey(),
  nodeId: text('node_id').notNull(),
  role: text('role', { enum: ['ministry', 'province', 'youth-center'] }).notNull(),
  unitId: text('unit_id').notNull(),
  unitName: text('unit_name').notNull(),
  provincePlate: text('province_plate'),
  districtName: text('district_name'),
  /** Ed25519 public key, base64 of the raw 32 bytes. The private key lives in the data folder's key file. */
  publicKey: text('public_key').notNull(),
  fingerprint: text('fingerprint').notNull(),
  /** X25519 public key (base64, raw 32 bytes) that exchange files for this installation are encrypted to. */
  boxPublicKey: text('box_public_key'),
  createdAt: text('created_at').notNull(),
});
