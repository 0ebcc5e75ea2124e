import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { AssociationDetail } from '../../shared/contract/registry';
import type { DestructionLogEntryView, DestructionRun } from '../../shared/contract/privacy';
import { meetingParticipantsSpec } from '../../db/meetings/specs';
import { APPLIED_RULES, cutoffDate } from '../../db/privacy/destruction';
import { ANONYMOUS_NAME, DESTROYED_FILE_NAME, RETENTION_RULE_IDS } from '../../shared/privacy/retention';
import { blobPath } from '../../electron/registry/files';
import { fillDemoData } from '../../electron/cli/demo';
import { cleanupFiles, createNode, deliver, enrol, exportFile, type Node } from '../support/nodes';

// Retention and destruction (issue #16): past a rule's period, the owner erases the values (its own change, so
// every copy goes too), every installation rewrites the earlier copies in its change log once nothing waits to
// be sent up, old log entries go, the destruction log says what was done (never the data), a run is all or
// nothing, and no report figure changes.

const nodes: Node[] = [];
afterAll(() => {
  for (const node of nodes) node.close();
  cleanupFiles();
});

/** A clock the test moves: the installations live "now", then years later. */
function clock(start = Date.now()) {
  let at = start;
  return { now: () => at, jump: (years: number) => (at += years * 365.25 * 24 * 3600 * 1000) };
}

const TC = '10000000146';
const PHONE = '+903125551234';

async function pair(now: () => number) {
  const ministry = await createNode('bakanlik', 'ministry', undefined, now);
  const ankara = await createNode('ankara', 'province', '06', now);
  nodes.push(ministry, ankara);
  await enrol(ministry, ankara);
  return { ministry, ankara };
}

/** An association with a member whose term ended on `termEnd` (TC, phone, e-mail) and one still serving. */
async function association(ankara: Node, termEnd: string) {
  const a = await ankara.ok<AssociationDetail>('registry:create', { name: 'Saklama Süresi Gençlik Kulübü', clubType: 'GENCLIK_KULUBU', districtId: '06-mamak' });
  await ankara.ok('registry:savePerson', { associationId: a.id, kind: 'YONETIM', membership: 'ASIL', fullName: 'Özlem Işıkçı', tcKimlikNo: TC, phone: PHONE, email: 'ozlem@example.org', termStart: '2015-01-01', termEnd });
  await ankara.ok('registry:savePerson', { associationId: a.id, kind: 'YONETIM', membership: 'ASIL', fullName: 'Gülşen Çağlayan', tcKimlikNo: '17291716060', phone: '+903125559876', termStart: '2024-01-01', termEnd: '2099-12-31' });
  return a.id;
}

const person = (node: Node, name: string) =>
  node.ctx.db!.sqlite.prepare('SELECT id, tc_kimlik_no AS tc, tc_hash AS hash, phone, email FROM association_people WHERE full_name = ?').get(name) as {
    id: string;
    tc: string | null;
    hash: string | null;
    phone: string | null;
    email: string | null;
  };

/** Values of a row's columns still held anywhere in an installation's change log. */
const carried = (node: Node, row: string, columns: string[]) =>
  (
    node.ctx.db!.sqlite
      .prepare(`SELECT value FROM change_log WHERE row_id = ? AND column_name IN (${columns.map(() => '?').join(', ')}) AND value <> 'null'`)
      .all(row, ...columns) as { value: string }[]
  ).map((r) => JSON.parse(r.value) as string);

