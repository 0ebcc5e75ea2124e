import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS, contract, type Channel, type Role } from '../../shared/contract';
import type { AssociationDetail } from '../../shared/contract/registry';
import { DEFAULT_REGISTRY_POLICY } from '../../shared/registry/policy';
import type { YouthCentre } from '../../shared/contract/orgUnits';
import { parseHlc } from '../../db/changeLog/hlc';
import { BOOKKEEPING, type ChangeWriter } from '../../db/changeLog/writer';
import { fillDemoData } from '../../electron/cli/demo';
import { openApp, setupApp, type TestApp } from '../support/app';
import {
  changeLog,
  count,
  createCentre,
  districtId,
  expectError,
  lastChangeId,
  rowOf,
  snapshot,
  SYNCED_TABLES,
  sqlite,
  type ChangeRow,
} from './helpers';
import { directorySyncedCases } from './cases/directory';
import { meetingsSyncedCases } from './cases/meetings';
import { privacySyncedCases } from './cases/privacy';
import { reportsSyncedCases } from './cases/reports';
import { documentsSyncedCases } from './cases/documents';
import { retentionSyncedCases } from './cases/retention';
import type { SyncedCases } from './cases/types';
import { workshopsSyncedCases } from './cases/workshops';
import { addPerson, attachPdf, createAssociation, csvBase64, importRegistered, LETTER, pdfBase64 } from './registryFixture';
import { TEST_ADMIN, TEST_SPECIALIST } from '../support/users';

// ARCHITECTURE.md, "Data rules": every write of a synced row records each changed field in the change log in
// the same transaction. These tests enumerate the contract's synced channels, so a new one fails here until
// it has a case below.

const apps: TestApp[] = [];
afterAll(() => {
  for (const app of apps) app.close();
});
async function provinceApp(options: { now?: () => number } = {}) {
  const app = await setupApp('province', options);
  apps.push(app);
  return app;
}

let nameCounter = 0;
const uniqueName = (base: string) => `${base} ${++nameCounter} Gençlik Merkezi`;

