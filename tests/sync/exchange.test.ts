import path from 'node:path';
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { AssociationDetail } from '../../shared/contract/registry';
import type { ImportResult } from '../../shared/contract/sync';
import { createNode, deliver, enrol, exportFile, nextFile, type Node } from '../support/nodes';

const nodes: Node[] = [];
afterAll(() => nodes.forEach((n) => n.close()));

async function hierarchy() {
  const ministry = await createNode('ministry', 'ministry');
  const ankara = await createNode('ankara', 'province', '06');
  const izmir = await createNode('izmir', 'province', '35');
  nodes.push(ministry, ankara, izmir);
  await enrol(ministry, ankara);
  await enrol(ministry, izmir);
  return { ministry, ankara, izmir };
}

async function districtId(node: Node, plate: string, name: string) {
  const list = await node.ok<{ id: string; name: string }[]>('orgUnits:listDistricts', { provincePlate: plate });
  return list.find((d) => d.name === name)!.id;
}

describe('exchange files between installations', () => {
  it('enrolment makes each side a peer with the other\'s fingerprint', async () => {
    const { ministry, ankara } = await hierarchy();
    const mPeers = await ministry.ok<{ peers: { nodeId: string; fingerprint: string }[] }>('sync:status');
    expect(mPeers.peers.map((p) => p.fingerprint)).toContain(ankara.fingerprint);
    const aPeers = await ankara.ok<{ peers: { nodeId: string; fingerprint: string; role: string }[] }>('sync:status');
    expect(aPeers.peers).toEqual([expect.objectContaining({ nodeId: ministry.nodeId, fingerprint: ministry.fingerprint, role: 'ministry' })]);
  });

  it('a province\'s youth centres reach the ministry; the same file twice changes nothing the second time', async () => {
    const { ministry, ankara } = await hierarchy();
    await ankara.ok('orgUnits:createYouthCentre', { name: 'Keçiören Gençlik Merkezi', districtId: await districtId(ankara, '06', 'Keçiören'), status: 'active' });
    const file = await exportFile(ankara, ministry);
    const preview = await ministry.ok<ImportResult>('sync:import', { path: file, dryRun: true });
    expect(preview.dryRun).toBe(true);
    expect(preview.report.tables.youth_centres?.new).toBe(1);
    expect((await ministry.ok<{ total: number }>('orgUnits:searchYouthCentres', { query: 'kecioren' })).total).toBe(0);
    const first = await ministry.ok<ImportResult>('sync:import', { path: file });
    expect(first.report.tables.youth_centres?.new).toBe(1);
    expect((await ministry.ok<{ total: number }>('orgUnits:searchYouthCentres', { query: 'kecioren' })).total).toBe(1);
    const again = await ministry.ok<ImportResult>('sync:import', { path: file });
    expect(again.nothingNew).toBe(true);
    expect(again.report.alreadyHeld).toBe(first.report.stored);
  });

  it('registration through files: the province sends for approval, the ministry approves and numbers, the province sees it', async () => {
    const { ministry, ankara } = await hierarchy();
    const a = await ankara.ok<AssociationDetail>('registry:create', { name: 'Etimesgut Doğa Sporları Gençlik Kulübü', clubType: 'GENCLIK_KULUBU', districtId: await districtId(ankara, '06', 'Etimesgut') });
    await ankara.ok('registry:transition', { id: a.id, action: 'logApplication', letterDate: '2026-01-05', letterNo: 'E-1' });
    for (const d of a.documents.filter((x) => x.mandatory)) await ankara.ok('registry:setDocument', { associationId: a.id, step: 'TESCIL', itemKey: d.itemKey, received: true });
    await ankara.ok('registry:transition', { id: a.id, action: 'sendForApproval', letterDate: '2026-01-06', letterNo: 'E-2' });
    await deliver(ankara, ministry);
    const atMinistry = await ministry.ok<AssociationDetail>('registry:get', { id: a.id });
    expect(atMinistry.status).toBe('ONAYDA');
    expect(atMinistry.allowedActions).toContain('approve');
    await ministry.ok('registry:transition', { id: a.id, action: 'approve', letterDate: '2026-01-10', letterNo: 'GSB-9' });
    const back = await deliver(ministry, ankara);
    expect(back.report.rejected).toEqual([]);
    const atProvince = await ankara.ok<AssociationDetail>('registry:get', { id: a.id });
    expect(atProvince.status).toBe('TESCILLI');
    expect(atProvince.registrationNo).toMatch(/^GSB-06-\d{4}-0001$/);
  });

  it('an inter-province transfer started in Ankara is accepted in İzmir via the ministry', async () => {
    const { ministry, ankara, izmir } = await hierarchy();
    const policy = await ministry.ok<Record<string, unknown>>('registry:getPolicy');
    const { updatedAt: _u, ...rest } = policy;
    await ministry.ok('registry:updatePolicy', { ...rest, approvingLevel: 'province' });
    await deliver(ministry, ankara);
    await deliver(ministry, izmir);
    const a = await ankara.ok<AssociationDetail>('registry:create', { name: 'Mamak Satranç Gençlik Kulübü', clubType: 'GENCLIK_KULUBU', districtId: await districtId(ankara, '06', 'Mamak') });
    await ankara.ok('registry:transition', { id: a.id, action: 'logApplication', letterDate: '2026-01-05', letterNo: 'E-1' });
    for (const d of a.documents.filter((x) => x.mandatory)) await ankara.ok('registry:setDocument', { associationId: a.id, step: 'TESCIL', itemKey: d.itemKey, received: true });
    await ankara.ok('registry:transition', { id: a.id, action: 'sendForApproval', letterDate: '2026-01-06', letterNo: 'E-2' });
    await ankara.ok('registry:transition', { id: a.id, action: 'approve', letterDate: '2026-01-07', letterNo: 'E-3' });
    const started = await ankara.ok<AssociationDetail>('registry:startTransfer', { associationId: a.id, toPlate: '35', reason: 'Taşınma', letterDate: '2026-02-01', letterNo: 'E-4' });
    await ankara.ok('registry:transferAction', { transferId: started.transfers[0]!.id, action: 'senderApprove' });
    await deliver(ankara, ministry);
    await deliver(ministry, izmir);
    const done = await izmir.ok<{ state: string; newAssociationId: string }>('registry:transferAction', {
      transferId: started.transfers[0]!.id, action: 'accept', toDistrictId: await districtId(izmir, '35', 'Bornova'),
    });
    expect(done.state).toBe('TAMAMLANDI');
    await deliver(izmir, ministry);
    const back = await deliver(ministry, ankara);
    expect(back.report.rejected).toEqual([]);
    const old = await ankara.ok<AssociationDetail>('registry:get', { id: a.id });
    expect(old.status).toBe('AKTARILDI');
    expect(old.transferredTo).toBe(done.newAssociationId);
    // The new record is İzmir's: the ministry holds it, Ankara only the link (scope: DOMAIN.md §2).
    expect((await ministry.ok<AssociationDetail>('registry:get', { id: done.newAssociationId })).ownerUnit).toBe('province:35');
    const elsewhere = await ankara.invoke('registry:get', { id: done.newAssociationId });
    expect(elsewhere.ok ? null : elsewhere.error.code).toBe('NOT_FOUND');
  });

  it('a change to a row the sender does not own is rejected and reported; the rest applies', async () => {
    const { ministry, ankara } = await hierarchy();
    const centre = await ankara.ok<{ id: string }>('orgUnits:createYouthCentre', { name: 'Sincan Gençlik Merkezi', districtId: await districtId(ankara, '06', 'Sincan'), status: 'active' });
    await deliver(ankara, ministry);
    // The ministry's database is tampered with to edit a province-owned row through its own writer.
    ministry.ctx.db!.sqlite.transaction(() => {
      ministry.ctx.writer!.update({ name: 'youth_centres', columns: ['name'] }, centre.id, { name: 'Ele geçirilmiş ad' });
    })();
    const result = await deliver(ministry, ankara);
    expect(result.report.rejected.map((r) => r.column).sort()).toEqual(['name', 'updated_at']);
    expect(result.report.rejected.every((r) => r.table === 'youth_centres' && r.row === centre.id)).toBe(true);
    expect(result.report.rejected[0]!.reason).toBe('Kayıt Ankara İl Müdürlüğü birimine ait; Bakanlık değiştiremez');
    expect((await ankara.ok<{ name: string }>('orgUnits:getYouthCentre', { id: centre.id })).name).toBe('Sincan Gençlik Merkezi');
  });

  it('refuses files for another installation, from an unknown sender, and not-Köprü files, leaving the database untouched', async () => {
    const { ministry, ankara, izmir } = await hierarchy();
    const forAnkara = await exportFile(ministry, ankara);
    const wrong = await izmir.invoke('sync:import', { path: forAnkara });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error.message).toContain('başka bir kurulum için');
    const stranger = await createNode('stranger', 'province', '06');
    nodes.push(stranger);
    const junk = nextFile('junk');
    fs.writeFileSync(junk, 'PK\u0003\u0004 this is not an exchange file');
    const notKopru = await ankara.invoke('sync:import', { path: junk });
    expect(notKopru.ok).toBe(false);
    if (!notKopru.ok) expect(notKopru.error.message).toContain('Köprü değişim dosyası değil');
  });

  it('a sender whose clock runs hours ahead is named in a warning; the file still imports', async () => {
    const ahead = Date.now() + 5 * 3_600_000;
    let tick = 0;
    const ministry = await createNode('fast-ministry', 'ministry', undefined, () => ahead + ++tick);
    const ankara = await createNode('ankara-drift', 'province', '06');
    nodes.push(ministry, ankara);
    await enrol(ministry, ankara);
    const policy = await ministry.ok<Record<string, unknown>>('registry:getPolicy');
    const { updatedAt: _u, ...rest } = policy;
    await ministry.ok('registry:updatePolicy', { ...rest, yearsWithoutVisaForCancellation: 3 });
    const result = await deliver(ministry, ankara);
    expect(result.applied).toBe(true);
    expect(result.warnings.map((w) => w.message).join(' ')).toMatch(/Bakanlığı.*saati yaklaşık 5 saat ileride/);
    expect((await ankara.ok<{ yearsWithoutVisaForCancellation: number }>('registry:getPolicy')).yearsWithoutVisaForCancellation).toBe(3);
  });

  it('export creates a missing folder, and refuses to overwrite an existing file with CONFLICT', async () => {
    const { ministry, ankara } = await hierarchy();
    const target = path.join(nextFile('klasor', 'd'), 'alt', 'ilk.kopru');
    await ankara.ok('sync:export', { peerNode: ministry.nodeId, path: target });
    expect(fs.existsSync(target)).toBe(true);
    const before = fs.readFileSync(target);
    const again = await ankara.invoke('sync:export', { peerNode: ministry.nodeId, path: target });
    expect(again.ok).toBe(false);
    if (!again.ok) {
      expect(again.error.code).toBe('CONFLICT');
      expect(again.error.message).toContain('zaten var');
    }
    expect(fs.readFileSync(target).equals(before)).toBe(true);
  });
});
