import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AssociationDetail } from '../../shared/contract/registry';
import { openKeyed } from '../../db/cipher';
import { KEYRING_FILE } from '../../electron/app/keyring';
import { unwrapKeyText } from '../../electron/app/keyWrap';
import { openApp, setupApp, tempDir, type TestApp } from '../support/app';
import { openTestDatabase, testDataKey } from '../support/keyStore';

// Encryption at rest (issue #16), tried as an auditor and a thief would: the data folder's bytes, a wrong or
// missing key, another machine's key store, a lost keyring, and a database from before encryption.

const apps: TestApp[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.close();
});
function track(app: TestApp): TestApp {
  apps.push(app);
  return app;
}

const PASSPHRASE = 'Kurtarma-Parolası-2026';
const PEOPLE = [
  { fullName: 'Özlem Işıkçı', tcKimlikNo: '10000000146' },
  { fullName: 'Gülşen Çağlayan', tcKimlikNo: '17291716060' },
];
const ASSOCIATION = 'Gizlilik Denemesi Gençlik Kulübü';
/** A scanned board list as an attachment: personal data in a stored file. */
const ATTACHMENT = Buffer.from(`%PDF-1.4\n% Yönetim kurulu listesi: ${PEOPLE.map((p) => `${p.fullName} ${p.tcKimlikNo}`).join(', ')}\n%%EOF\n`);
const attachmentSha = crypto.createHash('sha256').update(ATTACHMENT).digest('hex');

/** A province installation holding an association with two board members (names and TC numbers). */
async function filled(dataDir = tempDir()): Promise<TestApp> {
  const app = track(await setupApp('province', { dataDir }));
  const a = await app.ok<AssociationDetail>('registry:create', { name: ASSOCIATION, clubType: 'GENCLIK_KULUBU', districtId: '06-mamak' });
  for (const person of PEOPLE) await app.ok('registry:savePerson', { associationId: a.id, kind: 'YONETIM', membership: 'ASIL', ...person });
  await app.ok('registry:attachFile', { associationId: a.id, fileName: 'yonetim-kurulu.pdf', contentBase64: ATTACHMENT.toString('base64') });
  return app;
}

const blobFile = (dataDir: string) => path.join(dataDir, 'files', attachmentSha.slice(0, 2), attachmentSha);

const attachmentId = (app: TestApp) => (app.ctx.db!.sqlite.prepare('SELECT id FROM association_attachments').get() as { id: string }).id;

async function attachmentOf(app: TestApp): Promise<Buffer> {
  const read = await app.ok<{ contentBase64: string }>('registry:readAttachment', { id: attachmentId(app) });
  return Buffer.from(read.contentBase64, 'base64');
}

/** Every file in a folder (recursively), with its bytes. */
function filesOf(dir: string): { file: string; bytes: Buffer }[] {
  return fs
    .readdirSync(dir, { recursive: true })
    .map((f) => path.join(dir, String(f)))
    .filter((f) => fs.statSync(f).isFile())
    .map((file) => ({ file, bytes: fs.readFileSync(file) }));
}

/** The secrets a thief with the folder would look for, as they would be stored (UTF-8, and UTF-16 for FTS). */
function needles(): Buffer[] {
  const texts = [...PEOPLE.flatMap((p) => [p.fullName, p.tcKimlikNo]), ASSOCIATION, 'SQLite format 3'];
  return texts.flatMap((t) => [Buffer.from(t, 'utf8'), Buffer.from(t, 'utf16le')]);
}

