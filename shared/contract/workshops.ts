import { z } from 'zod';
import { WORKSHOP_KINDS } from '../meetings/fields';
import { REGIONS } from '../regions';
import { channel, plate, uuid, whenMissing } from './core';
import { fileOutput, isoDate, text } from './fields';

// Regional workshop programmes and national summits: organised by the ministry, read everywhere.

export const workshopSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(WORKSHOP_KINDS),
  title: z.string(),
  region: z.string().nullable(),
  hostPlate: z.string().nullable(),
  hostName: z.string().nullable(),
  startOn: z.string(),
  endOn: z.string(),
  venue: z.string().nullable(),
  participants: z.number().int(),
  organisations: z.number().int(),
  provinces: z.number().int(),
});
export type WorkshopSummary = z.infer<typeof workshopSummarySchema>;

export const workshopParticipantSchema = z.object({
  id: z.string(),
  fullName: z.string(),
  title: z.string().nullable(),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  provincePlate: z.string(),
  provinceName: z.string(),
});

export const workshopDetailSchema = workshopSummarySchema.extend({
  programme: z.array(z.object({ time: z.string(), title: z.string() })),
  findings: z.string().nullable(),
  participantList: z.array(workshopParticipantSchema),
  canEdit: z.boolean(),
});
export type WorkshopDetail = z.infer<typeof workshopDetailSchema>;

export const workshopsContract = {
  'workshops:list': channel({
    summary: 'Workshops and summits, newest first, with participant, organisation and province counts.',
    input: z.object({ kind: z.enum(WORKSHOP_KINDS).optional(), region: z.enum(REGIONS).optional(), from: isoDate.optional(), to: isoDate.optional() }).strict(),
    output: z.array(workshopSummarySchema),
    access: 'anyone',
    writes: 'none',
  }),
  'workshops:listXlsx': channel({
    summary: 'The workshop list (same filters as workshops:list) as an Excel file.',
    input: z.object({ kind: z.enum(WORKSHOP_KINDS).optional(), region: z.enum(REGIONS).optional(), from: isoDate.optional(), to: isoDate.optional() }).strict(),
    output: fileOutput.extend({ rows: z.number().int() }),
    access: 'anyone',
    writes: 'none',
  }),
  'workshops:get': channel({
    summary: 'One workshop or summit with its programme, findings and participants.',
    input: z.object({ id: uuid }).strict(),
    output: workshopDetailSchema,
    access: 'anyone',
    writes: 'none',
  }),
  'workshops:save': channel({
    summary: 'The ministry records or edits a regional workshop or a national summit.',
    input: z
      .object({
        id: uuid.optional(),
        kind: z.enum(WORKSHOP_KINDS, { message: 'Türü seçin.' }).describe('Tür'),
        title: z.string(whenMissing('Başlığı yazın.')).trim().min(3, { message: 'Başlık en az 3 karakter olmalı.' }).max(250).describe('Başlık'),
        region: z.enum(REGIONS, { message: 'Bölgeyi seçin.' }).nullable().optional().describe('Bölge'),
        hostPlate: plate.nullable().optional().describe('Ev sahibi il'),
        startOn: isoDate.describe('Başlangıç'),
        endOn: isoDate.describe('Bitiş'),
        venue: text(250, 'Yer'),
        programme: z.array(z.object({ time: z.string().trim().max(20), title: z.string().trim().min(1).max(300) })).max(60).default([]).describe('Program'),
        findings: text(20000, 'Sonuçlar ve tespitler'),
      })
      .strict(),
    output: workshopDetailSchema,
    access: ['ministry'],
    writes: 'synced',
  }),
  'workshops:saveParticipants': channel({
    summary: 'Adds participants in bulk (CSO representatives with their province); all or nothing.',
    input: z
      .object({
        workshopId: uuid,
        participants: z
          .array(
            z
              .object({
                id: uuid.optional(),
                fullName: z.string(whenMissing('Ad soyad yazın.')).trim().min(3, { message: 'Ad soyad en az 3 karakter olmalı.' }).max(120).describe('Ad soyad'),
                title: text(120, 'Unvan'),
                organisationId: uuid.nullable().optional().describe('Kurum'),
                organisationName: text(250, 'Kurum adı'),
                provincePlate: plate.describe('İl'),
              })
              .strict(),
          )
          .min(1)
          .max(2000),
      })
      .strict(),
    output: workshopDetailSchema,
    access: ['ministry'],
    writes: 'synced',
  }),
  'workshops:removeParticipant': channel({
    summary: 'Removes a participant (tombstone).',
    input: z.object({ id: uuid }).strict(),
    output: workshopDetailSchema,
    access: ['ministry'],
    writes: 'synced',
  }),
  'workshops:document': channel({
    summary: 'Printable PDF: the programme, the participant list, or name badges for the participants (A4, 2 × 5, as for meetings).',
    input: z.object({ id: uuid, kind: z.enum(['programme', 'participants', 'badges']).describe('Belge') }).strict(),
    output: fileOutput,
    access: 'anyone',
    writes: 'none',
  }),
};
