import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AssociationDetail } from '../../shared/contract/registry';
import { messageText } from '../../shared/contract';
import { DEFAULT_REGISTRY_POLICY } from '../../shared/registry/policy';
import { isMessageKey, translate } from '../../renderer/i18n/translate';
import { openApp, type TestApp } from '../support/app';
import { unitOn, type Unit } from '../support/units';

// The tescil, vize and aktarma workflows end to end within one database, with the units that take each
// step: the owning province, the ministry (default approver), another province (transfer receiver).

let app: TestApp;
let ankara: Unit;
let izmir: Unit;
let ministry: Unit;
let clock: number;

/** An official letter dated the day the step is taken (never after today: that is refused). */
const letter = (n: number) => ({ letterDate: new Date(clock).toISOString().slice(0, 10), letterNo: `E-${n}` });

function counts() {
  const db = app.ctx.db!.sqlite;
  const n = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { history: n('association_history'), changes: n('change_log'), associations: n('associations'), counters: n('number_counters') };
}

async function districtId(unit: Unit, plate: string, name: string) {
  const districts = await unit.ok<{ id: string; name: string }[]>('orgUnits:listDistricts', { provincePlate: plate });
  return districts.find((d) => d.name === name)!.id;
}

async function draft(name = 'Çankaya Gençlik ve Spor Kulübü Derneği', extra: Record<string, unknown> = {}) {
  return ankara.ok<AssociationDetail>('registry:create', {
    name,
    clubType: 'GENCLIK_VE_SPOR_KULUBU',
    districtId: await districtId(ankara, '06', 'Çankaya'),
    activityAreas: ['SPOR', 'GONULLULUK'],
    ...extra,
  });
}

async function receiveAllMandatory(id: string) {
  const detail = await ankara.ok<AssociationDetail>('registry:get', { id });
  for (const d of detail.documents.filter((x) => x.step === 'TESCIL' && x.mandatory)) {
    await ankara.ok('registry:setDocument', { associationId: id, step: 'TESCIL', itemKey: d.itemKey, received: true, receivedOn: '2026-03-01' });
  }
}

async function registered(name?: string, extra?: Record<string, unknown>) {
  const a = await draft(name, extra);
  await ankara.ok('registry:transition', { id: a.id, action: 'logApplication', ...letter(1) });
  await receiveAllMandatory(a.id);
  await ankara.ok('registry:transition', { id: a.id, action: 'sendForApproval', ...letter(2) });
  return ministry.ok<AssociationDetail>('registry:transition', { id: a.id, action: 'approve', ...letter(3) });
}

beforeEach(() => {
  clock = Date.parse('2026-03-10T09:00:00Z');
  app = openApp(undefined, () => (clock += 1000));
  ankara = unitOn(app.ctx, 'province', '06');
  izmir = unitOn(app.ctx, 'province', '35');
  ministry = unitOn(app.ctx, 'ministry', null);
});
afterEach(() => app.close());

