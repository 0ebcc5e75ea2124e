import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError, keyedText, listOf, msg, renderMsg, type KeyedText, type Msg } from '../../shared/contract';
import type { Identity } from '../../shared/contract/installation';
import type { Role } from '../../shared/contract';
import { ChangeApplier, ChangeConflict, localVector, type ApplyReport, type Vector } from '../../db/sync/engine';
import { parseHlc } from '../../db/changeLog/hlc';
import { acceptedAhead, clearQuarantine, clockBoundMs, recordQuarantine } from '../../db/sync/quarantine';
import { changesOf, saveSegments, segmentsAfter, signedUpTo, type Segment } from '../../db/sync/segments';
import {
  backfillChanges, boundCentre, buildScope, outOfScopeRows, pendingForChild, countBackfill, scopedChanges, countScoped, dropScope, exitedRows, forgetExitedRows, hasSentRows, markBackfill, purgeRows, recordSentRows, seedSentRows,
  type ChangeRow, type ScopeExit, type ScopeHolder,
} from '../../db/sync/scope';
import { ATTACHMENT_TABLES, SYNCED_BY_NAME, syncNodesSpec } from '../../db/sync/tables';
import { eraseRemoved } from '../../db/sync/erasure';
import { receiptsFor, recordReceipts } from '../../db/sync/custody';
import { youthCentresSpec } from '../../db/orgUnits/queries';
import type { AppContext } from '../app/context';
import { readSetting, writeSetting } from '../../db/settings/queries';
import { breather } from '../app/jobs';
import { fingerprintOf } from '../app/identity';
import { blobPath, readBlob, writeBlob } from '../registry/files';
import { ExchangeRefusal, fileSha256, refusalError, readExchange, readHeader, verifySignature, writeExchangeFile } from './exchangeFile';
import { boxKeyPair, ed25519Public, signingKey } from './keys';
import { baseNode, startIncarnation } from './incarnation';
import { SegmentSigner, segmentSignatureValid } from './origins';
import { normaliseFingerprint } from '../../shared/sync/fingerprint';

// Enrolment, export and import of exchange files: the part of Köprü that must never lose or corrupt data.
// Every import is verified in full before it is applied, applied in one transaction, and recorded.

export const CLOCK_DRIFT_LIMIT_MS = 60 * 60 * 1000;

export interface NodeCard {
  nodeId: string;
  unitId: string;
  role: Role;
  unitName: string;
  provincePlate: string | null;
  signPublicKey: string;
  boxPublicKey: string;
}

interface Ready {
  ctx: AppContext;
  identity: Identity;
}

function ready(ctx: AppContext): Ready {
  if (!ctx.db || !ctx.identity || !ctx.writer) throw new AppError('NOT_INITIALISED');
  return { ctx, identity: ctx.identity };
}

export function myCard(ctx: AppContext): NodeCard {
  const { identity } = ready(ctx);
  return {
    nodeId: identity.nodeId,
    unitId: identity.unitId,
    role: identity.role,
    unitName: identity.unitName,
    provincePlate: identity.provincePlate,
    signPublicKey: identity.publicKey,
    boxPublicKey: boxKeyPair(ctx.options.dataDir, ctx.db!.key).publicKey,
  };
}

/** Who may exchange with whom: a youth centre with its province, a province with the ministry. */
export function isParentOf(parent: Pick<NodeCard, 'role' | 'provincePlate'>, child: Pick<NodeCard, 'role' | 'provincePlate'>): boolean {
  if (parent.role === 'ministry') return child.role === 'province';
  if (parent.role === 'province') return child.role === 'youth-center' && child.provincePlate === parent.provincePlate;
  return false;
}

function canExchange(a: NodeCard | Identity, b: NodeCard): boolean {
  const me = { role: a.role, provincePlate: a.provincePlate };
  return isParentOf(me, b) || isParentOf(b, me);
}

// ---------------------------------------------------------------------------------------------- enrolment

const INTRO_KIND = 'kopru-introduction';

/**
 * The signed text of an introduction. Version 2 adds a youth centre's district, so that its province can
 * find or create the centre's record when it enrols it; version 1 files are still read.
 */
function canonicalCard(card: NodeCard & { createdAt: string; districtName?: string | null }, version = 2): Buffer {
  const { nodeId, unitId, role, unitName, provincePlate, signPublicKey, boxPublicKey, createdAt } = card;
  const base = { kind: INTRO_KIND, version, nodeId, unitId, role, unitName, provincePlate, signPublicKey, boxPublicKey, createdAt };
  return Buffer.from(JSON.stringify(version >= 2 ? { ...base, districtName: card.districtName ?? null } : base));
}

function atomicWrite(target: string, content: string | Buffer): void {
  if (fs.existsSync(target)) throw new AppError('CONFLICT', msg('sync.buAdlaBirDosya', { value: path.basename(target) }));
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const temp = `${target}.${crypto.randomBytes(6).toString('hex')}.part`;
  fs.writeFileSync(temp, content, { flag: 'wx' });
  fs.renameSync(temp, target);
}

/** Writes this installation's introduction (public keys and unit; no personal data), self-signed. */
export function introduce(ctx: AppContext, out: string): { file: string; fingerprint: string } {
  const card = { ...myCard(ctx), districtName: ctx.identity!.districtName ?? null, createdAt: new Date(ctx.now()).toISOString() };
  const signature = crypto.sign(null, canonicalCard(card), signingKey(ctx.options.dataDir, ctx.db!.key)).toString('base64');
  atomicWrite(out, JSON.stringify({ kind: INTRO_KIND, version: 2, ...card, signature }, null, 2) + '\n');
  ledger(ctx, 'introduce', null, out, null, 'ok', {});
  return { file: out, fingerprint: fingerprintOf(card.signPublicKey) };
}

export function readIntroduction(file: string): NodeCard & { fingerprint: string; districtName: string | null } {
  let parsed: NodeCard & { kind?: string; version?: number; createdAt: string; signature: string; districtName?: string | null };
  try {
    const text = fs.readFileSync(file, 'utf8');
    if (text.length > 64 * 1024) throw new Error('too big');
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    throw new AppError('VALIDATION', msg('sync.buBirKopruTanitim'));
  }
  if (parsed.kind !== INTRO_KIND) throw new AppError('VALIDATION', msg('sync.buBirKopruTanitim2'));
  let ok: boolean;
  try {
    ok = crypto.verify(null, canonicalCard(parsed, parsed.version === 1 ? 1 : 2), ed25519Public(parsed.signPublicKey), Buffer.from(parsed.signature, 'base64'));
  } catch {
    ok = false;
  }
  if (!ok) throw new AppError('VALIDATION', msg('sync.tanitimDosyasininImzasiTutmuyor'));
  const { nodeId, unitId, role, unitName, provincePlate, signPublicKey, boxPublicKey } = parsed;
  return { nodeId, unitId, role, unitName, provincePlate, signPublicKey, boxPublicKey, fingerprint: fingerprintOf(signPublicKey), districtName: parsed.districtName ?? null };
}

function addPeer(ctx: AppContext, card: NodeCard, centreId: string | null = null): void {
  const db = ctx.db!;
  db.sqlite.transaction(() => {
    db.stmt(
      `INSERT INTO sync_peers (node_id, unit_id, role, unit_name, sign_public_key, box_public_key, fingerprint, enrolled_at, acked_vector)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, '{}')
       ON CONFLICT(node_id) DO UPDATE SET sign_public_key = excluded.sign_public_key, box_public_key = excluded.box_public_key, unit_name = excluded.unit_name`,
    ).run(card.nodeId, card.unitId, card.role, card.unitName, card.signPublicKey, card.boxPublicKey, fingerprintOf(card.signPublicKey), new Date(ctx.now()).toISOString());
    // Vouch for the peer in the synced node directory, so installations further away accept its changes.
    const id = `${ctx.identity!.nodeId}:${card.nodeId}`;
    const exists = db.stmt('SELECT id FROM sync_nodes WHERE id = ?').get(id);
    if (!exists) {
      ctx.writer!.insert(syncNodesSpec, ctx.identity!.unitId, {
        node_id: card.nodeId, unit_id: card.unitId, role: card.role, unit_name: card.unitName, province_plate: card.provincePlate,
        sign_public_key: card.signPublicKey, box_public_key: card.boxPublicKey, centre_id: centreId,
      }, id);
    }
  })();
}

