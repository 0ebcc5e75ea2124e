import type { Decision, MeetingDetail, Participant } from '../../shared/contract/meetings';
import type { LetterheadView } from '../../shared/contract/documents';
import { addresseeOf, type Letter, type Rank } from '../../shared/documents/letter';
import { toLetterhead, toSignatory } from '../../shared/documents/letterhead';
import {
  DECISION_STATE_LABELS,
  PARTICIPANT_KIND_LABELS,
  PARTICIPANT_KINDS,
  REQUEST_CATEGORIES,
  REQUEST_CATEGORY_LABELS,
} from '../../shared/meetings/fields';
import { sheetCode, sheetRows } from '../../shared/meetings/sheet';
import { formatDateTr } from '../../shared/turkish';
import { documentHeader, field, heading, issuedBy, paragraph, render, signaturePlaces, table, type Issuer } from './layout';
import { letterPdf, lettersPdf } from './letter';
import { safeFileName } from '../registry/files';
import type { NamedFile } from './archive';

// Printable meeting documents: the invitation letter to the Resmî Yazışma rules (one to every invitee through
// its distribution list, or one per invited organisation for a mail merge), the attendance sheet to be signed
// (hazirun listesi, with row numbers and a code to enter it back), and the minutes (tutanak). Names,
// organisations and titles only: no TC Kimlik No (KVKK).

const SUBJECT = 'İşbirliği ve İstişare Toplantısı';

function when(m: MeetingDetail): string {
  return `${formatDateTr(m.date)} ${m.startTime}–${m.endTime}`;
}

function place(m: MeetingDetail): string {
  return `${m.youthCentreName}, ${m.hall} (${m.provinceName})`;
}

/** An invitee as the distribution list names them: the organisation's office, or the person. */
function recipient(p: Participant): string {
  return p.organisationName ? addresseeOf(p.organisationName) : `Sayın ${p.fullName}`;
}

/** The invited organisations (and people without one), each once, in the sheet's order. */
export function invitedRecipients(m: MeetingDetail): { key: string; addressee: string; people: Participant[] }[] {
  const out = new Map<string, { key: string; addressee: string; people: Participant[] }>();
  for (const p of sheetRows(m.participants)) {
    const key = p.organisationId ?? (p.organisationName ? `name:${p.organisationName.toLocaleLowerCase('tr-TR')}` : `person:${p.id}`);
    const entry = out.get(key) ?? { key, addressee: recipient(p), people: [] };
    entry.people.push(p);
    out.set(key, entry);
  }
  return [...out.values()];
}

/**
 * Public bodies (a university, a municipality, another public office) stand in no line of command with the
 * inviting unit: "arz ederim". Associations, young people and others are outside the administration: "rica ederim".
 */
const PUBLIC_KINDS = new Set(['KAMU_PERSONELI', 'GENCLIK_MERKEZI', 'YEREL_YONETIM', 'UNIVERSITE']);

function rankOf(people: readonly Participant[]): Rank {
  return people.some((p) => PUBLIC_KINDS.has(p.kind)) ? 'equal' : 'outside';
}

/** A letter distributed to public bodies and associations together closes with both verbs. */
function distributedRank(groups: readonly (readonly Participant[])[]): Rank {
  const ranks = new Set(groups.map(rankOf));
  return ranks.size > 1 ? 'mixed' : (ranks.values().next().value ?? 'outside');
}

export interface LetterIssuer extends Issuer {
  letterhead: LetterheadView;
}

