import type { Decision, MeetingDetail } from '../../shared/contract/meetings';
import {
  DECISION_STATE_LABELS,
  PARTICIPANT_KIND_LABELS,
  PARTICIPANT_KINDS,
  REQUEST_CATEGORIES,
  REQUEST_CATEGORY_LABELS,
} from '../../shared/meetings/fields';
import { formatDateTr } from '../../shared/turkish';
import { field, footer, header, render, type Issuer } from '../registry/pdf';

// Printable meeting documents: the invitation letter (with the invitee list), the attendance sheet to be
// signed (hazirun listesi) and the minutes (tutanak). Letterhead, fonts and footer come from the registry's
// PDF helpers (DejaVu Sans embedded, so Turkish letters print everywhere). Names, organisations and titles
// only: no TC Kimlik No (KVKK).

const SUBJECT = 'İşbirliği ve İstişare Toplantısı';

function when(m: MeetingDetail): string {
  return `${formatDateTr(m.date)} ${m.startTime}–${m.endTime}`;
}

function place(m: MeetingDetail): string {
  return `${m.youthCentreName}, ${m.hall} (${m.provinceName})`;
}

function heading(doc: PDFKit.PDFDocument, text: string) {
  doc.moveDown(0.8);
  doc.font('bold').fontSize(12).text(text);
  doc.font('body').fontSize(11);
}

function letterhead(doc: PDFKit.PDFDocument, issuer: Issuer) {
  doc.font('bold').fontSize(11).text('T.C.', { align: 'center' });
  doc.text(issuer.unitName.toLocaleUpperCase('tr-TR'), { align: 'center' });
  doc.moveDown(1.5);
  doc.font('body').fontSize(11);
}

export function invitationPdf(m: MeetingDetail, issuer: Issuer): Promise<Buffer> {
  return render(`Davet Yazısı — ${m.youthCentreName} ${formatDateTr(m.date)}`, (doc) => {
    letterhead(doc, issuer);
    const top = doc.y;
    doc.text(`Sayı: ${m.letterNo ?? '…'}`, 56, top);
    doc.text(`Tarih: ${formatDateTr(m.letterDate ?? issuer.today)}`, 56, top, { align: 'right' });
    doc.text(`Konu: ${SUBJECT}`, 56);
    doc.moveDown(1.5);
    doc.text(
      `Gençlerin sivil toplumla bağını güçlendirmek, gençlik merkezimizin faaliyetlerini birlikte değerlendirmek ve ` +
        `önerilerinizi almak amacıyla ${formatDateTr(m.date)} tarihinde saat ${m.startTime}–${m.endTime} arasında ` +
        `${SUBJECT.toLocaleLowerCase('tr-TR')} düzenlenecektir. Toplantı yeri: ${m.youthCentreName}, ${m.hall}.`,
      { align: 'justify' },
    );
    doc.moveDown();
    if (m.agenda.length) {
      doc.text('Toplantı gündemi:');
      for (const a of m.agenda) doc.text(`${a.position}. ${a.title}`, { indent: 18 });
      doc.moveDown();
    }
    doc.text('Toplantıya katılımınızı rica ederim.', { align: 'justify' });
    doc.moveDown(2);
    doc.text(m.chair ?? issuer.unitName, { align: 'right' });
    doc.text('İmza', { align: 'right' });
    const invitees = m.participants.filter((p) => p.invited);
    heading(doc, `Dağıtım (davetliler, ${invitees.length} kişi)`);
    invitees.forEach((p, i) => doc.text(`${i + 1}. ${p.fullName}${p.title ? `, ${p.title}` : ''}${p.organisationName ? ` — ${p.organisationName}` : ''}`));
    if (!invitees.length) doc.text('—');
    footer(doc, issuer);
  });
}

const SHEET_COLUMNS = [
  { title: 'S.No', width: 32 },
  { title: 'Adı Soyadı', width: 130 },
  { title: 'Kurumu', width: 150 },
  { title: 'Unvanı', width: 95 },
  { title: 'İmza', width: 76 },
];

