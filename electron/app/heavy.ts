// Libraries that take a large share of the backend's start (exceljs and pdfkit together ~0.6 s to load) but
// are needed only when a spreadsheet is read or written or a document printed: loaded on first use, once.
// Both are CommonJS; `import()` gives their module.exports as `default`.

import type * as ExcelNamespace from 'exceljs';
import type PDFDocument from 'pdfkit';

type ExcelModule = typeof ExcelNamespace;
type PdfKitModule = typeof PDFDocument;

let excel: Promise<ExcelModule> | null = null;
let pdfkit: Promise<PdfKitModule> | null = null;

export function loadExcel(): Promise<ExcelModule> {
  excel ??= import('exceljs').then((module) => (module as unknown as { default?: ExcelModule }).default ?? module);
  return excel;
}

export function loadPdfKit(): Promise<PdfKitModule> {
  pdfkit ??= import('pdfkit').then((module) => (module as unknown as { default?: PdfKitModule }).default ?? (module as unknown as PdfKitModule));
  return pdfkit;
}
