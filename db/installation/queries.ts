import { eq } from 'drizzle-orm';
import type { Identity } from '../../shared/contract/installation';
import type { OpenDatabase } from '../open';
import { installation } from './schema';

export function readIdentity(db: OpenDatabase): Identity | null {
  const row = db.orm.select().from(installation).where(eq(installation.id, 1)).get();
  if (!row) return null;
  const { id: _id, ...identity } = row;
  return identity;
}

/** Writes the identity once; the primary key (always 1) makes a second write fail instead of replacing it. */
export function writeIdentity(db: OpenDatabase, identity: Identity): void {
  db.orm.insert(installation).values({ id: 1, ...identity }).run();
}
