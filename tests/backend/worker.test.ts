import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BackendStatus } from '../../shared/contract/backend';
import type { OrganisationDetail } from '../../shared/contract/directory';
import type { InstallationStatus } from '../../shared/contract/installation';
import type { ImportResult } from '../../shared/contract/sync';
import { BACKEND_GONE_MESSAGE, type BackendWorker } from '../../electron/backend/host';
import { openApp, signInOnce, tempDir, type TestApp } from '../support/app';
import { cleanupFiles } from '../support/nodes';
import { arrayFlood, boundaryFixture, nulPathCases, undefinedDefaultsCases, undefinedRequiredCases } from './boundary';
import { closePairs, expectNotInternal, failure, midway, nextTick, organisation, pair, readRows, startWorker, untilJob, value } from './support';
import { TEST_ADMIN } from '../support/users';

// The backend as it ships: out/main/backend.js in a worker thread, started by startBackendWorker (electron/
// backend/host.ts), as the Electron app and the kopru command start it. Calls cross by structured clone, which
// keeps keys whose value is undefined, and the host must survive a worker that dies.

const workers: BackendWorker[] = [];
const apps: TestApp[] = [];
afterAll(async () => {
  for (const worker of workers) await worker.close();
  for (const app of apps) await app.backend.close();
  await closePairs();
  cleanupFiles();
});

async function opened(dataDir: string): Promise<BackendWorker> {
  const worker = startWorker(dataDir);
  workers.push(worker);
  await worker.ready;
  await signInOnce(worker);
  return worker;
}

/** A province installation set up through the worker. */
async function provinceWorker(): Promise<BackendWorker> {
  const worker = await opened(path.join(tempDir(), 'veri'));
  value(await worker.invoke('installation:setup', { admin: TEST_ADMIN, role: 'province', provincePlate: '06' }));
  return worker;
}

describe('interleaving through the shipped worker', () => {
  it('a save during an import preview waits and is kept; reads meanwhile answer the committed state; the status shows the job and the waiting save', async () => {
    const { ministry, file, rows } = await pair();
    await ministry.backend.close();
    const worker = await opened(ministry.dataDir);

    const preview = worker.invoke('sync:import', { path: file, dryRun: true });
    let settled = false;
    void preview.finally(() => (settled = true));
    await untilJob(() => worker.status(), preview, midway('exchange-import'), 'the preview was reading its changes');
    const save = worker.invoke('directory:create', organisation('İşçi İş Parçacığında Kaydedilen Dernek'));
    const statuses: BackendStatus[] = [];
    const centresSeen: number[] = [];
    while (!settled) {
      statuses.push(await worker.status());
      centresSeen.push(value<{ total: number }>(await worker.invoke('orgUnits:searchYouthCentres', { includeRetired: true, limit: 1 })).total);
      await nextTick();
    }
    expect(statuses.some((s) => s.job?.kind === 'exchange-import' && s.waitingWrites >= 1), JSON.stringify(statuses.slice(0, 3))).toBe(true);
    expect(centresSeen.filter((n) => n !== 0)).toEqual([]);

    const [previewed, saved] = await Promise.all([preview, save]);
    const result = value<ImportResult>(previewed);
    expect(result.dryRun).toBe(true);
    expect(result.report.tables.youth_centres?.new).toBe(rows);
    const created = value<OrganisationDetail>(saved);
    expect(value<OrganisationDetail>(await worker.invoke('directory:get', { id: created.id })).name).toBe('İşçi İş Parçacığında Kaydedilen Dernek');
    expect(value<{ total: number }>(await worker.invoke('orgUnits:searchYouthCentres', { includeRetired: true, limit: 1 })).total).toBe(0);
  });

  it('50 writes fired at once through the worker all succeed, in the order fired; none INTERNAL', async () => {
    const worker = await provinceWorker();
    const names = Array.from({ length: 50 }, (_, i) => `İşçiden Sıra ${String(i).padStart(2, '0')} Gençlik Derneği`);
    const answers = await Promise.all(names.map((name) => worker.invoke('directory:create', organisation(name))));
    answers.forEach((answer, i) => expectNotInternal(answer, `write ${i}`));
    const ids = answers.map((answer) => value<OrganisationDetail>(answer).id);
    const status = value<InstallationStatus>(await worker.invoke('installation:status', {}));
    const stored = readRows<{ id: string; name: string }>(path.join(status.dataDir, 'kopru.sqlite'), 'SELECT id, name FROM organisations ORDER BY rowid');
    expect(stored.map((r) => r.name)).toEqual(names);
    expect(stored.map((r) => r.id)).toEqual(ids);
  });
});

