import { AppError, checklistWord, listOf, msg, unitWord, verdictWords, word, type Msg, type IssueInput } from '../../shared/contract';
import type { Identity } from '../../shared/contract/installation';
import type { AssociationDetail, registryContract, ReminderKey } from '../../shared/contract/registry';
import { normaliseKutukNo, normalisePhone } from '../../shared/identifiers';
import { CLUB_TYPE_LABELS } from '../../shared/registry/fields';
import {
  DECIDES,
  decisionBeforeApplicationIssue,
  futureDateIssue,
  issuesOf,
  kutukPlateIssue,
  letterDateIssue,
  ownProvinceTransferIssue,
  type PlausibilityPolicy,
} from '../../shared/plausibility';
import { DEFAULT_REGISTRY_POLICY, monthDayInYear, type RegistryPolicy } from '../../shared/registry/policy';
import {
  CANCELLATION_REASON_LABELS,
  formatRegistrationNo,
  missingStepInput,
  playsActor,
  REGISTRATION_ACTIONS,
  type RegistrationAction,
  type RegistrationActionName,
  type RegistrationState,
} from '../../shared/registry/registration';
import { missingVisaStepInput, VISA_ACTIONS } from '../../shared/registry/visa';
import { foldTurkish, formatDateTr } from '../../shared/turkish';
import type { ChangeWriter, Row } from '../../db/changeLog/writer';
import { districtById } from '../../db/orgUnits/queries';
import { findByIdentifier as findOrganisationByIdentifier, similarOrganisations } from '../../db/directory/queries';
import type { OpenDatabase } from '../../db/open';
import { associationDetail, missingMandatoryItems, transfersOf, type Viewer } from '../../db/registry/detail';
import { replayAssociation, stepVerdicts } from '../../db/registry/workflow';
import {
  allocateRegistrationSeq,
  findByIdentifier,
  POLICY_ID,
  readPolicy,
  associationStatusCounts, searchAssociations,
  similarNames,
} from '../../db/registry/queries';
import {
  associationAttachmentsSpec,
  associationDocumentsSpec,
  associationHistorySpec,
  associationPeopleSpec,
  associationsSpec,
  derbisSnapshotsSpec,
  referenceDataSpec,
  transfersSpec,
  visaApplicationsSpec,
} from '../../db/registry/specs';
import type { AppContext } from '../app/context';
import { decodeBase64, readBlob, safeFileName, sniffMime, storeBlob } from '../registry/files';
import { importRegistry } from '../registry/import';
import { approvalStep, fileSummary, registrationCertificate, visaConfirmation } from '../documents/registry';
import { issuerOf } from '../documents/issuer';
import { ownLetterNumberIssue } from '../documents/ebys';
import { readLetterhead } from '../../db/documents/queries';
import { associationsWorkbook, visaListWorkbook } from '../registry/exports';
import { eraseSent, foldLog } from '../sync/service';
import { ready } from './guards';
import type { Handlers } from './types';
import { logReveal } from '../../db/users/queries';

type Ready = { db: OpenDatabase; identity: Identity; writer: ChangeWriter };

const viewerOf = (identity: Identity): Viewer => ({ role: identity.role, unitId: identity.unitId, provincePlate: identity.provincePlate });

function fieldError(path: string, label: string, message: Msg): AppError {
  return AppError.field(path, label, message);
}

function loadDetail(ctx: AppContext, id: string): AssociationDetail {
  const { db, identity } = ready(ctx);
  const detail = associationDetail(db, id, viewerOf(identity), ctx.today());
  if (!detail) throw new AppError('NOT_FOUND', msg('registry.dernekKaydiBulunamadiSilinmis'));
  return detail;
}

function associationRow(db: OpenDatabase, id: string): Row & { owner_unit: string; status: RegistrationState; province_plate: string } {
  const row = db.stmt('SELECT * FROM associations WHERE id = ?').get(id) as (Row & { owner_unit: string; status: RegistrationState; province_plate: string }) | undefined;
  if (!row) throw new AppError('NOT_FOUND', msg('registry.dernekKaydiBulunamadiSilinmis'));
  return row;
}

/** The owning province may edit; a transferred-out or deleted record is read-only everywhere. */
function editableRow(r: Ready, id: string) {
  const row = associationRow(r.db, id);
  if (row.owner_unit !== r.identity.unitId) throw new AppError('FORBIDDEN', msg('registry.buDernekKaydiBaska'));
  if (row.deleted_at) throw new AppError('CONFLICT', msg('registry.silinmisBirKayitDegistirilemez'));
  if (row.status === 'AKTARILDI') throw new AppError('CONFLICT', msg('registry.buDernekBaskaBir'));
  return row;
}

/**
 * Records a workflow step. Steps are replayed in the order of their `at` (shared/registry/workflow.ts), so a step
 * is stamped after every step of the record this installation holds, even if another installation's clock ran
 * ahead: what its author had seen comes before it everywhere, and only steps taken without seeing each other race.
 */
/**
 * Who took a workflow step, as the history shows it everywhere: the official the clerk names (who signed the
 * letter), else the signed-in user (issue #16). The change log keeps the user who entered it either way.
 */
function actorOf(ctx: AppContext, named: string | null | undefined): string | null {
  return named?.trim() || ctx.session.current()?.displayName || null;
}

function history(r: Ready, associationId: string, fields: Partial<Record<string, unknown>> & { kind: string; action: string }, now: string): Row {
  const last = (r.db.stmt('SELECT max(at) AS at FROM association_history WHERE association_id = ? AND deleted_at IS NULL').get(associationId) as { at: string | null }).at;
  const after = last ? Date.parse(last) + 1 : Number.NaN;
  const at = after > Date.parse(now) ? new Date(after).toISOString() : now;
  return r.writer.insert(associationHistorySpec, r.identity.unitId, {
    association_id: associationId,
    from_state: null,
    to_state: null,
    actor_unit: r.identity.unitId,
    actor_name: null,
    letter_date: null,
    letter_no: null,
    reason: null,
    data: '{}',
    at,
    ...fields,
  });
}

