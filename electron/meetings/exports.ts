import type { ChannelOutput } from '../../shared/contract';
import { DECISION_STATE_LABELS, TERM_CELL_STATE_LABELS } from '../../shared/meetings/fields';
import { iterateOpenDecisions } from '../../db/meetings/queries';
import type { OpenDatabase } from '../../db/open';
import { listWorkbook, type XlsxColumn, type XlsxValue } from '../spreadsheets/workbook';

// The meetings module's lists as Excel files. Each takes what its list channel returned (already scoped to
// the installation's role by that channel), so a file never holds a row the screen would not show.

export async function openDecisionsWorkbook(db: OpenDatabase, filter: Parameters<typeof iterateOpenDecisions>[1], today: string) {
  const columns: XlsxColumn[] = [
    { header: 'Karar no', width: 14 }, { header: 'Karar', width: 60 }, { header: 'İl', width: 14 }, { header: 'Gençlik merkezi', width: 32 },
    { header: 'Toplantı tarihi', width: 14, date: true }, { header: 'Sorumlu', width: 24 }, { header: 'Son tarih', width: 12, date: true },
    { header: 'Durum', width: 12 }, { header: 'Süresi geçti', width: 12 },
  ];
  return listWorkbook('Açık kararlar', today, columns, (function* () {
    for (const d of iterateOpenDecisions(db, filter, today)) {
      yield [d.code, d.text, d.provinceName, d.youthCentreName, d.meetingDate, d.responsible, d.dueOn, DECISION_STATE_LABELS[d.state], d.overdue ? 'Evet' : 'Hayır'];
    }
  })());
}

/** The planner grid: a row per youth centre, the state and the meeting's date for each term of the year. */
export function plannerWorkbook(p: ChannelOutput<'meetings:planner'>, overdueOnly: boolean, today: string) {
  const termNos = p.centres[0]?.cells.map((c) => c.no) ?? [];
  const columns: XlsxColumn[] = [
    { header: 'Gençlik merkezi', width: 40 }, { header: 'İlçe', width: 16 },
    ...termNos.flatMap((no) => [{ header: `${p.year}/${no} dönemi`, width: 22 }, { header: `${p.year}/${no} toplantı tarihi`, width: 14, date: true }]),
    { header: 'Gecikmiş', width: 10 },
  ];
  const rows = overdueOnly ? p.centres.filter((c) => c.overdue) : p.centres;
  return listWorkbook(`Toplantı planı ${p.provinceName} ${p.year}`, today, columns, (function* () {
    for (const c of rows) {
      yield [c.name, c.districtName, ...c.cells.flatMap((cell): XlsxValue[] => [TERM_CELL_STATE_LABELS[cell.state], cell.date]), c.overdue ? 'Evet' : 'Hayır'];
    }
  })(), 'Toplantı planı');
}

/** The ministry board: a row per province as on screen (no totals row, so Excel's filter and sums work on the rows). */
export function boardWorkbook(b: ChannelOutput<'meetings:board'>, today: string) {
  const columns: XlsxColumn[] = [
    { header: 'Plaka', width: 7 }, { header: 'İl', width: 16 }, { header: 'Bölge', width: 20 }, { header: 'Gençlik merkezi', width: 14 },
    ...b.terms.map((no) => ({ header: `${b.year}/${no} toplantı yapan`, width: 18 })),
    { header: 'Gecikmiş merkez', width: 15 },
  ];
  return listWorkbook(`Bakanlık panosu ${b.year}`, today, columns, (function* () {
    for (const p of b.provinces) yield [p.plate, p.name, p.region, p.centres, ...p.heldByTerm, p.overdueCentres];
  })(), 'Bakanlık panosu');
}
