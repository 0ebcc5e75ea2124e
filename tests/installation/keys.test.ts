import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../shared/contract';
import type { InstallationStatus, KeyFile, KeyProblemKind } from '../../shared/contract/installation';
import type { AssociationDetail } from '../../shared/contract/registry';
import { keyCopiesDir } from '../../electron/app/keyFiles';
import { openApp, setupApp, tempDir, type TestApp } from '../support/app';
import { openTestFile } from '../support/keyStore';
import { contentState, differingTables } from '../sync/support/dbState';

// Issue #16, "keys are never silently replaced": a key file that is missing, damaged or another installation's
// is reported by name (installation:status → key-error, every write KEYS_UNAVAILABLE, never INTERNAL), the
// database is not written, reads go on, nothing is created in its place, and putting the file back (by hand
// or from the copy in backups/keys) makes everything work again.

const apps: TestApp[] = [];
afterAll(async () => {
  for (const app of apps) await app.backend.close();
});

function open(dir: string): TestApp {
  const app = openApp(dir);
  apps.push(app);
  return app;
}

async function close(app: TestApp): Promise<void> {
  await app.backend.close();
}

function failure(envelope: Envelope<unknown>): { code: string; message: string } {
  if (envelope.ok) throw new Error(`expected an error, got ${JSON.stringify(envelope.value).slice(0, 300)}`);
  return envelope.error;
}

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const TC = '10000000146';
const GARBAGE = 'Bu bir anahtar değil; bir kopyalama hatasının bıraktığı satırlar.\n'.repeat(3);

interface Installed {
  dir: string;
  centreId: string;
  associationId: string;
  /** The three key files as setup wrote them. */
  keys: Record<KeyFile, Buffer>;
}

/**
 * A province installation that has published its box key (an introduction), hashed a TC Kimlik No (a board
 * member) and taken a backup, closed. Its keys are kept aside to put back later.
 */
async function installed(): Promise<Installed> {
  const app = await setupApp('province');
  apps.push(app);
  const centre = await app.ok<{ id: string }>('orgUnits:createYouthCentre', { name: 'Keçiören Gençlik Merkezi', districtId: '06-kecioren', status: 'active' });
  const association = await app.ok<AssociationDetail>('registry:create', { name: 'Anahtar Gençlik ve Spor Kulübü Derneği', clubType: 'GENCLIK_VE_SPOR_KULUBU', districtId: '06-cankaya' });
  await app.ok('registry:savePerson', { associationId: association.id, kind: 'YONETIM', membership: 'ASIL', role: 'Başkan', fullName: 'Ayşe Yılmaz', tcKimlikNo: TC });
  await app.ok('sync:introduce', { path: path.join(app.dataDir, 'tanitim.json') });
  // A backup keeps copies of the key files in backups/keys.
  await app.ok('backups:create');
  await close(app);
  const keys = Object.fromEntries((['identity.key', 'box.key', 'secret.key'] as const).map((f) => [f, fs.readFileSync(path.join(app.dataDir, f))])) as Record<KeyFile, Buffer>;
  return { dir: app.dataDir, centreId: centre.id, associationId: association.id, keys };
}

function anotherInstallationsKey(file: KeyFile): Buffer {
  if (file === 'secret.key') return Buffer.from(crypto.randomBytes(32).toString('base64'));
  const { privateKey } = file === 'identity.key' ? crypto.generateKeyPairSync('ed25519') : crypto.generateKeyPairSync('x25519');
  return Buffer.from(privateKey.export({ format: 'pem', type: 'pkcs8' }) as string);
}

