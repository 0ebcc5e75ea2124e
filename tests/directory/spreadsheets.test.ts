import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../shared/contract/fields';
import { messageText } from '../../shared/contract';
import { isMessageKey, translate } from '../../renderer/i18n/translate';
import { setupApp, type TestApp } from '../support/app';
import { count, expectError, snapshot } from '../integration/helpers';
import { contactsSpec } from '../../db/directory/specs';
import { createOrg, db, foreignOrganisation, foreignRow, vkn } from './support';

// Import of existing CSO lists (csv/xlsx) and the Excel export.

let app: TestApp;
beforeAll(async () => {
  app = await setupApp('province', { plate: '25' });
});
afterAll(() => app.close());

const csv = (rows: string[][], encoding: 'utf8' | 'latin1' = 'utf8') => Buffer.from(rows.map((r) => r.join(';')).join('\r\n') + '\r\n', encoding).toString('base64');

/** Windows-1254 bytes for Turkish text (what Excel on Turkish Windows saves as CSV). */
function cp1254(text: string): Buffer {
  const map: Record<string, number> = { ğ: 0xf0, Ğ: 0xd0, ı: 0xfd, İ: 0xdd, ş: 0xfe, Ş: 0xde, ç: 0xe7, Ç: 0xc7, ö: 0xf6, Ö: 0xd6, ü: 0xfc, Ü: 0xdc };
  return Buffer.from([...text].map((ch) => map[ch] ?? ch.charCodeAt(0)));
}

const preview = (contentBase64: string, extra: Record<string, unknown> = {}) => app.ok<ImportReport>('directory:importPreview', { fileName: 'liste.csv', contentBase64, ...extra });
const apply = (contentBase64: string, extra: Record<string, unknown> = {}) => app.ok<ImportReport>('directory:importApply', { fileName: 'liste.csv', contentBase64, ...extra });

const HEADERS = ['Kurum Adı', 'Türü', 'İl', 'İlçe', 'VKN', 'Kütük No', 'Telefon', 'Faaliyet Alanları', 'Gençlik Odaklı', 'Temsilci Ad Soyad', 'Temsilci Unvanı', 'Temsilci Telefon'];

