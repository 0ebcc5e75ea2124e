import { createOrganisationInput } from '../../shared/contract/directory';
import { listOf, msg, word, type Msg } from '../../shared/contract';
import { rowError, rowWarning, type ImportReport, type ImportRowError, type ImportRowWarning } from '../../shared/contract/fields';
import { zodFieldIssue } from '../../shared/contract/messages';
import type { Identity } from '../../shared/contract/installation';
import { ORG_KIND_LABELS, ORG_KINDS, ORG_SUBTYPE_LABELS, ORG_SUBTYPES, SUBTYPES_OF, subtypeFits, type OrgKind, type OrgSubtype } from '../../shared/directory/fields';
import { DIRECTORY_IMPORT_FIELDS, type DirectoryImportField } from '../../shared/directory/importFields';
import { isValidVkn, normaliseKutukNo, normalisePhone, phoneProblem } from '../../shared/identifiers';
import { foldTurkish } from '../../shared/turkish';
import type { ChangeWriter, Row } from '../../db/changeLog/writer';
import { liveByIdentifier, organisationsByFoldedName, type OrganisationRow } from '../../db/directory/queries';
import { contactsSpec, organisationsSpec } from '../../db/directory/specs';
import type { OpenDatabase } from '../../db/open';
import { breather, type Job } from '../app/jobs';
import { cellText, readSpreadsheet, type CellValue } from '../registry/spreadsheet';
import { applyInOneTransaction, autoMapping, parseActivityAreas, unmappedRequired, type Mapping } from '../spreadsheets/importCore';
import { associationByKutuk, organisationColumns } from './rules';

// Import of existing CSO lists (xlsx or csv) into the directory: automatic column mapping from Turkish
// headers, a dry-run report per row (new / update / duplicate / unchanged / invalid with the field and a
// Turkish reason), and an apply step that writes every valid row in one transaction. An invalid row is
// skipped whole (never half-applied); applying the same file twice changes nothing the second time.
// A row is "the same organisation" as a stored one by VKN, by kütük no, or by folded name in the same province.

type Fields = Mapping<DirectoryImportField>;
const label = (field: DirectoryImportField) => DIRECTORY_IMPORT_FIELDS[field].label;
/** A problem with one of the row's fields, the field named in the interface language by its dictionary key. */
const fieldError = (field: DirectoryImportField, message: Msg | { message: string; key?: string }) => rowError(label(field), message, `directory.importField.${field}`);
/** A problem with the row as a whole. */
const wholeRow = (message: Msg) => rowError('Satır', message);

interface Lookups {
  provinces: Map<string, { plate: string; name: string }>;
  districts: Map<string, string>;
}

function lookups(db: OpenDatabase): Lookups {
  const provinces = new Map<string, { plate: string; name: string }>();
  for (const p of db.stmt('SELECT plate, name FROM provinces').all() as { plate: string; name: string }[]) {
    provinces.set(foldTurkish(p.name), p);
    provinces.set(p.plate, p);
    provinces.set(String(Number(p.plate)), p);
  }
  const districts = new Map<string, string>();
  for (const d of db.stmt('SELECT id, plate, name FROM districts').all() as { id: string; plate: string; name: string }[]) districts.set(`${d.plate}|${foldTurkish(d.name)}`, d.id);
  return { provinces, districts };
}

