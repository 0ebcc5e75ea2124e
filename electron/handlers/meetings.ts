import { AppError, keyedText, msg, word, type ErrorKey, type Msg, type IssueInput, renderMsg } from '../../shared/contract';
import type { Identity } from '../../shared/contract/installation';
import type { MeetingDetail, meetingsContract } from '../../shared/contract/meetings';
import {
  MEETING_ACTIONS,
  missingMeetingStepInput,
  meetingActionsFrom,
  plansEditable,
  recordsMinutes,
  type MeetingState,
} from '../../shared/meetings/fields';
import { MEETING_TERMS_ID, termsProblem } from '../../shared/meetings/terms';
import { normalisePhone } from '../../shared/identifiers';
import {
  decisionDueBeforeMeetingIssue,
  invitationAfterMeetingIssue,
  issuesOf,
  letterDateIssue,
  meetingBeforeInvitationIssue,
  nonWorkingDayIssue,
  type PlausibilityPolicy,
} from '../../shared/plausibility';
import { formatDateTr } from '../../shared/turkish';
import type { ChangeWriter, Row } from '../../db/changeLog/writer';
import {
  findClashes,
  listMeetings,
  listWorkshops,
  meetingBoard,
  meetingDetail,
  meetingRow,
  openDecisions,
  planner,
  suggestInvitees,
  termsOf,
  type MeetingRow,
} from '../../db/meetings/queries';
import {
  meetingAgendaSpec,
  meetingDecisionsSpec,
  meetingFilesSpec,
  meetingParticipantsSpec,
  meetingRequestsSpec,
  meetingsSpec,
} from '../../db/meetings/specs';
import type { OpenDatabase } from '../../db/open';
import { readPolicy } from '../../db/registry/queries';
import { boundCentre } from '../../db/sync/scope';
import { referenceDataSpec } from '../../db/registry/specs';
import type { AppContext } from '../app/context';
import { attendanceSheetPdf, invitationFiles, invitationPdf, invitationsMergedPdf, invitedRecipients, minutesPdf } from '../documents/meetings';
import { zipFiles } from '../documents/archive';
import { addressLabelsPdf, badgesPdf } from '../documents/labels';
import { organisationAddresses } from '../../db/directory/queries';
import { listWorkbook } from '../spreadsheets/workbook';
import { trUpper } from '../../shared/turkish';
import { issuerOf } from '../documents/issuer';
import { ownLetterNumberIssue } from '../documents/ebys';
import { normaliseSheetCode, parseRowNumbers, sheetCode, sheetRows } from '../../shared/meetings/sheet';
import { decodeBase64, readBlob, safeFileName, storeBlob } from '../registry/files';
import { boardWorkbook, openDecisionsWorkbook, plannerWorkbook } from '../meetings/exports';
import { ready } from './guards';
import type { Handlers } from './types';

// Cooperation and consultation meetings (DOMAIN.md §5). A province or youth-centre installation plans
// meetings at the youth centres of its province and owns them; only the owner edits. The workflow is the
// table in shared/meetings/fields.ts; every write goes through the change writer in one transaction.

type Ready = { db: OpenDatabase; identity: Identity; writer: ChangeWriter };

const NOT_FOUND = msg('meetings.toplantiBulunamadiSilinmisYa');
/** A youth centre's installation before its province enrolled it (and bound it to its centre). */
const UNBOUND = msg('meetings.buKurulumHenuzIl');

function fieldError(path: string, label: string, message: Msg, code: 'VALIDATION' | 'CONFLICT' = 'VALIDATION'): AppError {
  return AppError.field(path, label, message, code);
}

/** A meeting already invited to cannot move before the letter that invited to it (issue #17). */
function beforeLetter(row: { letter_date: string | null }, date: string, path: string, label: string): void {
  const issue = meetingBeforeInvitationIssue(date, row.letter_date, path, label);
  if (issue) {
    throw AppError.ofIssues('VALIDATION', [issue]);
  }
}

/** The office's plausibility settings (ministry reference data, kept with the registry policy). */
function plausibilityPolicy(db: OpenDatabase): PlausibilityPolicy {
  return readPolicy(db).policy.plausibility;
}

function issuesError(issues: IssueInput[], code: 'VALIDATION' | 'CONFLICT' = 'VALIDATION'): AppError {
  return AppError.ofIssues(code, issues, false);
}

function loadDetail(ctx: AppContext, id: string): MeetingDetail {
  const { db, identity } = ready(ctx);
  const detail = meetingDetail(db, id, identity, ctx.today(), meetingActionsFrom);
  if (!detail) throw new AppError('NOT_FOUND', NOT_FOUND);
  return detail;
}

/** The meeting, if this installation owns it and it is not deleted. */
function ownedMeeting(r: Ready, id: string): MeetingRow {
  const row = meetingRow(r.db, id);
  if (!row || row.deleted_at) throw new AppError('NOT_FOUND', NOT_FOUND);
  if (row.owner_unit !== r.identity.unitId) throw new AppError('FORBIDDEN', msg('meetings.buToplantiBaskaBir'));
  return row;
}