/** One valid call per synced channel (preparing whatever it needs first). Every synced channel must have one. */
const SYNCED_CASES: SyncedCases = {
  ...directorySyncedCases,
  ...meetingsSyncedCases,
  ...workshopsSyncedCases,
  ...reportsSyncedCases,
  ...documentsSyncedCases,
  ...privacySyncedCases,
  ...retentionSyncedCases,
  'orgUnits:createYouthCentre': {
    input: async (app) => ({
      name: uniqueName('Kızılay'),
      districtId: await districtId(app, '06', 'Çankaya'),
      address: 'Atatürk Bulvarı No:1 Çankaya/Ankara',
      phone: '0 (312) 555 12 34',
      email: 'Kizilay@GSB.gov.tr',
      hallCapacity: 120,
      status: 'active',
    }),
  },
  'orgUnits:updateYouthCentre': {
    input: async (app) => {
      const centre = await createCentre(app, { name: uniqueName('Keçiören'), districtId: await districtId(app, '06', 'Keçiören'), hallCapacity: 50 });
      // name and capacity change; status is sent but unchanged, so it must not be logged.
      return { id: centre.id, name: uniqueName('Yeni Keçiören'), hallCapacity: 80, status: 'active' };
    },
  },
  'orgUnits:retireYouthCentre': {
    input: async (app) => {
      const centre = await createCentre(app, { name: uniqueName('Sincan'), districtId: await districtId(app, '06', 'Sincan') });
      return { id: centre.id };
    },
  },
  'registry:create': {
    input: async () => ({
      name: uniqueName('Kızılay Gençlik ve Spor Kulübü Derneği'),
      clubType: 'GENCLIK_VE_SPOR_KULUBU',
      districtId: '06-cankaya',
      kutukNo: '06/123/456',
      vkn: '4540536920',
      phone: '0312 555 12 34',
      email: 'Dernek@Ornek.org.tr',
      activityAreas: ['SPOR', 'KULTUR_SANAT'],
      memberCount: 40,
      foundedOn: '2020-01-15',
    }),
  },
  'registry:update': {
    input: async (app) => {
      const a = await createAssociation(app, { memberCount: 10 });
      return { id: a.id, name: uniqueName('Yeni Ad Derneği'), memberCount: 12, clubType: a.clubType };
    },
  },
  'registry:deleteDraft': { input: async (app) => ({ id: (await createAssociation(app)).id }) },
  'directory:addFromRegistry': { input: async (app) => ({ associationId: (await createAssociation(app)).id }) },
  'registry:transition': {
    input: async (app) => ({ id: (await createAssociation(app)).id, action: 'logApplication', ...LETTER }),
  },
  'registry:savePerson': {
    input: async (app) => ({
      associationId: (await createAssociation(app)).id,
      kind: 'YONETIM',
      membership: 'ASIL',
      fullName: 'Mehmet Öztürk',
      tcKimlikNo: '17291716060',
      phone: '0532 123 45 67',
    }),
  },
  'registry:removePerson': {
    input: async (app) => {
      const a = await createAssociation(app);
      return { id: await addPerson(app, a.id) };
    },
  },
  'registry:setDocument': {
    input: async (app) => ({
      associationId: (await createAssociation(app)).id,
      step: 'TESCIL',
      itemKey: 'petition',
      received: true,
      receivedOn: '2026-01-05',
      ...LETTER,
    }),
  },
  'registry:attachFile': {
    input: async (app) => ({ associationId: (await createAssociation(app)).id, fileName: 'dilekçe.pdf', contentBase64: pdfBase64() }),
  },
  'registry:removeAttachment': {
    input: async (app) => ({ id: await attachPdf(app, (await createAssociation(app)).id) }),
  },
  'registry:recordStepLetter': {
    input: async (app) => {
      const a = await createAssociation(app);
      const taken = await app.ok<AssociationDetail>('registry:transition', { id: a.id, action: 'logApplication', ...LETTER });
      const step = taken.history.find((h) => h.action === 'logApplication')!;
      return { historyId: step.id, letterDate: '2026-01-06', letterNo: '2026/12', fileName: 'imzali.pdf', contentBase64: pdfBase64() };
    },
  },
  'registry:addSnapshot': {
    input: async (app) => ({
      associationId: (await createAssociation(app)).id,
      asOf: '2026-01-02',
      source: 'DERBİS çıktısı',
      legalStatus: 'Faal',
      lastGeneralAssemblyOn: '2025-05-01',
      declarationYear: 2025,
    }),
  },
  'registry:visaApply': {
    input: async (app) => ({ associationId: await importRegistered(app), year: 2025, appliedOn: '2025-02-01', ...LETTER }),
  },
  'registry:visaTransition': {
    input: async (app) => {
      const id = await importRegistered(app);
      const detail = await app.ok<AssociationDetail>('registry:visaApply', { associationId: id, year: 2025, appliedOn: '2025-02-01' });
      return { applicationId: detail.visaApplications[0]!.id, action: 'startReview' };
    },
  },
  'registry:startTransfer': {
    input: async (app) => ({ associationId: await importRegistered(app), toPlate: '35', reason: 'Dernek merkezi İzmir’e taşındı.', ...LETTER }),
  },
  'registry:transferAction': {
    input: async (app) => {
      const id = await importRegistered(app);
      const detail = await app.ok<AssociationDetail>('registry:startTransfer', { associationId: id, toPlate: '35', reason: 'Merkez taşındı.' });
      return { transferId: detail.transfers[0]!.id, action: 'senderApprove', ...LETTER };
    },
  },
  'registry:changeClubType': {
    input: async (app) => ({ id: (await createAssociation(app)).id, clubType: 'GENCLIK_KULUBU', reason: 'Spor dalları kapatıldı.', ...LETTER }),
  },
  'registry:updatePolicy': {
    role: 'ministry',
    input: async () => ({ ...DEFAULT_REGISTRY_POLICY, visaWindow: { start: '01-01', end: '05-31' }, yearsWithoutVisaForCancellation: 3 }),
  },
  'registry:importApply': {
    input: async () => ({
      fileName: 'sicil.csv',
      contentBase64: csvBase64([
        ['Dernek adı', 'İlçe', 'Kütük no', 'Üye sayısı'],
        [uniqueName('İçeri Aktarılan Derneği'), 'Keçiören', '06-777-001', '25'],
        [uniqueName('İkinci Aktarılan Derneği'), 'Mamak', '', ''],
      ]),
    }),
  },
};

