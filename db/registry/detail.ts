import { keyedText, msg, verdictWords, type KeyedText } from '../../shared/contract';
import type { AssociationDetail, Person } from '../../shared/contract/registry';
import { maskTcKimlikNo, normaliseKutukNo } from '../../shared/identifiers';
import type { RegistryPolicy } from '../../shared/registry/policy';
import { allowedRegistrationActions, type ActingUnit, type RegistrationState } from '../../shared/registry/registration';
import { verdictText } from '../../shared/registry/workflow';
import { formatDateTr } from '../../shared/turkish';
import type { OpenDatabase } from '../open';
import { associationSummary, readPolicy } from './queries';
import { stepVerdicts } from './workflow';

// Everything the association page shows, in one read: the record, its people (TC masked), checklists,
// attachments, visa applications, transfers, DERBİS snapshots, reminders, history and allowed actions.

type Raw = Record<string, unknown>;

const nullable = (v: unknown) => (v === undefined ? null : (v as string | null));

function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y + years, m - 1, d));
  return date.toISOString().slice(0, 10);
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The association ids whose history belongs to this record: itself and the records it was transferred from. */
function lineage(db: OpenDatabase, id: string): string[] {
  const ids = [id];
  let current: string | null = id;
  for (let i = 0; i < 20 && current; i++) {
    const row = db.stmt('SELECT transferred_from AS f FROM associations WHERE id = ?').get(current) as { f: string | null } | undefined;
    current = row?.f ?? null;
    if (current) ids.push(current);
  }
  return ids;
}

function people(db: OpenDatabase, associationId: string): Person[] {
  const rows = db
    .stmt(
      `SELECT id, kind, membership, role, full_name, tc_kimlik_no, tc_hash, phone, email, profession, certificate_no, term_start, term_end
       FROM association_people WHERE association_id = ? AND deleted_at IS NULL ORDER BY kind, sort_key`,
    )
    .all(associationId) as Raw[];
  return rows.map((r) => {
    const alsoIn = r.tc_hash
      ? (db
          .stmt(
            `SELECT DISTINCT a.id AS associationId, a.name AS associationName FROM association_people ap
             JOIN associations a ON a.id = ap.association_id
             WHERE ap.tc_hash = ? AND ap.deleted_at IS NULL AND ap.association_id != ? AND a.deleted_at IS NULL`,
          )
          .all(r.tc_hash, associationId) as { associationId: string; associationName: string }[])
      : [];
    return {
      id: String(r.id),
      kind: r.kind as Person['kind'],
      membership: (r.membership ?? null) as Person['membership'],
      role: nullable(r.role),
      fullName: String(r.full_name),
      tcMasked: r.tc_kimlik_no ? maskTcKimlikNo(String(r.tc_kimlik_no)) : null,
      phone: nullable(r.phone),
      email: nullable(r.email),
      profession: nullable(r.profession),
      certificateNo: nullable(r.certificate_no),
      termStart: nullable(r.term_start),
      termEnd: nullable(r.term_end),
      alsoIn,
    };
  });
}

function documents(db: OpenDatabase, associationId: string, policy: RegistryPolicy, visaYears: number[]): AssociationDetail['documents'] {
  const stored = db
    .stmt('SELECT * FROM association_documents WHERE association_id = ? AND deleted_at IS NULL')
    .all(associationId) as Raw[];
  const attachments = db
    .stmt(
      `SELECT id, document_id, file_name, mime_type, size, sha256 FROM association_attachments
       WHERE association_id = ? AND history_id IS NULL AND deleted_at IS NULL ORDER BY created_at`,
    )
    .all(associationId) as Raw[];
  const byKey = new Map(stored.map((d) => [`${d.step}|${d.visa_year ?? ''}|${d.item_key}`, d]));
  const items: AssociationDetail['documents'] = [];
  const push = (step: 'TESCIL' | 'VIZE', visaYear: number | null, checklist: RegistryPolicy['registrationChecklist']) => {
    for (const item of checklist) {
      const doc = byKey.get(`${step}|${visaYear ?? ''}|${item.key}`);
      items.push({
        id: doc ? String(doc.id) : null,
        step,
        visaYear,
        itemKey: item.key,
        label: item.label,
        mandatory: item.mandatory,
        received: doc ? Boolean(doc.received) : false,
        receivedOn: nullable(doc?.received_on),
        letterDate: nullable(doc?.letter_date),
        letterNo: nullable(doc?.letter_no),
        note: nullable(doc?.note),
        attachments: doc
          ? attachments
              .filter((a) => a.document_id === doc.id)
              .map((a) => ({ id: String(a.id), fileName: String(a.file_name), mimeType: String(a.mime_type), size: Number(a.size), sha256: String(a.sha256) }))
          : [],
      });
    }
  };
  push('TESCIL', null, policy.registrationChecklist);
  for (const year of visaYears) push('VIZE', year, policy.visaChecklist);
  // Files attached to the association itself (no checklist item) appear as one extra row.
  const loose = attachments.filter((a) => !a.document_id);
  if (loose.length) {
    items.push({
      id: null, step: 'TESCIL', visaYear: null, itemKey: 'other', label: 'Diğer ekler', mandatory: false, received: true,
      receivedOn: null, letterDate: null, letterNo: null, note: null,
      attachments: loose.map((a) => ({ id: String(a.id), fileName: String(a.file_name), mimeType: String(a.mime_type), size: Number(a.size), sha256: String(a.sha256) })),
    });
  }
  return items;
}

