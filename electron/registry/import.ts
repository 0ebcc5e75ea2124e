import { AppError, listOf, msg, word, type Msg } from '../../shared/contract';
import { rowError, rowWarning, type ImportRowError, type ImportRowWarning } from '../../shared/contract/fields';
import { zodFieldIssue } from '../../shared/contract/messages';
import { createAssociationInput, type ImportReport } from '../../shared/contract/registry';
import { isValidVkn, normaliseKutukNo, normalisePhone, phoneProblem } from '../../shared/identifiers';
import { REGISTRY_IMPORT_FIELDS, type RegistryImportField } from '../../shared/registry/importFields';
import { REGISTRATION_NO } from '../../shared/registry/registration';
import { foldTurkish } from '../../shared/turkish';
import type { Identity } from '../../shared/contract/installation';
import type { ChangeWriter, Row } from '../../db/changeLog/writer';
import type { OpenDatabase } from '../../db/open';
import { breather, type Job } from '../app/jobs';
import { listDistricts } from '../../db/orgUnits/queries';
import { associationHistorySpec, associationsSpec } from '../../db/registry/specs';
import { applyInOneTransaction, autoMapping as genericAutoMapping, parseActivityAreas, unmappedRequired as missingRequired } from '../spreadsheets/importCore';
import { cellDate, cellText, readSpreadsheet, type CellValue } from './spreadsheet';

// Spreadsheet import of an existing registry: automatic + saved column mapping, a dry-run report per row
// (new / update / duplicate / unchanged / invalid with reasons), and an apply step that writes the valid
// rows in one transaction. Re-importing the same file changes nothing.

type Mapping = Partial<Record<RegistryImportField, string>>;

export const autoMapping = (headers: string[], given: Record<string, string> = {}): Mapping => genericAutoMapping(REGISTRY_IMPORT_FIELDS, headers, given);

interface ParsedRow {
  row: number;
  input: Row | null;
  registration: { registrationNo: string; registeredOn: string } | null;
  errors: ImportRowError[];
  warnings: ImportRowWarning[];
  name: string | null;
}

/** A problem with one of the row's fields, the field named in the interface language by its dictionary key. */
const fieldError = (field: RegistryImportField, message: Msg | { message: string; key?: string }) =>
  rowError(REGISTRY_IMPORT_FIELDS[field].label, message, `registry.importField.${field}`);

