import { z } from 'zod';
import { newAccountSchema } from './users';
import { channel, isoDateTime, paramsSchema, plate, ROLES } from './core';

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

/** `key-locked`: the database is encrypted and its data key could not be unwrapped (issue #16; `keyLock` says why). */
export const dbErrorKinds = ['newer-schema', 'corrupt', 'unreadable', 'locked', 'key-locked'] as const;

/**
 * Why the data key could not be unwrapped: the OS slot is unusable here and no passphrase was given, the
 * passphrase is wrong, neither slot can be used, keyring.json is gone or damaged (electron/app/keyring.ts).
 */
export const KEY_LOCK_REASONS = ['needs-passphrase', 'wrong-passphrase', 'no-way-in', 'keyring-missing', 'keyring-damaged'] as const;
export type KeyLockReason = (typeof KEY_LOCK_REASONS)[number];
export const keyLockSchema = z.object({
  reason: z.enum(KEY_LOCK_REASONS),
  /** A copy of keyring.json matching this folder is in backups/keys (`installation:restoreKeyring`). */
  hasCopy: z.boolean(),
});
export type KeyLock = z.infer<typeof keyLockSchema>;

/** The installation's key files in the data folder: signing, exchange decryption, TC Kimlik No hashing. */
export const KEY_FILES = ['identity.key', 'box.key', 'secret.key'] as const;
export type KeyFile = (typeof KEY_FILES)[number];

/**
 * What is wrong with a key file: not there, not a key (damaged), or a sound key that is not this
 * installation's (replaced: its public key or check value does not match what the database recorded).
 */
export const KEY_PROBLEMS = ['missing', 'damaged', 'replaced'] as const;
export type KeyProblemKind = (typeof KEY_PROBLEMS)[number];

export const keyProblemSchema = z.object({
  file: z.enum(KEY_FILES),
  problem: z.enum(KEY_PROBLEMS),
  /** Where the file belongs. */
  path: z.string(),
  /** A copy in the backups folder that matches this installation's records (`installation:restoreKeys` puts it back), or null. */
  copy: z.string().nullable(),
});
export type KeyProblem = z.infer<typeof keyProblemSchema>;

/** `message` is the Turkish; `key` and `params` word it in the interface language (shared/contract/errors). */
export const keyErrorSchema = z.object({ message: z.string(), key: z.string().optional(), params: paramsSchema, problems: z.array(keyProblemSchema).min(1) });
export type KeyError = z.infer<typeof keyErrorSchema>;

export const statusSchema = z.object({
  /** `key-error`: the database opened, but a key file is missing or damaged; nothing is written until it is put back. */
  state: z.enum(['ready', 'setup-required', 'db-error', 'key-error']),
  identity: identitySchema.nullable(),
  dbError: z.object({ kind: z.enum(dbErrorKinds), message: z.string(), key: z.string().optional(), params: paramsSchema, path: z.string(), keyLock: keyLockSchema.optional() }).nullable(),
  keyError: keyErrorSchema.nullable(),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  dataDir: z.string(),
});
export type InstallationStatus = z.infer<typeof statusSchema>;

const name = z.string().trim().min(2, { message: 'Gençlik merkezinin adı en az 2 karakter olmalı.' }).max(150).describe('Gençlik merkezi adı');
const district = z.string().trim().min(1, { message: 'İlçe seçin.' }).describe('İlçe');

/**
 * Every first run creates the installation's first administrator (issue #16) and may set the recovery
 * passphrase at once (the wizard asks for it: without it, losing this computer's key store loses the data).
 */
const firstRun = {
  admin: newAccountSchema,
  recoveryPassphrase: z
    .string()
    .min(10, { message: 'Kurtarma parolası en az 10 karakter olmalı.' })
    .max(1024)
    .optional()
    .describe('Kurtarma parolası'),
};

export const setupInputSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('ministry'), ...firstRun }),
  z.object({ role: z.literal('province'), provincePlate: plate, ...firstRun }),
  z.object({ role: z.literal('youth-center'), provincePlate: plate, name, districtName: district, ...firstRun }),
]);
export type SetupInput = z.infer<typeof setupInputSchema>;

/** At least 10 characters: it guards the data key against guessing (scrypt makes each try cost a third of a second). */
export const MIN_PASSPHRASE = 10;
const passphrase = z.string().min(1, { message: 'Kurtarma parolasını yazın.' }).max(1024).describe('Kurtarma parolası');

export const keyringStatusSchema = z.object({
  /** The data key is wrapped by the operating system's key store for this user (safeStorage; a stand-in in the harness). */
  osProtected: z.boolean(),
  protector: z.enum(['safeStorage', 'stand-in']).nullable(),
  /** When the recovery passphrase was set; null: none yet (losing the OS key store would lose the data). */
  recoverySetAt: isoDateTime.nullable(),
});
export type KeyringStatus = z.infer<typeof keyringStatusSchema>;

export const setRecoveryInputSchema = z
  .object({
    passphrase: z.string().min(MIN_PASSPHRASE, { message: `Kurtarma parolası en az ${MIN_PASSPHRASE} karakter olmalı.` }).max(1024).describe('Kurtarma parolası'),
    confirm: z.string().describe('Kurtarma parolası (tekrar)'),
  })
  .strict()
  .refine((v) => v.passphrase === v.confirm, { message: 'İki parola aynı değil.', path: ['confirm'] });

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
  'installation:unlock': channel({
    summary: 'Opens an encrypted database whose data key the OS key store cannot unwrap here, with the recovery passphrase.',
    input: z.object({ passphrase }).strict(),
    output: z.object({ unlocked: z.literal(true) }),
    access: 'setup',
    writes: 'local',
  }),
  'installation:restoreKeyring': channel({
    summary: 'Puts back the copy of keyring.json kept in backups/keys (the keyring was lost or damaged); the damaged one is kept aside.',
    input: z.object({}).strict(),
    output: z.object({ restored: z.literal(true) }),
    access: 'setup',
    writes: 'local',
  }),
  'installation:keyring': channel({
    summary: 'How the data key is protected: by the OS key store, and whether a recovery passphrase is set.',
    input: z.object({}).strict(),
    output: keyringStatusSchema,
    access: 'anyone',
    writes: 'none',
  }),
  'installation:setRecoveryPassphrase': channel({
    summary: 'Sets or changes the recovery passphrase that unwraps the data key where the OS key store cannot.',
    input: setRecoveryInputSchema,
    output: keyringStatusSchema,
    access: 'anyone',
    user: 'admin',
    writes: 'local',
  }),
  'installation:restoreKeys': channel({
    summary: 'Puts back, from the backups folder, the copies of missing or damaged key files that match this installation; a damaged file is kept aside.',
    input: z.object({}).strict(),
    output: z.object({ restored: z.array(z.enum(KEY_FILES)), keptAside: z.array(z.string()) }),
    access: 'anyone',
    user: 'none',
    writes: 'local',
  }),
};
