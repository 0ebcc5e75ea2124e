import type { ExchangeFileRef, LostFileReport, PersonRecord, PersonReport } from '../../shared/contract/privacy';
import {
  ANSWER_DAYS, BREACH_HOURS, CARRIED_RULE, formatDateTimeTr, PERSON_CATEGORIES, PERSON_CATEGORY_LABELS, PERSON_FIELD_LABELS, type PersonField,
} from '../../shared/privacy/personReport';
import { formatDateTr } from '../../shared/turkish';
import { documentHeader, issuedBy, render, type Issuer } from './layout';

// The person report (for a data subject's request) and the lost-file report (for a breach notification) as
// Turkish documents: who produced them and when, the legal deadline, then the records. TC numbers appear only
// masked; the lost-file report names fields, never values.

type Doc = PDFKit.PDFDocument;

const GREY = '#555';
const label = (key: string) => PERSON_FIELD_LABELS[key as PersonField]?.tr ?? key;

function width(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/** Starts a new page when less than `room` points are left. */
function keepRoom(doc: Doc, room: number): void {
  if (doc.y + room > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function meta(doc: Doc, lines: [string, string][]): void {
  const left = doc.page.margins.left;
  doc.fontSize(9.5);
  for (const [name, value] of lines) {
    doc.font('bold').text(`${name}: `, left, doc.y, { continued: true, width: width(doc) }).font('body').text(value || '—');
  }
  doc.fontSize(10.5);
}

function note(doc: Doc, text: string): void {
  const left = doc.page.margins.left;
  const w = width(doc);
  doc.fontSize(9);
  const h = doc.heightOfString(text, { width: w - 16 }) + 12;
  keepRoom(doc, h + 4);
  const y = doc.y;
  doc.rect(left, y, w, h).fillAndStroke('#f3f4f6', '#d1d5db');
  doc.fillColor('black').text(text, left + 8, y + 6, { width: w - 16 });
  doc.x = left;
  doc.y = y + h + 6;
  doc.fontSize(10.5);
}

/** Room for the rule's heading and text (kept on one page), and the footer line after it. */
function ruleHeight(doc: Doc): number {
  doc.font('body').fontSize(8.5);
  const h = doc.heightOfString(CARRIED_RULE.tr, { width: width(doc), align: 'justify' }) + 50;
  doc.fontSize(10.5);
  return h;
}

function installationLines(report: { installation: { unitName: string; nodeId: string }; generatedAt: string }): [string, string][] {
  return [
    ['Raporu üreten kurulum', `${report.installation.unitName} (kurulum kimliği ${report.installation.nodeId})`],
    ['Üretildiği zaman', formatDateTimeTr(report.generatedAt)],
  ];
}

const fileLine = (f: ExchangeFileRef): string =>
  `${f.fileName} (${formatDateTimeTr(f.at)}${f.peerName ? `, ${f.direction === 'export' ? 'alıcı' : 'gönderen'}: ${f.peerName}` : ''}${
    f.direction === 'export' ? (f.receivedAt ? `, alındı: ${formatDateTr(f.receivedAt)}` : ', alındısı gelmedi') : ''
  })`;

function contextText(r: PersonRecord): string {
  if (!r.context) return '';
  const kind = { association: 'Dernek', meeting: 'Toplantı', organisation: 'Kurum', workshop: 'Çalıştay' }[r.context.kind];
  return `${kind}: ${r.context.name}${r.context.date ? `, ${formatDateTr(r.context.date)}` : ''}`;
}

function recordBlock(doc: Doc, r: PersonRecord, index: number): void {
  const left = doc.page.margins.left;
  const w = width(doc);
  keepRoom(doc, 110);
  doc.moveDown(0.6);
  doc.font('bold').fontSize(11).text(`${index}. ${PERSON_CATEGORY_LABELS[r.category].tr}`, left, doc.y, { width: w });
  doc.font('body').fontSize(10).text(contextText(r), { width: w });
  const status = [
    `kayıt tarihi ${formatDateTr(r.createdAt)}`,
    `son değişiklik ${formatDateTr(r.updatedAt)}`,
    r.removedAt ? `kayıttan çıkarıldı ${formatDateTr(r.removedAt)}` : null,
    r.erasurePending ? 'TC Kimlik No ve iletişim bilgileri silinmek üzere' : null,
    r.matchedBy === 'name' ? 'adıyla bulundu (aynı adı taşıyan başka biri olabilir)' : 'TC Kimlik No ile bulundu',
  ].filter(Boolean);
  doc.fontSize(9).fillColor(GREY).text(status.join(' · '), { width: w });
  doc.fillColor('black').fontSize(10);
  doc.moveDown(0.3);
  for (const f of r.fields) {
    doc.font('bold').text(`${label(f.key)}: `, left + 10, doc.y, { continued: true, width: w - 10 }).font('body').text(f.value);
  }
  doc.x = left;
  doc.moveDown(0.3);
  doc.fontSize(9.5).font('bold').text('Nereden geldi', left, doc.y, { width: w }).font('body');
  for (const o of r.origins) {
    const span = o.firstAt.slice(0, 10) === o.lastAt.slice(0, 10) ? formatDateTr(o.firstAt) : `${formatDateTr(o.firstAt)} – ${formatDateTr(o.lastAt)}`;
    const via = o.own ? 'bu kurulumda yazıldı' : o.broughtBy.length ? `muhtemelen şu dosyayla geldi: ${o.broughtBy.map(fileLine).join('; ')}` : 'hangi dosyayla geldiği defterde yok';
    doc.text(`• ${o.unitName}: ${o.changes} değişiklik, ${span}; ${via}`, left + 10, doc.y, { width: w - 10 });
  }
  doc.font('bold').text('Nereye gitti (muhtemelen)', left, doc.y, { width: w }).font('body');
  if (r.sentIn.length === 0) doc.text('• Bu kurulumdan hiçbir değişim dosyasıyla gönderilmedi.', left + 10, doc.y, { width: w - 10 });
  for (const s of r.sentIn) {
    doc.text(`• ${fileLine(s)}: ${s.fields.length ? s.fields.map(label).join(', ') : 'kayıt bilgisi'}`, left + 10, doc.y, { width: w - 10 });
  }
  if (r.reveals.length) {
    doc.font('bold').text('TC Kimlik No görüntülemeleri', left, doc.y, { width: w }).font('body');
    for (const v of r.reveals) doc.text(`• ${formatDateTimeTr(v.at)}${v.actorName ? `, ${v.actorName}` : ''}: ${v.purpose}`, left + 10, doc.y, { width: w - 10 });
  }
  if (r.destructions.length) {
    doc.font('bold').text('İmha kayıtları', left, doc.y, { width: w }).font('body');
    for (const d of r.destructions) doc.text(`• ${formatDateTimeTr(d.at)}: ${d.reason}${d.source ? ` (${d.source})` : ''}`, left + 10, doc.y, { width: w - 10 });
  }
  doc.x = left;
  doc.fontSize(10.5);
}

export function personReportPdf(report: PersonReport, issuer: Issuer): Promise<Buffer> {
  return render('Kişi raporu', (doc) => {
    documentHeader(doc, issuer, 'KİŞİSEL VERİ BAŞVURUSU — KİŞİ RAPORU');
    const searched = [report.query.fullName ? `ad soyad "${report.query.fullName}"` : null, report.query.tcMasked ? `TC Kimlik No ${report.query.tcMasked}` : null].filter(Boolean);
    meta(doc, [
      ...installationLines(report),
      ['Aranan kişi', searched.join(', ')],
      ...(report.requestedOn ? ([['Başvuru tarihi', formatDateTr(report.requestedOn)], ['Son cevap tarihi', formatDateTr(report.dueOn)]] as [string, string][]) : []),
    ]);
    doc.moveDown(0.5);
    note(
      doc,
      `KVKK m. 11 uyarınca yapılan başvuru, veri sorumlusuna ulaştığı tarihten itibaren en geç ${ANSWER_DAYS} gün içinde ücretsiz sonuçlandırılır (KVKK m. 13/2). ` +
        'Bu rapor, yalnızca raporu üreten kurulumun kendi veritabanında tutulanları gösterir; TC Kimlik No maskelidir. ' +
        'Düzeltme ve silme, kaydın kendi ekranından olağan yoldan yapılır.',
    );
    if (!report.found) {
      doc.moveDown(0.8);
      doc.font('bold').fontSize(13).text('Bu kurulumda bu kişiye ait kayıt yok.', { align: 'center' });
      doc.font('body').fontSize(10).moveDown(0.5);
      doc.text(
        'Aranan kayıtlar: dernek yönetim ve denetim kurulu üyeleri, gençlik liderleri, eğitmenler ve yetkili kişiler; toplantı davetlileri ve katılımcıları; ' +
          'kurum temsilcileri ve irtibat kişileri ile önceki kurumları; çalıştay katılımcıları; TC Kimlik No görüntüleme ve imha kayıtları.',
        { align: 'left' },
      );
    } else {
      const counts = PERSON_CATEGORIES.map((c) => [c, report.records.filter((r) => r.category === c).length] as const).filter(([, n]) => n > 0);
      doc.moveDown(0.3);
      doc.font('bold').fontSize(10.5).text(`Bu kurulumda ${report.records.length} kayıt bulundu: `, { continued: true });
      doc.font('body').text(counts.map(([c, n]) => `${n} ${PERSON_CATEGORY_LABELS[c].tr.toLocaleLowerCase('tr-TR')}`).join(', '));
      report.records.forEach((r, i) => recordBlock(doc, r, i + 1));
      doc.moveDown(0.8);
      keepRoom(doc, ruleHeight(doc));
      doc.font('bold').fontSize(9.5).text('"Nereye gitti" bilgisi nasıl çıkarıldı', { width: width(doc) });
      doc.font('body').fontSize(8.5).fillColor(GREY).text(CARRIED_RULE.tr, { width: width(doc), align: 'justify' });
      doc.fillColor('black').fontSize(10.5);
    }
  }, { footer: issuedBy(issuer) });
}

export function lostFileReportPdf(report: LostFileReport, issuer: Issuer): Promise<Buffer> {
  return render('Kayıp dosya raporu', (doc) => {
    documentHeader(doc, issuer, 'KAYIP DEĞİŞİM DOSYASI — KİŞİSEL VERİ RAPORU');
    const f = report.file;
    const direction = f.direction === 'export' ? 'bu kurulumun gönderdiği dosya' : f.direction === 'import' ? 'bu kurulumun aldığı dosya' : 'tanıtım dosyası';
    meta(doc, [
      ...installationLines(report),
      ['Dosya', `${f.fileName} (${direction}${f.exportNo ? `, ${f.exportNo} numaralı` : ''})`],
      ['Dosyanın tarihi', formatDateTimeTr(f.at)],
      ['Gönderen', f.sender],
      ['Alıcı', f.recipient],
      ...(f.direction === 'export' ? ([['Alındı bilgisi', f.receivedAt ? `alıcı ${formatDateTr(f.receivedAt)} tarihinde uyguladı` : 'alındısı gelmedi']] as [string, string][]) : []),
      ['Taşıyan kişi / ortam', f.carrier ?? 'defterde kayıtlı değil'],
      ['Taşıdığı değişiklik', f.changes === null ? '—' : String(f.changes)],
    ]);
    doc.moveDown(0.5);
    note(
      doc,
      `Kişisel verilerin kanuni olmayan yollarla başkalarınca elde edilmesi hâlinde veri sorumlusu durumu öğrendiği andan itibaren en geç ${BREACH_HOURS} saat ` +
        'içinde Kişisel Verileri Koruma Kuruluna bildirir; etkilenen kişilere de makul sürede bildirilir (KVKK m. 12/5; Kurul kararı 2019/10). ' +
        'Bu rapor kişilerin adlarını ve dosyanın taşıdığı veri türlerini listeler; verilerin kendisini göstermez.',
    );
    doc.moveDown(0.3);
    const left = doc.page.margins.left;
    const w = width(doc);
    if (report.groups.length === 0) {
      doc.font('bold').fontSize(12).text('Bu dosyanın kişisel veri taşıdığına dair kayıt yok.', left, doc.y, { width: w, align: 'center' });
      doc.font('body').fontSize(10.5);
    } else {
      doc.font('bold').fontSize(10.5).text(`Verisi dosyada bulunan kişiler: ${report.people}`, left, doc.y, { continued: true, width: w });
      doc.font('body').text(` (${report.groups.map((g) => `${PERSON_CATEGORY_LABELS[g.category].tr.toLocaleLowerCase('tr-TR')}: ${g.count}`).join('; ')})`);
    }
    const cols = [0.28, 0.34, 0.38].map((p) => p * w);
    const row = (cells: string[], bold = false) => {
      doc.font(bold ? 'bold' : 'body').fontSize(9);
      const h = Math.max(...cells.map((c, i) => doc.heightOfString(c || '—', { width: cols[i]! - 6 }))) + 4;
      keepRoom(doc, h + 2);
      const y = doc.y;
      let x = left;
      cells.forEach((c, i) => {
        doc.text(c || '—', x, y + 2, { width: cols[i]! - 6 });
        x += cols[i]!;
      });
      doc.moveTo(left, y + h).lineTo(left + w, y + h).lineWidth(0.4).strokeColor('#ccc').stroke();
      doc.x = left;
      doc.y = y + h + 1;
    };
    for (const g of report.groups) {
      keepRoom(doc, 60);
      doc.moveDown(0.6);
      doc.font('bold').fontSize(11).text(`${PERSON_CATEGORY_LABELS[g.category].tr} (${g.count})`, left, doc.y, { width: w });
      doc.moveDown(0.2);
      row(['Ad soyad', 'Bağlı olduğu kayıt', 'Dosyadaki veri türleri'], true);
      for (const p of g.people) row([p.fullName, p.context ?? '', p.fields.map(label).join(', ')]);
    }
    if (report.notHeld > 0) {
      doc.moveDown(0.5);
      doc.fontSize(9.5).text(`Dosyanın taşıdığı ${report.notHeld} kayıt artık bu kurulumda tutulmuyor (o tarihten sonra kaldırıldı); adları bu kurulumdan verilemez.`, left, doc.y, { width: w });
    }
    doc.moveDown(0.8);
    keepRoom(doc, ruleHeight(doc));
    doc.font('bold').fontSize(9.5).text('"Taşıdı" bilgisi nasıl çıkarıldı', left, doc.y, { width: w });
    doc.font('body').fontSize(8.5).fillColor(GREY).text(CARRIED_RULE.tr, { width: w, align: 'justify' });
    doc.fillColor('black').fontSize(10.5);
  }, { footer: issuedBy(issuer) });
}
