import { z } from 'zod';
import { REGIONS } from '../regions';
import { channel, isoDateTime, plate, uuid, updateInput, whenMissing } from './core';
import { fileOutput, phone } from './fields';

export const YOUTH_CENTRE_STATUSES = ['active', 'closed'] as const;

const provinceSchema = z.object({
  plate: z.string(),
  name: z.string(),
  region: z.enum(REGIONS),
  districtCount: z.number().int(),
  youthCentreCount: z.number().int(),
});
export type ProvinceRow = z.infer<typeof provinceSchema>;

const districtSchema = z.object({ id: z.string(), plate: z.string(), name: z.string() });
export type DistrictRow = z.infer<typeof districtSchema>;

export const youthCentreSchema = z.object({
  id: z.string(),
  ownerUnit: z.string(),
  provincePlate: z.string(),
  provinceName: z.string(),
  districtId: z.string(),
  districtName: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  hallCapacity: z.number().int().nullable(),
  status: z.enum(YOUTH_CENTRE_STATUSES),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  retiredAt: isoDateTime.nullable(),
});
export type YouthCentre = z.infer<typeof youthCentreSchema>;

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { message: `${label} en fazla ${max} karakter olabilir.` })
    .nullable()
    .optional()
    .describe(label);

const youthCentreFields = {
  name: z
    .string({ message: 'Gençlik merkezinin adını yazın.' })
    .trim()
    .min(2, { message: 'Ad en az 2 karakter olmalı.' })
    .max(150, { message: 'Ad en fazla 150 karakter olabilir.' })
    .describe('Ad'),
  districtId: z.string(whenMissing('İlçe seçin.')).min(1, { message: 'İlçe seçin.' }).describe('İlçe'),
  address: optionalText(300, 'Adres'),
  phone,
  email: z
    .union([z.literal(''), z.email({ message: 'E-posta adresi geçersiz. Örnek: merkez@gsb.gov.tr' })])
    .nullable()
    .optional()
    .describe('E-posta'),
  hallCapacity: z
    .number({ message: 'Salon kapasitesi bir sayı olmalı.' })
    .int({ message: 'Salon kapasitesi tam sayı olmalı.' })
    .min(0, { message: 'Salon kapasitesi negatif olamaz.' })
    .max(100000, { message: 'Salon kapasitesi en fazla 100000 olabilir.' })
    .nullable()
    .optional()
    .describe('Toplantı salonu kapasitesi'),
  status: z.enum(YOUTH_CENTRE_STATUSES, { message: 'Durum "active" ya da "closed" olmalı.' }).describe('Durum'),
};

export const createYouthCentreInput = z.object(youthCentreFields).strict();
export type CreateYouthCentreInput = z.infer<typeof createYouthCentreInput>;

export const updateYouthCentreInput = updateInput(youthCentreFields);
export type UpdateYouthCentreInput = z.infer<typeof updateYouthCentreInput>;

export const searchYouthCentresInput = z
  .object({
    query: z.string().max(200).optional().describe('Arama'),
    provincePlate: plate.optional(),
    districtId: z.string().optional().describe('İlçe'),
    status: z.enum(YOUTH_CENTRE_STATUSES).optional().describe('Durum'),
    includeRetired: z.boolean().optional(),
    limit: z.number().int().min(1).max(500).default(50),
    offset: z.number().int().min(0).default(0),
  })
  .strict();
export type SearchYouthCentresInput = z.input<typeof searchYouthCentresInput>;

export const orgUnitsContract = {
  'orgUnits:listProvinces': channel({
    summary: 'The 81 provinces (Turkish-insensitive search by name or plate), Turkish order, with youth-centre counts.',
    input: z.object({ query: z.string().max(100).optional().describe('Arama') }).strict(),
    output: z.array(provinceSchema),
    access: 'setup',
    writes: 'none',
  }),
  'orgUnits:listDistricts': channel({
    summary: "A province's districts in Turkish alphabetical order.",
    input: z.object({ provincePlate: plate }).strict(),
    output: z.array(districtSchema),
    access: 'setup',
    writes: 'none',
  }),
  'orgUnits:searchYouthCentres': channel({
    summary: 'Youth centres: Turkish-insensitive search, filters, Turkish order, paged in SQL.',
    input: searchYouthCentresInput,
    output: z.object({ total: z.number().int(), items: z.array(youthCentreSchema) }),
    access: 'anyone',
    writes: 'none',
  }),
  'orgUnits:youthCentresXlsx': channel({
    summary: 'The youth-centre list (same filters as orgUnits:searchYouthCentres, all pages) as an Excel file.',
    input: searchYouthCentresInput.omit({ limit: true, offset: true }),
    output: fileOutput.extend({ rows: z.number().int() }),
    access: 'anyone',
    writes: 'none',
  }),
  'orgUnits:getYouthCentre': channel({
    summary: 'One youth centre, retired ones included.',
    input: z.object({ id: uuid }).strict(),
    output: youthCentreSchema,
    access: 'anyone',
    writes: 'none',
  }),
  'orgUnits:createYouthCentre': channel({
    summary: 'A province creates a youth centre in its own province.',
    input: createYouthCentreInput,
    output: youthCentreSchema,
    access: ['province'],
    writes: 'synced',
  }),
  'orgUnits:updateYouthCentre': channel({
    summary: 'A province edits one of its youth centres (only the fields given).',
    input: updateYouthCentreInput,
    output: youthCentreSchema,
    access: ['province'],
    writes: 'synced',
  }),
  'orgUnits:retireYouthCentre': channel({
    summary: 'A province retires (tombstones) one of its youth centres; it stays readable in history.',
    input: z.object({ id: uuid }).strict(),
    output: youthCentreSchema,
    access: ['province'],
    writes: 'synced',
  }),
};
