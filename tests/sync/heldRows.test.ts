import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportResult } from '../../shared/contract/sync';
import { openApp, tempDir } from '../support/app';
import { youthCentresSpec } from '../../db/orgUnits/queries';
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
    // Each held row names what it waits for: the meeting its centre, the agenda item its meeting.
    const meetingId = (a1.ctx.db!.sqlite.prepare('SELECT id FROM meetings').get() as { id: string }).id;
    const waits = () => ministry.ctx.db!.sqlite.prepare('SELECT table_name AS t, waits_table AS wt, waits_id AS wi FROM sync_pending ORDER BY table_name').all();
    expect(waits()).toEqual([
      { t: 'meeting_agenda', wt: 'meetings', wi: meetingId },
      { t: 'meetings', wt: 'youth_centres', wi: centre.id },
    ]);

    // A file that brings something else leaves them waiting, as they were.
    await a1.ok('orgUnits:createYouthCentre', { name: 'Başka Gençlik Merkezi', districtId: '06-cankaya', status: 'active' });
    const unrelated = await deliver(a1, ministry);
    expect(unrelated.report.tables.youth_centres?.new).toBe(1);
    expect(waits()).toHaveLength(2);

    // A2's next file brings the centre: the held meeting (and its agenda) is applied in the same import.
    const second = await deliver(a2, ministry);
    expect(second.report.tables.youth_centres?.new).toBe(1);
    // The centre frees the meeting, the meeting its agenda item, in the same import.
    expect(meetingsAt(ministry)).toBe(1);
    expect(pending(ministry)).toBe(0);
    const meeting = ministry.ctx.db!.sqlite.prepare('SELECT youth_centre_id AS c, hall, term_no AS t FROM meetings').get() as { c: string; hall: string; t: number };
    expect(meeting).toEqual({ c: centre.id, hall: 'Konferans Salonu', t: 1 });
    expect((ministry.ctx.db!.sqlite.prepare('SELECT count(*) AS n FROM meeting_agenda').get() as { n: number }).n).toBe(1);
    expect(ministry.ctx.db!.sqlite.pragma('foreign_key_check')).toEqual([]);
  }, 120_000);

  it('rows held by an older version (no wait recorded) are tried once by the next import', async () => {
    const ministry = await createNode('ministry-legacy', 'ministry');
    const province = await createNode('province-legacy', 'province', '06');
    nodes.push(ministry, province);
    await enrol(ministry, province);
    const centre = await province.ok<{ id: string }>('orgUnits:createYouthCentre', { name: 'Eski Gençlik Merkezi', districtId: '06-cankaya', status: 'active' });
    await province.ok('meetings:create', { youthCentreId: centre.id, date: '2026-03-10', startTime: '10:00', endTime: '12:00', hall: 'Salon', agenda: [] });
    await deliver(province, ministry);
    const sqlite = ministry.ctx.db!.sqlite;
    // As an older version left it: the meeting taken out of its table and parked with no wait recorded.
    sqlite.prepare('DELETE FROM meetings').run();
    sqlite.prepare("INSERT INTO sync_pending (table_name, row_id, since) SELECT 'meetings', row_id, '2026-01-01T00:00:00.000Z' FROM change_log WHERE table_name = 'meetings' LIMIT 1").run();
    await province.ok('orgUnits:createYouthCentre', { name: 'Yeni Gençlik Merkezi', districtId: '06-cankaya', status: 'active' });
    await deliver(province, ministry);
    expect(meetingsAt(ministry)).toBe(1);
    expect(pending(ministry)).toBe(0);
  }, 120_000);

  it('a row whose creation is refused takes none of its other fields and is not parked', async () => {
    const province = await createNode('province-refuse', 'province', '06');
    const centre = await createNode('centre-refuse', 'youth-center', '06');
    nodes.push(province, centre);
    await enrol(province, centre);
    // An insider at the youth centre writes a youth centre in the province's name (only the province may).
    const id = centre.ctx.db!.sqlite.transaction(() =>
      String(centre.ctx.writer!.insert(youthCentresSpec, province.unitId, { province_plate: '06', district_id: '06-cankaya', name: 'Sahte Gençlik Merkezi', status: 'active' }).id),
    )();
    const result = await deliver(centre, province);
    expect(result.applied).toBe(true);
    const refused = result.report.rejected.filter((r) => r.row === id);
    expect(refused.map((r) => r.column)).toEqual(expect.arrayContaining(['owner_unit', 'name', 'province_plate']));
    expect(refused.find((r) => r.column === 'owner_unit')?.reason).toBe('Çankaya Gençlik Merkezi, Ankara İl Müdürlüğü adına kayıt oluşturamaz');
    expect(refused.find((r) => r.column === 'name')).toMatchObject({ code: 'creationRefused', reason: 'Kaydı oluşturan değişiklik reddedildi; kaydın bu alanı da alınmadı' });
    expect(result.report.tables.youth_centres?.held ?? 0).toBe(0);
    expect(pending(province)).toBe(0);
    const sqlite = province.ctx.db!.sqlite;
    expect(sqlite.prepare('SELECT count(*) AS n FROM youth_centres WHERE id = ?').get(id)).toEqual({ n: 0 });
    expect(sqlite.prepare('SELECT count(*) AS n FROM change_log WHERE row_id = ? AND rejected = 0').get(id)).toEqual({ n: 0 });
  }, 120_000);
});