function expectNoneReadable(dataDir: string): void {
  const header = Buffer.from('SQLite format 3');
  // kopru.lock is a SQLite file of its own that holds only who holds the folder (db/lock.ts): its header may show.
  const found = filesOf(dataDir).flatMap(({ file, bytes }) =>
    needles()
      .filter((n) => bytes.includes(n) && !(path.basename(file) === 'kopru.lock' && n.equals(header)))
      .map((n) => `${path.relative(dataDir, file)}: ${n.toString('utf8')}`),
  );
  expect(found).toEqual([]);
}

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('the data folder at rest', () => {
  it('holds no name, TC Kimlik No or SQLite header in any file: database, WAL, backups, keyring', async () => {
    const app = await filled();
    await app.ok('backups:create', {});
    // While open (the WAL holds the last commits) and after closing.
    expect(fs.existsSync(path.join(app.dataDir, 'kopru.sqlite-wal'))).toBe(true);
    expectNoneReadable(app.dataDir);
    app.close();
    apps.splice(apps.indexOf(app), 1);
    expectNoneReadable(app.dataDir);
    // Owner-only modes (POSIX): the folder, the database, the keyring, the key files and stored files.
    if (process.platform !== 'win32') {
      expect(fs.statSync(app.dataDir).mode & 0o777).toBe(0o700);
      for (const file of ['kopru.sqlite', KEYRING_FILE, 'identity.key', 'box.key', 'secret.key']) expect(fs.statSync(path.join(app.dataDir, file)).mode & 0o077, file).toBe(0);
      expect(fs.statSync(blobFile(app.dataDir)).mode & 0o077).toBe(0);
    }
    // The keyring holds the data key only wrapped, and the key files hold their keys only wrapped.
    for (const file of ['identity.key', 'box.key', 'secret.key']) expect(fs.readFileSync(path.join(app.dataDir, file), 'utf8')).toMatch(/^KOPRU-WRAPPED-KEY v1 /);
    const key = testDataKey(app.dataDir);
    const keyring = fs.readFileSync(path.join(app.dataDir, KEYRING_FILE));
    for (const form of [key.toString('hex'), key.toString('base64')]) expect(keyring.includes(Buffer.from(form))).toBe(false);
  });

  it('opens only with its own key: another key reads nothing and writes nothing', async () => {
    const app = await filled();
    app.close();
    apps.splice(apps.indexOf(app), 1);
    const file = path.join(app.dataDir, 'kopru.sqlite');
    const before = sha(file);
    const wrong = openKeyed(file, crypto.randomBytes(32), { readonly: true, fileMustExist: true });
    try {
      expect(() => wrong.prepare('SELECT count(*) FROM association_people').get()).toThrow(/not a database/);
    } finally {
      wrong.close();
    }
    expect(sha(file)).toBe(before);
    const right = openTestDatabase(app.dataDir, file, { readonly: true, fileMustExist: true });
    try {
      expect((right.prepare('SELECT count(*) AS n FROM association_people').get() as { n: number }).n).toBe(2);
    } finally {
      right.close();
    }
  });
});

describe('stored files', () => {
  it('are encrypted, read back whole, and a changed one is refused with a message, not served', async () => {
    const app = await filled();
    expect(fs.readFileSync(blobFile(app.dataDir)).includes(Buffer.from('%PDF'))).toBe(false);
    expect((await attachmentOf(app)).equals(ATTACHMENT)).toBe(true);
    const stored = fs.readFileSync(blobFile(app.dataDir));
    stored[stored.length - 1]! ^= 0x01;
    fs.writeFileSync(blobFile(app.dataDir), stored);
    const read = await app.invoke('registry:readAttachment', { id: attachmentId(app) });
    expect(read).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!read.ok) expect(read.error.message).toMatch(/bozuk ya da değiştirilmiş/);
  });
});

