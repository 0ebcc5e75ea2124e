import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AssociationDetail } from '../../shared/contract/registry';
import type { RegistryPolicy } from '../../shared/registry/policy';
import { openApp, type TestApp } from '../support/app';
import { unitOn, type Unit } from '../support/units';

// The domain's plausibility rules in the registry (issue #17), through the real handlers on a real SQLite file:
// no decision before its application, no application or letter dated in the future, no transfer to the
// association's own province, the kütük plate checked against the province, and the policy settings that let the
// ministry turn a warning into a refusal. A refused call names the field and writes nothing.

let app: TestApp;
let ankara: Unit;
let izmir: Unit;
let ministry: Unit;
let clock: number;

const today = () => new Date(clock).toISOString().slice(0, 10);
const letter = (n: number, date = today()) => ({ letterDate: date, letterNo: `E-${n}` });

function counts() {
  const db = app.ctx.db!.sqlite;
  const n = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { history: n('association_history'), changes: n('change_log'), associations: n('associations'), visas: n('visa_applications'), transfers: n('transfers') };
}

/** Expects a VALIDATION refusal at `path` whose message contains `says`, with nothing written. */
async function refusedAt(unit: Unit, channel: string, input: unknown, path: string, says: string) {
  const before = counts();
  const error = await unit.fail(channel, input);
  expect(error.code, error.message).toBe('VALIDATION');
  expect(error.issues?.map((i) => i.path)).toContain(path);
  expect(error.issues?.find((i) => i.path === path)?.message).toContain(says);
  expect(counts()).toEqual(before);
}

async function districtId(unit: Unit, plate: string, name: string) {
  const districts = await unit.ok<{ id: string; name: string }[]>('orgUnits:listDistricts', { provincePlate: plate });
  return districts.find((d) => d.name === name)!.id;
}

let drafts = 0;
async function draft(extra: Record<string, unknown> = {}) {
  drafts += 1;
  return ankara.ok<AssociationDetail>('registry:create', {
    name: `Deneme ${drafts} Gençlik ve Spor Kulübü Derneği`,
    clubType: 'GENCLIK_VE_SPOR_KULUBU',
    districtId: await districtId(ankara, '06', 'Çankaya'),
    activityAreas: ['SPOR'],
    ...extra,
  });
}

async function receiveAllMandatory(id: string) {
  const detail = await ankara.ok<AssociationDetail>('registry:get', { id });
  for (const d of detail.documents.filter((x) => x.step === 'TESCIL' && x.mandatory)) {
    await ankara.ok('registry:setDocument', { associationId: id, step: 'TESCIL', itemKey: d.itemKey, received: true, receivedOn: '2025-03-01' });
  }
}

async function inApproval(extra?: Record<string, unknown>) {
  const a = await draft(extra);
  await ankara.ok('registry:transition', { id: a.id, action: 'logApplication', ...letter(1) });
  await receiveAllMandatory(a.id);
  await ankara.ok('registry:transition', { id: a.id, action: 'sendForApproval', ...letter(2) });
  return a;
}

async function registered(extra?: Record<string, unknown>) {
  const a = await inApproval(extra);
  return ministry.ok<AssociationDetail>('registry:transition', { id: a.id, action: 'approve', ...letter(3) });
}

async function setPlausibility(plausibility: Partial<RegistryPolicy['plausibility']>) {
  const current = await ministry.ok<RegistryPolicy & { updatedAt: string | null }>('registry:getPolicy', {});
  const { updatedAt: _updatedAt, ...policy } = current;
  await ministry.ok('registry:updatePolicy', { ...policy, plausibility: { ...current.plausibility, ...plausibility } });
}

beforeEach(() => {
  clock = Date.parse('2025-06-02T09:00:00Z');
  app = openApp(undefined, () => (clock += 1000));
  ankara = unitOn(app.ctx, 'province', '06');
  izmir = unitOn(app.ctx, 'province', '35');
  ministry = unitOn(app.ctx, 'ministry', null);
});

afterEach(() => app.close());

