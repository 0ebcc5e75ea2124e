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

describe('a step’s letter recorded later', () => {
  const signedPdf = (text: string) => Buffer.from(`%PDF-1.4\n% e-imzalı ${text}\n%%EOF\n`, 'utf8').toString('base64');
  const changes = () => (app.ctx.db!.sqlite.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
  const approvalOf = (a: AssociationDetail) => a.history.find((h) => h.action === 'approve')!;

  it('the approving unit corrects its sayı and attaches the signed PDF; the certificate cites the recorded letter and the timeline keeps the old one', async () => {
    await ministry.ok('documents:saveLetterhead', MINISTRY_LETTERHEAD);
    const a = await registered(ministry, 'E-67915368-903.07.02-4752');
    clock = Date.parse('2026-03-12T09:00:00Z');
    const step = approvalOf(a);
    const recorded = await ministry.ok<AssociationDetail>('registry:recordStepLetter', {
      historyId: step.id, letterDate: '2026-03-11', letterNo: 'E-67915368-903.07.02-4760', fileName: 'onay yazısı.pdf', contentBase64: signedPdf('onay'),
    });
    const after = approvalOf(recorded);
    expect([after.letterDate, after.letterNo]).toEqual(['2026-03-11', 'E-67915368-903.07.02-4760']);
    expect(after.data.letterRecorded).toEqual({ on: '2026-03-12', by: 'Test Kullanıcısı', previous: { letterDate: '2026-03-10', letterNo: 'E-67915368-903.07.02-4752' } });
    expect(after.letterFile).toMatchObject({ fileName: 'onay yazısı.pdf', mimeType: 'application/pdf' });
    // The signed copy belongs to the step, not to the association's document checklist.
    expect(recorded.documents.flatMap((d) => d.attachments)).toEqual([]);
    const read = await ankara.ok<{ contentBase64: string }>('registry:readAttachment', { id: after.letterFile!.id });
    expect(Buffer.from(read.contentBase64, 'base64').toString('utf8')).toContain('e-imzalı onay');
    const page = (await certificate(ankara, a.id))[0]!;
    expect(page).toContain('11.03.2026 tarihli ve E-67915368-903.07.02-4760 sayılı onayı');
    expect(page).not.toContain('4752');

    // Recording the same again changes nothing; a new signed copy replaces the old one.
    const logged = changes();
    await ministry.ok('registry:recordStepLetter', { historyId: step.id, letterDate: '2026-03-11', letterNo: 'E-67915368-903.07.02-4760', fileName: 'onay yazısı.pdf', contentBase64: signedPdf('onay') });
    expect(changes()).toBe(logged);
    const replaced = await ministry.ok<AssociationDetail>('registry:recordStepLetter', { historyId: step.id, letterDate: '2026-03-11', letterNo: 'E-67915368-903.07.02-4760', fileName: 'onay yazısı (2).pdf', contentBase64: signedPdf('yeni') });
    expect(approvalOf(replaced).letterFile!.fileName).toBe('onay yazısı (2).pdf');
    const live = app.ctx.db!.sqlite.prepare('SELECT count(*) AS n FROM association_attachments WHERE history_id = ? AND deleted_at IS NULL').get(step.id) as { n: number };
    expect(live.n).toBe(1);
  });

  it('refuses another unit, a sayı of the wrong DETSİS, a future date, a file that is not a PDF and a step with no letter, changing nothing', async () => {
    await ministry.ok('documents:saveLetterhead', MINISTRY_LETTERHEAD);
    const a = await registered(ministry, 'E-67915368-903.07.02-4752');
    const step = approvalOf(a);
    const logged = changes();
    const input = { historyId: step.id, letterDate: today(), letterNo: 'E-67915368-903.07.02-4753' };

    const province = await ankara.fail('registry:recordStepLetter', input);
    expect([province.code, province.message]).toEqual(['FORBIDDEN', 'Bu adımı Bakanlık attı; yazısının sayısını ve imzalı nüshasını o birim kaydeder.']);
    const wrongUnit = await ministry.fail('registry:recordStepLetter', { ...input, letterNo: 'E-12345678-903.07.02-4753' });
    expect(wrongUnit.issues).toEqual([expect.objectContaining({ path: 'letterNo', message: expect.stringContaining('başka bir birimin (12345678)') })]);
    const future = await ministry.fail('registry:recordStepLetter', { ...input, letterDate: '2026-03-11' });
    expect(future.issues).toEqual([expect.objectContaining({ path: 'letterDate', message: 'Evrak tarihi bugünden (10.03.2026) sonra olamaz.' })]);
    const notPdf = await ministry.fail('registry:recordStepLetter', { ...input, fileName: 'onay.pdf', contentBase64: Buffer.from('PK\x03\x04 a word file').toString('base64') });
    expect(notPdf.issues).toEqual([expect.objectContaining({ path: 'contentBase64', message: 'İmzalı yazı PDF dosyası olmalı (EBYS\'den indirilen e-imzalı nüsha).' })]);
    const created = a.history.find((h) => h.kind === 'RECORD')!;
    const record = await ankara.fail('registry:recordStepLetter', { ...input, historyId: created.id, letterNo: '2026/1' });
    expect([record.code, record.message]).toEqual(['CONFLICT', 'Bu kayıt adımının resmî yazısı olmaz.']);
    const missing = await ministry.fail('registry:recordStepLetter', { ...input, historyId: '0190a000-0000-7000-8000-000000000000' });
    expect(missing.code).toBe('NOT_FOUND');

    expect(changes()).toBe(logged);
    const again = approvalOf(await ankara.ok<AssociationDetail>('registry:get', { id: a.id }));
    expect([again.letterNo, again.letterFile, again.data.letterRecorded]).toEqual(['E-67915368-903.07.02-4752', null, undefined]);
  });

  it('a province records the number of a step it took without one, and cannot remove the ministry’s signed copy', async () => {
    await ministry.ok('documents:saveLetterhead', MINISTRY_LETTERHEAD);
    const a = await registered(ministry, 'E-67915368-903.07.02-4752');
    await ministry.ok('registry:recordStepLetter', { historyId: approvalOf(a).id, letterDate: today(), letterNo: 'E-67915368-903.07.02-4752', fileName: 'onay.pdf', contentBase64: signedPdf('bakanlık') });
    const suspended = await ministry.ok<AssociationDetail>('registry:transition', { id: a.id, action: 'suspend', letterDate: today(), letterNo: 'E-67915368-903.07.02-4800', reason: 'Faaliyet yok' });
    const fileId = approvalOf(suspended).letterFile!.id;
    const removal = await ankara.fail('registry:removeAttachment', { id: fileId });
    expect(removal.code).toBe('FORBIDDEN');
    // The association's own application letter is taken as written, with no EBYS check, and recorded by the province.
    const application = suspended.history.find((h) => h.action === 'logApplication')!;
    const recorded = await ankara.ok<AssociationDetail>('registry:recordStepLetter', { historyId: application.id, letterDate: today(), letterNo: 'Dilekçe 2026/118-A' });
    expect(recorded.history.find((h) => h.id === application.id)!.letterNo).toBe('Dilekçe 2026/118-A');
  });
});