/** The invitation as a letter: to one recipient, or to all of them through "Dağıtım". */
export function invitationLetter(m: MeetingDetail, issuer: LetterIssuer, to: { addressee: string; people: Participant[] } | 'all'): Letter {
  const agenda = m.agenda.length ? `Toplantı gündemi: ${m.agenda.map((a) => `${a.position}. ${a.title}`).join('; ')}.` : null;
  const recipients = to === 'all' ? invitedRecipients(m) : [];
  return {
    letterhead: toLetterhead(issuer.letterhead),
    number: m.letterNo && m.letterDate ? { kind: 'recorded', sayi: m.letterNo, date: m.letterDate } : { kind: 'draft' },
    subject: SUBJECT,
    addressee: to === 'all' ? ['DAĞITIM YERLERİNE'] : [to.addressee, ...to.people.map((p) => `(${p.fullName}${p.title ? `, ${p.title}` : ''})`)],
    references: [],
    paragraphs: [
      `Gençlerin sivil toplumla bağını güçlendirmek, ${m.youthCentreName} faaliyetlerini birlikte değerlendirmek ve ` +
        `önerilerinizi almak amacıyla ${formatDateTr(m.date)} tarihinde saat ${m.startTime}–${m.endTime} arasında ` +
        `${m.youthCentreName} ${m.hall} salonunda ${SUBJECT.toLocaleLowerCase('tr-TR')} düzenlenecektir.`,
      ...(agenda ? [agenda] : []),
      'Toplantıya kurumunuzu temsilen katılım sağlanması hususunda',
    ],
    rank: to === 'all' ? distributedRank(recipients.map((r) => r.people)) : rankOf(to.people),
    closing: 'info',
    signatory: toSignatory(issuer.letterhead),
    attachments: [],
    distribution: to === 'all' ? { action: recipients.map((r) => r.addressee), information: [] } : { action: [], information: [] },
  };
}

export function invitationPdf(m: MeetingDetail, issuer: LetterIssuer): Promise<Buffer> {
  return letterPdf(`Davet Yazısı — ${m.youthCentreName} ${formatDateTr(m.date)}`, invitationLetter(m, issuer, 'all'), issuedBy(issuer));
}

/** The mail merge: one letter per invited organisation, in one PDF for printing. */
export function invitationsMergedPdf(m: MeetingDetail, issuer: LetterIssuer): Promise<Buffer> {
  const letters = invitedRecipients(m).map((r) => invitationLetter(m, issuer, r));
  return lettersPdf(`Davet Yazıları — ${m.youthCentreName} ${formatDateTr(m.date)}`, letters, issuedBy(issuer));
}

/**
 * The mail merge as separate files: the same letters as `invitationsMergedPdf`, in the same order, each its own
 * PDF named after the organisation and the meeting date. A person invited without an organisation gets
 * "Davetli kişi n": file names carry no one's name (KVKK), as the app's other file names do not.
 */
export async function invitationFiles(m: MeetingDetail, issuer: LetterIssuer): Promise<NamedFile[]> {
  const recipients = invitedRecipients(m);
  let person = 0;
  const names = uniqueFileNames(
    recipients.map((r) => r.people[0]?.organisationName || `Davetli kişi ${++person}`),
    ` ${formatDateTr(m.date)}.pdf`,
  );
  return Promise.all(
    recipients.map(async (r, i) => ({
      fileName: names[i]!,
      content: await letterPdf(`Davet Yazısı — ${m.youthCentreName} ${formatDateTr(m.date)}`, invitationLetter(m, issuer, r), issuedBy(issuer)),
    })),
  );
}

/**
 * Safe, distinct file names: two organisations of the same name get "Ad (2)". Names are compared as Windows and
 * macOS compare them, without case, and with the dotted and dotless i taken as one letter.
 */
export function uniqueFileNames(stems: string[], suffix: string): string[] {
  const taken = new Set<string>();
  const fold = (name: string) => name.normalize('NFC').toLocaleLowerCase('tr-TR').replace(/ı/g, 'i').toLowerCase();
  return stems.map((stem) => {
    const safe = safeFileName(stem);
    for (let n = 1; ; n++) {
      const name = `${safe}${n > 1 ? ` (${n})` : ''}${suffix}`;
      if (taken.has(fold(name))) continue;
      taken.add(fold(name));
      return name;
    }
  });
}

/** The sheet's code for the meeting as it stands (printed on the sheet; checked when the sheet is entered). */
export function attendanceSheetCode(m: MeetingDetail): string {
  return sheetCode(m.id, sheetRows(m.participants));
}

