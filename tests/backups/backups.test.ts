import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { YouthCentre } from '../../shared/contract/orgUnits';
import { finishInterruptedRestore, listBackups, parseBackupName, rotateAutomatic } from '../../db/backups';
import { districtId, expectError } from '../integration/helpers';
import { sourceMigrationsDir } from '../../electron/app/paths';
import { startBackendWorker } from '../../electron/backend/host';
import { openApp, setupApp, signInOnce, tempDir, type TestApp } from '../support/app';
import { OUT } from '../support/build';
import { openTestFile, TEST_KEY_STORE } from '../support/keyStore';

// Backups as a clerk relies on them: taken while people work, verified before they replace anything, restored
// with the current database kept aside, and a restore cut short by a crash finished at the next start.

const apps: TestApp[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) {
    try {
      app.close();
    } catch {
      // already closed by the test
    }
  }
});

async function province(options: Parameters<typeof setupApp>[1] = {}): Promise<TestApp> {
  const app = await setupApp('province', options);
  apps.push(app);
  return app;
}

async function centre(app: TestApp, name: string): Promise<YouthCentre> {
  return app.ok<YouthCentre>('orgUnits:createYouthCentre', { name, districtId: await districtId(app, '06', 'Çankaya'), status: 'active' });
}

function centresIn(file: string): string[] {
  const db = openTestFile(file, { readonly: true });
  try {
    return (db.prepare('SELECT name FROM youth_centres ORDER BY sort_key').all() as { name: string }[]).map((r) => r.name);
  } finally {
    db.close();
  }
}

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('taking backups', () => {
  it('while saves keep coming: every save is kept, and the backup holds exactly those that came before it', async () => {
    const app = await province();
    const district = await districtId(app, '06', 'Çankaya');
    const names = Array.from({ length: 120 }, (_, i) => `Merkez ${String(i).padStart(3, '0')}`);
    const calls: Promise<{ ok: boolean }>[] = names.slice(0, 60).map((name) => app.invoke('orgUnits:createYouthCentre', { name, districtId: district, status: 'active' }));
    const backup = app.invoke('backups:create', {});
    calls.push(...names.slice(60).map((name) => app.invoke('orgUnits:createYouthCentre', { name, districtId: district, status: 'active' })));
    const results = await Promise.all(calls);
    expect(results.every((r) => r.ok)).toBe(true);
    const taken = await backup;
    expect(taken.ok, JSON.stringify(taken)).toBe(true);
    const entry = (taken as { value: { name: string; kind: string } }).value;
    expect(entry.kind).toBe('manual');
    const file = path.join(app.dataDir, 'backups', entry.name);
    // Calls run in arrival order: the backup saw the first 60 and none of the rest.
    expect(centresIn(file)).toEqual(names.slice(0, 60));
    const db = openTestFile(file, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    db.close();
    expect(fs.readdirSync(path.join(app.dataDir, 'backups')).filter((f) => f.endsWith('.part'))).toEqual([]);
    // And the live database has all 120.
    expect((await app.ok<{ total: number }>('orgUnits:searchYouthCentres', { query: 'merkez', limit: 5 })).total).toBe(120);
  });

  it('lists backups newest first with their kind, time and size', async () => {
    const app = await province();
    await app.ok('backups:create');
    await new Promise((r) => setTimeout(r, 5));
    await app.ok('backups:create');
    const listed = await app.ok<{ folder: string; keepAutomatic: number; backups: { name: string; kind: string; createdAt: string; bytes: number }[] }>('backups:list');
    expect(listed.folder).toBe(path.join(app.dataDir, 'backups'));
    expect(listed.keepAutomatic).toBe(14);
    expect(listed.backups).toHaveLength(2);
    expect(listed.backups[0]!.createdAt >= listed.backups[1]!.createdAt).toBe(true);
    expect(listed.backups.every((b) => b.kind === 'manual' && b.bytes > 4096)).toBe(true);
  });

  it('automatic: one at start when none is a day old, one when closing; one per day kept, 14 days', async () => {
    const dataDir = tempDir();
    const first = await setupApp('province', { dataDir });
    first.close();
    const app = openApp(dataDir, undefined, { automaticBackups: true });
    await app.backend.whenChecked();
    for (let i = 0; i < 100 && !listBackups(dataDir).some((b) => b.kind === 'auto'); i++) await new Promise((r) => setTimeout(r, 20));
    expect(listBackups(dataDir).filter((b) => b.kind === 'auto')).toHaveLength(1);
    await centre(app, 'Kapanmadan Önce GM');
    await app.backend.close();
    // Closing took today's again (it replaced the morning's: one a day) and it has the last save.
    const autos = listBackups(dataDir).filter((b) => b.kind === 'auto');
    expect(autos).toHaveLength(1);
    expect(centresIn(path.join(dataDir, 'backups', autos[0]!.name))).toEqual(['Kapanmadan Önce GM']);
  });

  it('rotation keeps the newest backup of each of the last 14 days and nothing else', () => {
    const dataDir = tempDir();
    const dir = path.join(dataDir, 'backups');
    fs.mkdirSync(dir);
    const made: string[] = [];
    for (let day = 1; day <= 20; day++) {
      for (const hour of ['08', '17']) {
        const name = `kopru-auto-202611${String(day).padStart(2, '0')}-${hour}0000-000.sqlite`;
        fs.writeFileSync(path.join(dir, name), 'x');
        made.push(name);
      }
    }
    fs.writeFileSync(path.join(dir, 'kopru-manual-20261101-080000-000.sqlite'), 'x');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'x');
    rotateAutomatic(dataDir);
    const left = fs.readdirSync(dir).sort();
    const expected = Array.from({ length: 14 }, (_, i) => `kopru-auto-202611${String(20 - i).padStart(2, '0')}-170000-000.sqlite`);
    expect(left).toEqual([...expected, 'kopru-manual-20261101-080000-000.sqlite', 'notes.txt'].sort());
  });

  it('names: only ours are backups, and none can point outside the folder', () => {
    expect(parseBackupName('kopru-auto-20261206-193000-123.sqlite', 1)?.createdAt).toBe('2026-12-06T19:30:00.123Z');
    expect(parseBackupName('kopru-v5-2026-12-06T19-30-00-123Z.sqlite', 1)?.kind).toBe('before-migration');
    for (const name of ['../kopru.sqlite', 'kopru-auto-20261206-193000-123.sqlite/../../x.sqlite', 'kopru.sqlite', 'kopru-auto-x.sqlite']) expect(parseBackupName(name, 1)).toBeNull();
  });
});

