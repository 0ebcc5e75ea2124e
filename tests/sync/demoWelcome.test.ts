import { afterAll, describe, expect, it } from 'vitest';
import type { ImportResult } from '../../shared/contract/sync';
import { fillDemoData } from '../../electron/cli/demo';
import { createNode, deliver, nextFile, type Node } from '../support/nodes';

// The ministry's demo data are written the way real installations would have written them (issue #15): each
// province's rows by a stand-in installation of that province, vouched for by the ministry. A province that
// enrols receives its part whole and accepts every change of it: nothing refused, nothing parked for good,
// none of another province's rows or people; and it then edits those rows as its own.

const nodes: Node[] = [];
afterAll(() => nodes.forEach((n) => n.close()));

const count = (node: Node, sql: string, ...args: unknown[]) => (node.ctx.db!.sqlite.prepare(sql).get(...args) as { n: number }).n;

describe("the ministry's demo data, welcomed by a province", () => {
  it('arrive whole at the province: every change accepted, nothing parked, nothing of other provinces', { timeout: 240_000 }, async () => {
    const ministry = await createNode('ministry', 'ministry');
    const erzurum = await createNode('erzurum', 'province', '25');
    nodes.push(ministry, erzurum);
    await fillDemoData(ministry.ctx, { associationsPerProvince: 3, meetingsUntil: 2019 });
    // The stand-ins are in the node directory, one per province, vouched for by the ministry.
    expect(count(ministry, "SELECT count(*) AS n FROM sync_nodes WHERE role = 'province' AND owner_unit = 'ministry'")).toBe(81);
    expect(count(ministry, "SELECT count(DISTINCT origin_node) AS n FROM change_log WHERE table_name = 'associations'")).toBe(81);

    const intro = nextFile('intro-erzurum', 'json');
    const { fingerprint } = await erzurum.ok<{ fingerprint: string }>('sync:introduce', { path: intro });
    await ministry.ok('sync:enroll', { path: intro, fingerprint });
    const welcome = nextFile('welcome-ministry-erzurum');
    await ministry.ok('sync:export', { peerNode: erzurum.nodeId, path: welcome, welcome: true });
    const preview = await erzurum.ok<ImportResult>('sync:import', { path: welcome, welcomeFingerprint: ministry.fingerprint, dryRun: true });
    expect(preview.report.rejected).toEqual([]);
    const result = await erzurum.ok<ImportResult>('sync:import', { path: welcome, welcomeFingerprint: ministry.fingerprint });
    expect(result.report.rejected).toEqual([]);
    expect(Object.values(result.report.tables).reduce((n, t) => n + t.held + t.rejected, 0)).toBe(0);
    expect(count(erzurum, 'SELECT count(*) AS n FROM sync_pending')).toBe(0);

    // Exactly the province's part of the registry, with its board members; nobody of another province.
    for (const table of ['associations', 'organisations', 'meetings', 'youth_centres']) {
      const atMinistry = count(ministry, `SELECT count(*) AS n FROM ${table} WHERE province_plate = '25'`);
      expect(atMinistry, table).toBeGreaterThan(0);
      expect(count(erzurum, `SELECT count(*) AS n FROM ${table} WHERE province_plate = '25'`), table).toBe(atMinistry);
    }
    expect(count(erzurum, "SELECT count(*) AS n FROM associations WHERE province_plate <> '25'")).toBe(0);
    const people = count(ministry, "SELECT count(*) AS n FROM association_people p JOIN associations a ON a.id = p.association_id WHERE a.province_plate = '25'");
    expect(people).toBeGreaterThan(0);
    expect(count(erzurum, 'SELECT count(*) AS n FROM association_people')).toBe(people);

    // The rows are the province's own: it edits one, and the ministry accepts the edit.
    const association = erzurum.ctx.db!.sqlite.prepare("SELECT id FROM associations WHERE province_plate = '25' AND deleted_at IS NULL LIMIT 1").get() as { id: string };
    await erzurum.ok('registry:update', { id: association.id, shortName: 'EGD' });
    const up = await deliver(erzurum, ministry);
    expect(up.report.rejected).toEqual([]);
    expect((ministry.ctx.db!.sqlite.prepare('SELECT short_name AS s FROM associations WHERE id = ?').get(association.id) as { s: string }).s).toBe('EGD');
  });
});
