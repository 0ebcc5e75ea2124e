import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { OrganisationDetail } from '../../shared/contract/directory';
import type { YouthCentre } from '../../shared/contract/orgUnits';
import type { ImportResult } from '../../shared/contract/sync';
import { openApp, tempDir, type TestApp } from '../support/app';
import { cleanupFiles, nextFile } from '../support/nodes';
import { contentState } from '../sync/support/dbState';
import {
  closePairs,
  expectNotInternal,
  failure,
  midway,
  nextTick,
  organisation,
  pair,
  refusedAtEnd,
  statusOf,
  untilJob,
  value,
} from './support';
import { TEST_ADMIN } from '../support/users';

// Issue #13 §2: one owner, one queue. Calls interleaved with long jobs through the real Backend (its queue, its
// read-only connection for reads, its jobs), in this process. tests/backend/worker.test.ts runs the same
// scenarios behind the shipped worker thread.

const apps: TestApp[] = [];
afterAll(async () => {
  await closePairs();
  for (const app of apps) await app.backend.close();
  cleanupFiles();
});

const count = (app: TestApp, sql: string) => (app.ctx.db!.sqlite.prepare(sql).get() as { n: number }).n;

describe('a save while a job runs waits for it and is kept', () => {
  it('during an import preview (dry run): both answer ok, the status shows the job with the save waiting, and the save is readable afterwards', async () => {
    const { ministry, file, rows } = await pair();
    const preview = ministry.invoke('sync:import', { path: file, dryRun: true });
    await untilJob(() => statusOf(ministry.invoke), preview, midway('exchange-import'), 'the preview was reading its changes');
    const save = ministry.invoke('directory:create', organisation('Önizleme Sırasında Kaydedilen Gençlik Derneği'));
    const during = await statusOf(ministry.invoke);
    expect(during.job).toMatchObject({ kind: 'exchange-import', cancellable: true });
    expect(during.waitingWrites).toBeGreaterThanOrEqual(1);

    const [previewed, saved] = await Promise.all([preview, save]);
    const result = value<ImportResult>(previewed);
    expect(result.dryRun).toBe(true);
    expect(result.applied).toBe(false);
    expect(result.report.tables.youth_centres?.new).toBe(rows);
    const created = value<OrganisationDetail>(saved);

    // The dry run rolled back its own transaction only: the save is there, readable through the read connection.
    const read = value<OrganisationDetail>(await ministry.invoke('directory:get', { id: created.id }));
    expect(read.name).toBe('Önizleme Sırasında Kaydedilen Gençlik Derneği');
    const found = value<{ total: number }>(await ministry.invoke('directory:search', { query: 'onizleme sirasinda kaydedilen' }));
    expect(found.total).toBe(1);
    expect(count(ministry, "SELECT count(*) AS n FROM change_log WHERE table_name = 'organisations' AND row_id = '" + created.id + "'")).toBeGreaterThan(0);
    // …and nothing of the previewed file.
    expect(value<{ total: number }>(await ministry.invoke('orgUnits:searchYouthCentres', { includeRetired: true, limit: 1 })).total).toBe(0);
    expect((await statusOf(ministry.invoke)).waitingWrites).toBe(0);
  });

  it.each(['count', 'truncated'] as const)('during an import refused at its end line (%s): the import is VALIDATION, the save is kept', async (how) => {
    const p = await pair();
    const { ministry } = p;
    const bad = await refusedAtEnd(p, how);
    const ledgerBefore = value<unknown[]>(await ministry.invoke('sync:ledger', {}));
    const imported = ministry.invoke('sync:import', { path: bad });
    await untilJob(() => statusOf(ministry.invoke), imported, midway('exchange-import'), 'the import was reading its changes');
    const save = ministry.invoke('directory:create', organisation('Reddedilen Dosya Sırasında Kaydedilen Dernek'));
    expect((await statusOf(ministry.invoke)).waitingWrites).toBeGreaterThanOrEqual(1);

    const [refused, saved] = await Promise.all([imported, save]);
    const error = failure(refused);
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/Dosya eksik/);
    expect(error.issues?.[0]?.label).toBe('Dosya');
    const created = value<OrganisationDetail>(saved);
    expect(value<OrganisationDetail>(await ministry.invoke('directory:get', { id: created.id })).name).toBe('Reddedilen Dosya Sırasında Kaydedilen Dernek');
    // Nothing of the refused file, not even in the ledger.
    expect(value<{ total: number }>(await ministry.invoke('orgUnits:searchYouthCentres', { includeRetired: true, limit: 1 })).total).toBe(0);
    expect(value<{ total: number }>(await ministry.invoke('registry:search', {})).total).toBe(0);
    expect(value<unknown[]>(await ministry.invoke('sync:ledger', {}))).toEqual(ledgerBefore);
    expect(count(ministry, `SELECT count(*) AS n FROM change_log WHERE origin_node = '${p.ankara.nodeId}'`)).toBe(0);
  });

  it('during an export: the save waits and succeeds, the exported file imports at the peer, and the next file carries the save', async () => {
    const { ministry, ankara } = await pair();
    const target = nextFile('export-during-save');
    const exported = ankara.invoke('sync:export', { peerNode: ministry.nodeId, path: target });
    await untilJob(() => statusOf(ankara.invoke), exported, midway('exchange-export'), 'the export was writing its changes');
    const save = ankara.invoke('orgUnits:createYouthCentre', { name: 'Dışa Aktarma Sırasında Açılan Gençlik Merkezi', districtId: '06-cankaya', status: 'active' });
    const during = await statusOf(ankara.invoke);
    expect(during.job?.kind).toBe('exchange-export');
    expect(during.waitingWrites).toBeGreaterThanOrEqual(1);

    const [written, saved] = await Promise.all([exported, save]);
    const file = value<{ file: string; changes: number }>(written);
    const centre = value<YouthCentre>(saved);
    expect(fs.existsSync(target)).toBe(true);
    expect(fs.readdirSync(path.dirname(target)).filter((f) => f.endsWith('.part'))).toEqual([]);

    const imported = value<ImportResult>(await ministry.invoke('sync:import', { path: file.file }));
    expect(imported.applied).toBe(true);
    expect(imported.report.rejected).toEqual([]);
    const next = nextFile('export-after-save');
    value(await ankara.invoke('sync:export', { peerNode: ministry.nodeId, path: next }));
    value(await ministry.invoke('sync:import', { path: next }));
    const atMinistry = value<YouthCentre>(await ministry.invoke('orgUnits:getYouthCentre', { id: centre.id }));
    expect(atMinistry.name).toBe('Dışa Aktarma Sırasında Açılan Gençlik Merkezi');
  });
});


