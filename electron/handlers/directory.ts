import { AppError, listOf, msg, word, type Msg, type IssueInput } from '../../shared/contract';
import type { directoryContract, OrganisationDetail } from '../../shared/contract/directory';
import type { Identity } from '../../shared/contract/installation';
import { subtypeFits, type OrgKind, type OrgSubtype } from '../../shared/directory/fields';
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
import { findByIdentifier as findAssociationByIdentifier, similarNames as similarAssociationNames } from '../../db/registry/queries';
import type { AppContext } from '../app/context';
import { importDirectory } from '../directory/import';
import { associationByKutuk, assertNoDuplicate, organisationColumns } from '../directory/rules';
import { directoryWorkbook, followUpsWorkbook } from '../directory/spreadsheet';
import { decodeBase64 } from '../registry/files';
import { ready } from './guards';
import type { Handlers } from './types';

type Ready = { db: OpenDatabase; identity: Identity; writer: ChangeWriter };

const NOT_FOUND = msg('directory.kurumKaydiBulunamadiSilinmis');

function fieldError(path: string, label: string, message: Msg): AppError {
  return AppError.field(path, label, message);
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
  if (!row || row.deleted_at) throw new AppError('NOT_FOUND', NOT_FOUND, [{ path, label: 'Kurum', message: msg('directory.kurumBulunamadi') }]);
  return row;
}

/** The record itself (no merge resolution), editable only by its owner while live. */
function ownedOrganisation(r: Ready, id: string): OrganisationRow {
  const row = organisationRow(r.db, id);
  if (!row || row.deleted_at) throw new AppError('NOT_FOUND', NOT_FOUND);
  if (row.owner_unit !== r.identity.unitId) throw new AppError('FORBIDDEN', msg('directory.nameBaskaBirBirimin', { name: row.name }));
  if (row.merged_into) throw new AppError('CONFLICT', msg('directory.nameBaskaBirKayitla', { name: row.name }));
  return row;
}

/** Kind/subtype fit and district-in-province, checked on the record as it will be after the write. */
function checkShape(db: OpenDatabase, next: { kind: OrgKind; subtype: OrgSubtype | null; province_plate: string; district_id: string | null }) {
  if (!subtypeFits(next.kind, next.subtype)) {
    throw fieldError('subtype', 'Alt tür', msg('directory.valueAltTuruKind', { value: word('directory.subtype', next.subtype!), kind: word('directory.kind', next.kind) }));
  }
  if (next.district_id) {
    const district = districtById(db, next.district_id);
    if (!district) throw fieldError('districtId', 'İlçe', msg('directory.secilenIlceBulunamadi'));
    if (district.plate !== next.province_plate) throw fieldError('districtId', 'İlçe', msg('directory.ilceSecilenIlinIlcelerinden'));
  }
}

function checkAssociation(db: OpenDatabase, associationId: unknown) {
  if (!associationId) return;
  const hit = db.stmt('SELECT id FROM associations WHERE id = ? AND deleted_at IS NULL').get(associationId);
  if (!hit) throw fieldError('associationId', 'Sicildeki dernek kaydı', msg('directory.sicildeBoyleBirDernek'));
}

/** Registered associations that are the organisation being typed: same VKN or kütük no, or a similar name in the province. */
function registryMatches(db: OpenDatabase, input: { name?: string; vkn?: string; kutukNo?: string; provincePlate?: string; excludeId?: string }) {
  const ids = new Set<string>();
  if (input.vkn && /^\d{10}$/.test(input.vkn.trim())) for (const h of findAssociationByIdentifier(db, 'vkn', input.vkn.trim())) ids.add(h.id);
  if (input.kutukNo) for (const h of findAssociationByIdentifier(db, 'kutuk_no', input.kutukNo)) ids.add(h.id);
  if (input.name && input.provincePlate && foldTurkish(input.name).length >= 3) for (const h of similarAssociationNames(db, foldTurkish(input.name), input.provincePlate)) ids.add(h.id);
  return [...ids].slice(0, 10).flatMap((id) => {
    const row = db
      .stmt(
        `SELECT a.id, a.name, p.name AS provinceName,
           (SELECT o.id FROM organisations o WHERE o.association_id = a.id AND o.deleted_at IS NULL ORDER BY o.created_at, o.id LIMIT 1) AS organisationId
         FROM associations a JOIN provinces p ON p.plate = a.province_plate WHERE a.id = ?`,
      )
      .get(id) as { id: string; name: string; provinceName: string; organisationId: string | null } | undefined;
    // The record being edited is already this association's directory record: not a duplicate of itself.
    return row && row.organisationId !== input.excludeId ? [row] : [];
  });
}