export function attendanceSheetPdf(m: MeetingDetail, issuer: Issuer, blankRows = 8): Promise<Buffer> {
  return render(
    `Hazirun Listesi — ${m.youthCentreName} ${formatDateTr(m.date)}`,
    (doc) => {
      documentHeader(doc, issuer, 'HAZİRUN LİSTESİ');
      field(doc, 'Toplantı', SUBJECT);
      field(doc, 'Tarih / saat', when(m));
      field(doc, 'Yer', place(m));
      field(doc, 'Liste kodu', attendanceSheetCode(m));
      doc.fontSize(8.5).fillColor('#555').text('Katılım, toplantıdan sonra bu kod ve imzalı satırların numaralarıyla Köprü’ye girilir. Elle eklenen satırlar ayrıca kaydedilir.');
      doc.fillColor('black').fontSize(11).moveDown(0.6);
      const rows = sheetRows(m.participants);
      table(
        doc,
        [{ header: 'No', width: 0.55, align: 'right' }, { header: 'Adı Soyadı', width: 2.4 }, { header: 'Kurumu', width: 3 }, { header: 'Unvanı', width: 1.8 }, { header: 'İmza', width: 1.6 }],
        [
          ...rows.map((p, i) => [i + 1, p.fullName, p.organisationName ?? '', p.title ?? '', '']),
          ...Array.from({ length: blankRows }, () => ['', '', '', '', '']),
        ],
        { grid: true, minRowHeight: 26, fontSize: 9 },
      );
    },
    { footer: `${issuedBy(issuer)} · Liste kodu ${attendanceSheetCode(m)}` },
  );
}

function decisionLine(d: Decision): string {
  const who = d.responsible ? ` Sorumlu: ${d.responsible}.` : '';
  const due = d.dueOn ? ` Son tarih: ${formatDateTr(d.dueOn)}.` : '';
  return `Karar ${d.code}: ${d.text}${who}${due}`;
}

export function minutesPdf(m: MeetingDetail, issuer: Issuer): Promise<Buffer> {
  return render(
    `Toplantı Tutanağı — ${m.youthCentreName} ${formatDateTr(m.date)}`,
    (doc) => {
      documentHeader(doc, issuer, `${SUBJECT.toLocaleUpperCase('tr-TR')} TUTANAĞI`);
      field(doc, 'Dönem', `${m.termYear}/${m.termNo}`);
      field(doc, 'Tarih / saat', when(m));
      field(doc, 'Yer', place(m));
      field(doc, 'Toplantı başkanı', m.chair);
      field(doc, 'Raportör', m.rapporteur);

      const attendees = m.participants.filter((p) => p.attended);
      heading(doc, `Katılımcılar (${attendees.length} kişi)`);
      for (const kind of PARTICIPANT_KINDS) {
        const group = attendees.filter((p) => p.kind === kind);
        if (!group.length) continue;
        heading(doc, `${PARTICIPANT_KIND_LABELS[kind]} (${group.length})`, 16, 10.5);
        for (const p of group) paragraph(doc, `• ${p.fullName}${p.title ? `, ${p.title}` : ''}${p.organisationName ? ` — ${p.organisationName}` : ''}`, { indent: 12 });
      }
      if (!attendees.length) doc.text('—');

      if (m.minutes) {
        heading(doc, 'Genel değerlendirme');
        paragraph(doc, m.minutes, { align: 'justify' });
      }

      heading(doc, 'Gündem ve görüşmeler');
      for (const a of m.agenda) {
        heading(doc, `${a.position}. ${a.title}`, 16, 10.5);
        paragraph(doc, a.minutes ?? '—', { indent: 12, align: 'justify' });
      }
      if (!m.agenda.length) doc.text('—');

      heading(doc, 'Önceki kararların takibi');
      for (const d of m.earlierOpenDecisions) {
        paragraph(doc, `${decisionLine(d)} Durum: ${DECISION_STATE_LABELS[d.state]}${d.stateNote ? ` (${d.stateNote})` : ''}.`);
      }
      if (!m.earlierOpenDecisions.length) doc.text('Takip edilecek önceki karar yok.');

      heading(doc, 'STK talep ve önerileri');
      for (const category of REQUEST_CATEGORIES) {
        const group = m.requests.filter((r) => r.category === category);
        if (!group.length) continue;
        heading(doc, `${REQUEST_CATEGORY_LABELS[category]} (${group.length})`, 16, 10.5);
        for (const r of group) paragraph(doc, `• ${r.text}${r.organisationName ? ` (${r.organisationName})` : ''}`, { indent: 12 });
      }
      if (!m.requests.length) doc.text('—');

      heading(doc, 'Alınan kararlar');
      for (const d of m.decisions) paragraph(doc, decisionLine(d));
      if (!m.decisions.length) doc.text('—');

      signaturePlaces(doc, [
        { title: 'Toplantı Başkanı', name: m.chair },
        { title: 'Raportör', name: m.rapporteur },
      ]);
    },
    { footer: issuedBy(issuer) },
  );
}
