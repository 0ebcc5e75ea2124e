import { createRequire } from 'node:module';
import type { AssociationDetail } from '../../shared/contract/registry';
import { formatPhone } from '../../shared/identifiers';
import { ACTIVITY_AREA_LABELS, CLUB_TYPE_LABELS, PERSON_KIND_LABELS, type ActivityArea } from '../../shared/registry/fields';
import { REGISTRATION_ACTIONS, REGISTRATION_STATE_LABELS } from '../../shared/registry/registration';
import { VISA_STATUS_LABELS } from '../../shared/registry/visa';
import { formatDateTr } from '../../shared/turkish';
import { loadPdfKit } from '../app/heavy';

// Printable documents. PDF's built-in fonts lack ğ, ş, ı, İ, so DejaVu Sans (shipped as an npm package)
// is embedded: Turkish text prints correctly on any machine, offline.

// Not named `require`: the bundled main process declares its own `require` at the top of the same scope.
const resolveFrom = createRequire(import.meta.url);
const FONT = resolveFrom.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = resolveFrom.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

/** Labels for history steps that are not registration actions. */
const HISTORY_LABELS: Record<string, string> = {
  create: 'Kayıt oluşturuldu',
  import: 'Tablodan aktarıldı',
  inheritRegistration: 'Nakil ile devralındı',
  apply: 'Vize başvurusu',
  startReview: 'Vize incelemesi',
  markMissing: 'Eksik evrak',
  resubmit: 'Evrak tamamlandı',
  request: 'Nakil talebi',
  senderApprove: 'Gönderen il onayı',
  accept: 'Alıcı il kabulü',
  cancel: 'İptal',
  changeClubType: 'Statü değişikliği',
};

export interface Issuer {
  unitName: string;
  today: string;
}

export async function render(title: string, draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const PDFDocument = await loadPdfKit();
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: title, Author: 'Köprü — Gençlik ve Spor Bakanlığı', Creator: 'Köprü' } });
  doc.registerFont('body', FONT);
  doc.registerFont('bold', FONT_BOLD);
  doc.font('body');
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  draw(doc);
  doc.end();
  return done;
}

export function header(doc: PDFKit.PDFDocument, issuer: Issuer, title: string) {
  doc.font('bold').fontSize(11).text('T.C.', { align: 'center' });
  doc.text('GENÇLİK VE SPOR BAKANLIĞI', { align: 'center' });
  doc.font('body').fontSize(10).text(issuer.unitName, { align: 'center' });
  doc.moveDown(1.5);
  doc.font('bold').fontSize(16).text(title, { align: 'center' });
  doc.moveDown(1.5);
  doc.font('body').fontSize(11);
}

export function field(doc: PDFKit.PDFDocument, label: string, value: string | null | undefined) {
  doc.font('bold').text(`${label}: `, { continued: true }).font('body').text(value && value.length ? value : '—');
}

export function footer(doc: PDFKit.PDFDocument, issuer: Issuer) {
  doc.moveDown(2);
  doc.fontSize(9).fillColor('#555').text(`Düzenlenme tarihi: ${formatDateTr(issuer.today)} · Köprü ile üretilmiştir.`, { align: 'right' });
  doc.fillColor('black').fontSize(11);
}

export function registrationCertificate(a: AssociationDetail, issuer: Issuer): Promise<Buffer> {
  return render(`Tescil Belgesi — ${a.name}`, (doc) => {
    header(doc, issuer, 'GENÇLİK KULÜBÜ TESCİL BELGESİ');
    doc.text(
      `${a.provinceName} ili ${a.districtName} ilçesinde faaliyet gösteren "${a.name}", Bakanlığımız gençlik kulüpleri siciline ` +
        `${formatDateTr(a.registeredOn)} tarihinde ${a.registrationNo ?? ''} numarası ile tescil edilmiştir.`,
      { align: 'left' },
    );
    doc.moveDown();
    field(doc, 'Tescil numarası', a.registrationNo);
    field(doc, 'Tescil tarihi', formatDateTr(a.registeredOn));
    field(doc, 'Kulüp türü', CLUB_TYPE_LABELS[a.clubType]);
    field(doc, 'DERBİS kütük no', a.kutukNo);
    field(doc, 'Vergi kimlik no', a.vkn);
    field(doc, 'Adres', [a.neighbourhood, a.street, `${a.districtName}/${a.provinceName}`].filter(Boolean).join(', '));
    field(doc, 'Faaliyet alanları', a.activityAreas.map((k) => ACTIVITY_AREA_LABELS[k as ActivityArea] ?? k).join(', '));
    footer(doc, issuer);
    doc.moveDown(3);
    doc.text('İmza / Mühür', { align: 'right' });
  });
}

