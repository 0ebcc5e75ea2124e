import { AppError, labelIn, msg, type Msg, type IssueInput } from '../../shared/contract';
import type { WorkshopDetail, workshopsContract } from '../../shared/contract/workshops';
import { issuesOf, workshopHolidayIssue } from '../../shared/plausibility';
import { workshopPlanIssues } from '../../shared/meetings/workshops';
import { provinceByPlate } from '../../shared/regions';
import type { Row } from '../../db/changeLog/writer';
import { readPolicy } from '../../db/registry/queries';
import { workshopParticipantsSpec, workshopsSpec } from '../../db/workshops/specs';
import { existingOrganisations, listWorkshops, workshopDetail, workshopRow } from '../../db/workshops/queries';
import type { AppContext } from '../app/context';
import { safeFileName } from '../registry/files';
import { workshopBadges, workshopParticipantList, workshopProgramme } from '../documents/workshops';
import { issuerOf } from '../documents/issuer';
import type { Issuer } from '../documents/layout';
import { workshopsWorkbook } from '../workshops/exports';
import { ready } from './guards';
import type { Handlers } from './types';

// Regional workshops and national summits (DOMAIN.md §5): the ministry records them, their programme,
// findings and participants; every installation reads them.

const NOT_FOUND = msg('workshops.calistayZirveBulunamadiSilinmis');

function invalid(issues: IssueInput[]): AppError {
  return AppError.ofIssues('VALIDATION', issues);
}

function load(ctx: AppContext, id: string): WorkshopDetail {
  const { db, identity } = ready(ctx);
  const detail = workshopDetail(db, id, identity.unitId);
  if (!detail) throw new AppError('NOT_FOUND', NOT_FOUND);
  return detail;
}

/** The workshop must exist, be live and belong to this installation's unit. */
function editable(ctx: AppContext, id: string) {
  const { db, identity } = ready(ctx);
  const row = workshopRow(db, id);
  if (!row || row.deleted_at) throw new AppError('NOT_FOUND', NOT_FOUND);
  if (row.owner_unit !== identity.unitId) throw new AppError('FORBIDDEN', msg('workshops.buCalistayBaskaBir'));
  return row;
}

/** The document asked for and the words its file name ends with. */
function workshopDocument(kind: 'programme' | 'participants' | 'badges', w: WorkshopDetail, issuer: Issuer): [string, Promise<Buffer>] {
  if (kind === 'programme') return ['Program', workshopProgramme(w, issuer)];
  if (kind === 'participants') return ['Katılımcı Listesi', workshopParticipantList(w, issuer)];
  // A sheet of empty cards is no use: say what to do instead.
  if (!w.participantList.length) throw new AppError('VALIDATION', msg('workshops.noParticipantsForBadges'));
  return ['Yaka Kartları', workshopBadges(w)];
}

