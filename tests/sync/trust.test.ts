import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportResult } from '../../shared/contract/sync';
import { expectError, snapshot } from '../integration/helpers';
import { createNode, deliver, enrol, exportFile, type Node } from '../support/nodes';
import { forgeFile, isChange, linesOf, type Line } from './support/forge';

// An enrolled installation that turns against the others (issue #14), with a real key and the project's own
// file writer: what it may not make another installation accept. This part covers the origin that is the
// receiver itself and a sequence number used twice; origin signatures for every origin are still to come.

const nodes: Node[] = [];
afterAll(() => nodes.forEach((n) => n.close()));

async function ministryAndAnkara() {
  const ministry = await createNode('ministry', 'ministry');
  const ankara = await createNode('ankara', 'province', '06');
  nodes.push(ministry, ankara);
  await enrol(ministry, ankara);
  return { ministry, ankara };
}

async function centre(node: Node, name: string) {
  const districts = await node.ok<{ id: string; name: string }[]>('orgUnits:listDistricts', { provincePlate: '06' });
  return node.ok<{ id: string }>('orgUnits:createYouthCentre', { name, districtId: districts.find((d) => d.name === 'Çankaya')!.id, status: 'active' });
}

/** Every data table and the change log: equal snapshots mean the refusal changed nothing. */
const tablesOf = (node: Node) => snapshot(node);

describe('an origin that is the receiver itself', () => {
  it('a province signs changes that claim to be the ministry’s own: refused, and the ministry goes on writing', async () => {
    const { ministry, ankara } = await ministryAndAnkara();
    await centre(ankara, 'Sahte Kaynaklı Gençlik Merkezi');
    const genuine = await exportFile(ankara, ministry);
    // The province's changes, relabelled as the ministry's own next changes (what its writer would number).
    const ministryNext = (ministry.ctx.db!.sqlite.prepare('SELECT coalesce(max(seq), 0) AS n FROM change_log WHERE origin_node = ?').get(ministry.nodeId) as { n: number }).n;
    let seq = ministryNext;
    const lines = (await linesOf(genuine, ministry)).map((line): Line => (isChange(line) && line.origin === ankara.nodeId ? { ...line, origin: ministry.nodeId, seq: ++seq } : line));
    const forged = await forgeFile(ankara, ministry, lines);
    const before = tablesOf(ministry);
    const error = expectError(await ministry.invoke('sync:import', { path: forged }), 'VALIDATION');
    expect(error.message).toMatch(/bu kurulumun hiç yapmadığı değişiklikleri bu kurulum adına taşıyor/);
    expect(error.message).toContain('Ankara Gençlik ve Spor İl Müdürlüğü');
    expect(tablesOf(ministry)).toEqual(before);
    // Nothing was planted under the ministry's id: its own writes go on.
    await ministry.ok('meetings:setTerms', { terms: [{ no: 1, fromMonth: 1, toMonth: 6 }, { no: 2, fromMonth: 7, toMonth: 12 }] });
    // And the genuine file is still taken.
    expect((await ministry.ok<ImportResult>('sync:import', { path: genuine })).report.tables.youth_centres?.new).toBe(1);
  });

  it('a database that already holds changes under its own id it never made still writes (the sequence moves past them)', async () => {
    const { ankara } = await ministryAndAnkara();
    const db = ankara.ctx.db!.sqlite;
    const { seq } = db.prepare('SELECT last_seq AS seq FROM sync_clock').get() as { seq: number };
    db.prepare('INSERT INTO change_log (table_name, row_id, column_name, value, hlc, origin_node, seq) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run('youth_centres', 'planted', 'name', '"x"', '2000-01-01T00:00:00.000Z-0000-' + ankara.nodeId, ankara.nodeId, seq + 3);
    await centre(ankara, 'Yine De Yazılan Gençlik Merkezi');
    expect((await ankara.ok<{ total: number }>('orgUnits:searchYouthCentres', { query: 'yine de' })).total).toBe(1);
  });
});

describe('a sequence number used twice', () => {
  it('an installation restored from a backup writes again under numbers it had sent: the receiver refuses, naming it', async () => {
    const { ministry, ankara } = await ministryAndAnkara();
    const backup = (await ankara.ok<{ name: string }>('backups:create')).name;
    await centre(ankara, 'Gönderilmiş Gençlik Merkezi');
    await deliver(ankara, ministry);
    // Ankara's folder goes back to the backup, then Ankara writes something else under the same numbers.
    await ankara.ok('backups:restore', { name: backup });
    await centre(ankara, 'Yeniden Numaralanmış Gençlik Merkezi');
    const file = await exportFile(ankara, ministry, '-after-restore');
    const before = tablesOf(ministry);
    const error = expectError(await ministry.invoke('sync:import', { path: file }), 'VALIDATION');
    expect(error.message).toMatch(/Ankara Gençlik ve Spor İl Müdürlüğü kurulumundan daha önce alınmış bir değişiklikle aynı sırayı/);
    expect(error.message).toMatch(/yedekten geri yüklenmiş/);
    expect(tablesOf(ministry)).toEqual(before);
    expect((await ministry.ok<{ items: { name: string }[] }>('orgUnits:searchYouthCentres', { query: 'genclik' })).items.map((c) => c.name)).toEqual(['Gönderilmiş Gençlik Merkezi']);
  });

  it('the same change twice in one file: refused as damaged', async () => {
    const { ministry, ankara } = await ministryAndAnkara();
    await centre(ankara, 'İki Kez Gelen Gençlik Merkezi');
    const genuine = await linesOf(await exportFile(ankara, ministry), ministry);
    const first = genuine.find(isChange)!;
    const at = genuine.indexOf(first);
    const lines = [...genuine.slice(0, at + 1), { ...first, value: '"başka"' }, ...genuine.slice(at + 1)];
    const before = tablesOf(ministry);
    const error = expectError(await ministry.invoke('sync:import', { path: await forgeFile(ankara, ministry, lines, 'repeated') }), 'VALIDATION');
    expect(error.message).toMatch(/aynı değişiklik iki kez var/);
    expect(tablesOf(ministry)).toEqual(before);
  });

  it('a file received again, or an older one, changes no data (the ledger may note it)', async () => {
    const { ministry, ankara } = await ministryAndAnkara();
    await centre(ankara, 'Bir Gençlik Merkezi');
    const older = await exportFile(ankara, ministry, '-1');
    await ministry.ok('sync:import', { path: older });
    await centre(ankara, 'İki Gençlik Merkezi');
    await deliver(ankara, ministry);
    const data = (node: Node) => Object.fromEntries(Object.entries(tablesOf(node)).filter(([table]) => table !== 'sync_ledger' && table !== 'sync_peers'));
    const before = data(ministry);
    const again = await ministry.ok<ImportResult>('sync:import', { path: older });
    expect(again.nothingNew).toBe(true);
    expect(data(ministry)).toEqual(before);
    expect(fs.existsSync(path.dirname(older))).toBe(true);
  });
});
