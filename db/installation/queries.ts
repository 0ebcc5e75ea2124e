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

/**
 * Moves the installation to a new node id (a new incarnation after a restore) and restarts the numbering of
 * its changes: the new id has none yet. Inside the caller's transaction.
 */
export function setNodeId(db: OpenDatabase, nodeId: string): void {
  db.stmt('UPDATE installation SET node_id = ? WHERE id = 1').run(nodeId);
  db.stmt('UPDATE sync_clock SET last_seq = 0 WHERE id = 1').run();
}