export function attendanceSheetPdf(m: MeetingDetail, issuer: Issuer, blankRows = 10): Promise<Buffer> {
  return render(`Hazirun Listesi — ${m.youthCentreName} ${formatDateTr(m.date)}`, (doc) => {
    header(doc, issuer, 'HAZİRUN LİSTESİ');
    field(doc, 'Toplantı', SUBJECT);
    field(doc, 'Tarih / saat', when(m));
    field(doc, 'Yer', place(m));
    doc.moveDown();
    const left = 56;
    const rowHeight = 26;
    const drawRow = (cells: string[], bold = false) => {
      if (doc.y + rowHeight > doc.page.height - 56) doc.addPage();
      const y = doc.y;
      let x = left;
      doc.font(bold ? 'bold' : 'body').fontSize(9);
      SHEET_COLUMNS.forEach((c, i) => {
        doc.rect(x, y, c.width, rowHeight).stroke();
        doc.text(cells[i] ?? '', x + 3, y + 4, { width: c.width - 6, height: rowHeight - 6, ellipsis: true });
        x += c.width;
      });
      doc.x = left;
      doc.y = y + rowHeight;
    };
    drawRow(SHEET_COLUMNS.map((c) => c.title), true);
    const people = m.participants.filter((p) => p.invited || p.attended);
    people.forEach((p, i) => drawRow([String(i + 1), p.fullName, p.organisationName ?? '', p.title ?? '', '']));
    for (let i = 0; i < blankRows; i++) drawRow([String(people.length + i + 1), '', '', '', '']);
    doc.font('body').fontSize(11);
    footer(doc, issuer);
  });
}

function decisionLine(d: Decision): string {
  const who = d.responsible ? ` Sorumlu: ${d.responsible}.` : '';
  const due = d.dueOn ? ` Son tarih: ${formatDateTr(d.dueOn)}.` : '';
  return `Karar ${d.code}: ${d.text}${who}${due}`;
}

export function minutesPdf(m: MeetingDetail, issuer: Issuer): Promise<Buffer> {
  return render(`Toplantı Tutanağı — ${m.youthCentreName} ${formatDateTr(m.date)}`, (doc) => {
    header(doc, issuer, `${SUBJECT.toLocaleUpperCase('tr-TR')} TUTANAĞI`);
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
      doc.font('bold').text(`${PARTICIPANT_KIND_LABELS[kind]} (${group.length})`).font('body');
      for (const p of group) doc.text(`• ${p.fullName}${p.title ? `, ${p.title}` : ''}${p.organisationName ? ` — ${p.organisationName}` : ''}`, { indent: 12 });
    }
    if (!attendees.length) doc.text('—');

    if (m.minutes) {
      heading(doc, 'Genel değerlendirme');
      doc.text(m.minutes, { align: 'justify' });
    }

    heading(doc, 'Gündem ve görüşmeler');
    for (const a of m.agenda) {
      doc.font('bold').text(`${a.position}. ${a.title}`).font('body');
      doc.text(a.minutes ?? '—', { indent: 12, align: 'justify' });
    }
    if (!m.agenda.length) doc.text('—');

    heading(doc, 'Önceki kararların takibi');
    for (const d of m.earlierOpenDecisions) {
      doc.text(`${decisionLine(d)} Durum: ${DECISION_STATE_LABELS[d.state]}${d.stateNote ? ` (${d.stateNote})` : ''}.`);
    }
    if (!m.earlierOpenDecisions.length) doc.text('Takip edilecek önceki karar yok.');

    heading(doc, 'STK talep ve önerileri');
    for (const category of REQUEST_CATEGORIES) {
      const group = m.requests.filter((r) => r.category === category);
      if (!group.length) continue;
      doc.font('bold').text(`${REQUEST_CATEGORY_LABELS[category]} (${group.length})`).font('body');
      for (const r of group) doc.text(`• ${r.text}${r.organisationName ? ` (${r.organisationName})` : ''}`, { indent: 12 });
    }
    if (!m.requests.length) doc.text('—');

    heading(doc, 'Alınan kararlar');
    for (const d of m.decisions) doc.text(decisionLine(d));
    if (!m.decisions.length) doc.text('—');

    doc.moveDown(3);
    const y = doc.y;
    doc.text('Toplantı Başkanı', 56, y, { width: 200, align: 'center' });
    doc.text('Raportör', doc.page.width - 256, y, { width: 200, align: 'center' });
    const y2 = doc.y;
    doc.text(m.chair ?? '', 56, y2, { width: 200, align: 'center' });
    doc.text(m.rapporteur ?? '', doc.page.width - 256, y2, { width: 200, align: 'center' });
    const y3 = doc.y + 20;
    doc.text('İmza', 56, y3, { width: 200, align: 'center' });
    doc.text('İmza', doc.page.width - 256, y3, { width: 200, align: 'center' });
    doc.x = 56;
    footer(doc, issuer);
  });
}
