import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AssociationDetail } from '../../shared/contract/registry';
import type { LetterheadView } from '../../shared/contract/documents';
import { openApp, type TestApp } from '../support/app';
import { unitOn, type Unit } from '../support/units';
import { pdfPages } from './pdfText';

// Letterheads and the certificates printed from them (issue #18): a certificate is issued in the name of the unit
// whose approval counts — the ministry under the default policy, the province when provinces approve — citing
// that unit's letter, with that unit's signatory, wherever it is printed.

let app: TestApp;
let ankara: Unit;
let ministry: Unit;
let clock: number;
let printed = 0;

const today = () => new Date(clock).toISOString().slice(0, 10);

const MINISTRY_LETTERHEAD = {
  institution: 'Gençlik ve Spor Bakanlığı', unitTitle: 'Gençlik Hizmetleri Genel Müdürlüğü', detsisNo: '67915368',
  address: 'Kocatepe Mah. Kızılay/ANKARA', phone: null, email: null, kep: null, contact: null,
  signatoryName: 'Zeynep Nur Güler', signatoryTitle: 'Genel Müdür', signatoryOnBehalfOf: 'Bakan', fileCodes: { registration: '903.07.02' },
};

async function registered(approver: Unit, approvalNo: string) {
  const districts = await ankara.ok<{ id: string; name: string }[]>('orgUnits:listDistricts', { provincePlate: '06' });
  const a = await ankara.ok<AssociationDetail>('registry:create', {
    name: 'Çankaya Işıklı Gençlik ve Spor Kulübü Derneği', clubType: 'GENCLIK_VE_SPOR_KULUBU', districtId: districts.find((d) => d.name === 'Çankaya')!.id, activityAreas: ['SPOR'],
  });
  await ankara.ok('registry:transition', { id: a.id, action: 'logApplication', letterDate: today(), letterNo: '2026/118' });
  const detail = await ankara.ok<AssociationDetail>('registry:get', { id: a.id });
  for (const d of detail.documents.filter((x) => x.step === 'TESCIL' && x.mandatory)) {
    await ankara.ok('registry:setDocument', { associationId: a.id, step: 'TESCIL', itemKey: d.itemKey, received: true, receivedOn: today() });
  }
  await ankara.ok('registry:transition', { id: a.id, action: 'sendForApproval', letterDate: today(), letterNo: 'E-12345678-903.07.02-88' });
  return approver.ok<AssociationDetail>('registry:transition', { id: a.id, action: 'approve', letterDate: today(), letterNo: approvalNo });
}

async function certificate(unit: Unit, id: string) {
  const out = await unit.ok<{ contentBase64: string }>('registry:document', { id, kind: 'certificate' });
  const pdf = Buffer.from(out.contentBase64, 'base64');
  // To look at it as a picture (pdftoppm): KOPRU_PDF_OUT=<folder>.
  if (process.env.KOPRU_PDF_OUT) fs.writeFileSync(path.join(process.env.KOPRU_PDF_OUT, `certificate-${++printed}.pdf`), pdf);
  return pdfPages(pdf);
}

beforeEach(() => {
  clock = Date.parse('2026-03-10T09:00:00Z');
  app = openApp(undefined, () => (clock += 1000));
  ankara = unitOn(app.ctx, 'province', '06', 'Ankara Gençlik ve Spor İl Müdürlüğü');
  ministry = unitOn(app.ctx, 'ministry', null);
});
afterEach(() => app.close());

