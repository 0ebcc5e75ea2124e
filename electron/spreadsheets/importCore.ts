import { ACTIVITY_AREA_LABELS, ACTIVITY_AREAS, type ActivityArea } from '../../shared/registry/fields';
import type { ImportField } from '../../shared/registry/importFields';
import { foldTurkish } from '../../shared/turkish';
import type Database from 'better-sqlite3';
import { headerKey } from '../registry/spreadsheet';

// The generic half of a spreadsheet import, shared by the registry and the directory: matching sheet headers
// to a module's importable fields (given mapping first, then Turkish-folded header synonyms) and reading
// comma-separated activity-area labels. File reading and encoding detection live in registry/spreadsheet.ts.

export type Mapping<F extends string> = Partial<Record<F, string>>;

/**
 * Maps each field to a sheet header: a field the user mapped by hand keeps that header (an empty string
 * means "not imported"); otherwise the first recognised synonym (compared folded, without spaces) wins.
 */
export function autoMapping<F extends string>(fields: Record<F, ImportField>, headers: string[], given: Record<string, string> = {}): Mapping<F> {
  const mapping: Mapping<F> = {};
  const byKey = new Map(headers.map((h) => [headerKey(h), h]));
  for (const field of Object.keys(fields) as F[]) {
    const chosen = given[field];
    if (chosen !== undefined) {
      if (chosen !== '' && headers.includes(chosen)) mapping[field] = chosen;
      continue;
    }
    const synonym = fields[field].synonyms.find((s) => byKey.has(s));
    if (synonym) mapping[field] = byKey.get(synonym)!;
  }
  return mapping;
}

/** Fields whose mapping is required but missing. */
export function unmappedRequired<F extends string>(fields: Record<F, ImportField>, mapping: Mapping<F>): F[] {
  return (Object.keys(fields) as F[]).filter((f) => fields[f].required && !mapping[f]);
}

/** Activity areas written as labels (or keys), separated by `,`, `;` or `/`; unknown parts are returned apart. */
export function parseActivityAreas(text: string): { areas: ActivityArea[]; unknown: string[] } {
  const labels = new Map(ACTIVITY_AREAS.map((a) => [foldTurkish(ACTIVITY_AREA_LABELS[a]), a]));
  const areas: ActivityArea[] = [];
  const unknown: string[] = [];
  for (const part of text.split(/[,;/]/).map((p) => p.trim()).filter(Boolean)) {
    const folded = foldTurkish(part);
    const hit = labels.get(folded) ?? ACTIVITY_AREAS.find((a) => foldTurkish(ACTIVITY_AREA_LABELS[a]).startsWith(folded) || a === part.toUpperCase());
    if (hit) areas.push(hit);
    else unknown.push(part);
  }
  return { areas: [...new Set(areas)], unknown };
}

/**
 * Applies planned rows in one write transaction, all or nothing, with `breathe` between rows: a cancel rolls
 * everything back, and other calls (reads, the window's status) are answered meanwhile instead of waiting for
 * the whole sheet. Writes of other calls wait in the backend's queue, so nothing joins this transaction.
 */
export async function applyInOneTransaction<T>(sqlite: Database.Database, steps: readonly T[], apply: (step: T) => void, breathe: () => Promise<void>, progress?: (done: number) => void): Promise<void> {
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    for (let i = 0; i < steps.length; i++) {
      apply(steps[i]!);
      if ((i & 31) === 31) {
        progress?.(i + 1);
        await breathe();
      }
    }
    sqlite.exec('COMMIT');
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw error;
  }
}
