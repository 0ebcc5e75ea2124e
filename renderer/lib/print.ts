import type { PageImage } from './pdf';

// Printing a document, not the app: the page images go into a hidden frame of their own, one image per sheet
// with no margin (the PDF carries its own), and that frame's print() opens the print dialog — the operating
// system's in the desktop app, the browser's in the harness. The frame is same-origin about:blank, so it is
// under the page's CSP: data: images and a <style> element are all it holds.

const round = (mm: number) => Math.round(mm * 10) / 10;

/**
 * Builds the print frame for `pages` under `document.body`, prints it and returns it; the caller removes it
 * when the preview closes (removing it at once could cut short a print dialog that does not block).
 */
export async function printPages(pages: PageImage[], title: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.dataset.testid = 'print-frame';
  // Out of sight but laid out (a display:none frame prints nothing in some engines).
  Object.assign(frame.style, { position: 'fixed', right: '0', bottom: '0', width: '0', height: '0', border: '0', visibility: 'hidden' });
  document.body.appendChild(frame);
  const doc = frame.contentDocument;
  const view = frame.contentWindow;
  if (!doc || !view) throw new Error('print frame unavailable');

  // One sheet size for the document, its first page's (A4 for every document the app makes).
  const first = pages[0];
  const width = round(first?.widthMm ?? 210);
  const height = round(first?.heightMm ?? 297);
  doc.title = title;
  const style = doc.createElement('style');
  style.textContent = [
    `@page { size: ${width}mm ${height}mm; margin: 0; }`,
    'html, body { margin: 0; padding: 0; background: #fff; }',
    `.sheet { width: ${width}mm; height: ${height}mm; overflow: hidden; break-after: page; }`,
    '.sheet:last-child { break-after: auto; }',
    '.sheet img { display: block; width: 100%; height: 100%; object-fit: contain; }',
  ].join('\n');
  doc.head.appendChild(style);
  const images = pages.map((page, i) => {
    const sheet = doc.createElement('div');
    sheet.className = 'sheet';
    const img = doc.createElement('img');
    img.src = page.src;
    img.alt = String(i + 1);
    sheet.appendChild(img);
    doc.body.appendChild(sheet);
    return img;
  });
  // Every image decoded before the dialog reads the frame, or a sheet could print blank.
  await Promise.all(images.map((img) => img.decode()));
  // The frame takes the focus to print, then gives it back: left in the hidden frame, it would swallow the
  // preview's keys (Esc, Ctrl+P) once the dialog closes.
  const focused = document.activeElement;
  view.focus();
  view.print();
  if (focused instanceof HTMLElement) focused.focus();
  return frame;
}