describe('letterheads', () => {
  it('a unit that has saved none gets the lines of its kind; a saved one is read back as saved, by any unit', async () => {
    const before = await ankara.ok<LetterheadView>('documents:letterhead', {});
    expect([before.institution, before.unitTitle, before.saved, before.detsisNo]).toEqual(['ANKARA VALİLİĞİ', 'Gençlik ve Spor İl Müdürlüğü', false, null]);
    const saved = await ministry.ok<LetterheadView>('documents:saveLetterhead', MINISTRY_LETTERHEAD);
    expect(saved.saved).toBe(true);
    const seen = await ankara.ok<LetterheadView>('documents:letterhead', { unitId: 'ministry' });
    expect([seen.signatoryName, seen.signatoryOnBehalfOf, seen.detsisNo, seen.fileCodes]).toEqual(['Zeynep Nur Güler', 'Bakan', '67915368', { registration: '903.07.02' }]);
    // Saving again updates the unit's one row, and logs only what changed.
    await ministry.ok('documents:saveLetterhead', { ...MINISTRY_LETTERHEAD, signatoryName: 'Ali Veli' });
    const rows = app.ctx.db!.sqlite.prepare("SELECT count(*) AS n FROM letterheads WHERE owner_unit = 'ministry'").get() as { n: number };
    expect(rows.n).toBe(1);
  });

  it('refuses a DETSİS number that is not 8 digits and a malformed file plan code, naming the field, saving nothing', async () => {
    const bad = await ankara.fail('documents:saveLetterhead', { ...MINISTRY_LETTERHEAD, institution: 'Ankara Valiliği', detsisNo: '1234', fileCodes: { visa: '90307' } });
    expect(bad.code).toBe('VALIDATION');
    expect(bad.issues!.map((i) => [i.path, i.message])).toEqual([
      ['detsisNo', 'DETSİS numarası 8 haneli olmalı.'],
      ['fileCodes.visa', 'Dosya planı kodu 903.07.02 biçiminde olmalı.'],
    ]);
    expect((await ankara.ok<LetterheadView>('documents:letterhead', {})).saved).toBe(false);
  });
});

describe('certificates', () => {
  it('under the default policy a province prints the certificate in the ministry’s name, citing its approval letter, with its signatory', async () => {
    await ministry.ok('documents:saveLetterhead', MINISTRY_LETTERHEAD);
    const a = await registered(ministry, 'E-67915368-903.07.02-4752');
    const [page = '', ...rest] = await certificate(ankara, a.id);
    expect(rest).toEqual([]);
    expect(page).toContain('T.C. GENÇLİK VE SPOR BAKANLIĞI Gençlik Hizmetleri Genel Müdürlüğü GENÇLİK KULÜBÜ TESCİL BELGESİ');
    expect(page).toContain('Gençlik ve Spor Bakanlığının 10.03.2026 tarihli ve E-67915368-903.07.02-4752 sayılı onayı ile 10.03.2026 tarihinde GSB-06-2026-0001 numarası ile');
    expect(page).toContain('Onay yazısı (tarih / sayı): 10.03.2026 / E-67915368-903.07.02-4752');
    expect(page).toContain('Zeynep Nur GÜLER Bakan a. Genel Müdür');
    // Issued by the province (its footer), in the ministry's name; the ministry's name once, no "made with Köprü".
    expect(page).toContain('Ankara Gençlik ve Spor İl Müdürlüğü · Düzenlenme tarihi');
    expect(page.match(/GENÇLİK VE SPOR BAKANLIĞI/g)).toHaveLength(1);
    expect(page).not.toContain('Köprü ile üretilmiştir');
  });

  it('under "province approves" the certificate is the province’s; with no signatory saved it leaves a place to sign under the authority', async () => {
    const policy = await ministry.ok<Record<string, unknown>>('registry:getPolicy');
    const { updatedAt: _u, ...rest } = policy;
    await ministry.ok('registry:updatePolicy', { ...rest, approvingLevel: 'province' });
    const a = await registered(ankara, 'E-12345678-903.07.02-90');
    const page = (await certificate(ankara, a.id))[0]!;
    expect(page).toContain('T.C. ANKARA VALİLİĞİ Gençlik ve Spor İl Müdürlüğü GENÇLİK KULÜBÜ TESCİL BELGESİ');
    expect(page).toContain('Ankara Valiliğinin 10.03.2026 tarihli ve E-12345678-903.07.02-90 sayılı onayı ile');
    expect(page).toContain('İmza – Mühür Ankara Valiliği');
    expect(page).not.toContain('BAKANLIĞI');
  });

  it('the visa confirmation prints the approval letter’s date and sayı', async () => {
    // Registered last year: a visa is due from the year after registration.
    clock = Date.parse('2025-06-10T09:00:00Z');
    const a = await registered(ministry, 'E-67915368-903.07.02-4752');
    clock = Date.parse('2026-03-10T09:00:00Z');
    const app1 = await ankara.ok<AssociationDetail>('registry:visaApply', { associationId: a.id, year: 2026, appliedOn: today(), letterDate: today(), letterNo: '2026/7' });
    const application = app1.visaApplications.find((v) => v.year === 2026)!;
    for (const d of app1.documents.filter((x) => x.step === 'VIZE' && x.visaYear === 2026 && x.mandatory)) {
      await ankara.ok('registry:setDocument', { associationId: a.id, step: 'VIZE', visaYear: 2026, itemKey: d.itemKey, received: true, receivedOn: today() });
    }
    await ankara.ok('registry:visaTransition', { applicationId: application.id, action: 'startReview' });
    await ankara.ok('registry:visaTransition', { applicationId: application.id, action: 'approve', letterDate: today(), letterNo: 'E-12345678-903.07.03-12' });
    const out = await ankara.ok<{ contentBase64: string }>('registry:document', { id: a.id, kind: 'visa', year: 2026 });
    const page = pdfPages(Buffer.from(out.contentBase64, 'base64'))[0]!;
    expect(page).toContain('2026 YILI VİZE ONAY BELGESİ');
    expect(page).toContain('Onay yazısı (tarih / sayı): 10.03.2026 / E-12345678-903.07.03-12');
    expect(page).toContain('Başvuru evrakı (tarih / sayı): 10.03.2026 / 2026/7');
    expect(page).not.toContain('Evrak tarihi / sayısı: —');
  });
});