describe('no decision before its application', () => {
  it('a registration decision cannot be dated before the step it answers; the same day is fine', async () => {
    const a = await inApproval();
    clock = Date.parse('2025-06-20T09:00:00Z');
    // The application went for approval on 02.06.2025: an approval letter of 01.06.2025 is impossible.
    await refusedAt(ministry, 'registry:transition', { id: a.id, action: 'approve', ...letter(3, '2025-06-01') }, 'letterDate', '02.06.2025');
    expect((await ankara.ok<AssociationDetail>('registry:get', { id: a.id })).status).toBe('ONAYDA');
    const approved = await ministry.ok<AssociationDetail>('registry:transition', { id: a.id, action: 'approve', ...letter(3, '2025-06-02') });
    expect(approved.status).toBe('TESCILLI');
  });

  it('a visa decision cannot be dated before the application, nor the application letter before the application', async () => {
    const a = await registered();
    clock = Date.parse('2026-02-10T09:00:00Z');
    await refusedAt(ankara, 'registry:visaApply', { associationId: a.id, year: 2026, appliedOn: '2026-02-05', ...letter(10, '2026-02-04') }, 'letterDate', '05.02.2026');
    const applied = await ankara.ok<AssociationDetail>('registry:visaApply', { associationId: a.id, year: 2026, appliedOn: '2026-02-05', ...letter(10, '2026-02-05') });
    const applicationId = applied.visaApplications[0]!.id;
    await refusedAt(ankara, 'registry:visaTransition', { applicationId, action: 'startReview', ...letter(11, '2026-02-01') }, 'letterDate', 'vize başvurusunun tarihinden (05.02.2026)');
    await ankara.ok('registry:visaTransition', { applicationId, action: 'startReview', ...letter(11, '2026-02-06') });
    await refusedAt(ankara, 'registry:visaTransition', { applicationId, action: 'reject', reason: 'Eksik', ...letter(12, '2026-02-04') }, 'letterDate', '05.02.2026');
  });

  it('a transfer step cannot be dated before the transfer request', async () => {
    const a = await registered();
    clock = Date.parse('2025-07-10T09:00:00Z');
    const started = await ankara.ok<AssociationDetail>('registry:startTransfer', { associationId: a.id, toPlate: '35', reason: 'Merkez İzmir’e taşındı.', ...letter(20, '2025-07-08') });
    const transferId = started.transfers[0]!.id;
    await refusedAt(ankara, 'registry:transferAction', { transferId, action: 'senderApprove', ...letter(21, '2025-07-07') }, 'letterDate', 'nakil talebinin tarihinden (08.07.2025)');
    await ankara.ok('registry:transferAction', { transferId, action: 'senderApprove', ...letter(21, '2025-07-08') });
    await refusedAt(izmir, 'registry:transferAction', { transferId, action: 'accept', toDistrictId: await districtId(izmir, '35', 'Konak'), ...letter(22, '2025-07-01') }, 'letterDate', '08.07.2025');
  });
});

describe('no application or letter dated in the future', () => {
  it('refuses a future letter on a transfer request, a club-type change and a DERBİS snapshot date', async () => {
    const a = await registered();
    await refusedAt(ankara, 'registry:startTransfer', { associationId: a.id, toPlate: '35', reason: 'Taşındı.', ...letter(20, '2025-06-03') }, 'letterDate', 'bugünden (02.06.2025) sonra olamaz');
    await refusedAt(ankara, 'registry:changeClubType', { id: a.id, clubType: 'GENCLIK_KULUBU', reason: 'Genel kurul kararı', ...letter(21, '2025-07-01') }, 'letterDate', 'bugünden');
    await refusedAt(ankara, 'registry:addSnapshot', { associationId: a.id, asOf: '2025-06-30', source: 'DERBİS çıktısı', legalStatus: 'FAAL' }, 'asOf', 'bugünden (02.06.2025) sonra olamaz');
  });

  it('how old a letter may be is the ministry’s policy: no limit by default, refused past the limit once set', async () => {
    const a = await draft();
    clock = Date.parse('2025-09-01T09:00:00Z');
    await ankara.ok('registry:transition', { id: a.id, action: 'logApplication', ...letter(1, '2020-01-15') });
    const b = await draft();
    await setPlausibility({ maxLetterAgeDays: 30 });
    await refusedAt(ankara, 'registry:transition', { id: b.id, action: 'logApplication', ...letter(1, '2025-07-31') }, 'letterDate', '30 günden eski olamaz');
    await ankara.ok('registry:transition', { id: b.id, action: 'logApplication', ...letter(1, '2025-08-02') });
  });
});

