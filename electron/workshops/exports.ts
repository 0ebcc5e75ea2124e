import type { WorkshopSummary } from '../../shared/contract/workshops';
import { WORKSHOP_KIND_LABELS } from '../../shared/meetings/fields';
import { listWorkbook, type XlsxColumn } from '../spreadsheets/workbook';

// The workshop list as an Excel file: the rows `workshops:list` returns for the same filters, newest first.

const COLUMNS: XlsxColumn[] = [
  { header: 'Başlık', width: 48 }, { header: 'Tür', width: 18 }, { header: 'Bölge', width: 20 }, { header: 'Başlangıç', width: 12, date: true },
  { header: 'Bitiş', width: 12, date: true }, { header: 'Ev sahibi il', width: 16 }, { header: 'Yer', width: 30 }, { header: 'Katılımcı', width: 10 },
  { header: 'Kurum', width: 10 }, { header: 'İl sayısı', width: 10 },
];

export function workshopsWorkbook(rows: WorkshopSummary[], today: string) {
  return listWorkbook('Çalıştaylar', today, COLUMNS, (function* () {
    for (const w of rows) {
      yield [w.title, WORKSHOP_KIND_LABELS[w.kind], w.region ?? 'Ulusal', w.startOn, w.endOn, w.hostName, w.venue, w.participants, w.organisations, w.provinces];
    }
  })());
}
