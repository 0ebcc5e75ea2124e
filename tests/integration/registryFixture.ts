import type { AssociationDetail } from '../../shared/contract/registry';
import type { TestApp } from '../support/app';
import { sqlite } from './helpers';

// Builds registry records through the real channels, for the foundation suites that must cover every
// channel of the contract (change log, roles, output shapes). Registry behaviour itself is tested elsewhere.

let counter = 0;
const next = () => ++counter;

/** A draft association in Çankaya (the province installation's own province must be 06). */
export async function createAssociation(app: TestApp, extra: Record<string, unknown> = {}): Promise<AssociationDetail> {
  const n = next();
  return app.ok<AssociationDetail>('registry:create', {
    name: `Deneme ${n} Gençlik ve Spor Kulübü Derneği`,
    clubType: 'GENCLIK_VE_SPOR_KULUBU',
    districtId: '06-cankaya',
    ...extra,
  });
}

export function csvBase64(rows: string[][]): string {
  return Buffer.from(rows.map((r) => r.join(';')).join('\r\n') + '\r\n', 'utf8').toString('base64');
}

/** An association already registered (TESCİLLİ since 2020), as a province brings in its existing registry. */
export async function importRegistered(app: TestApp): Promise<string> {
  const n = next();
  const name = `Kayıtlı ${n} Gençlik Kulübü Derneği`;
  const report = await app.ok<{ totals: { new: number } }>('registry:importApply', {
    fileName: `kayit-${n}.csv`,
    contentBase64: csvBase64([
      ['Dernek adı', 'İlçe', 'GSB tescil no', 'Tescil tarihi'],
      [name, 'Çankaya', `GSB-06-2020-${String(1000 + n).padStart(4, '0')}`, '15.03.2020'],
    ]),
  });
  if (report.totals.new !== 1) throw new Error(`import did not create the association: ${JSON.stringify(report)}`);
  const row = sqlite(app).prepare('SELECT id FROM associations WHERE name = ?').get(name) as { id: string };
  return row.id;
}

/** A tiny but real PDF (recognised by its first bytes). */
export function pdfBase64(text = 'Köprü test'): string {
  return Buffer.from(`%PDF-1.4\n% ${text} ${next()}\n%%EOF\n`, 'utf8').toString('base64');
}

export async function attachPdf(app: TestApp, associationId: string): Promise<string> {
  await app.ok('registry:attachFile', { associationId, fileName: 'dilekce.pdf', contentBase64: pdfBase64() });
  const row = sqlite(app)
    .prepare('SELECT id FROM association_attachments WHERE association_id = ? AND deleted_at IS NULL ORDER BY created_at DESC, id DESC')
    .get(associationId) as { id: string };
  return row.id;
}

export async function addPerson(app: TestApp, associationId: string, extra: Record<string, unknown> = {}): Promise<string> {
  const fullName = `Ayşe Yılmaz ${next()}`;
  const detail = await app.ok<AssociationDetail>('registry:savePerson', {
    associationId,
    kind: 'YONETIM',
    membership: 'ASIL',
    role: 'Başkan',
    fullName,
    tcKimlikNo: '10000000146',
    ...extra,
  });
  return detail.people.find((p) => p.fullName === fullName)!.id;
}

export const LETTER = { letterDate: '2026-01-10', letterNo: 'E-12345' };
