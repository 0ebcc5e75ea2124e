import { CM, render, type Doc } from './layout';

// Sheets cut or peeled after printing (issue #18): address labels on the common A4 sheet of 24 (3 × 8 labels of
// 70 × 37 mm, no page margin), and name badges of card size (85 × 54 mm, 2 × 5 on A4) with light cut marks.
// Text is fitted to the label: a long organisation name takes a smaller size rather than being cut.

const MM = CM / 10;

/** Writes `lines` into the box, shrinking the type (down to 6.5 pt) until they fit; the first line is bold. */
function fitText(doc: Doc, lines: string[], x: number, y: number, width: number, height: number, size: number, align: 'left' | 'center') {
  let s = size;
  const measure = (pt: number) =>
    lines.reduce((h, line, i) => h + doc.font(i === 0 ? 'sansBold' : 'sans').fontSize(i === 0 ? pt * 1.1 : pt).heightOfString(line, { width }), 0);
  while (s > 6.5 && measure(s) > height) s -= 0.5;
  let top = y + Math.max(0, (height - measure(s)) / 2);
  lines.forEach((line, i) => {
    doc.font(i === 0 ? 'sansBold' : 'sans').fontSize(i === 0 ? s * 1.1 : s);
    doc.text(line, x, top, { width, align, height: y + height - top, ellipsis: false });
    top = doc.y;
  });
}

/** Address labels, 24 to an A4 sheet (3 columns × 8 rows of 70 × 37 mm). */
export function addressLabelsPdf(title: string, labels: string[][]): Promise<Buffer> {
  const cols = 3;
  const rows = 8;
  const w = 70 * MM;
  const h = 37 * MM;
  const pad = 4 * MM;
  return render(
    title,
    (doc) => {
      labels.forEach((lines, i) => {
        const slot = i % (cols * rows);
        if (i > 0 && slot === 0) doc.addPage();
        const x = (slot % cols) * w;
        const y = Math.floor(slot / cols) * h + 0.5 * MM;
        fitText(doc, lines, x + pad, y + pad, w - 2 * pad, h - 2 * pad, 9, 'left');
      });
    },
    { margins: { top: 0, bottom: 0, left: 0, right: 0 }, footer: null },
  );
}

export interface Badge {
  name: string;
  title: string | null;
  organisation: string | null;
}

/** Name badges of card size, 10 to an A4 sheet, with the event on each and light cut marks. */
export function badgesPdf(title: string, event: string, badges: Badge[]): Promise<Buffer> {
  const cols = 2;
  const rows = 5;
  const w = 85 * MM;
  const h = 54 * MM;
  const left = (210 * MM - cols * w) / 2;
  const top = (297 * MM - rows * h) / 2;
  return render(
    title,
    (doc) => {
      badges.forEach((b, i) => {
        const slot = i % (cols * rows);
        if (i > 0 && slot === 0) doc.addPage();
        const x = left + (slot % cols) * w;
        const y = top + Math.floor(slot / cols) * h;
        doc.rect(x, y, w, h).lineWidth(0.3).dash(2, { space: 2 }).strokeColor('#999').stroke().undash();
        doc.font('sans').fontSize(7.5).fillColor('#555').text(event, x + 6 * MM, y + 5 * MM, { width: w - 12 * MM, align: 'center', height: 9 * MM, ellipsis: true });
        doc.fillColor('black');
        fitText(doc, [b.name, ...(b.title ? [b.title] : []), ...(b.organisation ? [b.organisation] : [])], x + 6 * MM, y + 15 * MM, w - 12 * MM, h - 21 * MM, 12, 'center');
      });
    },
    { margins: { top: 0, bottom: 0, left: 0, right: 0 }, footer: null },
  );
}
