import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SessionView, UserRow } from '../../shared/contract/users';
import { messageText } from '../../shared/contract';
import { loadExcel } from '../../electron/app/heavy';
import { openApp, setupApp, tempDir, type TestApp } from '../support/app';
import { cleanupFiles, createNode, deliver, enrol, type Node } from '../support/nodes';
import { TEST_ADMIN, TEST_SPECIALIST, TEST_VIEWER } from '../support/users';
import { expectError, snapshot } from '../integration/helpers';

// Users and roles on a shared office PC (issue #16): accounts per installation, passwords as scrypt hashes,
// lockout after repeated failures, the idle lock, the user on every change and reveal, and the logs an
// administrator reads. Real installations in temporary folders, through the real backend.

const apps: TestApp[] = [];
const track = <T extends TestApp>(app: T): T => {
  apps.push(app);
  return app;
};
afterAll(() => {
  for (const app of apps) app.close();
  cleanupFiles();
});

const sqlite = (app: TestApp) => app.ctx.db!.sqlite;

async function createAssociation(app: TestApp): Promise<{ id: string; name: string }> {
  return app.ok('registry:create', { name: 'Kullanıcılar Gençlik Kulübü', clubType: 'GENCLIK_KULUBU', districtId: '06-mamak' });
}

async function addPerson(app: TestApp, associationId: string): Promise<string> {
  const saved = await app.ok<{ people: { id: string }[] }>('registry:savePerson', { associationId, kind: 'YONETIM', membership: 'ASIL', fullName: 'Özlem Işık', tcKimlikNo: '10000000146' });
  return saved.people[0]!.id;
}

/** A province with its administrator signed in, plus a specialist and a viewer; `signIn: false` so nothing signs in behind the test's back. */
async function office(options: { now?: () => number; idleClock?: () => number } = {}) {
  const app = track(openApp(tempDir(), options.now, { signIn: false, ...(options.idleClock ? { idleClock: options.idleClock } : {}) }));
  await app.ok('installation:setup', { role: 'province', provincePlate: '06', admin: TEST_ADMIN });
  const specialist = await app.ok<UserRow>('users:create', { account: TEST_SPECIALIST, role: 'specialist' });
  const viewer = await app.ok<UserRow>('users:create', { account: TEST_VIEWER, role: 'viewer' });
  return { app, specialist, viewer };
}

async function signInAs(app: TestApp, account: { username: string; password: string }): Promise<SessionView> {
  await app.ok('users:signOut');
  return app.ok<SessionView>('users:signIn', { username: account.username, password: account.password });
}

