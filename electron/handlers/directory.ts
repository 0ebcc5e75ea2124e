import { AppError, type FieldIssue } from '../../shared/contract';
import type { directoryContract, OrganisationDetail } from '../../shared/contract/directory';
import type { Identity } from '../../shared/contract/installation';
import { ORG_KIND_LABELS, ORG_SUBTYPE_LABELS, subtypeFits, type OrgKind, type OrgSubtype } from '../../shared/directory/fields';
import { normaliseKutukNo, normalisePhone } from '../../shared/identifiers';
import { foldTurkish } from '../../shared/turkish';
import type { ChangeWriter, Row } from '../../db/changeLog/writer';
import {
  contactById,
  familyIds,
  findByIdentifier,
  followUps,
  organisationDetail,
  organisationRow,
  referencesTo,
  resolveOrganisation,
  searchContacts,
  searchOrganisations,
  similarOrganisations,
  type OrganisationRow,
} from '../../db/directory/queries';
import { contactAffiliationsSpec, contactsSpec, interactionsSpec, orgRelationsSpec, organisationsSpec, refreshOrganisation } from '../../db/directory/specs';
import type { OpenDatabase } from '../../db/open';
import { districtById } from '../../db/orgUnits/queries';
import type { AppContext } from '../app/context';
import { importDirectory } from '../directory/import';
import { associationByKutuk, assertNoDuplicate, organisationColumns } from '../directory/rules';
import { directoryWorkbook, followUpsWorkbook } from '../directory/spreadsheet';
import { decodeBase64 } from '../registry/files';
import { ready } from './guards';
import type { Handlers } from './types';

type Ready = { db: OpenDatabase; identity: Identity; writer: ChangeWriter };

const NOT_FOUND = 'Kurum kaydı bulunamadı; silinmiş ya da bu kuruluma hiç gelmemiş olabilir.';

function fieldError(path: string, label: string, message: string): AppError {
  return new AppError('VALIDATION', `${label}: ${message}`, [{ path, label, message }]);
}

function loadDetail(ctx: AppContext, id: string): OrganisationDetail {
  const { db, identity } = ready(ctx);
  const detail = organisationDetail(db, id, { unitId: identity.unitId }, ctx.today());
  if (!detail) throw new AppError('NOT_FOUND', NOT_FOUND);
  return detail;
}

/** A live organisation, following merges to the record that absorbed it (relations, contacts attach there). */
function liveOrganisation(db: OpenDatabase, id: string, path = 'organisationId'): OrganisationRow {
  const root = resolveOrganisation(db, id);
  const row = root ? organisationRow(db, root) : undefined;
  if (!row || row.deleted_at) throw new AppError('NOT_FOUND', NOT_FOUND, [{ path, label: 'Kurum', message: 'Kurum bulunamadı.' }]);
  return row;
}

/** The record itself (no merge resolution), editable only by its owner while live. */
function ownedOrganisation(r: Ready, id: string): OrganisationRow {
  const row = organisationRow(r.db, id);
  if (!row || row.deleted_at) throw new AppError('NOT_FOUND', NOT_FOUND);
  if (row.owner_unit !== r.identity.unitId) throw new AppError('FORBIDDEN', `"${row.name}" başka bir birimin kaydı; yalnızca kaydı oluşturan birim değiştirebilir.`);
  if (row.merged_into) throw new AppError('CONFLICT', `"${row.name}" başka bir kayıtla birleştirildi; birleştirilen kaydı düzenleyin.`);
  return row;
}

/** Kind/subtype fit and district-in-province, checked on the record as it will be after the write. */
function checkShape(db: OpenDatabase, next: { kind: OrgKind; subtype: OrgSubtype | null; province_plate: string; district_id: string | null }) {
  if (!subtypeFits(next.kind, next.subtype)) {
    throw fieldError('subtype', 'Alt tür', `"${ORG_SUBTYPE_LABELS[next.subtype!]}" alt türü "${ORG_KIND_LABELS[next.kind]}" türüne uymuyor.`);
  }
  if (next.district_id) {
    const district = districtById(db, next.district_id);
    if (!district) throw fieldError('districtId', 'İlçe', 'Seçilen ilçe bulunamadı.');
    if (district.plate !== next.province_plate) throw fieldError('districtId', 'İlçe', 'İlçe seçilen ilin ilçelerinden biri olmalı.');
  }
}

