import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNELS, contract, ROLES } from '../../shared/contract';
import { main, type CliIo } from '../../electron/cli/kopru';
import { projectRoot, sourceMigrationsDir } from '../../electron/app/paths';
import { startBackendWorker } from '../../electron/backend/host';
import { tempDir } from '../support/app';
import { OUT } from '../support/build';
import { TEST_KEY_STORE } from '../support/keyStore';
import { TEST_ADMIN } from '../support/users';

// The headless `kopru` command (electron/cli/kopru.ts): stdout carries JSON only, stderr carries messages,
// exit 0 = ok, 1 = error envelope, 2 = usage error. Mostly run in-process through main(argv, io) over the
// built backend worker (out/main/backend.js), as the built CLI runs it; a few cases run the real bin/kopru.mjs.

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  json<T = any>(): T; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function kopru(argv: string[], options: { env?: Record<string, string | undefined>; stdin?: string; typed?: string[] } = {}): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const typed = [...(options.typed ?? [])];
  const io: CliIo = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    stdin: async () => options.stdin ?? '',
    // Every command acts as a user (issue #16): the test administrator, whom init creates.
    env: { ...AS_ADMIN, ...options.env },
    // What the user types at the terminal's password prompt; no terminal when nothing is scripted.
    promptHidden: async (question) => {
      err.push(question);
      return typed.shift() ?? null;
    },
    connect: (dataDir) =>
      startBackendWorker(path.join(OUT, 'main', 'backend.js'), { dataDir, migrationsDir: sourceMigrationsDir(), appVersion: '0.0.0-test', holder: 'cli', lockWaitMs: 2_000, keyStoreDir: TEST_KEY_STORE }),
  };
  const code = await main(argv, io);
  const stdout = out.join('\n');
  return { code, stdout, stderr: err.join('\n'), json: () => JSON.parse(stdout) };
}

const BIN = path.join(projectRoot(), 'bin', 'kopru.mjs');
const AS_ADMIN = { KOPRU_USER: TEST_ADMIN.username, KOPRU_PASSWORD: TEST_ADMIN.password };

