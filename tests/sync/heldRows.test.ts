import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportResult } from '../../shared/contract/sync';
import { openApp, tempDir } from '../support/app';
import { createNode, deliver, enrol, exportFile, type Node } from '../support/nodes';

// Changes whose parent row has not arrived yet are held and applied when it arrives (issue #4). In a tree of
// relays a parent normally arrives first; it does not after an installation is restored from a backup: the
// other side's vector still says the ministry has the parent, so the next file carries the child only.

const nodes: Node[] = [];
afterAll(() => nodes.forEach((n) => n.close()));

function reopen(node: Node, dataDir: string): Node {
  const app = openApp(dataDir);
  return Object.assign(app, { name: node.name, nodeId: node.nodeId, unitId: node.unitId, fingerprint: node.fingerprint });
}

const pending = (node: Node) => (node.ctx.db!.sqlite.prepare('SELECT count(*) AS n FROM sync_pending').get() as { n: number }).n;
const meetingsAt = (node: Node) => (node.ctx.db!.sqlite.prepare('SELECT count(*) AS n FROM meetings').get() as { n: number }).n;

describe('held rows', () => {
  it('a meeting whose youth centre is missing waits in sync_pending and appears once the centre arrives', async () => {
    let ministry = await createNode('ministry', 'ministry');
    const a1 = await createNode('a1', 'province', '06');
    const a2 = await createNode('a2', 'province', '06');
    nodes.push(a1, a2);
    await enrol(ministry, a1);
    await enrol(ministry, a2);

    // The ministry's state before it hears of the centre: a backup.
    const backup = path.join(tempDir('kopru-backup-'), 'ministry');
    ministry.close();
    fs.cpSync(ministry.dataDir, backup, { recursive: true });
    ministry = reopen(ministry, ministry.dataDir);

    // A2 records a centre; it reaches A1 through the ministry.
    const centre = await a2.ok<{ id: string }>('orgUnits:createYouthCentre', { name: 'Işıklar Gençlik Merkezi', districtId: '06-cankaya', status: 'active' });
    await deliver(a2, ministry);
    await deliver(ministry, a1);

    // The ministry's disk fails and it is restored from the backup: it no longer has the centre.
    ministry.close();
    fs.rmSync(ministry.dataDir, { recursive: true, force: true });
    fs.cpSync(backup, ministry.dataDir, { recursive: true });
    ministry = reopen(ministry, ministry.dataDir);
    nodes.push(ministry);
    expect((ministry.ctx.db!.sqlite.prepare('SELECT count(*) AS n FROM youth_centres WHERE id = ?').get(centre.id) as { n: number }).n).toBe(0);

    // A1 plans a meeting at that centre; its next file carries the meeting but not A2's centre.
    await a1.ok('meetings:create', { youthCentreId: centre.id, date: '2026-03-10', startTime: '10:00', endTime: '12:00', hall: 'Konferans Salonu', agenda: ['Açılış'] });
    const first = await ministry.ok<ImportResult>('sync:import', { path: await exportFile(a1, ministry) });
    expect(first.applied).toBe(true);
    expect(first.report.tables.meetings?.held).toBe(1);
    expect(first.report.rejected).toEqual([]);
    expect(meetingsAt(ministry)).toBe(0);
    expect(pending(ministry)).toBeGreaterThan(0);

    // A2's next file brings the centre: the held meeting (and its agenda) is applied in the same import.
    const second = await deliver(a2, ministry);
    expect(second.report.tables.youth_centres?.new).toBe(1);
    expect(meetingsAt(ministry)).toBe(1);
    expect(pending(ministry)).toBe(0);
    const meeting = ministry.ctx.db!.sqlite.prepare('SELECT youth_centre_id AS c, hall, term_no AS t FROM meetings').get() as { c: string; hall: string; t: number };
    expect(meeting).toEqual({ c: centre.id, hall: 'Konferans Salonu', t: 1 });
    expect((ministry.ctx.db!.sqlite.prepare('SELECT count(*) AS n FROM meeting_agenda').get() as { n: number }).n).toBe(1);
    expect(ministry.ctx.db!.sqlite.pragma('foreign_key_check')).toEqual([]);
  }, 120_000);
});