function checkAssociation(db: OpenDatabase, associationId: unknown) {
  if (!associationId) return;
  const hit = db.stmt('SELECT id FROM associations WHERE id = ? AND deleted_at IS NULL').get(associationId);
  if (!hit) throw fieldError('associationId', 'Sicildeki dernek kaydı', 'Sicilde böyle bir dernek kaydı yok.');
}

function relationOrInteraction(r: Ready, table: 'org_relations' | 'interactions', id: string, what: string): Row & { organisation_id: string } {
  const row = r.db.stmt(`SELECT * FROM ${table} WHERE id = ?`).get(id) as (Row & { organisation_id: string; owner_unit: string; deleted_at: string | null }) | undefined;
  if (!row || row.deleted_at) throw new AppError('NOT_FOUND', `${what} bulunamadı.`);
  if (row.owner_unit !== r.identity.unitId) throw new AppError('FORBIDDEN', `Bu ${what.toLocaleLowerCase('tr-TR')} başka bir birimin kaydı; yalnızca kaydeden birim değiştirebilir.`);
  return row;
}

/** Empty fields of the kept record that the merged one can fill (only when the same unit owns both). */
function fillFrom(keep: OrganisationRow, merge: OrganisationRow): Row {
  const patch: Row = {};
  for (const column of ['short_name', 'vkn', 'kutuk_no', 'association_id', 'phone', 'email', 'website', 'address', 'notes'] as const) {
    if (!keep[column] && merge[column]) patch[column] = merge[column];
  }
  if (!keep.subtype && merge.subtype && subtypeFits(keep.kind, merge.subtype)) patch.subtype = merge.subtype;
  if (!keep.district_id && merge.district_id && merge.province_plate === keep.province_plate) patch.district_id = merge.district_id;
  if (keep.activity_areas === '[]' && merge.activity_areas !== '[]') patch.activity_areas = merge.activity_areas;
  if (!keep.youth_focus && merge.youth_focus) patch.youth_focus = 1;
  return patch;
}

