import crypto from 'node:crypto';
import fs from 'node:fs';
import { expect } from 'vitest';
import type { Envelope } from '../../shared/contract';
import type { YouthCentre } from '../../shared/contract/orgUnits';
import { youthCentresSpec } from '../../db/orgUnits/queries';
import * as registrySpecs from '../../db/registry/specs';
import type { SyncedTableSpec } from '../../db/changeLog/writer';
import type { TestApp } from '../support/app';

// Small helpers shared by the integration suites. They read the database directly (ctx.db.sqlite) so tests
// can check what was really written, independently of the handlers under test.

import { SYNCED_TABLES as ENGINE_TABLES } from '../../db/sync/tables';

function isSpec(value: unknown): value is SyncedTableSpec {
  return typeof value === 'object' && value !== null && typeof (value as SyncedTableSpec).name === 'string' && Array.isArray((value as SyncedTableSpec).columns);
}

/** Every synced table the data layer knows. A change_log row naming a table not listed here fails a test. */
export const SYNCED_TABLES: Record<string, SyncedTableSpec> = Object.fromEntries(
  [youthCentresSpec, ...Object.values(registrySpecs).filter(isSpec), ...ENGINE_TABLES].map((spec) => [spec.name, spec]),
);

export function sqlite(app: TestApp) {
  const db = app.ctx.db;
  if (!db) throw new Error('test app has no open database');
  return db.sqlite;
}

export function count(app: TestApp, table: string): number {
  return (sqlite(app).prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

export interface ChangeRow {
  id: number;
  table_name: string;
  row_id: string;
  column_name: string;
  value: string;
  hlc: string;
  origin_node: string;
  seq: number;
}

export function changeLog(app: TestApp, afterId = 0): ChangeRow[] {
  return sqlite(app).prepare('SELECT * FROM change_log WHERE id > ? ORDER BY id').all(afterId) as ChangeRow[];
}

export function lastChangeId(app: TestApp): number {
  return (sqlite(app).prepare('SELECT coalesce(max(id), 0) AS n FROM change_log').get() as { n: number }).n;
}

export function syncClock(app: TestApp) {
  return sqlite(app).prepare('SELECT * FROM sync_clock').all();
}

/**
 * Full contents of every table the app writes (synced rows, change log, clock, identity, local state; not the
 * shipped reference data or FTS internals): equal snapshots = nothing was written.
 */
export function snapshot(app: TestApp) {
  const tables = (
    sqlite(app)
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%'
         AND name NOT IN ('provinces', 'districts') ORDER BY name`,
      )
      .all() as { name: string }[]
  ).map((t) => t.name);
  const out: Record<string, unknown[]> = {};
  const withoutRowid = new Set((sqlite(app).pragma('table_list') as { name: string; wr: number }[]).filter((t) => t.wr).map((t) => t.name));
  // A WITHOUT ROWID table (change_log_runs) is in the order of its primary key.
  for (const table of tables) out[table] = sqlite(app).prepare(`SELECT * FROM ${table}${withoutRowid.has(table) ? '' : ' ORDER BY rowid'}`).all();
  return out;
}

export function rowOf(app: TestApp, table: string, id: string): Record<string, unknown> | undefined {
  return sqlite(app).prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
}

export async function districtId(app: TestApp, plate: string, name: string): Promise<string> {
  const districts = await app.ok<{ id: string; name: string }[]>('orgUnits:listDistricts', { provincePlate: plate });
  const found = districts.find((d) => d.name === name);
  if (!found) throw new Error(`no district ${name} in ${plate}`);
  return found.id;
}

export function expectError(envelope: Envelope<unknown>, code: string) {
  expect(envelope.ok, JSON.stringify(envelope)).toBe(false);
  if (envelope.ok) throw new Error('unreachable');
  expect(envelope.error.code).toBe(code);
  expect(envelope.error.message.length).toBeGreaterThan(0);
  return envelope.error;
}

export async function createCentre(app: TestApp, input: Record<string, unknown>): Promise<YouthCentre> {
  return app.ok<YouthCentre>('orgUnits:createYouthCentre', { status: 'active', ...input });
}

export function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** A fresh random v7-shaped id that no row has. */
export function unknownId(): string {
  return '01900000-0000-7000-8000-' + crypto.randomBytes(6).toString('hex');
}
