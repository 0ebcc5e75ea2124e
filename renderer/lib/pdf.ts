// A PDF's pages drawn as images in the page, for the print preview (issue #18). pdf.js parses the file in a
// worker that Vite bundles next to the renderer (a same-origin script, which the CSP's 'self' allows, from
// app://kopru in the desktop app and from the harness alike); the library is loaded only by screens that can
// open a preview, so the others do not pay for it. Each page becomes a PNG data: URL (img-src allows data:),
// which both the preview and the print frame show.

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
  /** Frees the worker's copy of the document (the shared worker stays). */
  close(): Promise<void>;
}

interface Library {
  lib: typeof PdfJs;
  /** One worker for the session: starting one parses a megabyte of script, which each preview would pay again. */
  worker: PdfJs.PDFWorker;
}

let library: Promise<Library> | undefined;

function pdfjs(): Promise<Library> {
  library ??= import('pdfjs-dist').then(
    (lib) => {
      lib.GlobalWorkerOptions.workerSrc = workerUrl;
      return { lib, worker: new lib.PDFWorker() };
    },
    (error: unknown) => {
      library = undefined; // a failed load is tried again by the next preview
      throw error;
    },
  );
  return library;
}

/**
 * Loads pdf.js and starts its worker ahead of the first preview (a screen with document buttons calls it when
 * idle), so the pages show as soon as the document arrives. A failure here is retried when a preview opens.
 */
export function preloadPdf(): void {
  pdfjs().catch(() => undefined);
}

const toMm = (points: number) => (points / POINTS_PER_INCH) * 25.4;

/** Opens a PDF for drawing; rejects when the bytes are not a PDF pdf.js can read. */
export async function openPdf(bytes: Uint8Array): Promise<PdfPages> {
  const { lib, worker } = await pdfjs();
  // No wasm decoders: the CSP has no 'wasm-unsafe-eval', and the app's documents (text, lines, no JPEG 2000)
  // never need them.
  const task = lib.getDocument({ data: bytes, useWasm: false, worker });
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
