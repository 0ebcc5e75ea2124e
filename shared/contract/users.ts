import { z } from 'zod';
import { channel, isoDateTime } from './core';
import { fileOutput } from './fields';

// Users and roles (issue #16): the people who use this installation, each with a role, signed in on a shared
// office PC. The unit's role (ministry, province, youth centre) says what the installation may do; the user's
// role says what this person may do in it:
// - yönetici (admin): accounts, policies, trust decisions, restore, destruction and the audit logs;
// - uzman (specialist): the everyday work, and revealing a TC Kimlik No with a purpose;
// - görüntüleyici (viewer): reads, with every TC number masked.

export const USER_ROLES = ['admin', 'specialist', 'viewer'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const USER_ROLE_NAMES: Record<UserRole, string> = { admin: 'yönetici', specialist: 'uzman', viewer: 'görüntüleyici' };

const ROLE_RANK: Record<UserRole, number> = { viewer: 0, specialist: 1, admin: 2 };

/** Whether a role may do what `least` may (the dispatcher's check; the window hides what it would refuse). */
export function roleAtLeast(role: UserRole, least: UserRole): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[least];
}

/** At least 10 characters, no rules on their kind (NIST SP 800-63B): a sentence is easier to keep than a symbol. */
export const MIN_PASSWORD = 10;
/** Consecutive wrong passwords before an account waits (the wait doubles with each further failure). */
export const FAILURES_BEFORE_LOCKOUT = 5;
export const IDLE_MINUTES_DEFAULT = 10;

export const username = z
  .string()
  .trim()
  .min(3, { message: 'Kullanıcı adı en az 3 karakter olmalı.' })
  .max(40, { message: 'Kullanıcı adı en fazla 40 karakter olabilir.' })
  .regex(/^[\p{L}\p{N}._-]+$/u, { message: 'Kullanıcı adında yalnızca harf, rakam, nokta, tire ve alt çizgi olabilir (boşluk olmaz).' })
  .describe('Kullanıcı adı');

export const displayName = z
  .string()
  .trim()
  .min(3, { message: 'Adı ve soyadı yazın.' })
  .max(80, { message: 'Ad soyad en fazla 80 karakter olabilir.' })
  .describe('Ad soyad');

export const newPassword = z
  .string()
  .min(MIN_PASSWORD, { message: `Parola en az ${MIN_PASSWORD} karakter olmalı.` })
  .max(256, { message: 'Parola en fazla 256 karakter olabilir.' })
  .describe('Parola');

const password = z.string().min(1, { message: 'Parolayı yazın.' }).max(256).describe('Parola');

/** A new account's details; the password must not be the user name. */
export const newAccountSchema = z
  .object({ username, displayName, password: newPassword })
  .strict()
  .refine((v) => v.password.trim().toLocaleLowerCase('tr-TR') !== v.username.trim().toLocaleLowerCase('tr-TR'), {
    message: 'Parola kullanıcı adıyla aynı olamaz.',
    path: ['password'],
  });
export type NewAccount = z.infer<typeof newAccountSchema>;

export const sessionUserSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(USER_ROLES),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const sessionSchema = z.object({
  /** Who is signed in; null when nobody is (or the session was locked). */
  user: sessionUserSchema.nullable(),
  /** False until the first administrator is created: the app asks for one before anything else. */
  accountsExist: z.boolean(),
  /** Who locked the screen (by Ctrl+L or by idling): the lock screen offers that account first. */
  lockedUser: sessionUserSchema.pick({ username: true, displayName: true }).nullable(),
  /** Minutes without use before the session locks itself (0: never). */
  idleMinutes: z.number().int(),
});
export type SessionView = z.infer<typeof sessionSchema>;

const userRowSchema = sessionUserSchema.extend({
  createdAt: isoDateTime,
  disabledAt: isoDateTime.nullable(),
  lastSignInAt: isoDateTime.nullable(),
  /** While set (and in the future) the account waits after too many wrong passwords. */
  lockedUntil: isoDateTime.nullable(),
});
export type UserRow = z.infer<typeof userRowSchema>;

const ACCESS_EVENTS = [
  'sign-in',
  'sign-in-failed',
  'locked-out',
  'lock',
  'idle-lock',
  'sign-out',
  'account-created',
  'account-changed',
  'password-reset',
  'password-changed',
] as const;
export type AccessEvent = (typeof ACCESS_EVENTS)[number];

const accessEntrySchema = z.object({
  at: isoDateTime,
  event: z.enum(ACCESS_EVENTS),
  user: z.string().nullable(),
  subject: z.string().nullable(),
});

const revealEntrySchema = z.object({
  at: isoDateTime,
  user: z.string().nullable(),
  purpose: z.string(),
  /** Whose number: the board member's name and association (names only, never the number). */
  person: z.string().nullable(),
  association: z.string().nullable(),
});
export type RevealEntry = z.infer<typeof revealEntrySchema>;

const auditPage = z.object({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) }).strict();

