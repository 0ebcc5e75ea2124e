import { createRequire } from 'node:module';
import { formatDateTr } from '../../shared/turkish';
import { loadPdfKit } from '../app/heavy';

// The one layout layer every printable document is built on (issue #18): the page, the fonts, the letterhead,
// labelled fields, headings kept with what follows them, tables whose cells wrap (never cut) and repeat their
// header on a new page, and a footer stamped into every page's margin after the content is laid out, so a
// footer can never be left alone on a page of its own.
//
// PDF's built-in fonts lack ğ, ş, ı, İ, so DejaVu (shipped as an npm package) is embedded: Turkish text prints
// correctly on any machine, offline. Letters use DejaVu Serif (the rules ask for a serif face such as Times New
// Roman; docs/DOCUMENTS.md), lists and forms DejaVu Sans.

// Not named `require`: the bundled main process declares its own `require` at the top of the same scope.
const resolveFrom = createRequire(import.meta.url);
const font = (file: string) => resolveFrom.resolve(`dejavu-fonts-ttf/ttf/${file}`);

export type Doc = PDFKit.PDFDocument;

/** Who issues a document and when; every page's footer names them, and `header` heads its first page. */
export interface Issuer {
  unitName: string;
  today: string;
  /** "T.C.", the institution, the unit (shared/documents/letter.ts headerLines of the unit's letterhead). */
  header: string[];
}

export interface PageOptions {
  /** Margins in points; the bottom one holds the footer. */
  margins?: { top: number; bottom: number; left: number; right: number };
  /** Serif body text (letters) instead of sans (lists, forms). */
  serif?: boolean;
  /** The footer's left part on every page; the page number is on the right. Null: no footer at all. */
  footer?: string | null;
  /** Extra lines at the foot of the first page only (a letter's address block). */
  firstPageFooter?: string[];
  /** The pages (from 0) that take `firstPageFooter`, when not only the first: each letter's first page in a merge. */
  firstPageFooterOn?: number[];
  /** The page number in the middle of the foot (letters, as the rules place it) instead of on the right. */
  pageNumberCentred?: boolean;
}

export const CM = 72 / 2.54;
const DEFAULT_MARGINS = { top: 56, bottom: 64, left: 56, right: 56 };

/** The standard footer: who issued the document and when. */
export function issuedBy(issuer: Issuer): string {
  return `${issuer.unitName} · Düzenlenme tarihi: ${formatDateTr(issuer.today)}`;
}

/**
 * Lays out a document with `draw`, then stamps the footer into every page's bottom margin. Fonts: `body`,
 * `bold` (and `sans`, `sansBold` when the body is serif).
 */
export async function render(title: string, draw: (doc: Doc) => void, options: PageOptions = {}): Promise<Buffer> {
  const PDFDocument = await loadPdfKit();
  const margins = options.margins ?? DEFAULT_MARGINS;
  const doc = new PDFDocument({
    size: 'A4',
    margins,
    bufferPages: true,
    info: { Title: title, Author: 'Gençlik ve Spor Bakanlığı', Creator: 'Köprü' },
  });
  doc.registerFont('sans', font('DejaVuSans.ttf'));
  doc.registerFont('sansBold', font('DejaVuSans-Bold.ttf'));
  doc.registerFont('body', font(options.serif ? 'DejaVuSerif.ttf' : 'DejaVuSans.ttf'));
  doc.registerFont('bold', font(options.serif ? 'DejaVuSerif-Bold.ttf' : 'DejaVuSans-Bold.ttf'));
  doc.font('body').fontSize(11);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  draw(doc);
  stampFooters(doc, options);
  doc.end();
  return done;
}