describe('accounts', () => {
  it('the first run creates the administrator, signed in; the password is kept only as a scrypt hash', async () => {
    const { app } = await office();
    const session = await app.ok<SessionView>('users:session');
    expect(session).toMatchObject({ user: { username: TEST_ADMIN.username, displayName: TEST_ADMIN.displayName, role: 'admin' }, accountsExist: true });
    const stored = sqlite(app).prepare('SELECT password_hash AS h FROM users').all() as { h: string }[];
    expect(stored).toHaveLength(3);
    for (const { h } of stored) expect(h).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    const bytes = fs.readdirSync(app.dataDir).filter((f) => f.startsWith('kopru.sqlite')).map((f) => fs.readFileSync(path.join(app.dataDir, f)).toString('latin1')).join('');
    for (const password of [TEST_ADMIN.password, TEST_SPECIALIST.password]) expect(bytes).not.toContain(password);
  });

  it('a user name is one account however it is typed (case, Turkish letters); a second one of the same name is refused at the field', async () => {
    const { app } = await office();
    const error = expectError(await app.invoke('users:create', { account: { username: 'AYSE.UZMAN', displayName: 'Başka Ayşe', password: 'başka bir parola' }, role: 'viewer' }), 'VALIDATION');
    expect(error.issues?.[0]).toMatchObject({ path: 'account.username', label: 'Kullanıcı adı' });
    expect((await signInAs(app, { username: 'Ayşe.Uzman', password: TEST_SPECIALIST.password })).user?.role).toBe('specialist');
  });

  it('refuses weak or malformed accounts with every problem named at its field, and writes nothing', async () => {
    const { app } = await office();
    const before = snapshot(app);
    const error = expectError(await app.invoke('users:create', { account: { username: 'a b', displayName: 'X', password: 'kısa' }, role: 'viewer' }), 'VALIDATION');
    expect(error.issues?.map((i) => i.path).sort()).toEqual(['account.displayName', 'account.password', 'account.username']);
    const same = expectError(await app.invoke('users:create', { account: { username: 'ahmet.yilmaz', displayName: 'Ahmet Yılmaz', password: 'Ahmet.Yilmaz' }, role: 'viewer' }), 'VALIDATION');
    expect(same.issues?.[0]?.message).toMatch(/kullanıcı adıyla aynı/);
    expect(snapshot(app)).toEqual(before);
  });

  it('the last enabled administrator can be neither demoted nor disabled; with a second one, both are allowed', async () => {
    const { app, specialist } = await office();
    const me = (await app.ok<SessionView>('users:session')).user!;
    expect(expectError(await app.invoke('users:update', { id: me.id, role: 'specialist' }), 'VALIDATION').message).toMatch(/tek etkin yöneticisi/);
    expectError(await app.invoke('users:update', { id: me.id, disabled: true }), 'VALIDATION');
    await app.ok('users:update', { id: specialist.id, role: 'admin' });
    const demoted = await app.ok<UserRow>('users:update', { id: me.id, role: 'specialist' });
    expect(demoted.role).toBe('specialist');
    // The session follows at once: the former administrator can no longer manage accounts.
    expectError(await app.invoke('users:list', {}), 'FORBIDDEN');
  });

  it('an installation from before accounts (no user yet) asks for its first administrator; only once, even when two windows race', async () => {
    const { app } = await office();
    sqlite(app).prepare('DELETE FROM users').run();
    await app.ok('users:signOut');
    expect((await app.ok<SessionView>('users:session')).accountsExist).toBe(false);
    expectError(await app.invoke('registry:search', {}), 'SIGNED_OUT');
    const [a, b] = await Promise.all([
      app.invoke('users:createFirstAdmin', { username: 'ilk.yonetici', displayName: 'İlk Yönetici', password: 'ilk yönetici parolası' }),
      app.invoke('users:createFirstAdmin', { username: 'ikinci.yonetici', displayName: 'İkinci Yönetici', password: 'ikinci yönetici parolası' }),
    ]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    expect((sqlite(app).prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n).toBe(1);
    expect((a.ok ? b : a).ok === false && (a.ok ? b : a)).toMatchObject({ error: { code: 'CONFLICT' } });
  });
});

describe('signing in', () => {
  it('a wrong password or an unknown name gets the same message at the password field; five in a row make the account wait, longer each time', async () => {
    let now = Date.parse('2026-12-07T09:00:00Z');
    const { app } = await office({ now: () => now });
    await app.ok('users:signOut');
    const unknown = expectError(await app.invoke('users:signIn', { username: 'kimse', password: 'bir parola' }), 'VALIDATION');
    expect(unknown.issues?.[0]).toMatchObject({ path: 'password', message: 'Kullanıcı adı ya da parola yanlış.' });
    for (let i = 1; i <= 4; i++) {
      const error = expectError(await app.invoke('users:signIn', { username: TEST_SPECIALIST.username, password: `yanlış ${i}` }), 'VALIDATION');
      expect(error.issues?.[0]?.path).toBe('password');
      if (i >= 3) expect(error.issues?.[0]?.message).toMatch(new RegExp(`${5 - i} deneme hakkınız kaldı`));
    }
    const locked = expectError(await app.invoke('users:signIn', { username: TEST_SPECIALIST.username, password: 'yanlış 5' }), 'FORBIDDEN');
    expect(locked.message).toMatch(/\d\d:\d\d:\d\d'e kadar \(30 saniye\)/);
    // The English screen says how long in English, from the message's key (no "saniye" in an English sentence).
    expect(messageText(locked.key!, locked.params, 'en')).toMatch(/this account will wait until \d\d:\d\d:\d\d \(30 seconds\)\./);
    // Even the right password waits.
    expect(expectError(await app.invoke('users:signIn', { username: TEST_SPECIALIST.username, password: TEST_SPECIALIST.password }), 'FORBIDDEN').message).toMatch(/bekliyor/);
    now += 31_000;
    expect(expectError(await app.invoke('users:signIn', { username: TEST_SPECIALIST.username, password: 'yanlış 6' }), 'FORBIDDEN').message).toMatch(/60 saniye/);
    now += 61_000;
    expect((await app.ok<SessionView>('users:signIn', { username: TEST_SPECIALIST.username, password: TEST_SPECIALIST.password })).user?.role).toBe('specialist');
    // A success starts the count again.
    expect(sqlite(app).prepare("SELECT failed_attempts AS f, locked_until AS l FROM users WHERE username_key = 'ayse.uzman'").get()).toEqual({ f: 0, l: null });
    const events = (sqlite(app).prepare('SELECT event FROM access_log ORDER BY id').all() as { event: string }[]).map((e) => e.event);
    expect(events.filter((e) => e === 'sign-in-failed')).toHaveLength(5);
    expect(events.filter((e) => e === 'locked-out')).toHaveLength(2);
  });

  it('an administrator lifts the wait with a new password; a disabled account cannot sign in', async () => {
    const { app, specialist, viewer } = await office();
    for (let i = 0; i < 5; i++) await app.invoke('users:signIn', { username: TEST_SPECIALIST.username, password: 'yanlış parola' });
    await app.ok('users:signIn', { username: TEST_ADMIN.username, password: TEST_ADMIN.password });
    await app.ok('users:resetPassword', { id: specialist.id, password: 'yönetici verdi 2026' });
    await app.ok('users:update', { id: viewer.id, disabled: true });
    expect((await signInAs(app, { username: TEST_SPECIALIST.username, password: 'yönetici verdi 2026' })).user?.displayName).toBe(TEST_SPECIALIST.displayName);
    await app.ok('users:signOut');
    expect(expectError(await app.invoke('users:signIn', { username: TEST_VIEWER.username, password: TEST_VIEWER.password }), 'FORBIDDEN').message).toMatch(/devre dışı/);
  });

  it('changing one’s own password asks for the current one', async () => {
    const { app } = await office();
    await signInAs(app, TEST_SPECIALIST);
    const wrong = expectError(await app.invoke('users:changePassword', { current: 'yanlış', password: 'yepyeni parolam 1', confirm: 'yepyeni parolam 1' }), 'VALIDATION');
    expect(wrong.issues?.[0]?.path).toBe('current');
    expectError(await app.invoke('users:changePassword', { current: TEST_SPECIALIST.password, password: 'yepyeni parolam 1', confirm: 'başka' }), 'VALIDATION');
    await app.ok('users:changePassword', { current: TEST_SPECIALIST.password, password: 'yepyeni parolam 1', confirm: 'yepyeni parolam 1' });
    await app.ok('users:signOut');
    expectError(await app.invoke('users:signIn', { username: TEST_SPECIALIST.username, password: TEST_SPECIALIST.password }), 'VALIDATION');
    await app.ok('users:signIn', { username: TEST_SPECIALIST.username, password: 'yepyeni parolam 1' });
  });

  it('locks itself after the idle minutes without use (the lock screen offers the same user); a write or a touch keeps it open', async () => {
    let idle = 0;
    const { app } = await office({ idleClock: () => idle });
    await app.ok('users:setIdleMinutes', { minutes: 5 });
    idle += 4 * 60_000;
    await app.ok('users:touch');
    idle += 4 * 60_000;
    await app.ok('directory:create', { kind: 'STK', name: 'Hâlâ Açık Oturum Derneği', provincePlate: '06' });
    idle += 4 * 60_000;
    expect((await app.ok<{ total: number }>('directory:search', {})).total).toBe(1);
    idle += 2 * 60_000;
    expectError(await app.invoke('directory:search', {}), 'SIGNED_OUT');
    const session = await app.ok<SessionView>('users:session');
    expect(session.user).toBeNull();
    expect(session.lockedUser).toEqual({ username: TEST_ADMIN.username, displayName: TEST_ADMIN.displayName });
    await app.ok('users:signIn', { username: TEST_ADMIN.username, password: TEST_ADMIN.password });
    expect((await app.ok<{ total: number }>('directory:search', {})).total).toBe(1);
  });

  it('a lock (Ctrl+L) and a sign-out stop every call that needs a user until someone signs in', async () => {
    const { app } = await office();
    await app.ok('users:lock', { reason: 'manual' });
    const before = snapshot(app);
    expectError(await app.invoke('directory:create', { kind: 'STK', name: 'Kilitliyken Yazılmayan Dernek', provincePlate: '06' }), 'SIGNED_OUT');
    expectError(await app.invoke('registry:search', {}), 'SIGNED_OUT');
    expect(snapshot(app)).toEqual(before);
    expect((await app.ok<SessionView>('users:session')).lockedUser?.username).toBe(TEST_ADMIN.username);
    await app.ok('users:signOut');
    expect((await app.ok<SessionView>('users:session')).lockedUser).toBeNull();
  });
});

describe('roles', () => {
  it('a viewer reads but neither writes nor reveals a TC Kimlik No, and nothing is written', async () => {
    const { app } = await office();
    const association = await createAssociation(app);
    const personId = await addPerson(app, association.id);
    await signInAs(app, TEST_VIEWER);
    const before = snapshot(app);
    expect((await app.ok<{ total: number }>('registry:search', {})).total).toBe(1);
    expect(expectError(await app.invoke('registry:revealTc', { personId, purpose: 'Mükerrer üyelik kontrolü' }), 'FORBIDDEN').message).toMatch(/görüntüleyici rolündeki kullanıcılar TC Kimlik No'yu açamaz/);
    expect(expectError(await app.invoke('registry:update', { id: association.id, memberCount: 99 }), 'FORBIDDEN').message).toMatch(/kayıt değiştiremez/);
    expectError(await app.invoke('users:list', {}), 'FORBIDDEN');
    expect(snapshot(app)).toEqual(before);
  });

  it('a specialist does the everyday work and reveals with a purpose; the administrator-only work is refused', async () => {
    const { app } = await office();
    const association = await createAssociation(app);
    const personId = await addPerson(app, association.id);
    await signInAs(app, TEST_SPECIALIST);
    await app.ok('registry:update', { id: association.id, memberCount: 40 });
    await app.ok('registry:revealTc', { personId, purpose: 'Mükerrer üyelik kontrolü' });
    for (const [channel, input] of [
      ['users:create', { account: { username: 'izinsiz', displayName: 'İzinsiz Hesap', password: 'izinsiz parola 1' }, role: 'admin' }],
      ['privacy:runDestruction', {}],
      ['privacy:personReport', { fullName: 'Özlem Işıkçı' }],
      ['users:revealLog', {}],
      ['installation:setRecoveryPassphrase', { passphrase: 'yeni kurtarma parolası', confirm: 'yeni kurtarma parolası' }],
    ] as const) {
      expect(expectError(await app.invoke(channel, input), 'FORBIDDEN').message, channel).toMatch(/yalnızca yönetici/);
    }
  });

  it('every change records the user who made it; the reveal log names them, and the administrator reads and exports it', async () => {
    const { app } = await office();
    const association = await createAssociation(app);
    const personId = await addPerson(app, association.id);
    const admin = (await app.ok<SessionView>('users:session')).user!;
    await signInAs(app, TEST_SPECIALIST);
    const specialist = (await app.ok<SessionView>('users:session')).user!;
    await app.ok('registry:update', { id: association.id, memberCount: 41 });
    await app.ok('registry:revealTc', { personId, purpose: 'Vize başvurusu kontrolü' });
    const actors = sqlite(app).prepare("SELECT DISTINCT actor FROM change_log WHERE table_name = 'associations' AND column_name = 'member_count'").all() as { actor: number }[];
    expect(actors.map((a) => a.actor).sort()).toEqual([admin.id, specialist.id].sort());
    expect((sqlite(app).prepare('SELECT count(*) AS n FROM change_log WHERE actor IS NULL').get() as { n: number }).n).toBe(0);

    await signInAs(app, TEST_ADMIN);
    const log = await app.ok<{ total: number; entries: { user: string; purpose: string; person: string; association: string }[] }>('users:revealLog', {});
    expect(log.total).toBe(1);
    expect(log.entries[0]).toMatchObject({ user: TEST_SPECIALIST.displayName, purpose: 'Vize başvurusu kontrolü', association: association.name });
    const file = await app.ok<{ fileName: string; contentBase64: string }>('users:revealLogXlsx', {});
    expect(file.fileName).toMatch(/^TC görüntüleme kaydı \d\d\.\d\d\.\d{4}\.xlsx$/);
    const Excel = await loadExcel();
    const workbook = new Excel.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const row = workbook.worksheets[0]!.getRow(2).values as unknown[];
    expect(row).toContain(TEST_SPECIALIST.displayName);
    expect(row).toContain('Vize başvurusu kontrolü');
    // The number itself is in no column.
    expect(JSON.stringify(workbook.worksheets[0]!.getSheetValues())).not.toMatch(/\d{11}/);
    const access = await app.ok<{ entries: { event: string; user: string | null }[] }>('users:accessLog', {});
    expect(access.entries.some((e) => e.event === 'sign-in' && e.user === TEST_SPECIALIST.displayName)).toBe(true);
  });

  it('workflow history names the user who took a step', async () => {
    const { app } = await office();
    const association = await createAssociation(app);
    await signInAs(app, TEST_SPECIALIST);
    const detail = await app.ok<{ history: { action: string; actorName: string | null }[] }>('registry:transition', { id: association.id, action: 'logApplication', letterDate: '2026-03-02', letterNo: 'E-1' });
    expect(detail.history.find((h) => h.action === 'logApplication')?.actorName).toBe(TEST_SPECIALIST.displayName);
  });
});

describe('across installations', () => {
  it('the conflict inbox names the local user; the names of a unit’s staff never travel in the change log', async () => {
    const ministry = track(await createNode('bakanlik', 'ministry')) as Node;
    const first = track(await createNode('ankara-1', 'province', '06')) as Node;
    const second = track(await createNode('ankara-2', 'province', '06')) as Node;
    await enrol(ministry, first);
    await enrol(ministry, second);
    const centre = await first.ok<{ id: string }>('orgUnits:createYouthCentre', { name: 'Ortak Gençlik Merkezi', districtId: '06-cankaya', status: 'active' });
    await deliver(first, ministry);
    await deliver(ministry, second);
    await first.ok('orgUnits:updateYouthCentre', { id: centre.id, name: 'Birinci Masanın Adı' });
    await second.ok('orgUnits:updateYouthCentre', { id: centre.id, name: 'İkinci Masanın Adı' });
    await deliver(second, ministry);
    await deliver(ministry, first);
    const conflicts = await first.ok<{ id: number; localUser: string | null; remoteUnit: string | null; resolvedBy: string | null }[]>('sync:conflicts', {});
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ localUser: TEST_ADMIN.displayName, resolvedBy: null });
    const resolved = await first.ok<{ resolvedBy: string | null }>('sync:resolveConflict', { id: conflicts[0]!.id, keep: 'local' });
    expect(resolved.resolvedBy).toBe(TEST_ADMIN.displayName);
    // Received changes carry no user of this installation.
    const received = sqlite(first).prepare('SELECT count(*) AS n FROM change_log WHERE origin_node != ? AND actor IS NOT NULL').get(first.nodeId) as { n: number };
    expect(received.n).toBe(0);
  });

  it('a restore keeps the administrator who restored signed in, and carries them into a backup from before accounts', async () => {
    const { app } = await office();
    await app.ok('backups:create');
    const backup = (await app.ok<{ backups: { name: string }[] }>('backups:list')).backups[0]!.name;
    await app.ok('backups:restore', { name: backup });
    expect((await app.ok<SessionView>('users:session')).user?.username).toBe(TEST_ADMIN.username);
    // A backup whose database has no account yet: the restorer's account comes along, nobody else can claim the first one.
    sqlite(app).prepare('DELETE FROM users').run();
    await app.ok('backups:create');
    const empty = (await app.ok<{ backups: { name: string }[] }>('backups:list')).backups[0]!.name;
    await app.ok('users:createFirstAdmin', { username: 'geri.yukleyen', displayName: 'Geri Yükleyen', password: 'geri yükleme parolası' });
    await app.ok('backups:restore', { name: empty });
    const after = await app.ok<SessionView>('users:session');
    expect(after).toMatchObject({ accountsExist: true, user: { username: 'geri.yukleyen', role: 'admin' } });
  });
});

describe('setting up without the wizard', () => {
  it('setup without an administrator is refused, naming the fields, and nothing is created', async () => {
    const app = track(openApp(tempDir(), undefined, { signIn: false }));
    const error = expectError(await app.invoke('installation:setup', { role: 'province', provincePlate: '06' }), 'VALIDATION');
    expect(error.issues?.map((i) => i.path)).toContain('admin');
    expect((await app.ok<{ state: string }>('installation:status')).state).toBe('setup-required');
    expect(fs.existsSync(path.join(app.dataDir, 'identity.key'))).toBe(false);
  });

  it('setupApp (the tests’ own helper) signs in as the test administrator', async () => {
    const app = track(await setupApp('youth-center'));
    expect((await app.ok<SessionView>('users:session')).user?.role).toBe('admin');
  });
});
