import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../shared/contract';
import type { ImportResult } from '../../shared/contract/sync';
import { openApp, tempDir } from '../support/app';
import { createNode, deliver, enrol, exportFile, type Node } from '../support/nodes';

// Rows waiting for their parent row are on the chain-of-custody board (issue #15), per table and parent
// table, with how many, since when and the parent's id; they leave it when the parent arrives. They are made
// as a restored backup makes them: the ministry is restored to before it heard of a youth centre, and a
// province's next file brings a meeting at that centre (and its agenda) without the centre.

type Board = ChannelOutput<'sync:custody'>;

const DAY = 86_400_000;
let offset = 0;
const now = () => Date.parse('2026-03-02T09:00:00.000Z') + offset;
const later = (days: number) => {
  offset += days * DAY;
};

const nodes: Node[] = [];
afterAll(() => nodes.forEach((n) => n.close()));

function reopen(node: Node, dataDir: string): Node {
  const app = openApp(dataDir, now);
  return Object.assign(app, { name: node.name, nodeId: node.nodeId, unitId: node.unitId, fingerprint: node.fingerprint });
}

const board = (n: Node) => n.ok<Board>('sync:custody', {});

describe('records waiting for their parent record', () => {
  it('are listed per table with their count, the oldest wait and the parent id, until the parent arrives', async () => {
    let ministry = await createNode('ministry', 'ministry', undefined, now);
    const a1 = await createNode('a1', 'province', '06', now);
    const a2 = await createNode('a2', 'province', '06', now);
    nodes.push(a1, a2);
    await enrol(ministry, a1);
    await enrol(ministry, a2);
    expect((await board(ministry)).waiting).toEqual([]);

    // The ministry's state before it hears of the centre: a backup.
    const backup = path.join(tempDir('kopru-backup-'), 'ministry');
    ministry.close();
    fs.cpSync(ministry.dataDir, backup, { recursive: true });
    ministry = reopen(ministry, ministry.dataDir);

    // A2 records a centre; it reaches A1 through the ministry, whose disk then fails: restored from the backup.
    const centre = await a2.ok<{ id: string }>('orgUnits:createYouthCentre', { name: 'Işıklar Gençlik Merkezi', districtId: '06-cankaya', status: 'active' });
    await deliver(a2, ministry);
    await deliver(ministry, a1);
    ministry.close();
    fs.rmSync(ministry.dataDir, { recursive: true, force: true });
    fs.cpSync(backup, ministry.dataDir, { recursive: true });
    ministry = reopen(ministry, ministry.dataDir);
    nodes.push(ministry);

    // A1 plans a meeting at that centre with two agenda items; its next file carries them but not the centre.
    later(1);
    const plan = { youthCentreId: centre.id, startTime: '10:00', endTime: '12:00', hall: 'Konferans Salonu' };
    const meeting = await a1.ok<{ id: string }>('meetings:create', { ...plan, date: '2026-03-10', agenda: ['Açılış', 'Bütçe'] });
    const first = await ministry.ok<ImportResult>('sync:import', { path: await exportFile(a1, ministry) });
    expect(first.report.tables.meetings?.held).toBe(1);
    const heldAt = new Date(now()).toISOString();
    // Parents before children: the meeting waits for its centre, the agenda items for the meeting.
    expect((await board(ministry)).waiting).toEqual([
      { table: 'meetings', rows: 1, parentTable: 'youth_centres', parents: 1, parentIds: [centre.id], since: heldAt, days: 0 },
      { table: 'meeting_agenda', rows: 2, parentTable: 'meetings', parents: 1, parentIds: [meeting.id], since: heldAt, days: 0 },
    ]);

    // Five days on, a second meeting at the centre waits too: counted with the first, which is still the oldest.
    later(5);
    await a1.ok('meetings:create', { ...plan, date: '2026-03-17', agenda: [] });
    await ministry.ok('sync:import', { path: await exportFile(a1, ministry) });
    later(10);
    const { days, waiting } = await board(ministry);
    expect(days).toBe(14);
    expect(waiting).toEqual([
      { table: 'meetings', rows: 2, parentTable: 'youth_centres', parents: 1, parentIds: [centre.id], since: heldAt, days: 15 },
      { table: 'meeting_agenda', rows: 2, parentTable: 'meetings', parents: 1, parentIds: [meeting.id], since: heldAt, days: 15 },
    ]);

    // A2's next file brings the centre: the meetings are built, then the agenda, and nothing waits.
    await deliver(a2, ministry);
    expect((ministry.ctx.db!.sqlite.prepare('SELECT count(*) AS n FROM meetings').get() as { n: number }).n).toBe(2);
    expect((await board(ministry)).waiting).toEqual([]);
  }, 120_000);
});
