import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AssociationDetail, ImportReport } from '../../shared/contract/registry';
import { messageText } from '../../shared/contract';
import { isMessageKey, translate } from '../../renderer/i18n/translate';
import { setupApp, type TestApp } from '../support/app';

// Spreadsheet import (bad files, broken rows, encodings, formulas, idempotency), attachments (size, type,
// same file twice), and personal data (masking, logged reveal, keyed-hash duplicates, no TC in errors).

let app: TestApp;
beforeEach(async () => {
  app = await setupApp('province');
});
afterEach(() => app.close());

const db = () => app.ctx.db!.sqlite;
const count = (table: string) => (db().prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const snapshot = () => ({ associations: count('associations'), history: count('association_history'), changes: count('change_log') });

function csv(rows: string[][], encoding: 'utf8' | 'cp1254' = 'utf8'): string {
  const text = rows.map((r) => r.map((c) => (/[;"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(';')).join('\r\n') + '\r\n';
  if (encoding === 'utf8') return Buffer.from(text, 'utf8').toString('base64');
  // Windows-1254 as Excel on Turkish Windows writes it (only the letters these tests use).
  const map: Record<string, number> = { ç: 0xe7, Ç: 0xc7, ğ: 0xf0, Ğ: 0xd0, ı: 0xfd, İ: 0xdd, ö: 0xf6, Ö: 0xd6, ş: 0xfe, Ş: 0xde, ü: 0xfc, Ü: 0xdc };
  return Buffer.from([...text].map((ch) => map[ch] ?? ch.charCodeAt(0))).toString('base64');
}

async function xlsx(rows: (string | number | { formula: string; result?: string | number })[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Sicil');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

describe('spreadsheet import', () => {
  it('reads a Windows-1254 CSV (Turkish Excel) with its Turkish letters intact', async () => {
    const report = await app.ok<ImportReport>('registry:importApply', {
      fileName: 'sicil.csv',
      contentBase64: csv([['Dernek Adı', 'İlçe', 'Kütük No'], ['Şişli Çağdaş Gençlik Kulübü', 'Keçiören', '06-111-222']], 'cp1254'),
    });
    expect(report.totals.new).toBe(1);
    expect((db().prepare('SELECT name FROM associations').get() as { name: string }).name).toBe('Şişli Çağdaş Gençlik Kulübü');
  });

  it('a registered row’s history step names the file and the row as data, so the English history words it too', async () => {
    await app.ok<ImportReport>('registry:importApply', {
      fileName: 'tescilli.csv',
      contentBase64: csv([['Dernek Adı', 'İlçe', 'GSB tescil no', 'Tescil tarihi'], ['Mamak Işık Gençlik Kulübü', 'Mamak', 'GSB-06-2020-0042', '15.03.2020']]),
    });
    const step = db().prepare("SELECT reason, data FROM association_history WHERE action = 'import'").get() as { reason: string; data: string };
    expect(step.reason).toBe('Tablodan aktarıldı (tescilli.csv, satır 2).');
    expect(JSON.parse(step.data)).toMatchObject({ registrationNo: 'GSB-06-2020-0042', importedFrom: { fileName: 'tescilli.csv', row: 2 } });
  });

  it('refuses an empty file, a header-only file and a non-spreadsheet with a Turkish message, writing nothing', async () => {
    const before = snapshot();
    for (const [fileName, content, expected] of [
      ['bos.csv', Buffer.alloc(0).toString('base64'), 'boş'],
      ['baslik.csv', csv([['Dernek Adı', 'İlçe']]), 'hiç kayıt yok'],
      ['resim.xlsx', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]).toString('base64'), 'tablo'],
      ['eski.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]).toString('base64'), '.xls'],
    ] as const) {
      const envelope = await app.invoke('registry:importPreview', { fileName, contentBase64: content });
      expect(envelope.ok, fileName).toBe(false);
      if (!envelope.ok) {
        expect(envelope.error.code).toBe('VALIDATION');
        expect(envelope.error.message.toLowerCase()).toContain(expected.toLowerCase());
      }
    }
    expect(snapshot()).toEqual(before);
  });

  it('names each row problem’s field and message by key, so the preview reads them in English', async () => {
    const rows = [['Dernek Adı', 'İlçe', 'Telefon'], ['Deniz Gençlik Kulübü', 'Atlantis', '0312 555']];
    const report = await app.ok<ImportReport>('registry:importPreview', { fileName: 'hatali.csv', contentBase64: csv(rows) });
    const errors = report.rows[0]!.errors;
    const english = errors.map((e) => `${e.fieldKey && isMessageKey(e.fieldKey) ? translate('en', e.fieldKey) : e.field}: ${messageText(e.key!, e.params, 'en')}`);
    expect(english).toEqual(
      expect.arrayContaining([
        'District: "Atlantis" is not one of this province’s districts.',
        'Phone: The phone number is too short: it needs 10 digits with the area code, 6 were written. Example: 0312 555 12 34 or 0532 123 45 67.',
      ]),
    );
    expect(errors.map((e) => `${e.field}: ${e.message}`)).toEqual(expect.arrayContaining(['İlçe: "Atlantis" bu ilin ilçelerinden biri değil.']));
    // Every problem of the row has its English: none is left to the Turkish text.
    expect(errors.filter((e) => !e.key || !e.fieldKey)).toEqual([]);
    const warned = await app.ok<ImportReport>('registry:importPreview', { fileName: 'uyari.csv', contentBase64: csv([['Dernek Adı', 'İlçe', 'Kulüp Türü'], ['Deniz Gençlik Kulübü', 'Mamak', '']]) });
    const warning = warned.rows[0]!.warnings[0]!;
    expect(warning.message).toBe('Kulüp türü boş; "Gençlik kulübü" varsayıldı.');
    expect(messageText(warning.key!, warning.params, 'en')).toBe('The club type is empty; "Youth club" was assumed.');
  });

  it('reports missing required columns and applies nothing', async () => {
    const before = snapshot();
    const report = await app.ok<ImportReport>('registry:importApply', { fileName: 'eksik.csv', contentBase64: csv([['Dernek Adı', 'Telefon'], ['Bir Kulüp', '0312 555 12 34']]) });
    expect(report.unmappedRequired).toEqual(['İlçe']);
    expect(report.unmappedRequiredFields).toEqual(['district']);
    expect(report.totals.invalid).toBe(1);
    expect(snapshot()).toEqual(before);
  });

  it('names the missing required columns in English on the English screens, in Turkish for the CLI', async () => {
    // Neither the name nor the district column: two fields, each a word the interface dictionary translates.
    const report = await app.ok<ImportReport>('registry:importPreview', { fileName: 'eksik.csv', contentBase64: csv([['Telefon'], ['0312 555 12 34']]) });
    expect(report.unmappedRequired).toEqual(['Dernek adı', 'İlçe']);
    expect(report.unmappedRequiredFields).toEqual(['name', 'district']);
    const error = report.rows[0]!.errors[0]!;
    expect(error.message).toBe('Eşleştirilmemiş zorunlu alan: Dernek adı, İlçe.');
    const words = (key: string, language: 'tr' | 'en', params: Record<string, string>) => (isMessageKey(key) ? translate(language, key, params) : undefined);
    const english = messageText(error.key!, error.params, 'en', words)!;
    expect(english).toBe('Required field not matched to a column: Association name, District.');
    expect(english).not.toMatch(/[çğıöşüÇĞİÖŞÜ]/);
    expect(messageText(error.key!, error.params, 'tr', words)).toBe(error.message);
  });

  it('10,000 rows with broken ones: a per-row report, valid rows applied in one go, invalid rows never half-applied', async () => {
    const rows: string[][] = [['Dernek Adı', 'İlçe', 'Kütük No', 'Vergi No', 'Telefon', 'Kuruluş Tarihi']];
    for (let i = 0; i < 10_000; i++) {
      const broken = i % 1000 === 7;
      rows.push([
        `Toplu ${i} Gençlik Kulübü`,
        broken && i % 2000 === 7 ? 'Atlantis' : 'Mamak',
        `06-${String(100 + (i % 900)).padStart(3, '0')}-${String(Math.floor(i / 900)).padStart(3, '0')}`,
        broken ? '4540536921' : '',
        '0312 555 12 34',
        broken ? '31.02.2020' : '01.02.2020',
      ]);
    }
    const preview = await app.ok<ImportReport>('registry:importPreview', { fileName: 'toplu.csv', contentBase64: csv(rows) });
    expect(preview.totals).toMatchObject({ rows: 10_000, new: 9_990, invalid: 10 });
    const bad = preview.rows.filter((r) => r.outcome === 'invalid');
    expect(bad.map((r) => r.row)).toEqual(Array.from({ length: 10 }, (_, k) => 1000 * k + 9));
    expect(bad[0]!.errors.map((e) => e.field)).toEqual(expect.arrayContaining(['İlçe', 'Vergi kimlik no', 'Kuruluş tarihi']));
    expect(count('associations')).toBe(0);
    const applied = await app.ok<ImportReport>('registry:importApply', { fileName: 'toplu.csv', contentBase64: csv(rows) });
    expect(applied.totals.new).toBe(9_990);
    expect(count('associations')).toBe(9_990);
    // Re-importing the same file is idempotent.
    const again = await app.ok<ImportReport>('registry:importApply', { fileName: 'toplu.csv', contentBase64: csv(rows) });
    expect(again.totals).toMatchObject({ new: 0, unchanged: 9_990, invalid: 10 });
    expect(count('associations')).toBe(9_990);
  }, 120_000);

  it('formulas: xlsx cells use the computed value (with a warning); a name typed as a formula is refused', async () => {
    const content = await xlsx([
      ['Dernek Adı', 'İlçe', 'Üye Sayısı'],
      ['Formüllü Gençlik Kulübü', 'Mamak', { formula: '20+5', result: 25 }],
      ['=HYPERLINK("http://x","y")', 'Mamak', 10],
    ]);
    const report = await app.ok<ImportReport>('registry:importApply', { fileName: 'formul.xlsx', contentBase64: content });
    expect(report.rows[0]).toMatchObject({ outcome: 'new' });
    expect(report.rows[0]!.warnings.map((w) => w.message).join(' ')).toContain('formül');
    expect(report.rows[1]!.outcome).toBe('invalid');
    expect((db().prepare('SELECT member_count AS n FROM associations').get() as { n: number }).n).toBe(25);
  });

  it('duplicates: skip leaves the existing record; update changes only the filled, different fields', async () => {
    await app.ok('registry:importApply', { fileName: 'a.csv', contentBase64: csv([['Dernek Adı', 'İlçe', 'Kütük No', 'Üye Sayısı'], ['Aynı Kulüp', 'Mamak', '06-555-001', '10']]) });
    const changed = csv([['Dernek Adı', 'İlçe', 'Kütük No', 'Üye Sayısı'], ['Aynı Kulüp', 'Mamak', '06-555-001', '44']]);
    expect((await app.ok<ImportReport>('registry:importApply', { fileName: 'b.csv', contentBase64: changed })).totals.duplicateSkip).toBe(1);
    expect((db().prepare('SELECT member_count AS n FROM associations').get() as { n: number }).n).toBe(10);
    expect((await app.ok<ImportReport>('registry:importApply', { fileName: 'b.csv', contentBase64: changed, duplicates: 'update' })).totals.update).toBe(1);
    expect((db().prepare('SELECT member_count AS n FROM associations').get() as { n: number }).n).toBe(44);
  });
});

async function draft(): Promise<AssociationDetail> {
  return app.ok<AssociationDetail>('registry:create', { name: 'Ekli Belgeler Gençlik Kulübü', clubType: 'GENCLIK_KULUBU', districtId: '06-mamak' });
}

describe('attachments', () => {
  const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`).toString('base64');
  const blobs = () => {
    const dir = path.join(app.dataDir, 'files');
    return fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).filter((f) => String(f).length > 10).length : 0;
  };

  it('the same file twice is stored once; on another item it is attached again without a second copy', async () => {
    const a = await draft();
    await app.ok('registry:setDocument', { associationId: a.id, step: 'TESCIL', itemKey: 'petition', received: true });
    const doc = (await app.ok<AssociationDetail>('registry:get', { id: a.id })).documents.find((d) => d.itemKey === 'petition')!;
    await app.ok('registry:attachFile', { associationId: a.id, documentId: doc.id, fileName: 'dilekce.pdf', contentBase64: pdf('aynı') });
    const twice = await app.ok<AssociationDetail>('registry:attachFile', { associationId: a.id, documentId: doc.id, fileName: 'dilekce (1).pdf', contentBase64: pdf('aynı') });
    expect(twice.documents.find((d) => d.itemKey === 'petition')!.attachments).toHaveLength(1);
    await app.ok('registry:attachFile', { associationId: a.id, fileName: 'genel.pdf', contentBase64: pdf('aynı') });
    expect(count('association_attachments')).toBe(2);
    expect(blobs()).toBe(1);
  });

  it('refuses a wrong type (by content, not name) and a file over the limit, naming the limit, and stores nothing', async () => {
    const a = await draft();
    const before = { rows: count('association_attachments'), blobs: blobs() };
    const exe = await app.invoke('registry:attachFile', { associationId: a.id, fileName: 'belge.pdf', contentBase64: Buffer.from('MZ\x90\x00 not a pdf').toString('base64') });
    expect(exe.ok).toBe(false);
    if (!exe.ok) expect(exe.error.message).toContain('İzin verilen türler');
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(21 * 1024 * 1024, 32)]).toString('base64');
    const tooBig = await app.invoke('registry:attachFile', { associationId: a.id, fileName: 'buyuk.pdf', contentBase64: big });
    expect(tooBig.ok).toBe(false);
    if (!tooBig.ok) expect(tooBig.error.message).toMatch(/en fazla 20 MB/);
    expect({ rows: count('association_attachments'), blobs: blobs() }).toEqual(before);
  });
});

describe('personal data (KVKK)', () => {
  it('TC Kimlik No is masked everywhere it is shown; a reveal needs a purpose and is logged', async () => {
    const a = await draft();
    const saved = await app.ok<AssociationDetail>('registry:savePerson', { associationId: a.id, kind: 'YONETIM', membership: 'ASIL', fullName: 'Özlem Işık', tcKimlikNo: '10000000146' });
    const person = saved.people[0]!;
    expect(person.tcMasked).toBe('100******46');
    expect(JSON.stringify(saved)).not.toContain('10000000146');
    expect(JSON.stringify(await app.ok('registry:search', { query: 'ozlem isik' }))).not.toContain('10000000146');
    expect((await app.invoke('registry:revealTc', { personId: person.id, purpose: '' })).ok).toBe(false);
    expect(count('reveal_log')).toBe(0);
    const revealed = await app.ok<{ tcKimlikNo: string }>('registry:revealTc', { personId: person.id, purpose: 'Mükerrer üyelik kontrolü' });
    expect(revealed.tcKimlikNo).toBe('10000000146');
    expect(db().prepare('SELECT person_id, purpose, actor_name FROM reveal_log').all()).toEqual([{ person_id: person.id, purpose: 'Mükerrer üyelik kontrolü', actor_name: 'Deniz Yönetici' }]);
  });

  it('an invalid TC Kimlik No is refused without echoing it back', async () => {
    const a = await draft();
    const envelope = await app.invoke('registry:savePerson', { associationId: a.id, kind: 'YONETIM', fullName: 'Deniz Kaya', tcKimlikNo: '17291716050' });
    expect(envelope.ok).toBe(false);
    expect(JSON.stringify(envelope)).not.toContain('17291716050');
  });

  it('the same person in two associations is found by a keyed hash, not a plain one', async () => {
    const a = await draft();
    const b = await app.ok<AssociationDetail>('registry:create', { name: 'İkinci Gençlik Kulübü', clubType: 'GENCLIK_KULUBU', districtId: '06-mamak' });
    await app.ok('registry:savePerson', { associationId: a.id, kind: 'YONETIM', fullName: 'Ümit Çelik', tcKimlikNo: '17291716060' });
    const second = await app.ok<AssociationDetail>('registry:savePerson', { associationId: b.id, kind: 'DENETIM', fullName: 'Ümit Çelik', tcKimlikNo: '17291716060' });
    expect(second.people[0]!.alsoIn).toEqual([{ associationId: a.id, associationName: 'Ekli Belgeler Gençlik Kulübü' }]);
    const hash = (db().prepare('SELECT tc_hash FROM association_people LIMIT 1').get() as { tc_hash: string }).tc_hash;
    const crypto = await import('node:crypto');
    expect(hash).not.toBe(crypto.createHash('sha256').update('17291716060').digest('hex'));
    expect(hash).toBe(app.ctx.hmac('17291716060'));
  });

  it('printed file summaries carry names and roles but never the TC Kimlik No', async () => {
    const a = await draft();
    await app.ok('registry:savePerson', { associationId: a.id, kind: 'YONETIM', fullName: 'Gül Şahin', tcKimlikNo: '10000000146' });
    const file = await app.ok<{ contentBase64: string; fileName: string }>('registry:document', { id: a.id, kind: 'summary' });
    const pdf = Buffer.from(file.contentBase64, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.includes('10000000146')).toBe(false);
    expect(file.fileName).not.toContain('10000000146');
  });
});