export function missingMandatory(db: OpenDatabase, associationId: string, policy: RegistryPolicy): string[] {
  return missingMandatoryItems(db, associationId, policy).map((i) => i.label);
}

/** The registration checklist's mandatory items not yet received. */
export function missingMandatoryItems(db: OpenDatabase, associationId: string, policy: RegistryPolicy): RegistryPolicy['registrationChecklist'] {
  const received = new Set(
    (db
      .stmt(`SELECT item_key FROM association_documents WHERE association_id = ? AND step = 'TESCIL' AND received = 1 AND deleted_at IS NULL`)
      .all(associationId) as { item_key: string }[]).map((r) => r.item_key),
  );
  return policy.registrationChecklist.filter((i) => i.mandatory && !received.has(i.key));
}

export function transfersOf(db: OpenDatabase, where: string, ...params: unknown[]): AssociationDetail['transfers'] {
  return (
    db
      .stmt(
        `SELECT t.id, t.association_id AS associationId, a.name AS associationName, t.from_plate AS fromPlate, t.to_plate AS toPlate,
         t.to_district_id AS toDistrictId, t.new_kutuk_no AS newKutukNo, t.reason, t.letter_date AS letterDate, t.letter_no AS letterNo,
         t.state, t.new_association_id AS newAssociationId, t.created_at AS createdAt
         FROM transfers t JOIN associations a ON a.id = t.association_id
       WHERE t.deleted_at IS NULL AND t.owner_unit = a.owner_unit AND ${where} ORDER BY t.created_at DESC`,
      )
      .all(...params) as AssociationDetail['transfers']
  );
}

export interface Viewer extends ActingUnit {
  provincePlate: string | null;
}

/**
 * The signed letter attached to each step of these records (the newest, when the unit replaced it), by step id.
 * Only the step's own unit's file counts: a file another unit hung on the step is not its letter.
 */
function stepLetterFiles(db: OpenDatabase, ids: readonly string[]): Map<string, AssociationDetail['history'][number]['letterFile']> {
  const rows = db
    .stmt(
      `SELECT f.id, f.history_id AS historyId, f.file_name AS fileName, f.mime_type AS mimeType, f.size, f.sha256
       FROM association_attachments f JOIN association_history h ON h.id = f.history_id AND h.owner_unit = f.owner_unit
       WHERE f.association_id IN (SELECT value FROM json_each(?)) AND f.deleted_at IS NULL ORDER BY f.created_at, f.id`,
    )
    .all(JSON.stringify(ids)) as { id: string; historyId: string; fileName: string; mimeType: string; size: number; sha256: string }[];
  return new Map(rows.map(({ historyId, ...file }) => [historyId, file]));
}