describe('a board member whose term ended longer ago than the rules keep', () => {
  it('the owner erases TC and contact details, the ministry’s copies go with the next file, and the log says so without the data', async () => {
    const time = clock();
    const { ministry, ankara } = await pair(time.now);
    await association(ankara, '2019-06-30');
    await deliver(ankara, ministry);
    await deliver(ministry, ankara); // the ministry's receipt: nothing of Ankara's waits to be sent up any more

    // The ministry does not own the row: it erases nothing of it, and says so in its preview.
    const atMinistry = await ministry.ok<DestructionRun>('privacy:destructionPreview', {});
    expect(atMinistry.lines.find((l) => l.rule === 'boardMemberTcKimlikNo')).toMatchObject({ records: 0, copies: 0 });

    const preview = await ankara.ok<DestructionRun>('privacy:destructionPreview', {});
    const tcLine = preview.lines.find((l) => l.rule === 'boardMemberTcKimlikNo')!;
    expect(tcLine).toMatchObject({ records: 1, years: 5, cutoff: cutoffDate(ankara.ctx.today(), 5) });
    expect(preview.lines.find((l) => l.rule === 'boardMemberContact')).toMatchObject({ records: 1, years: 2 });
    // A preview changes nothing.
    expect(person(ankara, 'Özlem Işıkçı').tc).toBe(TC);

    const run = await ankara.ok<DestructionRun & { logged: number }>('privacy:runDestruction', {});
    expect(run.logged).toBe(2);
    const erased = person(ankara, 'Özlem Işıkçı');
    expect(erased).toMatchObject({ tc: null, hash: null, phone: null, email: null });
    expect(carried(ankara, erased.id, ['tc_kimlik_no', 'phone', 'email'])).toEqual([]);
    // The one still serving keeps everything.
    expect(person(ankara, 'Gülşen Çağlayan')).toMatchObject({ tc: '17291716060', phone: '+903125559876' });

    // The erasure travels as Ankara's change; the ministry's run then rewrites its own copies.
    await deliver(ankara, ministry);
    expect(person(ministry, 'Özlem Işıkçı')).toMatchObject({ tc: null, phone: null, email: null });
    expect(carried(ministry, erased.id, ['tc_kimlik_no', 'phone', 'email']).length).toBeGreaterThan(0);
    const copies = await ministry.ok<DestructionRun>('privacy:runDestruction', {});
    expect(copies.lines.find((l) => l.rule === 'boardMemberTcKimlikNo')).toMatchObject({ records: 0, copies: 1 });
    expect(carried(ministry, erased.id, ['tc_kimlik_no', 'phone', 'email'])).toEqual([]);
    expect(person(ministry, 'Gülşen Çağlayan').tc).toBe('17291716060');

    // The destruction log: rule, table, columns, counts, trigger, who — no name, number or value.
    const log = await ankara.ok<{ entries: DestructionLogEntryView[] }>('privacy:destructionLog', {});
    const retention = log.entries.filter((e) => e.reason === 'retention');
    expect(retention.map((e) => e.ruleId).sort()).toEqual(['boardMemberContact', 'boardMemberTcKimlikNo']);
    expect(retention.find((e) => e.ruleId === 'boardMemberTcKimlikNo')).toMatchObject({ table: 'association_people', columns: 'tc_kimlik_no', records: 1, trigger: 'manual' });
    const text = JSON.stringify(ankara.ctx.db!.sqlite.prepare('SELECT * FROM destruction_log').all());
    for (const secret of [TC, PHONE, 'ozlem@example.org', 'Özlem', erased.id]) expect(text).not.toContain(secret);

    // Run again: nothing left to do, nothing logged.
    const again = await ankara.ok<DestructionRun & { logged: number }>('privacy:runDestruction', {});
    expect(again.logged).toBe(0);
  });

  it('a change not yet received by the parent keeps its value until the parent’s receipt, then goes', async () => {
    const time = clock();
    const { ministry, ankara } = await pair(time.now);
    await association(ankara, '2019-06-30');
    // Nothing sent yet: Ankara erases the row's values as the owner, but its earlier signed changes must reach
    // the ministry as signed, so their values wait.
    const first = await ankara.ok<DestructionRun>('privacy:runDestruction', {});
    expect(first.lines.find((l) => l.rule === 'boardMemberTcKimlikNo')).toMatchObject({ records: 1, copies: 0, waiting: 1 });
    const id = person(ankara, 'Özlem Işıkçı').id;
    expect(carried(ankara, id, ['tc_kimlik_no'])).toEqual([TC]);
    await deliver(ankara, ministry);
    await deliver(ministry, ankara);
    const second = await ankara.ok<DestructionRun>('privacy:runDestruction', {});
    expect(second.lines.find((l) => l.rule === 'boardMemberTcKimlikNo')).toMatchObject({ records: 0, copies: 1, waiting: 0 });
    expect(carried(ankara, id, ['tc_kimlik_no'])).toEqual([]);
  });

  it('a run is all or nothing: one that fails half-way (as a kill would stop it) leaves every value and log as it was', async () => {
    const time = clock();
    const { ankara } = await pair(time.now);
    await association(ankara, '2019-06-30');
    const db = ankara.ctx.db!.sqlite;
    const before = JSON.stringify([db.prepare('SELECT * FROM association_people ORDER BY id').all(), db.prepare('SELECT count(*) AS n FROM change_log').get(), db.prepare('SELECT * FROM destruction_log').all()]);
    // The log entry is the last statement of the run's transaction: refusing it stops the run after the erasures.
    db.exec("CREATE TEMP TRIGGER stop_destruction BEFORE INSERT ON destruction_log BEGIN SELECT RAISE(ABORT, 'stopped'); END");
    const failed = await ankara.invoke('privacy:runDestruction', {});
    expect(failed.ok).toBe(false);
    expect(JSON.stringify([db.prepare('SELECT * FROM association_people ORDER BY id').all(), db.prepare('SELECT count(*) AS n FROM change_log').get(), db.prepare('SELECT * FROM destruction_log').all()])).toBe(before);
    db.exec('DROP TRIGGER stop_destruction');
    expect((await ankara.ok<DestructionRun & { logged: number }>('privacy:runDestruction', {})).logged).toBe(2);
  });
});

