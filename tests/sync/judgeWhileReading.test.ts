import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ChangeApplier } from '../../db/sync/engine';
import { syncNodesSpec } from '../../db/sync/tables';
import { importFile } from '../../electron/sync/service';
import type { ImportResult } from '../../shared/contract/sync';
import { openApp, tempDir, type TestApp } from '../support/app';
import { createNode, enrol, exportFile, type Node } from '../support/nodes';
import { runsMismatch } from '../support/changeLogRuns';
import { differingTables } from './support/dbState';

// An import judges each row as soon as the file has brought it (issue #4: the benchmark), rather than storing
// the whole file and then reading it back to judge it. Both must decide the same: every file here is imported
// by a copy of the receiver judging after reading, and by the receiver judging while reading; the two
// databases must hold the same content, ledger included, and the reports the same counts. Files that
// judging while reading cannot take (one row edited by two installations) are read again and judged after.

// One fixed clock everywhere, so that the two imports stamp their ledger rows and conflicts alike.
const CLOCK = () => Date.parse('2026-03-02T09:00:00Z');

const opened: { close(): void }[] = [];
afterAll(() => opened.forEach((n) => n.close()));

async function node(name: string, role: 'ministry' | 'province' | 'youth-center', plate?: string): Promise<Node> {
  const created = await createNode(name, role, plate, CLOCK);
  opened.push(created);
  return created;
}

/** What a report says, without the order its lists were filled in. */
function counts(result: ImportResult) {
  const { report } = result;
  return {
    received: report.received, alreadyHeld: report.alreadyHeld, stored: report.stored, conflicts: report.conflicts, tables: report.tables,
    rejected: report.rejected.map((r) => `${r.table}.${r.column}@${r.row}: ${r.reason}`).sort(), gaps: report.gaps,
  };
}

/** Whether the import had to read its file again and judge it after reading (see ImportOptions.judge). */
const afterReading = vi.spyOn(ChangeApplier.prototype as unknown as { rebuildAll(firstId: number): void }, 'rebuildAll');

/**
 * Imports `file` into `receiver` judging while reading, and into a copy of it judging after reading; checks
 * that both end the same. Returns the receiver's result and whether it had to judge after reading.
 */
async function importBoth(receiver: Node, file: string): Promise<{ result: ImportResult; reread: boolean }> {
  // Copied closed, so that the copy's SQLite file holds everything (no WAL to carry along).
  receiver.close();
  const twinDir = tempDir('kopru-twin-');
  fs.cpSync(receiver.dataDir, twinDir, { recursive: true });
  const twin = openApp(twinDir, CLOCK);
  opened.push(twin);
  const reopened = openApp(receiver.dataDir, CLOCK);
  Object.assign(receiver, { ctx: reopened.ctx, invoke: reopened.invoke, ok: reopened.ok, close: reopened.close });

  const sorted = await importFile(twin.ctx, file, { dryRun: false, judge: 'after-reading' });
  afterReading.mockClear();
  const result = await importFile(receiver.ctx, file, { dryRun: false });
  const reread = afterReading.mock.calls.length > 0;

  expect(counts(result)).toEqual(counts(sorted));
  expect(differingTables(logicalState(receiver), logicalState(twin))).toEqual([]);
  for (const app of [receiver, twin]) expect(runsMismatch(app.ctx.db!.sqlite)).toEqual([]);
  // Full-text indexes are checked against their tables instead: their segments depend on how rows were batched.
  for (const app of [receiver, twin]) {
    for (const { name } of app.ctx.db!.sqlite.prepare("SELECT name FROM sqlite_schema WHERE sql LIKE 'CREATE VIRTUAL TABLE%fts5%'").all() as { name: string }[]) {
      app.ctx.db!.sqlite.prepare(`INSERT INTO ${name} (${name}) VALUES ('integrity-check')`).run();
    }
  }
  twin.close();
  return { result, reread };
}

/**
 * A hash of every table's rows, as a set: where rows sit (rowids, and the ids SQLite numbers for local lists
 * such as the conflict inbox) depends on the order rows were written, not on what was decided. The log's ids
 * are kept: they are the order changes were received in, which both ways keep.
 */
function logicalState(app: TestApp): Record<string, string> {
  const sqlite = app.ctx.db!.sqlite;
  const state: Record<string, string> = {};
  const tables = (sqlite.pragma('table_list') as { name: string; type: string; schema: string }[]).filter(
    (t) => t.schema === 'main' && t.type === 'table' && !t.name.startsWith('sqlite_') && !/_fts_(data|idx|docsize|config)$/.test(t.name),
  );
  for (const { name } of tables) {
    const columns = (sqlite.pragma(`table_info("${name}")`) as { name: string; type: string; pk: number }[])
      .filter((c) => name === 'change_log' || !(c.pk === 1 && c.type.toUpperCase() === 'INTEGER'))
      .map((c) => `"${c.name}"`);
    const rows = (sqlite.prepare(`SELECT ${columns.join(', ')} FROM "${name}"`).raw(true).all() as unknown[][]).map((r) => JSON.stringify(r)).sort();
    state[name] = crypto.createHash('sha256').update(rows.join('\n')).digest('hex');
  }
  return state;
}