describe('reads while a job holds the write transaction', () => {
  it('reads during an import answer the last committed state only, never rows the import is adding', async () => {
    const { ministry, file, rows } = await pair();
    const imported = ministry.invoke('sync:import', { path: file });
    let settled = false;
    void imported.finally(() => (settled = true));
    const samples: { writer: number; centres: number; associations: number }[] = [];
    while (!settled) {
      const status = await statusOf(ministry.invoke);
      if (status.job?.kind === 'exchange-import' && status.job.phase === 'read' && status.job.done > 0) {
        // The writing connection, inside the import's open transaction, sees what the import has added so far…
        const writer = count(ministry, 'SELECT count(*) AS n FROM youth_centres');
        // …while the calls are answered from the last committed state.
        const [centres, associations] = await Promise.all([
          ministry.invoke('orgUnits:searchYouthCentres', { includeRetired: true, limit: 5 }),
          ministry.invoke('registry:search', { limit: 5 }),
        ]);
        samples.push({ writer, centres: value<{ total: number }>(centres).total, associations: value<{ total: number }>(associations).total });
      }
      await nextTick();
    }
    expect(value<ImportResult>(await imported).applied).toBe(true);
    expect(samples.length).toBeGreaterThan(0);
    expect(samples.some((s) => s.writer > 0), 'the import had uncommitted rows while the reads were answered').toBe(true);
    expect(samples.filter((s) => s.centres !== 0 || s.associations !== 0)).toEqual([]);
    // Once committed, everything is there.
    expect(value<{ total: number }>(await ministry.invoke('orgUnits:searchYouthCentres', { includeRetired: true, limit: 1 })).total).toBe(rows);
    expect(value<{ total: number }>(await ministry.invoke('registry:search', {})).total).toBe(1);
  });
});