describe('recorded EBYS numbers', () => {
  it('once the unit has its DETSİS number, its own letters must carry it; the association’s application letter is taken as written', async () => {
    await ankara.ok('documents:saveLetterhead', { ...MINISTRY_LETTERHEAD, institution: 'Ankara Valiliği', unitTitle: 'Gençlik ve Spor İl Müdürlüğü', detsisNo: '12345678' });
    const districts = await ankara.ok<{ id: string; name: string }[]>('orgUnits:listDistricts', { provincePlate: '06' });
    const a = await ankara.ok<AssociationDetail>('registry:create', { name: 'Keçiören Gençlik Kulübü', clubType: 'GENCLIK_KULUBU', districtId: districts.find((d) => d.name === 'Keçiören')!.id, activityAreas: ['SPOR'] });
    await ankara.ok('registry:transition', { id: a.id, action: 'logApplication', letterDate: today(), letterNo: 'Dilekçe 2026/118' });
    const detail = await ankara.ok<AssociationDetail>('registry:get', { id: a.id });
    for (const d of detail.documents.filter((x) => x.step === 'TESCIL' && x.mandatory)) {
      await ankara.ok('registry:setDocument', { associationId: a.id, step: 'TESCIL', itemKey: d.itemKey, received: true, receivedOn: today() });
    }
    const history = () => (app.ctx.db!.sqlite.prepare('SELECT count(*) AS n FROM association_history WHERE association_id = ?').get(a.id) as { n: number }).n;
    const before = history();
    const typed = await ankara.fail('registry:transition', { id: a.id, action: 'sendForApproval', letterDate: today(), letterNo: 'V-2026-0042' });
    expect(typed.issues).toEqual([expect.objectContaining({ path: 'letterNo', message: 'EBYS sayısı "E-DETSİS no-dosya kodu-kayıt no" biçiminde olmalı, örneğin E-67915368-903.07.02-4752.' })]);
    const other = await ankara.fail('registry:transition', { id: a.id, action: 'sendForApproval', letterDate: today(), letterNo: 'E-67915368-903.07.02-4752' });
    expect(other.issues![0]!.message).toBe(
      'Bu EBYS sayısı başka bir birimin (67915368); Ankara Gençlik ve Spor İl Müdürlüğü biriminin DETSİS numarası 12345678. Sayıyı imzalanan yazıdan kontrol edin.',
    );
    expect(history()).toBe(before);
    const sent = await ankara.ok<AssociationDetail>('registry:transition', { id: a.id, action: 'sendForApproval', letterDate: today(), letterNo: 'E-12345678-903.07.02-88' });
    expect(sent.status).toBe('ONAYDA');
    // The ministry has no DETSİS number saved here: its number is taken as written.
    expect((await ministry.ok<AssociationDetail>('registry:transition', { id: a.id, action: 'approve', letterDate: today(), letterNo: 'Onay 5' })).status).toBe('TESCILLI');
  });
});
