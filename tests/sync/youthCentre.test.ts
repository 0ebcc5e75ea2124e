import { afterAll, describe, expect, it } from 'vitest';
import { meetingsSpec } from '../../db/meetings/specs';
import type { ImportResult } from '../../shared/contract/sync';
import { messageText } from '../../shared/contract';
import { createNode, deliver, enrol, nextFile, type Node } from '../support/nodes';

// A youth centre's installation (issue #15): enrolment binds it to its record in its province's youth-centre
// list; from the welcome file on it plans its own centre's meetings, and only those, also when a change
// comes by file; it holds its province's public registry and directory, not their people.

const nodes: Node[] = [];
afterAll(() => nodes.forEach((n) => n.close()));

async function chain() {
  const ministry = await createNode('ministry', 'ministry');
  const ankara = await createNode('ankara', 'province', '06');
  const centre = await createNode('cankaya', 'youth-center', '06');
  nodes.push(ministry, ankara, centre);
  await enrol(ministry, ankara);
  return { ministry, ankara, centre };
}

const plan = (node: Node, youthCentreId: string) =>
  node.invoke('meetings:create', { youthCentreId, date: '2026-03-10', startTime: '14:00', endTime: '16:00', hall: 'Konferans Salonu', agenda: ['Açılış'] });