describe('restoring', () => {
  it('puts the backup in place, keeps the current database aside, and the app goes on working', async () => {
    const app = await province();
    const identity = app.ctx.identity;
    await centre(app, 'Önceki GM');
    const backup = (await app.ok<{ name: string }>('backups:create')).name;
    await centre(app, 'Sonraki GM');
    const restored = await app.ok<{ restored: string; keptAside: string | null }>('backups:restore', { name: backup });
    expect(restored.restored).toBe(backup);
    expect(restored.keptAside).toMatch(/^kopru-before-restore-/);
    // Reads (from the reopened read-only connection) and writes see the restored state.
    const search = await app.ok<{ items: { name: string }[] }>('orgUnits:searchYouthCentres', { query: 'gm' });
    expect(search.items.map((c) => c.name)).toEqual(['Önceki GM']);
    // The same installation, going on as a new incarnation: the numbers after the backup may be with others.
    expect((await app.ok<{ identity: unknown }>('installation:status')).identity).toEqual({ ...identity, nodeId: `${identity!.nodeId}~2` });
    await centre(app, 'Geri Yüklemeden Sonra GM');
    expect((await app.ok<{ total: number }>('orgUnits:searchYouthCentres', { query: 'gm' })).total).toBe(2);
    // What was replaced is kept, whole, with the later save in it.
    const aside = path.join(app.dataDir, 'backups', restored.keptAside!);
    expect(centresIn(aside)).toEqual(['Önceki GM', 'Sonraki GM']);
    expect((await app.ok<{ backups: { kind: string }[] }>('backups:list')).backups.map((b) => b.kind)).toContain('before-restore');
  });

  it.each([
    ['a damaged backup', (file: string) => {
      const fd = fs.openSync(file, 'r+');
      const size = fs.fstatSync(fd).size;
      fs.writeSync(fd, crypto.randomBytes(4096), 0, 4096, Math.floor(size / 4096 / 2) * 4096);
      fs.closeSync(fd);
    }, /bozuk/],
    ['a file that is not a database', (file: string) => fs.writeFileSync(file, 'Bu bir veritabanı değil.'.repeat(500)), /veritabanı yedeği değil/],
    ['an empty file', (file: string) => fs.writeFileSync(file, ''), /Köprü veritabanı yedeği değil|veritabanı yedeği değil/],
  ])('refuses %s, and the database is untouched', async (_what, spoil, message) => {
    const app = await province();
    await centre(app, 'Dokunulmayacak GM');
    const name = (await app.ok<{ name: string }>('backups:create')).name;
    spoil(path.join(app.dataDir, 'backups', name));
    app.ctx.db!.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const before = sha(path.join(app.dataDir, 'kopru.sqlite'));
    const error = expectError(await app.invoke('backups:restore', { name }), 'VALIDATION');
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/dokunulmadı/);
    expect(error.issues?.[0]).toMatchObject({ path: 'name', label: 'Yedek' });
    expect(sha(path.join(app.dataDir, 'kopru.sqlite'))).toBe(before);
    expect((await app.ok<{ total: number }>('orgUnits:searchYouthCentres', { query: 'dokunulmayacak' })).total).toBe(1);
    expect(listBackups(app.dataDir).some((b) => b.kind === 'before-restore')).toBe(false);
  });

  it('refuses a backup of another installation', async () => {
    const other = await province({ plate: '35' });
    const name = (await other.ok<{ name: string }>('backups:create')).name;
    const app = await province();
    fs.mkdirSync(path.join(app.dataDir, 'backups'), { recursive: true });
    fs.copyFileSync(path.join(other.dataDir, 'backups', name), path.join(app.dataDir, 'backups', name));
    const error = expectError(await app.invoke('backups:restore', { name }), 'VALIDATION');
    expect(error.message).toMatch(/başka bir Köprü kurulumuna ait/);
    expect(app.ctx.identity?.provincePlate).toBe('06');
  });

  it('refuses a name that is not a backup of this folder (VALIDATION or NOT_FOUND), never a path', async () => {
    const app = await province();
    for (const name of ['../kopru.sqlite', '/etc/passwd', 'kopru-manual-20261206-120000-000.sqlite']) {
      const envelope = await app.invoke('backups:restore', { name });
      expect(envelope.ok).toBe(false);
      expect(['VALIDATION', 'NOT_FOUND']).toContain((envelope as { error: { code: string } }).error.code);
    }
  });

  it('is the way out of a damaged database: writes are refused until a backup is restored', async () => {
    const dataDir = tempDir();
    const app = await province({ dataDir });
    for (let i = 0; i < 400; i++) await centre(app, `Merkez ${i} ${'x'.repeat(120)}`);
    const name = (await app.ok<{ name: string }>('backups:create')).name;
    app.close();
    apps.splice(apps.indexOf(app), 1);
    // A failing disk: one page in the middle of the file overwritten.
    const file = path.join(dataDir, 'kopru.sqlite');
    const pages = fs.statSync(file).size / 4096;
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, Math.floor(pages / 2) * 4096);
    fs.closeSync(fd);
    const reopened = openApp(dataDir);
    apps.push(reopened);
    await reopened.backend.whenChecked();
    expect((await reopened.ok<{ health: string }>('backend:status')).health).toBe('damaged');
    expect((await reopened.ok<{ state: string; dbError: { kind: string } }>('installation:status')).dbError?.kind).toBe('corrupt');
    expectError(await reopened.invoke('orgUnits:createYouthCentre', { name: 'Yazılmamalı', districtId: '06-cankaya', status: 'active' }), 'DB_UNAVAILABLE');
    const restored = await reopened.ok<{ keptAside: string }>('backups:restore', { name });
    expect(restored.keptAside).toMatch(/before-restore/);
    expect((await reopened.ok<{ health: string }>('backend:status')).health).toBe('ok');
    expect((await reopened.ok<{ state: string }>('installation:status')).state).toBe('ready');
    await centre(reopened, 'Onarımdan Sonra GM');
  });
});