export function associationDetail(db: OpenDatabase, id: string, viewer: Viewer, today: string): AssociationDetail | undefined {
  const summary = associationSummary(db, id, today);
  if (!summary) return undefined;
  const row = db.stmt('SELECT * FROM associations WHERE id = ?').get(id) as Raw;
  const { policy } = readPolicy(db);
  const visaApplications = (db
    .stmt(
      `SELECT id, year, state, applied_on AS appliedOn, letter_date AS letterDate, letter_no AS letterNo, decided_on AS decidedOn, reason
       FROM visa_applications WHERE association_id = ? AND owner_unit = ? AND deleted_at IS NULL ORDER BY year DESC, created_at DESC`,
    )
    .all(id, row.owner_unit) as AssociationDetail['visaApplications']);
  const ids = lineage(db, id);
  // Every step stays in the timeline; one that does not count says why. The unit shown is the row's owner (the
  // exchange proves it), not the actor_unit the row claims.
  const verdicts = stepVerdicts(db, id);
  const letterFiles = stepLetterFiles(db, ids);
  const history = (db
    .stmt(
      `SELECT id, kind, action, from_state AS fromState, to_state AS toState, at, owner_unit AS actorUnit, actor_name AS actorName,
       letter_date AS letterDate, letter_no AS letterNo, reason, data, association_id AS associationId
       FROM association_history WHERE deleted_at IS NULL AND association_id IN (SELECT value FROM json_each(?)) ORDER BY at DESC, id DESC`,
    )
    .all(JSON.stringify(ids)) as (Omit<AssociationDetail['history'][number], 'data' | 'verdict'> & { data: string })[]).map((h) => {
    const verdict = verdicts.get(h.id);
    return {
      ...h,
      data: JSON.parse(h.data) as Record<string, unknown>,
      verdict: verdict ? { ...verdict, text: verdictText(verdict) } : null,
      letterFile: letterFiles.get(h.id) ?? null,
    };
  });
  const snapshots = db
    .stmt(
      `SELECT id, as_of AS asOf, source, legal_status AS legalStatus, last_general_assembly_on AS lastGeneralAssemblyOn,
       organs_elected_on AS organsElectedOn, organs_notified_on AS organsNotifiedOn, declaration_year AS declarationYear, note
       FROM derbis_snapshots WHERE association_id = ? AND deleted_at IS NULL ORDER BY as_of DESC`,
    )
    .all(id) as AssociationDetail['snapshots'];

  // Keyed, so the page words them in its language; `message` keeps the Turkish for the CLI.
  const warnings: KeyedText[] = [];
  const kutuk = row.kutuk_no ? normaliseKutukNo(String(row.kutuk_no)) : null;
  if (kutuk && kutuk.slice(0, 2) !== row.province_plate) {
    warnings.push(keyedText(msg('registry.warning.kutukProvince', { code: kutuk.slice(0, 2), plate: String(row.province_plate) })));
  }

  const inherited = history.find((h) => h.associationId === id && h.action === 'inheritRegistration');
  if (inherited?.verdict) {
    warnings.push(keyedText(msg('registry.warning.inheritanceRefused', verdictWords(inherited.verdict))));
  }

  const reminders: AssociationDetail['reminders'] = [];
  const latest = snapshots[0];
  if (latest?.lastGeneralAssemblyOn) {
    const due = addYears(latest.lastGeneralAssemblyOn, policy.generalAssemblyIntervalYears);
    reminders.push({ kind: 'generalAssembly', key: 'generalAssembly', params: { date: due }, dueOn: due, overdue: due < today, message: `Sonraki olağan genel kurul en geç ${formatDateTr(due)}.` });
  }
  if (latest?.organsElectedOn && !latest.organsNotifiedOn) {
    const due = addDays(latest.organsElectedOn, policy.organNotificationDays);
    reminders.push({ kind: 'organNotification', key: 'organNotification', params: { date: due }, dueOn: due, overdue: due < today, message: `Seçilen organların bildirimi en geç ${formatDateTr(due)}.` });
  }
  if (summary.visaStatus === 'DONEM_ACIK') {
    reminders.push({ kind: 'visa', key: 'visaAwaited', params: { year: today.slice(0, 4) }, dueOn: null, overdue: false, message: `${today.slice(0, 4)} vizesi için başvuru bekleniyor.` });
  }
  if (summary.visaStatus === 'GECIKMIS' || summary.visaStatus === 'VIZESIZ_N_YIL') {
    reminders.push({ kind: 'visa', key: 'visaMissing', params: { years: summary.yearsWithoutVisa }, dueOn: null, overdue: true, message: `${summary.yearsWithoutVisa} yıldır vize yapılmadı.` });
  }

  const state = summary.status as RegistrationState;
  const live = !row.deleted_at;
  const visaYears = [...new Set(visaApplications.map((v) => v.year))];
  return {
    ...summary,
    taxOffice: nullable(row.tax_office),
    foundedOn: nullable(row.founded_on),
    neighbourhood: nullable(row.neighbourhood),
    street: nullable(row.street),
    phone: nullable(row.phone),
    email: nullable(row.email),
    website: nullable(row.website),
    activityPlace: nullable(row.activity_place),
    activityPlaceDocument: (row.activity_place_document ?? null) as AssociationDetail['activityPlaceDocument'],
    transferredFrom: nullable(row.transferred_from),
    transferredTo: nullable(row.transferred_to),
    createdAt: String(row.created_at),
    retiredAt: nullable(row.deleted_at),
    warnings,
    editable: live && viewer.unitId === row.owner_unit && state !== 'AKTARILDI',
    allowedActions: live ? allowedRegistrationActions(state, viewer, String(row.owner_unit), policy.approvingLevel) : [],
    missingMandatory: missingMandatory(db, id, policy),
    people: people(db, id),
    documents: documents(db, id, policy, visaYears),
    visaApplications,
    transfers: transfersOf(db, '(t.association_id = ? OR t.new_association_id = ?)', id, id),
    snapshots,
    reminders,
    history,
  };
}