function associationColumns(input: Partial<Record<string, unknown>>): Row {
  const map: Record<string, string> = {
    name: 'name', shortName: 'short_name', clubType: 'club_type', taxOffice: 'tax_office', foundedOn: 'founded_on',
    districtId: 'district_id', neighbourhood: 'neighbourhood', street: 'street', website: 'website', memberCount: 'member_count',
    activityPlace: 'activity_place', activityPlaceDocument: 'activity_place_document',
  };
  const row: Row = {};
  for (const [key, column] of Object.entries(map)) if (key in input) row[column] = input[key] === '' ? null : (input[key] ?? null);
  if ('kutukNo' in input) row.kutuk_no = input.kutukNo ? normaliseKutukNo(String(input.kutukNo)) : null;
  if ('vkn' in input) row.vkn = input.vkn || null;
  if ('phone' in input) row.phone = input.phone ? normalisePhone(String(input.phone)) : null;
  if ('email' in input) row.email = input.email ? String(input.email).toLowerCase() : null;
  if ('activityAreas' in input) row.activity_areas = JSON.stringify(input.activityAreas ?? []);
  return row;
}

/** Same kütük no or VKN as a live record elsewhere in the registry blocks the write, naming that record. */
function assertNoDuplicate(db: OpenDatabase, row: Row, excludeId?: string) {
  const issues: IssueInput[] = [];
  const checks: ['kutuk_no' | 'vkn', string, string][] = [
    ['kutuk_no', 'kutukNo', 'DERBİS kütük no'],
    ['vkn', 'vkn', 'Vergi kimlik no'],
  ];
  for (const [column, path, label] of checks) {
    const value = row[column];
    if (!value) continue;
    const hit = findByIdentifier(db, column, String(value), excludeId)[0];
    if (hit) issues.push({ path, label, message: msg('registry.buNumaraylaKayitliBir', { name: hit.name, provinceName: hit.provinceName }) });
  }
  if (issues.length) throw AppError.ofIssues('CONFLICT', issues);
}

function checkDistrict(db: OpenDatabase, districtId: string, plate: string | null) {
  const district = districtById(db, districtId);
  if (!district) throw fieldError('districtId', 'İlçe', msg('registry.secilenIlceBulunamadi'));
  if (district.plate !== plate) throw fieldError('districtId', 'İlçe', msg('registry.ilceBuIlMudurlugunun'));
}

function refuse(issues: IssueInput[]): void {
  if (issues.length) throw AppError.ofIssues('VALIDATION', issues);
}

/**
 * The letter of a registration step cannot be dated before the letter of the step before it: no decision before
 * its application (issue #17).
 */
function previousRegistrationLetter(db: OpenDatabase, associationId: string): { date: string | null; what: Msg } {
  const rows = db
    .stmt(`SELECT id, action, letter_date FROM association_history WHERE association_id = ? AND kind = 'REGISTRATION' AND letter_date IS NOT NULL AND deleted_at IS NULL ORDER BY at DESC, id DESC`)
    .all(associationId) as { id: string; action: string; letter_date: string }[];
  // Only a step that counts: one refused by the workflow (an unentitled unit's, a race lost) decided nothing.
  const refused = rows.length ? stepVerdicts(db, associationId) : new Map();
  const row = rows.find((r) => !refused.has(r.id));
  if (!row) return { date: null, what: DECIDES.previousStep(undefined) };
  const label = (REGISTRATION_ACTIONS as Record<string, RegistrationAction | undefined>)[row.action]?.label;
  return { date: row.letter_date, what: DECIDES.previousStep(label) };
}

/** A step's plausible letter date and everything the step must carry, refused together. */
function requireStepInput(input: Parameters<typeof missingStepInput>[1] & { action: RegistrationActionName }, today: string, policy: PlausibilityPolicy) {
  refuse([...issuesOf(letterDateIssue(input.letterDate, today, policy)), ...missingStepInput(input.action, input)]);
}

function policyOf(db: OpenDatabase): RegistryPolicy {
  return readPolicy(db).policy;
}

async function pdfOutput(name: string, kind: string, content: Promise<Buffer>) {
  return { fileName: `${safeFileName(name)} - ${kind}.pdf`, mimeType: 'application/pdf', contentBase64: (await content).toString('base64') };
}

