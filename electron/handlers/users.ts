import { AppError, msg, type Msg } from '../../shared/contract';
import { FAILURES_BEFORE_LOCKOUT, type usersContract } from '../../shared/contract/users';
import { writeSetting } from '../../db/settings/queries';
import {
  countEnabledAdmins,
  countUsers,
  listUsers,
  logAccess,
  readAccessLog,
  readRevealLog,
  recordFailure,
  recordSignIn,
  setPassword,
  updateUser,
  userById,
  userByKey,
  type StoredUser,
} from '../../db/users/queries';
import { listWorkbook } from '../spreadsheets/workbook';
import { fieldError, IDLE_SETTING, idleMinutesOf, insertAccount, isoAt, lockoutMs, prepareAccount, sessionUserOf, sessionView, usernameKey } from '../users/accounts';
import { decoyHash, hashPassword, verifyPassword } from '../users/passwords';
import { requireDb } from './guards';
import type { Handlers } from './types';

// Users and roles (issue #16): signing in and out, locking the screen, the accounts an administrator keeps, and
// the access and reveal logs an auditor reads.

const WRONG = msg('users.wrongPassword');

function row(user: StoredUser) {
  return { ...sessionUserOf(user), createdAt: user.createdAt, disabledAt: user.disabledAt, lastSignInAt: user.lastSignInAt, lockedUntil: user.lockedUntil };
}

function mustExist(user: StoredUser | null): StoredUser {
  if (!user) throw new AppError('NOT_FOUND', msg('users.buKullaniciHesabiBulunamadi'));
  return user;
}