/** Every kind of write a clerk (or an administrator) can start. */
function writes(at: Installed): [string, unknown][] {
  return [
    ['orgUnits:createYouthCentre', { name: 'Yazılmayan Gençlik Merkezi', districtId: '06-cankaya', status: 'active' }],
    ['orgUnits:updateYouthCentre', { id: at.centreId, name: 'Yeni Ad Gençlik Merkezi' }],
    ['registry:create', { name: 'Yazılmayan Gençlik Kulübü', clubType: 'GENCLIK_KULUBU', districtId: '06-cankaya' }],
    ['registry:savePerson', { associationId: at.associationId, kind: 'YONETIM', membership: 'ASIL', fullName: 'Mehmet Şahin', tcKimlikNo: TC }],
    ['settings:setLanguage', { language: 'en' }],
    ['sync:introduce', { path: path.join(at.dir, 'yeni-tanitim.json') }],
    ['backups:create', {}],
    ['backups:restore', { name: 'kopru-manual-20261206-120000-000.sqlite' }],
  ];
}

const CASES: { name: string; file: KeyFile; problem: KeyProblemKind; breakIt: (file: string) => void }[] = [
  { name: 'identity.key missing', file: 'identity.key', problem: 'missing', breakIt: (f) => fs.rmSync(f) },
  { name: 'identity.key damaged (garbage)', file: 'identity.key', problem: 'damaged', breakIt: (f) => fs.writeFileSync(f, GARBAGE) },
  { name: 'identity.key of another installation', file: 'identity.key', problem: 'replaced', breakIt: (f) => fs.writeFileSync(f, anotherInstallationsKey('identity.key')) },
  { name: 'box.key missing after it was published', file: 'box.key', problem: 'missing', breakIt: (f) => fs.rmSync(f) },
  { name: 'box.key damaged (cut short)', file: 'box.key', problem: 'damaged', breakIt: (f) => fs.writeFileSync(f, fs.readFileSync(f).subarray(0, 40)) },
  { name: 'box.key of another installation', file: 'box.key', problem: 'replaced', breakIt: (f) => fs.writeFileSync(f, anotherInstallationsKey('box.key')) },
  { name: 'secret.key missing', file: 'secret.key', problem: 'missing', breakIt: (f) => fs.rmSync(f) },
  { name: 'secret.key replaced by another valid secret', file: 'secret.key', problem: 'replaced', breakIt: (f) => fs.writeFileSync(f, anotherInstallationsKey('secret.key')) },
  { name: 'secret.key garbage', file: 'secret.key', problem: 'damaged', breakIt: (f) => fs.writeFileSync(f, GARBAGE) },
];

/** What the data folder holds (names and bytes), but for the lock, which every start takes. */
/** The database's tables by content (decrypted), for "nothing of the data was written". */
function tablesOf(dir: string): Record<string, string> {
  const db = openTestFile(path.join(dir, 'kopru.sqlite'), { readonly: true });
  try {
    return contentState(db).tables;
  } finally {
    db.close();
  }
}

function withoutDatabase(files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).filter(([name]) => !name.startsWith('kopru.sqlite')));
}

function folder(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const full = path.join(dir, name);
    if (name.startsWith('kopru.lock')) continue;
    if (fs.statSync(full).isFile()) out[name] = sha256(full);
  }
  return out;
}