describe('the IPC boundary through structured clone', () => {
  it('a required field sent as undefined (the key kept by structured clone): never INTERNAL, never NULL written, the stored value unchanged', async () => {
    const worker = await provinceWorker();
    const fixture = await boundaryFixture(worker.invoke);
    const { dataDir } = value<InstallationStatus>(await worker.invoke('installation:status', {}));
    await undefinedRequiredCases(worker.invoke, path.join(dataDir, 'kopru.sqlite'), fixture);
  });

  it('a field with a default (activity areas, youth focus, meeting agenda) sent as undefined, or left out, is absent: an update leaves the stored value unchanged', async () => {
    const worker = await provinceWorker();
    await undefinedDefaultsCases(worker.invoke, await boundaryFixture(worker.invoke));
  });

  it('a NUL byte in any file path is VALIDATION naming the field (Dosya), and nothing is written', async () => {
    const worker = await provinceWorker();
    const { dataDir } = value<InstallationStatus>(await worker.invoke('installation:status', {}));
    await nulPathCases(worker.invoke, dataDir, tempDir('kopru-nul-'));
  });

  it('300,000 invalid items in an uncapped array, through the worker: a small VALIDATION envelope, never INTERNAL', async () => {
    const worker = await provinceWorker();
    await arrayFlood(worker.invoke, { policyItems: 300_000, onlyPolicy: true });
  });

  it('an input that cannot be cloned (a function, a symbol) is VALIDATION, not a crash; the worker goes on answering', async () => {
    const worker = await provinceWorker();
    for (const input of [{ kind: 'STK', name: () => 'Dernek', provincePlate: '06' }, { kind: 'STK', name: Symbol('ad'), provincePlate: '06' }]) {
      const error = failure(await worker.invoke('directory:create', input));
      expect(error.code).toBe('VALIDATION');
      expect(error.message.length).toBeGreaterThan(0);
    }
    expect(value<InstallationStatus>(await worker.invoke('installation:status', {})).state).toBe('ready');
    value(await worker.invoke('directory:create', organisation('Kopyalanamayan Girdiden Sonra Kaydedilen Dernek')));
    expect(value<{ total: number }>(await worker.invoke('directory:search', {})).total).toBe(1);
  });
});

describe('a demo fill is a job like the others', () => {
  it('while it runs, the backend still answers: the status shows the demo job and a read is answered before the demo ends', async () => {
    const worker = await opened(path.join(tempDir(), 'veri'));
    // A province's demo: a youth centre's is only its own few rows now (its scope), and could end before any read.
    // The status is answered between the demo's first and second parts; the read, sent when the status comes
    // back, must arrive before the second part ends, so that part is given real work (with no associations it
    // took a few milliseconds, and under load the read arrived after it: CI failed once on that race).
    value(await worker.invoke('installation:setup', { admin: TEST_ADMIN, role: 'province', provincePlate: '06' }));
    const demo = worker.fillDemo({ associationsPerProvince: 60 });
    let demoEnded = false;
    void demo.then(() => (demoEnded = true));
    const status = await worker.status();
    const statusBeforeEnd = !demoEnded;
    const read = await worker.invoke('directory:search', { limit: 1 });
    const readBeforeEnd = !demoEnded;
    value(await demo);
    value(read);
    expect({ job: status.job?.kind ?? null, statusBeforeEnd, readBeforeEnd }).toEqual({ job: 'demo', statusBeforeEnd: true, readBeforeEnd: true });
  });
});

