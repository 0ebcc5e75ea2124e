import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { Envelope } from '../../shared/contract';
import type { BackendStatus, JobState } from '../../shared/contract/backend';
import type { LockHolder } from '../../db/lock';
import { listDistricts, youthCentresSpec } from '../../db/orgUnits/queries';
import type { AppContext } from '../../electron/app/context';
import type { Invoke } from '../../electron/app/dispatch';
import { projectRoot, sourceMigrationsDir } from '../../electron/app/paths';
import { startBackendWorker, type BackendWorker } from '../../electron/backend/host';
import { readHeader, readLines } from '../../electron/sync/exchangeFile';
import { boxKeyPair, signingKey } from '../../electron/sync/keys';
import { OUT } from '../support/build';
import { openApp, signInOnce, tempDir } from '../support/app';
import { openTestDatabase, TEST_KEY_STORE, testDataKey } from '../support/keyStore';
import { createNode, enrol, exportFile, nextFile, type Node } from '../support/nodes';
import { craftFile, gzip, ndjson, rng } from '../sync/support/craft';
import { TEST_ADMIN } from '../support/users';

// Helpers for the backend's acceptance tests (issue #13, sections 2 and 2b): installations with enough data
// that a job yields to the event loop many times, polling the backend while a job runs, exchange files refused
// at their end line, damaging a page of a closed database, and running the shipped worker and the real CLI.

export const BACKEND_JS = path.join(OUT, 'main', 'backend.js');
export const BIN = path.join(projectRoot(), 'bin', 'kopru.mjs');
/** Every command acts as a user (issue #16): the test administrator the installations are set up with. */
export const AS_ADMIN = { KOPRU_USER: TEST_ADMIN.username, KOPRU_PASSWORD: TEST_ADMIN.password };
export const LONG = process.env.KOPRU_LONG === '1';

export type Failure = { code: string; message: string; issues?: { path: string; label?: string; message: string }[] };

/** The error of an envelope that must be an error. */
export function failure(envelope: Envelope<unknown>): Failure {
  if (envelope.ok) throw new Error(`expected an error envelope, got ok: ${JSON.stringify(envelope.value).slice(0, 300)}`);
  return envelope.error;
}

/** The value of an envelope that must be ok. */
export function value<T = unknown>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) throw new Error(`expected ok, got ${JSON.stringify(envelope.error).slice(0, 500)}`);
  return envelope.value as T;
}

/** Whatever the answer is, it is never INTERNAL. */
export function expectNotInternal(envelope: Envelope<unknown>, what = ''): void {
  if (!envelope.ok) expect(envelope.error.code, `${what} ${envelope.error.message}`).not.toBe('INTERNAL');
}

export const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function statusOf(invoke: Invoke): Promise<BackendStatus> {
  return value<BackendStatus>(await invoke('backend:status', {}));
}

/**
 * Polls `backend:status` between the steps of `job` until the running job matches `wanted`, and returns that
 * status. Fails if the job ends first (the test could then not interleave anything with it).
 */
export async function untilJob(
  status: () => Promise<BackendStatus>,
  job: Promise<unknown>,
  wanted: (job: JobState) => boolean,
  what: string,
): Promise<BackendStatus> {
  let settled = false;
  void job.finally(() => (settled = true)).catch(() => undefined);
  for (;;) {
    const current = await status();
    if (current.job && wanted(current.job)) return current;
    if (settled) throw new Error(`the job ended before ${what}`);
    await nextTick();
  }
}

/** A job that has started reading (or writing) its changes and is still far from done. */
export const midway = (kind: JobState['kind']) => (job: JobState) =>
  job.kind === kind && (job.phase === 'read' || job.phase === 'write') && job.done > 0 && job.done < job.total / 2;

/** Writes `count` youth centres of `plate` through the installation's change writer, in one transaction. */
export function bulkCentres(ctx: AppContext, plate: string, count: number, prefix = 'Toplu'): void {
  const db = ctx.db!;
  const districts = listDistricts(db, plate);
  db.sqlite.transaction(() => {
    for (let i = 0; i < count; i++) {
      const district = districts[i % districts.length]!;
      ctx.writer!.insert(youthCentresSpec, `province:${plate}`, {
        province_plate: plate,
        district_id: district.id,
        name: `${prefix} ${district.name} ${i} Gençlik Merkezi`,
        address: `Atatürk Cad. No:${i % 200} ${district.name}`,
        phone: '+903125551234',
        email: `gm${i}@gsb.gov.tr`,
        hall_capacity: 50 + (i % 300),
        status: 'active',
      });
    }
  })();
}

export interface Pair {
  ministry: Node;
  ankara: Node;
  /** Ankara's exchange file for the ministry: `rows` youth centres and one association. */
  file: string;
  changes: number;
  rows: number;
}

const opened: Node[] = [];