/** "14:05'e kadar (yaklaşık 2 dakika)" in Turkey's time, as a message the reader's screen words. */
function until(iso: string, now: number): Msg {
  const time = new Intl.DateTimeFormat('tr-TR', { timeZone: 'Europe/Istanbul', hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(new Date(iso));
  const seconds = Math.max(1, Math.ceil((Date.parse(iso) - now) / 1000));
  return seconds < 90 ? msg('users.lockedUntil.seconds', { time, seconds: String(seconds) }) : msg('users.lockedUntil.minutes', { time, minutes: String(Math.ceil(seconds / 60)) });
}

export const usersHandlers: Handlers<keyof typeof usersContract> = {
  'users:session': (_input, ctx) => {
    requireDb(ctx);
    return sessionView(ctx);
  },

  'users:createFirstAdmin': async (input, ctx) => {
    const db = requireDb(ctx);
    if (countUsers(db) > 0) throw new AppError('CONFLICT', msg('users.buKurulumdaZatenKullanici'));
    const prepared = await prepareAccount(input);
    const at = isoAt(ctx);
    const user = db.sqlite.transaction(() => {
      // Checked again inside the transaction: two windows racing to create the first account make one.
      if (countUsers(db) > 0) throw new AppError('CONFLICT', msg('users.buKurulumdaZatenKullanici2'));
      const created = insertAccount(db, prepared, 'admin', null, at);
      recordSignIn(db, created.id, at);
      logAccess(db, at, 'sign-in', created.id);
      return created;
    })();
    ctx.session.idleMinutes = idleMinutesOf(db);
    ctx.session.signIn(user);
    return sessionView(ctx);
  },

  'users:signIn': async (input, ctx) => {
    const db = requireDb(ctx);
    const stored = userByKey(db, usernameKey(input.username));
    const now = ctx.now();
    const at = new Date(now).toISOString();
    if (!stored) {
      await verifyPassword(input.password, await decoyHash());
      db.sqlite.transaction(() => logAccess(db, at, 'sign-in-failed', null))();
      throw fieldError('password', 'Parola', WRONG);
    }
    if (stored.lockedUntil && Date.parse(stored.lockedUntil) > now) {
      throw new AppError('FORBIDDEN', msg('users.cokFazlaYanlisParola', { value: until(stored.lockedUntil, now) }));
    }
    const matches = await verifyPassword(input.password, stored.passwordHash);
    if (!matches) {
      const failures = stored.failedAttempts + 1;
      const wait = lockoutMs(failures);
      const lockedUntil = wait ? new Date(now + wait).toISOString() : null;
      db.sqlite.transaction(() => {
        recordFailure(db, stored.id, failures, lockedUntil);
        logAccess(db, at, wait ? 'locked-out' : 'sign-in-failed', stored.id);
      })();
      if (lockedUntil) {
        throw new AppError('FORBIDDEN', msg('users.cokFazlaYanlisParola2', { value: until(lockedUntil, now) }));
      }
      const left = FAILURES_BEFORE_LOCKOUT - failures;
      throw fieldError('password', 'Parola', left <= 2 ? msg('users.wrongPasswordLeft', { left }) : WRONG);
    }
    if (stored.disabledAt) throw new AppError('FORBIDDEN', msg('users.buHesapDevreDisi'));
    db.sqlite.transaction(() => {
      recordSignIn(db, stored.id, at);
      logAccess(db, at, 'sign-in', stored.id);
    })();
    ctx.session.idleMinutes = idleMinutesOf(db);
    ctx.session.signIn(sessionUserOf(stored));
    return sessionView(ctx);
  },

  'users:lock': (input, ctx) => {
    const db = requireDb(ctx);
    const user = ctx.session.lock();
    if (user) logAccess(db, isoAt(ctx), input.reason === 'idle' ? 'idle-lock' : 'lock', user.id);
    return sessionView(ctx);
  },

  'users:signOut': (_input, ctx) => {
    const db = requireDb(ctx);
    const user = ctx.session.signOut();
    if (user) logAccess(db, isoAt(ctx), 'sign-out', user.id);
    return sessionView(ctx);
  },

  'users:touch': (_input, ctx) => {
    ctx.session.touch();
    return { ok: true as const };
  },

  'users:changePassword': async (input, ctx) => {
    const db = requireDb(ctx);
    const me = ctx.session.current();
    const stored = me ? userById(db, me.id) : null;
    if (!me || !stored) throw new AppError('SIGNED_OUT');
    if (!(await verifyPassword(input.current, stored.passwordHash))) throw fieldError('current', 'Şimdiki parola', msg('users.simdikiParolaYanlisParola'));
    if (await verifyPassword(input.password, stored.passwordHash)) throw fieldError('password', 'Yeni parola', msg('users.yeniParolaSimdikiyleAyni'));
    const hash = await hashPassword(input.password);
    const at = isoAt(ctx);
    db.sqlite.transaction(() => {
      setPassword(db, me.id, hash, at);
      logAccess(db, at, 'password-changed', me.id, me.id);
    })();
    return { changed: true as const };
  },

  'users:list': (_input, ctx) => listUsers(requireDb(ctx)).map(row),

  'users:create': async (input, ctx) => {
    const db = requireDb(ctx);
    const admin = ctx.session.current()!;
    const prepared = await prepareAccount(input.account);
    const at = isoAt(ctx);
    const id = db.sqlite.transaction(() => insertAccount(db, prepared, input.role, admin.id, at, 'account.').id)();
    return row(userById(db, id)!);
  },

  'users:update': (input, ctx) => {
    const db = requireDb(ctx);
    const admin = ctx.session.current()!;
    const at = isoAt(ctx);
    db.sqlite.transaction(() => {
      const target = mustExist(userById(db, input.id));
      const losesAdmin = target.role === 'admin' && !target.disabledAt && ((input.role && input.role !== 'admin') || input.disabled === true);
      if (losesAdmin && countEnabledAdmins(db) <= 1) {
        throw fieldError(input.role && input.role !== 'admin' ? 'role' : 'disabled', 'Rol', msg('users.buKurulumunTekEtkin'));
      }
      updateUser(db, input.id, {
        ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
        ...(input.role !== undefined ? { role: input.role } : {}),
        ...(input.disabled !== undefined ? { disabledAt: input.disabled ? (target.disabledAt ?? at) : null } : {}),
      });
      logAccess(db, at, 'account-changed', admin.id, input.id);
    })();
    // The signed-in user's own name or role changed: the session follows at once.
    if (admin.id === input.id) {
      const me = userById(db, input.id)!;
      if (me.disabledAt) ctx.session.signOut();
      else ctx.session.signIn(sessionUserOf(me));
    }
    return row(userById(db, input.id)!);
  },

  'users:resetPassword': async (input, ctx) => {
    const db = requireDb(ctx);
    const admin = ctx.session.current()!;
    mustExist(userById(db, input.id));
    const hash = await hashPassword(input.password);
    const at = isoAt(ctx);
    db.sqlite.transaction(() => {
      setPassword(db, input.id, hash, at);
      logAccess(db, at, 'password-reset', admin.id, input.id);
    })();
    return row(userById(db, input.id)!);
  },

  'users:setIdleMinutes': (input, ctx) => {
    const db = requireDb(ctx);
    writeSetting(db, IDLE_SETTING, String(input.minutes));
    ctx.session.idleMinutes = input.minutes;
    ctx.session.touch();
    return sessionView(ctx);
  },

  'users:accessLog': (input, ctx) => readAccessLog(requireDb(ctx), input.offset, input.limit),

  'users:revealLog': (input, ctx) => readRevealLog(requireDb(ctx), input.offset, input.limit),

  'users:revealLogXlsx': async (_input, ctx) => {
    const db = requireDb(ctx);
    const { entries } = readRevealLog(db, 0, null);
    // The day and time as in Türkiye, the day a real Excel date.
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Istanbul', day: '2-digit', month: '2-digit', year: 'numeric' });
    const time = new Intl.DateTimeFormat('tr-TR', { timeZone: 'Europe/Istanbul', hour: '2-digit', minute: '2-digit' });
    const columns = [
      { header: 'Tarih', width: 12, date: true }, { header: 'Saat', width: 8 }, { header: 'Kullanıcı', width: 28 },
      { header: 'Kimin numarası', width: 28 }, { header: 'Dernek', width: 44 }, { header: 'Gerekçe', width: 60 },
    ];
    const { rows: _rows, ...file } = await listWorkbook('TC görüntüleme kaydı', ctx.today(), columns, (function* () {
      for (const e of entries) yield [day.format(new Date(e.at)), time.format(new Date(e.at)), e.user, e.person, e.association, e.purpose];
    })());
    return file;
  },
};