Object.assign(SYNCED_CASES, {
  'sync:enroll': {
    input: async () => {
      // A youth centre of the same province introduces itself; the province enrols it (writes sync_nodes).
      const centre = await setupApp('youth-center');
      apps.push(centre);
      const introPath = `${centre.dataDir}/tanitim.json`;
      const { fingerprint } = await centre.ok<{ fingerprint: string }>('sync:introduce', { path: introPath });
      return { path: introPath, fingerprint };
    },
  },
  'sync:setClockBound': {
    role: 'ministry',
    input: async () => ({ maxAheadHours: 48 }),
  },
  'sync:revoke': {
    input: async (app: TestApp) => {
      // The province enrols a youth centre, then revokes its key (writes its vouch's revoked_after_seq).
      const centre = await setupApp('youth-center');
      apps.push(centre);
      const introPath = `${centre.dataDir}/tanitim.json`;
      const { fingerprint } = await centre.ok<{ fingerprint: string }>('sync:introduce', { path: introPath });
      await app.ok('sync:enroll', { path: introPath, fingerprint });
      return { peerNode: centre.ctx.identity!.nodeId };
    },
  },
  'sync:resolveConflict': {
    input: async (app: TestApp) => {
      const centre = await app.ok<{ id: string; name: string }>('orgUnits:createYouthCentre', { name: uniqueName('Çakışan'), districtId: await districtId(app, '06', 'Mamak'), status: 'active' });
      const hlc = (sqlite(app).prepare(`SELECT max(hlc) AS h FROM change_log WHERE row_id = ? AND column_name = 'name'`).get(centre.id) as { h: string }).h;
      const info = sqlite(app)
        .prepare(`INSERT INTO sync_conflicts (table_name, row_id, column_name, local_value, local_hlc, local_origin, remote_value, remote_hlc, remote_origin, detected_at)
                  VALUES ('youth_centres', ?, 'name', ?, ?, ?, ?, '2020-01-01T00:00:00.000Z-0000-ffffffffffffffff', 'ffffffffffffffff', '2026-01-01T00:00:00.000Z')`)
        .run(centre.id, JSON.stringify(centre.name), hlc, app.ctx.identity!.nodeId, JSON.stringify(`${centre.name} (diğer)`));
      return { id: Number(info.lastInsertRowid), keep: 'remote' };
    },
  },
} satisfies SyncedCases);

/** One valid call per local channel; `role: null` = before setup. Every local channel must have one. */
/**
 * `wroteFile`: for channels whose own write is a file, not a row (the check that "it wrote something of its
 * own" looks there instead of in the database).
 */
