import { eq } from 'drizzle-orm';
import type { OpenDatabase } from '../open';
import { localSettings } from './schema';

export function readSetting(db: OpenDatabase, key: string): string | null {
  return db.orm.select().from(localSettings).where(eq(localSettings.key, key)).get()?.value ?? null;
}

export function writeSetting(db: OpenDatabase, key: string, value: string): void {
  db.orm
    .insert(localSettings)
    .values({ key, value })
    .onConflictDoUpdate({ target: localSettings.key, set: { value } })
    .run();
}
