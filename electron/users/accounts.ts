import { AppError, msg, type Msg, fieldIssue } from '../../shared/contract';
import { FAILURES_BEFORE_LOCKOUT, IDLE_MINUTES_DEFAULT, type NewAccount, type SessionUser, type SessionView, type UserRole } from '../../shared/contract/users';
import { foldTurkish } from '../../shared/turkish';
import { readSetting } from '../../db/settings/queries';
import { countUsers, insertUser, logAccess, userByKey, type StoredUser } from '../../db/users/queries';
import type { OpenDatabase } from '../../db/open';
import type { AppContext } from '../app/context';
import { hashPassword } from './passwords';

// Accounts of this installation (issue #16): creating one, the sign-in key of a name, the lockout schedule and
// what the window is told about the session.

export const IDLE_SETTING = 'security.idleMinutes';

/**
 * The sign-in key of a user name: case and Turkish letters folded (`Ayşe.Yılmaz`, `AYSE.YILMAZ` and
 * `ayse.yilmaz` are one account), the separators kept (`ayse.yilmaz` and `ayse-yilmaz` are two).
 */
export function usernameKey(name: string): string {
  return [...name.trim().normalize('NFC')].map((ch) => ('._-'.includes(ch) ? ch : foldTurkish(ch))).join('');
}

/** How long an account waits after `failures` wrong passwords in a row: none before the fifth, then 30 s doubling, at most 15 min. */
export function lockoutMs(failures: number): number {
  if (failures < FAILURES_BEFORE_LOCKOUT) return 0;
  return Math.min(30_000 * 2 ** (failures - FAILURES_BEFORE_LOCKOUT), 15 * 60_000);
}

export function fieldError(path: string, label: string, message: Msg): AppError {
  const issue = fieldIssue({ path, label, message });
  return new AppError('VALIDATION', msg('validation.list', { list: `${label}: ${issue.message}` }), [issue]);
}

/** Hashes the password first (nothing is written until the hash is ready), then the row, in the caller's transaction. */
export async function prepareAccount(account: NewAccount): Promise<{ account: NewAccount; key: string; hash: string }> {
  return { account, key: usernameKey(account.username), hash: await hashPassword(account.password) };
}

export function insertAccount(
  db: OpenDatabase,
  prepared: { account: NewAccount; key: string; hash: string },
  role: UserRole,
  createdBy: number | null,
  at: string,
  pathPrefix = '',
): SessionUser {
  if (userByKey(db, prepared.key)) throw fieldError(`${pathPrefix}username`, 'Kullanıcı adı', msg('users.buKullaniciAdiZaten'));
  const id = insertUser(db, {
    username: prepared.account.username.trim(),
    usernameKey: prepared.key,
    displayName: prepared.account.displayName.trim(),
    role,
    passwordHash: prepared.hash,
    at,
    createdBy,
  });
  logAccess(db, at, 'account-created', createdBy ?? id, id);
  return { id, username: prepared.account.username.trim(), displayName: prepared.account.displayName.trim(), role };
}

export function sessionUserOf(user: StoredUser): SessionUser {
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role };
}

export function idleMinutesOf(db: OpenDatabase): number {
  const stored = Number(readSetting(db, IDLE_SETTING));
  return Number.isInteger(stored) && stored >= 0 && readSetting(db, IDLE_SETTING) !== null ? stored : IDLE_MINUTES_DEFAULT;
}

export function sessionView(ctx: AppContext): SessionView {
  const db = ctx.db;
  const user = ctx.session.current();
  return {
    user,
    accountsExist: db ? countUsers(db) > 0 : false,
    lockedUser: user ? null : ctx.session.lockedUser,
    idleMinutes: ctx.session.idleMinutes,
  };
}

export function isoAt(ctx: AppContext): string {
  return new Date(ctx.now()).toISOString();
}
