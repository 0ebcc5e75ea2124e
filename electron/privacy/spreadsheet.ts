import type { InventoryRow } from '../../shared/contract/privacy';
import { RETENTION_ANCHOR_LABELS, RETENTION_RULES, type RetentionYears } from '../../shared/privacy/retention';
import { formatDateTr } from '../../shared/turkish';
import { loadExcel } from '../app/heavy';
import { safeCell } from '../spreadsheets/workbook';

// The data inventory as an Excel file, in Turkish and in the columns VERBİS asks for, one row per process,
// data category and data subject group; a second sheet lists the retention rules the periods come from.

export const INVENTORY_COLUMNS = [
  { header: 'Süreç / birim', width: 34 },
  { header: 'Kişisel veri kategorisi', width: 20 },
  { header: 'Özel nitelikli', width: 10 },
  { header: 'İlgili kişi grubu', width: 30 },
  { header: 'Kişisel veriler', width: 34 },
  { header: 'İşleme amacı', width: 40 },
  { header: 'Hukuki sebep (KVKK m. 5/6)', width: 34 },
  { header: 'Saklama süresi', width: 28 },
  { header: 'Alıcı / alıcı grupları', width: 40 },
  { header: 'Yurt dışına aktarım', width: 12 },
  { header: 'Teknik tedbirler', width: 50 },
  { header: 'İdari tedbirler', width: 50 },
] as const;

const RULE_COLUMNS = [
  { header: 'Kural', width: 26 },
  { header: 'Veri kategorisi', width: 60 },
  { header: 'Süre (yıl)', width: 10 },
  { header: 'Süre başlangıcı', width: 44 },
  { header: 'Dayanak', width: 70 },
] as const;

export async function inventoryWorkbook(rows: InventoryRow[], years: RetentionYears, today: string) {
  const Excel = await loadExcel();
  const workbook = new Excel.Workbook();
  workbook.creator = 'Köprü';
  const addSheet = (name: string, columns: readonly { header: string; width: number }[], data: (string | number)[][]) => {
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
    sheet.getRow(1).font = { bold: true };
    for (const values of data) sheet.addRow(values.map(safeCell)).alignment = { vertical: 'top', wrapText: true };
    sheet.getRow(1).alignment = { vertical: 'top', wrapText: true };
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  };
  addSheet(
    'Envanter',
    INVENTORY_COLUMNS,
    rows.map((r) => [
      r.process.tr, r.category.tr, r.special ? 'Evet' : 'Hayır', r.subjects.tr, r.items.tr, r.purpose.tr, r.legalBasis.tr,
      r.retention.tr, r.recipients.tr, r.transferAbroad.tr, r.technical.tr, r.administrative.tr,
    ]),
  );
  addSheet(
    'Saklama süreleri',
    RULE_COLUMNS,
    RETENTION_RULES.map((rule) => [rule.id, rule.label.tr, years[rule.id], RETENTION_ANCHOR_LABELS[rule.anchor].tr, rule.basis.tr]),
  );
  return {
    fileName: `Kişisel veri envanteri ${formatDateTr(today)}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    contentBase64: Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64'),
    rows: rows.length,
  };
}
