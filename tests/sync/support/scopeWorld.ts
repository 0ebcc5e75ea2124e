import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Role } from '../../../shared/contract';
import type { ImportResult } from '../../../shared/contract/sync';
import { BOOKKEEPING } from '../../../db/changeLog/writer';
import { boundCentre, buildScope, dropScope, SCOPE_TABLE } from '../../../db/sync/scope';
import { SYNCED_TABLES } from '../../../db/sync/tables';
import { openKeyed } from '../../../db/cipher';
import { readBlob } from '../../../electron/registry/files';
import { readHeader } from '../../../electron/sync/exchangeFile';
import { cheapenTestAdmin, openApp, type TestApp } from '../../support/app';
import type { Node } from '../../support/nodes';
import { linesOf } from './forge';
import { TEST_ADMIN } from '../../support/users';

// Real installations for the scope property test (tests/sync/scopeProperty.test.ts): a hierarchy built and
// enrolled once into a template, copied for every run; exchange files written into the run's own folder, with
// the recipient of each remembered, so that everything ever addressed to an installation can be read back;
// and the oracle: the ministry's rows cut to an installation's scope, and the personal data each installation
// may hold, by the marker tokens the run writes into it.

export interface Spec {
  name: string;
  role: Role;
  plate?: string;
  /** A youth centre's district (its introduction names the centre after it). */
  district?: string;
  /** Enrolled in the template; a late centre has none until a run enrols it. */
  parent?: string;
  /** Parents a late centre may be enrolled by (the workstations of its province). */
  lateParents?: string[];
}

/**
 * Where runs keep their installations: in memory where the system offers it (/dev/shm), since every export and
 * import fsyncs and a run writes dozens of files; the property is about what is written, not about the disk.
 */
export function scratchRoot(): string {
  try {
    fs.accessSync('/dev/shm', fs.constants.W_OK);
    return '/dev/shm';
  } catch {
    return os.tmpdir();
  }
}

export interface Template {
  dir: string;
  specs: Spec[];
}

async function setup(dataDir: string, spec: Spec, now: () => number): Promise<TestApp> {
  const app = openApp(dataDir, now);
  const input =
    spec.role === 'ministry'
      ? { role: spec.role }
      : spec.role === 'province'
        ? { role: spec.role, provincePlate: spec.plate }
        : { role: spec.role, provincePlate: spec.plate, name: `${spec.district} Gençlik Merkezi`, districtName: spec.district };
  await app.ok('installation:setup', { ...input, admin: TEST_ADMIN });
  cheapenTestAdmin(app);
  return app;
}

/** The real enrolment (introduction, fingerprint compared, welcome file), with its files in `dir`. */
export async function enrolInto(dir: string, parent: TestApp, child: TestApp, label: string, youthCentreId?: string): Promise<string> {
  fs.mkdirSync(dir, { recursive: true });
  const intro = path.join(dir, `intro-${label}.json`);
  const { fingerprint } = await child.ok<{ fingerprint: string }>('sync:introduce', { path: intro });
  await parent.ok('sync:enroll', { path: intro, fingerprint, ...(youthCentreId ? { youthCentreId } : {}) });
  const welcome = path.join(dir, `welcome-${label}.kopru`);
  await parent.ok('sync:export', { peerNode: child.ctx.identity!.nodeId, path: welcome, welcome: true });
  await child.ok('sync:import', { path: welcome, welcomeFingerprint: parent.ctx.identity!.fingerprint });
  return welcome;
}

export interface World {
  dir: string;
  apps: Record<string, TestApp>;
  /** Child → parent, for every installation enrolled so far. */
  parents: Record<string, string>;
  /** Every exchange file written in this run, with its recipient (delivered or not). */
  sent: Sent[];
  /** Files written and not delivered yet (delivered later, possibly stale, possibly twice). */
  later: Sent[];
  files: number;
}

export interface Sent {
  to: string;
  file: string;
}

/**
 * Sets up every installation and enrols those with a parent; `seed` then writes what every run starts from,
 * and a final round spreads it. Their data folders are the template.
 */
