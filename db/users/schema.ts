import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * The people who use this installation (issue #16): accounts per installation, never synced. Staff names stay
 * where they work: another installation sees which unit wrote a change, and this one's log says who.
 */
export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** As typed at creation, for display. */
    username: text('username').notNull(),
    /** The sign-in key: Turkish lower case, trimmed (`AYŞE.YILMAZ` and `ayşe.yılmaz` are one account). */
    usernameKey: text('username_key').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: ['admin', 'specialist', 'viewer'] }).notNull(),
    /** `scrypt$N$r$p$salt$hash` (base64): a memory-hard hash, never the password. */
    passwordHash: text('password_hash').notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by'),
    /** Set when an administrator disables the account: it cannot sign in, and its name stays in the records. */
    disabledAt: text('disabled_at'),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    /** After repeated failures, no sign-in until then (ISO time). */
    lockedUntil: text('locked_until'),
    lastSignInAt: text('last_sign_in_at'),
    passwordChangedAt: text('password_changed_at').notNull(),
  },
  (t) => [uniqueIndex('users_username_key').on(t.usernameKey)],
);

/** Sign-ins, failures, locks and sign-outs, and changes to accounts: who could act here, and when. Local. */
export const accessLog = sqliteTable(
  'access_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    /** Null for a failed sign-in under a name that has no account (the name itself is not kept). */
    userId: integer('user_id'),
    event: text('event').notNull(),
    /** The account an administrator changed, for account events. */
    subjectId: integer('subject_id'),
  },
  (t) => [index('access_log_at').on(t.at)],
);