function parseRow(cells: Record<string, CellValue>, row: number, mapping: Mapping, districts: Map<string, string>, plate: string): ParsedRow {
  const errors: ParsedRow['errors'] = [];
  const warnings: ImportRowWarning[] = [];
  const get = (field: RegistryImportField): string => {
    const header = mapping[field];
    if (!header) return '';
    const { text, formula } = cellText(cells[header] ?? null);
    if (formula) warnings.push(rowWarning(msg('registry.import.formulaCell', { field: word('registry.importField', field) })));
    return text;
  };
  const error = (field: RegistryImportField, message: Msg) => errors.push(fieldError(field, message));
  const date = (field: RegistryImportField): string | null => {
    const header = mapping[field];
    if (!header) return null;
    const value = cellDate(cells[header] ?? null);
    if (value === 'invalid') {
      error(field, msg('schema.tarihGgAaYyyy'));
      return null;
    }
    return value;
  };

  const name = get('name');
  if (/^[=+@]/.test(name)) error('name', msg('registry.import.formulaName'));
  const districtText = get('district');
  const districtId = districts.get(foldTurkish(districtText));
  if (!districtText) error('district', msg('registry.import.districtEmpty'));
  else if (!districtId) error('district', msg('registry.import.districtNotHere', { value: districtText }));

  const clubTypeText = foldTurkish(get('clubType'));
  const clubType = clubTypeText.includes('spor') ? 'GENCLIK_VE_SPOR_KULUBU' : 'GENCLIK_KULUBU';
  if (!clubTypeText && mapping.clubType) warnings.push(rowWarning(msg('registry.import.clubTypeDefaulted')));

  const kutukText = get('kutukNo');
  const kutukNo = kutukText ? normaliseKutukNo(kutukText) : null;
  if (kutukText && !kutukNo) error('kutukNo', msg('registry.import.kutukFormat'));
  if (kutukNo && kutukNo.slice(0, 2) !== plate) warnings.push(rowWarning(msg('registry.import.kutukOtherProvince', { code: kutukNo.slice(0, 2) })));

  const vkn = get('vkn').replace(/\s/g, '');
  if (vkn && !isValidVkn(vkn)) error('vkn', msg('registry.import.vknInvalid'));

  const phoneText = get('phone');
  const phone = phoneText ? normalisePhone(phoneText) : null;
  if (phoneText && !phone) error('phone', phoneProblem(phoneText)!);

  const memberText = get('memberCount');
  const memberCount = memberText ? Number(memberText.replace(/\./g, '')) : null;
  if (memberText && (!Number.isInteger(memberCount) || (memberCount ?? 0) < 0)) error('memberCount', msg('registry.import.memberCount'));

  const { areas, unknown } = parseActivityAreas(get('activityAreas'));
  if (unknown.length) warnings.push(rowWarning(msg('registry.import.unknownAreas', { values: unknown.join(', ') })));

  const registrationNo = get('registrationNo').toUpperCase().replace(/\s/g, '');
  const registeredOn = date('registeredOn');
  let registration: ParsedRow['registration'] = null;
  if (registrationNo) {
    const m = REGISTRATION_NO.exec(registrationNo);
    if (!m) error('registrationNo', msg('registry.import.registrationNoFormat'));
    else if (m[1] !== plate) error('registrationNo', msg('registry.import.registrationNoProvince'));
    else if (!registeredOn) error('registeredOn', msg('registry.import.registeredOnMissing'));
    else registration = { registrationNo, registeredOn };
  }

  const candidate = {
    name,
    shortName: get('shortName') || null,
    clubType,
    kutukNo,
    vkn: vkn || null,
    taxOffice: get('taxOffice') || null,
    foundedOn: date('foundedOn'),
    districtId: districtId ?? '',
    neighbourhood: get('neighbourhood') || null,
    street: get('street') || null,
    phone: phone ? phoneText : null,
    email: get('email').toLowerCase() || null,
    website: get('website') || null,
    activityAreas: areas,
    memberCount: memberText && Number.isInteger(memberCount) ? memberCount : null,
  };
  const parsed = createAssociationInput.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      // Field-level problems already reported above in the sheet's own terms are not repeated.
      if (['districtId', 'kutukNo', 'vkn', 'phone', 'memberCount', 'foundedOn'].includes(field)) continue;
      const importField = (field === 'name' ? 'name' : field) as RegistryImportField;
      const fieldIssue = zodFieldIssue(createAssociationInput, issue);
      errors.push(importField in REGISTRY_IMPORT_FIELDS ? fieldError(importField, fieldIssue) : rowError(field, fieldIssue));
    }
  }
  const input: Row | null = errors.length
    ? null
    : {
        province_plate: plate,
        district_id: candidate.districtId,
        neighbourhood: candidate.neighbourhood,
        street: candidate.street,
        name: name.replace(/\s+/g, ' '),
        short_name: candidate.shortName,
        club_type: clubType,
        kutuk_no: kutukNo,
        vkn: candidate.vkn,
        tax_office: candidate.taxOffice,
        founded_on: candidate.foundedOn,
        phone,
        email: candidate.email,
        website: candidate.website,
        activity_areas: JSON.stringify(areas),
        member_count: candidate.memberCount,
      };
  return { row, input, registration, errors, warnings, name: name || null };
}

interface Existing {
  id: string;
  owner_unit: string;
  [column: string]: unknown;
}

/** Live records of the province by Turkish-folded name and district, loaded once per import. */
function namesOf(db: OpenDatabase, plate: string): Map<string, Existing> {
  const rows = db
    .stmt(`SELECT * FROM associations WHERE province_plate = ? AND deleted_at IS NULL AND status != 'AKTARILDI'`)
    .all(plate) as Existing[];
  return new Map(rows.map((a) => [`${String(a.district_id)}|${foldTurkish(String(a.name))}`, a]));
}

function findExisting(db: OpenDatabase, byName: Map<string, Existing>, input: Row, registrationNo: string | null): Existing | undefined {
  const lookups: [string, unknown][] = [
    ['kutuk_no = ?', input.kutuk_no],
    ['vkn = ?', input.vkn],
    ['registration_no = ?', registrationNo],
  ];
  for (const [where, value] of lookups) {
    if (!value) continue;
    const hit = db.stmt(`SELECT * FROM associations WHERE ${where} AND deleted_at IS NULL AND status != 'AKTARILDI' LIMIT 1`).get(value) as Existing | undefined;
    if (hit) return hit;
  }
  return byName.get(`${String(input.district_id)}|${foldTurkish(String(input.name))}`);
}

/** Fields of `input` that differ from the stored row (only the fields the sheet filled). */
function changedFields(existing: Existing, input: Row): Row {
  const patch: Row = {};
  for (const [column, value] of Object.entries(input)) {
    if (value === null || value === '' || value === '[]') continue;
    if (existing[column] !== value) patch[column] = value;
  }
  return patch;
}

export interface ImportOptions {
  fileName: string;
  content: Buffer;
  mapping?: Record<string, string>;
  duplicates: 'skip' | 'update';
  apply: boolean;
  /** The job this import runs as (progress, cancel); absent in tests that call it directly. */
  job?: Job | null;
  /** The installation's clock (its steps are stamped with it, as every other step is). */
  now?: number;
}