export const registryHandlers: Handlers<keyof typeof registryContract> = {
  'registry:search': (input, ctx) => searchAssociations(ready(ctx).db, input, ctx.today()),
  'registry:statusCounts': (input, ctx) => ({ countsByStatus: associationStatusCounts(ready(ctx).db, input, ctx.today()) }),

  'registry:get': (input, ctx) => loadDetail(ctx, input.id),

  'registry:checkDuplicates': (input, ctx) => {
    const { db, identity } = ready(ctx);
    const blocking: { id: string; name: string; field: 'kutukNo' | 'vkn'; provinceName: string }[] = [];
    const kutuk = input.kutukNo ? normaliseKutukNo(input.kutukNo) : null;
    if (kutuk) blocking.push(...findByIdentifier(db, 'kutuk_no', kutuk, input.excludeId).map((h) => ({ ...h, field: 'kutukNo' as const })));
    if (input.vkn && /^\d{10}$/.test(input.vkn)) blocking.push(...findByIdentifier(db, 'vkn', input.vkn, input.excludeId).map((h) => ({ ...h, field: 'vkn' as const })));
    const plate = input.provincePlate ?? identity.provincePlate;
    const similar = input.name && plate && foldTurkish(input.name).length >= 3 ? similarNames(db, input.name, plate, input.excludeId) : [];
    // The directory's records of the same organisation (issue #17): not blocking, the directory is another role
    // of it; a record linked to another association is not this one.
    const directory = new Map<string, { id: string; name: string; provinceName: string }>();
    const push = (hits: { id: string; name: string; provinceName: string }[]) => hits.forEach((h) => directory.set(h.id, { id: h.id, name: h.name, provinceName: h.provinceName }));
    if (kutuk) push(findOrganisationByIdentifier(db, 'kutuk_no', kutuk));
    if (input.vkn && /^\d{10}$/.test(input.vkn)) push(findOrganisationByIdentifier(db, 'vkn', input.vkn));
    if (input.name && plate && foldTurkish(input.name).length >= 3) push(similarOrganisations(db, input.name, plate));
    const linkedElsewhere = (id: string) => {
      const linked = (db.stmt('SELECT association_id AS a FROM organisations WHERE id = ?').get(id) as { a: string | null } | undefined)?.a;
      return Boolean(linked) && linked !== input.excludeId;
    };
    return { blocking, similar, directory: [...directory.values()].filter((h) => !linkedElsewhere(h.id)).slice(0, 10) };
  },

  'registry:create': (input, ctx) => {
    const r = ready(ctx);
    const id = r.db.sqlite.transaction(() => {
      checkDistrict(r.db, input.districtId, r.identity.provincePlate);
      const row = { ...associationColumns(input), province_plate: r.identity.provincePlate };
      refuse(issuesOf(kutukPlateIssue(input.kutukNo, r.identity.provincePlate, policyOf(r.db).plausibility)));
      assertNoDuplicate(r.db, row);
      const created = r.writer.insert(associationsSpec, r.identity.unitId, row);
      history(r, String(created.id), { kind: 'RECORD', action: 'create', to_state: 'TASLAK' }, new Date(ctx.now()).toISOString());
      return String(created.id);
    })();
    return loadDetail(ctx, id);
  },

  'registry:update': (input, ctx) => {
    const r = ready(ctx);
    r.db.sqlite.transaction(() => {
      const row = editableRow(r, input.id);
      const { id, ...fields } = input;
      if (fields.districtId) checkDistrict(r.db, fields.districtId, r.identity.provincePlate);
      if (fields.clubType && fields.clubType !== row.club_type && row.status !== 'TASLAK') {
        throw new AppError('CONFLICT', msg('registry.kayitliBirDerneginKulup'), [
          { path: 'clubType', label: 'Kulüp türü', message: msg('registry.statuDegisikligiIsleminiKullanin') },
        ]);
      }
      const patch = associationColumns(fields);
      // Only a changed kütük no is checked: a record that already carries another plate stays editable.
      if ('kutuk_no' in patch && patch.kutuk_no !== row.kutuk_no) refuse(issuesOf(kutukPlateIssue(fields.kutukNo, row.province_plate, policyOf(r.db).plausibility)));
      assertNoDuplicate(r.db, patch, id);
      r.writer.update(associationsSpec, id, patch);
    })();
    return loadDetail(ctx, input.id);
  },

  'registry:deleteDraft': (input, ctx) => {
    const r = ready(ctx);
    r.db.sqlite.transaction(() => {
      const row = editableRow(r, input.id);
      if (row.status !== 'TASLAK') throw new AppError('CONFLICT', msg('registry.yalnizcaHicBasvurusuAlinmamis'));
      r.writer.tombstone(associationsSpec, input.id);
    })();
    return { id: input.id };
  },

  'registry:transition': (input, ctx) => {
    const r = ready(ctx);
    r.db.sqlite.transaction(() => {
      const row = associationRow(r.db, input.id);
      if (row.deleted_at) throw new AppError('CONFLICT', msg('registry.silinmisBirKayitUzerinde'));
      const action: RegistrationAction = REGISTRATION_ACTIONS[input.action];
      const policy = policyOf(r.db);
      if (!playsActor(action.actor, r.identity, row.owner_unit, policy.approvingLevel)) {
        const who = action.actor === 'approver' && policy.approvingLevel === 'ministry' ? msg('registry.who.ministry') : msg('registry.who.ownerProvince');
        throw new AppError('FORBIDDEN', msg('registry.labelIsleminiYalnizcaWho', { label: word('registry.action', input.action), who }));
      }
      if (!(action.from as readonly string[]).includes(row.status)) {
        throw new AppError('CONFLICT', msg('registry.labelIslemiStatusDurumundaki', { label: word('registry.action', input.action), status: word('registry.state', row.status) }));
      }
      requireStepInput(input, ctx.today(), policy.plausibility);
      if (action.letter) refuse(issuesOf(decisionBeforeApplicationIssue(input.letterDate, previousRegistrationLetter(r.db, input.id))));
      // The application's letter is the association's own; every later letter is this unit's, numbered by its EBYS.
      if (input.action !== 'logApplication') refuse(issuesOf(ownLetterNumberIssue(r.db, r.identity, input.letterNo)));
      if (input.action === 'sendForApproval') {
        // Each document a word where the default checklist names it, so the English screen lists them in English.
        const missing = missingMandatoryItems(r.db, input.id, policy).map((item) => checklistWord('TESCIL', item));
        if (missing.length) throw new AppError('CONFLICT', msg('registry.zorunluBelgelerEksikOldugu', { missing: listOf(missing, '; ') }));
      }
      const at = new Date(ctx.now()).toISOString();
      const data: Record<string, unknown> = {};
      if (input.action === 'approve') {
        const year = Number(ctx.today().slice(0, 4));
        data.registrationNo = formatRegistrationNo(row.province_plate, year, allocateRegistrationSeq(r.db, row.province_plate, year));
        data.registeredOn = ctx.today();
      }
      if (input.cancellationReason) data.cancellationReason = input.cancellationReason;
      const reason = input.cancellationReason
        ? [CANCELLATION_REASON_LABELS[input.cancellationReason], input.reason].filter(Boolean).join(' — ')
        : (input.reason ?? null);
      const step = history(r, input.id, {
        kind: 'REGISTRATION', action: input.action, from_state: row.status, to_state: action.to,
        actor_name: actorOf(ctx, input.actorName), letter_date: input.letterDate ?? null, letter_no: input.letterNo ?? null, reason, data: JSON.stringify(data),
      }, at);
      // The checks above and the replay every installation derives state with agree, except when this clock
      // is behind the time the approving policy changed: the step would not count anywhere, so it is not taken.
      const verdict = replayAssociation(r.db, { id: input.id, owner_unit: row.owner_unit, transferred_from: row.transferred_from }).results.at(-1)?.refused.get(String(step.id));
      if (verdict) {
        throw new AppError('CONFLICT', msg(verdict.code === 'approver' ? 'registry.stepWouldNotCountClock' : 'registry.stepWouldNotCount', verdictWords(verdict)));
      }
    })();
    return loadDetail(ctx, input.id);
  },

  'registry:savePerson': (input, ctx) => {
    const r = ready(ctx);
    r.db.sqlite.transaction(() => {
      editableRow(r, input.associationId);
      const row: Row = {
        association_id: input.associationId, kind: input.kind, membership: input.membership ?? null, role: input.role || null,
        full_name: input.fullName, tc_kimlik_no: input.tcKimlikNo || null, phone: input.phone ? normalisePhone(input.phone) : null,
        email: input.email ? input.email.toLowerCase() : null, profession: input.profession || null, certificate_no: input.certificateNo || null,
        term_start: input.termStart ?? null, term_end: input.termEnd ?? null,
      };
      if (row.term_start && row.term_end && String(row.term_end) < String(row.term_start)) {
        throw fieldError('termEnd', 'Görev bitişi', msg('registry.gorevBitisiBaslangictanOnce'));
      }
      if (input.id) {
        const existing = r.db.stmt('SELECT association_id, deleted_at FROM association_people WHERE id = ?').get(input.id) as Row | undefined;
        if (!existing || existing.deleted_at || existing.association_id !== input.associationId) throw new AppError('NOT_FOUND', msg('registry.kisiKaydiBulunamadi'));
        // An unchanged, masked TC is not sent back by the screen: keep the stored one unless a new one is given.
        if (input.tcKimlikNo === undefined) delete row.tc_kimlik_no;
        r.writer.update(associationPeopleSpec, input.id, row);
      } else {
        r.writer.insert(associationPeopleSpec, r.identity.unitId, row);
      }
    })();
    return loadDetail(ctx, input.associationId);
  },

  'registry:removePerson': (input, ctx) => {
    const r = ready(ctx);
    const associationId = r.db.sqlite.transaction(() => {
      const person = r.db.stmt('SELECT association_id, deleted_at FROM association_people WHERE id = ?').get(input.id) as Row | undefined;
      if (!person || person.deleted_at) throw new AppError('NOT_FOUND', msg('registry.kisiKaydiBulunamadi'));
      editableRow(r, String(person.association_id));
      // Removed from the board: the name stays in the association's history, the TC number and contact
      // details go, here and (as this change travels) everywhere, from the row and from the change log.
      r.writer.update(associationPeopleSpec, input.id, { tc_kimlik_no: null, phone: null, email: null, deleted_at: new Date(ctx.now()).toISOString() });
      eraseSent(ctx);
      return String(person.association_id);
    })();
    foldLog(ctx);
    return loadDetail(ctx, associationId);
  },

  'registry:revealTc': (input, ctx) => {
    const { db } = ready(ctx);
    const person = db.stmt('SELECT tc_kimlik_no FROM association_people WHERE id = ? AND deleted_at IS NULL').get(input.personId) as { tc_kimlik_no: string | null } | undefined;
    if (!person) throw new AppError('NOT_FOUND', msg('registry.kisiKaydiBulunamadi'));
    if (!person.tc_kimlik_no) throw new AppError('NOT_FOUND', msg('registry.buKisiIcinTc'));
    const user = ctx.session.current();
    if (!user) throw new AppError('SIGNED_OUT');
    logReveal(db, input.personId, new Date(ctx.now()).toISOString(), user, input.purpose);
    return { tcKimlikNo: person.tc_kimlik_no };
  },

  'registry:setDocument': (input, ctx) => {
    const r = ready(ctx);
    r.db.sqlite.transaction(() => {
      editableRow(r, input.associationId);
      const policy = policyOf(r.db);
      const checklist = input.step === 'TESCIL' ? policy.registrationChecklist : policy.visaChecklist;
      if (!checklist.some((i) => i.key === input.itemKey)) throw fieldError('itemKey', 'Belge', msg('registry.buBelgeKontrolListesinde'));
      const visaYear = input.step === 'VIZE' ? input.visaYear ?? null : null;
      if (input.step === 'VIZE' && !visaYear) throw fieldError('visaYear', 'Vize yılı', msg('registry.vizeBelgesiIcinYil'));
      const row: Row = {
        association_id: input.associationId, step: input.step, visa_year: visaYear, item_key: input.itemKey,
        received: input.received ? 1 : 0, received_on: input.received ? (input.receivedOn ?? ctx.today()) : null,
        letter_date: input.letterDate ?? null, letter_no: input.letterNo ?? null, note: input.note || null,
      };
      const existing = r.db
        .stmt('SELECT id FROM association_documents WHERE association_id = ? AND step = ? AND visa_year IS ? AND item_key = ?')
        .get(input.associationId, input.step, visaYear, input.itemKey) as { id: string } | undefined;
      if (existing) r.writer.update(associationDocumentsSpec, existing.id, { ...row, deleted_at: null });
      else r.writer.insert(associationDocumentsSpec, r.identity.unitId, row);
    })();
    return loadDetail(ctx, input.associationId);
  },

  'registry:attachFile': (input, ctx) => {
    const r = ready(ctx);
    const content = decodeBase64(input.contentBase64);
    r.db.sqlite.transaction(() => {
      editableRow(r, input.associationId);
      if (input.documentId) {
        const doc = r.db.stmt('SELECT association_id FROM association_documents WHERE id = ? AND deleted_at IS NULL').get(input.documentId) as Row | undefined;
        if (!doc || doc.association_id !== input.associationId) throw fieldError('documentId', 'Belge', msg('registry.belgeBuDernegeAit'));
      }
      const blob = storeBlob(ctx.options.dataDir, r.db.key, content, input.fileName, policyOf(r.db).maxAttachmentBytes);
      const duplicate = r.db
        .stmt('SELECT id FROM association_attachments WHERE association_id = ? AND document_id IS ? AND sha256 = ? AND deleted_at IS NULL')
        .get(input.associationId, input.documentId ?? null, blob.sha256);
      if (duplicate) return; // the same file on the same item: already attached, nothing to add
      r.writer.insert(associationAttachmentsSpec, r.identity.unitId, {
        association_id: input.associationId, document_id: input.documentId ?? null, sha256: blob.sha256,
        file_name: safeFileName(input.fileName), mime_type: blob.mimeType, size: blob.size,
      });
    })();
    return loadDetail(ctx, input.associationId);
  },

  'registry:recordStepLetter': (input, ctx) => {
    const r = ready(ctx);
    const today = ctx.today();
    const policy = policyOf(r.db);
    const associationId = r.db.sqlite.transaction(() => {
      const step = r.db.stmt('SELECT * FROM association_history WHERE id = ? AND deleted_at IS NULL').get(input.historyId) as Row | undefined;
      if (!step) throw new AppError('NOT_FOUND', msg('documents.stepNotFound'));
      // The letter is the signing unit's: only the unit that owns the step (the exchange proves who that is) records it.
      if (step.owner_unit !== r.identity.unitId) throw new AppError('FORBIDDEN', msg('documents.stepLetterOtherUnit', { unit: unitWord(String(step.owner_unit)) }));
      if (step.kind === 'RECORD' || step.kind === 'CLUB_TYPE') throw new AppError('CONFLICT', msg('documents.stepLetterNoLetter'));
      // An application's letter is the association's own, taken as written; every other step's is this unit's EBYS sayı.
      const associationsLetter = (step.kind === 'REGISTRATION' && step.action === 'logApplication') || (step.kind === 'VISA' && step.action === 'apply');
      const hasFile = input.contentBase64 != null;
      refuse([
        ...issuesOf(letterDateIssue(input.letterDate, today, policy.plausibility)),
        ...issuesOf(associationsLetter ? null : ownLetterNumberIssue(r.db, r.identity, input.letterNo)),
        ...(hasFile && !input.fileName ? [{ path: 'fileName', label: 'Dosya adı', message: msg('documents.stepLetterFileName') }] : []),
      ]);
      const content = hasFile ? decodeBase64(input.contentBase64!) : null;
      if (content && content.length > 0 && sniffMime(content, input.fileName!) !== 'application/pdf') {
        throw new AppError('VALIDATION', msg('documents.stepLetterPdf'), [{ path: 'contentBase64', label: 'İmzalı yazı', message: msg('documents.stepLetterPdf') }]);
      }
      const letterNo = input.letterNo.trim();
      if (step.letter_date !== input.letterDate || step.letter_no !== letterNo) {
        const data = JSON.parse(String(step.data)) as Record<string, unknown>;
        // The timeline says the number came later, by whom, and what it replaced: a correction stays visible.
        data.letterRecorded = {
          on: today,
          by: actorOf(ctx, null),
          ...(step.letter_no || step.letter_date ? { previous: { letterDate: step.letter_date ?? null, letterNo: step.letter_no ?? null } } : {}),
        };
        r.writer.update(associationHistorySpec, input.historyId, { letter_date: input.letterDate, letter_no: letterNo, data: JSON.stringify(data) });
      }
      if (content) {
        const blob = storeBlob(ctx.options.dataDir, r.db.key, content, input.fileName!, policy.maxAttachmentBytes);
        const previous = r.db
          .stmt('SELECT id, sha256 FROM association_attachments WHERE history_id = ? AND owner_unit = ? AND deleted_at IS NULL')
          .all(input.historyId, r.identity.unitId) as { id: string; sha256: string }[];
        if (!previous.some((p) => p.sha256 === blob.sha256)) {
          // A new signed copy replaces the old one; the old row stays as a tombstone in the change log.
          for (const p of previous) r.writer.tombstone(associationAttachmentsSpec, p.id);
          r.writer.insert(associationAttachmentsSpec, r.identity.unitId, {
            association_id: step.association_id, document_id: null, history_id: input.historyId, sha256: blob.sha256,
            file_name: safeFileName(input.fileName!), mime_type: blob.mimeType, size: blob.size,
          });
        }
      }
      return String(step.association_id);
    })();
    return loadDetail(ctx, associationId);
  },

  'registry:removeAttachment': (input, ctx) => {
    const r = ready(ctx);
    const associationId = r.db.sqlite.transaction(() => {
      const attachment = r.db.stmt('SELECT association_id, history_id, owner_unit, deleted_at FROM association_attachments WHERE id = ?').get(input.id) as Row | undefined;
      if (!attachment || attachment.deleted_at) throw new AppError('NOT_FOUND', msg('registry.ekBulunamadi'));
      // A step's signed letter is its unit's: it is replaced by recording the letter again, never removed by another unit.
      if (attachment.history_id && attachment.owner_unit !== r.identity.unitId) {
        throw new AppError('FORBIDDEN', msg('documents.stepLetterOtherUnit', { unit: unitWord(String(attachment.owner_unit)) }));
      }
      editableRow(r, String(attachment.association_id));
      r.writer.tombstone(associationAttachmentsSpec, input.id);
      return String(attachment.association_id);
    })();
    return loadDetail(ctx, associationId);
  },

  'registry:readAttachment': (input, ctx) => {
    const { db } = ready(ctx);
    const row = db.stmt('SELECT file_name, mime_type, sha256 FROM association_attachments WHERE id = ?').get(input.id) as
      | { file_name: string; mime_type: string; sha256: string }
      | undefined;
    if (!row) throw new AppError('NOT_FOUND', msg('registry.ekBulunamadi'));
    return { fileName: row.file_name, mimeType: row.mime_type, contentBase64: readBlob(ctx.options.dataDir, db.key, row.sha256).toString('base64') };
  },

  'registry:addSnapshot': (input, ctx) => {
    const r = ready(ctx);
    r.db.sqlite.transaction(() => {
      editableRow(r, input.associationId);
      refuse(issuesOf(futureDateIssue(input.asOf, ctx.today(), 'asOf', 'Tarih')));
      r.writer.insert(derbisSnapshotsSpec, r.identity.unitId, {
        association_id: input.associationId, as_of: input.asOf, source: input.source, legal_status: input.legalStatus,
        last_general_assembly_on: input.lastGeneralAssemblyOn ?? null, organs_elected_on: input.organsElectedOn ?? null,
        organs_notified_on: input.organsNotifiedOn ?? null, declaration_year: input.declarationYear ?? null, note: input.note || null,
      });
    })();
    return loadDetail(ctx, input.associationId);
  },

  'registry:visaApply': (input, ctx) => {
    const r = ready(ctx);
    r.db.sqlite.transaction(() => {
      const row = editableRow(r, input.associationId);
      if (row.status !== 'TESCILLI' && row.status !== 'ASKIDA') throw new AppError('CONFLICT', msg('registry.vizeBasvurusuYalnizcaTescilli'));
      if (row.registered_on && input.year <= Number(String(row.registered_on).slice(0, 4))) {
        throw fieldError('year', 'Yıl', msg('registry.tescilYiliVeOncesi'));
      }
      const policy = policyOf(r.db).plausibility;
      refuse(issuesOf(
        futureDateIssue(input.appliedOn, ctx.today(), 'appliedOn', 'Başvuru tarihi'),
        letterDateIssue(input.letterDate, ctx.today(), policy),
        decisionBeforeApplicationIssue(input.letterDate, { date: input.appliedOn, what: DECIDES.application }, 'letterDate', 'Evrak tarihi'),
      ));
      const open = r.db
        .stmt(`SELECT state FROM visa_applications WHERE association_id = ? AND year = ? AND owner_unit = ? AND deleted_at IS NULL AND state != 'RED'`)
        .get(input.associationId, input.year, row.owner_unit) as { state: string } | undefined;
      if (open) throw new AppError('CONFLICT', msg('registry.yearYiliIcinBu', { year: String(input.year) }));
      const application = r.writer.insert(visaApplicationsSpec, r.identity.unitId, {
        association_id: input.associationId, year: input.year, state: 'BASVURU', applied_on: input.appliedOn,
        letter_date: input.letterDate ?? null, letter_no: input.letterNo ?? null, decided_on: null, reason: null,
      });
      history(r, input.associationId, {
        kind: 'VISA', action: 'apply', to_state: 'BASVURU', letter_date: input.letterDate ?? null, letter_no: input.letterNo ?? null,
        data: JSON.stringify({ year: input.year, applicationId: application.id }),
      }, new Date(ctx.now()).toISOString());
    })();
    return loadDetail(ctx, input.associationId);
  },

  'registry:visaTransition': (input, ctx) => {
    const r = ready(ctx);
    const associationId = r.db.sqlite.transaction(() => {
      const application = r.db.stmt('SELECT * FROM visa_applications WHERE id = ? AND deleted_at IS NULL').get(input.applicationId) as Row | undefined;
      // An application another unit wrote for the association does not count (see visaSql): nothing to decide.
      if (!application || application.owner_unit !== r.identity.unitId) throw new AppError('NOT_FOUND', msg('registry.vizeBasvurusuBulunamadi'));
      const associationId = String(application.association_id);
      editableRow(r, associationId);
      const action = VISA_ACTIONS[input.action];
      if (!(action.from as readonly string[]).includes(String(application.state))) {
        throw new AppError('CONFLICT', msg('registry.buIslemStateDurumundaki', { state: word('registry.visaApp', String(application.state)) }));
      }
      refuse(missingVisaStepInput(input.action, input));
      refuse(issuesOf(
        letterDateIssue(input.letterDate, ctx.today(), policyOf(r.db).plausibility),
        decisionBeforeApplicationIssue(input.letterDate, { date: String(application.applied_on), what: DECIDES.visaApplication }),
        ownLetterNumberIssue(r.db, r.identity, input.letterNo),
      ));
      if (input.action === 'approve') {
        const policy = policyOf(r.db);
        const received = new Set((r.db
          .stmt(`SELECT item_key FROM association_documents WHERE association_id = ? AND step = 'VIZE' AND visa_year = ? AND received = 1 AND deleted_at IS NULL`)
          .all(associationId, application.year) as { item_key: string }[]).map((d) => d.item_key));
        const missing = policy.visaChecklist.filter((i) => i.mandatory && !received.has(i.key)).map((item) => checklistWord('VIZE', item));
        if (missing.length) throw new AppError('CONFLICT', msg('registry.zorunluVizeBelgeleriEksik', { missing: listOf(missing, '; ') }));
      }
      const decided = input.action === 'approve' || input.action === 'reject';
      r.writer.update(visaApplicationsSpec, input.applicationId, {
        state: action.to, ...(decided ? { decided_on: ctx.today() } : {}), ...(input.reason ? { reason: input.reason } : {}),
      });
      history(r, associationId, {
        kind: 'VISA', action: input.action, from_state: application.state, to_state: action.to, actor_name: actorOf(ctx, input.actorName),
        letter_date: input.letterDate ?? null, letter_no: input.letterNo ?? null, reason: input.reason ?? null,
        data: JSON.stringify({ year: application.year, applicationId: input.applicationId }),
      }, new Date(ctx.now()).toISOString());
      return associationId;
    })();
    return loadDetail(ctx, associationId);
  },

  'registry:visaDashboard': (input, ctx) => {
    const { db, identity } = ready(ctx);
    const today = ctx.today();
    const year = input.year ?? Number(today.slice(0, 4));
    const policy = policyOf(db);
    const start = monthDayInYear(policy.visaWindow.start, year);
    const end = monthDayInYear(policy.visaWindow.end, year);
    const daysLeft = Math.max(0, Math.round((Date.parse(end) - Date.parse(today)) / 86_400_000));
    const scope = identity.role === 'ministry' ? {} : { provincePlate: identity.provincePlate ?? undefined };
    const counts: Record<string, number> = {};
    for (const status of ['VIZELI', 'DONEM_ACIK', 'INCELEMEDE', 'GECIKMIS', 'VIZESIZ_N_YIL'] as const) {
      counts[status] = searchAssociations(db, { ...scope, visaYear: year, visaStatus: status, limit: 1, offset: 0 }, today).total;
    }
    const proposeCancellation = searchAssociations(db, { ...scope, visaYear: year, visaStatus: 'VIZESIZ_N_YIL', limit: 500, offset: 0 }, today).items;
    const overdue = searchAssociations(db, { ...scope, visaYear: year, visaStatus: 'GECIKMIS', limit: 500, offset: 0 }, today).items;
    const open = today >= start && today <= end;
    const reminders: { key: ReminderKey; params: Record<string, string | number>; message: string }[] = [];
    if (open && (counts.DONEM_ACIK ?? 0) > 0 && daysLeft <= 30) {
      reminders.push({
        key: 'visaWindowClosing',
        params: { days: daysLeft, date: end, count: counts.DONEM_ACIK ?? 0 },
        message: `Vize döneminin bitmesine ${daysLeft} gün kaldı (${formatDateTr(end)}); ${counts.DONEM_ACIK} dernek henüz başvurmadı.`,
      });
    }
    if ((counts.INCELEMEDE ?? 0) > 0) reminders.push({ key: 'visaReview', params: { count: counts.INCELEMEDE ?? 0 }, message: `${counts.INCELEMEDE} vize başvurusu inceleme bekliyor.` });
    if (proposeCancellation.length) {
      reminders.push({
        key: 'visaCancellation',
        params: { count: proposeCancellation.length, years: policy.yearsWithoutVisaForCancellation },
        message: `${proposeCancellation.length} dernek ${policy.yearsWithoutVisaForCancellation} yıl ya da daha uzun süredir vizesiz: tescil iptali önerilir.`,
      });
    }
    return { year, window: { start, end, daysLeft, open }, counts, proposeCancellation, overdue, reminders };
  },

  'registry:startTransfer': (input, ctx) => {
    const r = ready(ctx);
    const id = input.associationId;
    r.db.sqlite.transaction(() => {
      const row = editableRow(r, id);
      if (row.status !== 'TESCILLI') throw new AppError('CONFLICT', msg('registry.yalnizcaTescilliBirDernek'));
      const policy = policyOf(r.db).plausibility;
      refuse(issuesOf(
        ownProvinceTransferIssue(row.province_plate, input.toPlate),
        letterDateIssue(input.letterDate, ctx.today(), policy),
        kutukPlateIssue(input.newKutukNo, input.toPlate, policy, 'newKutukNo', 'Yeni kütük no'),
      ));
      if (input.toDistrictId) {
        const district = districtById(r.db, input.toDistrictId);
        if (!district || district.plate !== input.toPlate) throw fieldError('toDistrictId', 'Gideceği ilçe', msg('registry.ilceGidecegiIldeOlmali'));
      }
      const openTransfer = transfersOf(r.db, `t.association_id = ? AND t.state IN ('TALEP', 'GONDEREN_ONAYI', 'ALICI_KABULU')`, id);
      if (openTransfer.length) throw new AppError('CONFLICT', msg('registry.buDernekIcinSurmekte'));
      const transfer = r.writer.insert(transfersSpec, r.identity.unitId, {
        association_id: id, from_plate: row.province_plate, to_plate: input.toPlate, to_district_id: input.toDistrictId ?? null,
        new_kutuk_no: input.newKutukNo ? normaliseKutukNo(input.newKutukNo) : null, reason: input.reason,
        letter_date: input.letterDate ?? null, letter_no: input.letterNo ?? null,
      });
      history(r, id, {
        kind: 'TRANSFER', action: 'request', to_state: 'TALEP', letter_date: input.letterDate ?? null, letter_no: input.letterNo ?? null,
        reason: input.reason, data: JSON.stringify({ transferId: transfer.id, toPlate: input.toPlate }),
      }, new Date(ctx.now()).toISOString());
    })();
    return loadDetail(ctx, id);
  },

  'registry:transferAction': (input, ctx) => {
    const r = ready(ctx);
    r.db.sqlite.transaction(() => {
      const transfer = transfersOf(r.db, 't.id = ?', input.transferId)[0];
      if (!transfer) throw new AppError('NOT_FOUND', msg('registry.nakilKaydiBulunamadi'));
      refuse(issuesOf(
        letterDateIssue(input.letterDate, ctx.today(), policyOf(r.db).plausibility),
        decisionBeforeApplicationIssue(input.letterDate, { date: transfer.letterDate, what: DECIDES.transferRequest }),
        ownLetterNumberIssue(r.db, r.identity, input.letterNo),
      ));
      const old = associationRow(r.db, transfer.associationId);
      const isSender = old.owner_unit === r.identity.unitId;
      const isReceiver = r.identity.role === 'province' && r.identity.provincePlate === transfer.toPlate;
      const at = new Date(ctx.now()).toISOString();
      const step = (action: string, from: string, to: string, data: Record<string, unknown> = {}) =>
        history(r, transfer.associationId, {
          kind: 'TRANSFER', action, from_state: from, to_state: to, letter_date: input.letterDate ?? null, letter_no: input.letterNo ?? null,
          reason: input.reason ?? null, data: JSON.stringify({ transferId: transfer.id, ...data }),
        }, at);

      if (input.action === 'senderApprove') {
        if (!isSender) throw new AppError('FORBIDDEN', msg('registry.nakliYalnizcaGonderenIl'));
        if (transfer.state !== 'TALEP') throw new AppError('CONFLICT', msg('registry.nakilTalepAsamasindaDegil'));
        step('senderApprove', 'TALEP', 'GONDEREN_ONAYI');
        return;
      }
      if (input.action === 'cancel') {
        if (!isSender && !isReceiver) throw new AppError('FORBIDDEN', msg('registry.nakliYalnizcaGonderenYa'));
        if (transfer.state !== 'TALEP' && transfer.state !== 'GONDEREN_ONAYI') throw new AppError('CONFLICT', msg('registry.tamamlanmisYaDaIptal'));
        if (!input.reason) throw fieldError('reason', 'Gerekçe', msg('registry.iptalGerekcesiniYazin'));
        step('cancel', transfer.state, 'IPTAL');
        return;
      }
      // accept: the receiving province takes the file over; ownership moves by creating its own record.
      if (!isReceiver) throw new AppError('FORBIDDEN', msg('registry.nakliYalnizcaDerneginGidecegi'));
      if (transfer.state !== 'GONDEREN_ONAYI') throw new AppError('CONFLICT', msg('registry.nakilOnceGonderenIl'));
      if (old.status !== 'TESCILLI') throw new AppError('CONFLICT', msg('registry.dernekArtikTescilliDegil'));
      const districtId = input.toDistrictId ?? transfer.toDistrictId;
      if (!districtId) throw fieldError('toDistrictId', 'İlçe', msg('registry.derneginYeniIlcesiniSecin'));
      checkDistrict(r.db, districtId, transfer.toPlate);
      const copy: Row = {};
      for (const column of associationsSpec.columns) copy[column] = old[column] ?? null;
      Object.assign(copy, { province_plate: transfer.toPlate, district_id: districtId, neighbourhood: null, street: null, transferred_from: old.id });
      if (transfer.newKutukNo) copy.kutuk_no = transfer.newKutukNo;
      const created = r.writer.insert(associationsSpec, r.identity.unitId, copy);
      const newId = String(created.id);
      // The file travels: people, visa applications and checklist state are copied under the new owner.
      for (const spec of [associationPeopleSpec, visaApplicationsSpec, associationDocumentsSpec]) {
        for (const source of r.db.stmt(`SELECT * FROM ${spec.name} WHERE association_id = ? AND deleted_at IS NULL`).all(old.id) as Row[]) {
          const values: Row = {};
          for (const column of spec.columns) values[column] = source[column] ?? null;
          r.writer.insert(spec, r.identity.unitId, { ...values, association_id: newId });
        }
      }
      history(r, newId, {
        kind: 'REGISTRATION', action: 'inheritRegistration', from_state: null, to_state: 'TESCILLI',
        data: JSON.stringify({ registrationNo: old.registration_no, registeredOn: old.registered_on, transferId: transfer.id, fromAssociationId: old.id }),
      }, at);
      history(r, String(old.id), {
        kind: 'REGISTRATION', action: 'transferOut', from_state: 'TESCILLI', to_state: 'AKTARILDI',
        data: JSON.stringify({ newAssociationId: newId, transferId: transfer.id }),
      }, at);
      step('accept', 'GONDEREN_ONAYI', 'TAMAMLANDI', { newAssociationId: newId });
    })();
    return transfersOf(r.db, 't.id = ?', input.transferId)[0]!;
  },

  'registry:listTransfers': (input, ctx) => {
    const { db, identity } = ready(ctx);
    if (identity.role === 'ministry') return transfersOf(db, '1 = 1');
    const plate = identity.provincePlate;
    if (input.direction === 'incoming') return transfersOf(db, 't.to_plate = ?', plate);
    if (input.direction === 'outgoing') return transfersOf(db, 't.from_plate = ?', plate);
    return transfersOf(db, '(t.to_plate = ? OR t.from_plate = ?)', plate, plate);
  },

  'registry:changeClubType': (input, ctx) => {
    const r = ready(ctx);
    r.db.sqlite.transaction(() => {
      const row = editableRow(r, input.id);
      if (row.club_type === input.clubType) throw fieldError('clubType', 'Yeni kulüp türü', msg('registry.dernekZatenBuTurde'));
      refuse(issuesOf(letterDateIssue(input.letterDate, ctx.today(), policyOf(r.db).plausibility)));
      r.writer.update(associationsSpec, input.id, { club_type: input.clubType });
      history(r, input.id, {
        kind: 'CLUB_TYPE', action: 'changeClubType', from_state: row.club_type, to_state: input.clubType,
        letter_date: input.letterDate ?? null, letter_no: input.letterNo ?? null, reason: input.reason,
        data: JSON.stringify({ from: CLUB_TYPE_LABELS[row.club_type as keyof typeof CLUB_TYPE_LABELS], to: CLUB_TYPE_LABELS[input.clubType] }),
      }, new Date(ctx.now()).toISOString());
    })();
    return loadDetail(ctx, input.id);
  },

  'registry:getPolicy': (_input, ctx) => {
    const { policy, updatedAt } = readPolicy(ready(ctx).db);
    return { ...policy, updatedAt };
  },

  'registry:updatePolicy': (input, ctx) => {
    const r = ready(ctx);
    if (input.visaWindow.start > input.visaWindow.end) throw fieldError('visaWindow.end', 'Vize dönemi sonu', msg('registry.donemSonuBaslangictanOnce'));
    for (const [list, label] of [[input.registrationChecklist, 'registrationChecklist'], [input.visaChecklist, 'visaChecklist']] as const) {
      const keys = list.map((i) => i.key);
      if (new Set(keys).size !== keys.length) throw fieldError(label, 'Kontrol listesi', msg('registry.herBelgeninAnahtariTekil'));
    }
    r.db.sqlite.transaction(() => {
      const value = JSON.stringify({ ...DEFAULT_REGISTRY_POLICY, ...input, plausibility: input.plausibility ?? policyOf(r.db).plausibility });
      const exists = r.db.stmt('SELECT id FROM reference_data WHERE id = ?').get(POLICY_ID);
      if (exists) r.writer.update(referenceDataSpec, POLICY_ID, { value });
      else r.writer.insert(referenceDataSpec, r.identity.unitId, { value }, POLICY_ID);
    })();
    const { policy, updatedAt } = readPolicy(r.db);
    return { ...policy, updatedAt };
  },

  'registry:exportXlsx': (input, ctx) => associationsWorkbook(ready(ctx).db, input, ctx.today()),

  'registry:visaListXlsx': (input, ctx) => {
    const { db, identity } = ready(ctx);
    return visaListWorkbook(db, identity, input, ctx.today());
  },

  'registry:document': (input, ctx) => {
    const { db, identity } = ready(ctx);
    const a = loadDetail(ctx, input.id);
    const issuer = issuerOf(db, identity, ctx.today());
    // Issued in the name of the unit whose approval counts, citing its letter; an association registered before
    // Köprü (imported, no approval step) is cited under the approving level of the policy, without a letter.
    const decision = (kind: 'REGISTRATION' | 'VISA', fallbackUnit: string, year?: number) => {
      const step = approvalStep(a, kind, year);
      const unit = step?.actorUnit ?? fallbackUnit;
      return { authority: unit === identity.unitId ? issuer.letterhead : readLetterhead(db, unit), letterDate: step?.letterDate ?? null, letterNo: step?.letterNo ?? null };
    };
    if (input.kind === 'certificate') {
      if (!a.registrationNo || (a.status !== 'TESCILLI' && a.status !== 'ASKIDA')) throw new AppError('CONFLICT', msg('registry.tescilBelgesiYalnizcaTescilli'));
      const approver = policyOf(db).approvingLevel === 'ministry' ? 'ministry' : `province:${a.provincePlate}`;
      return pdfOutput(a.name, 'Tescil Belgesi', registrationCertificate(a, decision('REGISTRATION', approver), issuer));
    }
    if (input.kind === 'visa') {
      const year = input.year ?? Number(ctx.today().slice(0, 4));
      if (!a.visaApplications.some((v) => v.year === year && v.state === 'ONAY')) throw new AppError('CONFLICT', msg('registry.yearYiliIcinOnaylanmis', { year: String(year) }));
      return pdfOutput(a.name, `Vize ${year}`, visaConfirmation(a, year, decision('VISA', `province:${a.provincePlate}`, year), issuer));
    }
    return pdfOutput(a.name, 'Dosya Özeti', fileSummary(a, issuer));
  },

  'registry:importPreview': async (input, ctx) => {
    const r = ready(ctx);
    return importRegistry(r.db, r.identity, r.writer, { fileName: input.fileName, content: decodeBase64(input.contentBase64), mapping: input.mapping, duplicates: input.duplicates, apply: false });
  },

  'registry:importApply': async (input, ctx) => {
    const r = ready(ctx);
    return importRegistry(r.db, r.identity, r.writer, { fileName: input.fileName, content: decodeBase64(input.contentBase64), mapping: input.mapping, duplicates: input.duplicates, apply: true, job: ctx.jobs.current(), now: ctx.now() });
  },

  'registry:listMappings': (_input, ctx) => {
    const { db } = ready(ctx);
    return (db.stmt('SELECT name, mapping, updated_at AS updatedAt FROM import_mappings ORDER BY name').all() as { name: string; mapping: string; updatedAt: string }[]).map(
      (m) => ({ ...m, mapping: JSON.parse(m.mapping) as Record<string, string> }),
    );
  },

  'registry:saveMapping': (input, ctx) => {
    const { db } = ready(ctx);
    db.stmt('INSERT INTO import_mappings (name, mapping, updated_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at').run(
      input.name, JSON.stringify(input.mapping), new Date(ctx.now()).toISOString(),
    );
    return { name: input.name };
  },
};
