import { z } from 'zod';
import { channel } from './core';
import { email, phone, text } from './fields';

// Official documents (issue #18): each unit's letterhead — the lines under "T.C.", its DETSİS number, its
// address block, who signs and in whose name, its standard file plan codes. Letters and certificates are drawn
// from it (shared/documents/letter.ts); recorded EBYS numbers are checked against its DETSİS number.

/** The documents a unit files under its own standard file plan (SDP) code. */
export const FILE_CODE_KINDS = ['meetingInvitation', 'registration', 'visa', 'transfer', 'workshop'] as const;
export type FileCodeKind = (typeof FILE_CODE_KINDS)[number];

const fileCode = z
  .string()
  .trim()
  .refine((v) => v === '' || /^\d{3}(\.\d{2}){0,4}$/.test(v), { message: 'Dosya planı kodu 903.07.02 biçiminde olmalı.' });

export const letterheadFields = {
  institution: z.string().trim().min(1, { message: 'Kurumun adını yazın.' }).max(120, { message: 'Kurum adı en fazla 120 karakter olabilir.' }).describe('Kurum'),
  unitTitle: z.string().trim().max(160, { message: 'Birim adı en fazla 160 karakter olabilir.' }).describe('Birim'),
  detsisNo: z
    .string()
    .trim()
    .refine((v) => v === '' || /^\d{8}$/.test(v), { message: 'DETSİS numarası 8 haneli olmalı.' })
    .nullable()
    .describe('DETSİS no'),
  address: text(300, 'Adres'),
  phone,
  email,
  kep: text(120, 'KEP adresi'),
  contact: text(160, 'Bilgi için'),
  signatoryName: text(120, 'İmza yetkilisi'),
  signatoryTitle: text(120, 'Unvanı'),
  signatoryOnBehalfOf: text(80, 'Adına imza'),
  fileCodes: z.partialRecord(z.enum(FILE_CODE_KINDS), fileCode).describe('Dosya planı kodları'),
};

export const letterheadSchema = z.object({
  unitId: z.string(),
  institution: z.string(),
  unitTitle: z.string(),
  detsisNo: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  kep: z.string().nullable(),
  contact: z.string().nullable(),
  signatoryName: z.string().nullable(),
  signatoryTitle: z.string().nullable(),
  signatoryOnBehalfOf: z.string().nullable(),
  fileCodes: z.partialRecord(z.enum(FILE_CODE_KINDS), z.string()),
  /** False: nothing saved yet; the fields are the defaults for the unit. */
  saved: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type LetterheadView = z.infer<typeof letterheadSchema>;

export const saveLetterheadInput = z.object(letterheadFields).strict();
export type SaveLetterheadInput = z.input<typeof saveLetterheadInput>;

export const documentsContract = {
  'documents:letterhead': channel({
    summary: "A unit's letterhead (this installation's unit when none is named), with defaults for a unit that has saved none.",
    input: z.object({ unitId: z.string().max(80).optional() }).strict(),
    output: letterheadSchema,
    access: ['ministry', 'province', 'youth-center'],
    writes: 'none',
  }),
  'documents:saveLetterhead': channel({
    summary: "Saves this installation's unit's letterhead: header lines, DETSİS number, address block, signatory, file plan codes.",
    input: saveLetterheadInput,
    output: letterheadSchema,
    access: ['ministry', 'province', 'youth-center'],
    writes: 'synced',
    user: 'admin',
  }),
};