/**
 * The parent revokes an enrolled child's key: its vouch for the child records the last of the child's changes
 * held here, and every installation the vouch reaches refuses the child's changes numbered after it. The unit
 * goes on with a new installation (new keys, new node id), enrolled again.
 */
export function revokePeer(ctx: AppContext, nodeId: string): { nodeId: string; unitName: string; revokedAfterSeq: number } {
  const { identity } = ready(ctx);
  const db = ctx.db!;
  const p = peer(ctx, nodeId);
  if (!p) throw new AppError('NOT_FOUND', msg('sync.buKurulumKayitliBir'));
  if (!isParentOf(identity, { role: p.role, provincePlate: (db.stmt('SELECT province_plate AS p FROM sync_nodes WHERE node_id = ? LIMIT 1').get(nodeId) as { p: string | null } | undefined)?.p ?? null })) {
    throw new AppError('FORBIDDEN', msg('sync.birKurulumunAnahtariniYalnizca'));
  }
  // The vouch was written when the peer was enrolled, under this installation's node id of that time.
  const vouch = [`${identity.nodeId}:${p.node_id}`, `${baseNode(identity.nodeId)}:${p.node_id}`].find((id) => db.stmt('SELECT 1 FROM sync_nodes WHERE id = ?').get(id)) ?? '';
  const row = db.stmt('SELECT revoked_after_seq AS r FROM sync_nodes WHERE id = ?').get(vouch) as { r: number | null } | undefined;
  if (!row) throw new AppError('NOT_FOUND', msg('sync.buKurulumunKaydiKefil'));
  if (row.r !== null) throw new AppError('CONFLICT', msg('sync.unitNameKurulumununAnahtari', { unit_name: p.unit_name, r: String(row.r) }));
  const held = (db.stmt('SELECT coalesce(max(seq), 0) AS n FROM change_log WHERE origin_node = ?').get(p.node_id) as { n: number }).n;
  db.sqlite.transaction(() => ctx.writer!.update(syncNodesSpec, vouch, { revoked_after_seq: held }))();
  return { nodeId: p.node_id, unitName: p.unit_name, revokedAfterSeq: held };
}

/**
 * The youth centre record a youth-centre installation is bound to when its province enrols it: the one the
 * clerk picked (a centre of this province no other installation is bound to), or the one of its name in its
 * district, created if the list has none.
 */
function centreFor(ctx: AppContext, card: NodeCard & { districtName: string | null }, youthCentreId: string | undefined): string {
  const db = ctx.db!;
  const plate = ctx.identity!.provincePlate!;
  const field = (message: Msg) => new AppError('VALIDATION', message, [{ path: 'youthCentreId', label: 'Gençlik merkezi', message }]);
  let id = youthCentreId;
  if (id) {
    const row = db.stmt('SELECT province_plate AS plate, deleted_at AS gone FROM youth_centres WHERE id = ?').get(id) as { plate: string; gone: string | null } | undefined;
    if (!row || row.gone) throw field(msg('sync.secilenGenclikMerkeziBulunamadi'));
    if (row.plate !== plate) throw field(msg('sync.secilenGenclikMerkeziBu'));
  } else {
    const district = db.stmt('SELECT id FROM districts WHERE plate = ? AND name = ?').get(plate, card.districtName ?? '') as { id: string } | undefined;
    if (!district) throw field(msg('sync.kurulumunIlcesiBuIlde'));
    const same = db.stmt('SELECT id FROM youth_centres WHERE province_plate = ? AND district_id = ? AND name = ? AND deleted_at IS NULL').get(plate, district.id, card.unitName) as { id: string } | undefined;
    id = same?.id ?? String(ctx.writer!.insert(youthCentresSpec, ctx.identity!.unitId, {
      province_plate: plate, district_id: district.id, name: card.unitName, address: null, phone: null, email: null, hall_capacity: null, status: 'active',
    }).id);
  }
  const taken = db.stmt("SELECT unit_name AS name FROM sync_nodes WHERE centre_id = ? AND node_id <> ? AND deleted_at IS NULL AND revoked_after_seq IS NULL LIMIT 1").get(id, card.nodeId) as { name: string } | undefined;
  if (taken) throw field(msg('sync.buGenclikMerkezineZaten', { name: taken.name }));
  return id;
}

/** The parent accepts a child's introduction after a person compared the fingerprint. */
export function acceptIntroduction(ctx: AppContext, file: string, fingerprint: string, youthCentreId?: string): NodeCard & { fingerprint: string; centreId: string | null } {
  const { identity } = ready(ctx);
  const card = readIntroduction(file);
  if (normaliseFingerprint(fingerprint) !== normaliseFingerprint(card.fingerprint)) {
    throw new AppError('VALIDATION', msg('sync.parmakIziEslesmiyorDosyadaki', { fingerprint: card.fingerprint }));
  }
  if (card.nodeId === identity.nodeId) throw new AppError('CONFLICT', msg('sync.buBuKurulumunKendi'));
  if (!isParentOf(identity, card)) {
    throw new AppError('FORBIDDEN', msg('sync.buKurulumBuBirimi'));
  }
  let centreId: string | null = null;
  ctx.db!.sqlite.transaction(() => {
    // A youth centre's installation is bound to its record in this province's list (picked or created here).
    if (card.role === 'youth-center') centreId = centreFor(ctx, card, youthCentreId);
    addPeer(ctx, card, centreId);
    ledger(ctx, 'enroll', card.nodeId, file, null, 'ok', { unit: card.unitName, centreId });
  })();
  return { ...card, centreId };
}

/**
 * The centre a youth-centre unit is bound to, as its province vouched (null: none, or not a youth centre).
 * Only the province's own vouch counts.
 */
export function centreOfUnit(ctx: AppContext, unit: string): string | null {
  return boundCentre(ctx.db!, unit);
}


// ---------------------------------------------------------------------------------------------- export

/** An enrolled peer, by its node id or that of any of its incarnations. */
function peer(ctx: AppContext, nodeId: string) {
  return ctx.db!.stmt('SELECT * FROM sync_peers WHERE node_id IN (?, ?)').get(nodeId, baseNode(nodeId)) as
    | {
        node_id: string; unit_id: string; role: Role; unit_name: string; sign_public_key: string; box_public_key: string; fingerprint: string; acked_vector: string;
        last_sent_at: string | null; last_received_at: string | null; last_file_created_at: string | null; enrolled_at: string;
        exports_written: number; exports_confirmed: number; imports_applied: number; imports_applied_at: string | null;
      }
    | undefined;
}

/** The changes of this installation and its children that a parent holding `acked` has not got: its next file's. */
export function pendingForParent(ctx: AppContext, acked: Vector, vector: Vector = localVector(ctx.db!)): number {
  return Object.entries(vector).reduce((n, [origin, seq]) => n + (inSubtree(ctx, origin) ? Math.max(0, seq - (acked[origin] ?? 0)) : 0), 0);
}

