import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { InstallationStatus } from '../../shared/contract/installation';
import { sourceMigrationsDir } from '../../electron/app/paths';
import { shippedSchemaVersion } from '../../db/open';
import { openApp, setupApp, tempDir, type TestApp } from '../support/app';
import {
  BACKEND_JS,
  bulkCentres,
  damageMiddlePage,
  hasStackTrace,
  kopru,
  kopruHere,
  LONG,
  organisation,
  parseEnvelope,
  readRows,
  setUserVersion,
  sha256File,
  value,
  type Spawned,
} from './support';
import { TEST_ADMIN } from '../support/users';

// Issue #13 §2b across processes: the app and the kopru command line, or two command lines, on one data
// folder; a process killed while it holds the folder; and what `kopru demo` and `kopru init` say when the
// database or the folder cannot be used. The command is the real bin/kopru.mjs over the built out/main.

const apps: TestApp[] = [];
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const app of apps) await app.backend.close();
});

const HELD = 'başka bir Köprü tarafından kullanılıyor';

/** A set-up province installation, closed, with `rows` youth centres. */
async function closedProvince(rows = 0): Promise<{ dir: string; dbPath: string }> {
  const app = await setupApp('province');
  if (rows) bulkCentres(app.ctx, '06', rows);
  await app.backend.close();
  return { dir: app.dataDir, dbPath: path.join(app.dataDir, 'kopru.sqlite') };
}

function expectClearFailure(run: Spawned, what: string): void {
  expect(run.timedOut, `${what}: the command did not end`).toBe(false);
  expect(hasStackTrace(run.stderr + run.stdout), `${what}: stack trace\n${run.stderr}`).toBe(false);
}

describe('one Köprü per data folder, across processes', () => {
  it('a process killed with SIGKILL while holding the folder releases it', async () => {
    const { dir } = await closedProvince();
    const code = `
      const { Worker } = require('node:worker_threads');
      const [entry, dataDir, migrationsDir] = process.argv.slice(1);
      const worker = new Worker(entry, { workerData: { dataDir, migrationsDir, appVersion: '0.0.0-test', holder: 'cli' } });
      worker.on('message', (m) => { if (m.type === 'ready') process.stdout.write('held\\n'); });
    `;
    const child = spawn(process.execPath, ['-e', code, '--', BACKEND_JS, dir, sourceMigrationsDir()], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    await new Promise<void>((resolve, reject) => {
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => chunk.includes('held') && resolve());
      child.on('exit', () => reject(new Error(`the child ended before holding the folder: ${stderr}`)));
    });

    const blocked = openApp(dir);
    const status = value<InstallationStatus>(await blocked.invoke('installation:status', {}));
    expect(status.dbError?.kind).toBe('locked');
    expect(status.dbError?.message).toContain(HELD);
    expect(status.dbError?.message).toContain(`kopru komut satırı, süreç ${child.pid}`);
    await blocked.backend.close();

    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const after = openApp(dir);
    apps.push(after);
    expect(value<InstallationStatus>(await after.invoke('installation:status', {})).state).toBe('ready');
    value(await after.invoke('directory:create', organisation('Kilit Bırakıldıktan Sonra Kaydedilen Dernek')));
  });

  it('while the app holds the folder, CLI writes fired at once each exit 1 with an envelope naming the app; none INTERNAL, nothing written', async () => {
    const app = openApp(tempDir(), undefined, { holder: 'app' });
    apps.push(app);
    value(await app.invoke('installation:setup', { admin: TEST_ADMIN, role: 'province', provincePlate: '06' }));
    const write = (i: number) => ['call', 'directory:create', JSON.stringify(organisation(`Komut Satırından ${i} Numaralı Dernek`)), '--data-dir', app.dataDir];
    // The real bin/kopru.mjs waits 5 s for the folder, so a few of those; and the same CLI code over the
    // shipped worker in this process with a short wait, for many more at once.
    const binCount = LONG ? 40 : 3;
    const hereCount = LONG ? 100 : 18;
    const runs: (Spawned | { code: number; stdout: string; stderr: string; timedOut?: boolean })[] = await Promise.all([
      ...Array.from({ length: binCount }, (_, i) => kopru(write(i))),
      ...Array.from({ length: hereCount }, (_, i) => kopruHere(write(binCount + i))),
    ]);
    expect(runs.length).toBeGreaterThanOrEqual(21);
    runs.forEach((run, i) => {
      expect(run.timedOut ?? false, `write ${i}: the command did not end`).toBe(false);
      expect(hasStackTrace(run.stderr + run.stdout), `write ${i}: stack trace\n${run.stderr}`).toBe(false);
      expect(run.code, `write ${i}: ${run.stdout}`).toBe(1);
      const envelope = parseEnvelope(run.stdout);
      expect(envelope.ok).toBe(false);
      if (envelope.ok) return;
      expect(['DB_UNAVAILABLE', 'BUSY'], `write ${i}`).toContain(envelope.error.code);
      expect(envelope.error.message).toContain(HELD);
      expect(envelope.error.message).toContain(`Köprü masaüstü uygulaması, süreç ${process.pid}`);
    });
    expect(value<{ total: number }>(await app.invoke('directory:search', {})).total).toBe(0);
    // The app goes on working.
    value(await app.invoke('directory:create', organisation('Uygulamanın Kendi Kaydı Derneği')));
    expect(value<{ total: number }>(await app.invoke('directory:search', {})).total).toBe(1);
  }, 180_000);

  it('two CLIs racing on one folder: every write is acknowledged and then present, or refused with the clear message; zero INTERNAL', async () => {
    const { dir, dbPath } = await closedProvince();
    const perCli = LONG ? 25 : 3;
    const chain = async (who: string) => {
      const results: { name: string; run: Spawned }[] = [];
      for (let i = 0; i < perCli; i++) {
        const name = `${who} Komut ${i} Numaralı Dernek`;
        results.push({ name, run: await kopru(['call', 'directory:create', JSON.stringify(organisation(name)), '--data-dir', dir]) });
      }
      return results;
    };
    const results = (await Promise.all([chain('Birinci'), chain('İkinci')])).flat();
    const acknowledged: string[] = [];
    const refused: string[] = [];
    for (const { name, run } of results) {
      expectClearFailure(run, name);
      const envelope = parseEnvelope(run.stdout);
      if (envelope.ok) {
        expect(run.code).toBe(0);
        acknowledged.push(name);
      } else {
        expect(run.code).toBe(1);
        expect(['DB_UNAVAILABLE', 'BUSY'], `${name}: ${envelope.error.message}`).toContain(envelope.error.code);
        expect(envelope.error.message).toContain(HELD);
        refused.push(name);
      }
    }
    expect(acknowledged.length + refused.length).toBe(2 * perCli);
    const stored = readRows<{ name: string }>(dbPath, 'SELECT name FROM organisations').map((r) => r.name);
    expect(stored.sort()).toEqual([...acknowledged].sort());
    console.log(`[processes] two CLIs: ${acknowledged.length} writes acknowledged (all present), ${refused.length} refused with the message`);
  }, 180_000);
});