const LOCAL_CASES: Partial<Record<Channel, { role?: Role | null; input(app: TestApp): Promise<unknown>; wroteFile?: (app: TestApp) => boolean }>> = {
  'backups:create': { input: async () => ({}), wroteFile: (app) => fs.readdirSync(path.join(app.dataDir, 'backups')).some((f) => f.startsWith('kopru-manual-')) },
  'settings:supportBundle': { input: async (app) => ({ path: path.join(app.dataDir, 'destek.json') }), wroteFile: (app) => fs.existsSync(path.join(app.dataDir, 'destek.json')) },
  'installation:setup': { role: null, input: async () => ({ role: 'province', provincePlate: '06', admin: TEST_ADMIN }) },
  // A box.key gone missing, put back from the copy a backup kept in backups/keys (tests/installation/keys.test.ts).
  'installation:restoreKeys': {
    input: async (app) => {
      await app.ok('backups:create');
      fs.rmSync(path.join(app.dataDir, 'box.key'));
      await app.ok('backend:reopen');
      return {};
    },
    wroteFile: (app) => fs.existsSync(path.join(app.dataDir, 'box.key')),
  },
  'installation:setRecoveryPassphrase': {
    input: async () => ({ passphrase: 'Kurtarma-Parolası-1', confirm: 'Kurtarma-Parolası-1' }),
    wroteFile: (app) => (JSON.parse(fs.readFileSync(path.join(app.dataDir, 'keyring.json'), 'utf8')) as { recovery: unknown }).recovery !== null,
  },
  'settings:setLanguage': { input: async () => ({ language: 'en' }) },
  // Accounts (issue #16) are this installation's own: none of their changes travels.
  'users:createFirstAdmin': {
    input: async (app) => {
      sqlite(app).prepare('DELETE FROM users').run();
      return { username: 'ilk.yonetici', displayName: 'İlk Yönetici', password: 'ilk yönetici parolası' };
    },
  },
  'users:signIn': {
    input: async (app) => {
      await app.ok('users:lock', { reason: 'manual' });
      return { username: TEST_ADMIN.username, password: TEST_ADMIN.password };
    },
  },
  'users:lock': { input: async () => ({ reason: 'idle' }) },
  'users:signOut': { input: async () => ({}) },
  'users:changePassword': { input: async () => ({ current: TEST_ADMIN.password, password: 'yepyeni uzun parola', confirm: 'yepyeni uzun parola' }) },
  'users:create': { input: async () => ({ account: TEST_SPECIALIST, role: 'specialist' }) },
  'users:update': {
    input: async (app) => ({ id: (await app.ok<{ id: number }>('users:create', { account: TEST_SPECIALIST, role: 'specialist' })).id, role: 'viewer' }),
  },
  'users:resetPassword': {
    input: async (app) => ({ id: (await app.ok<{ id: number }>('users:create', { account: TEST_SPECIALIST, role: 'specialist' })).id, password: 'sıfırlanan parola 1' }),
  },
  'users:setIdleMinutes': { input: async () => ({ minutes: 15 }) },
  'sync:setCustodyDays': { input: async () => ({ days: 30 }) },
  'registry:revealTc': {
    input: async (app) => ({ personId: await addPerson(app, (await createAssociation(app)).id), purpose: 'Mükerrer kayıt kontrolü' }),
  },
  'registry:saveMapping': { input: async () => ({ name: 'İl sicili', mapping: { name: 'Dernek adı', district: 'İlçe' } }) },
  'sync:introduce': { input: async (app) => ({ path: `${app.dataDir}/tanitim-${++nameCounter}.json` }) },
  'sync:acceptQuarantine': {
    input: async (app) => {
      const info = sqlite(app)
        .prepare(`INSERT INTO sync_quarantine (origin_node, first_seq, max_hlc, ahead_minutes, peer_node, file_name, detected_at)
                  VALUES ('ffffffffffffffff', 1, '2027-12-01T00:00:00.000Z-0000-ffffffffffffffff', 525600, 'ffffffffffffffff', 'ileri.kopru', '2026-12-01T00:00:00.000Z')`)
        .run();
      return { id: Number(info.lastInsertRowid) };
    },
  },
  'sync:export': {
    input: async (app) => {
      const centre = await setupApp('youth-center');
      apps.push(centre);
      const introPath = `${centre.dataDir}/tanitim.json`;
      const { fingerprint } = await centre.ok<{ fingerprint: string }>('sync:introduce', { path: introPath });
      await app.ok('sync:enroll', { path: introPath, fingerprint });
      return { peerNode: centre.ctx.identity!.nodeId, path: `${app.dataDir}/giden-${++nameCounter}.kopru` };
    },
  },
};

const SYNCED_CHANNELS = CHANNELS.filter((c) => contract[c].writes === 'synced');

type Rows = Map<string, Map<string, Record<string, unknown>>>;

function syncedRows(app: TestApp): Rows {
  const out: Rows = new Map();
  for (const table of Object.keys(SYNCED_TABLES)) {
    const rows = sqlite(app).prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[];
    out.set(table, new Map(rows.map((r) => [String(r.id), r])));
  }
  return out;
}

function syncedColumns(table: string): string[] {
  return [...BOOKKEEPING, ...SYNCED_TABLES[table]!.columns];
}

function decode(value: string): unknown {
  return JSON.parse(value);
}

/** Rebuilds a row's synced columns from its change-log entries (last writer by HLC, then sequence, wins). */
function replay(entries: ChangeRow[]): Record<string, unknown> {
  const ordered = [...entries].sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : a.seq - b.seq));
  const out: Record<string, unknown> = {};
  for (const e of ordered) out[e.column_name] = decode(e.value);
  return out;
}

