// Scoped exchange at national scale (issue #15). A ministry holding the national demo (`kopru demo`: 81
// provinces, each province's rows written by a stand-in of it) welcomes one province:
// - the welcome file: changes, MB, export / preview / apply time, set against the whole national change log
//   (goal: proportional to the province's scope, not the nation's);
// - then a small file (about fifty changes) imported by an installation holding national-size data against
//   the same kind of file imported by a fresh one of the same unit, in alternating rounds (goal ≤ 2×): the
//   ministry's file down into the welcomed province, and the province's file up into the national ministry.
// BENCH_SCOPE_PER_PROVINCE sets the demo's associations per province (default: the demo's 60), BENCH_SCOPE_PLATE
// the province (default 25), BENCH_SCOPE_ROUNDS the small-file rounds (default 7).
import fs from 'node:fs';
import path from 'node:path';
import { fillDemoData } from '../../electron/cli/demo';
import { workshopsSpec } from '../../db/workshops/specs';
import { createNode, enrol, nextFile, type Node } from '../support/nodes';

const PLATE = process.env.BENCH_SCOPE_PLATE ?? '25';
const ROUNDS = Number(process.env.BENCH_SCOPE_ROUNDS ?? 7);
const PER_PROVINCE = process.env.BENCH_SCOPE_PER_PROVINCE ? Number(process.env.BENCH_SCOPE_PER_PROVINCE) : undefined;

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
const f = (n: number, d = 2) => n.toFixed(d);
const thousands = (n: number) => n.toLocaleString('tr-TR');

interface ImportOut { report: { received: number; stored: number; rejected: unknown[] } }

function count(node: Node, sql: string): number {
  return (node.ctx.db!.sqlite.prepare(sql).get() as { n: number }).n;
}

function dbBytes(node: Node): number {
  node.ctx.db!.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return fs.statSync(path.join(node.dataDir, 'kopru.sqlite')).size;
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = process.hrtime.bigint();
  const value = await run();
  return { value, ms: ms(start) };
}

/** Six workshops hosted in the province, written by the ministry: about fifty changes for the province. */
function ministryWrites(ministry: Node, round: number): void {
  ministry.ctx.db!.sqlite.transaction(() => {
    for (let i = 0; i < 6; i++) {
      ministry.ctx.writer!.insert(workshopsSpec, ministry.unitId, {
        kind: 'BOLGE_CALISTAYI', title: `Bölge çalıştayı ${round}-${i}`, region: 'Doğu Anadolu', host_plate: PLATE, start_on: '2026-05-12', end_on: '2026-05-12',
        venue: 'Gençlik Merkezi Konferans Salonu', programme: '[]', findings: null,
      });
    }
  })();
}

/** Four youth centres the province enters through its handlers: about fifty changes for the ministry. */
async function provinceWrites(province: Node, round: number): Promise<void> {
  const districts = await province.ok<{ id: string }[]>('orgUnits:listDistricts', { provincePlate: PLATE });
  for (let i = 0; i < 4; i++) {
    await province.ok('orgUnits:createYouthCentre', { name: `Tahmini ${round}-${i} Gençlik Merkezi`, districtId: districts[i % districts.length]!.id, status: 'active' });
  }
}

/** One small file from `from` to `to`: preview, then apply; the times of each. */
async function smallFile(from: Node, to: Node) {
  const file = nextFile(`${from.name}-to-${to.name}`);
  const exported = await timed(() => from.ok<{ changes: number }>('sync:export', { peerNode: to.nodeId, path: file }));
  const preview = await timed(() => to.ok<ImportOut>('sync:import', { path: file, dryRun: true }));
  const apply = await timed(() => to.ok<ImportOut>('sync:import', { path: file }));
  if (apply.value.report.rejected.length) throw new Error(`${to.name} refused ${apply.value.report.rejected.length} changes of a small file`);
  return { changes: exported.value.changes, exportMs: exported.ms, previewMs: preview.ms, applyMs: apply.ms };
}

const lines: string[] = [];
const say = (line: string) => {
  lines.push(line);
  console.log(line);
};

// The national ministry and its province.
const ministry = await createNode('ministry', 'ministry');
const province = await createNode('province', 'province', PLATE);
const start = process.hrtime.bigint();
await fillDemoData(ministry.ctx, PER_PROVINCE === undefined ? {} : { associationsPerProvince: PER_PROVINCE });
const demoMs = ms(start);
const national = count(ministry, 'SELECT count(*) AS n FROM change_log');
say(`National demo at the ministry: ${thousands(national)} changes, ${thousands(count(ministry, 'SELECT count(*) AS n FROM associations'))} associations, ${thousands(count(ministry, 'SELECT count(*) AS n FROM meetings'))} meetings, database ${f(dbBytes(ministry) / 2 ** 20, 0)} MB (written in ${f(demoMs / 1000, 0)} s)`);