describe('logs past their period', () => {
  it('reveal-log entries older than the rule keep are deleted; newer ones stay', async () => {
    const time = clock();
    const { ankara } = await pair(time.now);
    await association(ankara, '2099-12-31');
    const id = person(ankara, 'Özlem Işıkçı').id;
    const db = ankara.ctx.db!.sqlite;
    db.prepare("INSERT INTO reveal_log (person_id, at, actor_name, purpose) VALUES (?, '2020-01-15T10:00:00.000Z', 'Memur A', 'Eski denetim')").run(id);
    await ankara.ok('registry:revealTc', { personId: id, purpose: 'Mükerrer üyelik kontrolü' });
    const run = await ankara.ok<DestructionRun>('privacy:runDestruction', {});
    expect(run.lines.find((l) => l.rule === 'revealLog')).toMatchObject({ records: 1 });
    expect((db.prepare('SELECT purpose FROM reveal_log').all() as { purpose: string }[]).map((r) => r.purpose)).toEqual(['Mükerrer üyelik kontrolü']);
  });
});

describe('the exchange ledger past its period', () => {
  it('old entries go; a file not yet confirmed and the newest entry of each kind per peer stay, and exchange goes on', async () => {
    const time = clock();
    const { ministry, ankara } = await pair(time.now);
    await deliver(ankara, ministry);
    await deliver(ministry, ankara);
    await deliver(ankara, ministry);
    await deliver(ministry, ankara);
    // The last file to the ministry is lost on the way: never confirmed.
    await exportFile(ankara, ministry, '-kayip');
    const db = ankara.ctx.db!.sqlite;
    const entries = () => db.prepare('SELECT id, direction, peer_node AS peer, received_at AS received FROM sync_ledger ORDER BY id').all() as { id: number; direction: string; peer: string | null; received: string | null }[];
    const all = entries();
    time.jump(4);
    const run = await ankara.ok<DestructionRun>('privacy:runDestruction', {});
    const left = entries();
    expect(run.lines.find((l) => l.rule === 'exchangeLedger')!.records).toBe(all.length - left.length);
    expect(left.length).toBeLessThan(all.length);
    const newest = new Map<string, number>();
    for (const e of all) newest.set(`${e.direction}|${e.peer}`, e.id);
    expect(left.map((e) => e.id).sort((a, b) => a - b)).toEqual(
      all.filter((e) => newest.get(`${e.direction}|${e.peer}`) === e.id || (e.direction === 'export' && e.received === null)).map((e) => e.id),
    );
    // The lost file is still on the custody board, and the two go on exchanging.
    expect(left.some((e) => e.direction === 'export' && e.received === null)).toBe(true);
    await deliver(ankara, ministry);
    await deliver(ministry, ankara);
    const exports = db.prepare("SELECT file_name AS name, received_at AS received FROM sync_ledger WHERE direction = 'export' ORDER BY id").all() as { name: string; received: string | null }[];
    expect(exports.at(-1)!.received).not.toBeNull();
    expect(exports.filter((e) => e.received === null).map((e) => e.name)).toEqual([expect.stringContaining('-kayip')]);
  });
});

