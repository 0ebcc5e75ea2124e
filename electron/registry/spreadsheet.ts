import type ExcelJS from 'exceljs';
import { loadExcel } from '../app/heavy';
import { AppError, msg, type Msg } from '../../shared/contract';
import { foldTurkish, parseDateTr } from '../../shared/turkish';
import { untitledHeader } from '../../shared/registry/importFields';

// Reading and writing spreadsheets. Directorates keep registries in Excel (and CSV saved from Excel, which
// on Turkish Windows is Windows-1254, not UTF-8): both are read; exports are .xlsx (electron/spreadsheets/workbook.ts).

export interface Sheet {
  headers: string[];
  rows: { row: number; cells: Record<string, CellValue> }[];
}

export type CellValue = string | number | Date | null | { formula: true; result: string | number | Date | null };

export const MAX_IMPORT_ROWS = 50_000;

function fail(message: Msg): AppError {
  return new AppError('VALIDATION', message, [{ path: 'contentBase64', label: 'Dosya', message }]);
}

/** UTF-8 when the bytes are valid UTF-8 (with or without BOM), otherwise Windows-1254 (Turkish Excel). */
export function decodeText(content: Buffer): { text: string; encoding: 'utf-8' | 'windows-1254' } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(content);
    return { text: text.replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1254').decode(content), encoding: 'windows-1254' };
  }
}

/** RFC 4180 CSV with `;` or `,` (whichever the header line uses more), quoted fields and embedded newlines. */
export function parseCsv(text: string): string[][] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

function fromGrid(grid: CellValue[][]): Sheet {
  const [headerRow, ...body] = grid;
  if (!headerRow || headerRow.every((h) => h === null || String(h).trim() === '')) {
    throw fail(msg('registry.dosyadaBaslikSatiriYok'));
  }
  const headers = headerRow.map((h, i) => (h === null || String(h).trim() === '' ? untitledHeader(i) : String(h).trim()));
  if (body.length === 0) throw fail(msg('registry.dosyadaBaslikSatirindanSonra'));
  if (body.length > MAX_IMPORT_ROWS) throw fail(msg('registry.dosyadaLengthSatirVar', { length: body.length, MAX_IMPORT_ROWS }));
  return {
    headers,
    rows: body.map((cells, index) => ({
      row: index + 2,
      cells: Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? null])),
    })),
  };
}

function excelCell(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'object' && 'formula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return { formula: true, result: result === undefined || result === null || typeof result === 'object' && !(result instanceof Date) ? null : (result as string | number | Date) };
  }
  if (typeof value === 'object' && 'richText' in value) return (value as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
  if (typeof value === 'object' && 'text' in value) return String((value as ExcelJS.CellHyperlinkValue).text);
  return String(value);
}

export async function readSpreadsheet(fileName: string, content: Buffer): Promise<Sheet & { encoding: string }> {
  if (content.length === 0) throw fail(msg('registry.dosyaBos'));
  const isZip = content[0] === 0x50 && content[1] === 0x4b;
  if (isZip) {
    const Excel = await loadExcel();
    const workbook = new Excel.Workbook();
    try {
      await workbook.xlsx.load(content as unknown as ArrayBuffer);
    } catch {
      throw fail(msg('registry.excelDosyasiAcilamadiDosya'));
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) throw fail(msg('registry.excelDosyasindaCalismaSayfasi'));
    const grid: CellValue[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const values = row.values as ExcelJS.CellValue[];
      grid.push(values.slice(1).map(excelCell));
    });
    return { ...fromGrid(grid), encoding: 'xlsx' };
  }
  if (/\.(xls|ods)$/i.test(fileName) || content.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw fail(msg('registry.eskiExcelXlsVe'));
  }
  if (content.includes(0)) throw fail(msg('registry.dosyaBirTabloXlsx'));
  const { text, encoding } = decodeText(content);
  return { ...fromGrid(parseCsv(text)), encoding };
}

/** A cell's text, with the formula's cached result when there is one. */
export function cellText(value: CellValue): { text: string; formula: boolean } {
  if (value === null) return { text: '', formula: false };
  if (typeof value === 'object' && !(value instanceof Date)) {
    return { text: value.result === null ? '' : cellText(value.result).text, formula: true };
  }
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10), formula: false };
  return { text: String(value).trim(), formula: false };
}

/** Dates as people type them in Turkish sheets (GG.AA.YYYY), ISO, or real Excel dates. */
export function cellDate(value: CellValue): string | null | 'invalid' {
  const { text } = cellText(value);
  if (!text) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  return parseDateTr(text) ?? 'invalid';
}

export function headerKey(header: string): string {
  return foldTurkish(header).replace(/ /g, '');
}