function expectReplayReconstructs(app: TestApp) {
  const byRow = new Map<string, ChangeRow[]>();
  for (const entry of changeLog(app)) {
    const key = `${entry.table_name}|${entry.row_id}`;
    const list = byRow.get(key);
    if (list) list.push(entry);
    else byRow.set(key, [entry]);
  }
  let checked = 0;
  for (const [table, rows] of syncedRows(app)) {
    for (const [id, row] of rows) {
      const rebuilt = replay(byRow.get(`${table}|${id}`) ?? []);
      const expected = Object.fromEntries(syncedColumns(table).map((c) => [c, row[c] ?? null]));
      expect(rebuilt, `${table} ${id}`).toEqual(expected);
      checked++;
    }
  }
  return checked;
}

function expectSeqContiguous(app: TestApp, nodeId: string) {
  const seqs = (sqlite(app).prepare('SELECT seq FROM change_log WHERE origin_node = ? ORDER BY id').all(nodeId) as { seq: number }[]).map(
    (r) => r.seq,
  );
  expect(seqs).toEqual(seqs.map((_, i) => i + 1));
}

describe('synced channels write the change log', () => {
  it('the contract has synced channels and this suite has a case for each (and only for those)', () => {
    expect(SYNCED_CHANNELS.length).toBeGreaterThan(0);
    expect(Object.keys(SYNCED_CASES).sort()).toEqual([...SYNCED_CHANNELS].sort());
  });

  it.each(SYNCED_CHANNELS)('%s logs exactly the fields it changed, stamped and sequenced', async (channel) => {
    const testCase = SYNCED_CASES[channel];
    expect(testCase, `no valid-input factory for synced channel ${channel} in SYNCED_CASES`).toBeDefined();
    const app = await setupApp(testCase!.role ?? 'province');
    apps.push(app);
    const nodeId = app.ctx.identity!.nodeId;
    const input = await testCase!.input(app);

    const before = syncedRows(app);
    const lastId = lastChangeId(app);
    const previous = changeLog(app);
    const lastSeq = previous.at(-1)?.seq ?? 0;
    const lastHlc = previous.at(-1)?.hlc ?? '';

    const envelope = await app.invoke(channel, input);
    expect(envelope.ok, JSON.stringify(envelope)).toBe(true);

    const after = syncedRows(app);
    const logged = changeLog(app, lastId);

    // What really changed, table by table, column by column.
    const expected = new Set<string>();
    for (const [table, rows] of after) {
      const spec = SYNCED_TABLES[table]!;
      const tableColumns = (sqlite(app).prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
      const derive = spec.derive as ((row: Record<string, unknown>, env?: unknown) => Record<string, unknown>) | undefined;
      const env = (app.ctx.writer as unknown as { env?: unknown }).env;
      const derived = tableColumns.filter((c) => c !== 'id' && !syncedColumns(table).includes(c));
      for (const id of before.get(table)!.keys()) expect(rows.has(id), `${table} ${id} was physically deleted`).toBe(true);
      for (const [id, row] of rows) {
        const old = before.get(table)!.get(id);
        for (const column of syncedColumns(table)) {
          if (!old || old[column] !== row[column]) expected.add(`${table}|${id}|${column}`);
        }
        // Every other column is derived from the logged ones (so nothing can change unlogged) and kept in step.
        const derivedNow = derive?.(row, env) ?? {};
        for (const column of derived) {
          expect(Object.keys(derivedNow), `${table}.${column} is neither logged nor derived`).toContain(column);
          expect(row[column], `${table}.${column}`).toEqual(derivedNow[column]);
        }
      }
    }
    expect(expected.size).toBeGreaterThan(0);
    for (const e of logged) expect(Object.keys(SYNCED_TABLES), `add ${e.table_name} to SYNCED_TABLES in helpers.ts`).toContain(e.table_name);
    const got = logged.map((e) => `${e.table_name}|${e.row_id}|${e.column_name}`);
    expect(new Set(got).size, 'a field was logged twice in one call').toBe(got.length);
    expect(new Set(got)).toEqual(expected);

    // Each entry: the new value, this node, a valid HLC after everything before it, the next sequence numbers.
    logged.forEach((entry, i) => {
      const row = after.get(entry.table_name)!.get(entry.row_id)!;
      expect(decode(entry.value), entry.column_name).toEqual(row[entry.column_name] ?? null);
      expect(entry.origin_node).toBe(nodeId);
      expect(parseHlc(entry.hlc).node).toBe(nodeId);
      expect(entry.hlc > lastHlc).toBe(true);
      expect(entry.seq).toBe(lastSeq + i + 1);
    });
    expectSeqContiguous(app, nodeId);
    const clock = sqlite(app).prepare('SELECT last_hlc AS hlc, last_seq AS seq FROM sync_clock').get() as { hlc: string; seq: number };
    expect(clock).toEqual({ hlc: logged.at(-1)!.hlc, seq: logged.at(-1)!.seq });
    expectReplayReconstructs(app);
  });

  it('an update that changes nothing logs nothing and keeps updated_at', async () => {
    const app = await provinceApp();
    const centre = await createCentre(app, {
      name: uniqueName('Mamak'),
      districtId: await districtId(app, '06', 'Mamak'),
      phone: '0312 555 12 34',
      email: 'mamak@gsb.gov.tr',
      hallCapacity: 60,
    });
    const before = snapshot(app);
    const same = await app.ok<YouthCentre>('orgUnits:updateYouthCentre', {
      id: centre.id,
      name: centre.name,
      districtId: centre.districtId,
      status: centre.status,
      hallCapacity: 60,
      phone: '+90 (312) 555-12-34', // same number, written differently
      email: 'MAMAK@gsb.gov.tr', // same address, other case
      address: '', // empty = no address, as stored
    });
    expect(same.updatedAt).toBe(centre.updatedAt);
    expect(snapshot(app)).toEqual(before);
  });

  it('retiring logs deleted_at (and updated_at) only, and keeps the row', async () => {
    const app = await provinceApp();
    const centre = await createCentre(app, { name: uniqueName('Polatlı'), districtId: await districtId(app, '06', 'Polatlı') });
    const lastId = lastChangeId(app);
    const retired = await app.ok<YouthCentre>('orgUnits:retireYouthCentre', { id: centre.id });
    const logged = changeLog(app, lastId);
    expect(logged.map((e) => e.column_name).sort()).toEqual(['deleted_at', 'updated_at']);
    expect(decode(logged.find((e) => e.column_name === 'deleted_at')!.value)).toBe(retired.retiredAt);
    expect(retired.retiredAt).not.toBeNull();
    expect(rowOf(app, 'youth_centres', centre.id)).toBeDefined();
  });

  // A restore replaces the whole database with an older copy by design (tests/backups/backups.test.ts); unlocking
  // opens a database that could not be read, and writes only the keyring (tests/installation/encryption.test.ts).
  const REPLACES_DATABASE: Channel[] = ['backups:restore', 'installation:unlock', 'installation:restoreKeyring'];
  it.each(CHANNELS.filter((c) => contract[c].writes === 'local' && !REPLACES_DATABASE.includes(c)))('%s (local) writes this machine only: no change log', async (channel) => {
    const testCase = LOCAL_CASES[channel];
    expect(testCase, `no case for local channel ${channel} in LOCAL_CASES`).toBeDefined();
    const app = testCase!.role === null ? openApp() : await setupApp(testCase!.role ?? 'province');
    apps.push(app);
    const input = await testCase!.input(app);
    const before = snapshot(app);
    const envelope = await app.invoke(channel, input);
    expect(envelope.ok, JSON.stringify(envelope)).toBe(true);
    const after = snapshot(app);
    expect(after.change_log).toEqual(before.change_log);
    expect(after.sync_clock).toEqual(before.sync_clock);
    for (const table of Object.keys(SYNCED_TABLES)) expect(after[table], table).toEqual(before[table]);
    // It did write something of its own.
    if (testCase!.wroteFile) expect(testCase!.wroteFile(app)).toBe(true);
    else expect(after).not.toEqual(before);
  });
});

describe('failed writes are atomic: no row, no log, no clock tick', () => {
  it('invalid district, another province’s district, duplicate name, retired or double-retired centre', async () => {
    const app = await provinceApp();
    const cankaya = await districtId(app, '06', 'Çankaya');
    const existing = await createCentre(app, { name: 'Çankaya Gençlik Merkezi', districtId: cankaya });
    const retired = await createCentre(app, { name: uniqueName('Emekli'), districtId: cankaya });
    await app.ok('orgUnits:retireYouthCentre', { id: retired.id });
    const kadikoy = await districtId(app, '34', 'Kadıköy');

    const failing: [Channel, unknown, string][] = [
      ['orgUnits:createYouthCentre', { name: uniqueName('Yok'), districtId: '06-olmayan-ilce', status: 'active' }, 'VALIDATION'],
      ['orgUnits:createYouthCentre', { name: uniqueName('Kadıköy'), districtId: kadikoy, status: 'active' }, 'VALIDATION'],
      ['orgUnits:createYouthCentre', { name: 'ÇANKAYA gençlik merkezi', districtId: cankaya, status: 'active' }, 'CONFLICT'],
      ['orgUnits:createYouthCentre', { name: 'Cankaya Genclik Merkezi', districtId: cankaya, status: 'active' }, 'CONFLICT'],
      ['orgUnits:updateYouthCentre', { id: existing.id, districtId: kadikoy }, 'VALIDATION'],
      ['orgUnits:updateYouthCentre', { id: retired.id, name: uniqueName('Diriliş') }, 'CONFLICT'],
      ['orgUnits:retireYouthCentre', { id: retired.id }, 'CONFLICT'],
    ];
    for (const [channel, input, code] of failing) {
      const before = snapshot(app);
      expectError(await app.invoke(channel, input), code);
      expect(snapshot(app), `${channel} ${JSON.stringify(input)}`).toEqual(before);
    }
  });

  it('a crash after the row is written rolls back the row and its log entries', async () => {
    const app = await provinceApp();
    const cankaya = await districtId(app, '06', 'Çankaya');
    const centre = await createCentre(app, { name: uniqueName('Çayyolu'), districtId: cankaya });
    const writer = app.ctx.writer as ChangeWriter;
    const realInsert = writer.insert.bind(writer);
    const realUpdate = writer.update.bind(writer);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const insert = vi.spyOn(writer, 'insert').mockImplementation((...args) => {
      realInsert(...args);
      throw new Error('simulated crash after insert');
    });
    const update = vi.spyOn(writer, 'update').mockImplementation((...args) => {
      realUpdate(...args);
      throw new Error('simulated crash after update');
    });
    try {
      const before = snapshot(app);
      expectError(await app.invoke('orgUnits:createYouthCentre', { name: uniqueName('Ümitköy'), districtId: cankaya, status: 'active' }), 'INTERNAL');
      expectError(await app.invoke('orgUnits:updateYouthCentre', { id: centre.id, name: uniqueName('Başka') }), 'INTERNAL');
      expectError(await app.invoke('orgUnits:retireYouthCentre', { id: centre.id }), 'INTERNAL');
      expect(insert).toHaveBeenCalledTimes(1);
      expect(update).toHaveBeenCalledTimes(2);
      expect(snapshot(app)).toEqual(before);
    } finally {
      insert.mockRestore();
      update.mockRestore();
      errors.mockRestore();
    }
    // The installation keeps working, and its sequence has no gap.
    await createCentre(app, { name: uniqueName('Sonra'), districtId: cankaya });
    expectSeqContiguous(app, app.ctx.identity!.nodeId);
  });

  it('a failure half-way through writing the log leaves neither the row nor a partial log', async () => {
    const app = await provinceApp();
    const cankaya = await districtId(app, '06', 'Çankaya');
    await createCentre(app, { name: uniqueName('İlk'), districtId: cankaya });
    // A failure on the insert of one field's change, after the row and earlier fields were written (what a full
    // disk or an I/O error mid-transaction produces): a trigger on this connection only.
    sqlite(app).exec(
      "CREATE TEMP TRIGGER fail_midway BEFORE INSERT ON main.change_log WHEN NEW.column_name = 'status' BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END",
    );
    const before = snapshot(app);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expectError(await app.invoke('orgUnits:createYouthCentre', { name: uniqueName('Yarım'), districtId: cankaya, status: 'active' }), 'INTERNAL');
    } finally {
      errors.mockRestore();
      sqlite(app).exec('DROP TRIGGER temp.fail_midway');
    }
    expect(snapshot(app)).toEqual(before);
  });
});