describe('one job at a time, and cancel', () => {
  it('a second job while one runs is answered BUSY at once, in Turkish, and changes nothing', async () => {
    const { ministry, ankara, file } = await pair();
    const before = contentState(ministry.ctx.db!.sqlite).hash;
    const preview = ministry.invoke('sync:import', { path: file, dryRun: true });
    await untilJob(() => statusOf(ministry.invoke), preview, (job) => job.kind === 'exchange-import', 'the preview started');
    const target = nextFile('busy-export');
    const answers = await Promise.all([
      ministry.invoke('sync:export', { peerNode: ankara.nodeId, path: target }),
      ministry.invoke('sync:import', { path: file }),
      ministry.backend.fillDemo({ associationsPerProvince: 0 }),
    ]);
    for (const answer of answers) {
      const error = failure(answer);
      expect(error.code).toBe('BUSY');
      expect(error.message).toContain('Şu anda bir değişim dosyası okunuyor');
      expect(error.message).toContain('hiçbir şey değiştirilmedi');
    }
    expect(value<ImportResult>(await preview).dryRun).toBe(true);
    expect(fs.existsSync(target)).toBe(false);
    expect(contentState(ministry.ctx.db!.sqlite).hash).toBe(before);
  });

  it('backend:cancel during an import: CANCELLED, nothing of the file in the database, the ledger unchanged; the file then imports whole', async () => {
    const { ministry, file, rows } = await pair();
    const before = contentState(ministry.ctx.db!.sqlite);
    const ledgerBefore = value<unknown[]>(await ministry.invoke('sync:ledger', {}));
    const imported = ministry.invoke('sync:import', { path: file });
    await untilJob(() => statusOf(ministry.invoke), imported, midway('exchange-import'), 'the import was reading its changes');
    expect(value(await ministry.invoke('backend:cancel', {}))).toEqual({ cancelling: true });
    expect((await statusOf(ministry.invoke)).job).toMatchObject({ kind: 'exchange-import', cancelRequested: true });

    const error = failure(await imported);
    expect(error.code).toBe('CANCELLED');
    expect(error.message).toMatch(/iptal edildi/);
    const after = contentState(ministry.ctx.db!.sqlite);
    expect(after.hash, 'tables changed by a cancelled import').toBe(before.hash);
    expect(value<unknown[]>(await ministry.invoke('sync:ledger', {}))).toEqual(ledgerBefore);
    expect(value(await ministry.invoke('sync:progress', {}))).toBeNull();
    expect((await statusOf(ministry.invoke)).job).toBeNull();
    expect(value(await ministry.invoke('backend:cancel', {}))).toEqual({ cancelling: false });

    const again = value<ImportResult>(await ministry.invoke('sync:import', { path: file }));
    expect(again.applied).toBe(true);
    expect(again.report.tables.youth_centres?.new).toBe(rows);
  });

  it('backend:cancel during an export: CANCELLED, no file and no .part left, nothing recorded', async () => {
    const { ministry, ankara } = await pair();
    const dir = tempDir('kopru-cancel-export-');
    const target = path.join(dir, 'iptal.kopru');
    const ledgerBefore = value<unknown[]>(await ankara.invoke('sync:ledger', {}));
    const peersBefore = value<{ peers: unknown[] }>(await ankara.invoke('sync:status', {})).peers;
    const exported = ankara.invoke('sync:export', { peerNode: ministry.nodeId, path: target });
    await untilJob(() => statusOf(ankara.invoke), exported, (job) => job.kind === 'exchange-export', 'the export started');
    expect(value(await ankara.invoke('backend:cancel', {}))).toEqual({ cancelling: true });

    const error = failure(await exported);
    expect(error.code).toBe('CANCELLED');
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(value<unknown[]>(await ankara.invoke('sync:ledger', {}))).toEqual(ledgerBefore);
    expect(value<{ peers: unknown[] }>(await ankara.invoke('sync:status', {})).peers).toEqual(peersBefore);
    // The same name is free for the next export, which imports at the peer.
    const written = value<{ file: string }>(await ankara.invoke('sync:export', { peerNode: ministry.nodeId, path: target }));
    expect(value<ImportResult>(await ministry.invoke('sync:import', { path: written.file })).applied).toBe(true);
  });
});

