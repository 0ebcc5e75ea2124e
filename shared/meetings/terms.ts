// Meeting terms (DOMAIN.md §5, a decision): three a year, Jan–Apr, May–Aug, Sep–Dec. Ministry reference
// data (`reference_data` row `meetingTerms`), so the defaults below apply until the ministry edits them.

export interface MeetingTerm {
  no: number;
  /** First and last month of the term, 1–12, inclusive. */
  fromMonth: number;
  toMonth: number;
}

export const MEETING_TERMS_ID = 'meetingTerms';

export const DEFAULT_MEETING_TERMS: readonly MeetingTerm[] = [
  { no: 1, fromMonth: 1, toMonth: 4 },
  { no: 2, fromMonth: 5, toMonth: 8 },
  { no: 3, fromMonth: 9, toMonth: 12 },
];

/** Terms must cover the twelve months exactly once, in order. Returns a Turkish message or null. */
export function termsProblem(terms: readonly MeetingTerm[]): string | null {
  if (terms.length === 0) return 'En az bir dönem tanımlanmalı.';
  let next = 1;
  for (const [i, term] of terms.entries()) {
    if (term.no !== i + 1) return `Dönem numaraları 1'den başlayıp sırayla artmalı (${i + 1}. dönem).`;
    if (term.fromMonth !== next) return `${term.no}. dönem ${next}. ayda başlamalı; aylar boşluksuz ve çakışmasız olmalı.`;
    if (term.toMonth < term.fromMonth || term.toMonth > 12) return `${term.no}. dönemin bitiş ayı geçersiz.`;
    next = term.toMonth + 1;
  }
  return next === 13 ? null : 'Dönemler aralık ayında bitmeli (yılın tamamını kapsamalı).';
}

export interface TermRef {
  year: number;
  no: number;
}

/** The term an ISO date (`YYYY-MM-DD…`) falls in. */
export function termOf(isoDate: string, terms: readonly MeetingTerm[] = DEFAULT_MEETING_TERMS): TermRef {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  const term = terms.find((t) => month >= t.fromMonth && month <= t.toMonth);
  if (!term) throw new Error(`No meeting term covers month ${month}`);
  return { year, no: term.no };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** First and last day of a term, ISO. */
export function termRange(ref: TermRef, terms: readonly MeetingTerm[] = DEFAULT_MEETING_TERMS): { from: string; to: string } {
  const term = terms.find((t) => t.no === ref.no);
  if (!term) throw new Error(`No meeting term ${ref.no}`);
  const lastDay = new Date(Date.UTC(ref.year, term.toMonth, 0)).getUTCDate();
  return { from: `${ref.year}-${pad(term.fromMonth)}-01`, to: `${ref.year}-${pad(term.toMonth)}-${pad(lastDay)}` };
}

/** `2026/2` — how terms are written in lists and reports. */
export function termLabel(ref: TermRef): string {
  return `${ref.year}/${ref.no}`;
}

/** Every term from `from` to `to` inclusive, in order. */
export function termsBetween(from: TermRef, to: TermRef, terms: readonly MeetingTerm[] = DEFAULT_MEETING_TERMS): TermRef[] {
  const out: TermRef[] = [];
  for (let year = from.year; year <= to.year; year++) {
    for (const t of terms) {
      if (year === from.year && t.no < from.no) continue;
      if (year === to.year && t.no > to.no) break;
      out.push({ year, no: t.no });
    }
  }
  return out;
}
