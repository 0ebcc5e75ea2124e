import { takeOutOwnChanges } from '../../db/sync/restore';
import { changesOf, saveSegments, signedUpTo, type Segment } from '../../db/sync/segments';
import { SYNCED_BY_NAME } from '../../db/sync/tables';
import { setNodeId } from '../../db/installation/queries';
import type { AppContext } from '../app/context';
import { signingKey } from './keys';
import { SegmentSigner } from './origins';

// A sequence number is never used twice (issue #14). An installation whose data folder went back in time —
// a backup restored in the app, a folder copied back by hand — would number its next changes again from
// where the copy stopped, although the numbers after it were already sent. So it goes on as a new
// *incarnation*: the same keys and unit under the node id `<node id>~<n>`, numbering from 1 again. Other
// installations know an incarnation by its base id and verify it with the same key; the changes of the
// earlier incarnation that the copy lost come back to it from its peers like anyone else's.

const INCARNATION = /^(.+)~(\d+)$/;

/** The node id an installation was enrolled under (its incarnations share it). */
export function baseNode(nodeId: string): string {
  return INCARNATION.exec(nodeId)?.[1] ?? nodeId;
}

export function nextIncarnation(nodeId: string): string {
  const match = INCARNATION.exec(nodeId);
  return match ? `${match[1]}~${Number(match[2]) + 1}` : `${nodeId}~2`;
}

/** Signs what is left unsigned of an origin this installation wrote, so that it travels on like any other's. */
function signRest(ctx: AppContext, origin: string): void {
  const db = ctx.db!;
  const start = signedUpTo(db, origin);
  const signer = new SegmentSigner(signingKey(ctx.options.dataDir, db.key), origin, start);
  const segments: Segment[] = [];
  for (const e of changesOf(db, origin, start)) {
    const full = signer.add(e);
    if (full) segments.push(full);
  }
  const rest = signer.finish();
  if (rest) segments.push(rest);
  saveSegments(db, segments);
}

export interface Incarnation {
  from: string;
  to: string;
  /** Changes written after the copy was made, taken out of the old numbering and written again under the new. */
  reissued: number;
}

/**
 * Continues this installation as a new incarnation, inside the caller's transaction. `reissueAfter`: when
 * the folder was copied back by hand and written to since, the old incarnation's changes numbered after it
 * (never sent from this copy) may clash with the ones its peers hold under the same numbers: they are taken
 * out and the fields they set are written again under the new incarnation, with the values the rows hold now.
 */
export function startIncarnation(ctx: AppContext, reissueAfter: number | null = null): Incarnation {
  const db = ctx.db!;
  const identity = ctx.identity!;
  const from = identity.nodeId;
  const to = nextIncarnation(from);
  const reissue = reissueAfter === null ? [] : takeOutOwnChanges(db, from, reissueAfter);
  signRest(ctx, from);
  setNodeId(db, to);
  ctx.attachWriter({ ...identity, nodeId: to });
  for (const { table, row, columns } of reissue) {
    const spec = SYNCED_BY_NAME.get(table);
    if (spec) ctx.writer!.reissue(spec, row, columns);
  }
  return { from, to, reissued: reissue.reduce((n, r) => n + r.columns.length, 0) };
}
