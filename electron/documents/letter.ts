import { letterParts, type Letter } from '../../shared/documents/letter';
import { CM, keepRoom, render, usableWidth, type Doc } from './layout';

// An official letter on the page (shared/documents/letter.ts decides every part's text): the letterhead
// centred, the sayı on the left with the date on the right of the same line, the subject, the addressee
// centred, the references, the body justified with its first lines indented, the signature block on the right
// (kept on the page of the body's end), then attachments and the distribution. The unit's address block is at
// the foot of the first page.

/** Margins of an official letter: 2.5 cm on the left (binding), 1.5 cm on the right, room at top and foot. */
// The rules' writing area: 1.5 cm from every edge of the page; the bottom margin also holds the address block
// and the page number under it.
export const LETTER_MARGINS = { top: 1.5 * CM, bottom: 2.6 * CM, left: 1.5 * CM, right: 1.5 * CM };

export function drawLetter(doc: Doc, letter: Letter): void {
  const parts = letterParts(letter);
  const left = doc.page.margins.left;
  const width = usableWidth(doc);

  doc.font('bold').fontSize(11.5);
  for (const line of parts.header) doc.text(line, left, doc.y, { width, align: 'center' });
  doc.font('body').fontSize(11);
  doc.moveDown(1.5);

  const y = doc.y;
  doc.text(parts.number, left, y, { width: width - 110 });
  const afterNumber = doc.y;
  doc.text(parts.date, left + width - 110, y, { width: 110, align: 'right' });
  doc.y = Math.max(afterNumber, doc.y);
  doc.text(parts.subject, left, doc.y, { width: width - 110 });
  doc.moveDown(1.5);

  if (parts.addressee.length) {
    doc.font('bold').text(parts.addressee[0]!, left, doc.y, { width, align: 'center' });
    doc.font('body');
    for (const line of parts.addressee.slice(1)) doc.text(line, left, doc.y, { width, align: 'center' });
    doc.moveDown(1);
  }

  if (parts.references.length) {
    // A hanging indent: the text of each reference lines up after "İlgi : ".
    const label = 'İlgi : ';
    const hang = doc.widthOfString(label);
    parts.references.forEach((line, i) => {
      const top = doc.y;
      if (i === 0) doc.text(label.trim(), left, top, { width: hang, lineBreak: false });
      doc.text(i === 0 ? line.slice(label.length) : line, left + hang, top, { width: width - hang, align: 'justify' });
    });
    doc.moveDown(1);
  }

  for (const p of parts.paragraphs) {
    doc.text(p, left, doc.y, { width, align: 'justify', indent: 1.25 * CM, paragraphGap: 4 });
  }

  if (!parts.signature.length) parts.signature = ['(İmza yetkilisi)'];
  if (parts.signature.length) {
    const blockWidth = 200;
    const height = parts.signature.length * doc.currentLineHeight(true) + 36;
    // The signature is never alone at the top of a page: it moves with the body's last lines.
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
      keepRoom(doc, height);
    }
    doc.moveDown(2.5);
    const x = left + width - blockWidth;
    doc.text(parts.signature[0]!, x, doc.y, { width: blockWidth, align: 'center' });
    for (const line of parts.signature.slice(1)) doc.text(line, x, doc.y, { width: blockWidth, align: 'center' });
  }

  if (parts.attachments.length) {
    doc.moveDown(1.5);
    keepRoom(doc, parts.attachments.length * doc.currentLineHeight(true));
    for (const line of parts.attachments) doc.text(line, left, doc.y, { width });
  }

  if (parts.distribution) {
    doc.moveDown(1.5);
    const { action, information } = parts.distribution;
    const rows = Math.max(action.length, information.length) + 2;
    keepRoom(doc, rows * doc.currentLineHeight(true));
    doc.text('Dağıtım :', left, doc.y, { width });
    const top = doc.y;
    // Side by side when both lists are there; one list takes the whole width.
    const half = action.length && information.length ? width / 2 : width;
    let bottom = top;
    if (action.length) {
      doc.font('bold').text('Gereği :', left, top, { width: half - 8 }).font('body');
      for (const a of action) doc.text(a, left, doc.y, { width: half - 8 });
      bottom = Math.max(bottom, doc.y);
    }
    if (information.length) {
      const x = action.length ? left + half : left;
      doc.font('bold').text('Bilgi :', x, top, { width: half - 8 }).font('body');
      for (const b of information) doc.text(b, x, doc.y, { width: half - 8 });
      bottom = Math.max(bottom, doc.y);
    }
    doc.y = bottom;
  }
  doc.x = left;
}

/** One letter as a PDF. */
export function letterPdf(docTitle: string, letter: Letter, footer: string | null = null): Promise<Buffer> {
  const parts = letterParts(letter); // checked before any page is laid out: a forbidden word throws here
  return render(docTitle, (doc) => drawLetter(doc, letter), { margins: LETTER_MARGINS, serif: true, pageNumberCentred: true, footer, firstPageFooter: parts.footer });
}

/** Several letters in one PDF (a mail merge for printing): each starts on a new page, with its own footer block. */
export function lettersPdf(docTitle: string, letters: Letter[], footer: string | null = null): Promise<Buffer> {
  const starts: number[] = [];
  return render(
    docTitle,
    (doc) => {
      letters.forEach((letter, i) => {
        if (i > 0) doc.addPage();
        starts.push(doc.bufferedPageRange().count - 1);
        drawLetter(doc, letter);
      });
    },
    { margins: LETTER_MARGINS, serif: true, pageNumberCentred: true, footer, firstPageFooter: letters[0] ? letterParts(letters[0]).footer : [], firstPageFooterOn: starts },
  );
}