export const directoryHandlers: Handlers<keyof typeof directoryContract> = {
  'directory:search': (input, ctx) => searchOrganisations(ready(ctx).db, input),

  'directory:get': (input, ctx) => loadDetail(ctx, input.id),

  'directory:checkDuplicates': (input, ctx) => {
    const { db, identity } = ready(ctx);
    const blocking: { id: string; name: string; field: 'vkn' | 'kutukNo'; provinceName: string }[] = [];
    const kutuk = input.kutukNo ? normaliseKutukNo(input.kutukNo) : null;
    if (input.vkn && /^\d{10}$/.test(input.vkn.trim())) blocking.push(...findByIdentifier(db, 'vkn', input.vkn.trim(), input.excludeId).map((h) => ({ ...h, field: 'vkn' as const })));
    if (kutuk) blocking.push(...findByIdentifier(db, 'kutuk_no', kutuk, input.excludeId).map((h) => ({ ...h, field: 'kutukNo' as const })));
    const plate = input.provincePlate ?? identity.provincePlate;
    const similar = input.name && plate && foldTurkish(input.name).length >= 3 ? similarOrganisations(db, input.name, plate, input.excludeId) : [];
    return { blocking, similar };
  },

  'directory:create': (input, ctx) => {
    const r = ready(ctx);
    const id = r.db.sqlite.transaction(() => {
      const row = organisationColumns(input);
      checkShape(r.db, { kind: input.kind, subtype: input.subtype ?? null, province_plate: input.provincePlate, district_id: input.districtId ?? null });
      assertNoDuplicate(r.db, row);
      checkAssociation(r.db, row.association_id);
      if (!row.association_id) row.association_id = associationByKutuk(r.db, row.kutuk_no);
      return String(r.writer.insert(organisationsSpec, r.identity.unitId, row).id);
    })();
    return loadDetail(ctx, id);
  },

  'directory:update': (input, ctx) => {
    const r = ready(ctx);
    r.db.sqlite.transaction(() => {
      const current = ownedOrganisation(r, input.id);
      const { id, ...fields } = input;
      const patch = organisationColumns(fields);
      const next = { ...current, ...patch } as OrganisationRow;
      if ('kind' in patch && !('subtype' in patch) && !subtypeFits(next.kind, next.subtype)) {
        throw fieldError('subtype', 'Alt tür', `Tür değişti; "${ORG_KIND_LABELS[next.kind]}" türüne uyan bir alt tür seçin.`);
      }
      if ('province_plate' in patch && !('district_id' in patch) && next.district_id && patch.province_plate !== current.province_plate) {
        throw fieldError('districtId', 'İlçe', 'İl değişti; yeni ilin bir ilçesini seçin.');
      }
      checkShape(r.db, next);
      assertNoDuplicate(r.db, patch, id);
      if ('association_id' in patch) checkAssociation(r.db, patch.association_id);
      else if ('kutuk_no' in patch && !current.association_id) {
        const linked = associationByKutuk(r.db, patch.kutuk_no);
        if (linked) patch.association_id = linked;
      }
      r.writer.update(organisationsSpec, id, patch);
    })();
    return loadDetail(ctx, input.id);
  },

  'directory:delete': (input, ctx) => {
    const r = ready(ctx);
    r.db.sqlite.transaction(() => {
      const row = ownedOrganisation(r, input.id);
      const refs = referencesTo(r.db, row.id);
      const parts = [
        refs.meetings && `${refs.meetings} toplantı katılımı`,
        refs.workshops && `${refs.workshops} çalıştay katılımı`,
        refs.relations && `${refs.relations} ilişki`,
        refs.interactions && `${refs.interactions} görüşme kaydı`,
      ].filter(Boolean);
      if (parts.length) {
        throw new AppError('CONFLICT', `"${row.name}" silinemez: ${parts.join(', ')} bu kayda bağlı. Mükerrer bir kayıtsa silmek yerine doğru kayıtla birleştirin.`);
      }
      r.writer.tombstone(organisationsSpec, row.id);
    })();
    return { id: input.id };
  },

  'directory:merge': (input, ctx) => {
    const r = ready(ctx);
    if (input.keepId === input.mergeId) throw fieldError('mergeId', 'Birleştirilecek kayıt', 'Bir kayıt kendisiyle birleştirilemez.');
    r.db.sqlite.transaction(() => {
      const keep = organisationRow(r.db, input.keepId);
      if (!keep || keep.deleted_at) throw new AppError('NOT_FOUND', 'Kalacak kurum kaydı bulunamadı.', [{ path: 'keepId', label: 'Kalacak kayıt', message: 'Kayıt bulunamadı.' }]);
      if (keep.merged_into) throw new AppError('CONFLICT', `"${keep.name}" zaten başka bir kayıtla birleştirilmiş; kalacak kayıt olarak onu seçin.`, [{ path: 'keepId', label: 'Kalacak kayıt', message: 'Bu kayıt birleştirilmiş.' }]);
      const merge = ownedOrganisation(r, input.mergeId);
      if (familyIds(r.db, merge.id).includes(keep.id)) throw new AppError('CONFLICT', 'Kalacak kayıt zaten bu kayda birleştirilmiş.');
      const unit = r.identity.unitId;
      r.writer.update(organisationsSpec, merge.id, { merged_into: keep.id });
      // Records merged earlier into this one point at the kept record too (others' rows resolve through the chain).
      for (const { id } of r.db.stmt('SELECT id FROM organisations WHERE merged_into = ? AND owner_unit = ? AND id != ?').all(merge.id, unit, keep.id) as { id: string }[]) {
        r.writer.update(organisationsSpec, id, { merged_into: keep.id });
      }
      for (const spec of [contactsSpec, orgRelationsSpec, interactionsSpec]) {
        const rows = r.db.stmt(`SELECT id FROM ${spec.name} WHERE organisation_id = ? AND owner_unit = ? AND deleted_at IS NULL`).all(merge.id, unit) as { id: string }[];
        for (const { id } of rows) r.writer.update(spec, id, { organisation_id: keep.id });
      }
      if (keep.owner_unit === unit) {
        const patch = fillFrom(keep, merge);
        if (Object.keys(patch).length) r.writer.update(organisationsSpec, keep.id, patch);
      }
      // People moved: both records' search text follows (derived, not logged).
      refreshOrganisation(r.writer.env, keep.id);
      refreshOrganisation(r.writer.env, merge.id);
    })();
    return loadDetail(ctx, input.keepId);
  },

  'directory:saveContact': (input, ctx) => {
    const r = ready(ctx);
    const id = r.db.sqlite.transaction(() => {
      const organisationId = input.organisationId ? liveOrganisation(r.db, input.organisationId).id : null;
      const row: Row = {
        organisation_id: organisationId,
        full_name: input.fullName.replace(/\s+/g, ' '),
        title: input.title || null,
        phone: input.phone ? normalisePhone(input.phone) : null,
        email: input.email ? input.email.toLowerCase() : null,
        notes: input.notes || null,
      };
      if (!input.id) return String(r.writer.insert(contactsSpec, r.identity.unitId, row).id);
      const current = r.db.stmt('SELECT * FROM contacts WHERE id = ?').get(input.id) as (Row & { owner_unit: string; organisation_id: string | null; title: string | null }) | undefined;
      if (!current || current.deleted_at) throw new AppError('NOT_FOUND', 'Kişi kaydı bulunamadı.');
      if (current.owner_unit !== r.identity.unitId) throw new AppError('FORBIDDEN', 'Bu kişi kaydı başka bir birime ait; yalnızca kaydeden birim değiştirebilir.');
      const before = current.organisation_id ? (resolveOrganisation(r.db, current.organisation_id) ?? current.organisation_id) : null;
      if (before !== organisationId) {
        // The person left an organisation: keep where they were and as what, until today.
        r.writer.insert(contactAffiliationsSpec, r.identity.unitId, { contact_id: input.id, organisation_id: current.organisation_id, title: current.title, until_on: ctx.today() });
      }
      r.writer.update(contactsSpec, input.id, row);
      if (before && before !== organisationId) refreshOrganisation(r.writer.env, before);
      return input.id;
    })();
    return contactById(r.db, id)!;
  },

  'directory:removeContact': (input, ctx) => {
    const r = ready(ctx);
    r.db.sqlite.transaction(() => {
      const current = r.db.stmt('SELECT owner_unit, deleted_at FROM contacts WHERE id = ?').get(input.id) as { owner_unit: string; deleted_at: string | null } | undefined;
      if (!current || current.deleted_at) throw new AppError('NOT_FOUND', 'Kişi kaydı bulunamadı.');
      if (current.owner_unit !== r.identity.unitId) throw new AppError('FORBIDDEN', 'Bu kişi kaydı başka bir birime ait; yalnızca kaydeden birim silebilir.');
      r.writer.tombstone(contactsSpec, input.id);
    })();
    return { id: input.id };
  },

  'directory:searchContacts': (input, ctx) => searchContacts(ready(ctx).db, input),

  'directory:saveRelation': (input, ctx) => {
    const r = ready(ctx);
    const organisationId = r.db.sqlite.transaction(() => {
      const org = liveOrganisation(r.db, input.organisationId);
      if (input.startOn && input.endOn && input.endOn < input.startOn) throw fieldError('endOn', 'Bitiş', 'Bitiş tarihi başlangıçtan önce olamaz.');
      const row: Row = {
        organisation_id: org.id, unit_id: r.identity.unitId, unit_name: r.identity.unitName, relation_type: input.relationType,
        start_on: input.startOn ?? null, end_on: input.endOn ?? null, note: input.note || null,
      };
      if (input.id) {
        relationOrInteraction(r, 'org_relations', input.id, 'İlişki');
        r.writer.update(orgRelationsSpec, input.id, row);
      } else r.writer.insert(orgRelationsSpec, r.identity.unitId, row);
      return org.id;
    })();
    return loadDetail(ctx, organisationId);
  },

  'directory:removeRelation': (input, ctx) => {
    const r = ready(ctx);
    const organisationId = r.db.sqlite.transaction(() => {
      const row = relationOrInteraction(r, 'org_relations', input.id, 'İlişki');
      r.writer.tombstone(orgRelationsSpec, input.id);
      return row.organisation_id;
    })();
    return loadDetail(ctx, organisationId);
  },

  'directory:saveInteraction': (input, ctx) => {
    const r = ready(ctx);
    const organisationId = r.db.sqlite.transaction(() => {
      const org = liveOrganisation(r.db, input.organisationId);
      const issues: FieldIssue[] = [];
      if ((input.followUpDue || input.followUpDoneOn) && !input.followUp) issues.push({ path: 'followUp', label: 'Takip işi', message: 'Takip tarihi verildiyse yapılacak işi de yazın.' });
      if (input.followUpDoneOn && input.followUpDoneOn < input.onDate) issues.push({ path: 'followUpDoneOn', label: 'Takip tamamlandı', message: 'Tamamlanma tarihi görüşme tarihinden önce olamaz.' });
      if (input.followUpDue && input.followUpDue < input.onDate) issues.push({ path: 'followUpDue', label: 'Takip son tarihi', message: 'Son tarih görüşme tarihinden önce olamaz.' });
      if (issues.length) throw new AppError('VALIDATION', issues.map((i) => `${i.label}: ${i.message}`).join(' '), issues);
      const row: Row = {
        organisation_id: org.id, kind: input.kind, on_date: input.onDate, subject: input.subject, note: input.note || null,
        letter_date: input.letterDate ?? null, letter_no: input.letterNo || null, follow_up: input.followUp || null,
        follow_up_due: input.followUpDue ?? null, follow_up_done_on: input.followUpDoneOn ?? null,
      };
      if (input.id) {
        relationOrInteraction(r, 'interactions', input.id, 'Görüşme kaydı');
        r.writer.update(interactionsSpec, input.id, row);
      } else r.writer.insert(interactionsSpec, r.identity.unitId, row);
      return org.id;
    })();
    return loadDetail(ctx, organisationId);
  },

  'directory:removeInteraction': (input, ctx) => {
    const r = ready(ctx);
    const organisationId = r.db.sqlite.transaction(() => {
      const row = relationOrInteraction(r, 'interactions', input.id, 'Görüşme kaydı');
      r.writer.tombstone(interactionsSpec, input.id);
      return row.organisation_id;
    })();
    return loadDetail(ctx, organisationId);
  },

  'directory:followUps': (input, ctx) => {
    const { db, identity } = ready(ctx);
    return followUps(db, identity.unitId, input.includeDone, ctx.today());
  },

  'directory:followUpsXlsx': (input, ctx) => {
    const { db, identity } = ready(ctx);
    return followUpsWorkbook(followUps(db, identity.unitId, input.includeDone, ctx.today()), ctx.today());
  },

  'directory:exportXlsx': (input, ctx) => directoryWorkbook(ready(ctx).db, input, ctx.today()),

  'directory:importPreview': (input, ctx) => {
    const r = ready(ctx);
    return importDirectory(r.db, r.identity, r.writer, { fileName: input.fileName, content: decodeBase64(input.contentBase64), mapping: input.mapping, duplicates: input.duplicates, apply: false });
  },

  'directory:importApply': (input, ctx) => {
    const r = ready(ctx);
    return importDirectory(r.db, r.identity, r.writer, { fileName: input.fileName, content: decodeBase64(input.contentBase64), mapping: input.mapping, duplicates: input.duplicates, apply: true, job: ctx.jobs.current() });
  },
};
