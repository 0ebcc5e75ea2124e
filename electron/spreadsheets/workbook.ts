import { loadExcel } from '../app/heavy';
import { formatDateTr } from '../../shared/turkish';

// One way to write a list as an Excel file, so every export looks the same to a clerk: Turkish headers in
// bold, the header row frozen and autofiltered, dates as real Excel dates shown GG.AA.YYYY (so Excel sorts
// and filters them as dates), and text a spreadsheet would run as a formula written as text.

export type XlsxValue = string | number | null;

export interface XlsxColumn {
  header: string;
  width: number;
  /** The values are ISO dates (`YYYY-MM-DD`, or a timestamp whose first ten characters are one). */
  date?: boolean;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DATE_FORMAT_TR = 'dd.mm.yyyy';

/** Values that a spreadsheet would run as a formula are written as text (CSV/formula injection). */
export function safeCell(value: string | number | null): string | number | null {
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(value)) return `'${value}`;
  return value;
}

/** An ISO date as the UTC midnight Excel stores for that day; anything else stays text. */
function excelDate(value: XlsxValue): Date | XlsxValue {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return value;
  const day = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(day.getTime()) ? value : day;
}

export async function writeWorkbook(sheetName: string, columns: XlsxColumn[], rows: Iterable<XlsxValue[]>): Promise<{ buffer: Buffer; count: number }> {
  const Excel = await loadExcel();
  const workbook = new Excel.Workbook();
  workbook.creator = 'Köprü';
  // Excel allows 31 characters and none of []:*?/\ in a sheet name.
  const sheet = workbook.addWorksheet(sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width, ...(c.date ? { style: { numFmt: DATE_FORMAT_TR } } : {}) }));
  sheet.getRow(1).font = { bold: true };
  let count = 0;
  for (const row of rows) {
    sheet.addRow(row.map((value, i) => (columns[i]?.date ? excelDate(value) : safeCell(value))));
    count++;
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return { buffer: Buffer.from(await workbook.xlsx.writeBuffer()), count };
}

/** A list's workbook as a channel's file output: `<title> GG.AA.YYYY.xlsx`, with the number of rows written. */
export async function listWorkbook(title: string, today: string, columns: XlsxColumn[], rows: Iterable<XlsxValue[]>, sheetName = title) {
  const { buffer, count } = await writeWorkbook(sheetName, columns, rows);
  return { fileName: `${title} ${formatDateTr(today)}.xlsx`, mimeType: XLSX_MIME, contentBase64: buffer.toString('base64'), rows: count };
}
