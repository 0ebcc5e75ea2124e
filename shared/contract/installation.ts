import { z } from 'zod';
import { channel, isoDateTime, plate, ROLES } from './core';

export const identitySchema = z.object({
  nodeId: z.string(),
  role: z.enum(ROLES),
  unitId: z.string(),
  unitName: z.string(),
  provincePlate: z.string().nullable(),
  districtName: z.string().nullable(),
  publicKey: z.string(),
  fingerprint: z.string(),
  createdAt: isoDateTime,
});
export type Identity = z.infer<typeof identitySchema>;

export const dbErrorKinds = ['newer-schema', 'corrupt', 'unreadable', 'locked'] as const;

export const statusSchema = z.object({
  state: z.enum(['ready', 'setup-required', 'db-error']),
  identity: identitySchema.nullable(),
  dbError: z.object({ kind: z.enum(dbErrorKinds), message: z.string(), path: z.string() }).nullable(),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  dataDir: z.string(),
});
export type InstallationStatus = z.infer<typeof statusSchema>;

const name = z.string().trim().min(2, { message: 'Gençlik merkezinin adı en az 2 karakter olmalı.' }).max(150).describe('Gençlik merkezi adı');
const district = z.string().trim().min(1, { message: 'İlçe seçin.' }).describe('İlçe');

export const setupInputSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('ministry') }),
  z.object({ role: z.literal('province'), provincePlate: plate }),
  z.object({ role: z.literal('youth-center'), provincePlate: plate, name, districtName: district }),
]);
export type SetupInput = z.infer<typeof setupInputSchema>;

export const installationContract = {
  'installation:status': channel({
    summary: 'Whether this installation is set up, its identity, or why its database cannot be opened.',
    input: z.object({}).strict(),
    output: statusSchema,
    access: 'setup',
    writes: 'none',
  }),
  'installation:setup': channel({
    summary: 'First run: binds the installation to an org unit and creates its node id and Ed25519 key pair.',
    input: setupInputSchema,
    output: identitySchema,
    access: 'setup',
    writes: 'local',
  }),
};