describe('damage in what the database reads as it opens', () => {
  /** Overwrites the first page of a table's b-tree (where the database keeps its root) with garbage. */
  function damageTable(file: string, table: string) {
    const db = openTestFile(file, { readonly: true });
    const { rootpage } = db.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').get(table) as { rootpage: number };
    db.close();
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096, 0x3c), 0, 4096, (rootpage - 1) * 4096);
    fs.closeSync(fd);
  }

  it.each(['installation', 'districts'])('the %s table: the damaged-database screen and its backups, not a backend that stops', async (table) => {
    const dataDir = tempDir();
    const app = await setupApp('province', { dataDir });
    await centre(app, 'Yedekteki GM');
    const name = (await app.ok<{ name: string }>('backups:create')).name;
    app.close();
    damageTable(path.join(dataDir, 'kopru.sqlite'), table);
    const before = sha(path.join(dataDir, 'kopru.sqlite'));

    // Through the worker the app starts: it must live to answer.
    const worker = startBackendWorker(path.join(OUT, 'main', 'backend.js'), { dataDir, migrationsDir: sourceMigrationsDir(), appVersion: '0.0.0-test', holder: 'test', keyStoreDir: TEST_KEY_STORE });
    try {
      // Found at open (the installation row is read then) or by the background check right after.
      let health = 'checking';
      for (let i = 0; i < 200 && health === 'checking'; i++) {
        health = ((await worker.invoke('backend:status', {})) as { value: { health: string } }).value.health;
        if (health === 'checking') await new Promise((r) => setTimeout(r, 25));
      }
      expect(health).toBe('damaged');
      const status = await worker.invoke('installation:status', {});
      expect(status).toMatchObject({ ok: true, value: { state: 'db-error', dbError: { kind: 'corrupt' } } });
      expect(await worker.invoke('orgUnits:searchYouthCentres', { query: 'gm' })).toMatchObject({ ok: false, error: { code: 'DB_UNAVAILABLE' } });
      expect(sha(path.join(dataDir, 'kopru.sqlite'))).toBe(before);
      // The way out: its backup.
      const restored = await worker.invoke('backups:restore', { name });
      expect(restored, JSON.stringify(restored)).toMatchObject({ ok: true });
      expect(await worker.invoke('installation:status', {})).toMatchObject({ ok: true, value: { state: 'ready' } });
      // Nobody could sign in to the damaged file: the restored one asks for its own accounts.
      expect(await worker.invoke('orgUnits:searchYouthCentres', { query: 'gm' })).toMatchObject({ ok: false, error: { code: 'SIGNED_OUT' } });
      await signInOnce(worker);
      expect(await worker.invoke('orgUnits:searchYouthCentres', { query: 'gm' })).toMatchObject({ ok: true, value: { total: 1 } });
    } finally {
      await worker.close();
    }
  });
});

