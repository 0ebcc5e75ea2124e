import type { WorkshopDetail } from '../../shared/contract/workshops';
import { WORKSHOP_KIND_LABELS } from '../../shared/meetings/fields';
import { formatDateTr } from '../../shared/turkish';
import { field, footer, header, render, type Issuer } from '../registry/pdf';

// Printable workshop documents: the programme (handed out at the door) and the participant list by province.

export interface Column {
  header: string;
  /** Share of the usable width. */
  width: number;
  align?: 'left' | 'right';
}

/** A simple ruled table that breaks across pages and repeats its header row. */
export function table(doc: PDFKit.PDFDocument, columns: Column[], rows: (string | number | null)[][], options: { fontSize?: number } = {}) {
  const size = options.fontSize ?? 9.5;
  const left = doc.page.margins.left;
  const usable = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const total = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * usable);
  const pad = 3;
  const bottom = () => doc.page.height - doc.page.margins.bottom;

  const drawRow = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'bold' : 'body').fontSize(size);
    const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 2 * pad }))) + 2 * pad;
    if (doc.y + height > bottom()) {
      doc.addPage();
      if (!bold) drawRow(columns.map((c) => c.header), true);
      doc.font(bold ? 'bold' : 'body').fontSize(size);
    }
    const top = doc.y;
    if (bold) doc.rect(left, top, usable, height).fill('#eef1f5').fillColor('black');
    let x = left;
    cells.forEach((cell, i) => {
      doc.text(cell, x + pad, top + pad, { width: widths[i]! - 2 * pad, align: columns[i]!.align ?? 'left' });
      x += widths[i]!;
    });
    doc.moveTo(left, top + height).lineTo(left + usable, top + height).lineWidth(0.5).strokeColor('#999').stroke();
    doc.x = left;
    doc.y = top + height;
  };

  drawRow(columns.map((c) => c.header), true);
  for (const row of rows) drawRow(row.map((v) => (v === null || v === '' ? '—' : String(v))), false);
  doc.font('body').fontSize(11);
  doc.x = left;
  doc.moveDown(0.8);
}

function dates(w: WorkshopDetail): string {
  return w.startOn === w.endOn ? formatDateTr(w.startOn) : `${formatDateTr(w.startOn)} – ${formatDateTr(w.endOn)}`;
}

export function workshopProgramme(w: WorkshopDetail, issuer: Issuer): Promise<Buffer> {
  return render(`Program — ${w.title}`, (doc) => {
    header(doc, issuer, w.title.toLocaleUpperCase('tr-TR'));
    field(doc, 'Tür', WORKSHOP_KIND_LABELS[w.kind]);
    if (w.region) field(doc, 'Bölge', `${w.region} Bölgesi`);
    field(doc, 'Tarih', dates(w));
    field(doc, 'Yer', w.venue);
    field(doc, 'Ev sahibi il', w.hostName);
    doc.moveDown();
    doc.font('bold').text('Program');
    doc.moveDown(0.4);
    if (w.programme.length === 0) doc.font('body').text('Program henüz girilmedi.');
    else table(doc, [{ header: 'Saat', width: 1 }, { header: 'Oturum / etkinlik', width: 5 }], w.programme.map((p) => [p.time, p.title]), { fontSize: 10.5 });
    footer(doc, issuer);
  });
}

export function workshopParticipantList(w: WorkshopDetail, issuer: Issuer): Promise<Buffer> {
  return render(`Katılımcı listesi — ${w.title}`, (doc) => {
    header(doc, issuer, 'KATILIMCI LİSTESİ');
    field(doc, 'Etkinlik', w.title);
    field(doc, 'Tarih', dates(w));
    field(doc, 'Yer', w.venue);
    field(doc, 'Katılımcı / kurum / il', `${w.participants} kişi, ${w.organisations} kurum, ${w.provinces} il`);
    doc.moveDown();
    if (w.participantList.length === 0) {
      doc.text('Henüz katılımcı eklenmedi.');
    } else {
      // Already in province order (Turkish), people alphabetically within each province.
      table(
        doc,
        [{ header: 'Sıra', width: 0.6, align: 'right' }, { header: 'İl', width: 1.6 }, { header: 'Ad soyad', width: 2.6 }, { header: 'Unvan', width: 2 }, { header: 'Kurum', width: 3.4 }],
        w.participantList.map((p, i) => [i + 1, p.provinceName, p.fullName, p.title, p.organisationName]),
      );
    }
    footer(doc, issuer);
  });
}