export async function importRegistry(db: OpenDatabase, identity: Identity, writer: ChangeWriter, options: ImportOptions): Promise<ImportReport> {
  const plate = identity.provincePlate;
  if (!plate) throw new AppError('FORBIDDEN');
  const sheet = await readSpreadsheet(options.fileName, options.content);
  const mapping = autoMapping(sheet.headers, options.mapping);
  const unmappedRequired = missingRequired(REGISTRY_IMPORT_FIELDS, mapping);
  const districts = new Map(listDistricts(db, plate).map((d) => [foldTurkish(d.name), d.id]));
  const report: ImportReport = {
    headers: sheet.headers,
    mapping: mapping as Record<string, string>,
    unmappedRequired: unmappedRequired.map((f) => REGISTRY_IMPORT_FIELDS[f].label),
    unmappedRequiredFields: unmappedRequired,
    totals: { rows: sheet.rows.length, new: 0, update: 0, duplicateSkip: 0, invalid: 0, unchanged: 0 },
    rows: [],
    applied: false,
  };
  if (unmappedRequired.length) {
    const unmapped = msg('registry.import.unmapped', { fields: listOf(unmappedRequired.map((f) => word('registry.importField', f))) });
    for (const r of sheet.rows) report.rows.push({ row: r.row, outcome: 'invalid', name: null, existingId: null, errors: [rowError('Eşleştirme', unmapped)], warnings: [] });
    report.totals.invalid = sheet.rows.length;
    return report;
  }

  const seen = new Map<string, number>();
  const byName = namesOf(db, plate);
  const plan: { parsed: ParsedRow; existing?: Existing; patch?: Row }[] = [];
  const breathe = breather(options.job ?? null);
  let planned = 0;
  for (const r of sheet.rows) {
    if ((++planned & 63) === 0) {
      options.job?.progress('read', planned, sheet.rows.length);
      await breathe();
    }
    const parsed = parseRow(r.cells, r.row, mapping, districts, plate);
    const entry = { row: r.row, name: parsed.name, existingId: null as string | null, errors: parsed.errors, warnings: parsed.warnings };
    if (!parsed.input) {
      report.rows.push({ ...entry, outcome: 'invalid' });
      report.totals.invalid++;
      continue;
    }
    const keys = [parsed.input.kutuk_no && `k:${parsed.input.kutuk_no}`, parsed.input.vkn && `v:${parsed.input.vkn}`, `n:${parsed.input.district_id}:${foldTurkish(String(parsed.input.name))}`].filter(Boolean) as string[];
    const repeat = keys.map((k) => seen.get(k)).find((n) => n !== undefined);
    if (repeat !== undefined) {
      report.rows.push({ ...entry, outcome: 'invalid', errors: [rowError('Satır', msg('registry.import.sameAsRow', { row: String(repeat) }))] });
      report.totals.invalid++;
      continue;
    }
    keys.forEach((k) => seen.set(k, r.row));
    const existing = findExisting(db, byName, parsed.input, parsed.registration?.registrationNo ?? null);
    if (!existing) {
      report.rows.push({ ...entry, outcome: 'new' });
      report.totals.new++;
      plan.push({ parsed });
      continue;
    }
    entry.existingId = existing.id;
    const patch = changedFields(existing, parsed.input);
    if (Object.keys(patch).length === 0) {
      report.rows.push({ ...entry, outcome: 'unchanged' });
      report.totals.unchanged++;
    } else if (options.duplicates === 'skip') {
      report.rows.push({ ...entry, outcome: 'duplicate-skip' });
      report.totals.duplicateSkip++;
    } else if (existing.owner_unit !== identity.unitId) {
      report.rows.push({ ...entry, outcome: 'invalid', errors: [rowError('Satır', msg('registry.import.otherProvince'))] });
      report.totals.invalid++;
    } else {
      report.rows.push({ ...entry, outcome: 'update' });
      report.totals.update++;
      plan.push({ parsed, existing, patch });
    }
  }

  if (options.apply) {
    const at = new Date(options.now ?? Date.now()).toISOString();
    options.job?.progress('apply', 0, plan.length);
    const applyStep = (step: (typeof plan)[number]) => {
      if (step.existing && step.patch) {
        writer.update(associationsSpec, step.existing.id, step.patch);
        return;
      }
      const created = writer.insert(associationsSpec, identity.unitId, step.parsed.input!);
      if (step.parsed.registration) {
        writer.insert(associationHistorySpec, identity.unitId, {
          association_id: created.id,
          kind: 'REGISTRATION',
          action: 'import',
          from_state: 'TASLAK',
          to_state: 'TESCILLI',
          at,
          actor_unit: identity.unitId,
          actor_name: null,
          letter_date: null,
          letter_no: null,
          reason: `Tablodan aktarıldı (${options.fileName}, satır ${step.parsed.row}).`,
          // The file and row also as data, so the screens word the line in their language (the reason stays Turkish).
          data: JSON.stringify({ ...step.parsed.registration, importedFrom: { fileName: options.fileName, row: step.parsed.row } }),
        });
      }
    };
    await applyInOneTransaction(db.sqlite, plan, applyStep, breathe, (done) => options.job?.progress('apply', done, plan.length));
    report.applied = true;
  }
  return report;
}
