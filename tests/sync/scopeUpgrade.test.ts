import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Identity } from '../../shared/contract/installation';
import type { ImportResult } from '../../shared/contract/sync';
import { demoAuthors } from '../../electron/cli/demoAuthors';
import { fillDemoRegistry } from '../../electron/cli/demoRegistry';
import { createNode, enrol, exportFile, type Node } from '../support/nodes';

// An installation enrolled before scopes (issue #15) was sent the whole country: every province's
// associations, their board members and TC numbers. On the first file from its parent cut to its scope it
// removes what is outside that scope, for good (the rows, their changes, with a destruction record each),
// keeps its own rows and everything in its scope, and shows the removal in the preview first.

const nodes: Node[] = [];
afterAll(() => nodes.forEach((n) => n.close()));

const count = (node: Node, sql: string, ...args: unknown[]) => (node.ctx.db!.sqlite.prepare(sql).get(...args) as { n: number }).n;

/** The database file's bytes, after the write-ahead log is folded in. */
function fileBytes(node: Node): Buffer {
  node.ctx.db!.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return fs.readFileSync(path.join(node.dataDir, 'kopru.sqlite'));
}

describe('an installation that held the whole country before scopes', () => {
  it('removes, once, what is outside its scope, and nothing of its own', { timeout: 120_000 }, async () => {
    const ministry = await createNode('ministry', 'ministry');
    const ankara = await createNode('ankara', 'province', '06');
    nodes.push(ministry, ankara);
    await enrol(ministry, ankara);
    // Its own work: a youth centre and an association of Ankara, entered by its clerks.
    const districts = await ankara.ok<{ id: string; name: string }[]>('orgUnits:listDistricts', { provincePlate: '06' });
    await ankara.ok('orgUnits:createYouthCentre', { name: 'Keçiören Gençlik Merkezi', districtId: districts.find((d) => d.name === 'Keçiören')!.id, status: 'active' });
    // What the old exchange sent it: every province's registry with its people (written here as it arrived).
    const identity = ankara.ctx.identity!;
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    ankara.ctx.db!.sqlite.transaction(() => fillDemoRegistry(ankara.ctx.db!, demoAuthors(ankara.ctx), { ...identity, role: 'ministry' } as Identity, random, ankara.ctx.today(), 1))();
    ankara.ctx.db!.sqlite.prepare("DELETE FROM local_settings WHERE key = 'sync.scopeCleanedAt'").run();
    const others = count(ankara, "SELECT count(*) AS n FROM associations WHERE province_plate <> '06'");
    expect(others).toBeGreaterThan(70);
    const foreignTc = (ankara.ctx.db!.sqlite.prepare("SELECT p.tc_kimlik_no AS tc FROM association_people p JOIN associations a ON a.id = p.association_id WHERE a.province_plate <> '06' AND p.tc_kimlik_no IS NOT NULL").pluck().all() as string[]);
    expect(foreignTc.length).toBeGreaterThan(20);
    const ownAssociations = count(ankara, "SELECT count(*) AS n FROM associations WHERE province_plate = '06'");
    expect(ownAssociations).toBe(1);

    // The preview says what will go, and changes nothing.
    const file = await exportFile(ministry, ankara);
    const preview = await ankara.ok<ImportResult>('sync:import', { path: file, dryRun: true });
    expect(preview.report.removed?.associations).toBe(others);
    expect(preview.report.removed?.association_people).toBeGreaterThan(others * 5);
    expect(count(ankara, "SELECT count(*) AS n FROM associations WHERE province_plate <> '06'")).toBe(others);

    const result = await ankara.ok<ImportResult>('sync:import', { path: file });
    expect(result.report.removed).toEqual(preview.report.removed);
    expect(count(ankara, "SELECT count(*) AS n FROM associations WHERE province_plate <> '06'")).toBe(0);
    expect(count(ankara, "SELECT count(*) AS n FROM association_people p LEFT JOIN associations a ON a.id = p.association_id WHERE a.id IS NULL OR a.province_plate <> '06'")).toBe(0);
    // Its own rows and its scope stay: the association of Ankara with its board and the ministry's decisions.
    expect(count(ankara, "SELECT count(*) AS n FROM associations WHERE province_plate = '06'")).toBe(ownAssociations);
    expect(count(ankara, "SELECT count(*) AS n FROM youth_centres WHERE name = 'Keçiören Gençlik Merkezi'")).toBe(1);
    expect(count(ankara, "SELECT count(*) AS n FROM association_people p JOIN associations a ON a.id = p.association_id WHERE a.province_plate = '06'")).toBe(6);
    // Gone from the change log too, recorded in the destruction log, and not readable in the file.
    expect(count(ankara, "SELECT count(*) AS n FROM change_log c WHERE c.table_name = 'associations' AND NOT EXISTS (SELECT 1 FROM associations a WHERE a.id = c.row_id)")).toBe(0);
    expect(count(ankara, "SELECT count(*) AS n FROM destruction_log WHERE table_name = 'associations'")).toBe(others);
    const bytes = fileBytes(ankara);
    expect(foreignTc.filter((tc) => bytes.includes(Buffer.from(tc)))).toEqual([]);

    // Once: the next file removes nothing more and does not look again.
    const next = await ankara.ok<ImportResult>('sync:import', { path: await exportFile(ministry, ankara) });
    expect(next.report.removed ?? {}).toEqual({});
    // Its own data still reaches the ministry afterwards.
    const up = await ankara.ok<ImportResult>('sync:import', { path: await exportFile(ministry, ankara) });
    expect(up.report.rejected).toEqual([]);
    const atMinistry = await ministry.ok<ImportResult>('sync:import', { path: await exportFile(ankara, ministry) });
    expect(atMinistry.report.rejected).toEqual([]);
    expect(count(ministry, "SELECT count(*) AS n FROM youth_centres WHERE name = 'Keçiören Gençlik Merkezi'")).toBe(1);
  });
});
