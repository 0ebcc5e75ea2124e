import { afterAll, describe, expect, it } from 'vitest';
import { organisationsSpec } from '../../db/directory/specs';
import { youthCentresSpec } from '../../db/orgUnits/queries';
import { referenceDataSpec } from '../../db/registry/specs';
import { POLICY_ID } from '../../db/registry/queries';
import { explainRefusal } from '../../db/sync/reasons';
import type { ImportResult } from '../../shared/contract/sync';
import { createNode, deliver, enrol, type Node } from '../support/nodes';

// The import report says why a change was refused in a clerk's words, naming units by name: the ministry and
// provinces by their titles, a youth centre by the name its installation enrolled with, wherever the receiving
// installation knows it from (an enrolled peer, or the node directory). The refusals are real: a tampered
// installation writes through its own change writer and sends a real file, as in authority.test.ts.

const nodes: Node[] = [];
afterAll(() => nodes.forEach((n) => n.close()));

async function node(name: string, role: 'ministry' | 'province' | 'youth-center', plate?: string): Promise<Node> {
  const created = await createNode(name, role, plate);
  nodes.push(created);
  return created;
}

/** Written behind the app, through the installation's own change writer, as a modified client could. */
function tamper<T>(at: Node, write: () => T): T {
  return at.ctx.db!.sqlite.transaction(write)();
}

/** Every refused change counts once in its table; changes in the file are already here, new, or not taken. */
function expectConsistent(result: ImportResult) {
  const refused = Object.values(result.report.tables).reduce((sum, counts) => sum + counts.rejected, 0);
  expect(refused).toBeGreaterThanOrEqual(result.report.rejected.length);
  const notTaken = result.report.withheld.reduce((n, w) => n + w.count, 0) + result.report.quarantined.reduce((n, q) => n + q.count, 0);
  expect(result.report.received).toBe(result.report.alreadyHeld + result.report.stored + notTaken);
}

describe('refusal reasons name units by name', () => {
  it('the ministry creating a record in a province’s name: “Bakanlık, Adana İl Müdürlüğü adına kayıt oluşturamaz”', async () => {
    const ministry = await node('ministry', 'ministry');
    const adana = await node('adana', 'province', '01');
    await enrol(ministry, adana);
    const districtId = (await ministry.ok<{ id: string }[]>('orgUnits:listDistricts', { provincePlate: '01' }))[0]!.id;
    const id = tamper(ministry, () =>
      String(ministry.ctx.writer!.insert(youthCentresSpec, 'province:01', { province_plate: '01', district_id: districtId, name: 'Bakanlıkça Yazılmış Gençlik Merkezi', status: 'active' }).id),
    );
    const result = await deliver(ministry, adana);
    const refused = result.report.rejected.filter((r) => r.row === id);
    expect(refused.find((r) => r.column === 'owner_unit')).toMatchObject({
      table: 'youth_centres',
      reason: 'Bakanlık, Adana İl Müdürlüğü adına kayıt oluşturamaz',
      code: 'foreignOwner',
      params: { author: 'ministry', claimed: 'province:01' },
    });
    // The row's other fields go with it, each saying why.
    expect(refused.find((r) => r.column === 'name')).toMatchObject({ code: 'creationRefused', reason: 'Kaydı oluşturan değişiklik reddedildi; kaydın bu alanı da alınmadı' });
    expect(refused.every((r) => !/ministry|province:|youth-center:/.test(r.reason))).toBe(true);
    expect(result.report.tables.youth_centres).toMatchObject({ new: 0, rejected: refused.length });
    expectConsistent(result);
    expect(adana.ctx.db!.sqlite.prepare('SELECT count(*) AS n FROM youth_centres WHERE id = ?').get(id)).toEqual({ n: 0 });
  });

  it('a province editing a youth centre’s record, refused at the ministry, which knows the centre from the node directory only', async () => {
    const ministry = await node('ministry-dir', 'ministry');
    const ankara = await node('ankara', 'province', '06');
    const centre = await node('centre', 'youth-center', '06');
    await enrol(ministry, ankara);
    await enrol(ankara, centre);
    const organisation = await centre.ok<{ id: string }>('directory:create', { kind: 'STK', subtype: 'DERNEK', name: 'Merkezin Kaydettiği Gençlik Derneği', provincePlate: '06' });
    await deliver(centre, ankara);
    await deliver(ankara, ministry);
    // The ministry never enrolled the centre: its name comes from Ankara's vouch in the directory.
    expect(ministry.ctx.db!.sqlite.prepare('SELECT count(*) AS n FROM sync_peers WHERE unit_id = ?').get(centre.unitId)).toEqual({ n: 0 });
    tamper(ankara, () => ankara.ctx.writer!.update(organisationsSpec, organisation.id, { name: 'İlin Değiştirdiği Ad' }));
    const result = await deliver(ankara, ministry);
    const name = result.report.rejected.find((r) => r.row === organisation.id && r.column === 'name');
    expect(name).toMatchObject({
      table: 'organisations',
      reason: 'Kayıt Çankaya Gençlik Merkezi birimine ait; Ankara İl Müdürlüğü değiştiremez',
      code: 'notOwner',
      params: { owner: centre.unitId, ownerName: 'Çankaya Gençlik Merkezi', author: 'province:06' },
    });
    expectConsistent(result);
  });

  it('reference data from a province: “… yalnızca Bakanlık yazabilir …; Ankara İl Müdürlüğü yazamaz”', async () => {
    const ministry = await node('ministry-ref', 'ministry');
    const ankara = await node('ankara-ref', 'province', '06');
    await enrol(ministry, ankara);
    const { updatedAt: _u, ...policy } = await ministry.ok<Record<string, unknown>>('registry:getPolicy');
    await ministry.ok('registry:updatePolicy', { ...policy, yearsWithoutVisaForCancellation: 3 });
    await deliver(ministry, ankara);
    tamper(ankara, () => ankara.ctx.writer!.update(referenceDataSpec, POLICY_ID, { value: JSON.stringify({ ...policy, yearsWithoutVisaForCancellation: 3, approvingLevel: 'province' }) }));
    const result = await deliver(ankara, ministry);
    expect(result.report.rejected.find((r) => r.table === 'reference_data')).toMatchObject({
      reason: 'Bu tür kaydı yalnızca Bakanlık yazabilir (başvuru verileri, ulusal raporlar); Ankara İl Müdürlüğü yazamaz',
      code: 'ministryOnly',
    });
    expectConsistent(result);
  });

  it('a youth centre this installation has never heard of is still called a youth centre, with its id to look it up', async () => {
    const ministry = await node('ministry-unknown', 'ministry');
    expect(explainRefusal(ministry.ctx.db!, { code: 'notOwner', params: { owner: 'youth-center:nowhere', author: 'province:35' } }).reason).toBe(
      'Kayıt bir gençlik merkezi (youth-center:nowhere) birimine ait; İzmir İl Müdürlüğü değiştiremez',
    );
  });
});