describe('names past their period', () => {
  const letter = (n: number) => ({ letterDate: '2026-03-02', letterNo: `E-${n}` });
  const pdf = Buffer.from('%PDF-1.4\n% Özlem Işıkçı nüfus cüzdanı\n%%EOF\n', 'utf8').toString('base64');

  it('a rejected association’s file ten years on: the owner anonymises the board and destroys the scans, the ministry’s copies follow, and search forgets the names', async () => {
    const time = clock();
    const { ministry, ankara } = await pair(time.now);
    const id = await association(ankara, '2099-12-31'); // terms that never end: only the association-file rule reaches them
    await ankara.ok('registry:attachFile', { associationId: id, fileName: 'Özlem Işıkçı kimlik.pdf', contentBase64: pdf });
    await ankara.ok('registry:transition', { id, action: 'logApplication', ...letter(1) });
    const detail = await ankara.ok<AssociationDetail>('registry:get', { id });
    for (const d of detail.documents.filter((x) => x.step === 'TESCIL' && x.mandatory)) {
      await ankara.ok('registry:setDocument', { associationId: id, step: 'TESCIL', itemKey: d.itemKey, received: true, receivedOn: '2026-03-01' });
    }
    await ankara.ok('registry:transition', { id, action: 'sendForApproval', ...letter(2) });
    await deliver(ankara, ministry);
    await ministry.ok('registry:transition', { id, action: 'reject', ...letter(3), reason: 'Tüzük gençlik alanında değil.' });
    await deliver(ministry, ankara);
    await deliver(ankara, ministry);
    await deliver(ministry, ankara);
    const sha = (ankara.ctx.db!.sqlite.prepare('SELECT sha256 FROM association_attachments WHERE association_id = ?').get(id) as { sha256: string }).sha256;
    const stored = blobPath(ankara.ctx.options.dataDir, sha);
    expect(fs.existsSync(stored)).toBe(true);
    const found = async (node: Node, text: string) => (await node.ok<{ total: number }>('registry:search', { query: text })).total;
    expect(await found(ankara, 'ozlem isikci')).toBe(1);

    // Nine years on nothing is due yet; eleven years on the file is.
    time.jump(9);
    expect((await ankara.ok<DestructionRun>('privacy:destructionPreview', {})).lines.filter((l) => l.rule === 'associationFile').map((l) => l.records)).toEqual([0, 0]);
    time.jump(2);
    const run = await ankara.ok<DestructionRun>('privacy:runDestruction', {});
    expect(run.lines.filter((l) => l.rule === 'associationFile').map((l) => [l.table, l.records])).toEqual([
      ['association_people', 2],
      ['association_attachments', 1],
    ]);
    const people = (node: Node) =>
      node.ctx.db!.sqlite.prepare('SELECT full_name AS name, tc_kimlik_no AS tc, phone, role FROM association_people WHERE association_id = ? ORDER BY id').all(id);
    expect(people(ankara)).toEqual([
      { name: ANONYMOUS_NAME, tc: null, phone: null, role: null },
      { name: ANONYMOUS_NAME, tc: null, phone: null, role: null },
    ]);
    expect(ankara.ctx.db!.sqlite.prepare('SELECT file_name AS name, deleted_at IS NOT NULL AS removed FROM association_attachments WHERE association_id = ?').get(id)).toEqual({
      name: DESTROYED_FILE_NAME,
      removed: 1,
    });
    expect(fs.existsSync(stored)).toBe(false);
    expect(await found(ankara, 'ozlem isikci')).toBe(0);
    const names = ['Özlem Işıkçı', 'Gülşen Çağlayan', TC, 'Özlem Işıkçı kimlik.pdf'];
    const changeLogText = (node: Node) => JSON.stringify(node.ctx.db!.sqlite.prepare('SELECT value FROM change_log').all());
    for (const name of names) expect(changeLogText(ankara)).not.toContain(name);

    // The ministry gets the anonymised rows as Ankara's change, its run rewrites its own copies and drops the file.
    await deliver(ankara, ministry);
    expect(people(ministry)).toEqual(people(ankara));
    expect(await found(ministry, 'ozlem isikci')).toBe(0);
    const copies = await ministry.ok<DestructionRun>('privacy:runDestruction', {});
    expect(copies.lines.find((l) => l.rule === 'associationFile' && l.table === 'association_people')!.copies).toBeGreaterThan(0);
    for (const name of names) expect(changeLogText(ministry)).not.toContain(name);
    expect(fs.existsSync(blobPath(ministry.ctx.options.dataDir, sha))).toBe(false);
    // The record itself, its history and its counts stay.
    expect((await ministry.ok<AssociationDetail>('registry:get', { id })).people).toHaveLength(2);
  });

  it('a workshop five years on: the ministry anonymises its participants, the province’s copies follow, the counts stay', async () => {
    const time = clock();
    const { ministry, ankara } = await pair(time.now);
    const w = await ministry.ok<{ id: string }>('workshops:save', { kind: 'BOLGE_CALISTAYI', title: 'İç Anadolu Gençlik Çalıştayı', region: 'İç Anadolu', hostPlate: '06', startOn: '2026-05-11', endOn: '2026-05-12' });
    const participants = ['Şükrü Öztürk', 'İlkay Ağaoğlu', 'Ceren Işık'].map((fullName) => ({ fullName, title: 'Gönüllü', organisationName: 'Mamak Gençlik Derneği', provincePlate: '06' }));
    await ministry.ok('workshops:saveParticipants', { workshopId: w.id, participants });
    await deliver(ministry, ankara);
    await deliver(ankara, ministry);
    const list = (node: Node) => node.ok<{ participants: number; organisations: number }[]>('workshops:list', {});
    const before = await list(ankara);

    time.jump(6);
    const run = await ministry.ok<DestructionRun>('privacy:runDestruction', {});
    expect(run.lines.find((l) => l.rule === 'workshopParticipants')).toMatchObject({ records: 3, years: 5 });
    await deliver(ministry, ankara);
    expect((await ankara.ok<DestructionRun>('privacy:runDestruction', {})).lines.find((l) => l.rule === 'workshopParticipants')!.copies).toBeGreaterThan(0);
    for (const node of [ministry, ankara]) {
      const held = node.ctx.db!.sqlite.prepare('SELECT full_name AS name, title FROM workshop_participants').all();
      expect(held).toEqual(participants.map(() => ({ name: ANONYMOUS_NAME, title: null })));
      const log = JSON.stringify(node.ctx.db!.sqlite.prepare('SELECT value FROM change_log').all());
      for (const p of participants) expect(log).not.toContain(p.fullName);
    }
    expect(await list(ankara)).toEqual(before);
  });

  it('every rule the ministry can set is applied', () => {
    expect([...APPLIED_RULES].sort()).toEqual([...RETENTION_RULE_IDS].sort());
  });
});