function stampFooters(doc: Doc, options: PageOptions): void {
  const range = doc.bufferedPageRange();
  const pages = range.count;
  for (let i = range.start; i < range.start + pages; i++) {
    doc.switchToPage(i);
    const { left, right, bottom } = doc.page.margins;
    const width = doc.page.width - left - right;
    // Writing into the bottom margin would make pdfkit start a new page: lift the margin while stamping.
    doc.page.margins.bottom = 0;
    let y = doc.page.height - bottom + 10;
    if ((options.firstPageFooterOn ?? [0]).includes(i - range.start) && options.firstPageFooter?.length) {
      doc.font('sans').fontSize(7.5).fillColor('#333');
      const block = options.firstPageFooter.join('\n');
      const h = doc.heightOfString(block, { width });
      // The address block sits just above the page footer line, inside the bottom margin's upper part.
      const top = doc.page.height - bottom + 4 - h - 4;
      doc.moveTo(left, top - 3).lineTo(left + width, top - 3).lineWidth(0.4).strokeColor('#999').stroke();
      doc.text(block, left, top, { width, lineGap: 0 });
      y = doc.page.height - bottom + 12;
    }
    if (options.footer !== null) {
      doc.font('sans').fontSize(8).fillColor('#555');
      const text = options.footer ?? '';
      const centred = options.pageNumberCentred === true;
      // A letter's page number has the middle of the foot to itself; who printed it goes on the line below.
      if (centred) doc.text(text, left, y + 10, { width, align: 'center', lineBreak: false, ellipsis: true });
      else doc.text(text, left, y, { width: width - 80, lineBreak: false, ellipsis: true });
      // In a merge each letter counts its own pages: "Sayfa 1 / 1" on every single-page letter.
      const page = i - range.start;
      const starts = options.firstPageFooterOn ?? [0];
      const start = Math.max(...starts.filter((s) => s <= page));
      const end = Math.min(pages, ...starts.filter((s) => s > page));
      const number = `Sayfa ${page - start + 1} / ${end - start}`;
      if (centred) doc.text(number, left + width / 2 - 40, y, { width: 80, align: 'center', lineBreak: false });
      else doc.text(number, left + width - 80, y, { width: 80, align: 'right', lineBreak: false });
    }
    doc.fillColor('black');
    doc.page.margins.bottom = bottom;
  }
}

export function usableWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