/** "Dernek", "il belediyesi", "STK", "Kamu kurumu", "DERNEK"… → kind (+ subtype when a subtype was written). */
function parseKind(text: string): { kind: OrgKind; subtype: OrgSubtype | null } | null {
  const folded = foldTurkish(text);
  for (const subtype of ORG_SUBTYPES) {
    if (folded === foldTurkish(ORG_SUBTYPE_LABELS[subtype]) || folded === foldTurkish(subtype.replace(/_/g, ' '))) {
      const kind = ORG_KINDS.find((k) => SUBTYPES_OF[k].includes(subtype))!;
      return { kind, subtype };
    }
  }
  for (const kind of ORG_KINDS) {
    if (folded === foldTurkish(kind) || folded === foldTurkish(ORG_KIND_LABELS[kind])) return { kind, subtype: null };
  }
  if (folded === 'sivil toplum' || folded === 'dernek' || folded === 'vakif') return { kind: 'STK', subtype: null };
  if (folded.startsWith('kamu')) return { kind: 'KAMU', subtype: null };
  if (folded.startsWith('belediye')) return { kind: 'BELEDIYE', subtype: null };
  if (folded.startsWith('universite')) return { kind: 'UNIVERSITE', subtype: null };
  return null;
}

function parseSubtype(text: string): OrgSubtype | null {
  const folded = foldTurkish(text);
  return ORG_SUBTYPES.find((s) => folded === foldTurkish(ORG_SUBTYPE_LABELS[s]) || folded === foldTurkish(s.replace(/_/g, ' '))) ?? null;
}

function parseYesNo(text: string): boolean | null | 'invalid' {
  const folded = foldTurkish(text);
  if (!folded) return null;
  if (['evet', 'e', 'var', 'x', '1', 'true', 'yes'].includes(folded)) return true;
  if (['hayir', 'h', 'yok', '0', 'false', 'no'].includes(folded)) return false;
  return 'invalid';
}

interface ContactInput {
  full_name: string;
  title: string | null;
  phone: string | null;
  email: string | null;
}

