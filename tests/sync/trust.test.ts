import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportResult } from '../../shared/contract/sync';
import { expectError, snapshot } from '../integration/helpers';
import { createNode, deliver, enrol, exportFile, type Node } from '../support/nodes';
import { syncNodesSpec } from '../../db/sync/tables';
import { recordQuarantine } from '../../db/sync/quarantine';
import { messageText } from '../../shared/contract';
import { canonicalChange, signSegment } from '../../electron/sync/origins';
import { signingKey } from '../../electron/sync/keys';
import { openApp } from '../support/app';
import { forgeFile, isChange, linesOf, type ChangeLine, type Line } from './support/forge';
import { testDataKey } from '../support/keyStore';

// An enrolled installation that turns against the others (issue #14), with a real key and the project's own
// file writer: what it may not make another installation accept — changes in another's name (every origin
// signs its own changes; relays pass the signatures on), changes after a key was revoked, a sequence number
// used twice (restores go on as a new incarnation), stamps from a clock far ahead. Workflow steps taken
// without authority are in authority.test.ts.

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
  it('the same change twice in one file: refused, as its origin never signed such a run', async () => {
    const { ministry, ankara } = await ministryAndAnkara();
    await centre(ankara, 'İki Kez Gelen Gençlik Merkezi');
    const genuine = await linesOf(await exportFile(ankara, ministry), ministry);
    const first = genuine.find(isChange)!;
    const at = genuine.indexOf(first);
    const lines = [...genuine.slice(0, at + 1), { ...first, value: '"başka"' }, ...genuine.slice(at + 1)];
    const before = tablesOf(ministry);
    const error = expectError(await ministry.invoke('sync:import', { path: await forgeFile(ankara, ministry, lines, 'repeated') }), 'VALIDATION');
    expect(error.message).toMatch(/yazan kurulumun imzaladığı diziyle uyuşmuyor/);
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

// ------------------------------------------------------------------------------------------ origin signatures

/** Ministry, Ankara and one of Ankara's youth centres, enrolled, each knowing the others. */
async function chain() {
  const { ministry, ankara } = await ministryAndAnkara();
  const centreNode = await createNode('cankaya', 'youth-center', '06');
  nodes.push(centreNode);
  await enrol(ankara, centreNode);
  await deliver(ankara, ministry);
  await deliver(ministry, ankara);
  await deliver(ankara, centreNode);
  return { ministry, ankara, centreNode };
}

const heldSeq = (node: Node, origin: string) =>
  (node.ctx.db!.sqlite.prepare('SELECT coalesce(max(seq), 0) AS n FROM change_log WHERE origin_node = ?').get(origin) as { n: number }).n;

/** A change in the canonical order of fields, as a forger would write it. */
function changeLine(table: string, row: string, column: string, value: unknown, origin: string, seq: number): ChangeLine {
  return { t: 'c', table, row, column, value: JSON.stringify(value), hlc: `${new Date().toISOString()}-0000-${origin}`, origin, seq, base: null };
}

/** A segment line over `changes`, signed with `key` (the forger's own: the only one it has). */
function signedBy(key: crypto.KeyObject, origin: string, changes: ChangeLine[]): Line {
  const hash = crypto.createHash('sha256');
  for (const c of changes) hash.update(canonicalChange(c));
  const digest = hash.digest('hex');
  const first = changes[0]!.seq;
  const last = changes.at(-1)!.seq;
  return { t: 's', origin, first, last, signature: signSegment(key, origin, first, last, digest) };
}

/** The lines of `file` with `extra` (changes and their segment line) put before its blobs and end line. */
async function withExtra(file: string, recipient: Node, extra: Line[]): Promise<Line[]> {
  const lines = await linesOf(file, recipient);
  const end = lines.findIndex((l) => l.t === 'b' || l.t === 'end');
  return [...lines.slice(0, end), ...extra, ...lines.slice(end)];
}

const policyChange = (ministry: Node, origin: string, seq: number) => [
  changeLine('reference_data', 'registryPolicy', 'value', JSON.stringify({ approvingLevel: 'province' }), origin, seq),
];

describe('changes in another installation’s name', () => {
  it('a youth centre signs, with its own key, a policy change claiming the ministry’s node: its province refuses the file, naming the ministry', async () => {
    const { ministry, ankara, centreNode } = await chain();
    const forged = policyChange(ministry, ministry.nodeId, heldSeq(ankara, ministry.nodeId) + 1);
    const lines = await withExtra(await exportFile(centreNode, ankara), ankara, [...forged, signedBy(signingKey(centreNode.dataDir, testDataKey(centreNode.dataDir)), ministry.nodeId, forged)]);
    const before = tablesOf(ankara);
    const error = expectError(await ankara.invoke('sync:import', { path: await forgeFile(centreNode, ankara, lines) }), 'VALIDATION');
    expect(error.message).toMatch(/Gençlik ve Spor Bakanlığı.* kurulumuna ait değişikliklerin bir kısmı o kurulumun imzasıyla uyuşmuyor/);
    expect(error.message).toContain('Çankaya Gençlik Merkezi');
    expect(tablesOf(ankara)).toEqual(before);
    expect((await ankara.ok<{ approvingLevel: string }>('registry:getPolicy')).approvingLevel).toBe('ministry');
    // Unsigned, the same changes are refused as well; and the province goes on writing.
    const unsigned = await withExtra(await exportFile(centreNode, ankara, '-2'), ankara, forged);
    expectError(await ankara.invoke('sync:import', { path: await forgeFile(centreNode, ankara, unsigned, 'unsigned') }), 'VALIDATION');
    expect(tablesOf(ankara)).toEqual(before);
    await centre(ankara, 'Yazmaya Devam Gençlik Merkezi');
  });

  it('a province vouches for a made-up “ministry” installation and sends its changes: the ministry does not take them', async () => {
    const { ministry, ankara } = await ministryAndAnkara();
    const fake = crypto.generateKeyPairSync('ed25519');
    const fakeNode = 'f0f0f0f0f0f0f0f0';
    const publicKey = fake.publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64');
    ankara.ctx.db!.sqlite.transaction(() =>
      ankara.ctx.writer!.insert(syncNodesSpec, ankara.unitId, {
        node_id: fakeNode, unit_id: 'ministry', role: 'ministry', unit_name: 'Sahte Bakanlık', province_plate: null, sign_public_key: publicKey, box_public_key: publicKey,
      }, `${ankara.nodeId}:${fakeNode}`),
    )();
    const forged = policyChange(ministry, fakeNode, 1);
    const lines = await withExtra(await exportFile(ankara, ministry), ministry, [...forged, signedBy(fake.privateKey, fakeNode, forged)]);
    const result = await ministry.ok<ImportResult>('sync:import', { path: await forgeFile(ankara, ministry, lines) });
    expect(result.report.withheld).toEqual([{ origin: fakeNode, count: 1, reason: 'unknown' }]);
    expect(result.warnings.map((w) => w.message).join(' ')).toMatch(/henüz tanımadığı bir kurulumdan/);
    expect((await ministry.ok<{ approvingLevel: string }>('registry:getPolicy')).approvingLevel).toBe('ministry');
    expect(heldSeq(ministry, fakeNode)).toBe(0);
  });

  describe('a province relaying its youth centre’s changes to the ministry', () => {
    async function relayed() {
      const { ministry, ankara, centreNode } = await chain();
      for (const name of ['Bir', 'İki', 'Üç']) await centreNode.ok('directory:create', { kind: 'STK', subtype: 'DERNEK', name: `${name} Gençlik Derneği`, provincePlate: '06' });
      await deliver(centreNode, ankara);
      const lines = await linesOf(await exportFile(ankara, ministry), ministry);
      const run = lines.filter((l): l is ChangeLine => isChange(l) && l.origin === centreNode.nodeId && l.table === 'organisations');
      expect(run.length).toBeGreaterThan(6);
      return { ministry, ankara, centreNode, lines, run };
    }

    it('edits one change: refused, naming the youth centre; nothing changes at the ministry', async () => {
      const { ministry, ankara, lines, run } = await relayed();
      const target = run.find((l) => l.column === 'name')!;
      const edited = lines.map((l) => (l === target ? { ...target, value: JSON.stringify('Uydurma Derneği') } : l));
      const before = tablesOf(ministry);
      const error = expectError(await ministry.invoke('sync:import', { path: await forgeFile(ankara, ministry, edited, 'edited') }), 'VALIDATION');
      expect(error.message).toMatch(/Çankaya Gençlik Merkezi kurulumuna ait değişikliklerin bir kısmı o kurulumun imzasıyla uyuşmuyor/);
      expect(error.message).toContain('Ankara Gençlik ve Spor İl Müdürlüğü');
      expect(tablesOf(ministry)).toEqual(before);
    });

    it('drops one change from the middle, or swaps two, or adds one: refused; nothing changes', async () => {
      const { ministry, ankara, lines, run } = await relayed();
      const at = (l: Line) => lines.indexOf(l);
      const middle = run[3]!;
      const dropped = lines.filter((l) => l !== middle);
      const swapped = [...lines];
      [swapped[at(run[2]!)], swapped[at(run[3]!)]] = [run[3]!, run[2]!];
      const added = [...lines.slice(0, at(run[3]!)), { ...run[3]!, column: 'notes', value: '"eklenmiş"' }, ...lines.slice(at(run[3]!))];
      const before = tablesOf(ministry);
      for (const [label, forged] of [['dropped', dropped], ['swapped', swapped], ['added', added]] as const) {
        const error = expectError(await ministry.invoke('sync:import', { path: await forgeFile(ankara, ministry, forged, label) }), 'VALIDATION');
        expect(error.message, label).toMatch(/imza/);
        expect(tablesOf(ministry), label).toEqual(before);
      }
      // The genuine file is still taken, whole.
      const genuine = await ministry.ok<ImportResult>('sync:import', { path: await forgeFile(ankara, ministry, lines, 'genuine') });
      expect(genuine.report.tables.organisations?.new).toBe(3);
    });

    it('leaves out the youth centre’s whole run: the rest is taken, and the run comes with a later file', async () => {
      const { ministry, ankara, centreNode, lines } = await relayed();
      const without = lines.filter((l) => !((isChange(l) && l.origin === centreNode.nodeId) || (l.t === 's' && l.origin === centreNode.nodeId)));
      const partial = await ministry.ok<ImportResult>('sync:import', { path: await forgeFile(ankara, ministry, without, 'without') });
      expect(partial.report.tables.organisations).toBeUndefined();
      expect(heldSeq(ministry, centreNode.nodeId)).toBe(0);
      expect((await deliver(ankara, ministry)).report.tables.organisations?.new).toBe(3);
    });
  });
});

// ------------------------------------------------------------------------------------------ revocation

describe('a revoked key', () => {
  it('a province revokes its youth centre’s key; changes signed with it afterwards are refused at the province and, relayed, at the ministry', async () => {
    const { ministry, ankara, centreNode } = await chain();
    await centreNode.ok('directory:create', { kind: 'STK', subtype: 'DERNEK', name: 'Önceki Gençlik Derneği', provincePlate: '06' });
    await deliver(centreNode, ankara);
    const revoked = await ankara.ok<{ revokedAfterSeq: number }>('sync:revoke', { peerNode: centreNode.nodeId });
    expect(revoked.revokedAfterSeq).toBe(heldSeq(ankara, centreNode.nodeId));
    expectError(await ankara.invoke('sync:revoke', { peerNode: centreNode.nodeId }), 'CONFLICT');
    const peers = (await ankara.ok<{ peers: { nodeId: string; revokedAfterSeq: number | null }[] }>('sync:status')).peers;
    expect(peers.find((p) => p.nodeId === centreNode.nodeId)?.revokedAfterSeq).toBe(revoked.revokedAfterSeq);
    expect(peers.find((p) => p.nodeId === ministry.nodeId)?.revokedAfterSeq).toBeNull();
    await deliver(ankara, ministry);
    // The stolen computer goes on writing and sending.
    await centreNode.ok('directory:create', { kind: 'STK', subtype: 'DERNEK', name: 'Çalınmış Anahtar Derneği', provincePlate: '06' });
    const after = await exportFile(centreNode, ankara);
    const atProvince = await ankara.ok<ImportResult>('sync:import', { path: after });
    expect(atProvince.report.withheld).toEqual([{ origin: centreNode.nodeId, count: expect.any(Number), reason: 'revoked' }]);
    expect(atProvince.warnings.map((w) => w.message).join(' ')).toMatch(/Çankaya Gençlik Merkezi kurulumunun anahtarı iptal edilmiş/);
    expect((await ankara.ok<{ total: number }>('directory:search', { query: 'çalınmış' })).total).toBe(0);
    // Relayed to the ministry inside a file of the province (with the centre's genuine signature): refused there too.
    const stolen = (await linesOf(after, ankara)).filter((l) => (isChange(l) && l.origin === centreNode.nodeId && l.seq > revoked.revokedAfterSeq) || (l.t === 's' && l.origin === centreNode.nodeId && Number(l.last) > revoked.revokedAfterSeq));
    const lines = await withExtra(await exportFile(ankara, ministry), ministry, stolen);
    const atMinistry = await ministry.ok<ImportResult>('sync:import', { path: await forgeFile(ankara, ministry, lines, 'stolen') });
    expect(atMinistry.report.withheld.map((w) => w.reason)).toEqual(['revoked']);
    expect((await ministry.ok<{ total: number }>('directory:search', { query: 'çalınmış' })).total).toBe(0);
    expect((await ministry.ok<{ total: number }>('directory:search', { query: 'önceki' })).total).toBe(1);
  });

  it('only the unit that enrolled an installation may revoke it', async () => {
    const { ministry, ankara } = await ministryAndAnkara();
    expectError(await ankara.invoke('sync:revoke', { peerNode: ministry.nodeId }), 'FORBIDDEN');
  });
});

// ------------------------------------------------------------------------------------------ clocks

describe('a clock a year ahead', () => {
  it('lists an installation this one is or does not know in the reader’s language, in Turkish for the CLI', async () => {
    const ministry = await createNode('ministry', 'ministry');
    nodes.push(ministry);
    const held = (originNode: string) => ({ originNode, firstSeq: 1, maxHlc: '2099-01-01T00:00:00.000Z-0000-x', aheadMinutes: 60 * 24 * 400, peerNode: 'p', fileName: 'f.kopru', detectedAt: new Date().toISOString() });
    recordQuarantine(ministry.ctx.db!, held(ministry.nodeId));
    recordQuarantine(ministry.ctx.db!, held('n-unknown-7'));
    const list = await ministry.ok<{ originNode: string; unitName: string; unit: { message: string; key?: string; params?: Record<string, string> } }[]>('sync:quarantine');
    const byNode = new Map(list.map((e) => [e.originNode, e]));
    const english = (e: { unit: { message: string; key?: string; params?: Record<string, string> } }) => (e.unit.key ? messageText(e.unit.key, e.unit.params, 'en') : e.unit.message);
    expect(byNode.get(ministry.nodeId)!.unitName).toBe('bu kurulum');
    expect(english(byNode.get(ministry.nodeId)!)).toBe('this installation');
    expect(byNode.get('n-unknown-7')!.unitName).toBe('tanınmayan kurulum n-unknown-7');
    expect(english(byNode.get('n-unknown-7')!)).toBe('unknown installation n-unknown-7');
  });

  it('its changes wait in quarantine with its name, the receiver’s clock stays put; a person accepts them and the file applies', async () => {
    const ministry = await createNode('ministry', 'ministry');
    const yearAhead = await createNode('ileri', 'province', '35', () => Date.now() + 365 * 24 * 3600 * 1000);
    nodes.push(ministry, yearAhead);
    await enrol(ministry, yearAhead);
    const districts = await yearAhead.ok<{ id: string }[]>('orgUnits:listDistricts', { provincePlate: '35' });
    await yearAhead.ok('orgUnits:createYouthCentre', { name: 'Gelecekten Gençlik Merkezi', districtId: districts[0]!.id, status: 'active' });
    const file = await exportFile(yearAhead, ministry);
    const before = tablesOf(ministry);
    const held = await ministry.ok<ImportResult>('sync:import', { path: file });
    expect(held.report.quarantined).toEqual([{ origin: yearAhead.nodeId, firstSeq: 1, maxHlc: expect.any(String), count: expect.any(Number) }]);
    expect(held.warnings.map((w) => w.message).join(' ')).toMatch(/İzmir Gençlik ve Spor İl Müdürlüğü kurulumunun \d+ değişikliği, bu bilgisayarın saatinden yaklaşık 36\d gün ileri tarihli/);
    const data = (node: Node) => Object.fromEntries(Object.entries(tablesOf(node)).filter(([t]) => !['sync_ledger', 'sync_peers', 'sync_quarantine'].includes(t)));
    expect(data(ministry)).toEqual(Object.fromEntries(Object.entries(before).filter(([t]) => !['sync_ledger', 'sync_peers', 'sync_quarantine'].includes(t))));
    const clock = () => (ministry.ctx.db!.sqlite.prepare('SELECT last_hlc AS h FROM sync_clock').get() as { h: string }).h;
    const list = await ministry.ok<{ id: number; unitName: string; aheadMinutes: number; acceptedAt: string | null }[]>('sync:quarantine');
    expect(list).toEqual([expect.objectContaining({ unitName: 'İzmir Gençlik ve Spor İl Müdürlüğü', unit: { message: 'İzmir Gençlik ve Spor İl Müdürlüğü' }, acceptedAt: null })]);
    expect(list[0]!.aheadMinutes).toBeGreaterThan(364 * 24 * 60);
    // A person checks with İzmir and accepts; the same file then applies, and this clock still does not jump.
    await ministry.ok('sync:acceptQuarantine', { id: list[0]!.id });
    const applied = await ministry.ok<ImportResult>('sync:import', { path: file });
    expect(applied.report.quarantined).toEqual([]);
    expect(applied.report.tables.youth_centres?.new).toBe(1);
    expect(Date.parse(clock().slice(0, 24))).toBeLessThan(Date.now() + 25 * 3600 * 1000);
    // What waited is held now: it leaves the list.
    expect(await ministry.ok('sync:quarantine')).toEqual([]);
  });
});

// ------------------------------------------------------------------------------------------ restores

describe('an installation that went back in time', () => {
  it('a backup restored in the app goes on as a new incarnation: the receiver takes its new changes, and the lost ones come back to it', async () => {
    const { ministry, ankara } = await ministryAndAnkara();
    const backup = (await ankara.ok<{ name: string }>('backups:create')).name;
    await centre(ankara, 'Gönderilmiş Gençlik Merkezi');
    await deliver(ankara, ministry);
    await ankara.ok('backups:restore', { name: backup });
    expect((await ankara.ok<{ identity: { nodeId: string } }>('installation:status')).identity.nodeId).toBe(`${ankara.nodeId}~2`);
    await centre(ankara, 'Geri Yüklemeden Sonra Gençlik Merkezi');
    const result = await deliver(ankara, ministry);
    expect(result.report.tables.youth_centres?.new).toBe(1);
    // The ministry sends back what the restore lost.
    const back = await deliver(ministry, ankara);
    expect(back.report.tables.youth_centres?.new).toBe(1);
    const names = async (node: Node) => (await node.ok<{ items: { name: string }[] }>('orgUnits:searchYouthCentres', { query: 'genclik' })).items.map((c) => c.name).sort();
    expect(await names(ankara)).toEqual(['Geri Yüklemeden Sonra Gençlik Merkezi', 'Gönderilmiş Gençlik Merkezi']);
    expect(await names(ministry)).toEqual(await names(ankara));
  });

  it('a folder copied back by hand and written to: refused at first, then the installation finds out from its peer, goes on as a new incarnation, and all converge', async () => {
    const { ministry, ankara } = await ministryAndAnkara();
    const copy = path.join(path.dirname(ankara.dataDir), `${path.basename(ankara.dataDir)}-kopya.sqlite`);
    // A consistent copy, encrypted like the folder (SQLite's backup API cannot write an encrypted copy).
    ankara.ctx.db!.sqlite.prepare('VACUUM INTO ?').run(copy);
    await centre(ankara, 'Kopyadan Önce Gönderilen Gençlik Merkezi');
    await deliver(ankara, ministry);
    // The folder goes back to the copy, behind the app's back; the clerk writes something else.
    ankara.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(path.join(ankara.dataDir, `kopru.sqlite${suffix}`), { force: true });
    fs.copyFileSync(copy, path.join(ankara.dataDir, 'kopru.sqlite'));
    const back = Object.assign(openApp(ankara.dataDir), { name: 'ankara', nodeId: ankara.nodeId, unitId: ankara.unitId, fingerprint: ankara.fingerprint });
    nodes.push(back);
    await centre(back, 'Kopyaya Yazılan Gençlik Merkezi');
    const before = tablesOf(ministry);
    expectError(await ministry.invoke('sync:import', { path: await exportFile(back, ministry, '-copy') }), 'VALIDATION');
    expect(tablesOf(ministry)).toEqual(before);
    // The next file from the ministry tells the copy what it had lost.
    const told = await deliver(ministry, back);
    expect(told.warnings.map((w) => w.message).join(' ')).toMatch(/veri klasörü geri alınmış görünüyor.*yeni bir sürümle/);
    expect((await back.ok<{ identity: { nodeId: string } }>('installation:status')).identity.nodeId).toBe(`${ankara.nodeId}~2`);
    // The copy's own later writes go up again under the new incarnation; the ministry then sends the lost ones.
    await deliver(back, ministry);
    await deliver(ministry, back);
    const names = async (node: Node) => (await node.ok<{ items: { name: string }[] }>('orgUnits:searchYouthCentres', { query: 'genclik' })).items.map((c) => c.name).sort();
    expect(await names(back)).toEqual(['Kopyadan Önce Gönderilen Gençlik Merkezi', 'Kopyaya Yazılan Gençlik Merkezi']);
    expect(await names(ministry)).toEqual(await names(back));
    // Both go on writing and exchanging.
    await centre(back, 'Sonraki Gençlik Merkezi');
    expect((await deliver(back, ministry)).report.tables.youth_centres?.new).toBe(1);
  });
});

describe('restored from a backup in the app', () => {
  const names = async (node: Node) => (await node.ok<{ rows: { name: string }[] }>('directory:search', { query: 'dernegi' })).rows.map((o) => o.name).sort();

  it('a youth centre goes on as a new incarnation; its province takes what it writes afterwards, and sends back what it lost', async () => {
    const { ankara, centreNode: restored } = await chain();
    const organisation = (name: string) => restored.ok('directory:create', { kind: 'STK', subtype: 'DERNEK', name, provincePlate: '06' });
    const backup = (await restored.ok<{ name: string }>('backups:create')).name;
    await organisation('Gönderilmiş Gençlik Derneği');
    await deliver(restored, ankara);
    await restored.ok('backups:restore', { name: backup });
    await organisation('Geri Yüklemeden Sonra Gençlik Derneği');
    expect((await deliver(restored, ankara)).report.tables.organisations?.new).toBe(1);
    expect((await deliver(ankara, restored)).report.tables.organisations?.new).toBe(1);
    expect(await names(restored)).toEqual(['Geri Yüklemeden Sonra Gençlik Derneği', 'Gönderilmiş Gençlik Derneği']);
    expect(await names(ankara)).toEqual(await names(restored));
  });

  it('the ministry goes on as a new incarnation; its province takes what it writes afterwards; what it lost stays lost (a child holds only its part, with no signature of the ministry to prove it)', async () => {
    const { ministry: restored, ankara } = await chain();
    const organisation = (name: string) => restored.ok('directory:create', { kind: 'STK', subtype: 'DERNEK', name, provincePlate: '06' });
    const backup = (await restored.ok<{ name: string }>('backups:create')).name;
    await organisation('Gönderilmiş Gençlik Derneği');
    await deliver(restored, ankara);
    await restored.ok('backups:restore', { name: backup });
    await organisation('Geri Yüklemeden Sonra Gençlik Derneği');
    expect((await deliver(restored, ankara)).report.tables.organisations?.new).toBe(1);
    // A province sends its own changes up, never the ministry's: nothing of the ministry's comes back unproven.
    const back = await deliver(ankara, restored);
    expect(back.report.tables.organisations?.new ?? 0).toBe(0);
    expect(await names(restored)).toEqual(['Geri Yüklemeden Sonra Gençlik Derneği']);
    expect(await names(ankara)).toEqual(['Geri Yüklemeden Sonra Gençlik Derneği', 'Gönderilmiş Gençlik Derneği']);
  });
});

describe('the clock bound', () => {
  it('is reference data: the ministry sets it, every installation it reaches holds back by it', async () => {
    const ministry = await createNode('ministry', 'ministry');
    const ankara = await createNode('ankara', 'province', '06');
    const hoursAhead = await createNode('cankaya', 'youth-center', '06', () => Date.now() + 3 * 3600 * 1000);
    nodes.push(ministry, ankara, hoursAhead);
    await enrol(ministry, ankara);
    await enrol(ankara, hoursAhead);
    expect(await ankara.ok('sync:clockBound')).toEqual({ maxAheadHours: 24, updatedAt: null });
    expectError(await ankara.invoke('sync:setClockBound', { maxAheadHours: 2 }), 'FORBIDDEN');
    const tooSmall = expectError(await ministry.invoke('sync:setClockBound', { maxAheadHours: 0 }), 'VALIDATION');
    expect(tooSmall.message).toMatch(/En az 1 saat/);
    await ministry.ok('sync:setClockBound', { maxAheadHours: 2 });
    await deliver(ministry, ankara);
    expect((await ankara.ok<{ maxAheadHours: number }>('sync:clockBound')).maxAheadHours).toBe(2);
    // Three hours ahead: within a day, but past the bound the ministry set.
    await hoursAhead.ok('directory:create', { kind: 'STK', subtype: 'DERNEK', name: 'Üç Saat İleri Derneği', provincePlate: '06' });
    const held = await ankara.ok<ImportResult>('sync:import', { path: await exportFile(hoursAhead, ankara) });
    expect(held.report.quarantined.map((q) => q.origin)).toEqual([hoursAhead.nodeId]);
    expect(held.warnings.map((w) => w.message).join(' ')).toMatch(/yaklaşık 3 saat ileri tarihli/);
  });
});