describe('tescil (registration)', () => {
  it('goes draft → application → sent for approval → registered with a GSB number, and records every step', async () => {
    const a = await draft();
    expect(a.status).toBe('TASLAK');
    expect(a.allowedActions).toEqual(['logApplication']);
    const done = await registered('Keçiören Gençlik Kulübü Derneği');
    expect(done.status).toBe('TESCILLI');
    expect(done.registrationNo).toBe('GSB-06-2026-0001');
    expect(done.registeredOn).toBe('2026-03-10');
    expect(done.history.filter((h) => h.kind === 'REGISTRATION').map((h) => [h.action, h.toState, h.letterNo])).toEqual([
      ['approve', 'TESCILLI', 'E-3'],
      ['sendForApproval', 'ONAYDA', 'E-2'],
      ['logApplication', 'BASVURU_ALINDI', 'E-1'],
    ]);
    const approval = done.history.find((h) => h.action === 'approve')!;
    expect(approval.actorUnit).toBe('ministry');
  });

  it('refuses "send for approval" while mandatory documents are missing, naming them, and changes nothing', async () => {
    const a = await draft();
    await ankara.ok('registry:transition', { id: a.id, action: 'logApplication', ...letter(1) });
    await ankara.ok('registry:setDocument', { associationId: a.id, step: 'TESCIL', itemKey: 'petition', received: true });
    const before = counts();
    const error = await ankara.fail('registry:transition', { id: a.id, action: 'sendForApproval', ...letter(2) });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('İmzalı tescil taahhütnamesi');
    expect(error.message).not.toContain('Dilekçe;');
    const missing = DEFAULT_REGISTRY_POLICY.registrationChecklist.filter((i) => i.mandatory && i.key !== 'petition');
    expect(error.message).toBe(`Zorunlu belgeler eksik olduğu için onaya gönderilemez: ${missing.map((i) => i.label).join('; ')}.`);
    // The English screen names the documents in English (the default checklist's words from the dictionary).
    const english = messageText(error.key!, error.params, 'en', (key, language, params) => (isMessageKey(key) ? translate(language, key, params) : undefined))!;
    expect(english).toContain('Signed registration undertaking');
    expect(english).not.toMatch(/[çğıöşüÇĞİÖŞÜ]/);
    expect(counts()).toEqual(before);
  });

  it('refuses illegal transitions with CONFLICT and wrong roles with FORBIDDEN, changing nothing', async () => {
    const a = await draft();
    const before = counts();
    expect((await ankara.fail('registry:transition', { id: a.id, action: 'sendForApproval', ...letter(1) })).code).toBe('CONFLICT');
    expect((await ankara.fail('registry:transition', { id: a.id, action: 'suspend', ...letter(1), reason: 'x' })).code).toBe('FORBIDDEN');
    expect((await ministry.fail('registry:transition', { id: a.id, action: 'logApplication', ...letter(1) })).code).toBe('FORBIDDEN');
    expect((await izmir.fail('registry:transition', { id: a.id, action: 'logApplication', ...letter(1) })).code).toBe('FORBIDDEN');
    expect((await ankara.fail('registry:transition', { id: a.id, action: 'transferOut' })).code).toBe('FORBIDDEN');
    const youth = unitOn(app.ctx, 'youth-center', '06');
    expect((await youth.fail('registry:transition', { id: a.id, action: 'logApplication', ...letter(1) })).code).toBe('FORBIDDEN');
    expect(counts()).toEqual(before);
  });

  it('requires the official letter and, where the step needs one, a reason (field-level VALIDATION)', async () => {
    const a = await draft();
    const noLetter = await ankara.fail('registry:transition', { id: a.id, action: 'logApplication' });
    expect(noLetter.code).toBe('VALIDATION');
    expect(noLetter.issues!.map((i) => i.path).sort()).toEqual(['letterDate', 'letterNo']);
    await ankara.ok('registry:transition', { id: a.id, action: 'logApplication', ...letter(1) });
    const noReason = await ankara.fail('registry:transition', { id: a.id, action: 'markMissing' });
    expect(noReason.issues!.map((i) => i.path)).toEqual(['reason']);
    const done = await ankara.ok<AssociationDetail>('registry:transition', { id: a.id, action: 'markMissing', reason: 'Taahhütname imzasız.' });
    expect(done.status).toBe('EKSIK_EVRAK');
    expect((await ankara.ok<AssociationDetail>('registry:transition', { id: a.id, action: 'documentsCompleted' })).status).toBe('BASVURU_ALINDI');
  });

  it('numbers are sequential per province and year, unique, and never reused after a rejection', async () => {
    const first = await registered('Birinci Gençlik Kulübü');
    const rejected = await draft('İkinci Gençlik Kulübü');
    await ankara.ok('registry:transition', { id: rejected.id, action: 'logApplication', ...letter(1) });
    await receiveAllMandatory(rejected.id);
    await ankara.ok('registry:transition', { id: rejected.id, action: 'sendForApproval', ...letter(2) });
    const r = await ministry.ok<AssociationDetail>('registry:transition', { id: rejected.id, action: 'reject', ...letter(3), reason: 'Tüzük uygun değil.' });
    expect(r.status).toBe('REDDEDILDI');
    expect(r.registrationNo).toBeNull();
    expect(r.allowedActions).toEqual([]);
    const third = await registered('Üçüncü Gençlik Kulübü');
    expect([first.registrationNo, third.registrationNo]).toEqual(['GSB-06-2026-0001', 'GSB-06-2026-0002']);
  });

  it('suspend, reinstate and cancel (with a reason from the list) by the approver', async () => {
    const a = await registered();
    const s = await ministry.ok<AssociationDetail>('registry:transition', { id: a.id, action: 'suspend', ...letter(4), reason: 'Denetim sürüyor.' });
    expect(s.status).toBe('ASKIDA');
    expect((await ministry.ok<AssociationDetail>('registry:transition', { id: a.id, action: 'reinstate', ...letter(5) })).status).toBe('TESCILLI');
    expect((await ministry.fail('registry:transition', { id: a.id, action: 'cancel', ...letter(6), reason: 'x' })).issues![0]!.path).toBe('cancellationReason');
    const c = await ministry.ok<AssociationDetail>('registry:transition', { id: a.id, action: 'cancel', ...letter(6), reason: 'Fesih kararı.', cancellationReason: 'DERBIS_FESIH' });
    expect(c.status).toBe('TESCIL_IPTAL');
    expect(c.history[0]!.reason).toContain("DERBİS'te feshedilmiş");
  });

  it('with the "province approves" policy the owning province approves and the ministry cannot', async () => {
    const policy = await ministry.ok<Record<string, unknown>>('registry:getPolicy');
    const { updatedAt: _u, ...rest } = policy;
    await ministry.ok('registry:updatePolicy', { ...rest, approvingLevel: 'province' });
    expect((await ankara.fail('registry:updatePolicy', { ...rest, approvingLevel: 'ministry' })).code).toBe('FORBIDDEN');
    const a = await draft();
    await ankara.ok('registry:transition', { id: a.id, action: 'logApplication', ...letter(1) });
    await receiveAllMandatory(a.id);
    const sent = await ankara.ok<AssociationDetail>('registry:transition', { id: a.id, action: 'sendForApproval', ...letter(2) });
    expect(sent.allowedActions).toContain('approve');
    expect((await ministry.fail('registry:transition', { id: a.id, action: 'approve', ...letter(3) })).code).toBe('FORBIDDEN');
    expect((await ankara.ok<AssociationDetail>('registry:transition', { id: a.id, action: 'approve', ...letter(3) })).status).toBe('TESCILLI');
  });

  it('blocks a second record with the same kütük no or VKN, naming the existing one; warns on a plate mismatch', async () => {
    const a = await draft('Altındağ Gençlik Kulübü', { kutukNo: '35/001/002', vkn: '4540536920' });
    expect(a.kutukNo).toBe('35-001-002');
    expect(a.warnings.map((w) => w.message)).toEqual(['Kütük numarasının il kodu (35) derneğin iliyle (06) aynı değil.']);
    // The page words the notice from its key: no Turkish sentence on the English screen.
    expect(messageText(a.warnings[0]!.key!, a.warnings[0]!.params, 'en')).toBe('The province code of the register number (35) is not the association’s province (06).');
    const dup = await ankara.fail('registry:create', { name: 'Başka Kulüp', clubType: 'GENCLIK_KULUBU', districtId: a.districtId, kutukNo: '35-001-002' });
    expect(dup.code).toBe('CONFLICT');
    expect(dup.message).toContain('Altındağ Gençlik Kulübü');
    expect(dup.issues![0]!.path).toBe('kutukNo');
    const check = await ankara.ok<{ blocking: { id: string; field: string }[]; similar: { name: string }[] }>('registry:checkDuplicates', {
      vkn: '4540536920',
      name: 'altindag genclik',
      provincePlate: '06',
    });
    expect(check.blocking).toEqual([expect.objectContaining({ id: a.id, field: 'vkn' })]);
    expect(check.similar.map((s) => s.name)).toEqual(['Altındağ Gençlik Kulübü']);
  });

  it('a registered club changes type only through the status change, which is kept in history', async () => {
    const a = await registered();
    expect((await ankara.fail('registry:update', { id: a.id, clubType: 'GENCLIK_KULUBU' })).code).toBe('CONFLICT');
    const changed = await ankara.ok<AssociationDetail>('registry:changeClubType', { id: a.id, clubType: 'GENCLIK_KULUBU', ...letter(9), reason: 'Spor dalı kapandı.' });
    expect(changed.clubType).toBe('GENCLIK_KULUBU');
    expect(changed.history[0]).toMatchObject({ kind: 'CLUB_TYPE', fromState: 'GENCLIK_VE_SPOR_KULUBU', toState: 'GENCLIK_KULUBU', letterNo: 'E-9' });
  });
});