export function listPeers(ctx: AppContext) {
  const db = ready(ctx).ctx.db!;
  const rows = db.stmt('SELECT * FROM sync_peers ORDER BY enrolled_at').all() as NonNullable<ReturnType<typeof peer>>[];
  const vector = localVector(db);
  // What the next file would carry: to a child, the changes of its scope it has not got (not its own); to the
  // parent, the changes of this installation and its children that the parent has not got.
  const pending = (p: (typeof rows)[number]): number => {
    const acked = JSON.parse(p.acked_vector) as Vector;
    if (holderOfChild(ctx, p)) return pendingForChild(db, p.node_id, acked, vector, (origin) => baseNode(origin) === baseNode(p.node_id));
    return pendingForParent(ctx, acked, vector);
  };
  return rows.map((p) => ({
    nodeId: p.node_id,
    unitId: p.unit_id,
    unitName: p.unit_name,
    role: p.role,
    fingerprint: p.fingerprint,
    enrolledAt: p.enrolled_at,
    lastSentAt: p.last_sent_at,
    lastReceivedAt: p.last_received_at,
    pendingChanges: pending(p),
    revokedAfterSeq:
      (db.stmt('SELECT revoked_after_seq AS r FROM sync_nodes WHERE id = ?').get(`${ctx.identity!.nodeId}:${p.node_id}`) as { r: number | null } | undefined)?.r ??
      (db.stmt('SELECT revoked_after_seq AS r FROM sync_nodes WHERE id = ?').get(`${baseNode(ctx.identity!.nodeId)}:${p.node_id}`) as { r: number | null } | undefined)?.r ??
      null,
  }));
}

export interface ExportResult {
  file: string;
  bytes: number;
  sha256: string;
  changes: number;
  blobs: number;
  tables: Record<string, number>;
}

export async function exportTo(ctx: AppContext, peerNode: string, out: string, kind: 'changes' | 'welcome' = 'changes', fullSnapshot = false): Promise<ExportResult> {
  const progress: SyncProgress = { operation: 'export', phase: 'verify', done: 0, total: 0 };
  return withProgress(ctx, progress, (check) => writeFileFor(ctx, peerNode, out, kind, fullSnapshot, progress, check));
}

async function writeFileFor(
  ctx: AppContext, peerNode: string, out: string, kind: 'changes' | 'welcome', fullSnapshot: boolean, progress: SyncProgress, check: () => Promise<void>,
): Promise<ExportResult> {
  const { identity } = ready(ctx);
  const db = ctx.db!;
  const p = peer(ctx, peerNode);
  if (!p) throw new AppError('NOT_FOUND', msg('sync.buKurulumKayitliBir2'));
  if (fs.existsSync(out)) {
    const message = msg('sync.buAdlaBirDosya2', { value: path.basename(out) });
    throw new AppError('CONFLICT', message, [{ path: 'path', label: 'Dosya', message }]);
  }
  try {
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  } catch {
    const message = msg('sync.dosyaninKlasoruOlusturulamadiKlasor');
    throw new AppError('VALIDATION', message, [{ path: 'path', label: 'Dosya', message }]);
  }
  const acked: Vector = fullSnapshot ? {} : (JSON.parse(p.acked_vector) as Vector);
  const vector = localVector(db);
  const self = identity.nodeId;
  const exportNo = p.exports_written + 1;
  const createdAt = new Date(ctx.now()).toISOString();
  const tables: Record<string, number> = {};
  let changes = 0;
  let blobs = 0;
  const dataDir = ctx.options.dataDir;
  const key = signingKey(dataDir, db.key);
  const newSegments: Segment[] = [];
  const hashes = new Set<string>();
  // A plain function per change (an async generator per change cost a promise each: ~0.5 s a million).
  const change = (e: { table: string; row: string; column: string; value: string; hlc: string; origin: string; seq: number; base: string | null }) => {
    progress.done = ++changes;
    tables[e.table] = (tables[e.table] ?? 0) + 1;
    if (ATTACHMENT_TABLES.has(e.table) && e.column === 'sha256') hashes.add(JSON.parse(e.value) as string);
    return { t: 'c', table: e.table, row: e.row, column: e.column, value: e.value, hlc: e.hlc, origin: e.origin, seq: e.seq, base: e.base };
  };
  const manifest = {
    t: 'manifest', format: 2, kind, schemaVersion: db.schemaVersion, sender: myCard(ctx), recipient: p.node_id, createdAt, vector,
    // This file's number for the peer, and a receipt for the newest of its files applied here; `files`: each
    // of its files applied here lately (SHA-256, when), for its ledger (db/sync/custody.ts).
    exportNo, received: { exportNo: p.imports_applied, at: p.imports_applied_at, files: receiptsFor(db, p.node_id, p.exports_confirmed) },
    // The recipient's own segments as held here: a recipient whose database went back in time finds out.
    yours: Object.fromEntries(
      incarnationsOf(db, p.node_id).map((origin) => [origin, segmentsAfter(db, origin, 0).map((g) => [g.first, g.last, g.digest])]),
    ),
  };
  // Down to a child: only what is in its scope (shared/sync/scope.ts), with this installation's word for it.
  // Up to the parent: whole signed segments of this installation's own changes and its children's.
  const holder = holderOfChild(ctx, p);
  let scope: ScopedPlan | null = null;
  let upTo: Vector | null = null;
  let body: () => AsyncGenerator<unknown[]>;
  if (holder) {
    // This installation signs its own changes before it sends any, as for its parent (the segments stay
    // here): what it has signed is what a peer can hold of it, which tells it when its folder went back in time.
    const signed = signedUpTo(db, self);
    if ((vector[self] ?? 0) > signed) {
      const signer = new SegmentSigner(key, self, signed);
      for (const e of changesOf(db, self, signed, vector[self])) {
        const full = signer.add(e);
        if (full) newSegments.push(full);
      }
      const rest = signer.finish();
      if (rest) newSegments.push(rest);
    }
    scope = planScoped(ctx, p, holder, acked, vector, fullSnapshot);
    Object.assign(manifest, { scoped: true, window: { from: scope.from, to: scope.to }, changes: scope.total });
    Object.assign(progress, { phase: 'write', total: scope.total });
    body = () => scopedBody(ctx, scope!, change, check);
  } else {
    // Each origin's changes go as whole signed segments: from the one holding the first change the peer lacks
    // (it skips what it holds, and checks it is the same), to the last this installation holds signed. This
    // installation signs its own changes not yet in a segment as it writes them.
    const plan = Object.keys(vector).sort().filter((origin) => inSubtree(ctx, origin)).map((origin) => {
      const segments = segmentsAfter(db, origin, acked[origin] ?? 0);
      const signed = signedUpTo(db, origin);
      // Sent: the segments, then (only this installation's own) every change after the last signed one.
      return { origin, segments, signed };
    });
    // Every origin goes up to the last change held here: whole segments, and this installation's unsigned tail.
    upTo = Object.fromEntries(plan.map(({ origin }) => [origin, vector[origin] ?? 0]));
    // How many changes the file carries, for the progress of both ends: whole segments, and this installation's
    // own unsigned tail (an origin's seqs have no holes). Counted from the numbers, not by a pass over the rows.
    const total = plan.reduce(
      (n, { origin, segments, signed }) => n + segments.reduce((m, g) => m + g.last - g.first + 1, 0) + (origin === self ? Math.max(0, (vector[origin] ?? 0) - signed) : 0),
      0,
    );
    Object.assign(manifest, { changes: total });
    Object.assign(progress, { phase: 'write', total });
    body = async function* () {
      // Lines go out in batches of BATCH changes (one promise per batch, not per line); between batches a
      // cancelled export stops, and its file's temporary copy is removed with nothing else written.
      let batch: unknown[] = [];
      for (const { origin, segments, signed } of plan) {
        for (const segment of segments) {
          for (const e of changesOf(db, origin, segment.first - 1, segment.last)) {
            batch.push(change(e));
            if (batch.length < BATCH) continue;
            yield batch;
            batch = [];
            await check();
          }
          batch.push({ t: 's', origin, first: segment.first, last: segment.last, signature: segment.signature });
        }
        if (origin !== self) continue;
        // This installation's own changes not signed yet: signed here, in segments of at most SEGMENT_MAX_CHANGES.
        const signer = new SegmentSigner(key, origin, signed);
        const line = (segment: Segment) => {
          newSegments.push(segment);
          return { t: 's', origin, first: segment.first, last: segment.last, signature: segment.signature };
        };
        for (const e of changesOf(db, origin, signed)) {
          const full = signer.add(e);
          batch.push(change(e));
          if (full) batch.push(line(full));
          if (batch.length < BATCH) continue;
          yield batch;
          batch = [];
          await check();
        }
        const rest = signer.finish();
        if (rest) batch.push(line(rest));
      }
      if (batch.length > 0) yield batch;
    };
  }
  const lines = (async function* () {
    yield manifest;
    yield* body();
    for (const sha of hashes) {
      if (!fs.existsSync(blobPath(dataDir, sha))) continue;
      blobs++;
      yield { t: 'b', sha256: sha, data: readBlob(dataDir, ctx.db!.key, sha).toString('base64') };
    }
    yield { t: 'end', changes, blobs };
  })();
  const written = await writeExchangeFile(out, {
    header: { sender: identity.nodeId, recipient: p.node_id, createdAt, senderKey: identity.publicKey, ...(kind === 'welcome' ? { senderCard: myCard(ctx) } : {}) } as never,
    recipientBoxKey: p.box_public_key,
    signingKey: key,
    lines,
  });
  db.sqlite.transaction(() => {
    // Signed once: every later file passes the same segments on, and so does every installation relaying them.
    saveSegments(db, newSegments);
    db.stmt('UPDATE sync_peers SET last_sent_at = ?, exports_written = ? WHERE node_id = ?').run(createdAt, exportNo, p.node_id);
    if (scope) recordSentRows(db, p.node_id, exportNo);
    // `upTo`: how far each origin's changes reach in a file to the parent (the home page tells from it which
    // file took a step up, and what no file has carried yet).
    ledger(ctx, 'export', p.node_id, out, written.sha256, 'ok', { changes, blobs, tables, ...(upTo ? { upTo } : {}) }, exportNo);
  })();
  dropScope(db);
  return { file: out, bytes: written.bytes, sha256: written.sha256, changes, blobs, tables };
}