export const usersContract = {
  'users:session': channel({
    summary: 'Who is signed in, whether any account exists yet, who locked the screen, and the idle-lock minutes.',
    input: z.object({}).strict(),
    output: sessionSchema,
    access: 'setup',
    user: 'none',
    writes: 'none',
  }),
  'users:createFirstAdmin': channel({
    summary: 'Creates the first administrator of an installation that has no account yet (an upgraded one) and signs in.',
    input: newAccountSchema,
    output: sessionSchema,
    access: 'anyone',
    user: 'none',
    writes: 'local',
  }),
  'users:signIn': channel({
    summary: 'Signs a user in with the password; repeated failures make the account wait, longer each time.',
    input: z.object({ username: z.string().trim().min(1, { message: 'Kullanıcı adını yazın.' }).max(40).describe('Kullanıcı adı'), password }).strict(),
    output: sessionSchema,
    access: 'anyone',
    user: 'none',
    writes: 'local',
  }),
  'users:lock': channel({
    summary: 'Locks the screen (Ctrl+L, or the idle timer): nothing is answered until the user signs in again.',
    input: z.object({ reason: z.enum(['manual', 'idle']).default('manual') }).strict(),
    output: sessionSchema,
    access: 'anyone',
    user: 'none',
    writes: 'local',
  }),
  'users:signOut': channel({
    summary: 'Signs the user out (another person may sign in).',
    input: z.object({}).strict(),
    output: sessionSchema,
    access: 'anyone',
    user: 'none',
    writes: 'local',
  }),
  'users:touch': channel({
    summary: 'The user is still at the keyboard (the window says so at most once a minute): the idle timer restarts.',
    input: z.object({}).strict(),
    output: z.object({ ok: z.literal(true) }),
    access: 'anyone',
    user: 'viewer',
    writes: 'none',
  }),
  'users:changePassword': channel({
    summary: 'The signed-in user changes their own password (the current one is asked again).',
    input: z
      .object({ current: password.describe('Şimdiki parola'), password: newPassword.describe('Yeni parola'), confirm: z.string().describe('Yeni parola (tekrar)') })
      .strict()
      .refine((v) => v.password === v.confirm, { message: 'İki parola aynı değil.', path: ['confirm'] }),
    output: z.object({ changed: z.literal(true) }),
    access: 'anyone',
    user: 'viewer',
    writes: 'local',
  }),
  'users:list': channel({
    summary: 'The accounts of this installation (administrators only).',
    input: z.object({}).strict(),
    output: z.array(userRowSchema),
    access: 'anyone',
    user: 'admin',
    writes: 'none',
  }),
  'users:create': channel({
    summary: 'Adds an account with a role and a first password the user should change.',
    input: z.object({ account: newAccountSchema, role: z.enum(USER_ROLES).describe('Rol') }).strict(),
    output: userRowSchema,
    access: 'anyone',
    user: 'admin',
    writes: 'local',
  }),
  'users:update': channel({
    summary: "Changes an account's name or role, or disables / enables it; the last enabled administrator stays one.",
    input: z
      .object({ id: z.number().int(), displayName: displayName.optional(), role: z.enum(USER_ROLES).optional().describe('Rol'), disabled: z.boolean().optional() })
      .strict(),
    output: userRowSchema,
    access: 'anyone',
    user: 'admin',
    writes: 'local',
  }),
  'users:resetPassword': channel({
    summary: "Sets a new password for a user who forgot theirs (and lifts a wait after wrong passwords).",
    input: z.object({ id: z.number().int(), password: newPassword.describe('Yeni parola') }).strict(),
    output: userRowSchema,
    access: 'anyone',
    user: 'admin',
    writes: 'local',
  }),
  'users:setIdleMinutes': channel({
    summary: 'Minutes without use before the session locks itself (0: never; at most 120).',
    input: z.object({ minutes: z.number().int().min(0).max(120, { message: 'En fazla 120 dakika.' }).describe('Kilit süresi') }).strict(),
    output: sessionSchema,
    access: 'anyone',
    user: 'admin',
    writes: 'local',
  }),
  'users:accessLog': channel({
    summary: 'Sign-ins, failures, locks and account changes, newest first.',
    input: auditPage,
    output: z.object({ total: z.number().int(), entries: z.array(accessEntrySchema) }),
    access: 'anyone',
    user: 'admin',
    writes: 'none',
  }),
  'users:revealLog': channel({
    summary: 'Who revealed which TC Kimlik No, when and why, newest first (the number itself is never listed).',
    input: auditPage,
    output: z.object({ total: z.number().int(), entries: z.array(revealEntrySchema) }),
    access: 'anyone',
    user: 'admin',
    writes: 'none',
  }),
  'users:revealLogXlsx': channel({
    summary: 'The whole reveal log as an Excel file, for an auditor.',
    input: z.object({}).strict(),
    output: fileOutput,
    access: 'anyone',
    user: 'admin',
    writes: 'none',
  }),
};
