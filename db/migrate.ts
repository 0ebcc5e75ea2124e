import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { foldTurkish } from '../shared/turkish';
import { hashLegacyPersonKey, nameKey } from './meetings/personKey';

// Applies drizzle-kit's SQL migrations. The schema version is PRAGMA user_version = number of migrations
// applied, so a database written by a newer app (a higher number than we ship) is recognised and refused.

export interface Migration {
  index: number;
  tag: string;
  statements: string[];
}

interface Journal {
  entries: { idx: number; tag: string }[];
}

export function loadMigrations(migrationsDir: string): Migration[] {
  const journalPath = path.join(migrationsDir, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8')) as Journal;
  return journal.entries
    .sort((a, b) => a.idx - b.idx)
    .map((entry) => {
      const sql = fs.readFileSync(path.join(migrationsDir, `${entry.tag}.sql`), 'utf8');
      const statements = sql
        .split('--> statement-breakpoint')
        .map((s) => s.trim())
        .filter((s) => s.replace(/--.*$/gm, '').trim().length > 0);
      return { index: entry.idx, tag: entry.tag, statements };
    });
}

export function schemaVersionOf(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies every pending migration in one transaction; all or nothing. Returns how many were applied. */
export function applyMigrations(db: Database.Database, migrations: Migration[]): number {
  const current = schemaVersionOf(db);
  const pending = migrations.slice(current);
  if (pending.length === 0) return 0;
  // What data migrations call (0016 hashes the name-based person keys, 0018 takes the organisation out of them).
  db.function('kopru_person_key', { deterministic: true }, (legacy) => hashLegacyPersonKey(String(legacy)));
  db.function('kopru_name_key', { deterministic: true }, (name) => nameKey(name));
  db.function('kopru_fold', { deterministic: true }, (text) => foldTurkish(String(text ?? '')));
  db.transaction(() => {
    for (const migration of pending) {
      for (const statement of migration.statements) db.exec(statement);
    }
    db.pragma(`user_version = ${migrations.length}`);
  })();
  return pending.length;
}