/** Changes per batch handed to the file writer (one promise per batch, not per line). */
const BATCH = 1024;

/** Set once this installation has removed what it held outside its scope (see removeOutOfScope). */
const SCOPE_CLEANED = 'sync.scopeCleanedAt';

/** This installation's own scope, as its parent would cut it. */
function ownHolder(ctx: AppContext): ScopeHolder | null {
  const identity = ctx.identity!;
  if (identity.role === 'province') return { role: 'province', unit: identity.unitId, plate: identity.provincePlate, centreId: null };
  if (identity.role === 'youth-center') return { role: 'youth-center', unit: identity.unitId, plate: identity.provincePlate, centreId: boundCentre(ctx.db!, identity.unitId) };
  return null;
}

/**
 * Removes every row this installation holds outside its own scope (an installation enrolled before scopes
 * was sent the whole country), with a destruction record each; its own rows and what they refer to stay.
 */
function removeOutOfScope(ctx: AppContext, own: (origin: string) => boolean, source: string): { removed: Record<string, number>; blobs: string[] } {
  const db = ctx.db!;
  const holder = ownHolder(ctx);
  if (!holder) return { removed: {}, blobs: [] };
  buildScope(db, holder);
  const rows = outOfScopeRows(db);
  dropScope(db);
  const { removed, blobs } = purgeRows(db, rows, own, 'kapsam dışında (sürüm yükseltmesi)', source, new Date(ctx.now()).toISOString(), ctx.writer!.env);
  writeSetting(db, SCOPE_CLEANED, new Date(ctx.now()).toISOString());
  return { removed, blobs };
}

/** What this installation holds of a child, if `p` is one (a file for it is cut to its scope); else null. */
function holderOfChild(ctx: AppContext, p: { node_id: string; role: Role; unit_id: string }): ScopeHolder | null {
  const identity = ctx.identity!;
  if (identity.role === 'ministry' && p.role === 'province') return { role: 'province', unit: p.unit_id, plate: p.unit_id.replace(/^province:/, ''), centreId: null };
  if (identity.role === 'province' && p.role === 'youth-center') {
    const vouch = ctx.db!.stmt('SELECT centre_id AS c FROM sync_nodes WHERE node_id = ? AND owner_unit = ? AND deleted_at IS NULL').get(p.node_id, identity.unitId) as { c: string | null } | undefined;
    return { role: 'youth-center', unit: p.unit_id, plate: identity.provincePlate, centreId: vouch?.c ?? null };
  }
  return null;
}

/** Whether an origin is this installation or a child it enrolled (any incarnation): what it sends its parent. */
function inSubtree(ctx: AppContext, origin: string): boolean {
  const identity = ctx.identity!;
  if (baseNode(origin) === baseNode(identity.nodeId)) return true;
  const child = ctx.db!.stmt('SELECT role FROM sync_peers WHERE node_id = ?').get(baseNode(origin)) as { role: Role } | undefined;
  return child !== undefined && isParentOf(identity, { role: child.role, provincePlate: identity.provincePlate });
}

interface ScopedPlan {
  peer: string;
  /** Per origin, the window the file covers: after `from`, up to `to`. */
  from: Vector;
  to: Vector;
  origins: string[];
  exits: ScopeExit[];
  total: number;
  /** The child is sent its whole scope (a welcome or a full snapshot): every row whole, the window empty. */
  everything: boolean;
}

/**
 * Plans a file for a child: its scope (temp.sync_scope), the rows it must be sent whole (temp.sync_backfill),
 * the window of each origin's changes, and the rows that left its scope.
 */
function planScoped(ctx: AppContext, p: { node_id: string; exports_confirmed: number }, holder: ScopeHolder, acked: Vector, vector: Vector, fullSnapshot: boolean): ScopedPlan {
  const db = ctx.db!;
  buildScope(db, holder);
  const everything = Object.keys(acked).length === 0;
  // A child enrolled before scopes was sent everything: what it holds is taken as sent.
  if (!everything && !hasSentRows(db, p.node_id)) seedSentRows(db, p.node_id);
  // Its whole scope, to a child that holds nothing known here: each row whole through its runs, so the cost
  // follows the scope, not the national change log a window from zero would read through.
  markBackfill(db, p.node_id, everything ? -1 : p.exports_confirmed);
  // Every origin, the child's own included: after a restore, its earlier incarnation's lost changes come back.
  const origins = everything ? [] : Object.keys(vector).sort().filter((o) => (vector[o] ?? 0) > (acked[o] ?? 0));
  const from: Vector = {};
  const to: Vector = {};
  for (const o of Object.keys(vector)) {
    from[o] = everything ? vector[o]! : (acked[o] ?? 0);
    to[o] = vector[o]!;
  }
  const exits = fullSnapshot ? [] : exitedRows(db, p.node_id);
  return { peer: p.node_id, from, to, origins, exits, everything, total: countScoped(db, origins.map((o) => [o, from[o]!, to[o]!] as const)) + countBackfill(db) };
}

/**
 * The lines of a file for a child: changes of rows entering its scope (whole: the child's coverage may reach
 * past `from` if a file it has not reported on yet covered them while they were out of its scope), the
 * window's changes of the other rows, rows leaving.
 */
async function* scopedBody(ctx: AppContext, plan: ScopedPlan, change: (e: ChangeRow) => unknown, check: () => Promise<void>): AsyncGenerator<unknown[]> {
  const db = ctx.db!;
  let batch: unknown[] = [];
  const whole = new Set<string>();
  for (const e of backfillChanges(db)) {
    whole.add(`${e.table}\u0000${e.row}`);
    // The child's own changes it reported holding it has (after a restore, those it lost come back).
    if (!plan.everything && baseNode(e.origin) === baseNode(plan.peer) && e.seq <= (plan.from[e.origin] ?? 0)) continue;
    batch.push(change(e));
    if (batch.length < BATCH) continue;
    yield batch;
    batch = [];
    await check();
  }
  batch.push({ t: 'window' });
  for (const origin of plan.origins) {
    const upTo = plan.to[origin]!;
    for (const e of scopedChanges(db, origin, plan.from[origin] ?? 0)) {
      if (e.seq > upTo) break;
      if (whole.has(`${e.table}\u0000${e.row}`)) continue;
      batch.push(change(e));
      if (batch.length < BATCH) continue;
      yield batch;
      batch = [];
      await check();
    }
  }
  for (const x of plan.exits) batch.push({ t: 'x', table: x.table, row: x.row });
  yield batch;
}

