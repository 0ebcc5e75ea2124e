import type { AssociationDetail } from '../../shared/contract/registry';
import type { LetterheadView } from '../../shared/contract/documents';
import { genitive, headerLines, signatureLines } from '../../shared/documents/letter';
import { authorityName, toLetterhead, toSignatory } from '../../shared/documents/letterhead';
import { formatPhone } from '../../shared/identifiers';
import { ACTIVITY_AREA_LABELS, CLUB_TYPE_LABELS, PERSON_KIND_LABELS, type ActivityArea } from '../../shared/registry/fields';
import { REGISTRATION_ACTIONS, REGISTRATION_STATE_LABELS } from '../../shared/registry/registration';
import { VISA_STATUS_LABELS } from '../../shared/registry/visa';
import { formatDateTr } from '../../shared/turkish';
import { documentHeader, field, heading, issuedBy, keepRoom, letterhead, paragraph, render, table, title, usableWidth, type Doc, type Issuer } from './layout';

// The registry's documents: the registration certificate and the visa confirmation, each issued in the name of
// the unit that decided (the ministry under the default policy, the province when provinces approve) and citing
// that unit's letter, with its signatory; and the file summary, issued by this installation.

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

/** The decision a certificate rests on: who decided, and the letter they decided by. */
export interface Decision {
  authority: LetterheadView;
  letterDate: string | null;
  letterNo: string | null;
}

/** The last counting approval of `kind` (of `year`, for a visa): who approved, by which letter. */
export function approvalStep(a: AssociationDetail, kind: 'REGISTRATION' | 'VISA', year?: number) {
  return [...a.history]
    .reverse()
    .find((h) => h.kind === kind && h.action === 'approve' && !h.verdict && (year === undefined || Number(h.data.year) === year));
}

/** "… tarihli ve … sayılı onayı ile", or nothing when the letter was not recorded. */
function citation(d: Decision): string {
  if (!d.letterDate && !d.letterNo) return '';
  const date = d.letterDate ? `${formatDateTr(d.letterDate)} tarihli` : '';
  const no = d.letterNo ? `${d.letterNo} sayılı` : '';
  return ` ${genitive(authorityName(d.authority))} ${[date, no].filter(Boolean).join(' ve ')} onayı ile`;
}

/** The signatory's block on the right: room to sign and seal above the name, or the authority when none is named. */
function signature(doc: Doc, authority: LetterheadView): void {
  const signatory = toSignatory(authority);
  const lines = signatory ? signatureLines(signatory) : [authorityName(authority)];
  keepRoom(doc, 40 + 50 + lines.length * 16);
  doc.moveDown(2);
  const width = 220;
  const x = doc.page.margins.left + usableWidth(doc) - width;
  doc.fontSize(8.5).fillColor('#888').text('İmza – Mühür', x, doc.y, { width, align: 'center' }).fillColor('black').fontSize(11);
  doc.y += 40;
  for (const line of lines) doc.text(line, x, doc.y, { width, align: 'center' });
  doc.x = doc.page.margins.left;
}

function certificateHeader(doc: Doc, authority: LetterheadView, text: string): void {
  letterhead(doc, headerLines(toLetterhead(authority)));
  title(doc, text);
}

function letterLine(d: Decision): string | null {
  return [d.letterDate ? formatDateTr(d.letterDate) : null, d.letterNo].filter(Boolean).join(' / ') || null;
}

