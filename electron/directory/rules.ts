import { AppError, type FieldIssue, msg, fieldIssue } from '../../shared/contract';
import { normaliseKutukNo, normalisePhone } from '../../shared/identifiers';
import type { Row } from '../../db/changeLog/writer';
import { findByIdentifier } from '../../db/directory/queries';
import type { OpenDatabase } from '../../db/open';

// Rules shared by the directory's handlers and its spreadsheet import: contract fields → columns
// (normalised identifiers, phone, e-mail), the registry link by kütük no, and the duplicate check.

const PLAIN: Record<string, string> = {
  kind: 'kind', subtype: 'subtype', name: 'name', shortName: 'short_name', provincePlate: 'province_plate', districtId: 'district_id',
  associationId: 'association_id', website: 'website', address: 'address', notes: 'notes',
};

/** Only the fields present in `input` become columns (an update changes only what it was given). */
export function organisationColumns(input: Partial<Record<string, unknown>>): Row {
  const row: Row = {};
  for (const [key, column] of Object.entries(PLAIN)) {
    if (!(key in input)) continue;
    const value = input[key];
    row[column] = typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') || null : (value ?? null);
  }
  if ('vkn' in input) row.vkn = input.vkn ? String(input.vkn).trim() : null;
  if ('kutukNo' in input) row.kutuk_no = input.kutukNo ? normaliseKutukNo(String(input.kutukNo)) : null;
  if ('phone' in input) row.phone = input.phone ? normalisePhone(String(input.phone)) : null;
  if ('email' in input) row.email = input.email ? String(input.email).trim().toLowerCase() : null;
  if ('activityAreas' in input) row.activity_areas = JSON.stringify(input.activityAreas ?? []);
  if ('youthFocus' in input) row.youth_focus = input.youthFocus ? 1 : 0;
  return row;
}

/** The registry's association with this kütük no (a registered youth association), if any. */
export function associationByKutuk(db: OpenDatabase, kutukNo: unknown): string | null {
  if (typeof kutukNo !== 'string' || !kutukNo) return null;
  const hit = db
    .stmt(`SELECT id FROM associations WHERE kutuk_no = ? AND deleted_at IS NULL ORDER BY status = 'AKTARILDI', updated_at DESC LIMIT 1`)
    .get(kutukNo) as { id: string } | undefined;
  return hit?.id ?? null;
}

const IDENTIFIERS = [
  { column: 'vkn', path: 'vkn', label: 'Vergi kimlik no', what: 'vergi kimlik numarası' },
  { column: 'kutuk_no', path: 'kutukNo', label: 'DERBİS kütük no', what: 'kütük numarası' },
] as const;

/** The identifiers of `row` already used by another live organisation, each naming that record. */
export function duplicateIssues(db: OpenDatabase, row: Row, excludeId?: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const { column, path, label, what } of IDENTIFIERS) {
    const value = row[column];
    if (!value) continue;
    const hit = findByIdentifier(db, column, String(value), excludeId)[0];
    if (hit) issues.push(fieldIssue({ path, label, message: msg('directory.buWhatZatenKayitli', { what, name: hit.name, provinceName: hit.provinceName }) }));
  }
  return issues;
}

export function assertNoDuplicate(db: OpenDatabase, row: Row, excludeId?: string): void {
  const issues = duplicateIssues(db, row, excludeId);
  if (issues.length) throw AppError.ofIssues('CONFLICT', issues, false);
}