// ---------------------------------------------------------------------------------------------- progress

/** How far the file being written or read has got (changes of `total`); polled by the screen. */
export interface SyncProgress {
  operation: 'export' | 'import';
  phase: 'verify' | 'read' | 'apply' | 'write';
  done: number;
  total: number;
}

// Keyed by the backend's job tracker, which its writing and read-only contexts share: `sync:progress` is
// answered by the read-only one while the writing one runs the exchange.
const running = new WeakMap<object, SyncProgress>();

export function currentProgress(ctx: AppContext): SyncProgress | null {
  return running.get(ctx.jobs) ?? null;
}

/**
 * SQLite's page cache while a file is written or read, in KiB. Both stream through the change log once, so
 * the connection's large cache would only fill with pages that are not read again (an import's are dirty and
 * go to the WAL either way). Measured at 1,000,000 changes: as fast as 64 MiB, and the peak 50 MiB lower.
 */
const EXCHANGE_CACHE_KIB = 16 * 1024;

/**
 * Runs an export or import with its progress visible to currentProgress and to the backend's job status, and
 * the exchange page cache, until it ends, either way.
 */
async function withProgress<T>(ctx: AppContext, progress: SyncProgress, work: (check: () => Promise<void>) => Promise<T>): Promise<T> {
  const sqlite = ctx.db?.sqlite;
  const cache = sqlite?.pragma('cache_size', { simple: true }) as number | undefined;
  const job = ctx.jobs.current();
  running.set(ctx.jobs, progress);
  // The job's state reads the exchange's own progress object, so there is one place that counts.
  job?.follow(progress);
  try {
    sqlite?.pragma(`cache_size = -${EXCHANGE_CACHE_KIB}`);
    // Batches from the decoder arrive as microtasks: without a breather, no other call would get in.
    return await work(breather(job));
  } finally {
    if (running.get(ctx.jobs) === progress) running.delete(ctx.jobs);
    if (sqlite?.open && cache !== undefined) sqlite.pragma(`cache_size = ${cache}`);
  }
}

// ---------------------------------------------------------------------------------------------- import

export interface ImportResult {
  file: string;
  sender: { nodeId: string; unitName: string; fingerprint: string };
  createdAt: string;
  dryRun: boolean;
  applied: boolean;
  stale: boolean;
  nothingNew: boolean;
  report: ApplyReport;
  warnings: KeyedText[];
  blobs: number;
}

class Rollback extends Error {}

interface NodeFacts {
  unit: string;
  signKey: string;
  /** The last seq its key may sign, when a unit that vouches for it revoked the key. */
  revokedAfter: number | null;
}

/**
 * What this installation knows of an origin node: its unit, its signing key, and whether its key was
 * revoked. Trusted sources: this installation itself, a direct peer, or a directory row vouched for by a
 * direct peer, by this installation, or by the node's own parent unit (the ministry for provinces, the
 * province for its youth centres). Anything else is unknown: its changes are neither judged nor kept.
 * A revocation by any trusted voucher counts (the earliest, if several).
 */
function nodeFacts(ctx: AppContext, nodeId: string): NodeFacts | null {
  const db = ctx.db!;
  const identity = ctx.identity!;
  // This installation, in any of its incarnations.
  if (baseNode(nodeId) === baseNode(identity.nodeId)) return { unit: identity.unitId, signKey: identity.publicKey, revokedAfter: null };
  // Another's later incarnation is that installation, with its key: a revoked key revokes every later one.
  if (baseNode(nodeId) !== nodeId) {
    const base = nodeFacts(ctx, baseNode(nodeId));
    return base && { ...base, revokedAfter: base.revokedAfter === null ? null : 0 };
  }
  const direct = db.stmt('SELECT unit_id, sign_public_key FROM sync_peers WHERE node_id = ?').get(nodeId) as { unit_id: string; sign_public_key: string } | undefined;
  const vouches = db.stmt('SELECT owner_unit, unit_id, role, province_plate, sign_public_key, revoked_after_seq FROM sync_nodes WHERE node_id = ? AND deleted_at IS NULL').all(nodeId) as {
    owner_unit: string; unit_id: string; role: string; province_plate: string | null; sign_public_key: string; revoked_after_seq: number | null;
  }[];
  const trusted = vouches.filter((v) => {
    // This installation's own word, and a parent's for its child: the ministry's for a province, a province's
    // for one of its youth centres (the unit the node claims must be the one its role and province give).
    if (v.owner_unit === identity.unitId) return true;
    if (v.owner_unit === 'ministry' && v.role === 'province') return v.unit_id === `province:${v.province_plate}`;
    if (v.role === 'youth-center' && v.owner_unit === `province:${v.province_plate}`) return v.unit_id.startsWith('youth-center:');
    // The ministry has no parent: a youth centre knows its key from its province, the one peer it has (a
    // province and the ministry itself know it first hand).
    if (v.role === 'ministry') {
      return identity.role === 'youth-center' && v.unit_id === 'ministry' && Boolean(db.stmt('SELECT 1 FROM sync_peers WHERE unit_id = ?').get(v.owner_unit));
    }
    return false;
  });
  const revocations = trusted.map((v) => v.revoked_after_seq).filter((n): n is number => n !== null);
  const revokedAfter = revocations.length > 0 ? Math.min(...revocations) : null;
  if (direct) return { unit: direct.unit_id, signKey: direct.sign_public_key, revokedAfter };
  // The parent's vouch first: it is the one that enrolled the node.
  const best = trusted.find((v) => v.owner_unit === 'ministry' || v.owner_unit === `province:${v.province_plate}`) ?? trusted[0];
  return best ? { unit: best.unit_id, signKey: best.sign_public_key, revokedAfter } : null;
}

/** nodeFacts, remembered per node once known (a node unknown now may be vouched for later in the same import). */
function nodeLookup(ctx: AppContext): (nodeId: string, fresh?: boolean) => NodeFacts | null {
  const cache = new Map<string, NodeFacts>();
  return (nodeId, fresh = false) => {
    const known = fresh ? undefined : cache.get(nodeId);
    if (known) return known;
    const facts = nodeFacts(ctx, nodeId);
    if (facts) cache.set(nodeId, facts);
    return facts;
  };
}

/** Whether a node's unit is known without the node directory: this installation or an enrolled peer. */
function enrolledLookup(ctx: AppContext): (nodeId: string) => boolean {
  return (nodeId) => baseNode(nodeId) === baseNode(ctx.identity!.nodeId) || Boolean(peer(ctx, nodeId));
}


/** An installation as a message names it: its enrolled name, or "this installation" / "unknown installation …". */
function unitParam(ctx: AppContext, nodeId: string): string | Msg {
  if (ctx.identity && baseNode(nodeId) === baseNode(ctx.identity.nodeId)) return msg('sync.unit.thisInstallation');
  const base = baseNode(nodeId);
  const peer = ctx.db!.stmt('SELECT unit_name AS n FROM sync_peers WHERE node_id = ?').get(base) as { n: string } | undefined;
  const vouched = peer ?? (ctx.db!.stmt('SELECT unit_name AS n FROM sync_nodes WHERE node_id = ? LIMIT 1').get(base) as { n: string } | undefined);
  return vouched?.n ?? msg('sync.unit.unknown', { node: nodeId });
}

/**
 * The name of an installation for a clerk, as a list shows it: the Turkish in `message` (the CLI prints it) and,
 * for this installation or an unknown one, the key the screens word in the interface language; a name is a name.
 */