interface ParsedRow {
  row: number;
  name: string | null;
  organisation: Row | null;
  contact: ContactInput | null;
  errors: ImportRowError[];
  warnings: ImportRowWarning[];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function parseRow(cells: Record<string, CellValue>, row: number, mapping: Fields, look: Lookups): ParsedRow {
  const errors: ParsedRow['errors'] = [];
  const warnings: ImportRowWarning[] = [];
  const get = (field: DirectoryImportField): string => {
    const header = mapping[field];
    if (!header) return '';
    const { text, formula } = cellText(cells[header] ?? null);
    if (formula) warnings.push(rowWarning(msg('directory.import.formulaCell', { field: word('directory.importField', field) })));
    return text;
  };
  const error = (field: DirectoryImportField, message: Msg) => errors.push(fieldError(field, message));

  const name = get('name').replace(/\s+/g, ' ');
  if (/^[=+@-]/.test(name)) error('name', msg('directory.import.formulaName'));

  let kind: OrgKind = 'STK';
  let subtype: OrgSubtype | null = null;
  const kindText = get('kind');
  if (kindText) {
    const parsed = parseKind(kindText);
    if (!parsed) error('kind', msg('directory.import.kindUnknown', { value: kindText }));
    else ({ kind, subtype } = parsed);
  } else if (!get('subtype')) warnings.push(rowWarning(msg('directory.import.kindDefaulted')));
  const subtypeText = get('subtype');
  if (subtypeText) {
    const parsed = parseSubtype(subtypeText);
    if (!parsed) error('subtype', msg('directory.import.subtypeUnknown', { value: subtypeText }));
    else {
      if (!kindText) kind = ORG_KINDS.find((k) => SUBTYPES_OF[k].includes(parsed))!;
      if (!subtypeFits(kind, parsed)) error('subtype', msg('directory.valueAltTuruKind', { value: word('directory.subtype', parsed), kind: word('directory.kind', kind) }));
      else subtype = parsed;
    }
  }

  const provinceText = get('province');
  const province = look.provinces.get(/^\d{1,2}$/.test(provinceText) ? String(Number(provinceText)) : foldTurkish(provinceText));
  if (!provinceText) error('province', msg('directory.import.provinceEmpty'));
  else if (!province) error('province', msg('directory.import.provinceUnknown', { value: provinceText }));
  const districtText = get('district');
  const districtId = province && districtText ? look.districts.get(`${province.plate}|${foldTurkish(districtText)}`) : undefined;
  if (province && districtText && !districtId) error('district', msg('directory.import.districtNotInProvince', { value: districtText, province: province.name }));

  const vkn = get('vkn').replace(/\s/g, '');
  if (vkn && !isValidVkn(vkn)) error('vkn', msg('schema.vergiKimlikNumarasiGecersiz'));
  const kutukText = get('kutukNo');
  const kutukNo = kutukText ? normaliseKutukNo(kutukText) : null;
  if (kutukText && !kutukNo) error('kutukNo', msg('directory.import.kutukFormat'));

  const phoneText = get('phone');
  if (phoneText && !normalisePhone(phoneText)) error('phone', phoneProblem(phoneText)!);
  const email = get('email').toLowerCase();
  if (email && !EMAIL.test(email)) error('email', msg('directory.import.emailInvalid'));

  const { areas, unknown } = parseActivityAreas(get('activityAreas'));
  if (unknown.length) warnings.push(rowWarning(msg('directory.import.unknownAreas', { values: unknown.join(', ') })));
  const youth = parseYesNo(get('youthFocus'));
  if (youth === 'invalid') error('youthFocus', msg('directory.import.youthYesNo'));

  let contact: ContactInput | null = null;
  const contactName = get('contactName').replace(/\s+/g, ' ');
  const contactPhone = get('contactPhone');
  const contactEmail = get('contactEmail').toLowerCase();
  if (contactPhone && !normalisePhone(contactPhone)) error('contactPhone', phoneProblem(contactPhone)!);
  if (contactEmail && !EMAIL.test(contactEmail)) error('contactEmail', msg('directory.import.emailInvalid'));
  if (contactName) {
    if (contactName.length < 3) error('contactName', msg('schema.adSoyadEnAz'));
    contact = { full_name: contactName, title: get('contactTitle') || null, phone: contactPhone ? normalisePhone(contactPhone) : null, email: contactEmail || null };
  } else if (contactPhone || contactEmail || get('contactTitle')) warnings.push(rowWarning(msg('directory.import.contactWithoutName')));

  const candidate = {
    kind, subtype, name, provincePlate: province?.plate ?? '06', districtId: districtId ?? null, activityAreas: areas,
    youthFocus: youth === true, vkn: vkn || null, kutukNo: kutukNo, phone: phoneText || null, email: email || null,
    website: get('website') || null, address: get('address') || null,
  };
  const parsed = createOrganisationInput.safeParse(candidate);
  if (!parsed.success) {
    const already = new Set(['vkn', 'kutukNo', 'phone', 'email', 'provincePlate', 'districtId', 'subtype', 'kind']);
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      if (already.has(field)) continue;
      const fieldIssue = zodFieldIssue(createOrganisationInput, issue);
      errors.push(field in DIRECTORY_IMPORT_FIELDS ? fieldError(field as DirectoryImportField, fieldIssue) : rowError(field, fieldIssue));
    }
  }
  if (errors.length) return { row, name: name || null, organisation: null, contact: null, errors, warnings };
  const organisation = organisationColumns({ ...candidate, youthFocus: youth === null ? undefined : youth });
  // Columns the sheet does not fill are left out, so an update never blanks what is stored.
  if (youth === null) delete organisation.youth_focus;
  if (!mapping.activityAreas) delete organisation.activity_areas;
  return { row, name, organisation, contact, errors, warnings };
}

/** Fields of `input` that differ from the stored row (only the fields the sheet filled). */
function changedFields(existing: OrganisationRow, input: Row): Row {
  const patch: Row = {};
  for (const [column, value] of Object.entries(input)) {
    if (value === null || value === '' || value === '[]') continue;
    if (existing[column] !== value) patch[column] = value;
  }
  // The same name written differently (capitals, no Turkish letters) is not a rename.
  if (typeof patch.name === 'string' && foldTurkish(patch.name) === foldTurkish(existing.name)) delete patch.name;
  // Keep the record consistent: a new province drops the old province's district, a new kind a subtype that no longer fits.
  if (patch.province_plate && !patch.district_id && existing.district_id) patch.district_id = null;
  if (patch.kind && !patch.subtype && existing.subtype && !subtypeFits(patch.kind as OrgKind, existing.subtype)) patch.subtype = null;
  return patch;
}