describe.concurrent('the command line says what is really wrong', () => {
  it('kopru demo on a database with a damaged page: exit 1, says the file is damaged (not "kopru init"), file unchanged', async () => {
    const { dir, dbPath } = await closedProvince(1500);
    damageMiddlePage(dbPath);
    const hash = sha256File(dbPath);
    const run = await kopru(['demo', '--data-dir', dir]);
    expectClearFailure(run, 'kopru demo');
    expect(run.code).toBe(1);
    const envelope = parseEnvelope(run.stdout);
    expect(envelope.ok).toBe(false);
    if (!envelope.ok) {
      expect(envelope.error.code).toBe('DB_UNAVAILABLE');
      expect(envelope.error.message).toMatch(/hasar/);
    }
    expect(run.stdout + run.stderr).not.toMatch(/kopru init/);
    expect(sha256File(dbPath)).toBe(hash);
  });

  it.each([
    ['newer', 1, /daha yeni bir sürümüyle yazılmış/],
    ['-1', -1, /şema sürümü tanınmıyor \(-1\)/],
    ['2^31-1', 2 ** 31 - 1, /daha yeni bir sürümüyle yazılmış \(şema 2147483647/],
  ] as const)('kopru demo and kopru call on a database whose schema version is %s: exit 1, says what is wrong (not "kopru init"), no stack trace, file unchanged', async (_name, version, message) => {
    const { dir, dbPath } = await closedProvince();
    setUserVersion(dbPath, version === 1 ? shippedSchemaVersion(sourceMigrationsDir()) + 1 : version);
    const hash = sha256File(dbPath);
    const [demo, call] = await Promise.all([
      kopru(['demo', '--data-dir', dir]),
      kopru(['call', 'directory:create', JSON.stringify(organisation('Yeni Şemaya Yazılmayan Dernek')), '--data-dir', dir]),
    ]);
    for (const [what, run] of [['kopru demo', demo], ['kopru call', call]] as const) {
      expectClearFailure(run, what);
      expect(run.code, what).toBe(1);
      const envelope = parseEnvelope(run.stdout);
      expect(envelope.ok).toBe(false);
      if (!envelope.ok) {
        expect(envelope.error.code, what).toBe('DB_UNAVAILABLE');
        expect(envelope.error.message, what).toMatch(message);
      }
      expect(run.stdout + run.stderr, what).not.toMatch(/kopru init/);
    }
    expect(sha256File(dbPath)).toBe(hash);
  });

  describe('kopru init where no data folder can be made', () => {
    it('under a file (ENOTDIR): exit 1 or 2 with a Turkish message about the folder, no stack trace, the file untouched', async () => {
      const file = path.join(tempDir(), 'bir-dosya.txt');
      fs.writeFileSync(file, 'kullanıcının dosyası');
      const run = await kopru(['init', '--data-dir', path.join(file, 'kopru-veri'), '--role', 'ministry'], { timeoutMs: 30_000 });
      expectClearFailure(run, 'kopru init under a file');
      expect([1, 2]).toContain(run.code);
      expect(run.stdout + run.stderr).toMatch(/klasör/i);
      expect(fs.readFileSync(file, 'utf8')).toBe('kullanıcının dosyası');
    });

    it('under /proc: exit 1 or 2 with a Turkish message about the folder, no stack trace, and no hang', async () => {
      const run = await kopru(['init', '--data-dir', '/proc/kopru-yok/veri', '--role', 'ministry'], { timeoutMs: 8_000 });
      expectClearFailure(run, 'kopru init under /proc');
      expect([1, 2]).toContain(run.code);
      expect(run.stdout + run.stderr).toMatch(/klasör/i);
    });
  });
});