export function unitTextOf(ctx: AppContext, nodeId: string): KeyedText {
  const unit = unitParam(ctx, nodeId);
  return typeof unit === 'string' ? { message: unit } : keyedText(unit);
}

function conflictRefusal(ctx: AppContext, conflict: ChangeConflict, senderName: string): ExchangeRefusal {
  const seq = String(conflict.seq);
  if (conflict.kind === 'own-origin') return new ExchangeRefusal('damaged', msg('sync.refusal.ownOrigin', { seq, sender: senderName }));
  const unit = unitParam(ctx, conflict.origin);
  if (conflict.kind === 'forged') return new ExchangeRefusal('forged', msg('sync.refusal.forgedSegment', { unit, seq, sender: senderName }));
  if (conflict.kind === 'reused-seq') return new ExchangeRefusal('damaged', msg('sync.refusal.reusedSeq', { unit, seq }));
  return new ExchangeRefusal('damaged', msg('sync.refusal.duplicateChange', { unit, seq }));
}

function refuse(error: unknown): never {
  if (error instanceof ExchangeRefusal) throw refusalError(error);
  throw error;
}

/** Verifies a file completely (header, recipient, enrolled sender, signature) without applying it. */
export async function verifyFile(ctx: AppContext, file: string, options: { welcomeFingerprint?: string } = {}) {
  const { identity } = ready(ctx);
  try {
    const { header, offset, size } = readHeader(file);
    const h = header as typeof header & { senderKey?: string; senderCard?: NodeCard };
    if (baseNode(h.recipient) !== baseNode(identity.nodeId)) {
      throw new ExchangeRefusal('wrong-recipient', msg('sync.refusal.wrongRecipient'));
    }
    const p = peer(ctx, h.sender);
    let welcome: NodeCard | null = null;
    if (!p) {
      const fingerprint = h.senderKey ? fingerprintOf(h.senderKey) : msg('sync.refusal.fingerprintUnknown');
      if (!h.senderCard || !options.welcomeFingerprint) {
        throw new ExchangeRefusal('unknown-sender', msg('sync.refusal.unknownSender', { fingerprint }));
      }
      if (normaliseFingerprint(options.welcomeFingerprint) !== normaliseFingerprint(fingerprintOf(h.senderCard.signPublicKey)) || h.senderCard.nodeId !== h.sender) {
        throw new ExchangeRefusal('unknown-sender', msg('sync.refusal.fingerprintMismatch', { fingerprint: fingerprintOf(h.senderCard.signPublicKey) }));
      }
      if (!canExchange(identity, h.senderCard)) throw new ExchangeRefusal('unknown-sender', msg('sync.refusal.cannotExchange'));
      welcome = h.senderCard;
    }
    const signKey = p?.sign_public_key ?? welcome!.signPublicKey;
    await verifySignature(file, size, signKey);
    return { header: h, offset, size, peer: p ?? null, welcome };
  } catch (error) {
    refuse(error);
  }
}

export interface ImportOptions {
  dryRun: boolean;
  welcomeFingerprint?: string;
  /**
   * When rows are judged: while the file is read (the default; a file that cannot be judged that way is
   * read again and judged after), or only after the whole file is stored. Tests compare the two.
   */
  judge?: 'while-reading' | 'after-reading';
}

export async function importFile(ctx: AppContext, file: string, options: ImportOptions): Promise<ImportResult> {
  const progress: SyncProgress = { operation: 'import', phase: 'verify', done: 0, total: 0 };
  return withProgress(ctx, progress, (check) => applyFile(ctx, file, options, progress, check));
}