export async function buildTemplate(specs: Spec[], prefix: string, seed?: (world: World) => Promise<void>): Promise<Template> {
  const dir = fs.mkdtempSync(path.join(scratchRoot(), prefix));
  const apps: Record<string, TestApp> = {};
  // Set up just before the runs' clock starts: a change stamped after a receiver's clock is held back.
  let clock = Date.parse('2026-02-28T08:00:00Z');
  const now = () => (clock += 7);
  for (const spec of specs) apps[spec.name] = await setup(path.join(dir, spec.name), spec, now);
  const world: World = { dir: path.join(dir, 'seeding'), apps, parents: {}, sent: [], later: [], files: 0 };
  for (const spec of specs) {
    if (!spec.parent) continue;
    await enrolInto(world.dir, apps[spec.parent]!, apps[spec.name]!, spec.name);
    world.parents[spec.name] = spec.parent;
  }
  if (seed) {
    await seed(world);
    await settle(world);
  }
  for (const spec of specs) apps[spec.name]!.close();
  fs.rmSync(world.dir, { recursive: true, force: true });
  return { dir, specs };
}

/** A run: copies of the template's installations named in `members` (every one by default). */
export function openWorld(template: Template, members = template.specs.map((s) => s.name)): World {
  const dir = fs.mkdtempSync(path.join(scratchRoot(), 'kopru-scope-run-'));
  const apps: Record<string, TestApp> = {};
  // One shared, strictly increasing clock keeps a run deterministic while installations still tie and race.
  let clock = Date.parse('2026-03-01T08:00:00Z');
  const now = () => (clock += 7);
  for (const name of members) {
    fs.cpSync(path.join(template.dir, name), path.join(dir, name), { recursive: true });
    // No background integrity check: a run opens many installations, and checking SQLite is not its point.
    apps[name] = openApp(path.join(dir, name), now, { integrity: false });
  }
  const parents = Object.fromEntries(template.specs.filter((s) => s.parent && members.includes(s.name)).map((s) => [s.name, s.parent!]));
  return { dir, apps, parents, sent: [], later: [], files: 0 };
}

export function closeWorld(world: World): void {
  for (const app of Object.values(world.apps)) app.close();
  fs.rmSync(world.dir, { recursive: true, force: true });
}

/** Links of the enrolled hierarchy, both ways: [from, to]. */
export function links(world: World): [string, string][] {
  return Object.entries(world.parents).flatMap(([child, parent]) => [[child, parent], [parent, child]] as [string, string][]);
}

/** The installations a file passes through from one to another, by the hierarchy (each hop a delivery). */
export function route(world: World, from: string, to: string): [string, string][] {
  const up = (name: string): string[] => (world.parents[name] ? [name, ...up(world.parents[name]!)] : [name]);
  const a = up(from);
  const b = up(to);
  const meet = a.find((n) => b.includes(n));
  if (!meet) return [];
  const climb = a.slice(0, a.indexOf(meet) + 1);
  const descend = b.slice(0, b.indexOf(meet)).reverse();
  const hops = [...climb, ...descend];
  return hops.slice(1).map((n, i) => [hops[i]!, n]);
}

export async function exportFile(world: World, from: string, to: string): Promise<string> {
  const file = path.join(world.dir, 'files', `f${String(++world.files).padStart(4, '0')}-${from}-${to}.kopru`);
  const envelope = await world.apps[from]!.invoke('sync:export', { peerNode: world.apps[to]!.ctx.identity!.nodeId, path: file });
  if (!envelope.ok) throw new Error(`export ${from}→${to}: ${JSON.stringify(envelope.error)}`);
  world.sent.push({ to, file });
  return file;
}

/** What the imports of a run reported, summed. */
export interface ImportStats {
  /** Workflow steps stored but not counted (a race between workstations). */
  stepsNotCounted: number;
  rowsRemovedByScope: number;
}

/**
 * Imports a file. A workflow step that does not count is stored and named in the report: the two workstations of
 * a unit race (both start a transfer of one association: the later one, and the steps taken on it, do not
 * count). Anything else refused fails the run.
 */
export async function importFile(world: World, to: string, file: string, stats?: ImportStats): Promise<ImportResult> {
  const envelope = await world.apps[to]!.invoke('sync:import', { path: file });
  if (!envelope.ok) throw new Error(`import of ${path.basename(file)} into ${to}: ${JSON.stringify(envelope.error)}`);
  const result = envelope.value as ImportResult;
  const refused = result.report.rejected.filter((r) => r.table !== 'association_history');
  if (stats) {
    stats.stepsNotCounted += result.report.rejected.length - refused.length;
    stats.rowsRemovedByScope += Object.values(result.report.removed ?? {}).reduce((a, b) => a + b, 0);
  }
  if (refused.length) throw new Error(`rejected changes at ${to} from ${path.basename(file)}: ${JSON.stringify(refused.slice(0, 3))}`);
  return result;
}