describe('import', () => {
  it('maps Turkish headers, reports each row in a dry run and writes nothing', async () => {
    const good = vkn('444444444');
    const badVkn = `${good.slice(0, 9)}${(Number(good[9]) + 1) % 10}`;
    const before = snapshot(app);
    const report = await preview(csv([
      HEADERS,
      ['Palandöken Gençlik Derneği', 'Dernek', 'Erzurum', 'Palandöken', vkn('111111111'), '25-100-001', '0442 555 11 22', 'Spor, Kültür', 'evet', 'Ayşe Kaya', 'Başkan', '0532 111 22 33'],
      ['Erzurum Büyükşehir Belediyesi', 'büyükşehir belediyesi', '25', '', '', '', '', '', 'hayır', '', '', ''],
      ['Atatürk Üniversitesi', 'Üniversite', 'ERZURUM', 'Yakutiye', '', '', '', '', '', '', '', ''],
      ['Geçersiz VKN Derneği', 'STK', 'Erzurum', '', badVkn, '', '', '', '', '', '', ''],
      ['Bilinmeyen İl Derneği', 'STK', 'Atlantis', '', '', '', '', '', '', '', '', ''],
      ['Yanlış İlçe Derneği', 'STK', 'Erzurum', 'Çankaya', '', '', '', '', '', '', '', ''],
      ['=HYPERLINK("http://kotu")', 'STK', 'Erzurum', '', '', '', '', '', '', '', '', ''],
      ['Kamu Dernek Karışığı', 'Kamu', 'Erzurum', '', '', '', '', '', 'belki', '', '', ''],
    ]));
    expect(report.mapping).toMatchObject({ name: 'Kurum Adı', kind: 'Türü', province: 'İl', district: 'İlçe', vkn: 'VKN', kutukNo: 'Kütük No', contactName: 'Temsilci Ad Soyad', contactTitle: 'Temsilci Unvanı', contactPhone: 'Temsilci Telefon', youthFocus: 'Gençlik Odaklı' });
    expect(report.unmappedRequired).toEqual([]);
    expect(report.applied).toBe(false);
    expect(report.totals).toEqual({ rows: 8, new: 3, update: 0, duplicateSkip: 0, invalid: 5, unchanged: 0 });
    const byRow = Object.fromEntries(report.rows.map((r) => [r.row, r]));
    expect(byRow[5]!.errors).toEqual([expect.objectContaining({ field: 'Vergi kimlik no', message: expect.stringMatching(/geçersiz/) })]);
    expect(byRow[6]!.errors).toEqual([expect.objectContaining({ field: 'İl', message: expect.stringContaining('"Atlantis" diye bir il yok') })]);
    // Each problem also carries its field's and its message's keys, for the preview in English.
    expect(byRow[6]!.errors[0]).toMatchObject({ fieldKey: 'directory.importField.province', key: 'directory.import.provinceUnknown', params: { value: 'Atlantis' } });
    expect(byRow[7]!.errors).toEqual([expect.objectContaining({ field: 'İlçe', message: expect.stringContaining('Erzurum') })]);
    expect(byRow[8]!.errors[0]).toMatchObject({ field: 'Kurum adı', message: expect.stringMatching(/formül/) });
    expect(byRow[9]!.errors).toEqual([expect.objectContaining({ field: 'Gençlik odaklı', message: expect.any(String) })]);
    expect(snapshot(app)).toEqual(before);
  });

  it('applies valid rows (with their representative), skips invalid ones whole, and a second apply changes nothing', async () => {
    const content = csv([
      HEADERS,
      ['Dadaş Gençlik Derneği', 'Dernek', 'Erzurum', 'Yakutiye', vkn('222222222'), '25-200-001', '0442 555 11 22', 'Spor, Kültür ve sanat', 'evet', 'Mehmet Öz', 'Başkan', '0532 111 22 33'],
      ['Oltu Kültür Vakfı', 'Vakıf', 'Erzurum', 'Oltu', '', '', '', '', 'hayır', '', '', ''],
      ['Bozuk Temsilcili Derneği', 'Dernek', 'Erzurum', '', '', '', '', '', '', 'Ali Veli', 'Üye', '123'],
    ]);
    const first = await apply(content);
    expect(first.totals).toMatchObject({ new: 2, invalid: 1 });
    expect(first.rows[2]!.errors).toEqual([expect.objectContaining({ field: 'Temsilci telefon', message: expect.any(String) })]);
    expect(first.applied).toBe(true);
    const dadas = db(app).prepare(`SELECT * FROM organisations WHERE name = 'Dadaş Gençlik Derneği'`).get() as Record<string, unknown>;
    expect(dadas).toMatchObject({ kind: 'STK', subtype: 'DERNEK', province_plate: '25', district_id: '25-yakutiye', youth_focus: 1, phone: '+904425551122', kutuk_no: '25-200-001' });
    expect(JSON.parse(String(dadas.activity_areas))).toEqual(['SPOR', 'KULTUR_SANAT']);
    expect(db(app).prepare('SELECT full_name, title, phone FROM contacts WHERE organisation_id = ?').all(dadas.id)).toEqual([{ full_name: 'Mehmet Öz', title: 'Başkan', phone: '+905321112233' }]);
    expect(db(app).prepare(`SELECT count(*) AS n FROM organisations WHERE name LIKE 'Bozuk%'`).get()).toEqual({ n: 0 });
    expect(db(app).prepare(`SELECT count(*) AS n FROM contacts WHERE full_name = 'Ali Veli'`).get()).toEqual({ n: 0 });

    const logBefore = count(app, 'change_log');
    const second = await apply(content);
    expect(second.totals).toMatchObject({ new: 0, update: 0, unchanged: 2, invalid: 1 });
    expect(count(app, 'change_log')).toBe(logBefore);
  });

  it('duplicates by VKN, kütük no or same folded name in the province: skip leaves them, update changes them', async () => {
    const number = vkn('333333333');
    const org = await createOrg(app, { name: 'Horasan Gençlik Derneği', provincePlate: '25', vkn: number });
    await createOrg(app, { name: 'Aziziye Spor Kulübü', provincePlate: '25', kutukNo: '25-300-001' });
    await createOrg(app, { name: 'Tortum Şelale Derneği', provincePlate: '25' });
    const content = csv([
      ['Kurum adı', 'İl', 'VKN', 'Kütük no', 'Telefon'],
      ['Horasan Gençlik Derneği (yeni ad)', 'Erzurum', number, '', '0442 111 11 11'],
      ['Aziziye Spor Kulübü Derneği', 'Erzurum', '', '25/300/001', '0442 222 22 22'],
      ['TORTUM SELALE DERNEGI', '25', '', '', '0442 333 33 33'],
    ]);
    const before = snapshot(app);
    const skipped = await apply(content, { duplicates: 'skip' });
    expect(skipped.rows.map((r) => r.outcome)).toEqual(['duplicate-skip', 'duplicate-skip', 'duplicate-skip']);
    expect(skipped.rows[0]!.existingId).toBe(org.id);
    expect(snapshot(app)).toEqual(before);

    const updated = await apply(content, { duplicates: 'update' });
    expect(updated.rows.map((r) => r.outcome)).toEqual(['update', 'update', 'update']);
    expect(db(app).prepare('SELECT name, phone FROM organisations WHERE id = ?').get(org.id)).toEqual({ name: 'Horasan Gençlik Derneği (yeni ad)', phone: '+904421111111' });
    expect(db(app).prepare(`SELECT phone FROM organisations WHERE name = 'Tortum Şelale Derneği'`).get()).toEqual({ phone: '+904423333333' });
    expect((await apply(content, { duplicates: 'update' })).totals.unchanged).toBe(3);
  });

  it('an update that moves a record to another province drops the old district and a subtype that no longer fits', async () => {
    const number = vkn('555555555');
    const org = await createOrg(app, { name: 'Taşınan Kurum Derneği', provincePlate: '25', districtId: '25-yakutiye', vkn: number });
    const report = await apply(csv([['Kurum adı', 'Tür', 'İl', 'VKN'], ['Taşınan Kurum', 'Kamu', 'Ankara', number]]), { duplicates: 'update' });
    expect(report.rows[0]).toMatchObject({ outcome: 'update', existingId: org.id });
    expect(db(app).prepare('SELECT name, kind, subtype, province_plate, district_id FROM organisations WHERE id = ?').get(org.id)).toEqual({
      name: 'Taşınan Kurum', kind: 'KAMU', subtype: null, province_plate: '06', district_id: null,
    });
  });

  it('does not update another unit\'s record', async () => {
    foreignOrganisation(app, 'ministry', 'Bakanlığın Kaydı Derneği', { province_plate: '25' });
    const report = await apply(csv([['Kurum adı', 'İl', 'Telefon'], ['Bakanlığın Kaydı Derneği', 'Erzurum', '0442 444 44 44']]), { duplicates: 'update' });
    expect(report.rows[0]).toMatchObject({ outcome: 'invalid', errors: [{ field: 'Satır', message: expect.stringMatching(/başka bir birimin kaydı/) }] });
  });

  it('leaves another unit\'s record of a representative as it is', async () => {
    const org = await createOrg(app, { name: 'Temsilcili Derneği', provincePlate: '25' });
    const person = foreignRow(app, contactsSpec, 'gm-9', { organisation_id: org.id, full_name: 'Zeynep Ak', phone: '+905320000000' });
    const report = await apply(csv([['Kurum adı', 'İl', 'Temsilci ad soyad', 'Temsilci telefon'], ['Temsilcili Derneği', 'Erzurum', 'ZEYNEP AK', '0533 111 11 11']]), { duplicates: 'update' });
    expect(report.rows[0]!.outcome).toBe('unchanged');
    expect(db(app).prepare('SELECT phone, owner_unit FROM contacts WHERE id = ?').get(person)).toEqual({ phone: '+905320000000', owner_unit: 'gm-9' });
  });

  it('reads Windows-1254 CSV (Turkish Excel) as well as UTF-8', async () => {
    const bytes = cp1254('Kurum Adı;İl;İlçe\r\nŞenkaya Gençlik Derneği;Erzurum;Şenkaya\r\n');
    const report = await preview(bytes.toString('base64'));
    expect(report.mapping).toMatchObject({ name: 'Kurum Adı', province: 'İl', district: 'İlçe' });
    expect(report.rows[0]).toMatchObject({ outcome: 'new', name: 'Şenkaya Gençlik Derneği', errors: [] });
  });

  it('refuses an empty file, a non-spreadsheet and a sheet without the required columns (naming them)', async () => {
    expectError(await app.invoke('directory:importPreview', { fileName: 'bos.csv', contentBase64: '' }), 'VALIDATION');
    const empty = expectError(await app.invoke('directory:importPreview', { fileName: 'bos.csv', contentBase64: Buffer.from('Kurum adı;İl\r\n').toString('base64') }), 'VALIDATION');
    expect(empty.message).toMatch(/hiç kayıt yok/);
    expectError(await app.invoke('directory:importPreview', { fileName: 'resim.png', contentBase64: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]).toString('base64') }), 'VALIDATION');
    const before = snapshot(app);
    const report = await app.ok<ImportReport>('directory:importApply', { fileName: 'liste.csv', contentBase64: csv([['Ad Soyad', 'Telefon'], ['Bir Kurum', '0442 555 11 22']]) });
    expect(report.unmappedRequired).toEqual(['Kurum adı', 'İl']);
    expect(report.unmappedRequiredFields).toEqual(['name', 'province']);
    const error = report.rows[0]!.errors[0]!;
    expect(error.message).toBe('Eşleştirilmemiş zorunlu alan: Kurum adı, İl.');
    // The English screens word the fields themselves: no Turkish label inside the English sentence.
    const words = (key: string, language: 'tr' | 'en', params: Record<string, string>) => (isMessageKey(key) ? translate(language, key, params) : undefined);
    expect(messageText(error.key!, error.params, 'en', words)).toBe('Required field not matched to a column: Organisation name, Province.');
    expect(snapshot(app)).toEqual(before);
  });

  it('reads xlsx, taking a formula cell\'s computed value with a warning', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Liste');
    sheet.addRow(['Kurum adı', 'İl', 'Telefon']);
    sheet.addRow(['Hınıs Gençlik Derneği', 'Erzurum', { formula: 'CONCAT("0442 ","555 66 77")', result: '0442 555 66 77' }]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const report = await app.ok<ImportReport>('directory:importApply', { fileName: 'liste.xlsx', contentBase64: buffer.toString('base64') });
    expect(report.rows[0]).toMatchObject({ outcome: 'new', warnings: expect.arrayContaining([expect.objectContaining({ message: expect.stringMatching(/^Telefon: .*formül/), key: 'directory.import.formulaCell' })]) });
    expect(db(app).prepare(`SELECT phone FROM organisations WHERE name = 'Hınıs Gençlik Derneği'`).get()).toEqual({ phone: '+904425556677' });
  });
});