describe('impossible dates', () => {
  it('a visa application dated after today, or a letter dated after today, is refused at the field and nothing is written', async () => {
    clock = Date.parse('2025-06-01T09:00:00Z');
    const a = await registered();
    clock = Date.parse('2026-02-01T09:00:00Z');
    const before = counts();
    const future = await ankara.fail('registry:visaApply', { associationId: a.id, year: 2026, appliedOn: '2026-02-02', letterDate: '2026-02-03', letterNo: 'E-1' });
    expect(future.code).toBe('VALIDATION');
    expect(future.issues?.map((i) => i.path)).toEqual(['appliedOn', 'letterDate']);
    expect(future.issues?.[0]?.message).toContain('01.02.2026');
    expect(counts()).toEqual(before);
    const d = await draft('Yarının Yazısı Gençlik Kulübü Derneği');
    const step = await ankara.fail('registry:transition', { id: d.id, action: 'logApplication', letterDate: '2026-02-02', letterNo: 'E-2' });
    expect(step.issues?.map((i) => i.path)).toEqual(['letterDate']);
    expect((await ankara.ok<AssociationDetail>('registry:get', { id: d.id })).status).toBe('TASLAK');
  });
});

describe('vize (annual visa)', () => {
  it('applies, reviews, refuses approval while mandatory visa documents are missing, then approves', async () => {
    clock = Date.parse('2025-06-01T09:00:00Z');
    const a = await registered();
    clock = Date.parse('2026-02-01T09:00:00Z');
    expect((await ankara.ok<AssociationDetail>('registry:get', { id: a.id })).visaStatus).toBe('DONEM_ACIK');
    const applied = await ankara.ok<AssociationDetail>('registry:visaApply', { associationId: a.id, year: 2026, appliedOn: '2026-02-01', ...letter(10) });
    expect(applied.visaStatus).toBe('INCELEMEDE');
    expect((await ankara.fail('registry:visaApply', { associationId: a.id, year: 2026, appliedOn: '2026-01-31' })).code).toBe('CONFLICT');
    const applicationId = applied.visaApplications[0]!.id;
    await ankara.ok('registry:visaTransition', { applicationId, action: 'startReview' });
    const blocked = await ankara.fail('registry:visaTransition', { applicationId, action: 'approve' });
    expect(blocked.code).toBe('CONFLICT');
    expect(blocked.message).toContain('faaliyet raporu');
    const detail = await ankara.ok<AssociationDetail>('registry:get', { id: a.id });
    for (const d of detail.documents.filter((x) => x.step === 'VIZE' && x.visaYear === 2026 && x.mandatory)) {
      await ankara.ok('registry:setDocument', { associationId: a.id, step: 'VIZE', visaYear: 2026, itemKey: d.itemKey, received: true });
    }
    const approved = await ankara.ok<AssociationDetail>('registry:visaTransition', { applicationId, action: 'approve' });
    expect(approved.visaStatus).toBe('VIZELI');
    expect(approved.visaApplications[0]).toMatchObject({ state: 'ONAY', decidedOn: '2026-02-01' });
    expect((await ankara.fail('registry:visaTransition', { applicationId, action: 'reject', reason: 'x' })).code).toBe('CONFLICT');
  });

  it('refuses a visa for an unregistered association', async () => {
    const a = await draft();
    expect((await ankara.fail('registry:visaApply', { associationId: a.id, year: 2026, appliedOn: '2026-02-01' })).code).toBe('CONFLICT');
  });

  it('the dashboard counts statuses, lists N-years-without-visa for cancellation and reminds near the window end', async () => {
    clock = Date.parse('2023-05-01T09:00:00Z');
    await registered('Eski Gençlik Kulübü');
    clock = Date.parse('2026-04-10T09:00:00Z');
    await registered('Yeni Gençlik Kulübü');
    const both = await ankara.ok<{ counts: Record<string, number>; proposeCancellation: { name: string }[]; reminders: { message: string }[]; window: { daysLeft: number } }>(
      'registry:visaDashboard',
      { year: 2026 },
    );
    expect(both.counts.VIZELI).toBe(1);
    expect(both.counts.DONEM_ACIK).toBe(1);
    expect(both.window.daysLeft).toBe(20);
    expect(both.reminders.map((r) => r.message).join(' ')).toContain('20 gün kaldı');
    const lastYear = await ankara.ok<{ proposeCancellation: { name: string; yearsWithoutVisa: number }[] }>('registry:visaDashboard', { year: 2025 });
    expect(lastYear.proposeCancellation.map((p) => [p.name, p.yearsWithoutVisa])).toEqual([['Eski Gençlik Kulübü', 2]]);
  });
});

