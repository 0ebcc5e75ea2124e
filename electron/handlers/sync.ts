import type { OpenDatabase } from '../../db/open';
import { AppError, msg } from '../../shared/contract';
import type { Conflict, syncContract } from '../../shared/contract/sync';
import { SYNCED_BY_NAME } from '../../db/sync/tables';
import type { AppContext } from '../app/context';
import { fingerprintOf } from '../app/identity';
import { ExchangeRefusal, readHeader, refusalError } from '../sync/exchangeFile';
import { referenceDataSpec } from '../../db/registry/specs';
import { acceptQuarantine, CLOCK_BOUND_ID, clockBound, listQuarantine } from '../../db/sync/quarantine';
import { custodyBoard, ledgerEntries, setCustodyDays } from '../../db/sync/custody';
import { acceptIntroduction, currentProgress, exportTo, importFile, introduce, listPeers, readIntroduction, revokePeer, unitTextOf } from '../sync/service';
import { ready } from './guards';
import type { Handlers } from './types';

interface ConflictRow {
  id: number;
  table_name: string;
  row_id: string;
  column_name: string;
  local_value: string;
  local_hlc: string;
  local_origin: string;
  remote_value: string;
  remote_hlc: string;
  remote_origin: string;
  detected_at: string;
  resolved_at: string | null;
  resolution: string | null;
  resolved_by: number | null;
}

/** The user who wrote a conflict's local value here (the change log's actor), when it was written here. */
function changeAuthor(db: OpenDatabase, row: ConflictRow): string | null {
  const found = db
    .stmt(
      `SELECT u.display_name AS n FROM change_log_runs r
       JOIN change_log c ON c.id BETWEEN r.first_id AND r.last_id
       JOIN users u ON u.id = c.actor
       WHERE r.table_name = ? AND r.row_id = ? AND c.column_name = ? AND c.hlc = ? AND c.origin_node = ? LIMIT 1`,
    )
    .get(row.table_name, row.row_id, row.column_name, row.local_hlc, row.local_origin) as { n: string } | undefined;
  return found?.n ?? null;
}

function toConflict(ctx: AppContext, row: ConflictRow): Conflict {
  const { db, identity } = ready(ctx);
  const unit = (node: string) =>
    node === identity.nodeId
      ? identity.unitName
      : ((db.stmt('SELECT unit_name AS n FROM sync_nodes WHERE node_id = ?').get(node) as { n: string } | undefined)?.n ?? null);
  const owner = db.stmt(`SELECT owner_unit AS o FROM ${row.table_name} WHERE id = ?`).get(row.row_id) as { o: string } | undefined;
  return {
    id: row.id,
    tableName: row.table_name,
    rowId: row.row_id,
    column: row.column_name,
    localValue: JSON.parse(row.local_value) as unknown,
    localHlc: row.local_hlc,
    localOrigin: row.local_origin,
    localUnit: unit(row.local_origin),
    localUser: changeAuthor(db, row),
    remoteValue: JSON.parse(row.remote_value) as unknown,
    remoteHlc: row.remote_hlc,
    remoteOrigin: row.remote_origin,
    remoteUnit: unit(row.remote_origin),
    winner: row.local_hlc > row.remote_hlc ? 'local' : 'remote',
    detectedAt: row.detected_at,
    resolvedAt: row.resolved_at,
    resolvedBy: row.resolved_by === null ? null : ((db.stmt('SELECT display_name AS n FROM users WHERE id = ?').get(row.resolved_by) as { n: string } | undefined)?.n ?? null),
    resolution: row.resolution,
    canResolve: !row.resolved_at && owner?.o === identity.unitId,
  };
}