export function pageBottom(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Starts a new page when less than `room` points are left on this one. */
export function keepRoom(doc: Doc, room: number): void {
  if (doc.y + room > pageBottom(doc)) {
    doc.addPage();
  }
  doc.x = doc.page.margins.left;
}

/** "T.C.", then each line, centred and bold: the top of every document. */
export function letterhead(doc: Doc, lines: string[]): void {
  const left = doc.page.margins.left;
  doc.font('bold').fontSize(11.5);
  for (const line of lines) doc.text(line, left, doc.y, { width: usableWidth(doc), align: 'center' });
  doc.font('body').fontSize(11);
}

/** The issuer's letterhead and the document's title: the top of every document that is not a letter. */
export function documentHeader(doc: Doc, issuer: Issuer, text: string): void {
  letterhead(doc, issuer.header);
  title(doc, text);
}

/** A document's title, centred, with room below. */
export function title(doc: Doc, text: string): void {
  doc.moveDown(1.2);
  doc.font('bold').fontSize(15).text(text, doc.page.margins.left, doc.y, { width: usableWidth(doc), align: 'center' });
  doc.moveDown(1);
  doc.font('body').fontSize(11);
}

/**
 * A section heading, kept with at least `withNext` points of what follows it: a heading never ends a page.
 */
export function heading(doc: Doc, text: string, withNext = 48, size = 12): void {
  doc.moveDown(0.8);
  doc.font('bold').fontSize(size);
  keepRoom(doc, doc.heightOfString(text, { width: usableWidth(doc) }) + withNext);
  doc.text(text, doc.page.margins.left, doc.y, { width: usableWidth(doc) });
  doc.font('body').fontSize(11);
}

/** "Label: value", the value wrapping under itself; "—" when empty. */
export function field(doc: Doc, label: string, value: string | null | undefined): void {
  const left = doc.page.margins.left;
  const text = value && value.length ? value : '—';
  keepRoom(doc, 16);
  doc.font('bold').text(`${label}: `, left, doc.y, { continued: true, width: usableWidth(doc) }).font('body').text(text);
}

/** A paragraph kept whole when it is short (up to four lines move to the next page together). */
export function paragraph(doc: Doc, text: string, options: PDFKit.Mixins.TextOptions = {}): void {
  const width = usableWidth(doc);
  const h = doc.heightOfString(text, { width, ...options });
  if (h < 4 * doc.currentLineHeight(true)) keepRoom(doc, h);
  doc.text(text, doc.page.margins.left, doc.y, { width, ...options });
}

export interface Column {
  header: string;
  /** Share of the usable width. */
  width: number;
  align?: 'left' | 'right' | 'center';
}

export interface TableOptions {
  fontSize?: number;
  /** A fixed least row height (a signature column needs room to sign). */
  minRowHeight?: number;
  /** Draw every cell's border (a form to fill in) rather than rules between rows (a list to read). */
  grid?: boolean;
}

/**
 * A ruled table: cells wrap inside their column (a long Turkish name takes two lines, never an ellipsis), a row
 * is never split across pages, and the header row is repeated at the top of each new page. The header is kept
 * with the first row.
 */
export function table(doc: Doc, columns: Column[], rows: (string | number | null)[][], options: TableOptions = {}): void {
  const size = options.fontSize ?? 9.5;
  const left = doc.page.margins.left;
  const usable = usableWidth(doc);
  const total = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * usable);
  const pad = 3.5;

  const heightOf = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'sansBold' : 'sans').fontSize(size);
    const text = Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: widths[i]! - 2 * pad })));
    return Math.max(text + 2 * pad, bold ? 0 : (options.minRowHeight ?? 0));
  };
  const drawRow = (cells: string[], bold: boolean) => {
    const height = heightOf(cells, bold);
    const top = doc.y;
    doc.font(bold ? 'sansBold' : 'sans').fontSize(size);
    if (bold) doc.rect(left, top, usable, height).fill('#eef1f5').fillColor('black');
    let x = left;
    cells.forEach((cell, i) => {
      if (options.grid) doc.rect(x, top, widths[i]!, height).lineWidth(0.5).strokeColor('#666').stroke();
      doc.fillColor('black').text(cell, x + pad, top + pad, { width: widths[i]! - 2 * pad, align: columns[i]!.align ?? 'left' });
      x += widths[i]!;
    });
    if (!options.grid) doc.moveTo(left, top + height).lineTo(left + usable, top + height).lineWidth(0.5).strokeColor('#999').stroke();
    doc.x = left;
    doc.y = top + height;
  };

  const headerCells = columns.map((c) => c.header);
  const headerHeight = heightOf(headerCells, true);
  const body = rows.map((row) => row.map((v) => (v === null || v === '' ? (options.grid ? '' : '—') : String(v))));
  // The header and the first row start together.
  keepRoom(doc, headerHeight + (body[0] ? heightOf(body[0], false) : 0));
  drawRow(headerCells, true);
  for (const cells of body) {
    const h = heightOf(cells, false);
    if (doc.y + h > pageBottom(doc)) {
      doc.addPage();
      drawRow(headerCells, true);
    }
    drawRow(cells, false);
  }
  doc.font('body').fontSize(11).strokeColor('black');
  doc.x = left;
  doc.moveDown(0.8);
}

/** Signature places side by side (title above, name below, room to sign), kept together on one page. */
export function signaturePlaces(doc: Doc, places: { title: string; name: string | null }[]): void {
  const left = doc.page.margins.left;
  const width = usableWidth(doc) / places.length;
  keepRoom(doc, 90);
  doc.moveDown(2);
  const y = doc.y;
  places.forEach((p, i) => {
    doc.font('bold').text(p.title, left + i * width, y, { width, align: 'center' });
    doc.font('body').text(p.name ?? '', left + i * width, doc.y, { width, align: 'center' });
    doc.fillColor('#777').text('İmza', left + i * width, doc.y + 24, { width, align: 'center' }).fillColor('black');
  });
  doc.x = left;
}