describe('a bad key file stops every write, names the file, and leaves the data folder untouched', () => {
  it.each(CASES)('$name', async ({ file, problem, breakIt }) => {
    const at = await installed();
    const keyPath = path.join(at.dir, file);
    breakIt(keyPath);
    // Without the copies, the way back is the file itself (the copies have their own test below).
    fs.rmSync(keyCopiesDir(at.dir), { recursive: true });
    const before = folder(at.dir);
    const dbBefore = tablesOf(at.dir);

    const app = open(at.dir);
    const status = await app.ok<InstallationStatus>('installation:status');
    expect(status.state).toBe('key-error');
    expect(status.identity?.unitId).toBe('province:06');
    expect(status.keyError?.problems).toEqual([{ file, problem, path: keyPath, copy: null }]);
    expect(status.keyError?.message).toContain(`(${file})`);
    expect(status.keyError?.message).toMatch(/hiçbir şey kaydedilmez/);

    for (const [channel, input] of writes(at)) {
      const error = failure(await app.invoke(channel, input));
      expect(error.code, channel).toBe('KEYS_UNAVAILABLE');
      expect(error.message, channel).toContain(file);
    }
    expect(failure(await app.backend.fillDemo({ associationsPerProvince: 1 })).code).toBe('KEYS_UNAVAILABLE');
    // Putting back a copy that does not exist changes nothing either.
    expect(failure(await app.invoke('installation:restoreKeys', {})).code).toBe('NOT_FOUND');

    // Reads answer from the database as it was.
    const centres = await app.ok<{ items: { id: string }[] }>('orgUnits:searchYouthCentres', { query: 'Keçiören' });
    expect(centres.items.map((c) => c.id)).toContain(at.centreId);
    const association = await app.ok<AssociationDetail>('registry:get', { id: at.associationId });
    expect(association.people.map((p) => p.fullName)).toEqual(['Ayşe Yılmaz']);
    expect((await app.ok<{ language: string }>('settings:get')).language).toBe('tr');
    await app.ok('backups:list');

    // "Try again" with the file still bad: still refused, still nothing written.
    expect(await app.ok('backend:reopen')).toEqual({ opened: false });
    expect(failure(await app.invoke('registry:create', writes(at)[2]![1])).code).toBe('KEYS_UNAVAILABLE');
    await close(app);
    // Nothing of the data was written: only the clerk's sign-in (issue #16), which a key problem does not stop.
    expect(differingTables(dbBefore, tablesOf(at.dir)), 'the database was written').toEqual(['access_log', 'sqlite_sequence', 'users']);
    expect(withoutDatabase(folder(at.dir)), 'a file was created or changed in the data folder').toEqual(withoutDatabase(before));

    // The right file put back: everything works again, after a restart as after "try again".
    fs.writeFileSync(keyPath, at.keys[file], { mode: 0o600 });
    const again = open(at.dir);
    expect((await again.ok<InstallationStatus>('installation:status')).state).toBe('ready');
    await again.ok('registry:savePerson', { associationId: (await again.ok<AssociationDetail>('registry:create', writes(at)[2]![1] as object)).id, kind: 'YONETIM', membership: 'ASIL', fullName: 'Mehmet Şahin', tcKimlikNo: TC });
    // Duplicate detection by TC number works: the new board member is found on the first association.
    const first = await again.ok<AssociationDetail>('registry:get', { id: at.associationId });
    expect(first.people[0]!.alsoIn.map((a) => a.associationName)).toEqual(['Yazılmayan Gençlik Kulübü']);
    await again.ok('sync:introduce', { path: path.join(at.dir, 'ikinci-tanitim.json') });
    await close(again);
  });

  it('after the file is put back, "try again" opens without a restart', async () => {
    const at = await installed();
    fs.rmSync(path.join(at.dir, 'box.key'));
    const app = open(at.dir);
    expect((await app.ok<InstallationStatus>('installation:status')).state).toBe('key-error');
    fs.writeFileSync(path.join(at.dir, 'box.key'), at.keys['box.key'], { mode: 0o600 });
    expect(await app.ok('backend:reopen')).toEqual({ opened: true });
    expect((await app.ok<InstallationStatus>('installation:status')).state).toBe('ready');
    await app.ok('orgUnits:createYouthCentre', { name: 'Yeniden Açılan Gençlik Merkezi', districtId: '06-cankaya', status: 'active' });
    await close(app);
  });

  it('every key file missing (a database copied without its folder): all three named at once', async () => {
    const at = await installed();
    for (const file of ['identity.key', 'box.key', 'secret.key']) fs.rmSync(path.join(at.dir, file));
    const app = open(at.dir);
    const status = await app.ok<InstallationStatus>('installation:status');
    expect(status.keyError?.problems.map((p) => [p.file, p.problem])).toEqual([
      ['identity.key', 'missing'],
      ['box.key', 'missing'],
      ['secret.key', 'missing'],
    ]);
    expect(status.keyError?.message).toMatch(/identity\.key.*box\.key.*secret\.key/s);
    await close(app);
    for (const file of ['identity.key', 'box.key', 'secret.key']) expect(fs.existsSync(path.join(at.dir, file)), file).toBe(false);
  });
});