/** The meeting's state as a message parameter: a word the reader's language gives. */
const stateLabel = (state: MeetingState) => word('meetings.state', state);

function requireMinutesState(row: MeetingRow, what: ErrorKey) {
  if (!recordsMinutes(row.state)) {
    throw new AppError('CONFLICT', msg('meetings.whatYalnizcaYapilmisToplantiya', { what: msg(what), value: stateLabel(row.state) }));
  }
}

/** A live, active youth centre of this installation's province. */
function checkCentre(r: Ready, youthCentreId: string): { province_plate: string } {
  const centre = r.db.stmt('SELECT province_plate, status, deleted_at FROM youth_centres WHERE id = ?').get(youthCentreId) as
    | { province_plate: string; status: string; deleted_at: string | null }
    | undefined;
  if (!centre || centre.deleted_at) throw fieldError('youthCentreId', 'Gençlik merkezi', msg('meetings.secilenGenclikMerkeziBulunamadi'));
  if (centre.status !== 'active') throw fieldError('youthCentreId', 'Gençlik merkezi', msg('meetings.secilenGenclikMerkeziKapali'));
  if (centre.province_plate !== r.identity.provincePlate) {
    throw fieldError('youthCentreId', 'Gençlik merkezi', msg('meetings.yalnizcaKendiIlinizdekiGenclik'));
  }
  // A youth centre's installation plans its own centre's meetings: the record its province bound it to.
  if (r.identity.role === 'youth-center') {
    const own = boundCentre(r.db, r.identity.unitId);
    if (own === null) {
      throw fieldError('youthCentreId', 'Gençlik merkezi', UNBOUND);
    }
    if (youthCentreId !== own) throw fieldError('youthCentreId', 'Gençlik merkezi', msg('meetings.buKurulumYalnizcaKendi'));
  }
  return centre;
}

function checkTimes(startTime: string, endTime: string, path = 'endTime') {
  if (!(startTime < endTime)) throw fieldError(path, 'Bitiş saati', msg('meetings.bitisSaatiBaslangicSaatinden'));
}

/** Replaces the agenda titles: positions kept keep their row id; removed positions are tombstoned. */
function writeAgenda(r: Ready, meetingId: string, titles: readonly string[]) {
  const existing = r.db
    .stmt('SELECT id, position, title FROM meeting_agenda WHERE meeting_id = ? AND deleted_at IS NULL ORDER BY position')
    .all(meetingId) as { id: string; position: number; title: string }[];
  const byPosition = new Map(existing.map((a) => [a.position, a]));
  titles.forEach((title, i) => {
    const current = byPosition.get(i + 1);
    if (current) r.writer.update(meetingAgendaSpec, current.id, { title });
    else r.writer.insert(meetingAgendaSpec, r.identity.unitId, { meeting_id: meetingId, position: i + 1, title, minutes: null });
  });
  for (const a of existing) if (a.position > titles.length) r.writer.tombstone(meetingAgendaSpec, a.id);
}

function organisationExists(db: OpenDatabase, id: string): boolean {
  return Boolean(db.stmt('SELECT 1 FROM organisations WHERE id = ? AND deleted_at IS NULL').get(id));
}

/** The record a message names, by table. */
const CHILD_NAMES = { meeting_participants: 'meetings.record.participant', meeting_requests: 'meetings.record.request', meeting_files: 'meetings.record.file' } as const;

function meetingOfChild(r: Ready, table: keyof typeof CHILD_NAMES, id: string): MeetingRow {
  const child = r.db.stmt(`SELECT meeting_id, deleted_at FROM ${table} WHERE id = ?`).get(id) as { meeting_id: string; deleted_at: string | null } | undefined;
  if (!child || child.deleted_at) throw new AppError('NOT_FOUND', msg('meetings.whatBulunamadi', { what: msg(CHILD_NAMES[table]) }));
  return ownedMeeting(r, child.meeting_id);
}

async function pdfOutput(name: string, content: Promise<Buffer>) {
  return { fileName: `${safeFileName(name)}.pdf`, mimeType: 'application/pdf', contentBase64: (await content).toString('base64') };
}

function readTerms(db: OpenDatabase) {
  const row = db.stmt('SELECT updated_at AS updatedAt FROM reference_data WHERE id = ? AND deleted_at IS NULL').get(MEETING_TERMS_ID) as { updatedAt: string } | undefined;
  return { terms: termsOf(db).map((t) => ({ ...t })), updatedAt: row?.updatedAt ?? null };
}

/** Ministry: any province (or all); province and youth centre: their own province only. */
function scopePlate(identity: Identity, requested: string | undefined): string | null {
  if (identity.role === 'ministry') return requested ?? null;
  if (requested && requested !== identity.provincePlate) throw new AppError('FORBIDDEN', msg('meetings.yalnizcaKendiIlinizinToplantilarini'));
  return identity.provincePlate;
}