describe('the queue', () => {
  it('50 writes fired at once on a fresh folder, behind its setup and its integrity check, all succeed in the order fired; none INTERNAL', async () => {
    const app = openApp(tempDir());
    apps.push(app);
    const names = Array.from({ length: 50 }, (_, i) => `Eşzamanlı Kayıt ${String(i).padStart(2, '0')} Gençlik Derneği`);
    const setup = app.invoke('installation:setup', { admin: TEST_ADMIN, role: 'province', provincePlate: '06' });
    const writes = names.map((name) => app.invoke('directory:create', organisation(name)));
    const reads = names.filter((_, i) => i % 10 === 0).map(() => app.invoke('installation:status', {}));
    value(await setup);
    const answers = await Promise.all(writes);
    answers.forEach((answer, i) => expectNotInternal(answer, `write ${i}`));
    const ids = answers.map((answer) => value<OrganisationDetail>(answer).id);
    for (const read of await Promise.all(reads)) value(read);
    const stored = (app.ctx.db!.sqlite.prepare('SELECT id, name FROM organisations ORDER BY rowid').all() as { id: string; name: string }[]);
    expect(stored.map((r) => r.name)).toEqual(names);
    expect(stored.map((r) => r.id)).toEqual(ids);
    // Ids are UUIDv7, born in the order the writes ran.
    expect([...ids].sort()).toEqual(ids);
    expect((await statusOf(app.invoke)).waitingWrites).toBe(0);
  });

  it('50 writes fired at once during an import preview all wait, succeed in order and are kept (a dry run never swallows a save)', async () => {
    const { ministry, file } = await pair();
    const preview = ministry.invoke('sync:import', { path: file, dryRun: true });
    await untilJob(() => statusOf(ministry.invoke), preview, midway('exchange-import'), 'the preview was reading its changes');
    const names = Array.from({ length: 50 }, (_, i) => `Önizlemede Sıra ${String(i).padStart(2, '0')} Gençlik Derneği`);
    const writes = names.map((name) => ministry.invoke('directory:create', organisation(name)));
    expect((await statusOf(ministry.invoke)).waitingWrites).toBe(50);
    expect(value<ImportResult>(await preview).dryRun).toBe(true);
    const answers = await Promise.all(writes);
    answers.forEach((answer, i) => expectNotInternal(answer, `write ${i}`));
    const ids = answers.map((answer) => value<OrganisationDetail>(answer).id);
    const stored = (ministry.ctx.db!.sqlite.prepare("SELECT id, name FROM organisations WHERE name LIKE 'Önizlemede Sıra %' ORDER BY rowid").all() as { id: string; name: string }[]);
    expect(stored.map((r) => r.name)).toEqual(names);
    expect(stored.map((r) => r.id)).toEqual(ids);
    expect(value<{ total: number }>(await ministry.invoke('directory:search', { query: 'onizlemede sira', limit: 100 })).total).toBe(50);
  });
});