export const syncHandlers: Handlers<keyof typeof syncContract> = {
  'sync:status': (_input, ctx) => {
    const { db, identity } = ready(ctx);
    const open = (db.stmt('SELECT count(*) AS n FROM sync_conflicts WHERE resolved_at IS NULL').get() as { n: number }).n;
    return { nodeId: identity.nodeId, fingerprint: identity.fingerprint, peers: listPeers(ctx), openConflicts: open };
  },

  'sync:introduce': (input, ctx) => introduce(ctx, input.path),

  'sync:readIntroduction': (input) => {
    const { nodeId, unitId, role, unitName, provincePlate, fingerprint } = readIntroduction(input.path);
    return { nodeId, unitId, role, unitName, provincePlate, fingerprint };
  },

  'sync:enroll': (input, ctx) => {
    const { nodeId, unitId, role, unitName, provincePlate, fingerprint, centreId } = acceptIntroduction(ctx, input.path, input.fingerprint, input.youthCentreId);
    return { nodeId, unitId, role, unitName, provincePlate, fingerprint, centreId };
  },

  'sync:inspect': (input, ctx) => {
    const { db, identity } = ready(ctx);
    try {
      const { header } = readHeader(input.path);
      const h = header as typeof header & { senderKey?: string; senderCard?: { unitName: string } };
      const peer = db.stmt('SELECT unit_name FROM sync_peers WHERE node_id = ?').get(h.sender) as { unit_name: string } | undefined;
      return {
        sender: h.sender,
        recipient: h.recipient,
        createdAt: h.createdAt,
        forThisInstallation: h.recipient === identity.nodeId,
        senderEnrolled: Boolean(peer),
        senderName: peer?.unit_name ?? h.senderCard?.unitName ?? null,
        fingerprint: h.senderKey ? fingerprintOf(h.senderKey) : null,
        welcome: Boolean(h.senderCard),
      };
    } catch (error) {
      if (error instanceof ExchangeRefusal) throw refusalError(error);
      throw error;
    }
  },

  'sync:export': (input, ctx) => exportTo(ctx, input.peerNode, input.path, input.welcome ? 'welcome' : 'changes', input.snapshot),

  'sync:import': (input, ctx) => importFile(ctx, input.path, { dryRun: input.dryRun, ...(input.welcomeFingerprint ? { welcomeFingerprint: input.welcomeFingerprint } : {}) }),

  'sync:conflicts': (input, ctx) => {
    const { db } = ready(ctx);
    const rows = db
      .stmt(`SELECT * FROM sync_conflicts ${input.includeResolved ? '' : 'WHERE resolved_at IS NULL'} ORDER BY detected_at DESC, id DESC LIMIT 1000`)
      .all() as ConflictRow[];
    return rows.map((r) => toConflict(ctx, r));
  },

  'sync:resolveConflict': (input, ctx) => {
    const { db, writer } = ready(ctx);
    const row = db.stmt('SELECT * FROM sync_conflicts WHERE id = ?').get(input.id) as ConflictRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', msg('sync.cakismaKaydiBulunamadi'));
    const conflict = toConflict(ctx, row);
    if (row.resolved_at) throw new AppError('CONFLICT', msg('sync.buCakismaZatenCozulmus'));
    if (!conflict.canResolve) throw new AppError('FORBIDDEN', msg('sync.buKayitBaskaBir'));
    const spec = SYNCED_BY_NAME.get(row.table_name);
    if (!spec) throw new AppError('NOT_FOUND', msg('sync.cakisanTabloBuSurumde'));
    db.sqlite.transaction(() => {
      const value = JSON.parse(input.keep === 'local' ? row.local_value : row.remote_value) as unknown;
      writer.update(spec, row.row_id, { [row.column_name]: value }, { force: true });
      db.stmt('UPDATE sync_conflicts SET resolved_at = ?, resolution = ?, resolved_by = ? WHERE id = ?').run(new Date(ctx.now()).toISOString(), input.keep, ctx.session.current()?.id ?? null, input.id);
    })();
    return toConflict(ctx, db.stmt('SELECT * FROM sync_conflicts WHERE id = ?').get(input.id) as ConflictRow);
  },

  'sync:ledger': (input, ctx) => ledgerEntries(ready(ctx).db, input.limit),
  'sync:custody': (_input, ctx) => custodyBoard(ready(ctx).db, ctx.now()),
  'sync:setCustodyDays': (input, ctx) => ({ days: setCustodyDays(ready(ctx).db, input.days) }),
  'sync:revoke': (input, ctx) => revokePeer(ctx, input.peerNode),
  'sync:clockBound': (_input, ctx) => clockBound(ready(ctx).db),
  'sync:setClockBound': (input, ctx) => {
    const { db, writer, identity } = ready(ctx);
    db.sqlite.transaction(() => {
      const value = JSON.stringify({ maxAheadHours: input.maxAheadHours });
      if (db.stmt('SELECT id FROM reference_data WHERE id = ?').get(CLOCK_BOUND_ID)) writer.update(referenceDataSpec, CLOCK_BOUND_ID, { value, deleted_at: null });
      else writer.insert(referenceDataSpec, identity.unitId, { value }, CLOCK_BOUND_ID);
    })();
    return clockBound(db);
  },
  'sync:quarantine': (_input, ctx) => {
    const { db } = ready(ctx);
    return listQuarantine(db).map(({ peerNode: _peer, ...row }) => {
      const unit = unitTextOf(ctx, row.originNode);
      return { ...row, unitName: unit.message, unit };
    });
  },
  'sync:acceptQuarantine': (input, ctx) => {
    const { db } = ready(ctx);
    const at = new Date(ctx.now()).toISOString();
    if (!acceptQuarantine(db, input.id, at)) throw new AppError('NOT_FOUND', msg('sync.bekletilenDegisiklikKaydiBulunamadi'));
    return { id: input.id, acceptedAt: at };
  },
  'sync:progress': (_input, ctx) => currentProgress(ctx),
};