describe('aktarma (inter-province transfer)', () => {
  it('sender starts and approves, receiver accepts: ownership moves, the old record stays read-only and linked', async () => {
    const a = await registered();
    await ankara.ok('registry:savePerson', { associationId: a.id, kind: 'YONETIM', membership: 'ASIL', role: 'Başkan', fullName: 'Şule Işık' });
    const started = await ankara.ok<AssociationDetail>('registry:startTransfer', { associationId: a.id, toPlate: '35', newKutukNo: '35-111-222', reason: 'Merkez İzmir\'e taşındı.', ...letter(20) });
    const transferId = started.transfers[0]!.id;
    expect(started.transfers[0]!.state).toBe('TALEP');
    expect((await izmir.fail('registry:transferAction', { transferId, action: 'accept' })).code).toBe('CONFLICT');
    expect((await izmir.fail('registry:transferAction', { transferId, action: 'senderApprove' })).code).toBe('FORBIDDEN');
    await ankara.ok('registry:transferAction', { transferId, action: 'senderApprove', ...letter(21) });
    expect((await ankara.fail('registry:transferAction', { transferId, action: 'accept' })).code).toBe('FORBIDDEN');
    expect((await izmir.fail('registry:transferAction', { transferId, action: 'accept' })).issues![0]!.path).toBe('toDistrictId');
    const done = await izmir.ok<{ state: string; newAssociationId: string }>('registry:transferAction', {
      transferId,
      action: 'accept',
      toDistrictId: await districtId(izmir, '35', 'Karşıyaka'),
      ...letter(22),
    });
    expect(done.state).toBe('TAMAMLANDI');

    const old = await ankara.ok<AssociationDetail>('registry:get', { id: a.id });
    expect(old.status).toBe('AKTARILDI');
    expect(old.transferredTo).toBe(done.newAssociationId);
    expect(old.editable).toBe(false);
    expect((await ankara.fail('registry:update', { id: a.id, name: 'Değişmesin' })).code).toBe('CONFLICT');

    const moved = await izmir.ok<AssociationDetail>('registry:get', { id: done.newAssociationId });
    expect(moved).toMatchObject({ status: 'TESCILLI', registrationNo: a.registrationNo, ownerUnit: 'province:35', provincePlate: '35', kutukNo: '35-111-222', transferredFrom: a.id, editable: true });
    expect(moved.people.map((p) => p.fullName)).toEqual(['Şule Işık']);
    // History travels: the new record's timeline includes the steps taken on the old one.
    expect(moved.history.map((h) => h.action)).toEqual(expect.arrayContaining(['inheritRegistration', 'approve', 'logApplication', 'request', 'senderApprove', 'accept']));
    expect((await ankara.fail('registry:update', { id: done.newAssociationId, name: 'x y z' })).code).toBe('FORBIDDEN');
    expect((await izmir.ok<{ id: string }[]>('registry:listTransfers', { direction: 'incoming' })).map((t) => t.id)).toEqual([transferId]);
  });

  it('either side may cancel before acceptance, with a reason', async () => {
    const a = await registered();
    const started = await ankara.ok<AssociationDetail>('registry:startTransfer', { associationId: a.id, toPlate: '35', reason: 'Taşınma.' });
    const transferId = started.transfers[0]!.id;
    expect((await izmir.fail('registry:transferAction', { transferId, action: 'cancel' })).code).toBe('VALIDATION');
    const cancelled = await izmir.ok<{ state: string }>('registry:transferAction', { transferId, action: 'cancel', reason: 'Adres doğrulanamadı.' });
    expect(cancelled.state).toBe('IPTAL');
    expect((await ankara.ok<AssociationDetail>('registry:get', { id: a.id })).status).toBe('TESCILLI');
  });
});