async function applyFile(ctx: AppContext, file: string, options: ImportOptions, progress: SyncProgress, check: () => Promise<void>): Promise<ImportResult> {
  ready(ctx);
  const db = ctx.db!;
  const verified = await verifyFile(ctx, file, options);
  const { header, offset, size } = verified;
  const senderNode = header.sender;
  const senderCard = verified.welcome ?? { unitName: verified.peer!.unit_name, signPublicKey: verified.peer!.sign_public_key };
  const sender = { nodeId: senderNode, unitName: senderCard.unitName, fingerprint: fingerprintOf(senderCard.signPublicKey) };
  const { privateKey } = boxKeyPair(ctx.options.dataDir, ctx.db!.key);
  const warnings: KeyedText[] = [];
  const warn = (message: Msg) => warnings.push(keyedText(message));
  let report: ApplyReport | undefined;
  let manifest: Record<string, unknown> | undefined;
  let blobs = 0;
  const blobQueue: { sha256: string; data: string }[] = [];
  const maxAheadMs = clockBoundMs(db);
  // Set when this import found the installation restored and moved it to a new incarnation (undone by a rollback).
  let restoredFrom: Identity | null = null;
  // A file from an older moment than one applied before from the same peer.
  const peerBefore = verified.peer;
  const stale = Boolean(peerBefore?.last_file_created_at && header.createdAt < peerBefore.last_file_created_at);
  // A file cut to this installation's scope: its window, from the manifest (set when it is read).
  let window: { from: Vector; to: Vector; backfill: boolean } | undefined;
  const applierFor = (judgeWhileReading: boolean) => {
    const lookup = nodeLookup(ctx);
    return new ChangeApplier(db, ctx.writer!.env, {
      get window() {
        return window;
      },
      unitOf: (node) => lookup(node)?.unit ?? null,
      enrolled: enrolledLookup(ctx),
      now: ctx.now(),
      selfNode: ctx.identity!.nodeId,
      judgeWhileReading,
      // With the directory as it is now: the file may have brought the key or its revocation.
      verifySegment: (segment) => {
        const facts = lookup(segment.origin, true);
        if (!facts) return 'unknown';
        return segmentSignatureValid(facts.signKey, segment.origin, segment.first, segment.last, segment.digest, segment.signature) ? 'ok' : 'bad';
      },
      // Not through the lookup's memory: that must not learn a unit from the directory before this file.
      revokedAfter: (node) => nodeFacts(ctx, node)?.revokedAfter ?? null,
      centreOf: (unit) => centreOfUnit(ctx, unit),
      maxAheadMs,
      acceptedAhead: (node) => acceptedAhead(db, node),
    });
  };
  let applier = applierFor(options.judge !== 'after-reading');
  const sqlite = db.sqlite;
  let lines = readExchange(file, header, offset, size, privateKey);
  let sawEnd = false;
  let sawWindow = false;
  const exits: ScopeExit[] = [];
  const unusedBlobs: string[] = [];
  let changeCount = 0;
  // better-sqlite3 transactions are synchronous, so the transaction is opened by hand around the stream.
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    // A welcome file enrols its sender, in the same transaction as its changes (a dry run rolls both back).
    if (verified.welcome) addPeer(ctx, verified.welcome);
    const peerRow = peer(ctx, senderNode)!;
    // Rows are judged while the file is read; the rare file that cannot be judged that way is read again
    // from this savepoint and judged once it is all stored.
    sqlite.exec('SAVEPOINT changes');
    for (;;) {
      for await (const batch of lines) {
        // Between batches a cancelled import stops (the transaction is rolled back below), and other calls get in.
        await check();
        for (const line of batch) {
          if (Array.isArray(line)) {
            // The fields of change lines, checked for shape by the decoder.
            if (!manifest) throw new ExchangeRefusal('damaged', msg('sync.refusal.noManifest'));
            if (sawEnd) throw new ExchangeRefusal('damaged', msg('sync.refusal.dataAfterEnd'));
            progress.done = changeCount += applier.addPacked(line);
            continue;
          }
          if (!manifest) {
            if (line.t !== 'manifest') throw new ExchangeRefusal('damaged', msg('sync.refusal.noManifest'));
            manifest = line;
            if (Number(manifest.schemaVersion) > db.schemaVersion) {
              throw new ExchangeRefusal('newer-schema', msg('sync.refusal.newerSchema', { schema: String(manifest.schemaVersion), ours: String(db.schemaVersion) }));
            }
            if (manifest.recipient !== header.recipient || (manifest.sender as NodeCard).nodeId !== senderNode) {
              throw new ExchangeRefusal('damaged', msg('sync.refusal.headerMismatch'));
            }
            // The peer holds more of this installation's changes than this database does: its folder went
            // back in time (restored or copied). It goes on under a new incarnation before anything is read,
            // so that no number is used twice and the lost changes come back from the peer.
            // Every change of this installation that a peer holds was sent in a segment this installation signed
            // and recorded; a peer holding more than that got it from a copy of this database that went on.
            const self = ctx.identity!.nodeId;
            const theirs = Number((manifest.vector as Vector | undefined)?.[self] ?? 0);
            const mine = signedUpTo(db, self);
            const agreed = agreedUpTo(db, self, (manifest.yours as Record<string, unknown> | undefined)?.[self]);
            if (theirs > mine || agreed < mine) {
              restoredFrom = ctx.identity!;
              const incarnation = startIncarnation(ctx, agreed);
              const reissued = incarnation.reissued > 0 ? msg('sync.warning.reissued', { count: String(incarnation.reissued) }) : '';
              warn(msg('sync.warning.restored', { sender: sender.unitName, theirs: String(theirs), mine: String(mine), reissued }));
              applier = applierFor(options.judge !== 'after-reading');
            }
            if (manifest.scoped === true) {
              // Only a parent cuts a file to its child's scope, and speaks for the changes in it.
              const card = manifest.sender as NodeCard;
              if (!isParentOf({ role: card.role, provincePlate: card.provincePlate }, ctx.identity!)) {
                throw new ExchangeRefusal('forged', msg('sync.refusal.scopedNotFromParent'));
              }
              const w = (manifest.window ?? {}) as { from?: unknown; to?: unknown };
              window = { from: vectorOf(w.from), to: vectorOf(w.to), backfill: !stale };
            }
            // The sender's count, for the progress bar only: nothing else trusts it.
            Object.assign(progress, { phase: 'read', total: Number.isSafeInteger(manifest.changes) && (manifest.changes as number) > 0 ? manifest.changes : 0 });
            continue;
          }
          if (sawEnd) throw new ExchangeRefusal('damaged', msg('sync.refusal.dataAfterEnd'));
          if (line.t === 'window') {
            if (!window || sawWindow) throw new ExchangeRefusal('damaged', msg('sync.refusal.unexpectedRecord'));
            sawWindow = true;
            applier.startWindow();
          } else if (line.t === 'x') {
            // A row that left this installation's scope: removed once the file is applied.
            if (!window || typeof line.table !== 'string' || typeof line.row !== 'string' || !SYNCED_BY_NAME.has(line.table)) {
              throw new ExchangeRefusal('damaged', msg('sync.refusal.unexpectedRecord'));
            }
            exits.push({ table: line.table, row: line.row });
          } else if (line.t === 'd') {
            // A segment line, with the digest the decoder computed of the changes it closes.
            applier.addSegment({ origin: String(line.origin), first: Number(line.first), last: Number(line.last), digest: String(line.digest), signature: String(line.signature) });
          } else if (line.t === 'b') {
            blobs++;
            // Checked while reading, in a dry run too, so a preview never accepts what the import would refuse.
            const data = typeof line.data === 'string' ? line.data : '';
            const content = Buffer.from(data, 'base64');
            if (typeof line.sha256 !== 'string' || crypto.createHash('sha256').update(content).digest('hex') !== line.sha256) {
              throw new ExchangeRefusal('damaged', msg('sync.refusal.badAttachment'));
            }
            if (!options.dryRun) blobQueue.push({ sha256: line.sha256, data });
          } else if (line.t === 'end') {
            if (window && !sawWindow) throw new ExchangeRefusal('damaged', msg('sync.refusal.truncatedContent'));
            sawEnd = true;
            if (line.changes !== changeCount || line.blobs !== blobs) throw new ExchangeRefusal('damaged', msg('sync.refusal.countMismatch'));
          }
        }
        if (applier.mustReread) break;
      }
      if (!applier.mustReread) {
        if (!manifest || !sawEnd) throw new ExchangeRefusal('damaged', msg('sync.refusal.truncatedContent'));
        await check();
        progress.phase = 'apply';
        report = applier.finish();
        if (!applier.mustReread) break;
      }
      await lines.return(undefined);
      report = undefined;
      Object.assign(progress, { phase: 'read', done: 0 });
      sqlite.exec('ROLLBACK TO changes');
      applier = applierFor(false);
      lines = readExchange(file, header, offset, size, privateKey);
      manifest = undefined;
      sawEnd = false;
      sawWindow = false;
      exits.length = 0;
      changeCount = blobs = 0;
      blobQueue.length = 0;
    }
    sqlite.exec('RELEASE changes');
    // Rows that left this installation's scope go, for good, with a destruction record (in a dry run too, to
    // count them; rolled back with the rest).
    const own = (origin: string) => baseNode(origin) === baseNode(ctx.identity!.nodeId);
    if (exits.length > 0) {
      const purged = purgeRows(db, exits, own, 'kapsam dışına çıktı', path.basename(file), new Date(ctx.now()).toISOString(), ctx.writer!.env);
      report!.removed = purged.removed;
      unusedBlobs.push(...purged.blobs);
    }
    // An installation that held everything before scopes (issue #15) removes, once, what is not its own: on the
    // first file from its parent cut to its scope, so the preview shows it and it is rolled back with the rest.
    if (window && readSetting(db, SCOPE_CLEANED) === null) {
      const purged = removeOutOfScope(ctx, own, path.basename(file));
      for (const [table, n] of Object.entries(purged.removed)) (report!.removed ??= {})[table] = (report!.removed[table] ?? 0) + n;
      unusedBlobs.push(...purged.blobs);
    }
    if (report!.maxRemoteMillis > ctx.now() + CLOCK_DRIFT_LIMIT_MS) {
      const hours = Math.round((report.maxRemoteMillis - ctx.now()) / 3_600_000);
      warn(msg('sync.warning.clockAhead', { unit: sender.unitName, hours: String(hours) }));
    }
    if (report.gaps.length) {
      // Each installation once, as the Turkish names it; the screens word "this installation" in their language.
      const units = new Map(report.gaps.map((g) => unitParam(ctx, g.origin)).map((unit) => [typeof unit === 'string' ? unit : renderMsg(unit), unit]));
      warn(msg('sync.warning.gaps', { units: listOf([...units.values()]) }));
    }
    for (const w of report.withheld) {
      warn(
        w.reason === 'revoked'
          ? msg('sync.warning.revoked', { unit: unitParam(ctx, w.origin), count: String(w.count) })
          : msg('sync.warning.unknownOrigin', { count: String(w.count), origin: w.origin }),
      );
    }
    for (const q of report.quarantined) {
      const minutes = Math.max(0, Math.round((parseHlc(q.maxHlc).millis - ctx.now()) / 60_000));
      warn(msg('sync.warning.quarantined', { unit: unitParam(ctx, q.origin), count: String(q.count), ahead: aheadText(minutes) }));
      recordQuarantine(db, { originNode: q.origin, firstSeq: q.firstSeq, maxHlc: q.maxHlc, aheadMinutes: minutes, peerNode: senderNode, fileName: path.basename(file), detectedAt: new Date(ctx.now()).toISOString() });
    }
    if (options.dryRun) throw new Rollback();
    for (const blob of blobQueue) writeBlob(ctx.options.dataDir, db.key, blob.sha256, Buffer.from(blob.data, 'base64'));
    // Held-back changes that are now held (accepted and read again, or no longer ahead) leave the list.
    clearQuarantine(db);
    // The peer's receipt for files this installation sent it, and this file's number, to send back as one.
    const received = (manifest!.received ?? {}) as { exportNo?: unknown; files?: unknown };
    if (Number.isSafeInteger(received.exportNo) && (received.exportNo as number) > 0) {
      const confirmed = Math.min(received.exportNo as number, peerRow.exports_written);
      db.stmt('UPDATE sync_peers SET exports_confirmed = max(exports_confirmed, ?) WHERE node_id = ?').run(confirmed, peerRow.node_id);
      forgetExitedRows(db, peerRow.node_id, confirmed);
    }
    // The ledger marks received only the files the peer names: a lost file stays unacknowledged, although
    // the next one repaired its data.
    recordReceipts(db, peerRow.node_id, received.files);
    if (Number.isSafeInteger(manifest!.exportNo) && !stale) {
      db.stmt('UPDATE sync_peers SET imports_applied = max(imports_applied, ?), imports_applied_at = ? WHERE node_id = ?').run(manifest!.exportNo, new Date(ctx.now()).toISOString(), peerRow.node_id);
    }
    db.stmt(
      `UPDATE sync_peers SET acked_vector = ?, last_received_at = ?, last_file_created_at = max(coalesce(last_file_created_at, ''), ?) WHERE node_id = ?`,
    ).run(
      // The newest file says what the peer holds now (after a restore, less than it once said); an older one
      // arriving late only adds to what is known.
      JSON.stringify(stale ? mergeVectors(JSON.parse(peerRow.acked_vector) as Vector, manifest.vector as Vector) : mergeVectors({}, manifest.vector as Vector)),
      new Date(ctx.now()).toISOString(), header.createdAt, peerRow.node_id,
    );
    // What the parent now holds of this installation's changes may be erased of removed people's values.
    const erased = eraseSent(ctx);
    const result: ImportResult = {
      file, sender, createdAt: header.createdAt, dryRun: false, applied: true, stale,
      nothingNew: report.stored === 0, report, warnings, blobs,
    };
    const exportNo = Number.isSafeInteger(manifest.exportNo) ? (manifest.exportNo as number) : null;
    ledger(ctx, 'import', senderNode, file, await fileSha256(file), report.stored === 0 ? 'nothing-new' : 'applied', summaryOf(result), exportNo);
    sqlite.exec('COMMIT');
    // Removed rows and erased values leave no old page images behind in the write-ahead log either.
    if (Object.keys(report.removed ?? {}).length > 0 || erased.changes > 0) foldLog(ctx);
    // Stored files only removed rows referred to go too, once the removal is committed.
    for (const sha of unusedBlobs) fs.rmSync(blobPath(ctx.options.dataDir, sha), { force: true });
    return result;
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    // The new incarnation was rolled back with the rest: the installation goes on as it was.
    if (restoredFrom) ctx.attachWriter(restoredFrom);
    if (error instanceof Rollback && report) {
      return { file, sender, createdAt: header.createdAt, dryRun: true, applied: false, stale: false, nothingNew: report.stored === 0, report, warnings, blobs };
    }
    await lines.return(undefined).catch(() => undefined);
    // A refused file leaves the database exactly as it was: not even the ledger records it.
    if (error instanceof ChangeConflict) refuse(conflictRefusal(ctx, error, sender.unitName));
    refuse(error);
  }
}