describe('the recovery passphrase', () => {
  it('opens the folder on another machine (another key store); a wrong one is refused naming the field, nothing written', async () => {
    const app = await filled();
    const status = await app.ok<{ recoverySetAt: string | null; osProtected: boolean }>('installation:keyring', {});
    expect(status).toMatchObject({ osProtected: true, recoverySetAt: null });
    const short = await app.invoke('installation:setRecoveryPassphrase', { passphrase: 'kısa', confirm: 'kısa' });
    expect(short).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'passphrase' }] } });
    const mismatch = await app.invoke('installation:setRecoveryPassphrase', { passphrase: PASSPHRASE, confirm: `${PASSPHRASE}x` });
    expect(mismatch).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'confirm' }] } });
    const set = await app.ok<{ recoverySetAt: string | null }>('installation:setRecoveryPassphrase', { passphrase: PASSPHRASE, confirm: PASSPHRASE });
    expect(set.recoverySetAt).not.toBeNull();
    app.close();
    apps.splice(apps.indexOf(app), 1);

    // Another machine: its own key store, which never wrapped this key.
    const otherStore = tempDir('kopru-other-keystore-');
    const file = path.join(app.dataDir, 'kopru.sqlite');
    const before = sha(file);
    const elsewhere = track(openApp(app.dataDir, undefined, { keyStoreDir: otherStore }));
    const locked = await elsewhere.ok<{ state: string; dbError: { kind: string; keyLock: { reason: string } } }>('installation:status', {});
    expect(locked).toMatchObject({ state: 'db-error', dbError: { kind: 'key-locked', keyLock: { reason: 'needs-passphrase' } } });
    expect(await elsewhere.invoke('registry:search', { query: 'kulüp' })).toMatchObject({ ok: false, error: { code: 'DB_UNAVAILABLE' } });
    const wrong = await elsewhere.invoke('installation:unlock', { passphrase: 'Yanlış-Parola-1234' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'passphrase' }] } });
    expect(sha(file)).toBe(before);
    expect(await elsewhere.ok('installation:unlock', { passphrase: PASSPHRASE })).toEqual({ unlocked: true });
    expect(await elsewhere.ok<{ state: string }>('installation:status', {})).toMatchObject({ state: 'ready' });
    expect((await elsewhere.ok<{ total: number }>('registry:search', { query: 'gizlilik' })).total).toBe(1);
    elsewhere.close();
    apps.splice(apps.indexOf(elsewhere), 1);

    // The passphrase rewrapped the key for that machine: it opens there now without a question.
    const again = track(openApp(app.dataDir, undefined, { keyStoreDir: otherStore }));
    expect(await again.ok<{ state: string }>('installation:status', {})).toMatchObject({ state: 'ready' });
  });

  it('without one, another machine has no way in, and is told so', async () => {
    const app = await filled();
    app.close();
    apps.splice(apps.indexOf(app), 1);
    const elsewhere = track(openApp(app.dataDir, undefined, { keyStoreDir: tempDir('kopru-other-keystore-') }));
    const status = await elsewhere.ok<{ dbError: { kind: string; keyLock: { reason: string } } }>('installation:status', {});
    expect(status.dbError).toMatchObject({ kind: 'key-locked', keyLock: { reason: 'no-way-in' } });
    expect(await elsewhere.invoke('installation:unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('a lost keyring', () => {
  it('is never replaced by a new key: the folder stays locked until the kept copy is put back', async () => {
    const app = await filled();
    app.close();
    apps.splice(apps.indexOf(app), 1);
    const file = path.join(app.dataDir, 'kopru.sqlite');
    const before = sha(file);
    fs.rmSync(path.join(app.dataDir, KEYRING_FILE));
    const reopened = track(openApp(app.dataDir));
    const status = await reopened.ok<{ dbError: { kind: string; keyLock: { reason: string; hasCopy: boolean } } }>('installation:status', {});
    expect(status.dbError).toMatchObject({ kind: 'key-locked', keyLock: { reason: 'keyring-missing', hasCopy: true } });
    expect(fs.existsSync(path.join(app.dataDir, KEYRING_FILE))).toBe(false);
    expect(sha(file)).toBe(before);
    expect(await reopened.ok('installation:restoreKeyring', {})).toEqual({ restored: true });
    expect(await reopened.ok<{ state: string }>('installation:status', {})).toMatchObject({ state: 'ready' });
    expect((await reopened.ok<{ total: number }>('registry:search', { query: 'gizlilik' })).total).toBe(1);
  });

  it('a damaged keyring is reported as damaged, and its copy restores it', async () => {
    const app = await filled();
    app.close();
    apps.splice(apps.indexOf(app), 1);
    fs.writeFileSync(path.join(app.dataDir, KEYRING_FILE), '{"format":"kopru-keyring", "trunc');
    const reopened = track(openApp(app.dataDir));
    const status = await reopened.ok<{ dbError: { keyLock: { reason: string } } }>('installation:status', {});
    expect(status.dbError.keyLock.reason).toBe('keyring-damaged');
    await reopened.ok('installation:restoreKeyring', {});
    expect(await reopened.ok<{ state: string }>('installation:status', {})).toMatchObject({ state: 'ready' });
    // The damaged one is kept aside, never deleted.
    expect(fs.readdirSync(app.dataDir).filter((f) => f.startsWith(`${KEYRING_FILE}.damaged-`))).toHaveLength(1);
  });
});

/** Turns a test installation's folder into what a version before encryption left: a plain database and backup. */
function asBeforeEncryption(dataDir: string): void {
  const file = path.join(dataDir, 'kopru.sqlite');
  for (const target of [file, ...fs.readdirSync(path.join(dataDir, 'backups')).filter((f) => f.endsWith('.sqlite')).map((f) => path.join(dataDir, 'backups', f))]) {
    const db = openTestDatabase(dataDir, target, { fileMustExist: true });
    db.pragma('journal_mode = DELETE');
    db.pragma("rekey = ''");
    db.close();
    expect(fs.readFileSync(target).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
  }
  // Files were stored as they came, key files as PEM or base64 text.
  fs.writeFileSync(blobFile(dataDir), ATTACHMENT);
  const key = testDataKey(dataDir);
  for (const dir of [dataDir, path.join(dataDir, 'backups', 'keys')]) {
    for (const name of ['identity.key', 'box.key', 'secret.key']) {
      const file = path.join(dir, name);
      if (!fs.existsSync(file)) continue;
      const unwrapped = unwrapKeyText(key, name, fs.readFileSync(file, 'utf8'));
      if (!unwrapped.ok) throw new Error(`${file} is not wrapped under this key`);
      fs.writeFileSync(file, unwrapped.text);
    }
  }
  fs.rmSync(path.join(dataDir, KEYRING_FILE));
  fs.rmSync(path.join(dataDir, 'backups', 'keys', KEYRING_FILE));
}

describe('an installation from before encryption at rest', () => {
  it('is encrypted in place at its first open, with its backups, keeping every row', async () => {
    const app = await filled();
    await app.ok('backups:create', {});
    app.close();
    apps.splice(apps.indexOf(app), 1);
    asBeforeEncryption(app.dataDir);

    const upgraded = track(openApp(app.dataDir));
    expect(upgraded.ctx.db?.encryptedAtOpen).toBe(true);
    expect(await upgraded.ok<{ state: string }>('installation:status', {})).toMatchObject({ state: 'ready' });
    expect((await upgraded.ok<{ total: number }>('registry:search', { query: 'gizlilik' })).total).toBe(1);
    expect((await attachmentOf(upgraded)).equals(ATTACHMENT)).toBe(true);
    expectNoneReadable(app.dataDir);
    expect(fs.readdirSync(app.dataDir).filter((f) => /\.(plain|encrypting|sealing)$/.test(f))).toEqual([]);
    // The key files are wrapped now, their copies too (at the next backup), with no plain text left anywhere.
    for (const name of ['identity.key', 'box.key', 'secret.key']) expect(fs.readFileSync(path.join(app.dataDir, name), 'utf8')).toMatch(/^KOPRU-WRAPPED-KEY v1 /);
    await upgraded.ok('backups:create', {});
    for (const name of ['identity.key', 'box.key', 'secret.key']) expect(fs.readFileSync(path.join(app.dataDir, 'backups', 'keys', name), 'utf8')).toMatch(/^KOPRU-WRAPPED-KEY v1 /);
    // The backup is encrypted too, and still restores.
    const backups = await upgraded.ok<{ backups: { name: string; kind: string }[] }>('backups:list', {});
    const manual = backups.backups.find((b) => b.kind === 'manual')!;
    expect(await upgraded.ok<{ restored: string }>('backups:restore', { name: manual.name })).toMatchObject({ restored: manual.name });
    expect((await upgraded.ok<{ total: number }>('registry:search', { query: 'gizlilik' })).total).toBe(1);
  });

  it('an encryption cut short is undone or finished at the next start, never losing the database', async () => {
    const app = await filled();
    app.close();
    apps.splice(apps.indexOf(app), 1);
    asBeforeEncryption(app.dataDir);
    const file = path.join(app.dataDir, 'kopru.sqlite');
    // A crash between "plain file renamed aside" and "encrypted copy renamed in", with a half-made copy left too;
    // the same for a key file being wrapped and a stored file being sealed.
    fs.renameSync(file, `${file}.plain`);
    fs.writeFileSync(`${file}.encrypting`, crypto.randomBytes(8192));
    const identityKey = path.join(app.dataDir, 'identity.key');
    fs.renameSync(identityKey, `${identityKey}.plain`);
    fs.writeFileSync(`${identityKey}.sealing`, 'KOPRU-WRAPPED-KEY v1 half');
    fs.renameSync(blobFile(app.dataDir), `${blobFile(app.dataDir)}.plain`);

    const reopened = track(openApp(app.dataDir));
    expect(await reopened.ok<{ state: string }>('installation:status', {})).toMatchObject({ state: 'ready' });
    expect((await reopened.ok<{ total: number }>('registry:search', { query: 'gizlilik' })).total).toBe(1);
    expect((await attachmentOf(reopened)).equals(ATTACHMENT)).toBe(true);
    expect(fs.readFileSync(identityKey, 'utf8')).toMatch(/^KOPRU-WRAPPED-KEY v1 /);
    const leftovers = fs.readdirSync(app.dataDir, { recursive: true }).map(String).filter((f) => /\.(plain|encrypting|sealing)$/.test(f));
    expect(leftovers).toEqual([]);
    expectNoneReadable(app.dataDir);
  });

  it('a newer or damaged plain database is refused untouched, not encrypted', async () => {
    const app = await filled();
    app.close();
    apps.splice(apps.indexOf(app), 1);
    asBeforeEncryption(app.dataDir);
    const file = path.join(app.dataDir, 'kopru.sqlite');
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.from([0, 0, 3, 0xe8]), 0, 4, 60); // user_version = 1000
    fs.closeSync(fd);
    const before = sha(file);
    const reopened = track(openApp(app.dataDir));
    expect(await reopened.ok<{ dbError: { kind: string } }>('installation:status', {})).toMatchObject({ dbError: { kind: 'newer-schema' } });
    expect(sha(file)).toBe(before);
  });
});