/** Enrols a late installation under `parent` (binding a youth centre to `youthCentreId` when given). */
export async function enrolLate(world: World, child: string, parent: string, youthCentreId?: string): Promise<void> {
  const welcome = await enrolInto(path.join(world.dir, 'files'), world.apps[parent]!, world.apps[child]!, `${child}-${++world.files}`, youthCentreId);
  world.sent.push({ to: child, file: welcome });
  world.parents[child] = parent;
}

/** The final round: every child to its parent (deepest first), then every parent to its child (top first), twice. */
export async function settle(world: World, stats?: ImportStats): Promise<void> {
  const depth = (name: string): number => (world.parents[name] ? 1 + depth(world.parents[name]!) : 0);
  const up = Object.keys(world.parents).sort((a, b) => depth(b) - depth(a) || a.localeCompare(b));
  for (let round = 0; round < 2; round++) {
    for (const child of up) await importFile(world, world.parents[child]!, await exportFile(world, child, world.parents[child]!), stats);
    for (const child of [...up].reverse()) await importFile(world, child, await exportFile(world, world.parents[child]!, child), stats);
  }
}

// ------------------------------------------------------------------------------------------------ oracle

export type Scope = Map<string, Set<string>>;

/** The rows of the ministry's database in an installation's scope (the rules of shared/sync/scope.ts). */
export function scopeAtMinistry(ministry: TestApp, holder: TestApp): Scope {
  const identity = holder.ctx.identity!;
  const m = ministry.ctx.db!;
  buildScope(m, { role: identity.role, unit: identity.unitId, plate: identity.provincePlate, centreId: boundCentre(m, identity.unitId) });
  const byTable: Scope = new Map(SYNCED_TABLES.map((spec) => [spec.name, new Set<string>()]));
  for (const { t, r } of m.sqlite.prepare(`SELECT table_name AS t, row_id AS r FROM ${SCOPE_TABLE}`).all() as { t: string; r: string }[]) byTable.get(t)!.add(r);
  dropScope(m);
  return byTable;
}

type Rows = Map<string, Record<string, unknown>>;

/** An installation's rows of a table: synced columns and bookkeeping, plus the derived columns users see. */
function rowsOf(app: TestApp, table: string): Rows {
  const spec = SYNCED_TABLES.find((s) => s.name === table)!;
  const derived = table === 'associations' ? ['status', 'registration_no', 'registered_on', 'transferred_to', 'sort_key'] : table === 'transfers' ? ['state', 'new_association_id'] : [];
  const columns = ['id', ...BOOKKEEPING, ...spec.columns, ...derived];
  const rows = app.ctx.db!.sqlite.prepare(`SELECT ${columns.join(', ')} FROM ${table}`).all() as Record<string, unknown>[];
  return new Map(rows.map((r) => [String(r.id), r]));
}

export interface Difference {
  table: string;
  id: string;
  text: string;
}

/**
 * How an installation differs from the ministry's data on its scope: rows it lacks, rows it holds outside
 * the scope, and rows whose values differ (column by column). Empty when it holds exactly its scope.
 */
export function scopeDifferences(ministry: TestApp, holder: TestApp, scope: Scope, tolerated: (row: Record<string, unknown>) => boolean = () => false): Difference[] {
  const out: Difference[] = [];
  for (const spec of SYNCED_TABLES) {
    const table = spec.name;
    const want = scope.get(table)!;
    const theirs = rowsOf(ministry, table);
    const mine = rowsOf(holder, table);
    for (const id of want) if (!mine.has(id)) out.push({ table, id, text: `${table} ${id}: missing (in scope at the ministry)` });
    const extra = [...mine.keys()].filter((id) => !want.has(id));
    for (const id of extra) if (!tolerated(mine.get(id)!)) out.push({ table, id, text: `${table} ${id}: held outside the scope${theirs.has(id) ? '' : ' (and unknown to the ministry)'}` });
    // A tolerated row it holds is still the ministry's row.
    for (const id of [...want, ...extra]) {
      const a = mine.get(id);
      const b = theirs.get(id);
      if (!a || !b) continue;
      const differing = Object.keys(b).filter((c) => JSON.stringify(a[c]) !== JSON.stringify(b[c]));
      if (differing.length) out.push({ table, id, text: `${table} ${id}: ${differing.map((c) => `${c} = ${JSON.stringify(a[c])}, ministry ${JSON.stringify(b[c])}`).join('; ')}` });
    }
  }
  return out;
}