export function visaConfirmation(a: AssociationDetail, year: number, issuer: Issuer): Promise<Buffer> {
  const application = a.visaApplications.find((v) => v.year === year && v.state === 'ONAY');
  return render(`Vize Onayı ${year} — ${a.name}`, (doc) => {
    header(doc, issuer, `${year} YILI VİZE ONAY BELGESİ`);
    doc.text(
      `${a.registrationNo ?? ''} tescil numaralı "${a.name}" kulübünün ${year} yılı vize işlemi ` +
        `${formatDateTr(application?.decidedOn)} tarihinde onaylanmıştır.`,
      { align: 'left' },
    );
    doc.moveDown();
    field(doc, 'Tescil numarası', a.registrationNo);
    field(doc, 'Vize yılı', String(year));
    field(doc, 'Başvuru tarihi', formatDateTr(application?.appliedOn));
    field(doc, 'Onay tarihi', formatDateTr(application?.decidedOn));
    field(doc, 'Evrak tarihi / sayısı', [formatDateTr(application?.letterDate), application?.letterNo].filter(Boolean).join(' / '));
    footer(doc, issuer);
  });
}

export function fileSummary(a: AssociationDetail, issuer: Issuer): Promise<Buffer> {
  return render(`Dosya Özeti — ${a.name}`, (doc) => {
    header(doc, issuer, 'DERNEK DOSYA ÖZETİ');
    field(doc, 'Dernek adı', a.name);
    field(doc, 'Kısa ad', a.shortName);
    field(doc, 'Durum', REGISTRATION_STATE_LABELS[a.status]);
    field(doc, 'Vize durumu', VISA_STATUS_LABELS[a.visaStatus]);
    field(doc, 'Tescil numarası / tarihi', [a.registrationNo, formatDateTr(a.registeredOn)].filter(Boolean).join(' / '));
    field(doc, 'Kulüp türü', CLUB_TYPE_LABELS[a.clubType]);
    field(doc, 'DERBİS kütük no', a.kutukNo);
    field(doc, 'Vergi kimlik no / dairesi', [a.vkn, a.taxOffice].filter(Boolean).join(' / '));
    field(doc, 'Kuruluş tarihi', formatDateTr(a.foundedOn));
    field(doc, 'İl / ilçe', `${a.provinceName} / ${a.districtName}`);
    field(doc, 'Telefon', formatPhone(a.phone));
    field(doc, 'E-posta', a.email);
    field(doc, 'Üye sayısı', a.memberCount === null ? null : String(a.memberCount));
    doc.moveDown();
    doc.font('bold').text('Kurullar ve kişiler');
    doc.font('body');
    // Names and roles only: TC Kimlik No never appears on printed summaries (KVKK, DOMAIN.md §9).
    for (const p of a.people) {
      doc.text(`• ${p.fullName} — ${PERSON_KIND_LABELS[p.kind]}${p.membership ? ` (${p.membership === 'ASIL' ? 'asil' : 'yedek'})` : ''}${p.role ? `, ${p.role}` : ''}`);
    }
    if (a.people.length === 0) doc.text('—');
    doc.moveDown();
    doc.font('bold').text('Tarihçe');
    doc.font('body').fontSize(10);
    for (const h of [...a.history].reverse()) {
      const letter = h.letterNo ? ` (evrak ${formatDateTr(h.letterDate)} / ${h.letterNo})` : '';
      const action = (REGISTRATION_ACTIONS as Record<string, { label: string }>)[h.action]?.label ?? HISTORY_LABELS[h.action] ?? h.action;
      const state = h.toState ? ((REGISTRATION_STATE_LABELS as Record<string, string>)[h.toState] ?? h.toState) : '';
      doc.text(`${formatDateTr(h.at)} — ${action}${state ? ` → ${state}` : ''}${letter}${h.reason ? `: ${h.reason}` : ''}`);
    }
    footer(doc, issuer);
  });
}