/** The record a message names, by table (a nested message: the reader's language). */
const RECORD_NAMES = {
  org_relations: { name: 'directory.record.relation', inSentence: 'directory.record.relationInSentence' },
  interactions: { name: 'directory.record.interaction', inSentence: 'directory.record.interactionInSentence' },
} as const;

function relationOrInteraction(r: Ready, table: 'org_relations' | 'interactions', id: string): Row & { organisation_id: string } {
  const row = r.db.stmt(`SELECT * FROM ${table} WHERE id = ?`).get(id) as (Row & { organisation_id: string; owner_unit: string; deleted_at: string | null }) | undefined;
  if (!row || row.deleted_at) throw new AppError('NOT_FOUND', msg('directory.whatBulunamadi', { what: msg(RECORD_NAMES[table].name) }));
  if (row.owner_unit !== r.identity.unitId) throw new AppError('FORBIDDEN', msg('directory.buWhatBaskaBir', { what: msg(RECORD_NAMES[table].inSentence) }));
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
    return { blocking, similar, registry: registryMatches(db, { ...input, kutukNo: kutuk ?? undefined, provincePlate: plate ?? undefined }) };
  },

  'directory:addFromRegistry': (input, ctx) => {
    const r = ready(ctx);
    const id = r.db.sqlite.transaction(() => {
      const association = r.db
        .stmt('SELECT id, name, province_plate, district_id, activity_areas, vkn, kutuk_no, phone, email, status FROM associations WHERE id = ? AND deleted_at IS NULL')
        .get(input.associationId) as Row & { id: string; name: string; vkn: string | null; kutuk_no: string | null } | undefined;
      if (!association) throw fieldError('associationId', 'Sicildeki dernek kaydı', msg('directory.sicildeBoyleBirDernek'));
      const linked = r.db.stmt('SELECT id FROM organisations WHERE association_id = ? AND deleted_at IS NULL ORDER BY created_at, id LIMIT 1').get(association.id) as { id: string } | undefined;
      if (linked) return resolveOrganisation(r.db, linked.id) ?? linked.id;
      // The same organisation already typed into the directory (by VKN or kütük no): link that record, not a second one.
      const same = [...(association.vkn ? findByIdentifier(r.db, 'vkn', association.vkn) : []), ...(association.kutuk_no ? findByIdentifier(r.db, 'kutuk_no', association.kutuk_no) : [])][0];
      if (same) {
        const row = organisationRow(r.db, same.id)!;
        if (row.owner_unit !== r.identity.unitId) {
          throw new AppError('CONFLICT', msg('directory.registryLinkOtherUnit', { name: row.name }));
        }
        r.writer.update(organisationsSpec, row.id, { association_id: association.id });
        return row.id;
      }
      const row: Row = {
        kind: 'STK', subtype: 'DERNEK', name: association.name, province_plate: association.province_plate, district_id: association.district_id,
        activity_areas: association.activity_areas, youth_focus: 1, vkn: association.vkn, kutuk_no: association.kutuk_no, association_id: association.id,
        phone: association.phone, email: association.email,
      };
      return String(r.writer.insert(organisationsSpec, r.identity.unitId, row).id);
    })();
    return loadDetail(ctx, id);
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
        throw fieldError('subtype', 'Alt tür', msg('directory.turDegistiKindTurune', { kind: word('directory.kind', next.kind) }));
      }
      if ('province_plate' in patch && !('district_id' in patch) && next.district_id && patch.province_plate !== current.province_plate) {
        throw fieldError('districtId', 'İlçe', msg('directory.ilDegistiYeniIlin'));
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
      // Each kind of reference a message of its own, so the English screen lists them in English.
      const parts = (['meetings', 'workshops', 'relations', 'interactions'] as const)
        .filter((kind) => refs[kind])
        .map((kind) => msg(`directory.refs.${kind}`, { count: String(refs[kind]) }));
      if (parts.length) {
        throw new AppError('CONFLICT', msg('directory.nameSilinemezPartsBu', { name: row.name, parts: listOf(parts) }));
      }
      r.writer.tombstone(organisationsSpec, row.id);
    })();
    return { id: input.id };
  },

  'directory:merge': (input, ctx) => {
    const r = ready(ctx);
    if (input.keepId === input.mergeId) throw fieldError('mergeId', 'Birleştirilecek kayıt', msg('directory.birKayitKendisiyleBirlestirilemez'));
    r.db.sqlite.transaction(() => {
      const keep = organisationRow(r.db, input.keepId);
      if (!keep || keep.deleted_at) throw new AppError('NOT_FOUND', msg('directory.kalacakKurumKaydiBulunamadi'), [{ path: 'keepId', label: 'Kalacak kayıt', message: msg('directory.kayitBulunamadi') }]);
      if (keep.merged_into) throw new AppError('CONFLICT', msg('directory.nameZatenBaskaBir', { name: keep.name }), [{ path: 'keepId', label: 'Kalacak kayıt', message: msg('directory.buKayitBirlestirilmis') }]);
      const merge = ownedOrganisation(r, input.mergeId);
      if (familyIds(r.db, merge.id).includes(keep.id)) throw new AppError('CONFLICT', msg('directory.kalacakKayitZatenBu'));
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
      if (!current || current.deleted_at) throw new AppError('NOT_FOUND', msg('directory.kisiKaydiBulunamadi'));
      if (current.owner_unit !== r.identity.unitId) throw new AppError('FORBIDDEN', msg('directory.buKisiKaydiBaska'));
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
      if (!current || current.deleted_at) throw new AppError('NOT_FOUND', msg('directory.kisiKaydiBulunamadi'));
      if (current.owner_unit !== r.identity.unitId) throw new AppError('FORBIDDEN', msg('directory.buKisiKaydiBaska2'));
      r.writer.tombstone(contactsSpec, input.id);
    })();
    return { id: input.id };
  },

  'directory:searchContacts': (input, ctx) => searchContacts(ready(ctx).db, input),

  'directory:saveRelation': (input, ctx) => {
    const r = ready(ctx);
    const organisationId = r.db.sqlite.transaction(() => {
      const org = liveOrganisation(r.db, input.organisationId);
      if (input.startOn && input.endOn && input.endOn < input.startOn) throw fieldError('endOn', 'Bitiş', msg('directory.bitisTarihiBaslangictanOnce'));
      const row: Row = {
        organisation_id: org.id, unit_id: r.identity.unitId, unit_name: r.identity.unitName, relation_type: input.relationType,
        start_on: input.startOn ?? null, end_on: input.endOn ?? null, note: input.note || null,
      };
      if (input.id) {
        relationOrInteraction(r, 'org_relations', input.id);
        r.writer.update(orgRelationsSpec, input.id, row);
      } else r.writer.insert(orgRelationsSpec, r.identity.unitId, row);
      return org.id;
    })();
    return loadDetail(ctx, organisationId);
  },

  'directory:removeRelation': (input, ctx) => {
    const r = ready(ctx);
    const organisationId = r.db.sqlite.transaction(() => {
      const row = relationOrInteraction(r, 'org_relations', input.id);
      r.writer.tombstone(orgRelationsSpec, input.id);
      return row.organisation_id;
    })();
    return loadDetail(ctx, organisationId);
  },

  'directory:saveInteraction': (input, ctx) => {
    const r = ready(ctx);
    const organisationId = r.db.sqlite.transaction(() => {
      const org = liveOrganisation(r.db, input.organisationId);
      const issues: IssueInput[] = [];
      if ((input.followUpDue || input.followUpDoneOn) && !input.followUp) issues.push({ path: 'followUp', label: 'Takip işi', message: msg('directory.takipTarihiVerildiyseYapilacak') });
      if (input.followUpDoneOn && input.followUpDoneOn < input.onDate) issues.push({ path: 'followUpDoneOn', label: 'Takip tamamlandı', message: msg('directory.tamamlanmaTarihiGorusmeTarihinden') });
      if (input.followUpDue && input.followUpDue < input.onDate) issues.push({ path: 'followUpDue', label: 'Takip son tarihi', message: msg('directory.sonTarihGorusmeTarihinden') });
      if (issues.length) throw AppError.ofIssues('VALIDATION', issues);
      const row: Row = {
        organisation_id: org.id, kind: input.kind, on_date: input.onDate, subject: input.subject, note: input.note || null,
        letter_date: input.letterDate ?? null, letter_no: input.letterNo || null, follow_up: input.followUp || null,
        follow_up_due: input.followUpDue ?? null, follow_up_done_on: input.followUpDoneOn ?? null,
      };
      if (input.id) {
        relationOrInteraction(r, 'interactions', input.id);
        r.writer.update(interactionsSpec, input.id, row);
      } else r.writer.insert(interactionsSpec, r.identity.unitId, row);
      return org.id;
    })();
    return loadDetail(ctx, organisationId);
  },

  'directory:removeInteraction': (input, ctx) => {
    const r = ready(ctx);
    const organisationId = r.db.sqlite.transaction(() => {
      const row = relationOrInteraction(r, 'interactions', input.id);
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
