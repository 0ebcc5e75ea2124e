import { z } from 'zod';
import { REGIONS } from '../regions';
import { formatDateTr } from '../turkish';
import { channel, plate } from './core';
import { fileOutput, isoDate } from './fields';

// The figures the department reports, computed from the data for any period and scope, each with its
// definition shown next to it (DOMAIN.md §5): a figure is only as good as what it counts.

export const reportScopeSchema = z.discriminatedUnion('level', [
  z.object({ level: z.literal('national') }),
  z.object({ level: z.literal('region'), region: z.enum(REGIONS, { message: 'Bölgeyi seçin.' }) }),
  z.object({ level: z.literal('province'), provincePlate: plate }),
  z.object({ level: z.literal('youthCentre'), youthCentreId: z.string().min(1) }),
]);
export type ReportScope = z.infer<typeof reportScopeSchema>;

export const reportInput = z
  .object({
    from: isoDate.describe('Başlangıç'),
    to: isoDate.describe('Bitiş'),
    scope: reportScopeSchema,
  })
  .strict();
export type ReportInput = z.input<typeof reportInput>;

export const FIGURE_KEYS = [
  'meetingsHeld',
  'provincesWithMeeting',
  'youthCentresWithMeeting',
  'csoAttendances',
  'csoRepresentatives',
  'uniqueCsos',
  'requests',
  'decisions',
  'decisionsCompleted',
  'workshops',
  'workshopParticipants',
  'workshopOrganisations',
  'workshopProvincesCovered',
  'workshopHostProvinces',
  'workshopRegions',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

const figureSchema = z.object({ key: z.enum(FIGURE_KEYS), label: z.string(), value: z.number().int(), definition: z.string() });

export const reportSchema = z.object({
  from: z.string(),
  to: z.string(),
  scopeLabel: z.string(),
  figures: z.array(figureSchema),
  /** The first held meeting in scope and period (where the series began). */
  firstMeeting: z.object({ date: z.string(), provinceName: z.string(), youthCentreName: z.string() }).nullable(),
  /** One row per child unit (regions, provinces or youth centres): the meeting figures broken down. */
  breakdown: z.object({
    level: z.enum(['region', 'province', 'youthCentre']),
    rows: z.array(z.object({ id: z.string(), name: z.string(), meetingsHeld: z.number().int(), csoAttendances: z.number().int(), csoRepresentatives: z.number().int(), uniqueCsos: z.number().int() })),
  }).nullable(),
  /** Held meetings per term. */
  perTerm: z.array(z.object({ year: z.number().int(), no: z.number().int(), meetingsHeld: z.number().int(), youthCentres: z.number().int(), provinces: z.number().int() })),
  /** Workshops per region: count, participants, organisations, provinces of participants. */
  workshopsByRegion: z.array(z.object({ region: z.string(), workshops: z.number().int(), participants: z.number().int(), organisations: z.number().int(), provinces: z.number().int(), hostProvinces: z.number().int() })),
  requestsByCategory: z.array(z.object({ category: z.string(), count: z.number().int() })),
});
export type Report = z.infer<typeof reportSchema>;

/** What the ministry may publish: figures of the whole country or of a region (a province has its own). */
export const publishScopeSchema = z.discriminatedUnion('level', [
  z.object({ level: z.literal('national') }),
  z.object({ level: z.literal('region'), region: z.enum(REGIONS, { message: 'Bölgeyi seçin.' }) }),
]);

export const publishInput = reportInput
  .extend({
    scope: publishScopeSchema,
    /** Defaults to the scope and period. */
    title: z.string().trim().max(200, { message: 'Başlık en fazla 200 karakter olabilir.' }).optional().describe('Başlık'),
  })
  .strict();

/** The title a published report gets when the ministry gives none (it is sent, so it is Turkish). */
export function defaultPublishedTitle(scopeLabel: string, from: string, to: string): string {
  return `${scopeLabel} göstergeleri, ${formatDateTr(from)} – ${formatDateTr(to)}`;
}

export const publishedReportSchema = z.object({
  id: z.string(),
  title: z.string(),
  from: z.string(),
  to: z.string(),
  scopeLabel: z.string(),
  publishedAt: z.string(),
  /** Null when this version cannot read it (published by a newer Köprü, with figures it does not know). */
  report: reportSchema.nullable(),
});
export type PublishedReport = z.infer<typeof publishedReportSchema>;

/** The meeting figures of each of the 81 provinces for a period (the ministry's map). */
export const provinceFiguresSchema = z.object({
  from: z.string(),
  to: z.string(),
  provinces: z.array(
    z.object({
      plate: z.string(),
      name: z.string(),
      region: z.string(),
      meetingsHeld: z.number().int(),
      youthCentresWithMeeting: z.number().int(),
      csoAttendances: z.number().int(),
      csoRepresentatives: z.number().int(),
      uniqueCsos: z.number().int(),
    }),
  ),
});
export type ProvinceFigures = z.infer<typeof provinceFiguresSchema>;

export const reportsContract = {
  'reports:figures': channel({
    summary: 'The department\'s figures for a period and scope (national, region, province, youth centre), with definitions.',
    input: reportInput,
    output: reportSchema,
    access: 'anyone',
    writes: 'none',
  }),
  'reports:provinces': channel({
    summary: 'The meeting figures of every province for a period, by the report\'s definitions: what the ministry\'s map colours.',
    input: z.object({ from: isoDate.describe('Başlangıç'), to: isoDate.describe('Bitiş') }).strict(),
    output: provinceFiguresSchema,
    access: ['ministry'],
    writes: 'none',
  }),
  'reports:export': channel({
    summary: 'The same report as an Excel workbook or a PDF.',
    input: reportInput.extend({ format: z.enum(['xlsx', 'pdf']).describe('Biçim') }),
    output: fileOutput,
    access: 'anyone',
    writes: 'none',
  }),
  'reports:publish': channel({
    summary: 'Computes the national or a regional report for a period and sends it to every installation with the next exchange files: figures and definitions only, no rows or names.',
    input: publishInput,
    output: publishedReportSchema,
    access: ['ministry'],
    writes: 'synced',
  }),
  'reports:published': channel({
    summary: 'The figures the ministry has published, newest first.',
    input: z.object({}).strict(),
    output: z.array(publishedReportSchema),
    access: 'anyone',
    writes: 'none',
  }),
};