const centre = (app: Node, name: string, districtId = '06-cankaya') =>
  app.ok<{ id: string }>('orgUnits:createYouthCentre', { name, districtId, status: 'active' });
const edit = (app: Node, id: string, patch: Record<string, unknown>) => app.ok('orgUnits:updateYouthCentre', { id, ...patch });

describe('judging rows while the file is read', () => {
  it('decides new rows, rows met twice in one file and rows the receiver had exactly as judging after reading', async () => {
    const ministry = await node('M', 'ministry');
    const ankara = await node('A', 'province', '06');
    await enrol(ministry, ankara);

    // A first file of new rows only.
    const known: string[] = [];
    for (let i = 0; i < 12; i++) known.push((await centre(ankara, `Çınar ${i} Gençlik Merkezi`)).id);
    const first = await importBoth(ministry, await exportFile(ankara, ministry));
    expect(first.reread).toBe(false);
    expect(first.result.report.tables.youth_centres).toMatchObject({ new: 12, updated: 0 });

    // A second file that comes back to rows: rows the ministry has, edited twice with other changes in
    // between; rows created and then edited; a meeting at a new centre; a centre edited, then retired.
    await edit(ankara, known[0]!, { name: 'Işık Gençlik Merkezi' });
    const fresh = await centre(ankara, 'Şafak Gençlik Merkezi', '06-mamak');
    await edit(ankara, known[1]!, { hallCapacity: 80 });
    await edit(ankara, known[0]!, { phone: '0312 555 12 34' });
    await edit(ankara, fresh.id, { hallCapacity: 40 });
    await ankara.ok('meetings:create', { youthCentreId: fresh.id, date: '2026-03-10', startTime: '10:00', endTime: '12:00', hall: 'Konferans Salonu', agenda: ['Açılış'] });
    await edit(ankara, known[1]!, { name: 'Ümit Gençlik Merkezi' });
    await ankara.ok('orgUnits:retireYouthCentre', { id: known[2]! });
    await edit(ankara, fresh.id, { name: 'Yeni Şafak Gençlik Merkezi' });
    // Two new rows in a row, then the first of them again: it is still waiting to be inserted with others.
    const queued = await centre(ankara, 'Gençlik Merkezi Işıklar', '06-kecioren');
    await centre(ankara, 'Gençlik Merkezi Çiçekli', '06-kecioren');
    await edit(ankara, queued.id, { hallCapacity: 120 });
    const second = await importBoth(ministry, await exportFile(ankara, ministry));
    expect(second.reread).toBe(false);
    expect(second.result.report.tables.youth_centres).toMatchObject({ new: 3, updated: 3, held: 0 });
    expect(second.result.report.tables.meetings).toMatchObject({ new: 1 });

    // The same file again changes nothing, judged either way.
    const again = await importBoth(ministry, await exportFile(ankara, ministry));
    expect(again.result.nothingNew).toBe(true);
  });

  it('refuses the same row\'s changes alike when they come back later in the file from a node that does not own it', async () => {
    const ministry = await node('M2', 'ministry');
    const ankara = await node('A2', 'province', '06');
    await enrol(ministry, ankara);
    const owned = await centre(ankara, 'Deniz Gençlik Merkezi');
    await importBoth(ministry, await exportFile(ankara, ministry));
    // The ministry's database is tampered with to edit a province-owned row through its own writer, twice,
    // with a change of its own in between.
    const tamper = (patch: Record<string, unknown>) =>
      ministry.ctx.db!.sqlite.transaction(() => ministry.ctx.writer!.update({ name: 'youth_centres', columns: Object.keys(patch) }, owned.id, patch))();
    tamper({ name: 'Ele geçirilmiş ad' });
    await ministry.ok('registry:updatePolicy', { ...(await policyOf(ministry)), yearsWithoutVisaForCancellation: 4 });
    tamper({ hall_capacity: 1 });
    const result = await importBoth(ankara, await exportFile(ministry, ankara));
    expect(result.reread).toBe(false);
    expect(result.result.report.rejected.map((r) => r.column).sort()).toEqual(['hall_capacity', 'name', 'updated_at', 'updated_at']);
  });

  it('a row edited by two workstations of one province reaches a third installation in one file: judged as after reading', async () => {
    const ministry = await node('M3', 'ministry');
    const a1 = await node('A31', 'province', '06');
    const a2 = await node('A32', 'province', '06');
    const centreNode = await node('Y3', 'youth-center', '06');
    for (const child of [a1, a2]) await enrol(ministry, child);
    await enrol(a1, centreNode);
    const shared = await centre(a1, 'Yıldız Gençlik Merkezi');
    await importBoth(ministry, await exportFile(a1, ministry));
    await importBoth(a2, await exportFile(ministry, a2));
    // Both workstations edit the same field before exchanging: a conflict, wherever the two meet.
    await edit(a1, shared.id, { name: 'Yıldız Gençlik Merkezi (A1)' });
    await edit(a2, shared.id, { name: 'Yıldız Gençlik Merkezi (A2)' });
    await importBoth(ministry, await exportFile(a1, ministry));
    const both = await importBoth(ministry, await exportFile(a2, ministry));
    expect(both.result.report.conflicts).toBe(1);
    await importBoth(a1, await exportFile(ministry, a1));
    // The youth centre gets the row from its province: each workstation's changes of it in a run of their own.
    const relayed = await importBoth(centreNode, await exportFile(a1, centreNode));
    // Each workstation's changes of the row come in a run of their own: the file is read again, or, when
    // the second workstation's vouch comes later in the file (node ids sort at random), its run waits to be
    // judged at the end. Either way importBoth holds the outcome to judging after reading.
    expect(relayed.result.report.tables.youth_centres).toMatchObject({ new: 1 });
  });

  it('changes of a youth centre enrolled in the same file wait for the node directory, then apply', async () => {
    const ministry = await node('M4', 'ministry');
    const ankara = await node('A4', 'province', '06');
    const centreNode = await node('Y4', 'youth-center', '06');
    await enrol(ministry, ankara);
    await enrol(ankara, centreNode);
    await centre(ankara, 'Gençlik Merkezi Öğretmen');
    await importBoth(centreNode, await exportFile(ankara, centreNode));
    // The centre's own record, which its province bound it to when it enrolled it.
    const [hall] = (await centreNode.ok<{ centres: { id: string }[] }>('meetings:venues')).centres;
    await centreNode.ok('directory:create', { kind: 'STK', subtype: 'DERNEK', name: 'Öğretmen Gençlik Derneği', provincePlate: '06' });
    await centreNode.ok('meetings:create', { youthCentreId: hall!.id, date: '2026-03-12', startTime: '14:00', endTime: '16:00', hall: 'Salon', agenda: ['Açılış'] });
    await importBoth(ankara, await exportFile(centreNode, ankara));
    // The province's file brings the ministry the centre's enrolment and, after it, the centre's own rows.
    const relayed = await importBoth(ministry, await exportFile(ankara, ministry));
    expect(relayed.reread).toBe(false);
    expect(relayed.result.report.tables.organisations).toMatchObject({ new: 1 });
    expect(relayed.result.report.tables.meetings).toMatchObject({ new: 1 });
    expect(relayed.result.report.rejected).toEqual([]);
  });

  it('a file that moves a vouch already known is read again, so no change is judged against the old directory', async () => {
    const ministry = await node('M5', 'ministry');
    const ankara = await node('A5', 'province', '06');
    const centreNode = await node('Y5', 'youth-center', '06');
    await enrol(ministry, ankara);
    await enrol(ankara, centreNode);
    const organisation = (name: string) => centreNode.ok('directory:create', { kind: 'STK', subtype: 'DERNEK', name, provincePlate: '06' });
    await organisation('Işık Gençlik Derneği');
    await importBoth(ankara, await exportFile(centreNode, ankara));
    await importBoth(ministry, await exportFile(ankara, ministry));
    // The province's database is tampered with: its vouch for the centre now names another node. The
    // centre's next change travels in the same file as that edit.
    ankara.ctx.db!.sqlite.transaction(() => ankara.ctx.writer!.update(syncNodesSpec, `${ankara.nodeId}:${centreNode.nodeId}`, { node_id: '0123456789abcdef' }))();
    await organisation('Çınar Gençlik Derneği');
    await importBoth(ankara, await exportFile(centreNode, ankara));
    const moved = await importBoth(ministry, await exportFile(ankara, ministry));
    expect(moved.reread).toBe(true);
    // The centre is no longer vouched for: its new change is not taken (nor kept), to come again once it is.
    expect(moved.result.report.withheld).toEqual([{ origin: centreNode.nodeId, count: expect.any(Number), reason: 'unknown' }]);
    expect(moved.result.report.tables.organisations).toBeUndefined();
  });
});

async function policyOf(app: Node) {
  const { updatedAt: _updated, ...rest } = await app.ok<Record<string, unknown>>('registry:getPolicy');
  return rest;
}