describe('the log is complete and ordered', () => {
  it('replaying the log reconstructs every synced row after a series of edits', async () => {
    const app = await provinceApp();
    const cankaya = await districtId(app, '06', 'Çankaya');
    const etimesgut = await districtId(app, '06', 'Etimesgut');
    const a = await createCentre(app, { name: uniqueName('Batıkent'), districtId: cankaya, phone: '0532 123 45 67' });
    const b = await createCentre(app, { name: uniqueName('Eryaman'), districtId: etimesgut, hallCapacity: 30 });
    await app.ok('orgUnits:updateYouthCentre', { id: a.id, address: 'Bir adres', hallCapacity: 10 });
    await app.ok('orgUnits:updateYouthCentre', { id: a.id, hallCapacity: 20, phone: null });
    await app.ok('orgUnits:updateYouthCentre', { id: b.id, districtId: cankaya, status: 'closed' });
    await app.ok('orgUnits:updateYouthCentre', { id: a.id, address: null });
    await app.ok('orgUnits:retireYouthCentre', { id: b.id });
    expect(expectReplayReconstructs(app)).toBe(2);
    expectSeqContiguous(app, app.ctx.identity!.nodeId);
  });

  it('no write path skips the log: demo data (handlers and direct writer) replays exactly', { timeout: 120_000 }, async () => {
    // (The ministry demo fills all 81 provinces and takes minutes; province and youth centre cover both paths.)
    const province = await provinceApp();
    await fillDemoData(province.ctx);
    const youth = await setupApp('youth-center');
    apps.push(youth);
    await fillDemoData(youth.ctx);
    for (const app of [province, youth]) {
      expect(count(app, 'youth_centres')).toBeGreaterThan(0);
      const rows = Object.keys(SYNCED_TABLES).reduce((n, table) => n + count(app, table), 0);
      expect(expectReplayReconstructs(app)).toBe(rows);
      expectSeqContiguous(app, app.ctx.identity!.nodeId);
    }
  });

  it('sequence numbers continue without gaps after a restart', async () => {
    const first = await provinceApp();
    const cankaya = await districtId(first, '06', 'Çankaya');
    await createCentre(first, { name: uniqueName('Önce'), districtId: cankaya });
    const nodeId = first.ctx.identity!.nodeId;
    const lastBefore = changeLog(first).at(-1)!;
    first.close();
    const second = openApp(first.dataDir);
    apps.push(second);
    await createCentre(second, { name: uniqueName('Sonra'), districtId: cankaya });
    const after = changeLog(second, lastBefore.id);
    expect(after[0]!.seq).toBe(lastBefore.seq + 1);
    expect(after[0]!.hlc > lastBefore.hlc).toBe(true);
    expectSeqContiguous(second, nodeId);
  });

  it('HLC stamps keep increasing when the wall clock goes backwards', async () => {
    let now = Date.UTC(2026, 10, 25, 12, 0, 0);
    const app = await provinceApp({ now: () => now });
    const cankaya = await districtId(app, '06', 'Çankaya');
    const centre = await createCentre(app, { name: uniqueName('Saat'), districtId: cankaya });
    const steps = [-60 * 60 * 1000, 0, -1, -24 * 60 * 60 * 1000, 5];
    for (const [i, step] of steps.entries()) {
      now += step;
      await app.ok('orgUnits:updateYouthCentre', { id: centre.id, hallCapacity: 100 + i });
    }
    const stamps = [...new Set(changeLog(app).map((e) => e.hlc))];
    expect(stamps.length).toBe(1 + steps.length);
    for (let i = 1; i < stamps.length; i++) expect(stamps[i - 1]! < stamps[i]!, `${stamps[i - 1]} < ${stamps[i]}`).toBe(true);
    const ordered = sqlite(app).prepare('SELECT seq FROM change_log ORDER BY hlc, seq').all() as { seq: number }[];
    expect(ordered.map((r) => r.seq)).toEqual(ordered.map((_, i) => i + 1));
  });
});
