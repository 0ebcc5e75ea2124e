import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../shared/contract';
import type { InstallationStatus } from '../../shared/contract/installation';
import { DAMAGED_MESSAGE } from '../../electron/app/dispatch';
import { openApp, setupApp, signInOnce, tempDir, type TestApp } from '../support/app';
import { cleanupFiles } from '../support/nodes';
import { arrayFlood, boundaryFixture, nulPathCases, undefinedDefaultsCases, undefinedRequiredCases } from './boundary';
import {
  bulkCentres,
  damageMiddlePage,
  failure,
  hasStackTrace,
  organisation,
  setUserVersion,
  sha256File,
  statusOf,
  value,
} from './support';

// Issue #13 §2b: faults. A damaged page in the middle of the file, a schema version out of range, two
// backends on one data folder, and what crosses the IPC boundary (undefined fields, NUL bytes in paths, huge
// invalid arrays). Every answer is a clear envelope: never INTERNAL, never a write into a damaged file.

const apps: TestApp[] = [];
afterAll(async () => {
  for (const app of apps) await app.backend.close();
  cleanupFiles();
});

function track(app: TestApp): TestApp {
  apps.push(app);
  return app;
}

/** Every kind of write a clerk can start, against an installation with a youth centre `centreId`. */
function writes(centreId: string, dir: string): [string, unknown][] {
  return [
    ['orgUnits:createYouthCentre', { name: 'Hasarlı Dosyaya Yazılmayan Gençlik Merkezi', districtId: '06-cankaya', status: 'active' }],
    ['orgUnits:updateYouthCentre', { id: centreId, name: 'Yeni Ad Gençlik Merkezi' }],
    ['orgUnits:retireYouthCentre', { id: centreId }],
    ['directory:create', organisation('Hasarlı Dosyaya Yazılmayan Dernek')],
    ['registry:create', { name: 'Hasarlı Dosyaya Yazılmayan Gençlik Kulübü', clubType: 'GENCLIK_KULUBU', districtId: '06-cankaya' }],
    ['settings:setLanguage', { language: 'en' }],
    ['sync:introduce', { path: path.join(dir, 'tanitim.json') }],
  ];
}

/** A closed province installation with `rows` youth centres: a file of hundreds of pages. */
async function closedInstallation(rows = 1500): Promise<{ dir: string; dbPath: string; centreId: string }> {
  const app = await setupApp('province');
  bulkCentres(app.ctx, '06', rows);
  const centre = await app.ok<{ id: string }>('orgUnits:createYouthCentre', { name: 'Keçiören Gençlik Merkezi', districtId: '06-kecioren', status: 'active' });
  await app.backend.close();
  return { dir: app.dataDir, dbPath: path.join(app.dataDir, 'kopru.sqlite'), centreId: centre.id };
}

const walSize = (dbPath: string) => (fs.existsSync(`${dbPath}-wal`) ? fs.statSync(`${dbPath}-wal`).size : 0);

describe('a damaged page in the middle of the database', () => {
  it('the background check finds it: health damaged, installation db-error/corrupt, every write DB_UNAVAILABLE, and the file is never written', async () => {
    const { dir, dbPath, centreId } = await closedInstallation();
    const damage = damageMiddlePage(dbPath);
    expect(damage.pageCount).toBeGreaterThan(200);
    const hash = sha256File(dbPath);

    const app = track(openApp(dir));
    // Opening does not read every page: until the background check answers, the database looks fine…
    expect(app.backend.status().health).toBe('checking');
    // …and a save fired now waits for the check instead of writing into the damaged file.
    const early = app.invoke('directory:create', organisation('Kontrolden Önce Gönderilen Dernek'));
    await app.backend.whenChecked();
    expect(app.backend.integrityResult?.verdict).toBe('damaged');
    const earlyError = failure(await early);
    expect(earlyError.code).toBe('DB_UNAVAILABLE');

    expect((await statusOf(app.invoke)).health).toBe('damaged');
    const status = value<InstallationStatus>(await app.invoke('installation:status', {}));
    expect(status.state).toBe('db-error');
    expect(status.dbError?.kind).toBe('corrupt');
    expect(status.dbError?.message).toBe(DAMAGED_MESSAGE);

    for (const [channel, input] of writes(centreId, dir)) {
      const error = failure(await app.invoke(channel, input));
      expect(error.code, channel).toBe('DB_UNAVAILABLE');
      expect(error.message, channel).toMatch(/hasar/);
    }
    const demo = failure(await app.backend.fillDemo({ associationsPerProvince: 1 }));
    expect(demo.code).toBe('DB_UNAVAILABLE');
    expect(fs.existsSync(path.join(dir, 'tanitim.json'))).toBe(false);

    await app.backend.close();
    expect(sha256File(dbPath), 'the damaged file was written').toBe(hash);
    expect(walSize(dbPath)).toBe(0);
  });

  it('without the background check, the first statement that meets the damage stops all writing: DB_UNAVAILABLE, never INTERNAL, file unchanged', async () => {
    const { dir, dbPath, centreId } = await closedInstallation();
    // The clerk signs in first (a write, before anything has met the damage), then the page goes bad.
    const app = track(openApp(dir, undefined, { integrity: false }));
    await signInOnce(app.backend);
    app.ctx.db!.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const damage = damageMiddlePage(dbPath);
    const hash = sha256File(dbPath);

    expect((await statusOf(app.invoke)).health).toBe('ok');
    const read = failure(await app.invoke('orgUnits:getYouthCentre', { id: damage.victimId }));
    expect(read.code).toBe('DB_UNAVAILABLE');
    expect(read.message).toBe(DAMAGED_MESSAGE);
    expect((await statusOf(app.invoke)).health).toBe('damaged');
    expect(value<InstallationStatus>(await app.invoke('installation:status', {})).dbError?.kind).toBe('corrupt');
    for (const [channel, input] of writes(centreId, dir)) {
      expect(failure(await app.invoke(channel, input)).code, channel).toBe('DB_UNAVAILABLE');
    }
    expect(failure(await app.backend.fillDemo({ associationsPerProvince: 1 })).code).toBe('DB_UNAVAILABLE');

    await app.backend.close();
    expect(sha256File(dbPath)).toBe(hash);
  });
});

