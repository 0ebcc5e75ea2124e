import type { AccessEvent, RevealEntry, SessionUser, UserRole, UserRow } from '../../shared/contract/users';
import type { OpenDatabase } from '../open';

// Accounts, the access log and the reveal log (issue #16): local tables of this installation, never synced.

export interface StoredUser extends UserRow {
  usernameKey: string;
  passwordHash: string;
  failedAttempts: number;
}

const USER_COLUMNS = `id, username, username_key AS usernameKey, display_name AS displayName, role, password_hash AS passwordHash,
  created_at AS createdAt, disabled_at AS disabledAt, last_sign_in_at AS lastSignInAt, locked_until AS lockedUntil,
  failed_attempts AS failedAttempts`;

export function countUsers(db: OpenDatabase): number {
  return (db.stmt('SELECT count(*) AS n FROM users').get() as { n: number }).n;
}

export function userByKey(db: OpenDatabase, usernameKey: string): StoredUser | null {
  return (db.stmt(`SELECT ${USER_COLUMNS} FROM users WHERE username_key = ?`).get(usernameKey) as StoredUser | undefined) ?? null;
}

export function userById(db: OpenDatabase, id: number): StoredUser | null {
  return (db.stmt(`SELECT ${USER_COLUMNS} FROM users WHERE id = ?`).get(id) as StoredUser | undefined) ?? null;
}

/** Every account, administrators first, then by name in Turkish order. */
export function listUsers(db: OpenDatabase): StoredUser[] {
  const rank = { admin: 0, specialist: 1, viewer: 2 } as const;
  const rows = db.stmt(`SELECT ${USER_COLUMNS} FROM users`).all() as StoredUser[];
  const collator = new Intl.Collator('tr-TR');
  return rows.sort((a, b) => rank[a.role] - rank[b.role] || collator.compare(a.displayName, b.displayName));
}

export function countEnabledAdmins(db: OpenDatabase): number {
  return (db.stmt("SELECT count(*) AS n FROM users WHERE role = 'admin' AND disabled_at IS NULL").get() as { n: number }).n;
}

export function insertUser(
  db: OpenDatabase,
  user: { username: string; usernameKey: string; displayName: string; role: UserRole; passwordHash: string; at: string; createdBy: number | null },
): number {
  const result = db
    .stmt(
      `INSERT INTO users (username, username_key, display_name, role, password_hash, created_at, created_by, password_changed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(user.username, user.usernameKey, user.displayName, user.role, user.passwordHash, user.at, user.createdBy, user.at);
  return Number(result.lastInsertRowid);
}

export function updateUser(db: OpenDatabase, id: number, change: { displayName?: string; role?: UserRole; disabledAt?: string | null }): void {
  if (change.displayName !== undefined) db.stmt('UPDATE users SET display_name = ? WHERE id = ?').run(change.displayName, id);
  if (change.role !== undefined) db.stmt('UPDATE users SET role = ? WHERE id = ?').run(change.role, id);
  if (change.disabledAt !== undefined) db.stmt('UPDATE users SET disabled_at = ? WHERE id = ?').run(change.disabledAt, id);
}

export function setPassword(db: OpenDatabase, id: number, passwordHash: string, at: string): void {
  db.stmt('UPDATE users SET password_hash = ?, password_changed_at = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?').run(passwordHash, at, id);
}

export function recordFailure(db: OpenDatabase, id: number, failedAttempts: number, lockedUntil: string | null): void {
  db.stmt('UPDATE users SET failed_attempts = ?, locked_until = ? WHERE id = ?').run(failedAttempts, lockedUntil, id);
}

export function recordSignIn(db: OpenDatabase, id: number, at: string): void {
  db.stmt('UPDATE users SET failed_attempts = 0, locked_until = NULL, last_sign_in_at = ? WHERE id = ?').run(at, id);
}

export function logAccess(db: OpenDatabase, at: string, event: AccessEvent, userId: number | null, subjectId: number | null = null): void {
  db.stmt('INSERT INTO access_log (at, user_id, event, subject_id) VALUES (?, ?, ?, ?)').run(at, userId, event, subjectId);
}

export function readAccessLog(db: OpenDatabase, offset: number, limit: number): { total: number; entries: { at: string; event: AccessEvent; user: string | null; subject: string | null }[] } {
  const total = (db.stmt('SELECT count(*) AS n FROM access_log').get() as { n: number }).n;
  const entries = db
    .stmt(
      `SELECT a.at, a.event, u.display_name AS user, s.display_name AS subject
       FROM access_log a LEFT JOIN users u ON u.id = a.user_id LEFT JOIN users s ON s.id = a.subject_id
       ORDER BY a.id DESC LIMIT ? OFFSET ?`,
    )
    .all(limit, offset) as { at: string; event: AccessEvent; user: string | null; subject: string | null }[];
  return { total, entries };
}

/** The reveal log with the revealer's name and whose number (names only), newest first; all when no limit. */
export function readRevealLog(db: OpenDatabase, offset: number, limit: number | null): { total: number; entries: RevealEntry[] } {
  const total = (db.stmt('SELECT count(*) AS n FROM reveal_log').get() as { n: number }).n;
  const entries = db
    .stmt(
      `SELECT r.at, coalesce(u.display_name, r.actor_name) AS user, r.purpose, p.full_name AS person, a.name AS association
       FROM reveal_log r
       LEFT JOIN users u ON u.id = r.actor_id
       LEFT JOIN association_people p ON p.id = r.person_id
       LEFT JOIN associations a ON a.id = p.association_id
       ORDER BY r.id DESC LIMIT ? OFFSET ?`,
    )
    .all(limit ?? -1, offset) as RevealEntry[];
  return { total, entries };
}

export function logReveal(db: OpenDatabase, personId: string, at: string, user: SessionUser, purpose: string): void {
  db.stmt('INSERT INTO reveal_log (person_id, at, actor_name, actor_id, purpose) VALUES (?, ?, ?, ?, ?)').run(personId, at, user.displayName, user.id, purpose);
}

/** Puts an account from another copy of this database back with its id and password (a restore; see Backend). */
export function carryAccount(db: OpenDatabase, user: StoredUser): void {
  db.stmt(
    `INSERT INTO users (id, username, username_key, display_name, role, password_hash, created_at, password_changed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(user.id, user.username, user.usernameKey, user.displayName, user.role, user.passwordHash, user.createdAt, user.createdAt);
}