describe('the copies in backups/keys', () => {
  it('are taken with a backup, verified, and put back by installation:restoreKeys; a damaged file is kept aside', async () => {
    const at = await installed();
    for (const file of ['identity.key', 'box.key', 'secret.key'] as const) {
      expect(fs.readFileSync(path.join(keyCopiesDir(at.dir), file)).equals(at.keys[file]), file).toBe(true);
    }
    fs.writeFileSync(path.join(at.dir, 'box.key'), GARBAGE);
    fs.rmSync(path.join(at.dir, 'secret.key'));
    const dbHash = sha256(path.join(at.dir, 'kopru.sqlite'));
    const app = open(at.dir);
    const status = await app.ok<InstallationStatus>('installation:status');
    expect(status.keyError?.problems).toEqual([
      { file: 'box.key', problem: 'damaged', path: path.join(at.dir, 'box.key'), copy: path.join(keyCopiesDir(at.dir), 'box.key') },
      { file: 'secret.key', problem: 'missing', path: path.join(at.dir, 'secret.key'), copy: path.join(keyCopiesDir(at.dir), 'secret.key') },
    ]);
    expect(status.keyError?.message).toMatch(/anahtar ekranından geri koyun/);

    const restored = await app.ok<{ restored: string[]; keptAside: string[] }>('installation:restoreKeys', {});
    expect(restored.restored).toEqual(['box.key', 'secret.key']);
    expect(restored.keptAside).toHaveLength(1);
    expect(fs.readFileSync(restored.keptAside[0]!, 'utf8')).toBe(GARBAGE);
    expect(sha256(path.join(at.dir, 'kopru.sqlite'))).toBe(dbHash);
    expect((await app.ok<InstallationStatus>('installation:status')).state).toBe('ready');
    expect(fs.readFileSync(path.join(at.dir, 'box.key')).equals(at.keys['box.key'])).toBe(true);
    await app.ok('orgUnits:createYouthCentre', { name: 'Kopyadan Dönen Gençlik Merkezi', districtId: '06-cankaya', status: 'active' });
    await close(app);
  });

  it('a backup taken after a key file was spoilt keeps the good copy', async () => {
    const at = await installed();
    const app = open(at.dir);
    expect((await app.ok<InstallationStatus>('installation:status')).state).toBe('ready');
    fs.writeFileSync(path.join(at.dir, 'secret.key'), anotherInstallationsKey('secret.key'));
    fs.rmSync(path.join(at.dir, 'box.key'));
    await app.ok('backups:create');
    await close(app);
    expect(fs.readFileSync(path.join(keyCopiesDir(at.dir), 'secret.key')).equals(at.keys['secret.key'])).toBe(true);
    expect(fs.readFileSync(path.join(keyCopiesDir(at.dir), 'box.key')).equals(at.keys['box.key'])).toBe(true);
  });

  it('a copy that is not this installation’s is not offered', async () => {
    const at = await installed();
    fs.rmSync(path.join(at.dir, 'identity.key'));
    fs.writeFileSync(path.join(keyCopiesDir(at.dir), 'identity.key'), anotherInstallationsKey('identity.key'));
    const app = open(at.dir);
    const status = await app.ok<InstallationStatus>('installation:status');
    expect(status.keyError?.problems).toMatchObject([{ file: 'identity.key', problem: 'missing', copy: null }]);
    expect(failure(await app.invoke('installation:restoreKeys', {})).code).toBe('NOT_FOUND');
    expect(fs.existsSync(path.join(at.dir, 'identity.key'))).toBe(false);
    await close(app);
  });
});