describe('the worker ending', () => {
  it('terminated mid-job: the pending call and every later call answer DB_UNAVAILABLE with BACKEND_GONE_MESSAGE; onUnexpectedExit fires once', async () => {
    const { ministry, file } = await pair();
    await ministry.backend.close();
    const worker = startWorker(ministry.dataDir);
    await worker.ready;
    await signInOnce(worker);
    const exits: { code: number; error: string | null }[] = [];
    worker.onUnexpectedExit((details) => exits.push(details));

    const imported = worker.invoke('sync:import', { path: file, dryRun: true });
    await untilJob(() => worker.status(), imported, (job) => job.kind === 'exchange-import', 'the import started');
    const queued = worker.invoke('directory:create', organisation('Kapanırken Sırada Bekleyen Dernek'));
    await worker.worker.terminate();

    for (const pending of [await imported, await queued]) {
      const error = failure(pending);
      expect(error.code).toBe('DB_UNAVAILABLE');
      expect(error.message).toBe(BACKEND_GONE_MESSAGE);
    }
    const later = failure(await worker.invoke('directory:create', organisation('Sonradan Gönderilen Dernek')));
    expect(later).toMatchObject({ code: 'DB_UNAVAILABLE', message: BACKEND_GONE_MESSAGE });
    expect(failure(await worker.fillDemo({ associationsPerProvince: 0 })).message).toBe(BACKEND_GONE_MESSAGE);
    await worker.close();
    expect(exits).toHaveLength(1);
  });

  it('close() while an import runs: the import is cancelled cleanly (or finishes), the folder is released, and a new backend opens it whole', async () => {
    const { ministry, file, rows } = await pair();
    await ministry.backend.close();
    const worker = startWorker(ministry.dataDir);
    await worker.ready;
    await signInOnce(worker);
    const exits: unknown[] = [];
    worker.onUnexpectedExit((details) => exits.push(details));
    const imported = worker.invoke('sync:import', { path: file });
    await untilJob(() => worker.status(), imported, midway('exchange-import'), 'the import was reading its changes');
    const late = worker.invoke('directory:create', organisation('Kapanış Sırasında Gönderilen Dernek'));
    await worker.close();
    const answer = await imported;
    expectNotInternal(answer, 'the import');
    if (!answer.ok) expect(answer.error.code).toBe('CANCELLED');
    const lateAnswer = await late;
    expectNotInternal(lateAnswer, 'the save sent while closing');
    expect(exits).toEqual([]);

    const after = openApp(ministry.dataDir);
    apps.push(after);
    expect(value<InstallationStatus>(await after.invoke('installation:status', {})).state).toBe('ready');
    const centres = value<{ total: number }>(await after.invoke('orgUnits:searchYouthCentres', { includeRetired: true, limit: 1 })).total;
    expect(centres).toBe(answer.ok ? rows : 0);
    const saved = value<{ total: number }>(await after.invoke('directory:search', { query: 'kapanis sirasinda' })).total;
    expect(saved).toBe(lateAnswer.ok ? 1 : 0);
    // Whatever the import's answer was, the file can be imported now and ends in the same place.
    const again = value<ImportResult>(await after.invoke('sync:import', { path: file }));
    expect(again.applied).toBe(true);
    expect(value<{ total: number }>(await after.invoke('orgUnits:searchYouthCentres', { includeRetired: true, limit: 1 })).total).toBe(rows);
  });

  it('close() sent while a demo fill (a job that cannot be cancelled) is under way: it finishes, then the folder is released', async () => {
    const worker = await opened(path.join(tempDir(), 'veri'));
    value(await worker.invoke('installation:setup', { admin: TEST_ADMIN, role: 'youth-center', provincePlate: '06', name: 'Çankaya Gençlik Merkezi', districtName: 'Çankaya' }));
    const { dataDir } = value<InstallationStatus>(await worker.invoke('installation:status', {}));
    const demo = worker.fillDemo({ associationsPerProvince: 0 });
    const closed = worker.close();
    const filled = value<{ youthCentres: number; associations: number }>(await demo);
    await closed;
    expect(filled.youthCentres).toBeGreaterThan(0);
    const after = openApp(dataDir);
    apps.push(after);
    expect(value<InstallationStatus>(await after.invoke('installation:status', {})).state).toBe('ready');
    expect(value<{ total: number }>(await after.invoke('orgUnits:searchYouthCentres', { includeRetired: true, limit: 500 })).total).toBe(filled.youthCentres);
  });
});