/** "3 gün", "5 saat", "40 dakika". */
function aheadText(minutes: number): Msg {
  if (minutes >= 2 * 24 * 60) return msg('sync.ahead.days', { n: String(Math.round(minutes / (24 * 60))) });
  if (minutes >= 120) return msg('sync.ahead.hours', { n: String(Math.round(minutes / 60)) });
  return msg('sync.ahead.minutes', { n: String(minutes) });
}

/** The node ids a node has held segments under here: its enrolled id and its later incarnations. */
function incarnationsOf(db: NonNullable<AppContext['db']>, nodeId: string): string[] {
  return (db.stmt(`SELECT DISTINCT origin_node AS o FROM sync_segments WHERE origin_node = ? OR origin_node LIKE ? || '~%'`).all(nodeId, nodeId) as { o: string }[]).map((r) => r.o);
}

/**
 * How far this installation's own signed segments agree with those a peer holds of it (`yours` in its
 * manifest: [first, last, digest] each): the last seq up to which they are the same. A copy of the database
 * that went on after the copy was made signed other changes under the same numbers.
 */
function agreedUpTo(db: NonNullable<AppContext['db']>, origin: string, yours: unknown): number {
  const mine = new Map(segmentsAfter(db, origin, 0).map((g) => [g.first, g]));
  let agreed = signedUpTo(db, origin);
  if (!Array.isArray(yours)) return agreed;
  for (const entry of yours) {
    if (!Array.isArray(entry)) continue;
    const [first, last, digest] = entry as [unknown, unknown, unknown];
    const own = mine.get(Number(first));
    if (!own || own.last !== Number(last) || own.digest !== digest) {
      agreed = Math.min(agreed, Number(first) - 1);
      break;
    }
  }
  return Math.max(0, agreed);
}

/** A version vector from a file: origins with positive safe-integer seqs; anything else is left out. */
function vectorOf(value: unknown): Vector {
  const out: Vector = {};
  if (!value || typeof value !== 'object') return out;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (Number.isSafeInteger(v) && (v as number) > 0) out[k] = v as number;
  return out;
}

function mergeVectors(a: Vector, b: Vector): Vector {
  const out: Vector = { ...a };
  for (const [k, v] of Object.entries(b ?? {})) out[k] = Math.max(out[k] ?? 0, Number(v) || 0);
  return out;
}

function summaryOf(result: ImportResult) {
  const tables = Object.values(result.report.tables);
  const sum = (k: 'new' | 'updated' | 'rejected') => tables.reduce((n, t) => n + t[k], 0);
  // Records, as the import's result says them (not changes), and every refusal (the report keeps only 50).
  return {
    tables: result.report.tables, conflicts: result.report.conflicts, rejected: sum('rejected'), newRecords: sum('new'), updatedRecords: sum('updated'),
    stored: result.report.stored, alreadyHeld: result.report.alreadyHeld, warnings: result.warnings.map((w) => w.message),
  };
}

function ledger(ctx: AppContext, direction: string, peerNode: string | null, file: string, sha: string | null, outcome: string, summary: unknown, exportNo: number | null = null) {
  ctx.db!.stmt('INSERT INTO sync_ledger (direction, peer_node, file_name, file_sha256, at, outcome, summary, export_no) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    direction, peerNode, path.basename(file), sha, new Date(ctx.now()).toISOString(), outcome, JSON.stringify(summary), exportNo,
  );
}


/**
 * Erases removed people's values that nothing here still has to send up with their signature (db/sync/
 * erasure.ts): a change of this installation's subtree waits until its parent's last file says it holds it.
 */
export function eraseSent(ctx: AppContext): ReturnType<typeof eraseRemoved> {
  return eraseRemoved(ctx.db!, mayEraseChange(ctx));
}

/**
 * Whether a change's value may be rewritten here: nothing still has to send it up with its signature (a change
 * of this installation's subtree waits until its parent's last file says it holds it). Used by the erasure of
 * removed people and by retention (db/privacy/destruction.ts).
 */
export function mayEraseChange(ctx: AppContext): (origin: string, seq: number) => boolean {
  const db = ctx.db!;
  const identity = ctx.identity!;
  const parentRole = identity.role === 'province' ? 'ministry' : identity.role === 'youth-center' ? 'province' : null;
  const parent = parentRole === null ? undefined : (db.stmt('SELECT acked_vector AS v FROM sync_peers WHERE role = ? ORDER BY enrolled_at LIMIT 1').get(parentRole) as { v: string } | undefined);
  const held: Vector = parent ? (JSON.parse(parent.v) as Vector) : {};
  return (origin, seq) => parentRole === null || !inSubtree(ctx, origin) || (held[origin] ?? 0) >= seq;
}

/**
 * Folds the write-ahead log into the database and empties it (secure_delete has zeroed what was removed in
 * the database's pages; the log still holds their old images). Best effort: a reader holding an old snapshot
 * keeps part of the log until the next time.
 */
export function foldLog(ctx: AppContext): void {
  try {
    ctx.db!.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    // Busy: the next fold takes it.
  }
}