describe('figures survive destruction', () => {
  it('every report figure is the same before and after everything past its period is destroyed (demo data, decades later)', { timeout: 120_000 }, async () => {
    const time = clock();
    const { ministry, ankara } = await pair(time.now);
    await fillDemoData(ankara.ctx, { associationsPerProvince: 3, meetingsUntil: 2026 });
    // The demo's participants carry no contact details: give some of them a phone and an e-mail.
    const db = ankara.ctx.db!.sqlite;
    const participants = db.prepare('SELECT id FROM meeting_participants WHERE owner_unit = ? ORDER BY id LIMIT 60').all(ankara.unitId) as { id: string }[];
    db.transaction(() => {
      participants.forEach(({ id }, i) => ankara.ctx.writer!.update(meetingParticipantsSpec, id, { phone: `+90312555${String(1000 + i)}`, email: `katilimci${i}@example.org` }));
    })();
    await deliver(ankara, ministry);
    await deliver(ministry, ankara);
    const scopes = [{ level: 'national' }, { level: 'province', provincePlate: '06' }] as const;
    const figures = async (node: Node) => Promise.all(scopes.map((scope) => node.ok('reports:figures', { from: '2000-01-01', to: '2030-12-31', scope })));
    const before = { ankara: await figures(ankara), ministry: await figures(ministry) };
    const held = (node: Node) =>
      node.ctx.db!.sqlite.prepare("SELECT (SELECT count(*) FROM meeting_participants WHERE phone IS NOT NULL OR email IS NOT NULL) AS contacts, (SELECT count(*) FROM association_people WHERE tc_kimlik_no IS NOT NULL AND term_end IS NOT NULL) AS tcs").get() as { contacts: number; tcs: number };
    expect(held(ankara).contacts).toBeGreaterThan(0);
    expect(held(ankara).tcs).toBeGreaterThan(0);

    // Forty years on, every meeting and every ended term is past its period.
    // The meetings are Ankara's (the demo's workshops are written as the ministry's and stay at Ankara: see the
    // workshop test above).
    const names = (node: Node) =>
      node.ctx.db!.sqlite
        .prepare(`SELECT full_name AS name FROM meeting_participants UNION SELECT chair FROM meetings WHERE chair IS NOT NULL`)
        .all()
        .map((r) => (r as { name: string }).name);
    const sample = names(ankara).filter((n) => n !== ANONYMOUS_NAME).slice(0, 50);
    expect(sample.length).toBeGreaterThan(10);

    // Forty years on, every meeting and ended term is past its period.
    time.jump(40);
    const run = await ankara.ok<DestructionRun>('privacy:runDestruction', {});
    expect(run.lines.find((l) => l.rule === 'meetingRecords' && l.table === 'meeting_participants')!.records).toBeGreaterThan(0);
    await deliver(ankara, ministry);
    await ministry.ok('privacy:runDestruction', {});
    expect(held(ankara)).toEqual({ contacts: 0, tcs: 0 });
    expect(held(ministry).contacts).toBe(0);
    for (const node of [ankara, ministry]) {
      expect(names(node)).toEqual([ANONYMOUS_NAME]);
      const log = JSON.stringify(node.ctx.db!.sqlite.prepare("SELECT value FROM change_log WHERE column_name IN ('full_name', 'chair')").all());
      for (const name of sample) expect(log).not.toContain(JSON.stringify(name));
    }
    expect({ ankara: await figures(ankara), ministry: await figures(ministry) }).toEqual(before);
  });
});