// The welcome file.
const intro = nextFile('intro-province', 'json');
const { fingerprint } = await province.ok<{ fingerprint: string }>('sync:introduce', { path: intro });
await ministry.ok('sync:enroll', { path: intro, fingerprint });
const welcome = nextFile('welcome');
const exported = await timed(() => ministry.ok<{ changes: number; bytes: number }>('sync:export', { peerNode: province.nodeId, path: welcome, welcome: true }));
const preview = await timed(() => province.ok<ImportOut>('sync:import', { path: welcome, welcomeFingerprint: ministry.fingerprint, dryRun: true }));
const applied = await timed(() => province.ok<ImportOut>('sync:import', { path: welcome, welcomeFingerprint: ministry.fingerprint }));
const refused = applied.value.report.rejected.length;
const pending = count(province, 'SELECT count(*) AS n FROM sync_pending');
const share = exported.value.changes / national;
say(`Welcome to province ${PLATE}: ${thousands(exported.value.changes)} changes (${f(share * 100, 1)}% of the national log), ${f(exported.value.bytes / 2 ** 20, 2)} MB; export ${f(exported.ms / 1000)} s, preview ${f(preview.ms / 1000)} s, apply ${f(applied.ms / 1000)} s; ${refused} refused, ${pending} waiting; province database ${f(dbBytes(province) / 2 ** 20, 0)} MB`);
say(`  the province's own rows at the ministry: ${thousands(count(ministry, `SELECT count(*) AS n FROM associations WHERE province_plate = '${PLATE}'`))} associations; at the province: ${thousands(count(province, 'SELECT count(*) AS n FROM associations'))} (other provinces: ${count(province, `SELECT count(*) AS n FROM associations WHERE province_plate <> '${PLATE}'`)})`);
// Changes per second of the welcome against those of the national log's export at 1:1 is not a file we make;
// the share above is the goal's measure: the file grows with the province, not with the nation.

// Fresh installations of the same units, enrolled with each other.
const freshMinistry = await createNode('fresh-ministry', 'ministry');
const freshProvince = await createNode('fresh-province', 'province', PLATE);
await enrol(freshMinistry, freshProvince);
// One exchange each way first, so that both pairs are past their welcome.
for (const [from, to] of [[province, ministry], [ministry, province], [freshProvince, freshMinistry], [freshMinistry, freshProvince]] as const) await smallFile(from, to);

const down = { big: [] as number[], fresh: [] as number[], bigPreview: [] as number[], freshPreview: [] as number[], bigExport: [] as number[], freshExport: [] as number[], changes: 0 };
const up = { big: [] as number[], fresh: [] as number[], bigPreview: [] as number[], freshPreview: [] as number[], bigExport: [] as number[], freshExport: [] as number[], changes: 0 };
for (let round = 0; round < ROUNDS; round++) {
  // Alternating which pair goes first, so that neither always runs on a warmer machine.
  const pairs = round % 2 === 0 ? ([[ministry, province, 'big'], [freshMinistry, freshProvince, 'fresh']] as const) : ([[freshMinistry, freshProvince, 'fresh'], [ministry, province, 'big']] as const);
  for (const [m, p, kind] of pairs) {
    ministryWrites(m, round);
    const d = await smallFile(m, p);
    down[kind].push(d.applyMs);
    down[kind === 'big' ? 'bigPreview' : 'freshPreview'].push(d.previewMs);
    down[kind === 'big' ? 'bigExport' : 'freshExport'].push(d.exportMs);
    down.changes = d.changes;
    await provinceWrites(p, round);
    const u = await smallFile(p, m);
    up[kind].push(u.applyMs);
    up[kind === 'big' ? 'bigPreview' : 'freshPreview'].push(u.previewMs);
    up[kind === 'big' ? 'bigExport' : 'freshExport'].push(u.exportMs);
    up.changes = u.changes;
  }
}
for (const [name, r] of [[`down: ministry → province ${PLATE}`, down], [`up: province ${PLATE} → ministry`, up]] as const) {
  say(`Small file ${name} (${r.changes} changes), median of ${ROUNDS}: export ${f(median(r.bigExport))} ms vs fresh ${f(median(r.freshExport))} ms (${f(median(r.bigExport) / median(r.freshExport))}×), preview ${f(median(r.bigPreview))} ms vs fresh ${f(median(r.freshPreview))} ms (${f(median(r.bigPreview) / median(r.freshPreview))}×), apply ${f(median(r.big))} ms vs fresh ${f(median(r.fresh))} ms (${f(median(r.big) / median(r.fresh))}×)`);
}

for (const node of [ministry, province, freshMinistry, freshProvince]) node.close();
if (process.env.BENCH_SCOPE_OUT) fs.writeFileSync(process.env.BENCH_SCOPE_OUT, lines.join('\n') + '\n');