export function registrationCertificate(a: AssociationDetail, decision: Decision, issuer: Issuer): Promise<Buffer> {
  return render(
    `Tescil Belgesi — ${a.name}`,
    (doc) => {
      certificateHeader(doc, decision.authority, 'GENÇLİK KULÜBÜ TESCİL BELGESİ');
      paragraph(
        doc,
        `${a.provinceName} ili ${a.districtName} ilçesinde faaliyet gösteren "${a.name}",${citation(decision)} ` +
          `${formatDateTr(a.registeredOn)} tarihinde ${a.registrationNo ?? ''} numarası ile gençlik kulüpleri siciline tescil edilmiştir.`,
        // Left-aligned: an EBYS sayı is one long word, and justifying around it leaves gaps.
        { align: 'left' },
      );
      doc.moveDown();
      field(doc, 'Tescil numarası', a.registrationNo);
      field(doc, 'Tescil tarihi', formatDateTr(a.registeredOn));
      field(doc, 'Onay yazısı (tarih / sayı)', letterLine(decision));
      field(doc, 'Kulüp türü', CLUB_TYPE_LABELS[a.clubType]);
      field(doc, 'DERBİS kütük no', a.kutukNo);
      field(doc, 'Vergi kimlik no', a.vkn);
      field(doc, 'Adres', [a.neighbourhood, a.street, `${a.districtName}/${a.provinceName}`].filter(Boolean).join(', '));
      field(doc, 'Faaliyet alanları', a.activityAreas.map((k) => ACTIVITY_AREA_LABELS[k as ActivityArea] ?? k).join(', '));
      signature(doc, decision.authority);
    },
    { footer: issuedBy(issuer) },
  );
}

export function visaConfirmation(a: AssociationDetail, year: number, decision: Decision, issuer: Issuer): Promise<Buffer> {
  const application = a.visaApplications.find((v) => v.year === year && v.state === 'ONAY');
  return render(
    `Vize Onayı ${year} — ${a.name}`,
    (doc) => {
      certificateHeader(doc, decision.authority, `${year} YILI VİZE ONAY BELGESİ`);
      paragraph(
        doc,
        `${a.registrationNo ?? ''} tescil numaralı "${a.name}" kulübünün ${year} yılı vize işlemi,${citation(decision)} ` +
          `${formatDateTr(application?.decidedOn)} tarihinde onaylanmıştır.`,
        { align: 'left' },
      );
      doc.moveDown();
      field(doc, 'Tescil numarası', a.registrationNo);
      field(doc, 'Vize yılı', String(year));
      field(doc, 'Başvuru tarihi', formatDateTr(application?.appliedOn));
      field(doc, 'Onay tarihi', formatDateTr(application?.decidedOn));
      field(doc, 'Onay yazısı (tarih / sayı)', letterLine(decision));
      field(doc, 'Başvuru evrakı (tarih / sayı)', [formatDateTr(application?.letterDate), application?.letterNo].filter((v) => v && v !== '—').join(' / ') || null);
      signature(doc, decision.authority);
    },
    { footer: issuedBy(issuer) },
  );
}

export function fileSummary(a: AssociationDetail, issuer: Issuer): Promise<Buffer> {
  return render(
    `Dosya Özeti — ${a.name}`,
    (doc) => {
      documentHeader(doc, issuer, 'DERNEK DOSYA ÖZETİ');
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
      heading(doc, 'Kurullar ve kişiler');
      // Names and roles only: TC Kimlik No never appears on printed summaries (KVKK, DOMAIN.md §9).
      if (a.people.length === 0) doc.text('—');
      else {
        table(
          doc,
          [{ header: 'Ad soyad', width: 3 }, { header: 'Kurul', width: 2.4 }, { header: 'Asil / yedek', width: 1.2 }, { header: 'Görevi', width: 2.4 }],
          a.people.map((p) => [p.fullName, PERSON_KIND_LABELS[p.kind], p.membership ? (p.membership === 'ASIL' ? 'asil' : 'yedek') : null, p.role]),
        );
      }
      heading(doc, 'Tarihçe');
      table(
        doc,
        [{ header: 'Tarih', width: 1.3 }, { header: 'İşlem', width: 3.2 }, { header: 'Evrak (tarih / sayı)', width: 2.8 }, { header: 'Gerekçe', width: 2.7 }],
        [...a.history].reverse().map((h) => {
          const action = (REGISTRATION_ACTIONS as Record<string, { label: string }>)[h.action]?.label ?? HISTORY_LABELS[h.action] ?? h.action;
          const state = h.toState ? ((REGISTRATION_STATE_LABELS as Record<string, string>)[h.toState] ?? h.toState) : '';
          return [formatDateTr(h.at), `${action}${state ? ` → ${state}` : ''}`, [h.letterDate ? formatDateTr(h.letterDate) : null, h.letterNo].filter(Boolean).join(' / ') || null, h.reason];
        }),
        { fontSize: 8.5 },
      );
    },
    { footer: issuedBy(issuer) },
  );
}