// ----------------------------------------------------------------------------------------- personal data

/** A token written into a piece of personal data (a name, a file), so that its bytes can be found anywhere. */
export const TOKEN = /kvq(\d{5})/gi;
/** Every TC Kimlik No a run writes starts with these digits (the checksums make the rest). */
export const TC_PREFIX = '86420';
// Not inside a longer run of hex digits: a SHA-256 in a ledger may contain "86420" and six digits by chance.
const TC_PATTERN = new RegExp(`(?<![0-9a-fA-F])${TC_PREFIX}\\d{6}(?![0-9a-fA-F])`, 'g');

export const token = (n: number): string => `Kvq${String(n).padStart(5, '0')}`;

/** A valid TC Kimlik No, unique per `n` (< 10,000) within a run. */
export function tcNumber(n: number): string {
  const d = `${TC_PREFIX}${String(n).padStart(4, '0')}`.split('').map(Number);
  const odd = d[0]! + d[2]! + d[4]! + d[6]! + d[8]!;
  const even = d[1]! + d[3]! + d[5]! + d[7]!;
  d.push((((odd * 7 - even) % 10) + 10) % 10);
  d.push(d.reduce((a, b) => a + b, 0) % 10);
  return d.join('');
}

/** A PDF naming people (a signed attendance sheet, a scanned board list): the token is in its bytes. */
export function pdfNaming(marker: string): string {
  return Buffer.from(`%PDF-1.4\n% ${marker} imza listesi\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`).toString('base64');
}

/** Who may hold a piece of personal data: the ministry always; these provinces; these youth-centre records. */
export interface Entitled {
  what: string;
  plates: Set<string>;
  centres: Set<string>;
}

/** The values each row ever had, from the ministry's log (which holds every change after the final round). */
function everValues(ministry: TestApp, table: string, column: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const rows = ministry.ctx.db!.sqlite.prepare('SELECT row_id AS r, value AS v FROM change_log WHERE table_name = ? AND column_name = ?').all(table, column) as { r: string; v: string }[];
  for (const { r, v } of rows) {
    const value = JSON.parse(v) as unknown;
    if (typeof value !== 'string') continue;
    if (!out.has(r)) out.set(r, new Set());
    out.get(r)!.add(value);
  }
  return out;
}

/**
 * Every token written into personal data, and who may ever have held it: a board member's
 * (and an association's scanned files) the provinces its association is placed in, and those a transfer the
 * sender approved carried its file to (board members only); a meeting's participants and files its province
 * and the youth centre it was ever planned at; a workshop's participants every province that ever hosted it.
 * Youth centres never hold board members or an association's files. Built from every value the ministry's log
 * holds, so an edited name is covered by its old value too.
 */