interface Template {
  ministry: { dir: string; nodeId: string; unitId: string; fingerprint: string };
  ankara: { dir: string; nodeId: string; unitId: string; fingerprint: string };
  file: string;
  changes: number;
}

const templates = new Map<number, Promise<Template>>();

async function buildTemplate(rows: number): Promise<Template> {
  const ministry = await createNode('ministry', 'ministry');
  const ankara = await createNode('ankara', 'province', '06');
  await enrol(ministry, ankara);
  bulkCentres(ankara.ctx, '06', rows);
  await ankara.ok('registry:create', { name: 'Etimesgut Doğa Sporları Gençlik Kulübü', clubType: 'GENCLIK_KULUBU', districtId: '06-etimesgut' });
  const file = await exportFile(ankara, ministry);
  const ledger = await ankara.ok<{ direction: string; summary: { changes: number } }[]>('sync:ledger', {});
  const changes = ledger.find((l) => l.direction === 'export')!.summary.changes;
  await ministry.backend.close();
  await ankara.backend.close();
  const card = (n: Node) => ({ dir: n.dataDir, nodeId: n.nodeId, unitId: n.unitId, fingerprint: n.fingerprint });
  return { ministry: card(ministry), ankara: card(ankara), file, changes };
}

/** An installation copied from a closed template folder, opened with the real backend. */
function copyOf(name: string, card: Template['ministry']): Node {
  const dir = path.join(tempDir('kopru-backend-'), name);
  fs.cpSync(card.dir, dir, { recursive: true });
  const node = Object.assign(openApp(dir), { name, nodeId: card.nodeId, unitId: card.unitId, fingerprint: card.fingerprint });
  opened.push(node);
  return node;
}

/**
 * The ministry and Ankara, enrolled, Ankara holding `rows` youth centres and one association, and Ankara's
 * exchange file for the ministry (not imported yet). Built once per row count, then each call gets fresh copies
 * of both data folders (same nodes and keys, so the same file serves every copy).
 */
export async function pair(rows = 1000): Promise<Pair> {
  if (!templates.has(rows)) templates.set(rows, buildTemplate(rows));
  const template = await templates.get(rows)!;
  const ministry = copyOf('ministry', template.ministry);
  const ankara = copyOf('ankara', template.ankara);
  // Signed in before the test starts, so a sign-in never lands between a test's before and after.
  await signInOnce(ministry.backend);
  await signInOnce(ankara.backend);
  return { ministry, ankara, file: template.file, changes: template.changes, rows };
}

/** Closes every installation pair() opened that is still open. */
export async function closePairs(): Promise<void> {
  for (const node of opened.splice(0)) await node.backend.close();
}

/**
 * Ankara's file rebuilt with a bad end line, validly encrypted and signed by Ankara: a file whose every change
 * reads well and which is refused only at its end ('count': the end line miscounts the changes; 'truncated':
 * the end line is missing, as in a copy cut short before it was signed).
 */
export async function refusedAtEnd({ ministry, ankara, file }: Pair, how: 'count' | 'truncated'): Promise<string> {
  const { header, offset, size } = readHeader(file);
  const lines: Record<string, unknown>[] = [];
  for await (const line of readLines(file, header, offset, size, boxKeyPair(ministry.dataDir, testDataKey(ministry.dataDir)).privateKey)) lines.push(line);
  const end = lines.pop()!;
  expect(end.t).toBe('end');
  if (how === 'count') lines.push({ ...end, changes: Number(end.changes) + 1 });
  const bytes = craftFile({
    sender: ankara.nodeId,
    recipient: ministry.nodeId,
    createdAt: new Date().toISOString(),
    recipientBoxKey: boxKeyPair(ministry.dataDir, testDataKey(ministry.dataDir)).publicKey,
    signingKey: signingKey(ankara.dataDir, testDataKey(ankara.dataDir)),
    payload: gzip(ndjson(lines)),
  });
  const out = nextFile(`refused-${how}`);
  fs.writeFileSync(out, bytes);
  return out;
}