describe('PRAGMA user_version out of range', () => {
  it.each([
    [-1, /şema sürümü tanınmıyor \(-1\)/],
    [2 ** 31 - 1, /daha yeni bir sürümüyle yazılmış \(şema 2147483647/],
  ])('user_version %i is refused like a newer schema, in Turkish, without a stack trace, and the file is untouched', async (version, message) => {
    const { dir, dbPath, centreId } = await closedInstallation(10);
    setUserVersion(dbPath, version);
    const hash = sha256File(dbPath);

    const app = track(openApp(dir));
    await app.backend.whenChecked();
    const status = value<InstallationStatus>(await app.invoke('installation:status', {}));
    expect(status.state).toBe('db-error');
    expect(status.dbError?.kind).toBe('newer-schema');
    expect(status.dbError?.message).toMatch(message);
    expect(status.dbError?.message).toContain('hiçbir şey değiştirilmedi');
    expect(hasStackTrace(status.dbError?.message ?? '')).toBe(false);
    for (const [channel, input] of writes(centreId, dir)) {
      const error = failure(await app.invoke(channel, input));
      expect(error.code, channel).toBe('DB_UNAVAILABLE');
      expect(error.message, channel).toMatch(message);
    }
    const demo = failure(await app.backend.fillDemo({ associationsPerProvince: 1 }));
    expect(demo.code).toBe('DB_UNAVAILABLE');
    expect(demo.message).toMatch(message);
    await app.backend.close();
    expect(sha256File(dbPath)).toBe(hash);
    // No backup of the database was taken (backups/keys holds the keyring's copy, made at setup).
    const backups = path.join(dir, 'backups');
    expect(fs.existsSync(backups) ? fs.readdirSync(backups).filter((f) => f !== 'keys') : []).toEqual([]);
  });
});

describe('two backends on one data folder', () => {
  it('the second is told, in Turkish, who holds the folder; its writes are DB_UNAVAILABLE, never INTERNAL; once the first closes a new one opens', async () => {
    const first = track(await setupApp('province'));
    value(await first.invoke('directory:create', organisation('Birinci Köprünün Kaydı Derneği')));

    const second = openApp(first.dataDir);
    const status = value<InstallationStatus>(await second.invoke('installation:status', {}));
    expect(status.state).toBe('db-error');
    expect(status.dbError?.kind).toBe('locked');
    expect(status.dbError?.message).toContain('başka bir Köprü tarafından kullanılıyor');
    expect(status.dbError?.message).toContain(`süreç ${process.pid}`);
    const calls: Envelope<unknown>[] = await Promise.all([
      second.invoke('directory:create', organisation('İkinci Köprünün Kaydı Derneği')),
      second.invoke('orgUnits:createYouthCentre', { name: 'İkinci Köprü Gençlik Merkezi', districtId: '06-cankaya', status: 'active' }),
      second.invoke('directory:search', {}),
      second.backend.fillDemo({ associationsPerProvince: 1 }),
    ]);
    for (const call of calls) {
      const error = failure(call);
      expect(error.code).toBe('DB_UNAVAILABLE');
      expect(error.message).toContain('başka bir Köprü tarafından kullanılıyor');
    }
    await second.backend.close();
    // The first goes on working, untouched by the second.
    value(await first.invoke('directory:create', organisation('Birinci Köprünün İkinci Kaydı Derneği')));
    expect(value<{ total: number }>(await first.invoke('directory:search', {})).total).toBe(2);
    await first.backend.close();

    const third = track(openApp(first.dataDir));
    expect(value<InstallationStatus>(await third.invoke('installation:status', {})).state).toBe('ready');
    value(await third.invoke('directory:create', organisation('Üçüncü Köprünün Kaydı Derneği')));
    expect(value<{ total: number }>(await third.invoke('directory:search', {})).total).toBe(3);
  });
});

describe('the IPC boundary (in this process)', () => {
  it('a required field sent as undefined: never INTERNAL, never NULL written, the stored value unchanged; a create missing it is VALIDATION', async () => {
    const app = track(await setupApp('province'));
    const fixture = await boundaryFixture(app.invoke);
    await undefinedRequiredCases(app.invoke, path.join(app.dataDir, 'kopru.sqlite'), fixture);
  });

  it('a field with a default (activity areas, youth focus, meeting agenda) sent as undefined, or left out, is absent: an update leaves the stored value unchanged', async () => {
    const app = track(await setupApp('province'));
    const fixture = await boundaryFixture(app.invoke);
    await undefinedDefaultsCases(app.invoke, fixture);
  });

  it('a NUL byte in any file path is VALIDATION naming the field (Dosya), and nothing is written', async () => {
    const app = track(await setupApp('province'));
    await nulPathCases(app.invoke, app.dataDir, tempDir('kopru-nul-'));
  });

  it('100,000 invalid array items: a small VALIDATION envelope listing at most 20 issues and saying how many more', async () => {
    const app = track(await setupApp('province'));
    await arrayFlood(app.invoke);
  });
});
