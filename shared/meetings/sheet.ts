import type { Participant } from '../contract/meetings';
import { compareTurkish } from '../turkish';
import { PARTICIPANT_KINDS } from './fields';

// The printed attendance sheet (hazirun) and the way back to data (issue #18): each invitee has a row number on
// the sheet, and the sheet carries a code naming the meeting and the exact list it was printed from. After the
// meeting the clerk types the code and the row numbers that were signed; the same sheet entered twice changes
// nothing, and a sheet printed from a list that has changed since is refused (its numbers would point at other
// people).

/** The invitees in the sheet's order: by kind as the minutes group them, then in Turkish alphabetical order. */
export function sheetRows<P extends Pick<Participant, 'id' | 'kind' | 'fullName' | 'invited'>>(participants: readonly P[]): P[] {
  const kindRank = new Map(PARTICIPANT_KINDS.map((k, i) => [k, i]));
  return participants
    .filter((p) => p.invited)
    .slice()
    .sort((a, b) => (kindRank.get(a.kind) ?? 99) - (kindRank.get(b.kind) ?? 99) || compareTurkish(a.fullName, b.fullName) || (a.id < b.id ? -1 : 1));
}

/** A short, stable hash (FNV-1a, base 36) of a text: enough to tell two printed lists apart, not a secret. */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).toUpperCase().padStart(7, '0').slice(-5);
}

/** The code printed on the sheet: the meeting's short id and the hash of the listed rows in order. */
export function sheetCode(meetingId: string, rows: readonly { id: string }[]): string {
  const meeting = meetingId.replace(/-/g, '').slice(-6).toUpperCase();
  return `${meeting}-${shortHash(rows.map((r) => r.id).join(','))}`;
}

/** Normalises a typed code: upper case, spaces dropped. */
export function normaliseSheetCode(text: string): string {
  return text.trim().replace(/\s+/g, '').toUpperCase();
}

/**
 * The row numbers a clerk typed ("1, 3-5 8") as numbers, or the first part that is not a number or a range.
 */
export function parseRowNumbers(text: string): { ok: true; rows: number[] } | { ok: false; bad: string } {
  const rows = new Set<number>();
  for (const part of text.split(/[\s,;]+/).filter(Boolean)) {
    const range = /^(\d{1,4})\s*[-–]\s*(\d{1,4})$/.exec(part);
    if (range) {
      const [from, to] = [Number(range[1]), Number(range[2])];
      if (from < 1 || to < from) return { ok: false, bad: part };
      for (let n = from; n <= to; n++) rows.add(n);
    } else if (/^\d{1,4}$/.test(part) && Number(part) >= 1) rows.add(Number(part));
    else return { ok: false, bad: part };
  }
  return { ok: true, rows: [...rows].sort((a, b) => a - b) };
}