/** The meeting, when someone is invited: a mail merge (one PDF or a ZIP of them) to nobody is refused, never empty. */
function withInvitees(m: MeetingDetail): MeetingDetail {
  if (!invitedRecipients(m).length) throw new AppError('VALIDATION', msg('meetings.noInvitees'));
  return m;
}

/** The directory address of each organisation a meeting's participants come from (labels, distribution list). */
function participantAddresses(db: OpenDatabase, m: MeetingDetail) {
  return organisationAddresses(db, m.participants.flatMap((p) => (p.organisationId ? [p.organisationId] : [])));
}

export const meetingsHandlers: Handlers<keyof typeof meetingsContract> = {
  'meetings:terms': (_input, ctx) => readTerms(ready(ctx).db),

  'meetings:setTerms': (input, ctx) => {
    const r = ready(ctx);
    const problem = termsProblem(input.terms);
    if (problem) throw new AppError('VALIDATION', problem, [{ path: 'terms', label: 'Dönemler', message: problem }]);
    r.db.sqlite.transaction(() => {
      const value = JSON.stringify(input.terms.map((t) => ({ no: t.no, fromMonth: t.fromMonth, toMonth: t.toMonth })));
      const exists = r.db.stmt('SELECT id FROM reference_data WHERE id = ?').get(MEETING_TERMS_ID);
      if (exists) r.writer.update(referenceDataSpec, MEETING_TERMS_ID, { value, deleted_at: null });
      else r.writer.insert(referenceDataSpec, r.identity.unitId, { value }, MEETING_TERMS_ID);
    })();
    return readTerms(r.db);
  },

  'meetings:planner': (input, ctx) => {
    const { db, identity } = ready(ctx);
    const plate = input.provincePlate ?? identity.provincePlate;
    if (!plate) throw fieldError('provincePlate', 'İl', msg('meetings.planlayiciIcinBirIl'));
    const result = planner(db, plate, input.year, ctx.today());
    if (!result) throw fieldError('provincePlate', 'İl', msg('meetings.ilBulunamadi'));
    if (identity.role !== 'youth-center') return result;
    // A youth centre's installation plans its own centre's meetings: its row only, or what to do first.
    const own = boundCentre(db, identity.unitId);
    const centres = result.centres.filter((c) => c.youthCentreId === own);
    const counts = Object.fromEntries(Object.keys(result.counts).map((k) => [k, 0])) as typeof result.counts;
    for (const c of centres) for (const cell of c.cells) counts[cell.state] = (counts[cell.state] ?? 0) + 1;
    return { ...result, centres, counts, note: own === null ? renderMsg(UNBOUND) : null };
  },

  'meetings:board': (input, ctx) => {
    const { db } = ready(ctx);
    const board = meetingBoard(db, input.year, ctx.today(), input.region ?? null);
    return { ...board, provinces: board.provinces.map(({ hasMeeting: _h, ...p }) => p) };
  },

  // The exports call the list channels' own handlers, so a file holds exactly what the screen may show.
  'meetings:plannerXlsx': async (input, ctx) => {
    const p = await meetingsHandlers['meetings:planner']({ year: input.year, ...(input.provincePlate ? { provincePlate: input.provincePlate } : {}) }, ctx);
    return plannerWorkbook(p, input.overdueOnly ?? false, ctx.today());
  },

  'meetings:boardXlsx': async (input, ctx) => boardWorkbook(await meetingsHandlers['meetings:board'](input, ctx), ctx.today()),

  'meetings:list': (input, ctx) => {
    const { db, identity } = ready(ctx);
    if (input.from > input.to) throw fieldError('to', 'Bitiş tarihi', msg('meetings.bitisTarihiBaslangictanOnce'));
    const plate = scopePlate(identity, input.provincePlate);
    return {
      meetings: listMeetings(db, { from: input.from, to: input.to, provincePlate: plate, ...(input.youthCentreId ? { youthCentreId: input.youthCentreId } : {}), ...(input.state ? { state: input.state } : {}) }),
      workshops: listWorkshops(db, input.from, input.to, plate),
    };
  },

  'meetings:get': (input, ctx) => loadDetail(ctx, input.id),

  'meetings:checkClash': (input, ctx) => {
    const { db } = ready(ctx);
    if (!(input.startTime < input.endTime)) return [];
    return findClashes(db, { ...input, excludeId: input.excludeId ?? null });
  },

  'meetings:venues': (_input, ctx) => {
    const r = ready(ctx);
    const active = (id?: string) =>
      r.db
        .stmt(
          `SELECT y.id, y.name, d.name AS districtName FROM youth_centres y JOIN districts d ON d.id = y.district_id
           WHERE y.province_plate = ? AND y.status = 'active' AND y.deleted_at IS NULL ${id ? 'AND y.id = ?' : ''} ORDER BY y.sort_key`,
        )
        .all(...(id ? [r.identity.provincePlate, id] : [r.identity.provincePlate])) as { id: string; name: string; districtName: string }[];
    if (r.identity.role !== 'youth-center') return { centres: active(), note: null };
    const own = boundCentre(r.db, r.identity.unitId);
    if (own === null) return { centres: [], note: keyedText(UNBOUND) };
    const centres = active(own);
    return { centres, note: centres.length ? null : keyedText(msg('meetings.venues.centreClosed')) };
  },

  'meetings:create': (input, ctx) => {
    const r = ready(ctx);
    checkTimes(input.startTime, input.endTime);
    const offDay = nonWorkingDayIssue(input.date, plausibilityPolicy(r.db));
    if (offDay) throw AppError.ofIssues('VALIDATION', [offDay]);
    const id = r.db.sqlite.transaction(() => {
      const centre = checkCentre(r, input.youthCentreId);
      const created = r.writer.insert(meetingsSpec, r.identity.unitId, {
        youth_centre_id: input.youthCentreId, province_plate: centre.province_plate, date: input.date, start_time: input.startTime,
        end_time: input.endTime, hall: input.hall, chair: input.chair || null, rapporteur: input.rapporteur || null, state: 'PLANLANDI',
        letter_date: null, letter_no: null, state_reason: null, minutes: null,
      });
      writeAgenda(r, String(created.id), input.agenda);
      return String(created.id);
    })();
    return loadDetail(ctx, id);
  },

  'meetings:update': (input, ctx) => {
    const r = ready(ctx);
    r.db.sqlite.transaction(() => {
      const row = ownedMeeting(r, input.id);
      if (!plansEditable(row.state)) {
        throw new AppError('CONFLICT', msg('meetings.toplantiValueDurumundaPlan', { value: stateLabel(row.state) }));
      }
      checkTimes(input.startTime ?? row.start_time, input.endTime ?? row.end_time);
      const patch: Row = {};
      if (input.youthCentreId !== undefined && input.youthCentreId !== row.youth_centre_id) {
        patch.youth_centre_id = input.youthCentreId;
        patch.province_plate = checkCentre(r, input.youthCentreId).province_plate;
      }
      if (input.date !== undefined) {
        beforeLetter(row, input.date, 'date', 'Tarih');
        const offDay = input.date !== row.date ? nonWorkingDayIssue(input.date, plausibilityPolicy(r.db)) : null;
        if (offDay) throw AppError.ofIssues('VALIDATION', [offDay]);
        patch.date = input.date;
      }
      if (input.startTime !== undefined) patch.start_time = input.startTime;
      if (input.endTime !== undefined) patch.end_time = input.endTime;
      if (input.hall !== undefined) patch.hall = input.hall;
      if (input.chair !== undefined) patch.chair = input.chair || null;
      if (input.rapporteur !== undefined) patch.rapporteur = input.rapporteur || null;
      r.writer.update(meetingsSpec, row.id, patch);
      if (input.agenda !== undefined) writeAgenda(r, row.id, input.agenda);
    })();
    return loadDetail(ctx, input.id);
  },

  'meetings:transition': (input, ctx) => {
    const r = ready(ctx);
    const action = MEETING_ACTIONS[input.action];
    r.db.sqlite.transaction(() => {
      const row = ownedMeeting(r, input.id);
      if (!action.from.includes(row.state)) {
        throw new AppError('CONFLICT', msg('meetings.labelIslemiBuToplantiya', { label: word('meetings.action', input.action), value: stateLabel(row.state) }));
      }
      const issues: IssueInput[] = missingMeetingStepInput(input.action, input);
      if (input.action === 'invite' && input.letterDate) {
        // The letter is dated by the day it was signed: not after today, not after the meeting it invites to.
        const letter = letterDateIssue(input.letterDate, ctx.today(), plausibilityPolicy(r.db));
        issues.push(...issuesOf(letter ?? invitationAfterMeetingIssue(input.letterDate, row.date)));
      }
      if (input.action === 'invite') issues.push(...issuesOf(ownLetterNumberIssue(r.db, r.identity, input.letterNo)));
      if (input.action === 'reschedule' && input.date) issues.push(...issuesOf(nonWorkingDayIssue(input.date, plausibilityPolicy(r.db), 'date', 'Yeni tarih')));
      if (issues.length) throw issuesError(issues);
      const patch: Row = { state: action.to };
      if (input.action === 'invite') Object.assign(patch, { letter_date: input.letterDate, letter_no: input.letterNo });
      if (input.action === 'hold' && row.date > ctx.today()) {
        throw new AppError('CONFLICT', msg('meetings.toplantiTarihiDateHenuz', { date: formatDateTr(row.date) }));
      }
      if (input.action === 'postpone' || input.action === 'cancel') patch.state_reason = input.reason;
      if (input.action === 'reschedule') {
        beforeLetter(row, input.date!, 'date', 'Yeni tarih');
        const start = input.startTime ?? row.start_time;
        const end = input.endTime ?? row.end_time;
        checkTimes(start, end);
        Object.assign(patch, { date: input.date, start_time: start, end_time: end, state_reason: null });
      }
      r.writer.update(meetingsSpec, row.id, patch);
    })();
    return loadDetail(ctx, input.id);
  },

  'meetings:suggestInvitees': (input, ctx) => {
    const { db } = ready(ctx);
    const row = meetingRow(db, input.meetingId);
    if (!row || row.deleted_at) throw new AppError('NOT_FOUND', NOT_FOUND);
    return suggestInvitees(db, row);
  },

  'meetings:saveParticipants': (input, ctx) => {
    const r = ready(ctx);
    r.db.sqlite.transaction(() => {
      const row = ownedMeeting(r, input.meetingId);
      const held = recordsMinutes(row.state);
      if (!held && !plansEditable(row.state)) {
        throw new AppError('CONFLICT', msg('meetings.toplantiValueDurumundaKatilimci', { value: stateLabel(row.state) }));
      }
      input.participants.forEach((p, i) => {
        const fail = (path: string, label: string, message: Msg, code: 'VALIDATION' | 'CONFLICT' = 'VALIDATION') =>
          new AppError(code, msg('meetings.rowDetail', { i: i + 1, detail: message }), [{ path: `participants.${i}.${path}`, label, message: msg('meetings.rowDetail', { i: i + 1, detail: message }) }]);
        const walkIn = p.walkIn;
        const attended = walkIn || p.attended;
        const invited = walkIn ? false : p.invited;
        if (!invited && !attended) throw fail('invited', 'Davetli', msg('meetings.fullnameDavetliYaDa', { fullName: p.fullName }));
        if (attended && !held) {
          throw fail('attended', 'Katıldı', msg('meetings.katilimVeDavetsizKatilimci', { value: stateLabel(row.state) }), 'CONFLICT');
        }
        if (p.kind === 'STK' && !p.organisationId && !p.organisationName) throw fail('organisationId', 'Kurum', msg('meetings.stkTemsilcisininKurumunuSecin'));
        if (p.organisationId && !organisationExists(r.db, p.organisationId)) throw fail('organisationId', 'Kurum', msg('meetings.secilenKurumBulunamadi'));
        if (p.contactId && !r.db.stmt('SELECT 1 FROM contacts WHERE id = ? AND deleted_at IS NULL').get(p.contactId)) throw fail('contactId', 'Kişi', msg('meetings.secilenKisiBulunamadi'));
        const values: Row = {
          meeting_id: row.id, kind: p.kind, full_name: p.fullName, title: p.title || null, organisation_id: p.organisationId ?? null,
          organisation_name: p.organisationName || null, contact_id: p.contactId ?? null, invited: invited ? 1 : 0, attended: attended ? 1 : 0,
          walk_in: walkIn ? 1 : 0, phone: p.phone ? normalisePhone(p.phone) : null, email: p.email || null,
        };
        const existing = p.id
          ? (r.db.stmt('SELECT meeting_id, deleted_at FROM meeting_participants WHERE id = ?').get(p.id) as { meeting_id: string; deleted_at: string | null } | undefined)
          : undefined;
        if (existing && (existing.meeting_id !== row.id || existing.deleted_at)) throw fail('id', 'Katılımcı', msg('meetings.buKatilimciBuToplantida'));
        if (!existing && !plansEditable(row.state) && !attended) {
          throw fail('invited', 'Davetli', msg('meetings.toplantiYapildiktanSonraYalnizca'), 'CONFLICT');
        }
        if (existing) r.writer.update(meetingParticipantsSpec, p.id!, values);
        else if (p.id) r.writer.insert(meetingParticipantsSpec, r.identity.unitId, values, p.id);
        else r.writer.insert(meetingParticipantsSpec, r.identity.unitId, values);
      });
    })();
    return loadDetail(ctx, input.meetingId);
  },

  'meetings:setAttendance': (input, ctx) => {
    const r = ready(ctx);
    r.db.sqlite.transaction(() => {
      const row = ownedMeeting(r, input.meetingId);
      if (!recordsMinutes(row.state)) throw new AppError('CONFLICT', msg('meetings.katilimYalnizcaYapilmisToplantida', { value: stateLabel(row.state) }));
      input.attended.forEach((a, i) => {
        const p = r.db.stmt('SELECT meeting_id, deleted_at, walk_in FROM meeting_participants WHERE id = ?').get(a.participantId) as
          | { meeting_id: string; deleted_at: string | null; walk_in: number }
          | undefined;
        if (!p || p.deleted_at || p.meeting_id !== row.id) {
          const message = msg('meetings.iSatirBuKatilimci', { i: i + 1 });
          throw new AppError('VALIDATION', message, [{ path: `attended.${i}.participantId`, label: 'Katılımcı', message }]);
        }
        if (p.walk_in === 1 && !a.attended) {
          const message = msg('meetings.iSatirDavetsizKatilimci', { i: i + 1 });
          throw new AppError('VALIDATION', message, [{ path: `attended.${i}.attended`, label: 'Katıldı', message }]);
        }
        r.writer.update(meetingParticipantsSpec, a.participantId, { attended: a.attended ? 1 : 0 });
      });
    })();
    return loadDetail(ctx, input.meetingId);
  },

  'meetings:addresseesXlsx': (input, ctx) => {
    const { db } = ready(ctx);
    const m = loadDetail(ctx, input.id);
    const addresses = participantAddresses(db, m);
    const rows = invitedRecipients(m).flatMap((r, i) =>
      r.people.map((p) => {
        const a = p.organisationId ? addresses.get(p.organisationId) : undefined;
        return [i + 1, r.addressee, p.organisationName, p.fullName, p.title, a?.address ?? null, a ? [a.districtName, a.provinceName].filter(Boolean).join(' / ') : null, p.email ?? a?.email ?? null, p.phone ?? a?.phone ?? null];
      }),
    );
    return listWorkbook(
      `${m.youthCentreName} ${formatDateTr(m.date)} - Dağıtım listesi`,
      ctx.today(),
      [
        { header: 'Sıra', width: 6 }, { header: 'Muhatap (EBYS dağıtım)', width: 48 }, { header: 'Kurum', width: 36 }, { header: 'Temsilci', width: 24 },
        { header: 'Unvan', width: 20 }, { header: 'Adres', width: 40 }, { header: 'İlçe / il', width: 20 }, { header: 'E-posta', width: 28 }, { header: 'Telefon', width: 16 },
      ],
      rows,
      'Dağıtım listesi',
    );
  },

  'meetings:attendanceFromSheet': (input, ctx) => {
    const r = ready(ctx);
    const counts = r.db.sqlite.transaction(() => {
      const row = ownedMeeting(r, input.meetingId);
      if (!recordsMinutes(row.state)) throw new AppError('CONFLICT', msg('meetings.katilimYalnizcaYapilmisToplantida', { value: stateLabel(row.state) }));
      const m = loadDetail(ctx, input.meetingId);
      const rows = sheetRows(m.participants);
      const current = sheetCode(m.id, rows);
      const typed = normaliseSheetCode(input.code);
      if (typed !== current) {
        const message = typed.split('-')[0] === current.split('-')[0]
          ? msg('meetings.sheetListChanged', { code: typed, current })
          : msg('meetings.sheetOtherMeeting', { code: typed });
        throw new AppError('VALIDATION', message, [{ path: 'code', label: 'Liste kodu', message }]);
      }
      const parsed = parseRowNumbers(input.rows);
      if (!parsed.ok) {
        const message = msg('meetings.sheetRowBad', { value: parsed.bad });
        throw new AppError('VALIDATION', message, [{ path: 'rows', label: 'Satır numaraları', message }]);
      }
      const outside = parsed.rows.find((n) => n > rows.length);
      if (outside !== undefined) {
        const message = msg('meetings.sheetRowOutside', { row: outside, count: rows.length });
        throw new AppError('VALIDATION', message, [{ path: 'rows', label: 'Satır numaraları', message }]);
      }
      let marked = 0;
      let already = 0;
      for (const n of parsed.rows) {
        const p = rows[n - 1]!;
        if (p.attended) already++;
        else {
          r.writer.update(meetingParticipantsSpec, p.id, { attended: 1 });
          marked++;
        }
      }
      return { marked, already };
    })();
    return { meeting: loadDetail(ctx, input.meetingId), ...counts };
  },

  'meetings:removeParticipant': (input, ctx) => {
    const r = ready(ctx);
    const meetingId = r.db.sqlite.transaction(() => {
      const row = meetingOfChild(r, 'meeting_participants', input.id);
      if (!plansEditable(row.state) && !recordsMinutes(row.state)) throw new AppError('CONFLICT', msg('meetings.toplantiValueDurumundaKatilimci2', { value: stateLabel(row.state) }));
      r.writer.tombstone(meetingParticipantsSpec, input.id);
      return row.id;
    })();
    return loadDetail(ctx, meetingId);
  },

  'meetings:saveMinutes': (input, ctx) => {
    const r = ready(ctx);
    r.db.sqlite.transaction(() => {
      const row = ownedMeeting(r, input.meetingId);
      requireMinutesState(row, 'meetings.part.minutes');
      r.writer.update(meetingsSpec, row.id, { minutes: input.minutes || null });
      input.items.forEach((item, i) => {
        const agenda = r.db.stmt('SELECT meeting_id, deleted_at FROM meeting_agenda WHERE id = ?').get(item.id) as { meeting_id: string; deleted_at: string | null } | undefined;
        if (!agenda || agenda.deleted_at || agenda.meeting_id !== row.id) throw fieldError(`items.${i}.id`, 'Gündem maddesi', msg('meetings.iMaddeBuToplantinin', { i: i + 1 }));
        r.writer.update(meetingAgendaSpec, item.id, { minutes: item.minutes || null });
      });
    })();
    return loadDetail(ctx, input.meetingId);
  },

  'meetings:saveRequest': (input, ctx) => {
    const r = ready(ctx);
    r.db.sqlite.transaction(() => {
      const row = ownedMeeting(r, input.meetingId);
      requireMinutesState(row, 'meetings.part.requests');
      if (input.organisationId && !organisationExists(r.db, input.organisationId)) throw fieldError('organisationId', 'Kurum', msg('meetings.secilenKurumBulunamadi'));
      const values = { meeting_id: row.id, category: input.category, organisation_id: input.organisationId ?? null, text: input.text };
      if (input.id) {
        const existing = r.db.stmt('SELECT meeting_id, deleted_at FROM meeting_requests WHERE id = ?').get(input.id) as { meeting_id: string; deleted_at: string | null } | undefined;
        if (!existing || existing.deleted_at || existing.meeting_id !== row.id) throw fieldError('id', 'Talep', msg('meetings.buTalepBuToplantida'));
        r.writer.update(meetingRequestsSpec, input.id, values);
      } else r.writer.insert(meetingRequestsSpec, r.identity.unitId, values);
    })();
    return loadDetail(ctx, input.meetingId);
  },

  'meetings:removeRequest': (input, ctx) => {
    const r = ready(ctx);
    const meetingId = r.db.sqlite.transaction(() => {
      const row = meetingOfChild(r, 'meeting_requests', input.id);
      requireMinutesState(row, 'meetings.part.requests');
      r.writer.tombstone(meetingRequestsSpec, input.id);
      return row.id;
    })();
    return loadDetail(ctx, meetingId);
  },

  'meetings:saveDecision': (input, ctx) => {
    const r = ready(ctx);
    r.db.sqlite.transaction(() => {
      const row = ownedMeeting(r, input.meetingId);
      requireMinutesState(row, 'meetings.part.decisions');
      const values = { text: input.text, responsible: input.responsible || null, due_on: input.dueOn ?? null };
      const early = decisionDueBeforeMeetingIssue(input.dueOn, row.date);
      if (early) throw AppError.ofIssues('VALIDATION', [early]);
      if (input.id) {
        const existing = r.db.stmt('SELECT meeting_id, deleted_at FROM meeting_decisions WHERE id = ?').get(input.id) as { meeting_id: string; deleted_at: string | null } | undefined;
        if (!existing || existing.deleted_at || existing.meeting_id !== row.id) throw fieldError('id', 'Karar', msg('meetings.buKararBuToplantida'));
        r.writer.update(meetingDecisionsSpec, input.id, values);
        return;
      }
      // Numbers are never reused: deleted decisions keep theirs.
      const { next } = r.db.stmt('SELECT coalesce(max(number), 0) + 1 AS next FROM meeting_decisions WHERE meeting_id = ?').get(row.id) as { next: number };
      r.writer.insert(meetingDecisionsSpec, r.identity.unitId, {
        ...values, meeting_id: row.id, youth_centre_id: row.youth_centre_id, number: next, state: 'ACIK', state_note: null, reviewed_in_meeting_id: null,
      });
    })();
    return loadDetail(ctx, input.meetingId);
  },

  'meetings:reviewDecision': (input, ctx) => {
    const r = ready(ctx);
    r.db.sqlite.transaction(() => {
      const meeting = ownedMeeting(r, input.meetingId);
      requireMinutesState(meeting, 'meetings.part.review');
      const decision = r.db.stmt('SELECT d.owner_unit, d.deleted_at, d.youth_centre_id, m.date FROM meeting_decisions d JOIN meetings m ON m.id = d.meeting_id WHERE d.id = ?').get(input.decisionId) as
        | { owner_unit: string; deleted_at: string | null; youth_centre_id: string; date: string }
        | undefined;
      if (!decision || decision.deleted_at) throw new AppError('NOT_FOUND', msg('meetings.kararBulunamadi'));
      if (decision.owner_unit !== r.identity.unitId) throw new AppError('FORBIDDEN', msg('meetings.buKararBaskaBir'));
      if (decision.youth_centre_id !== meeting.youth_centre_id) throw fieldError('meetingId', 'Toplantı', msg('meetings.kararYalnizcaAyniGenclik'));
      if (meeting.date < decision.date) throw fieldError('meetingId', 'Toplantı', msg('meetings.kararAlindigiToplantidanOnceki'));
      r.writer.update(meetingDecisionsSpec, input.decisionId, { state: input.state, state_note: input.note || null, reviewed_in_meeting_id: meeting.id });
    })();
    return loadDetail(ctx, input.meetingId);
  },

  'meetings:openDecisions': (input, ctx) => {
    const { db, identity } = ready(ctx);
    const filter = { provincePlate: scopePlate(identity, input.provincePlate), youthCentreId: input.youthCentreId ?? null, overdueOnly: input.overdueOnly ?? false };
    return openDecisions(db, filter, ctx.today(), { limit: input.limit, offset: input.offset });
  },

  'meetings:openDecisionsXlsx': (input, ctx) => {
    const { db, identity } = ready(ctx);
    const filter = { provincePlate: scopePlate(identity, input.provincePlate), youthCentreId: input.youthCentreId ?? null, overdueOnly: input.overdueOnly ?? false };
    return openDecisionsWorkbook(db, filter, ctx.today());
  },

  'meetings:attachFile': (input, ctx) => {
    const r = ready(ctx);
    const content = decodeBase64(input.contentBase64);
    r.db.sqlite.transaction(() => {
      const row = ownedMeeting(r, input.meetingId);
      const blob = storeBlob(ctx.options.dataDir, r.db.key, content, input.fileName, readPolicy(r.db).policy.maxAttachmentBytes);
      const duplicate = r.db.stmt('SELECT id FROM meeting_files WHERE meeting_id = ? AND kind = ? AND sha256 = ? AND deleted_at IS NULL').get(row.id, input.kind, blob.sha256);
      if (duplicate) return; // the same file under the same kind: already attached
      r.writer.insert(meetingFilesSpec, r.identity.unitId, {
        meeting_id: row.id, kind: input.kind, file_name: safeFileName(input.fileName), mime: blob.mimeType, size: blob.size, sha256: blob.sha256,
      });
    })();
    return loadDetail(ctx, input.meetingId);
  },

  'meetings:removeFile': (input, ctx) => {
    const r = ready(ctx);
    const meetingId = r.db.sqlite.transaction(() => {
      const row = meetingOfChild(r, 'meeting_files', input.id);
      r.writer.tombstone(meetingFilesSpec, input.id);
      return row.id;
    })();
    return loadDetail(ctx, meetingId);
  },

  'meetings:file': (input, ctx) => {
    const { db } = ready(ctx);
    const row = db.stmt('SELECT file_name, mime, sha256 FROM meeting_files WHERE id = ?').get(input.id) as { file_name: string; mime: string; sha256: string } | undefined;
    if (!row) throw new AppError('NOT_FOUND', msg('meetings.dosyaBulunamadi'));
    return { fileName: row.file_name, mimeType: row.mime, contentBase64: readBlob(ctx.options.dataDir, db.key, row.sha256).toString('base64') };
  },

  'meetings:document': (input, ctx) => {
    const { db, identity } = ready(ctx);
    const m = loadDetail(ctx, input.id);
    const issuer = issuerOf(db, identity, ctx.today());
    // File names carry the centre and date only: never a participant's name.
    const base = `${m.youthCentreName} ${formatDateTr(m.date)}`;
    if (input.kind === 'invitation') return pdfOutput(`${base} - Davet Yazısı`, invitationPdf(m, issuer));
    if (input.kind === 'invitations') return pdfOutput(`${base} - Davet Yazıları (kurum başına)`, invitationsMergedPdf(withInvitees(m), issuer));
    if (input.kind === 'labels') {
      const addresses = participantAddresses(db, m);
      const labels = invitedRecipients(m).map((r) => {
        const first = r.people[0]!;
        const a = first.organisationId ? addresses.get(first.organisationId) : undefined;
        const place = a ? [a.districtName, trUpper(a.provinceName)].filter(Boolean).join(' / ') : null;
        return [trUpper(r.addressee), ...r.people.map((p) => `Sayın ${p.fullName}`).slice(0, 2), ...(a?.address ? [a.address] : []), ...(place ? [place] : [])];
      });
      return pdfOutput(`${base} - Adres Etiketleri`, addressLabelsPdf(`Adres etiketleri — ${base}`, labels));
    }
    if (input.kind === 'badges') {
      const people = m.participants.filter((p) => p.invited || p.attended).map((p) => ({ name: p.fullName, title: p.title, organisation: p.organisationName }));
      return pdfOutput(`${base} - Yaka Kartları`, badgesPdf(`Yaka kartları — ${base}`, `İşbirliği ve İstişare Toplantısı · ${m.youthCentreName} · ${formatDateTr(m.date)}`, people));
    }
    if (input.kind === 'attendanceSheet') return pdfOutput(`${base} - Hazirun Listesi`, attendanceSheetPdf(m, issuer));
    return pdfOutput(`${base} - Toplantı Tutanağı`, minutesPdf(m, issuer));
  },

  'meetings:invitationFiles': async (input, ctx) => {
    const { db, identity } = ready(ctx);
    const m = withInvitees(loadDetail(ctx, input.id));
    const files = await invitationFiles(m, issuerOf(db, identity, ctx.today()));
    const archive = zipFiles(files, m.date);
    return { fileName: `${safeFileName(`${m.youthCentreName} ${formatDateTr(m.date)} - Davet Yazıları (kurum başına)`)}.zip`, mimeType: 'application/zip', contentBase64: archive.toString('base64'), files: files.length };
  },
};