export function sha256File(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

export interface Damage {
  page: number;
  pageCount: number;
  pageSize: number;
  /** A youth centre whose row lived on the damaged page. */
  victimId: string;
}

/**
 * Overwrites one leaf page of `table`'s b-tree, in the middle of the file, with seeded garbage: what a failing
 * disk or a bad USB copy leaves. The database must be closed (its WAL checkpointed).
 */
export function damageMiddlePage(dbPath: string, table = 'youth_centres', seed = 13): Damage {
  // The file is encrypted: which rows a page holds is read through the key, not from its bytes. The table's
  // leaf pages in b-tree order hold its rows in rowid order, so counting cells finds the first row of a page.
  const db = openTestDatabase(path.dirname(dbPath), dbPath, { readonly: true, fileMustExist: true });
  let leaves: { pageno: number; ncell: number }[];
  let ids: string[];
  let pageSize: number;
  let pageCount: number;
  try {
    pageSize = db.pragma('page_size', { simple: true }) as number;
    pageCount = db.pragma('page_count', { simple: true }) as number;
    leaves = db.prepare("SELECT pageno, ncell FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY path").all(table) as { pageno: number; ncell: number }[];
    ids = (db.prepare(`SELECT id FROM ${table} ORDER BY rowid`).all() as { id: string }[]).map((r) => r.id);
  } finally {
    db.close();
  }
  expect(fs.existsSync(`${dbPath}-wal`) ? fs.statSync(`${dbPath}-wal`).size : 0, 'the database must be closed and checkpointed').toBe(0);
  const pages = leaves.map((l) => l.pageno);
  const inMiddle = pages.filter((p) => p > pageCount / 4 && p < (pageCount * 3) / 4);
  const page = (inMiddle.length ? inMiddle : pages)[Math.floor((inMiddle.length || pages.length) / 2)]!;
  const before = leaves.slice(0, leaves.findIndex((l) => l.pageno === page)).reduce((sum, l) => sum + l.ncell, 0);
  const fd = fs.openSync(dbPath, 'r+');
  try {
    const victimId = ids[before];
    if (!victimId) throw new Error(`no row found on page ${page} of ${table}`);
    const garbage = rng(seed).bytes(pageSize);
    garbage[0] = 0x00; // not a b-tree page type
    fs.writeSync(fd, garbage, 0, pageSize, (page - 1) * pageSize);
    fs.fsyncSync(fd);
    return { page, pageCount, pageSize, victimId };
  } finally {
    fs.closeSync(fd);
  }
}

/** Sets PRAGMA user_version of a closed database. */
export function setUserVersion(dbPath: string, version: number): void {
  const db = openTestDatabase(path.dirname(dbPath), dbPath, { fileMustExist: true });
  try {
    db.pragma(`user_version = ${version}`);
    expect(db.pragma('user_version', { simple: true })).toBe(version);
  } finally {
    db.close();
  }
}

/** The shipped backend worker (out/main/backend.js) on a data folder. */
export function startWorker(dataDir: string, holder: LockHolder = 'app', extra: { lockWaitMs?: number; integrity?: boolean } = {}): BackendWorker {
  return startBackendWorker(BACKEND_JS, { dataDir, migrationsDir: sourceMigrationsDir(), appVersion: '0.0.0-test', holder, keyStoreDir: TEST_KEY_STORE, ...extra });
}

export interface Spawned {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** Runs a Node process and collects its output; killed (and marked timed out) after `timeoutMs`. */
export function runNode(args: string[], options: { env?: Record<string, string | undefined>; timeoutMs?: number; stdin?: string } = {}): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const env: Record<string, string | undefined> = { ...process.env, ...AS_ADMIN, ...options.env };
    if (!options.env?.KOPRU_DATA_DIR) delete env.KOPRU_DATA_DIR;
    const child = spawn(process.execPath, args, { cwd: projectRoot(), env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdin.end(options.stdin ?? '');
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut });
    });
  });
}

/** The real `kopru` command (bin/kopru.mjs over out/main/cli.js). */
export function kopru(args: string[], options: { env?: Record<string, string | undefined>; timeoutMs?: number; stdin?: string } = {}): Promise<Spawned> {
  return runNode([BIN, ...args], options);
}

/**
 * The CLI's own code (electron/cli/kopru.ts main) over the shipped worker in this process, as tests/cli does:
 * the same commands as bin/kopru.mjs with a shorter wait for the data folder's lock.
 */
export async function kopruHere(argv: string[], lockWaitMs = 250): Promise<{ code: number; stdout: string; stderr: string }> {
  const { main } = await import('../../electron/cli/kopru');
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    stdin: async () => '',
    env: { ...AS_ADMIN },
    promptHidden: async () => null,
    connect: (dataDir) => startWorker(dataDir, 'cli', { lockWaitMs }),
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** A JavaScript stack trace in a process's output ("    at fn (file:line:col)"). */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+:\d+:\d+\)?$/m.test(text) || /^(\w*Error|TypeError|RangeError): /m.test(text);
}

export function parseEnvelope(stdout: string): Envelope<unknown> {
  try {
    return JSON.parse(stdout) as Envelope<unknown>;
  } catch {
    throw new Error(`stdout is not one JSON envelope: ${stdout.slice(0, 500)}`);
  }
}

/** A directory record to save (any role may keep its own). */
export function organisation(name: string) {
  return { kind: 'STK', name, provincePlate: '06' };
}

/** Rows of a table read straight from the file, with a read-only connection of our own. */
export function readRows<T>(dbPath: string, sql: string, ...args: unknown[]): T[] {
  const db = openTestDatabase(path.dirname(dbPath), dbPath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...args) as T[];
  } finally {
    db.close();
  }
}
