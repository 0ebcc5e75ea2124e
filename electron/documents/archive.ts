import { zipSync } from 'fflate';

// A set of documents handed over as one file (issue #18: the mail merge as one PDF per addressee). The renderer
// saves files only through the browser's download, in Electron as in the harness, so "a folder of PDFs" reaches
// the clerk as a ZIP, which Explorer and every Linux file manager open as a folder (docs/DOCUMENTS.md).
// fflate is pdfkit's own deflate library, already shipped; it marks non-ASCII names as UTF-8, so "Işıklı" stays
// "Işıklı" when the archive is opened.

export interface NamedFile {
  fileName: string;
  content: Buffer;
}

/** The files in one ZIP, in the given order, dated `date` (YYYY-MM-DD) at noon so the archive does not depend on the clock. */
export function zipFiles(files: NamedFile[], date: string): Buffer {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const mtime = new Date(y, m - 1, d, 12);
  // PDFs are compressed already: storing them is as small and much faster than deflating them again.
  return Buffer.from(zipSync(Object.fromEntries(files.map((f) => [f.fileName, [new Uint8Array(f.content), { level: 0, mtime }]]))));
}