describe('no transfer to the association’s own province', () => {
  it('refuses it at the destination field', async () => {
    const a = await registered();
    await refusedAt(ankara, 'registry:startTransfer', { associationId: a.id, toPlate: '06', reason: 'Taşındı.', ...letter(20) }, 'toPlate', 'Dernek zaten bu ilde.');
  });
});

describe('the kütük plate against the province', () => {
  it('by default only warns: an Ankara association with an İstanbul kütük no is saved, and so is a transfer’s new number', async () => {
    const a = await registered({ kutukNo: '34-123-456' });
    expect(a.kutukNo).toBe('34-123-456');
    const started = await ankara.ok<AssociationDetail>('registry:startTransfer', { associationId: a.id, toPlate: '35', newKutukNo: '06-111-222', reason: 'Taşındı.', ...letter(20) });
    expect(started.transfers[0]!.newKutukNo).toBe('06-111-222');
  });

  it('refused when the ministry’s policy says so, on create, on a changed number and on a transfer; other edits still save', async () => {
    const old = await registered({ kutukNo: '34-123-456' });
    await setPlausibility({ kutukPlateMismatch: 'refuse' });
    const cankaya = await districtId(ankara, '06', 'Çankaya');
    await refusedAt(
      ankara,
      'registry:create',
      { name: 'Yanlış Plaka Gençlik Kulübü Derneği', clubType: 'GENCLIK_KULUBU', districtId: cankaya, activityAreas: [], kutukNo: '35/111/222' },
      'kutukNo',
      'il kodu (35) derneğin ilinin (Ankara, 06)',
    );
    const right = await ankara.ok<AssociationDetail>('registry:create', { name: 'Doğru Plaka Gençlik Kulübü Derneği', clubType: 'GENCLIK_KULUBU', districtId: cankaya, activityAreas: [], kutukNo: '06/111/222' });
    expect(right.kutukNo).toBe('06-111-222');
    await refusedAt(ankara, 'registry:update', { id: right.id, kutukNo: '07-111-222' }, 'kutukNo', 'il kodu (07)');
    // The record saved before the rule keeps its number and stays editable.
    const renamed = await ankara.ok<AssociationDetail>('registry:update', { id: old.id, kutukNo: '34-123-456', memberCount: 40 });
    expect(renamed.memberCount).toBe(40);
    await refusedAt(ankara, 'registry:startTransfer', { associationId: old.id, toPlate: '35', newKutukNo: '06-111-999', reason: 'Taşındı.', ...letter(20) }, 'newKutukNo', '(İzmir, 35)');
    await ankara.ok('registry:startTransfer', { associationId: old.id, toPlate: '35', newKutukNo: '35-111-999', reason: 'Taşındı.', ...letter(20) });
  });
});

describe('the plausibility policy', () => {
  it('has the defaults the domain expects, and a policy edit that does not mention it keeps it', async () => {
    const initial = await ministry.ok<RegistryPolicy>('registry:getPolicy', {});
    expect(initial.plausibility).toEqual({ nonWorkingDay: 'warn', kutukPlateMismatch: 'warn', maxLetterAgeDays: null });
    await setPlausibility({ nonWorkingDay: 'refuse' });
    const { updatedAt: _u, plausibility: _p, ...withoutPlausibility } = await ministry.ok<RegistryPolicy & { updatedAt: string | null }>('registry:getPolicy', {});
    await ministry.ok('registry:updatePolicy', { ...withoutPlausibility, yearsWithoutVisaForCancellation: 3 });
    const after = await ankara.ok<RegistryPolicy>('registry:getPolicy', {});
    expect(after.yearsWithoutVisaForCancellation).toBe(3);
    expect(after.plausibility.nonWorkingDay).toBe('refuse');
  });
});