describe('a youth centre installation', () => {
  it('is bound at enrolment to its record in the province list (created from its introduction), and plans its own meetings from the welcome file on', async () => {
    const { ministry, ankara, centre } = await chain();
    const districts = await ankara.ok<{ id: string; name: string }[]>('orgUnits:listDistricts', { provincePlate: '06' });
    const other = await ankara.ok<{ id: string }>('orgUnits:createYouthCentre', { name: 'Keçiören Gençlik Merkezi', districtId: districts.find((d) => d.name === 'Keçiören')!.id, status: 'active' });
    // Before enrolment there is nowhere to plan, and the screen says why.
    const before = await centre.ok<{ centres: unknown[]; note: { message: string; key?: string } | null }>('meetings:venues');
    expect(before.centres).toEqual([]);
    expect(before.note?.message).toMatch(/önce il müdürlüğüne kaydolun/);
    // The form words it from its key: English on the English screen.
    expect(messageText(before.note!.key!, undefined, 'en')).toMatch(/^This installation is not yet bound to its record/);
    await enrol(ankara, centre);
    const own = (await ankara.ok<{ items: { id: string; name: string; districtName: string }[] }>('orgUnits:searchYouthCentres', { query: 'cankaya' })).items;
    expect(own.map((c) => [c.name, c.districtName])).toEqual([['Çankaya Gençlik Merkezi', 'Çankaya']]);
    const venues = await centre.ok<{ centres: { id: string }[]; note: unknown }>('meetings:venues');
    expect(venues).toEqual({ centres: [expect.objectContaining({ id: own[0]!.id, name: 'Çankaya Gençlik Merkezi' })], note: null });
    // Its own centre: planned. Another centre of the province: refused, naming the field.
    expect((await plan(centre, own[0]!.id)).ok).toBe(true);
    const refused = await plan(centre, other.id);
    expect(refused.ok ? null : refused.error).toMatchObject({ code: 'VALIDATION', issues: [expect.objectContaining({ path: 'youthCentreId', message: 'Bu kurulum yalnızca kendi gençlik merkezinin toplantılarını planlar.' })] });
    // The meeting reaches the province and the ministry, with nothing refused on the way.
    const atProvince = await deliver(centre, ankara);
    expect(atProvince.report.rejected).toEqual([]);
    expect(atProvince.report.tables.meetings?.new).toBe(1);
    expect((await deliver(ankara, ministry)).report.tables.meetings?.new).toBe(1);
  });

  it('a centre picked by the province binds it; a centre already bound to another installation is refused with a reason', async () => {
    const { ankara, centre } = await chain();
    const districts = await ankara.ok<{ id: string; name: string }[]>('orgUnits:listDistricts', { provincePlate: '06' });
    const picked = await ankara.ok<{ id: string }>('orgUnits:createYouthCentre', { name: 'Mamak Gençlik Merkezi', districtId: districts.find((d) => d.name === 'Mamak')!.id, status: 'active' });
    const intro = nextFile('intro-cankaya', 'json');
    const { fingerprint } = await centre.ok<{ fingerprint: string }>('sync:introduce', { path: intro });
    const card = await ankara.ok<{ centreId: string }>('sync:enroll', { path: intro, fingerprint, youthCentreId: picked.id });
    expect(card.centreId).toBe(picked.id);
    const second = await createNode('mamak-2', 'youth-center', '06');
    nodes.push(second);
    const intro2 = nextFile('intro-mamak-2', 'json');
    const other = await second.ok<{ fingerprint: string }>('sync:introduce', { path: intro2 });
    const taken = await ankara.invoke('sync:enroll', { path: intro2, fingerprint: other.fingerprint, youthCentreId: picked.id });
    expect(taken.ok ? null : taken.error).toMatchObject({ code: 'VALIDATION', issues: [expect.objectContaining({ path: 'youthCentreId', message: expect.stringContaining('zaten bir kurulum bağlı (Çankaya Gençlik Merkezi)') })] });
  });

  it('a meeting for another centre written behind the app and sent by file is refused whole at the province, and not parked', async () => {
    const { ankara, centre } = await chain();
    await enrol(ankara, centre);
    const districts = await ankara.ok<{ id: string; name: string }[]>('orgUnits:listDistricts', { provincePlate: '06' });
    const other = await ankara.ok<{ id: string }>('orgUnits:createYouthCentre', { name: 'Sincan Gençlik Merkezi', districtId: districts.find((d) => d.name === 'Sincan')!.id, status: 'active' });
    await deliver(ankara, centre);
    const forged = centre.ctx.db!.sqlite.transaction(() =>
      String(centre.ctx.writer!.insert(meetingsSpec, centre.unitId, {
        youth_centre_id: other.id, province_plate: '06', date: '2026-03-11', start_time: '10:00', end_time: '12:00', hall: 'Salon', chair: null, rapporteur: null,
        state: 'PLANLANDI', letter_date: null, letter_no: null, state_reason: null, minutes: null,
      }).id),
    )();
    const file = nextFile('forged-meeting');
    await centre.ok('sync:export', { peerNode: ankara.nodeId, path: file });
    const result = await ankara.ok<ImportResult>('sync:import', { path: file });
    const reasons = result.report.rejected.filter((r) => r.row === forged);
    expect(reasons.find((r) => r.column === 'youth_centre_id')?.reason).toBe('Çankaya Gençlik Merkezi yalnızca kendi merkezinin toplantılarını kaydedebilir; bu toplantı Sincan Gençlik Merkezi için');
    expect(reasons.map((r) => r.column)).toEqual(expect.arrayContaining(['owner_unit', 'date', 'hall']));
    const sqlite = ankara.ctx.db!.sqlite;
    expect(sqlite.prepare('SELECT count(*) AS n FROM meetings WHERE id = ?').get(forged)).toEqual({ n: 0 });
    expect(sqlite.prepare('SELECT count(*) AS n FROM sync_pending').get()).toEqual({ n: 0 });
  });

  it("holds its province's public registry, not the people in it, and nothing of another province", async () => {
    const { ministry, ankara, centre } = await chain();
    const izmir = await createNode('izmir', 'province', '35');
    nodes.push(izmir);
    await enrol(ministry, izmir);
    await enrol(ankara, centre);
    const districts = await ankara.ok<{ id: string; name: string }[]>('orgUnits:listDistricts', { provincePlate: '06' });
    const a = await ankara.ok<{ id: string }>('registry:create', { name: 'Işık Gençlik Kulübü Derneği', clubType: 'GENCLIK_KULUBU', districtId: districts.find((d) => d.name === 'Mamak')!.id });
    await ankara.ok('registry:savePerson', { associationId: a.id, kind: 'YONETIM', membership: 'ASIL', role: 'Başkan', fullName: 'Ayşe Yılmaz', tcKimlikNo: '10000000146' });
    // The province holds its board member; the youth centre below it must not.
    expect(ankara.ctx.db!.sqlite.prepare('SELECT count(*) AS n FROM association_people').get()).toEqual({ n: 1 });
    const izmirDistricts = await izmir.ok<{ id: string; name: string }[]>('orgUnits:listDistricts', { provincePlate: '35' });
    await izmir.ok('registry:create', { name: 'Ege Gençlik Kulübü Derneği', clubType: 'GENCLIK_KULUBU', districtId: izmirDistricts[0]!.id });
    await deliver(izmir, ministry);
    await deliver(ministry, ankara);
    await deliver(ankara, centre);
    const sqlite = centre.ctx.db!.sqlite;
    expect((sqlite.prepare('SELECT name FROM associations').all() as { name: string }[]).map((r) => r.name)).toEqual(['Işık Gençlik Kulübü Derneği']);
    expect(sqlite.prepare('SELECT count(*) AS n FROM association_people').get()).toEqual({ n: 0 });
    expect(sqlite.prepare("SELECT count(*) AS n FROM change_log WHERE table_name = 'association_people'").get()).toEqual({ n: 0 });
    expect(sqlite.prepare("SELECT count(*) AS n FROM youth_centres WHERE province_plate <> '06'").get()).toEqual({ n: 0 });
  });
});
