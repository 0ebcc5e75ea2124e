import { normalisePlate } from '../../../shared/regions';
import { foldTurkish } from '../../../shared/turkish';

// Rows pasted from Excel (tab-separated: Ad Soyad, Unvan, Kurum, İl) become a bulk participant call. Problems
// are found here first, per row, so the clerk fixes them before anything is sent.

export interface PastedParticipant {
  fullName: string;
  title: string | null;
  organisationName: string;
  provincePlate: string;
}

export type PasteProblem =
  | { row: number; key: 'columns'; count: number }
  | { row: number; key: 'name' }
  | { row: number; key: 'organisation' }
  | { row: number; key: 'province'; text: string };

/** A header row ("Ad Soyad", "Unvan", …) is recognised by its first cell and skipped. */
function isHeader(cells: string[]): boolean {
  const first = foldTurkish(cells[0] ?? '');
  return first === 'ad soyad' || first === 'adi soyadi' || first === 'ad soyadi' || first === 'full name';
}

export function parsePastedParticipants(text: string): { rows: PastedParticipant[]; lineOf: number[]; problems: PasteProblem[] } {
  const rows: PastedParticipant[] = [];
  const lineOf: number[] = [];
  const problems: PasteProblem[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const cells = line.split('\t').map((c) => c.trim());
    if (rows.length === 0 && problems.length === 0 && isHeader(cells)) return;
    const row = index + 1;
    while (cells.length > 4 && cells[cells.length - 1] === '') cells.pop();
    if (cells.length !== 4) {
      problems.push({ row, key: 'columns', count: cells.length });
      return;
    }
    const [fullName, title, organisationName, province] = cells as [string, string, string, string];
    const plate = normalisePlate(province);
    if (fullName.length < 3) problems.push({ row, key: 'name' });
    if (!organisationName) problems.push({ row, key: 'organisation' });
    if (!plate) problems.push({ row, key: 'province', text: province });
    rows.push({ fullName, title: title || null, organisationName, provincePlate: plate ?? '' });
    lineOf.push(row);
  });
  return { rows, lineOf, problems };
}