export function entitlements(ministry: TestApp): Map<string, Entitled> {
  const db = ministry.ctx.db!.sqlite;
  const out = new Map<string, Entitled>();
  const add = (text: string, what: string, plates: Iterable<string>, centres: Iterable<string> = []) => {
    for (const key of [...text.matchAll(TOKEN)].map((m) => m[0].toLowerCase())) {
      const entry = out.get(key) ?? { what, plates: new Set<string>(), centres: new Set<string>() };
      for (const p of plates) entry.plates.add(p);
      for (const c of centres) entry.centres.add(c);
      out.set(key, entry);
    }
  };
  const placeOf = everValues(ministry, 'associations', 'province_plate');
  const carriedTo = new Map<string, Set<string>>();
  const approved = new Set(
    (db.prepare("SELECT data FROM association_history WHERE kind = 'TRANSFER' AND action = 'senderApprove'").all() as { data: string }[]).map((r) => String((JSON.parse(r.data) as { transferId?: string }).transferId)),
  );
  for (const t of db.prepare('SELECT id, association_id AS a, to_plate AS p FROM transfers').all() as { id: string; a: string; p: string }[]) {
    if (!approved.has(t.id)) continue;
    if (!carriedTo.has(t.a)) carriedTo.set(t.a, new Set());
    carriedTo.get(t.a)!.add(t.p);
  }
  const associationOf = (table: string) => everValues(ministry, table, 'association_id');
  for (const [table, carried] of [['association_people', true], ['association_attachments', false]] as const) {
    const parents = associationOf(table);
    for (const column of table === 'association_people' ? ['full_name'] : ['file_name']) {
      for (const [row, values] of everValues(ministry, table, column)) {
        const plates = new Set<string>();
        for (const a of parents.get(row) ?? []) {
          for (const p of placeOf.get(a) ?? []) plates.add(p);
          if (carried) for (const p of carriedTo.get(a) ?? []) plates.add(p);
        }
        for (const v of values) add(v, `${table} ${row}`, plates);
      }
    }
  }
  const meetingPlates = everValues(ministry, 'meetings', 'province_plate');
  const meetingCentres = everValues(ministry, 'meetings', 'youth_centre_id');
  for (const [table, column] of [['meeting_participants', 'full_name'], ['meeting_files', 'file_name']] as const) {
    const parents = everValues(ministry, table, 'meeting_id');
    for (const [row, values] of everValues(ministry, table, column)) {
      const meetings = [...(parents.get(row) ?? [])];
      const plates = meetings.flatMap((m) => [...(meetingPlates.get(m) ?? [])]);
      const centres = meetings.flatMap((m) => [...(meetingCentres.get(m) ?? [])]);
      for (const v of values) add(v, `${table} ${row}`, plates, centres);
    }
  }
  const hosts = everValues(ministry, 'workshops', 'host_plate');
  const workshopOf = everValues(ministry, 'workshop_participants', 'workshop_id');
  for (const [row, values] of everValues(ministry, 'workshop_participants', 'full_name')) {
    const plates = [...(workshopOf.get(row) ?? [])].flatMap((w) => [...(hosts.get(w) ?? [])]);
    for (const v of values) add(v, `workshop_participants ${row}`, plates);
  }
  return out;
}

/**
 * The tokens an installation may hold now: those of the personal rows in its scope (any value those rows
 * ever had: the log keeps a row's history). A TC number is judged by the token of its number.
 */
export function tokensInScope(ministry: TestApp, scope: Scope): Set<string> {
  const db = ministry.ctx.db!.sqlite;
  const out = new Set<string>();
  const statement = db.prepare('SELECT value AS v FROM change_log WHERE table_name = ? AND row_id = ?');
  for (const table of ['association_people', 'association_attachments', 'meeting_participants', 'meeting_files', 'workshop_participants']) {
    for (const row of scope.get(table) ?? []) {
      for (const { v } of statement.all(table, row) as { v: string }[]) for (const m of v.matchAll(TOKEN)) out.add(m[0].toLowerCase());
    }
  }
  return out;
}

/** The token a found key is judged by: itself, or for a TC number the token of the same number (tcNumber). */
export const tokenOf = (key: string): string => (key.startsWith(TC_PREFIX) ? token(Number(key.slice(TC_PREFIX.length, TC_PREFIX.length + 4))).toLowerCase() : key);

/**
 * Tokens and TC numbers in an installation's live data — every table's rows (the log, derived search text,
 * conflicts, ledgers), not free pages — that belong to no personal row in its scope now, with where they are.
 */
export function personalOutsideScope(app: TestApp, allowed: Set<string>): string[] {
  const db = app.ctx.db!.sqlite;
  const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'").all() as { name: string }[]).map((t) => t.name);
  const out: string[] = [];
  for (const table of tables) {
    for (const row of db.prepare(`SELECT * FROM "${table}"`).raw(true).all() as unknown[][]) {
      for (const cell of row) {
        if (typeof cell !== 'string') continue;
        for (const key of personalIn(cell)) if (!allowed.has(tokenOf(key))) out.push(`${key} in ${table}: ${cell.slice(0, 120)}`);
      }
    }
  }
  return out;
}

