import type ExcelJS from 'exceljs';
import { loadExcel } from '../app/heavy';
import type { Report } from '../../shared/contract/reports';
import { formatDateTr } from '../../shared/turkish';
import { safeCell } from '../spreadsheets/workbook';
import { BREAKDOWN_LABELS, periodText } from './report';
import { documentHeader, heading, issuedBy, render, table, type Issuer } from '../documents/layout';

// The report as a workbook (one sheet per table, figures first with their definitions) and as a printable
// PDF. Cells that a spreadsheet would run as formulas are written as text.

function addSheet(workbook: ExcelJS.Workbook, name: string, columns: { header: string; width: number }[], rows: (string | number | null)[][]) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map(safeCell));
  return sheet;
}

export async function reportWorkbook(report: Report): Promise<Buffer> {
  const Excel = await loadExcel();
  const workbook = new Excel.Workbook();
  workbook.creator = 'Köprü';
  const figures = addSheet(
    workbook,
    'Göstergeler',
    [{ header: 'Gösterge', width: 34 }, { header: 'Değer', width: 10 }, { header: 'Tanım', width: 110 }],
    [
      ['Kapsam', report.scopeLabel, null],
      ['Dönem', periodText(report), null],
      ...report.figures.map((f) => [f.label, f.value, f.definition]),
      ['İlk toplantı', report.firstMeeting ? `${formatDateTr(report.firstMeeting.date)}, ${report.firstMeeting.provinceName} — ${report.firstMeeting.youthCentreName}` : '—', 'Kapsam ve dönem içinde yapılan ilk toplantı.'],
    ],
  );
  figures.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
  if (report.breakdown) {
    addSheet(
      workbook,
      'Kırılım',
      [{ header: BREAKDOWN_LABELS[report.breakdown.level], width: 40 }, { header: 'Yapılan toplantı', width: 16 }, { header: 'STK katılımı', width: 14 }, { header: 'STK temsilcisi', width: 15 }, { header: 'Farklı STK', width: 12 }],
      report.breakdown.rows.map((r) => [r.name, r.meetingsHeld, r.csoAttendances, r.csoRepresentatives, r.uniqueCsos]),
    );
  }
  addSheet(
    workbook,
    'Dönemler',
    [{ header: 'Yıl', width: 8 }, { header: 'Dönem', width: 8 }, { header: 'Yapılan toplantı', width: 16 }, { header: 'Gençlik merkezi', width: 16 }, { header: 'İl', width: 8 }],
    report.perTerm.map((r) => [r.year, r.no, r.meetingsHeld, r.youthCentres, r.provinces]),
  );
  addSheet(
    workbook,
    'Bölge çalıştayları',
    [{ header: 'Bölge', width: 26 }, { header: 'Çalıştay', width: 10 }, { header: 'Katılımcı', width: 10 }, { header: 'Kurum', width: 10 }, { header: 'Katılımcı ili', width: 13 }, { header: 'Ev sahibi il', width: 12 }],
    report.workshopsByRegion.map((r) => [r.region, r.workshops, r.participants, r.organisations, r.provinces, r.hostProvinces]),
  );
  addSheet(workbook, 'Talep kategorileri', [{ header: 'Kategori', width: 40 }, { header: 'Talep', width: 10 }], report.requestsByCategory.map((r) => [r.category, r.count]));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function reportPdf(report: Report, issuer: Issuer): Promise<Buffer> {
  return render(`Göstergeler — ${report.scopeLabel}`, (doc) => {
    documentHeader(doc, issuer, 'STK İLİŞKİLERİ GÖSTERGELERİ');
    doc.fontSize(10.5);
    doc.font('bold').text('Kapsam: ', { continued: true }).font('body').text(report.scopeLabel);
    doc.font('bold').text('Dönem: ', { continued: true }).font('body').text(`${periodText(report)} (başlangıç ve bitiş günleri dahil)`);
    if (report.firstMeeting) {
      doc.font('bold').text('İlk toplantı: ', { continued: true }).font('body').text(`${formatDateTr(report.firstMeeting.date)}, ${report.firstMeeting.provinceName} — ${report.firstMeeting.youthCentreName}`);
    }
    doc.moveDown(0.6);
    table(doc, [{ header: 'Gösterge', width: 2.2 }, { header: 'Değer', width: 0.8, align: 'right' }, { header: 'Tanım', width: 6 }], report.figures.map((f) => [f.label, f.value.toLocaleString('tr-TR'), f.definition]), { fontSize: 8 });
    if (report.breakdown) {
      heading(doc, `${BREAKDOWN_LABELS[report.breakdown.level]} kırılımı`, 60, 11);
      table(
        doc,
        [{ header: BREAKDOWN_LABELS[report.breakdown.level], width: 3 }, { header: 'Toplantı', width: 1, align: 'right' }, { header: 'STK katılımı', width: 1.2, align: 'right' }, { header: 'STK temsilcisi', width: 1.3, align: 'right' }, { header: 'Farklı STK', width: 1.1, align: 'right' }],
        report.breakdown.rows.map((r) => [r.name, r.meetingsHeld, r.csoAttendances, r.csoRepresentatives, r.uniqueCsos]),
        { fontSize: 8.5 },
      );
    }
    if (report.perTerm.length) {
      heading(doc, 'Dönemlere göre toplantılar', 60, 11);
      table(doc, [{ header: 'Dönem', width: 2 }, { header: 'Toplantı', width: 1, align: 'right' }, { header: 'Gençlik merkezi', width: 1.4, align: 'right' }, { header: 'İl', width: 1, align: 'right' }], report.perTerm.map((r) => [`${r.year} / ${r.no}. dönem`, r.meetingsHeld, r.youthCentres, r.provinces]), { fontSize: 8.5 });
    }
    if (report.workshopsByRegion.length) {
      heading(doc, 'Bölgelere göre çalıştaylar', 60, 11);
      table(
        doc,
        [{ header: 'Bölge', width: 2.4 }, { header: 'Çalıştay', width: 1, align: 'right' }, { header: 'Katılımcı', width: 1, align: 'right' }, { header: 'Kurum', width: 1, align: 'right' }, { header: 'Katılımcı ili', width: 1.2, align: 'right' }, { header: 'Ev sahibi il', width: 1.2, align: 'right' }],
        report.workshopsByRegion.map((r) => [r.region, r.workshops, r.participants, r.organisations, r.provinces, r.hostProvinces]),
        { fontSize: 8.5 },
      );
    }
    if (report.requestsByCategory.length) {
      heading(doc, 'Kategorilere göre STK talepleri', 60, 11);
      table(doc, [{ header: 'Kategori', width: 4 }, { header: 'Talep', width: 1, align: 'right' }], report.requestsByCategory.map((r) => [r.category, r.count]), { fontSize: 8.5 });
    }
  }, { footer: issuedBy(issuer) });
}