describe('"never had one" is told from "lost it"', () => {
  /** What an installation set up before the key checks looked like: nothing recorded, no copies. */
  function asBeforeKeyChecks(dir: string): void {
    const db = openTestFile(path.join(dir, 'kopru.sqlite'));
    db.prepare('UPDATE installation SET box_public_key = NULL').run();
    db.prepare("DELETE FROM local_settings WHERE key = 'keys.secretCheck'").run();
    db.close();
    fs.rmSync(keyCopiesDir(dir), { recursive: true, force: true });
  }

  const recorded = (dir: string) => {
    const db = openTestFile(path.join(dir, 'kopru.sqlite'), { readonly: true });
    try {
      return {
        box: (db.prepare('SELECT box_public_key AS k FROM installation').get() as { k: string | null }).k,
        check: (db.prepare("SELECT value FROM local_settings WHERE key = 'keys.secretCheck'").get() as { value: string } | undefined)?.value ?? null,
      };
    } finally {
      db.close();
    }
  };

  it('an installation from before the exchange (no box.key, never published) and without TC numbers gets its keys created and recorded', async () => {
    const app = await setupApp('province');
    apps.push(app);
    await close(app);
    asBeforeKeyChecks(app.dataDir);
    fs.rmSync(path.join(app.dataDir, 'box.key'));
    fs.rmSync(path.join(app.dataDir, 'secret.key'));
    const again = open(app.dataDir);
    expect((await again.ok<InstallationStatus>('installation:status')).state).toBe('ready');
    expect(fs.existsSync(path.join(app.dataDir, 'box.key'))).toBe(true);
    expect(fs.existsSync(path.join(app.dataDir, 'secret.key'))).toBe(true);
    await again.ok('backups:create');
    await close(again);
    const { box, check } = recorded(app.dataDir);
    expect(box).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(check).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.readdirSync(keyCopiesDir(app.dataDir)).sort()).toEqual(['box.key', 'identity.key', 'secret.key']);
  });

  it('an installation from before the key checks records what its sound files hold', async () => {
    const at = await installed();
    asBeforeKeyChecks(at.dir);
    const app = open(at.dir);
    expect((await app.ok<InstallationStatus>('installation:status')).state).toBe('ready');
    await close(app);
    expect(recorded(at.dir).box).not.toBeNull();
    expect(recorded(at.dir).check).not.toBeNull();
  });

  it('without a recorded box key, a published one that went missing is still "lost", never recreated', async () => {
    const at = await installed();
    asBeforeKeyChecks(at.dir);
    fs.rmSync(path.join(at.dir, 'box.key'));
    const app = open(at.dir);
    expect((await app.ok<InstallationStatus>('installation:status')).keyError?.problems).toMatchObject([{ file: 'box.key', problem: 'missing' }]);
    await close(app);
    expect(fs.existsSync(path.join(at.dir, 'box.key'))).toBe(false);
  });

  it('without a check value, a stored TC number and its hash tell a replaced secret, and a missing one is "lost"', async () => {
    const at = await installed();
    asBeforeKeyChecks(at.dir);
    fs.writeFileSync(path.join(at.dir, 'secret.key'), anotherInstallationsKey('secret.key'));
    let app = open(at.dir);
    expect((await app.ok<InstallationStatus>('installation:status')).keyError?.problems).toMatchObject([{ file: 'secret.key', problem: 'replaced' }]);
    await close(app);
    fs.rmSync(path.join(at.dir, 'secret.key'));
    app = open(at.dir);
    expect((await app.ok<InstallationStatus>('installation:status')).keyError?.problems).toMatchObject([{ file: 'secret.key', problem: 'missing' }]);
    await close(app);
    expect(fs.existsSync(path.join(at.dir, 'secret.key'))).toBe(false);
    expect(recorded(at.dir).check).toBeNull();
  });

  it('a fresh setup creates all three files and records the box key and the secret check at once', async () => {
    const dir = tempDir();
    const app = await setupApp('ministry', { dataDir: dir });
    apps.push(app);
    for (const file of ['identity.key', 'box.key', 'secret.key']) expect(fs.existsSync(path.join(dir, file)), file).toBe(true);
    await close(app);
    expect(recorded(dir).box).not.toBeNull();
    expect(recorded(dir).check).not.toBeNull();
  });
});
