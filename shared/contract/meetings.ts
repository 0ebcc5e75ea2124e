import { z } from 'zod';
import {
  DECISION_STATES,
  MEETING_ACTION_NAMES,
  MEETING_FILE_KINDS,
  MEETING_STATES,
  PARTICIPANT_KINDS,
  REQUEST_CATEGORIES,
  TERM_CELL_STATES,
} from '../meetings/fields';
import { channel, keyedTextSchema, plate, uuid, updateInput, whenMissing } from './core';
import { fileOutput, isoDate, letter, phone, text } from './fields';

// Cooperation and consultation meetings at youth centres: terms (ministry reference data), the planner and
// boards, planning with clash warnings, invitations, holding (attendance, minutes, requests, decisions),
// the follow-up loop, attachments and printable documents. A meeting is edited only by the unit that owns it.

const HOLDERS = ['province', 'youth-center'] as const;

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Saat SS:DD biçiminde olmalı (örnek: 14:00).' });

const termSchema = z.object({ no: z.number().int().min(1).max(12), fromMonth: z.number().int().min(1).max(12), toMonth: z.number().int().min(1).max(12) });

const planFields = {
  youthCentreId: uuid.describe('Gençlik merkezi'),
  date: isoDate.describe('Tarih'),
  startTime: time.describe('Başlangıç saati'),
  endTime: time.describe('Bitiş saati'),
  hall: z.string(whenMissing('Salonu yazın.')).trim().min(2, { message: 'Salon adını yazın.' }).max(120).describe('Salon'),
  chair: text(120, 'Başkan'),
  rapporteur: text(120, 'Raportör'),
  agenda: z.array(z.string().trim().min(2, { message: 'Gündem maddesi boş olamaz.' }).max(500)).max(30).default([]).describe('Gündem'),
};

export const clashSchema = z.object({ meetingId: z.string(), date: z.string(), startTime: z.string(), endTime: z.string(), hall: z.string(), state: z.enum(MEETING_STATES) });