function kopruBin(argv: string[], options: { env?: Record<string, string>; stdin?: string } = {}) {
  const env: Record<string, string | undefined> = { ...process.env, ...AS_ADMIN, ...options.env };
  if (!options.env?.KOPRU_DATA_DIR) delete env.KOPRU_DATA_DIR;
  const result = spawnSync(process.execPath, [BIN, ...argv], {
    cwd: projectRoot(),
    env,
    input: options.stdin ?? '',
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file under a folder with its hash: equal listings = nothing was written. */
function contentsOf(dir: string): Record<string, string> | null {
  if (!fs.existsSync(dir)) return null;
  const out: Record<string, string> = {};
  for (const name of fs.readdirSync(dir, { recursive: true }).map(String).sort()) {
    const full = path.join(dir, name);
    if (fs.statSync(full).isFile()) out[name] = crypto.createHash('sha256').update(fs.readFileSync(full)).digest('hex');
    else out[name] = 'dir';
  }
  return out;
}

const expectUsage = (run: { stderr: string }) => {
  expect(run.stderr).toContain('Kullanım');
  expect(run.stderr).toContain('Usage');
  expect(run.stderr).toMatch(/kopru init/);
};

async function initProvince(plate = '06'): Promise<string> {
  const dir = path.join(tempDir(), 'kopru-data');
  const run = await kopru(['init', '--data-dir', dir, '--role', 'province', '--province', plate]);
  expect(run.code, run.stderr + run.stdout).toBe(0);
  return dir;
}

describe('kopru init', () => {
  it.each([
    ['ministry', [], 'ministry'],
    ['province', ['--province', '35'], 'province:35'],
    ['province', ['--province', '6'], 'province:06'],
    ['youth-center', ['--province', '06', '--name', 'Çankaya Gençlik Merkezi', '--district', 'cankaya'], 'youth-center:'],
  ])('as %s %j prints the new identity as JSON', async (role, extra, unitPrefix) => {
    const dir = path.join(tempDir(), 'data');
    const run = await kopru(['init', '--data-dir', dir, '--role', role, ...extra]);
    expect(run.code, run.stderr).toBe(0);
    const printed = run.json<{ nodeId: string; role: string; unit: { id: string; name: string }; fingerprint: string; dataDir: string }>();
    expect(printed.role).toBe(role);
    expect(printed.nodeId).toMatch(/^[0-9a-f]{16}$/);
    expect(printed.unit.id.startsWith(unitPrefix)).toBe(true);
    expect(printed.unit.name.length).toBeGreaterThan(3);
    expect(printed.fingerprint).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
    expect(printed.dataDir).toBe(path.resolve(dir));
    // The same identity is what the installation now reports.
    const status = await kopru(['call', 'installation:status', '--data-dir', dir]);
    expect(status.code).toBe(0);
    expect(status.json().value.identity).toMatchObject({ nodeId: printed.nodeId, fingerprint: printed.fingerprint, unitId: printed.unit.id });
  });

  it('refuses to initialise a folder twice (exit 1) and leaves it untouched', async () => {
    const dir = await initProvince('06');
    const before = contentsOf(dir);
    const statusBefore = (await kopru(['call', 'installation:status', '--data-dir', dir])).json().value.identity;
    for (const args of [['--role', 'province', '--province', '06'], ['--role', 'ministry']]) {
      const run = await kopru(['init', '--data-dir', dir, ...args]);
      expect(run.code).toBe(1);
      expect(run.json()).toMatchObject({ ok: false, error: { code: 'ALREADY_INITIALISED' } });
    }
    expect(contentsOf(dir)).toEqual(before);
    expect((await kopru(['call', 'installation:status', '--data-dir', dir])).json().value.identity).toEqual(statusBefore);
  });

  it.each([
    ['missing role', ['init', '--data-dir', '{dir}']],
    ['bad role', ['init', '--data-dir', '{dir}', '--role', 'admin']],
    ['province without plate', ['init', '--data-dir', '{dir}', '--role', 'province']],
    ['plate 99', ['init', '--data-dir', '{dir}', '--role', 'province', '--province', '99']],
    ['plate 00', ['init', '--data-dir', '{dir}', '--role', 'province', '--province', '00']],
    ['plate 82', ['init', '--data-dir', '{dir}', '--role', 'province', '--province', '82']],
    ['youth centre without district', ['init', '--data-dir', '{dir}', '--role', 'youth-center', '--province', '06', '--name', 'X Gençlik']],
    ['unknown flag', ['init', '--data-dir', '{dir}', '--role', 'ministry', '--force']],
    ['flag without value', ['init', '--data-dir', '{dir}', '--role']],
    ['unknown command', ['initialise', '--data-dir', '{dir}']],
    ['no command', []],
    ['call without channel', ['call', '--data-dir', '{dir}']],
  ])('usage error (%s): exit 2, bilingual usage on stderr, nothing on stdout, no data folder', async (_what, template) => {
    const dir = path.join(tempDir(), 'not-yet');
    const run = await kopru(template.map((a) => a.replace('{dir}', dir)));
    expect(run.code).toBe(2);
    expectUsage(run);
    expect(run.stdout).toBe('');
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('acts as a named user only: without one nothing runs; the password may be typed at the prompt; a wrong one is refused', async () => {
    const dir = tempDir();
    // init asks for the new administrator's password twice when KOPRU_PASSWORD is not given.
    const differ = await kopru(['init', '--data-dir', dir, '--role', 'province', '--province', '06'], { env: { KOPRU_PASSWORD: undefined }, typed: [TEST_ADMIN.password, 'başka bir parola'] });
    expect(differ.code).toBe(2);
    expect(differ.stderr).toContain('İki parola aynı değil.');
    expect(fs.existsSync(path.join(dir, 'kopru.sqlite'))).toBe(false);
    const init = await kopru(['init', '--data-dir', dir, '--role', 'province', '--province', '06'], { env: { KOPRU_PASSWORD: undefined }, typed: [TEST_ADMIN.password, TEST_ADMIN.password] });
    expect(init.code).toBe(0);

    const centre = (n: number) => JSON.stringify({ name: `İstemci ${n} Gençlik Merkezi`, districtId: '06-cankaya', address: 'Atatürk Bulvarı No: 1', phone: '+903124445566', status: 'active' });
    const centres = async () => (await kopru(['call', 'orgUnits:searchYouthCentres', '{}', '--data-dir', dir])).json().value.total as number;
    const before = await centres();
    // Nobody named, or a user with no terminal to type the password on: SIGNED_OUT, the hint, nothing written.
    for (const env of [{ KOPRU_USER: undefined, KOPRU_PASSWORD: undefined }, { KOPRU_PASSWORD: undefined }]) {
      const run = await kopru(['call', 'orgUnits:createYouthCentre', centre(1), '--data-dir', dir], { env });
      expect(run.code).toBe(1);
      expect(run.json()).toMatchObject({ ok: false, error: { code: 'SIGNED_OUT' } });
      expect(run.stderr).toContain('KOPRU_USER');
    }
    // A wrong password typed: refused, nothing written.
    const wrong = await kopru(['call', 'orgUnits:createYouthCentre', centre(2), '--data-dir', dir], { env: { KOPRU_PASSWORD: undefined }, typed: ['yanlış parola 123'] });
    expect(wrong.code).toBe(1);
    expect(wrong.json()).toMatchObject({ ok: false, error: { message: expect.stringContaining("parola") } });
    expect(await centres()).toBe(before);
    // The right one typed at the prompt: the change is recorded under that user.
    const typed = await kopru(['call', 'orgUnits:createYouthCentre', centre(3), '--data-dir', dir], { env: { KOPRU_PASSWORD: undefined }, typed: [TEST_ADMIN.password] });
    expect(typed.stdout).toContain('"ok": true');
    expect(typed.code).toBe(0);
    expect(typed.stderr).toContain(`${TEST_ADMIN.username} — parola / password:`);
    expect(await centres()).toBe(before + 1);
  });

  it('usage error without any data folder given: exit 2', async () => {
    const run = await kopru(['init', '--role', 'ministry']);
    expect(run.code).toBe(2);
    expectUsage(run);
    expect(run.stderr).toMatch(/KOPRU_DATA_DIR/);
  });

  it('youth centre in a district that does not exist: exit 1, an existing folder is left exactly as it was', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'notlar.txt'), 'kullanıcının dosyası');
    const before = contentsOf(dir);
    const run = await kopru(['init', '--data-dir', dir, '--role', 'youth-center', '--province', '06', '--name', 'Hayal Gençlik Merkezi', '--district', 'Atlantis']);
    expect(run.code).toBe(1);
    expect(run.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(run.json().error.message).toContain('Atlantis');
    expect(contentsOf(dir)).toEqual(before);
    // And the folder can then be initialised properly.
    const retry = await kopru(['init', '--data-dir', dir, '--role', 'youth-center', '--province', '06', '--name', 'Gerçek Gençlik Merkezi', '--district', 'Çankaya']);
    expect(retry.code, retry.stdout).toBe(0);
  });

  it('youth centre in a district that does not exist: exit 1, a folder that did not exist is not created', async () => {
    const dir = path.join(tempDir(), 'new', 'nested');
    const run = await kopru(['init', '--data-dir', dir, '--role', 'youth-center', '--province', '06', '--name', 'Hayal Gençlik Merkezi', '--district', 'Kadıköy']);
    expect(run.code).toBe(1);
    expect(fs.existsSync(dir)).toBe(false);
  });
});

describe('kopru channels', () => {
  it('lists every channel with access, writes, summary and a JSON Schema of its input', async () => {
    const run = await kopru(['channels']);
    expect(run.code).toBe(0);
    const listed = run.json<{ channel: string; summary: string; access: unknown; writes: string; input: Record<string, unknown> }[]>();
    expect(listed.map((c) => c.channel).sort()).toEqual([...CHANNELS].sort());
    for (const entry of listed) {
      const def = contract[entry.channel as keyof typeof contract];
      expect(entry.summary).toBe(def.summary);
      expect(entry.writes).toBe(def.writes);
      if (Array.isArray(def.access)) expect(entry.access).toEqual(def.access);
      else if (def.access === 'anyone') expect(entry.access).toEqual([...ROLES]);
      else expect(typeof entry.access).toBe('string');
      expect(String(entry.input.$schema)).toMatch(/json-schema\.org/);
      const shape = (def.input as unknown as { shape?: Record<string, unknown> }).shape;
      if (shape) {
        expect(entry.input.type, entry.channel).toBe('object');
        expect(Object.keys((entry.input.properties ?? {}) as object).sort(), entry.channel).toEqual(Object.keys(shape).sort());
      } else {
        expect(entry.input.anyOf ?? entry.input.oneOf, entry.channel).toBeDefined();
      }
    }
  });

  it('documents the field constraints (e.g. the plate pattern in setup)', async () => {
    const listed = (await kopru(['channels'])).json<{ channel: string; input: unknown }[]>();
    const setup = JSON.stringify(listed.find((c) => c.channel === 'installation:setup')!.input);
    expect(setup).toContain('youth-center');
    expect(setup).toContain('provincePlate');
    expect(setup).toContain('pattern');
  });
});

describe('kopru call', () => {
  it('ok envelope → exit 0 with the envelope as JSON on stdout', async () => {
    const dir = await initProvince();
    const run = await kopru(['call', 'orgUnits:listDistricts', '{"provincePlate":"06"}', '--data-dir', dir]);
    expect(run.code).toBe(0);
    const envelope = run.json();
    expect(envelope.ok).toBe(true);
    expect(envelope.value.map((d: { name: string }) => d.name)).toContain('Çankaya');
  });

  it('error envelope → exit 1, still JSON on stdout', async () => {
    const dir = await initProvince();
    const notFound = await kopru(['call', 'orgUnits:getYouthCentre', '{"id":"01900000-0000-7000-8000-000000000000"}', '--data-dir', dir]);
    expect(notFound.code).toBe(1);
    expect(notFound.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const invalid = await kopru(['call', 'orgUnits:createYouthCentre', '{"name":"X"}', '--data-dir', dir]);
    expect(invalid.code).toBe(1);
    expect(invalid.json().error.code).toBe('VALIDATION');
    const unknown = await kopru(['call', 'orgUnits:nope', '{}', '--data-dir', dir]);
    expect(unknown.code).toBe(1);
    expect(unknown.json().error.code).toBe('UNKNOWN_CHANNEL');
  });

  it('bad JSON → exit 2 and nothing written', async () => {
    const dir = await initProvince();
    const before = contentsOf(dir);
    for (const bad of ['{name:', "{'a':1}", '{"a":1}}']) {
      const run = await kopru(['call', 'orgUnits:createYouthCentre', bad, '--data-dir', dir]);
      expect(run.code, bad).toBe(2);
      expectUsage(run);
      expect(run.stdout).toBe('');
    }
    expect(contentsOf(dir)).toEqual(before);
  });

  it('takes the data folder from KOPRU_DATA_DIR and the input from stdin with "-"', async () => {
    const dir = await initProvince();
    const input = JSON.stringify({ name: 'Stdin Gençlik Merkezi', districtId: '06-cankaya', status: 'active' });
    const created = await kopru(['call', 'orgUnits:createYouthCentre', '-'], { env: { KOPRU_DATA_DIR: dir }, stdin: input });
    expect(created.code, created.stdout).toBe(0);
    expect(created.json().value).toMatchObject({ name: 'Stdin Gençlik Merkezi', districtName: 'Çankaya' });
    const found = await kopru(['call', 'orgUnits:searchYouthCentres', '{"query":"stdin"}'], { env: { KOPRU_DATA_DIR: dir } });
    expect(found.json().value.total).toBe(1);
    // --data-dir wins over the environment.
    const other = await initProvince('35');
    const inOther = await kopru(['call', 'orgUnits:searchYouthCentres', '{"query":"stdin"}', '--data-dir', other], { env: { KOPRU_DATA_DIR: dir } });
    expect(inOther.json().value.total).toBe(0);
  });

  it('empty stdin means an empty input', async () => {
    const dir = await initProvince();
    const run = await kopru(['call', 'settings:get', '-', '--data-dir', dir], { stdin: '  \n' });
    expect(run.code).toBe(0);
    expect(run.json().value.dataDir).toBe(path.resolve(dir));
  });

  it('refuses a folder without an installation (exit 2) and does not create one', async () => {
    const dir = path.join(tempDir(), 'empty');
    const run = await kopru(['call', 'installation:status', '--data-dir', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/kopru init/);
    expect(fs.existsSync(dir)).toBe(false);
    const tooMany = await kopru(['call', 'settings:get', '{}', '{}', '--data-dir', dir]);
    expect(tooMany.code).toBe(2);
  });
});

describe('kopru demo', () => {
  it('fills a province with youth centres that search then finds', { timeout: 120_000 }, async () => {
    const dir = await initProvince();
    const run = await kopru(['demo', '--data-dir', dir]);
    expect(run.code, run.stdout).toBe(0);
    const created = run.json().value.youthCentres as number;
    expect(created).toBeGreaterThan(0);
    const all = await kopru(['call', 'orgUnits:searchYouthCentres', '{"limit":500,"includeRetired":true}', '--data-dir', dir]);
    expect(all.json().value.total).toBe(created);
    const byText = await kopru(['call', 'orgUnits:searchYouthCentres', '{"query":"genclik merkezi","limit":1}', '--data-dir', dir]);
    expect(byText.json().value.total).toBeGreaterThan(0);
  });

  it('fills a youth-centre installation with its province’s centres', async () => {
    const dir = path.join(tempDir(), 'youth');
    const init = await kopru(['init', '--data-dir', dir, '--role', 'youth-center', '--province', '35', '--name', 'Konak Gençlik Merkezi', '--district', 'Konak']);
    expect(init.code, init.stdout).toBe(0);
    const run = await kopru(['demo', '--data-dir', dir]);
    expect(run.code).toBe(0);
    const created = run.json().value.youthCentres as number;
    expect(created).toBeGreaterThan(0);
    const inProvince = await kopru(['call', 'orgUnits:searchYouthCentres', '{"provincePlate":"35","limit":500,"includeRetired":true}', '--data-dir', dir]);
    expect(inProvince.json().value.total).toBe(created);
  });

  it('refuses a folder without an installation (exit 2)', async () => {
    const run = await kopru(['demo', '--data-dir', path.join(tempDir(), 'none')]);
    expect(run.code).toBe(2);
  });
});

describe('the real bin/kopru.mjs', () => {
  it('kopru channels → exit 0 and JSON on stdout', () => {
    const run = kopruBin(['channels']);
    expect(run.code, run.stderr).toBe(0);
    const listed = JSON.parse(run.stdout) as { channel: string }[];
    expect(listed.map((c) => c.channel).sort()).toEqual([...CHANNELS].sort());
  });

  it('unknown command → exit 2, bilingual usage on stderr, nothing on stdout', () => {
    const run = kopruBin(['frobnicate']);
    expect(run.code).toBe(2);
    expectUsage(run);
    expect(run.stdout).toBe('');
  });

  it('init, then call via KOPRU_DATA_DIR and stdin: exit codes 0, 1, 2', () => {
    const dir = path.join(tempDir(), 'bin-data');
    const init = kopruBin(['init', '--data-dir', dir, '--role', 'province', '--province', '06']);
    expect(init.code, init.stderr).toBe(0);
    expect(JSON.parse(init.stdout).unit.id).toBe('province:06');

    const env = { KOPRU_DATA_DIR: dir };
    const created = kopruBin(['call', 'orgUnits:createYouthCentre', '-'], {
      env,
      stdin: JSON.stringify({ name: 'İkili Gençlik Merkezi', districtId: '06-cankaya', status: 'active' }),
    });
    expect(created.code, created.stderr).toBe(0);
    expect(JSON.parse(created.stdout).value.name).toBe('İkili Gençlik Merkezi');

    const duplicate = kopruBin(['call', 'orgUnits:createYouthCentre', JSON.stringify({ name: 'ikili genclik merkezi', districtId: '06-cankaya', status: 'active' })], { env });
    expect(duplicate.code).toBe(1);
    expect(JSON.parse(duplicate.stdout).error.code).toBe('CONFLICT');

    const badJson = kopruBin(['call', 'orgUnits:createYouthCentre', '{nope'], { env });
    expect(badJson.code).toBe(2);
    expect(badJson.stdout).toBe('');

    const reinit = kopruBin(['init', '--data-dir', dir, '--role', 'ministry']);
    expect(reinit.code).toBe(1);
  }, 120_000);
});

describe('kopru sync', () => {
  it('a province enrols a youth centre bound to the centre it names (--centre); the welcome file binds it there', { timeout: 120_000 }, async () => {
    const province = await initProvince('06');
    const centreDir = path.join(tempDir(), 'kopru-centre');
    expect((await kopru(['init', '--data-dir', centreDir, '--role', 'youth-center', '--province', '06', '--name', 'Çankaya Gençlik Merkezi', '--district', 'Çankaya'])).code).toBe(0);
    const districts = (await kopru(['call', 'orgUnits:listDistricts', JSON.stringify({ provincePlate: '06' }), '--data-dir', province])).json<{ value: { id: string; name: string }[] }>().value;
    const picked = (await kopru(['call', 'orgUnits:createYouthCentre', JSON.stringify({ name: 'Ahmet Hamdi Tanpınar Gençlik Merkezi', districtId: districts.find((d) => d.name === 'Çankaya')!.id, status: 'active' }), '--data-dir', province])).json<{ value: { id: string } }>().value;
    const intro = path.join(tempDir(), 'intro.json');
    const introduced = await kopru(['sync', 'introduce', '--out', intro, '--data-dir', centreDir]);
    expect(introduced.code, introduced.stderr).toBe(0);
    // Without a fingerprint, enroll only reads the introduction, for the clerk to compare.
    const read = await kopru(['sync', 'enroll', intro, '--data-dir', province]);
    const fingerprint = read.json<{ value: { fingerprint: string } }>().value.fingerprint;
    const enrolled = await kopru(['sync', 'enroll', intro, '--fingerprint', fingerprint, '--centre', picked.id, '--data-dir', province]);
    expect(enrolled.code, enrolled.stdout).toBe(0);
    expect(enrolled.json<{ value: { centreId: string } }>().value.centreId).toBe(picked.id);
    // A centre that is not in the list: exit 1, with the reason, nothing enrolled twice.
    const wrong = await kopru(['sync', 'enroll', intro, '--fingerprint', fingerprint, '--centre', 'yok', '--data-dir', province]);
    expect(wrong.code).toBe(1);
    // The welcome file binds the centre's installation to the centre the province named: its only venue.
    const centreNode = read.json<{ value: { nodeId: string } }>().value.nodeId;
    const welcome = path.join(tempDir(), 'welcome.kopru');
    expect((await kopru(['sync', 'export', '--to', centreNode, '--out', welcome, '--welcome', '--data-dir', province])).code).toBe(0);
    const provinceFingerprint = (await kopru(['call', 'installation:status', '--data-dir', province])).json<{ value: { identity: { fingerprint: string } } }>().value.identity.fingerprint;
    const imported = await kopru(['sync', 'enroll', welcome, '--fingerprint', provinceFingerprint, '--data-dir', centreDir]);
    expect(imported.code, imported.stdout).toBe(0);
    const venues = (await kopru(['call', 'meetings:venues', '{}', '--data-dir', centreDir])).json<{ value: { centres: { id: string; name: string }[] } }>().value;
    expect(venues.centres.map((c) => [c.id, c.name])).toEqual([[picked.id, 'Ahmet Hamdi Tanpınar Gençlik Merkezi']]);
  });
});