describe('export', () => {
  it('writes the filtered list in Turkish order with Turkish headers, formula-safe', async () => {
    await createOrg(app, { name: '=Formül Derneği', provincePlate: '25', youthFocus: true, activityAreas: ['SPOR'] });
    await createOrg(app, { name: 'Çat Gençlik Derneği', provincePlate: '25' });
    await createOrg(app, { name: 'Cami Derneği', provincePlate: '25' });
    const file = await app.ok<{ fileName: string; contentBase64: string; rows: number }>('directory:exportXlsx', { provincePlate: '25', query: 'dernegi' });
    expect(file.fileName).toMatch(/^Kurumlar \d{2}\.\d{2}\.\d{4}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 8)).toEqual(['Kurum adı', 'Kısa ad', 'Tür', 'Alt tür', 'İl', 'İlçe', 'Faaliyet alanları', 'Gençlik odaklı']);
    const names: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) names.push(String(row.getCell(1).value));
    });
    expect(file.rows).toBe(names.length);
    expect(names.indexOf('Cami Derneği')).toBeLessThan(names.indexOf('Çat Gençlik Derneği'));
    const formulaRow = sheet.getRows(2, names.length)!.find((r) => String(r.getCell(1).value).includes('Formül'))!;
    expect(formulaRow.getCell(1).value).toBe("'=Formül Derneği");
    expect(formulaRow.getCell(7).value).toBe('Spor');
    expect(formulaRow.getCell(8).value).toBe('Evet');
    // The last change is a real Excel date that shows as GG.AA.YYYY.
    expect(formulaRow.getCell(15).value).toBeInstanceOf(Date);
    expect(formulaRow.getCell(15).numFmt).toBe('dd.mm.yyyy');
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });
});