export const participantSchema = z.object({
  id: z.string(),
  kind: z.enum(PARTICIPANT_KINDS),
  fullName: z.string(),
  title: z.string().nullable(),
  organisationId: z.string().nullable(),
  /** The organisation's current name (after merges), else the free text recorded. */
  organisationName: z.string().nullable(),
  contactId: z.string().nullable(),
  invited: z.boolean(),
  attended: z.boolean(),
  walkIn: z.boolean(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export type Participant = z.infer<typeof participantSchema>;

export const decisionSchema = z.object({
  id: z.string(),
  meetingId: z.string(),
  meetingDate: z.string(),
  number: z.number().int(),
  /** `2026/2-3`: term and number, how decisions are cited. */
  code: z.string(),
  text: z.string(),
  responsible: z.string().nullable(),
  dueOn: z.string().nullable(),
  state: z.enum(DECISION_STATES),
  stateNote: z.string().nullable(),
  reviewedInMeetingId: z.string().nullable(),
  overdue: z.boolean(),
});
export type Decision = z.infer<typeof decisionSchema>;

export const meetingSummarySchema = z.object({
  id: z.string(),
  ownerUnit: z.string(),
  youthCentreId: z.string(),
  youthCentreName: z.string(),
  provincePlate: z.string(),
  provinceName: z.string(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  hall: z.string(),
  state: z.enum(MEETING_STATES),
  termYear: z.number().int(),
  termNo: z.number().int(),
  invited: z.number().int(),
  attended: z.number().int(),
});
export type MeetingSummary = z.infer<typeof meetingSummarySchema>;

export const meetingDetailSchema = meetingSummarySchema.extend({
  chair: z.string().nullable(),
  rapporteur: z.string().nullable(),
  letterDate: z.string().nullable(),
  letterNo: z.string().nullable(),
  stateReason: z.string().nullable(),
  minutes: z.string().nullable(),
  agenda: z.array(z.object({ id: z.string(), position: z.number().int(), title: z.string(), minutes: z.string().nullable() })),
  participants: z.array(participantSchema),
  requests: z.array(z.object({ id: z.string(), category: z.enum(REQUEST_CATEGORIES), organisationId: z.string().nullable(), organisationName: z.string().nullable(), text: z.string() })),
  decisions: z.array(decisionSchema),
  /** Open decisions of this centre's earlier meetings: the follow-up loop this meeting reviews. */
  earlierOpenDecisions: z.array(decisionSchema),
  files: z.array(z.object({ id: z.string(), kind: z.enum(MEETING_FILE_KINDS), fileName: z.string(), mime: z.string(), size: z.number().int() })),
  /** Other meetings in the same hall overlapping this one. */
  clashes: z.array(clashSchema),
  actions: z.array(z.enum(MEETING_ACTION_NAMES)),
  canEdit: z.boolean(),
});
export type MeetingDetail = z.infer<typeof meetingDetailSchema>;

const participantInput = z
  .object({
    id: uuid.optional(),
    kind: z.enum(PARTICIPANT_KINDS, { message: 'Katılımcının türünü seçin.' }).describe('Katılımcı türü'),
    fullName: z.string(whenMissing('Ad soyad yazın.')).trim().min(3, { message: 'Ad soyad en az 3 karakter olmalı.' }).max(120).describe('Ad soyad'),
    title: text(120, 'Unvan'),
    organisationId: uuid.nullable().optional().describe('Kurum'),
    organisationName: text(250, 'Kurum adı'),
    contactId: uuid.nullable().optional().describe('Kişi'),
    invited: z.boolean().default(false),
    attended: z.boolean().default(false),
    walkIn: z.boolean().default(false),
    phone,
    email: text(200, 'E-posta'),
  })
  .strict();

const termCellSchema = z.object({ year: z.number().int(), no: z.number().int(), state: z.enum(TERM_CELL_STATES), meetingId: z.string().nullable(), date: z.string().nullable() });

const openDecisionsFilter = z.object({
  provincePlate: plate.optional(),
  youthCentreId: z.string().optional(),
  overdueOnly: z.boolean().optional().describe('Yalnız süresi geçenler'),
});

export const meetingsContract = {
  'meetings:terms': channel({
    summary: 'The meeting terms (ministry reference data; three a year by default).',
    input: z.object({}).strict(),
    output: z.object({ terms: z.array(termSchema), updatedAt: z.string().nullable() }),
    access: 'anyone',
    writes: 'none',
  }),
  'meetings:setTerms': channel({
    summary: 'The ministry redefines the terms (they must cover the year without gaps); every meeting\'s term is recomputed.',
    input: z.object({ terms: z.array(termSchema).min(1).max(12) }).strict(),
    output: z.object({ terms: z.array(termSchema), updatedAt: z.string().nullable() }),
    access: ['ministry'],
    user: 'admin',
    writes: 'synced',
  }),
  'meetings:planner': channel({
    summary: 'For each youth centre of a province: each term of a year held, planned, overdue, missing or not yet planned.',
    input: z.object({ provincePlate: plate.optional(), year: z.number().int().min(2000).max(2100) }).strict(),
    output: z.object({
      provincePlate: z.string(),
      provinceName: z.string(),
      year: z.number().int(),
      currentTerm: z.object({ year: z.number().int(), no: z.number().int() }),
      centres: z.array(z.object({ youthCentreId: z.string(), name: z.string(), districtName: z.string(), cells: z.array(termCellSchema), overdue: z.boolean() })),
      counts: z.record(z.enum(TERM_CELL_STATES), z.number().int()),
      /** At a youth centre's installation not yet bound to its centre: what to do first. */
      note: z.string().nullable().optional(),
    }),
    access: 'anyone',
    writes: 'none',
  }),
  'meetings:board': channel({
    summary: 'The ministry board: per province, centres, meetings held per term of a year and centres overdue now.',
    input: z.object({ year: z.number().int().min(2000).max(2100), region: z.string().optional() }).strict(),
    output: z.object({
      year: z.number().int(),
      currentTerm: z.object({ year: z.number().int(), no: z.number().int() }),
      terms: z.array(z.number().int()),
      provinces: z.array(
        z.object({
          plate: z.string(),
          name: z.string(),
          region: z.string(),
          centres: z.number().int(),
          /** Centres that held a meeting, per term no (same order as `terms`). */
          heldByTerm: z.array(z.number().int()),
          /** Centres with no held meeting in a finished term of the year, or an overdue plan now. */
          overdueCentres: z.number().int(),
        }),
      ),
      totals: z.object({ centres: z.number().int(), heldByTerm: z.array(z.number().int()), overdueCentres: z.number().int(), provincesWithMeeting: z.number().int() }),
    }),
    access: ['ministry', 'province'],
    writes: 'none',
  }),
  'meetings:plannerXlsx': channel({
    summary: 'The planner grid (same province, year and role scope as meetings:planner; only the overdue centres on demand) as an Excel file.',
    input: z.object({ provincePlate: plate.optional(), year: z.number().int().min(2000).max(2100), overdueOnly: z.boolean().optional().describe('Yalnız gecikenler') }).strict(),
    output: fileOutput.extend({ rows: z.number().int() }),
    access: 'anyone',
    writes: 'none',
  }),
  'meetings:boardXlsx': channel({
    summary: 'The ministry board (same year and region as meetings:board), a row per province, as an Excel file.',
    input: z.object({ year: z.number().int().min(2000).max(2100), region: z.string().optional() }).strict(),
    output: fileOutput.extend({ rows: z.number().int() }),
    access: ['ministry', 'province'],
    writes: 'none',
  }),
  'meetings:venues': channel({
    summary:
      "The youth centres this installation may plan meetings at: a province's active centres; a youth centre's own (the record its province bound it to at enrolment), or none with the reason.",
    input: z.object({}).strict(),
    // The note is a keyed text: Turkish in `message` for the CLI, worded by the screens from its key.
    output: z.object({ centres: z.array(z.object({ id: z.string(), name: z.string(), districtName: z.string() })), note: keyedTextSchema.nullable() }),
    access: HOLDERS,
    writes: 'none',
  }),
  'meetings:list': channel({
    summary: 'Meetings (and workshops) between two dates for the calendar and lists, in a province or centre.',
    input: z.object({ from: isoDate, to: isoDate, provincePlate: plate.optional(), youthCentreId: z.string().optional(), state: z.enum(MEETING_STATES).optional() }).strict(),
    output: z.object({
      meetings: z.array(meetingSummarySchema),
      workshops: z.array(z.object({ id: z.string(), title: z.string(), kind: z.string(), startOn: z.string(), endOn: z.string(), hostPlate: z.string().nullable(), hostName: z.string().nullable() })),
    }),
    access: 'anyone',
    writes: 'none',
  }),
  'meetings:get': channel({
    summary: 'One meeting with agenda, participants, requests, decisions, the earlier open decisions to review, files, clashes and allowed actions.',
    input: z.object({ id: uuid }).strict(),
    output: meetingDetailSchema,
    access: 'anyone',
    writes: 'none',
  }),
  'meetings:checkClash': channel({
    summary: 'Other meetings in the same hall of the same centre whose times overlap (a warning, not a refusal).',
    input: z.object({ youthCentreId: uuid, hall: z.string().max(120), date: isoDate, startTime: time, endTime: time, excludeId: z.string().optional() }).strict(),
    output: z.array(clashSchema),
    access: 'anyone',
    writes: 'none',
  }),
  'meetings:create': channel({
    summary: 'Plans a meeting at a youth centre (state Planlandı) with its agenda.',
    input: z.object(planFields).strict(),
    output: meetingDetailSchema,
    access: HOLDERS,
    writes: 'synced',
  }),
  'meetings:update': channel({
    summary: 'Changes the plan (date, times, hall, chair, rapporteur, agenda titles) until the meeting is held or cancelled.',
    input: updateInput(planFields),
    output: meetingDetailSchema,
    access: HOLDERS,
    writes: 'synced',
  }),
  'meetings:transition': channel({
    summary: 'Invite (letter date and number), hold, postpone (reason), reschedule (new date) or cancel (reason).',
    input: z
      .object({
        id: uuid,
        action: z.enum(MEETING_ACTION_NAMES, { message: 'Bilinmeyen işlem.' }).describe('İşlem'),
        ...letter,
        reason: z.string().trim().max(1000).nullable().optional().describe('Gerekçe'),
        date: isoDate.nullable().optional().describe('Yeni tarih'),
        startTime: time.nullable().optional().describe('Başlangıç saati'),
        endTime: time.nullable().optional().describe('Bitiş saati'),
      })
      .strict(),
    output: meetingDetailSchema,
    access: HOLDERS,
    writes: 'synced',
  }),
  'meetings:suggestInvitees': channel({
    summary: 'CSOs of the district and province and people who came to this centre before, for the invitation list.',
    input: z.object({ meetingId: uuid }).strict(),
    output: z.array(
      z.object({
        organisationId: z.string(),
        organisationName: z.string(),
        contactId: z.string().nullable(),
        fullName: z.string().nullable(),
        title: z.string().nullable(),
        reason: z.enum(['CAME_BEFORE', 'DISTRICT', 'PROVINCE']),
        timesAttended: z.number().int(),
      }),
    ),
    access: 'anyone',
    writes: 'none',
  }),
  'meetings:saveParticipants': channel({
    summary: 'Adds or edits invitees and attendees in bulk (walk-ins included); all or nothing.',
    input: z.object({ meetingId: uuid, participants: z.array(participantInput).min(1).max(500) }).strict(),
    output: meetingDetailSchema,
    access: HOLDERS,
    writes: 'synced',
  }),
  'meetings:setAttendance': channel({
    summary: 'Marks who came, in bulk.',
    input: z.object({ meetingId: uuid, attended: z.array(z.object({ participantId: uuid, attended: z.boolean() })).max(500) }).strict(),
    output: meetingDetailSchema,
    access: HOLDERS,
    writes: 'synced',
  }),
  'meetings:addresseesXlsx': channel({
    summary: "The invited organisations and people as a workbook for EBYS's distribution list: addressee in the dative, organisation, representative, title, address, e-mail, telephone.",
    input: z.object({ id: uuid }).strict(),
    output: fileOutput.extend({ rows: z.number().int() }),
    access: 'anyone',
    writes: 'none',
  }),
  'meetings:attendanceFromSheet': channel({
    summary: 'Marks attendance from the printed attendance sheet: its list code and the numbers of the signed rows ("1, 3, 5-8"). Only sets; the same sheet entered twice changes nothing.',
    input: z
      .object({
        meetingId: uuid,
        code: z.string().trim().min(1, { message: 'Liste kodunu yazın.' }).max(20, { message: 'Liste kodu en fazla 20 karakter olabilir.' }).describe('Liste kodu'),
        rows: z.string().trim().min(1, { message: 'İmzalı satırların numaralarını yazın.' }).max(2000, { message: 'Satır numaraları en fazla 2000 karakter olabilir.' }).describe('Satır numaraları'),
      })
      .strict(),
    output: z.object({ meeting: meetingDetailSchema, marked: z.number().int(), already: z.number().int() }),
    access: HOLDERS,
    writes: 'synced',
  }),
  'meetings:removeParticipant': channel({
    summary: 'Removes an invitee or attendee (tombstone).',
    input: z.object({ id: uuid }).strict(),
    output: meetingDetailSchema,
    access: HOLDERS,
    writes: 'synced',
  }),
  'meetings:saveMinutes': channel({
    summary: 'The general minutes and the minutes of each agenda item of a held meeting.',
    input: z.object({ meetingId: uuid, minutes: text(20000, 'Tutanak'), items: z.array(z.object({ id: uuid, minutes: text(20000, 'Gündem maddesi tutanağı') })).max(30).default([]) }).strict(),
    output: meetingDetailSchema,
    access: HOLDERS,
    writes: 'synced',
  }),
  'meetings:saveRequest': channel({
    summary: 'Records a CSO request or suggestion of a held meeting, categorised.',
    input: z
      .object({
        id: uuid.optional(),
        meetingId: uuid,
        category: z.enum(REQUEST_CATEGORIES, { message: 'Talep kategorisini seçin.' }).describe('Kategori'),
        organisationId: uuid.nullable().optional().describe('Kurum'),
        text: z.string(whenMissing('Talebi yazın.')).trim().min(3, { message: 'Talep en az 3 karakter olmalı.' }).max(2000).describe('Talep / öneri'),
      })
      .strict(),
    output: meetingDetailSchema,
    access: HOLDERS,
    writes: 'synced',
  }),
  'meetings:removeRequest': channel({
    summary: 'Removes a request (tombstone).',
    input: z.object({ id: uuid }).strict(),
    output: meetingDetailSchema,
    access: HOLDERS,
    writes: 'synced',
  }),
  'meetings:saveDecision': channel({
    summary: 'Records a numbered decision of a held meeting (responsible, due date); numbers are never reused.',
    input: z
      .object({
        id: uuid.optional(),
        meetingId: uuid,
        text: z.string(whenMissing('Kararı yazın.')).trim().min(3, { message: 'Karar en az 3 karakter olmalı.' }).max(2000).describe('Karar'),
        responsible: text(200, 'Sorumlu'),
        dueOn: isoDate.nullable().optional().describe('Son tarih'),
      })
      .strict(),
    output: meetingDetailSchema,
    access: HOLDERS,
    writes: 'synced',
  }),
  'meetings:reviewDecision': channel({
    summary: 'In a later meeting of the same centre (or on its own meeting), updates a decision\'s status with a note.',
    input: z
      .object({
        decisionId: uuid,
        meetingId: uuid.describe('Gözden geçirildiği toplantı'),
        state: z.enum(DECISION_STATES, { message: 'Durumu seçin.' }).describe('Durum'),
        note: text(1000, 'Açıklama'),
      })
      .strict(),
    output: meetingDetailSchema,
    access: HOLDERS,
    writes: 'synced',
  }),
  'meetings:openDecisions': channel({
    summary: 'Open decisions (açık / devam) of the youth centres in scope, overdue first, paged, with the exact counts.',
    input: openDecisionsFilter.extend({ limit: z.number().int().min(1).max(500).default(100), offset: z.number().int().min(0).default(0) }).strict(),
    output: z.object({
      /** Rows matching the filters (the overdue ones only when asked). */
      total: z.number().int(),
      open: z.number().int(),
      overdue: z.number().int(),
      items: z.array(decisionSchema.extend({ youthCentreName: z.string(), provinceName: z.string() })),
    }),
    access: 'anyone',
    writes: 'none',
  }),
  'meetings:openDecisionsXlsx': channel({
    summary: 'The open decisions as filtered (every page) as an Excel file.',
    input: openDecisionsFilter.strict(),
    output: fileOutput.extend({ rows: z.number().int() }),
    access: 'anyone',
    writes: 'none',
  }),
  'meetings:attachFile': channel({
    summary: 'Attaches the signed attendance sheet, photos, signed minutes or the letter (PDF/JPEG/PNG/DOCX/XLSX, stored once).',
    input: z
      .object({
        meetingId: uuid,
        kind: z.enum(MEETING_FILE_KINDS, { message: 'Dosya türünü seçin.' }).describe('Dosya türü'),
        fileName: z.string().trim().min(1).max(200).describe('Dosya adı'),
        contentBase64: z.string().min(1, { message: 'Dosya boş.' }).describe('Dosya'),
      })
      .strict(),
    output: meetingDetailSchema,
    access: HOLDERS,
    writes: 'synced',
  }),
  'meetings:removeFile': channel({
    summary: 'Removes an attachment (tombstone; the stored file stays while anything refers to it).',
    input: z.object({ id: uuid }).strict(),
    output: meetingDetailSchema,
    access: HOLDERS,
    writes: 'synced',
  }),
  'meetings:file': channel({
    summary: 'The content of one attachment, for download.',
    input: z.object({ id: uuid }).strict(),
    output: fileOutput,
    access: 'anyone',
    writes: 'none',
  }),
  'meetings:document': channel({
    summary: 'Printable PDF: the invitation letter to every invitee (distribution list), one letter per invited organisation (mail merge), the attendance sheet to sign (numbered rows and a list code), the minutes, address labels (A4, 3 × 8) or name badges (A4, 2 × 5).',
    input: z.object({ id: uuid, kind: z.enum(['invitation', 'invitations', 'attendanceSheet', 'minutes', 'labels', 'badges']).describe('Belge') }).strict(),
    output: fileOutput,
    access: 'anyone',
    writes: 'none',
  }),
  'meetings:invitationFiles': channel({
    summary: 'The mail merge as separate files: a ZIP holding one PDF per invited organisation (its name and the meeting date, each name distinct), each the same letter as its pages in the one-PDF merge.',
    input: z.object({ id: uuid }).strict(),
    output: fileOutput.extend({ files: z.number().int() }),
    access: 'anyone',
    writes: 'none',
  }),
};