describe('a restore cut short by a crash', () => {
  async function prepared() {
    const dataDir = tempDir();
    const app = await setupApp('province', { dataDir });
    await centre(app, 'Yedekteki GM');
    const name = (await app.ok<{ name: string }>('backups:create')).name;
    await centre(app, 'Yedekte Olmayan GM');
    app.close();
    return { dataDir, backup: path.join(dataDir, 'backups', name) };
  }

  it('after the old database was moved aside: finished at the next start, nothing lost', async () => {
    const { dataDir, backup } = await prepared();
    const db = path.join(dataDir, 'kopru.sqlite');
    // The state a crash leaves between "moved aside" and "renamed into place".
    fs.copyFileSync(backup, `${db}.restoring`);
    fs.writeFileSync(path.join(dataDir, 'restore.json'), JSON.stringify({ aside: 'kopru-before-restore-20261206-120000-000.sqlite' }));
    fs.renameSync(db, path.join(dataDir, 'backups', 'kopru-before-restore-20261206-120000-000.sqlite'));
    const app = openApp(dataDir);
    apps.push(app);
    expect((await app.ok<{ items: { name: string }[] }>('orgUnits:searchYouthCentres', { query: 'gm' })).items.map((c) => c.name)).toEqual(['Yedekteki GM']);
    expect(centresIn(path.join(dataDir, 'backups', 'kopru-before-restore-20261206-120000-000.sqlite')).sort()).toEqual(['Yedekte Olmayan GM', 'Yedekteki GM']);
    expect(fs.existsSync(path.join(dataDir, 'restore.json'))).toBe(false);
  });

  it('before anything was moved: the copy is removed and the database is as it was', async () => {
    const { dataDir, backup } = await prepared();
    fs.copyFileSync(backup, path.join(dataDir, 'kopru.sqlite.restoring'));
    expect(finishInterruptedRestore(dataDir)).toBe('cleaned');
    const app = openApp(dataDir);
    apps.push(app);
    expect((await app.ok<{ total: number }>('orgUnits:searchYouthCentres', { query: 'gm' })).total).toBe(2);
    expect(fs.existsSync(path.join(dataDir, 'kopru.sqlite.restoring'))).toBe(false);
  });
});