export const workshopsHandlers: Handlers<keyof typeof workshopsContract> = {
  'workshops:list': (input, ctx) => listWorkshops(ready(ctx).db, input),

  'workshops:listXlsx': (input, ctx) => workshopsWorkbook(listWorkshops(ready(ctx).db, input), ctx.today()),

  'workshops:get': (input, ctx) => load(ctx, input.id),

  'workshops:save': (input, ctx) => {
    const r = ready(ctx);
    const issues: IssueInput[] = workshopPlanIssues(input);
    const region = input.region ?? null;
    const hostPlate = input.hostPlate ?? null;
    if (input.endOn >= input.startOn) {
      // Only new or moved dates are checked: a workshop already recorded on a holiday stays editable.
      const before = input.id ? workshopRow(r.db, input.id) : undefined;
      if (!before || before.start_on !== input.startOn || before.end_on !== input.endOn) {
        issues.push(...issuesOf(workshopHolidayIssue(input.startOn, input.endOn, readPolicy(r.db).policy.plausibility)));
      }
    }
    if (issues.length) throw invalid(issues);

    const values: Row = {
      kind: input.kind,
      title: input.title,
      region,
      host_plate: hostPlate,
      start_on: input.startOn,
      end_on: input.endOn,
      venue: input.venue || null,
      programme: JSON.stringify(input.programme.map((p) => ({ time: p.time, title: p.title }))),
      findings: input.findings || null,
    };
    const id = r.db.sqlite.transaction(() => {
      if (input.id) {
        editable(ctx, input.id);
        r.writer.update(workshopsSpec, input.id, values);
        return input.id;
      }
      return String(r.writer.insert(workshopsSpec, r.identity.unitId, values).id);
    })();
    return load(ctx, id);
  },

  'workshops:saveParticipants': (input, ctx) => {
    const r = ready(ctx);
    const orgIds = [...new Set(input.participants.map((p) => p.organisationId).filter((v): v is string => !!v))];
    r.db.sqlite.transaction(() => {
      editable(ctx, input.workshopId);
      const known = existingOrganisations(r.db, orgIds);
      const existingIds = input.participants.filter((p) => p.id).map((p) => p.id!);
      const existing = new Map(
        existingIds.length
          ? (r.db
              .stmt('SELECT wp.id, wp.workshop_id, wp.deleted_at FROM workshop_participants wp JOIN json_each(?) j ON j.value = wp.id')
              .all(JSON.stringify(existingIds)) as { id: string; workshop_id: string; deleted_at: string | null }[]).map((e) => [e.id, e])
          : [],
      );
      // Every row is checked before anything is written: one bad row and nothing is saved.
      const issues: IssueInput[] = [];
      input.participants.forEach((p, i) => {
        const at = (field: string, label: string, message: Msg) =>
          issues.push({ path: `participants.${i}.${field}`, message: msg('workshops.rowField', { i: i + 1, label, labelEn: labelIn(label, 'en'), detail: message }) });
        if (!provinceByPlate(p.provincePlate)) at('provincePlate', 'İl', msg('workshops.boyleBirIlYok'));
        if (p.organisationId && !known.has(p.organisationId)) at('organisationId', 'Kurum', msg('workshops.secilenKurumRehberdeBulunamadi'));
        if (!p.organisationId && !p.organisationName) at('organisationName', 'Kurum', msg('workshops.kurumuYazinYaDa'));
        const prior = p.id ? existing.get(p.id) : undefined;
        if (prior && (prior.workshop_id !== input.workshopId || prior.deleted_at)) at('id', 'Kayıt', msg('workshops.buKatilimciKaydiBaska'));
      });
      if (issues.length) throw invalid(issues);
      for (const p of input.participants) {
        const values: Row = {
          workshop_id: input.workshopId,
          organisation_id: p.organisationId ?? null,
          organisation_name: p.organisationId ? null : (p.organisationName ?? null),
          province_plate: p.provincePlate,
          full_name: p.fullName,
          title: p.title || null,
        };
        if (p.id && existing.has(p.id)) r.writer.update(workshopParticipantsSpec, p.id, values);
        else r.writer.insert(workshopParticipantsSpec, r.identity.unitId, values, p.id);
      }
    })();
    return load(ctx, input.workshopId);
  },

  'workshops:removeParticipant': (input, ctx) => {
    const r = ready(ctx);
    const workshopId = r.db.sqlite.transaction(() => {
      const row = r.db.stmt('SELECT workshop_id, deleted_at FROM workshop_participants WHERE id = ?').get(input.id) as { workshop_id: string; deleted_at: string | null } | undefined;
      if (!row || row.deleted_at) throw new AppError('NOT_FOUND', msg('workshops.katilimciBulunamadiDahaOnce'));
      editable(ctx, row.workshop_id);
      r.writer.tombstone(workshopParticipantsSpec, input.id);
      return row.workshop_id;
    })();
    return load(ctx, workshopId);
  },

  'workshops:document': async (input, ctx) => {
    const { db, identity } = ready(ctx);
    const w = load(ctx, input.id);
    const issuer = issuerOf(db, identity, ctx.today());
    const [kind, content] = workshopDocument(input.kind, w, issuer);
    return { fileName: `${safeFileName(w.title)} - ${kind}.pdf`, mimeType: 'application/pdf', contentBase64: (await content).toString('base64') };
  },
};