/** Tokens and TC numbers in a text (a database page, a decrypted line). */
export function personalIn(text: string): Set<string> {
  const found = new Set<string>();
  for (const m of text.matchAll(TOKEN)) found.add(m[0].toLowerCase());
  for (const tc of text.match(TC_PATTERN) ?? []) found.add(tc);
  return found;
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

const NEEDLES = [TC_PREFIX, 'kvq', 'Kvq', 'KVQ'].map((n) => Buffer.from(n, 'latin1'));

/** Tokens and TC numbers in raw bytes (a database file, its WAL, a stored file): found by their prefixes. */
export function personalInBytes(bytes: Buffer): Set<string> {
  const found = new Set<string>();
  for (const needle of NEEDLES) {
    for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 1)) {
      for (const key of personalIn(bytes.toString('latin1', at, at + 11))) found.add(key);
    }
  }
  return found;
}

/** Where each token or TC number occurs in an installation's data folder: the database, its WAL, stored files. */
export function personalOnDisk(app: TestApp): Map<string, string[]> {
  const where = new Map<string, string[]>();
  const key = app.ctx.db!.key;
  for (const file of filesUnder(app.dataDir)) {
    for (const found of personalInBytes(decrypted(app, file, key))) where.set(found, [...(where.get(found) ?? []), path.relative(app.dataDir, file)]);
  }
  return where;
}

/**
 * A data-folder file's bytes as someone holding the data key would read them (everything is encrypted at rest,
 * issue #16): the database page by page, free pages included (a copy decrypted in place, WAL folded in), a
 * stored file decrypted; what is not encrypted as it is. So "erased" still means gone, not just unreadable.
 */
function decrypted(app: TestApp, file: string, key: Buffer): Buffer {
  const name = path.basename(file);
  if (name.endsWith('.sqlite')) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kopru-plain-'));
    try {
      const copy = path.join(dir, name);
      fs.copyFileSync(file, copy);
      if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
      const db = openKeyed(copy, key);
      db.pragma('journal_mode = DELETE');
      db.pragma("rekey = ''");
      db.close();
      return fs.readFileSync(copy);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  if (name.endsWith('-wal') || name.endsWith('-shm')) return Buffer.alloc(0); // folded into the database's copy above
  if (/^[0-9a-f]{64}$/.test(name)) return readBlob(app.dataDir, key, name);
  return fs.readFileSync(file);
}

/** Where each token or TC number occurs in the exchange files addressed to an installation, as it decrypts them. */
export async function personalInFiles(world: World, name: string): Promise<Map<string, string[]>> {
  const app = world.apps[name]!;
  const recipient = { dataDir: app.dataDir } as Node;
  const where = new Map<string, string[]>();
  for (const { to, file } of world.sent) {
    if (to !== name) continue;
    if (readHeader(file).header.recipient !== app.ctx.identity!.nodeId) throw new Error(`${path.basename(file)} is not addressed to ${name}`);
    const texts: string[] = [];
    for (const line of await linesOf(file, recipient)) {
      texts.push(JSON.stringify(line));
      // A stored file travels base64-encoded: its bytes are read as the recipient would write them.
      if (line.t === 'b' && typeof line.data === 'string') texts.push(Buffer.from(line.data, 'base64').toString('latin1'));
    }
    for (const key of personalIn(texts.join('\n'))) where.set(key, [...(where.get(key) ?? []), path.basename(file)]);
  }
  return where;
}

/**
 * Who may hold a token or TC number found somewhere. A TC number is written with the token of the same number
 * in the person's name (tcNumber(n) beside token(n)), and judged as that name: the ministry's log no longer
 * holds a removed board member's TC number (it is erased everywhere), but it keeps the name.
 */
export function entitlementOf(entitled: Map<string, Entitled>, key: string): Entitled | undefined {
  if (!key.startsWith(TC_PREFIX)) return entitled.get(key);
  const name = entitled.get(tokenOf(key));
  return name && { ...name, what: `the TC number of ${name.what}` };
}

/** Whether an installation may hold a piece of personal data. */
export function mayHold(entitled: Entitled, holder: { role: Role; plate: string | null; centre: string | null }): boolean {
  if (holder.role === 'ministry') return true;
  if (holder.role === 'province') return holder.plate !== null && entitled.plates.has(holder.plate);
  return holder.centre !== null && entitled.centres.has(holder.centre);
}