interface ContactPlan {
  id?: string;
  patch: Row;
}

/** What the row's representative changes: a new contact, an edit of the same-named one, or nothing. */
function contactPlan(db: OpenDatabase, unitId: string, organisationId: string | null, contact: ContactInput | null): ContactPlan | null {
  if (!contact) return null;
  if (organisationId) {
    const people = db.stmt('SELECT * FROM contacts WHERE organisation_id = ? AND deleted_at IS NULL').all(organisationId) as Row[];
    const same = people.find((p) => foldTurkish(String(p.full_name)) === foldTurkish(contact.full_name));
    if (same) {
      // Another unit's record of the person is theirs to edit: the sheet leaves it as it is.
      if (same.owner_unit !== unitId) return null;
      const patch: Row = {};
      for (const column of ['title', 'phone', 'email'] as const) if (contact[column] && contact[column] !== same[column]) patch[column] = contact[column];
      return Object.keys(patch).length ? { id: String(same.id), patch } : null;
    }
  }
  return { patch: { ...contact } };
}

export interface ImportOptions {
  fileName: string;
  content: Buffer;
  mapping?: Record<string, string>;
  duplicates: 'skip' | 'update';
  apply: boolean;
  /** The job this import runs as (progress, cancel); absent in tests that call it directly. */
  job?: Job | null;
}

