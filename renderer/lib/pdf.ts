// A PDF's pages drawn as images in the page, for the print preview (issue #18). pdf.js parses the file in a
// worker that Vite bundles next to the renderer (a same-origin script, which the CSP's 'self' allows, from
// app://kopru in the desktop app and from the harness alike); the library itself is loaded on first use, so
// screens that never preview a document do not pay for it. Each page becomes a PNG data: URL (img-src allows
// data:), which both the preview and the print frame show.

import type * as PdfJs from 'pdfjs-dist';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

/** Sharp on paper and on a high-density screen, and a few hundred KB of PNG per page. */
const RENDER_DPI = 200;
const POINTS_PER_INCH = 72;

export interface PageImage {
  /** A PNG data: URL. */
  src: string;
  /** The page's own size in millimetres (A4 portrait is 210 × 297). */
  widthMm: number;
  heightMm: number;
}

export interface PdfPages {
  pageCount: number;
  /** Draws page `n` (1-based). */
  render(n: number): Promise<PageImage>;
  /** Frees the worker's copy of the document. */
  close(): Promise<void>;
}

let library: Promise<typeof PdfJs> | undefined;

function pdfjs(): Promise<typeof PdfJs> {
  library ??= import('pdfjs-dist').then((lib) => {
    lib.GlobalWorkerOptions.workerSrc = workerUrl;
    return lib;
  });
  return library;
}

const toMm = (points: number) => (points / POINTS_PER_INCH) * 25.4;

/** Opens a PDF for drawing; rejects when the bytes are not a PDF pdf.js can read. */
export async function openPdf(bytes: Uint8Array): Promise<PdfPages> {
  const lib = await pdfjs();
  // No wasm decoders: the CSP has no 'wasm-unsafe-eval', and the app's documents (text, lines, no JPEG 2000)
  // never need them.
  const task = lib.getDocument({ data: bytes, useWasm: false });
  let document: PDFDocumentProxy;
  try {
    document = await task.promise;
  } catch (error) {
    void task.destroy();
    throw error;
  }
  return {
    pageCount: document.numPages,
    async render(n) {
      const page = await document.getPage(n);
      try {
        const viewport = page.getViewport({ scale: RENDER_DPI / POINTS_PER_INCH });
        const canvas = window.document.createElement('canvas');
        canvas.width = Math.ceil(viewport.width);
        canvas.height = Math.ceil(viewport.height);
        // White, not transparent: a PNG page shows on the preview's grey background and prints on paper.
        await page.render({ canvas, viewport, background: '#ffffff' }).promise;
        const size = page.getViewport({ scale: 1 });
        const image = { src: canvas.toDataURL('image/png'), widthMm: toMm(size.width), heightMm: toMm(size.height) };
        canvas.width = canvas.height = 0; // release the bitmap now rather than at the next collection
        return image;
      } finally {
        page.cleanup();
      }
    },
    close: () => task.destroy(),
  };
}
