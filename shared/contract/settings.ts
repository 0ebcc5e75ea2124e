import { z } from 'zod';
import { channel, filePath } from './core';

export const LANGUAGES = ['tr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const settingsSchema = z.object({
  language: z.enum(LANGUAGES),
  dataDir: z.string(),
  databasePath: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsContract = {
  'settings:get': channel({
    summary: 'Language, data folder, app and schema version.',
    input: z.object({}).strict(),
    output: settingsSchema,
    access: 'setup',
    writes: 'none',
  }),
  'settings:setLanguage': channel({
    summary: 'Switches the interface language (a preference of this machine, not synced).',
    input: z.object({ language: z.enum(LANGUAGES, { message: 'Dil "tr" ya da "en" olmalı.' }).describe('Dil') }).strict(),
    output: settingsSchema,
    access: 'setup',
    writes: 'local',
  }),
  'settings:supportBundle': channel({
    summary: 'Writes a support bundle (versions, schema, row counts, health, backups, the redacted log; no personal data) to a file.',
    input: z.object({ path: filePath }).strict(),
    output: z.object({ file: z.string(), bytes: z.number().int() }),
    access: 'setup',
    writes: 'local',
  }),
};