export async function importDirectory(db: OpenDatabase, identity: Identity, writer: ChangeWriter, options: ImportOptions): Promise<ImportReport> {
  const sheet = await readSpreadsheet(options.fileName, options.content);
  const mapping = autoMapping(DIRECTORY_IMPORT_FIELDS, sheet.headers, options.mapping);
  const missing = unmappedRequired(DIRECTORY_IMPORT_FIELDS, mapping);
  const report: ImportReport = {
    headers: sheet.headers,
    mapping: mapping as Record<string, string>,
    unmappedRequired: missing.map((f) => DIRECTORY_IMPORT_FIELDS[f].label),
    unmappedRequiredFields: missing,
    totals: { rows: sheet.rows.length, new: 0, update: 0, duplicateSkip: 0, invalid: 0, unchanged: 0 },
    rows: [],
    applied: false,
  };
  if (missing.length) {
    const unmapped = msg('directory.import.unmapped', { fields: listOf(missing.map((f) => word('directory.importField', f))) });
    for (const r of sheet.rows) {
      report.rows.push({ row: r.row, outcome: 'invalid', name: null, existingId: null, errors: [rowError('Eşleştirme', unmapped)], warnings: [] });
    }
    report.totals.invalid = sheet.rows.length;
    return report;
  }

  const look = lookups(db);
  const byName = new Map<string, Map<string, OrganisationRow>>();
  const namesIn = (plate: string) => {
    let names = byName.get(plate);
    if (!names) byName.set(plate, (names = organisationsByFoldedName(db, plate)));
    return names;
  };
  const seen = new Map<string, number>();
  const plan: { parsed: ParsedRow; existing?: OrganisationRow; patch?: Row; contact: ContactPlan | null }[] = [];
  const breathe = breather(options.job ?? null);
  let planned = 0;
  for (const r of sheet.rows) {
    if ((++planned & 63) === 0) {
      options.job?.progress('read', planned, sheet.rows.length);
      await breathe();
    }
    const parsed = parseRow(r.cells, r.row, mapping, look);
    const entry = { row: r.row, name: parsed.name, existingId: null as string | null, errors: parsed.errors, warnings: parsed.warnings };
    const org = parsed.organisation;
    if (!org) {
      report.rows.push({ ...entry, outcome: 'invalid' });
      report.totals.invalid++;
      continue;
    }
    const plate = String(org.province_plate);
    const keys = [org.vkn && `v:${org.vkn}`, org.kutuk_no && `k:${org.kutuk_no}`, `n:${plate}:${foldTurkish(String(org.name))}`].filter(Boolean) as string[];
    const repeat = keys.map((k) => seen.get(k)).find((n) => n !== undefined);
    if (repeat !== undefined) {
      report.rows.push({ ...entry, outcome: 'invalid', errors: [wholeRow(msg('directory.import.sameAsRow', { row: String(repeat) }))] });
      report.totals.invalid++;
      continue;
    }
    keys.forEach((k) => seen.set(k, r.row));
    const existing =
      (org.vkn ? liveByIdentifier(db, 'vkn', String(org.vkn)) : undefined) ??
      (org.kutuk_no ? liveByIdentifier(db, 'kutuk_no', String(org.kutuk_no)) : undefined) ??
      namesIn(plate).get(foldTurkish(String(org.name)));
    if (!existing) {
      report.rows.push({ ...entry, outcome: 'new' });
      report.totals.new++;
      plan.push({ parsed, contact: contactPlan(db, identity.unitId, null, parsed.contact) });
      continue;
    }
    entry.existingId = existing.id;
    const patch = changedFields(existing, org);
    // A different identifier than the stored one would be a silent re-identification: reported, not applied.
    const clash = (['vkn', 'kutuk_no'] as const).find((c) => existing[c] && patch[c]);
    if (clash) {
      const problem = msg(clash === 'vkn' ? 'directory.import.otherVkn' : 'directory.import.otherKutukNo', { name: existing.name, value: String(existing[clash]) });
      report.rows.push({ ...entry, outcome: 'invalid', errors: [fieldError(clash === 'vkn' ? 'vkn' : 'kutukNo', problem)] });
      report.totals.invalid++;
      continue;
    }
    const contact = contactPlan(db, identity.unitId, existing.id, parsed.contact);
    if (Object.keys(patch).length === 0 && !contact) {
      report.rows.push({ ...entry, outcome: 'unchanged' });
      report.totals.unchanged++;
    } else if (options.duplicates === 'skip') {
      report.rows.push({ ...entry, outcome: 'duplicate-skip' });
      report.totals.duplicateSkip++;
    } else if (existing.owner_unit !== identity.unitId) {
      report.rows.push({ ...entry, outcome: 'invalid', errors: [wholeRow(msg('directory.import.otherUnit', { name: existing.name }))] });
      report.totals.invalid++;
    } else {
      report.rows.push({ ...entry, outcome: 'update' });
      report.totals.update++;
      plan.push({ parsed, existing, patch, contact });
    }
  }

  if (options.apply) {
    options.job?.progress('apply', 0, plan.length);
    const applyStep = (step: (typeof plan)[number]) => {
      let organisationId: string;
      if (step.existing) {
        organisationId = step.existing.id;
        if (step.patch && Object.keys(step.patch).length) writer.update(organisationsSpec, organisationId, step.patch);
      } else {
        const values: Row = { activity_areas: '[]', youth_focus: 0, ...step.parsed.organisation! };
        values.association_id = associationByKutuk(db, values.kutuk_no);
        organisationId = String(writer.insert(organisationsSpec, identity.unitId, values).id);
      }
      if (step.contact?.id) writer.update(contactsSpec, step.contact.id, step.contact.patch);
      else if (step.contact) writer.insert(contactsSpec, identity.unitId, { ...step.contact.patch, organisation_id: organisationId });
    };
    await applyInOneTransaction(db.sqlite, plan, applyStep, breathe, (done) => options.job?.progress('apply', done, plan.length));
    report.applied = true;
  }
  return report;
}
