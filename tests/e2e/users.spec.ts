import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { register } from 'tsx/esm/api';
import type * as AppModule from '../support/app';
import { TEST_ADMIN, TEST_VIEWER } from '../support/users';
import { arrange, byLabel, districtIdOf, dismissToasts, expect, fillAccountStep, setupProvince, signIn, snap, test, type KopruFixture } from './fixtures';

// Users and roles on a shared office PC (issue #16), through the screens: the wizard creates the first
// administrator, Ctrl+L locks the screen without losing what was being typed, an administrator adds a viewer who
// sees every TC Kimlik No masked and may not reveal one, an installation from an earlier version creates its
// administrator first, and the reveal log lists who saw which number (and downloads as Excel).

test.describe.configure({ timeout: 90_000 });

const loader = register({ namespace: 'kopru-e2e-users' });
const { setupApp } = (await loader.import('../support/app.ts', import.meta.url)) as typeof AppModule;

const TC = '10000000146';

/** A province with one association whose chair has a TC Kimlik No; returns the association's id and the person's. */
async function associationWithChair(kopru: KopruFixture): Promise<{ associationId: string; personId: string }> {
  const districtId = await districtIdOf(kopru, '06', 'Çankaya');
  const association = await arrange(kopru, 'registry:create', { name: 'Çankaya Yıldız Gençlik Kulübü Derneği', clubType: 'GENCLIK_KULUBU', districtId });
  await arrange(kopru, 'registry:savePerson', { associationId: association.id, kind: 'YONETIM', membership: 'ASIL', role: 'Başkan', fullName: 'Ayşe Işıkçı', tcKimlikNo: TC });
  const detail = await arrange(kopru, 'registry:get', { id: association.id });
  return { associationId: association.id, personId: detail.people[0]!.id };
}

async function switchLanguage(page: Page, language: 'English' | 'Türkçe') {
  await page.getByText(language, { exact: true }).click();
}

test('first run: the wizard checks the administrator step at the fields, creates the administrator and signs them in', async ({ page, kopru }) => {
  await page.goto(kopru.harness.url);
  await page.getByRole('radio', { name: 'İl Müdürlüğü' }).click();
  await page.getByRole('button', { name: 'İleri' }).click();
  await page.getByRole('combobox', { name: 'İl', exact: true }).fill('06');
  await page.getByRole('option', { name: '06 — Ankara' }).click();
  await page.getByRole('button', { name: 'İleri' }).click();

  // Every problem at once, each at its field.
  const step = page.getByTestId('setup-account');
  await expect(step.getByRole('heading', { name: 'Yönetici hesabı ve kurtarma parolası' })).toBeVisible();
  await page.getByRole('button', { name: 'İleri' }).click();
  await expect(step.getByText('Kullanıcı adını yazın.')).toBeVisible();
  await expect(step.getByText('Adı ve soyadı yazın.')).toBeVisible();
  await expect(step.getByText('Parolayı yazın.')).toBeVisible();
  await expect(step.getByText('Kurtarma parolasını yazın.')).toBeVisible();
  await byLabel(step, 'Kullanıcı adı').fill('deniz yönetici');
  await byLabel(step, 'Adı soyadı').fill(TEST_ADMIN.displayName);
  await byLabel(step, 'Parola').fill('kısa');
  await byLabel(step, 'Parola (tekrar)').fill('başka');
  await byLabel(step, 'Kurtarma parolası').fill('zarf');
  await page.getByRole('button', { name: 'İleri' }).click();
  await expect(step.getByText('Kullanıcı adında yalnızca harf, rakam, nokta, tire ve alt çizgi olabilir (boşluk olmaz).')).toBeVisible();
  await expect(step.getByText('Parola en az 10 karakter olmalı.')).toBeVisible();
  await expect(step.getByText('İki parola aynı değil.')).toBeVisible();
  await expect(step.getByText('Kurtarma parolası en az 10 karakter olmalı.')).toBeVisible();
  await expect(byLabel(step, 'Parola')).toHaveAttribute('data-invalid', 'true');
  await byLabel(step, 'Kullanıcı adı').fill('yonetici');
  await byLabel(step, 'Parola').fill('yonetici');
  await byLabel(step, 'Parola (tekrar)').fill('yonetici');
  await page.getByRole('button', { name: 'İleri' }).click();
  await expect(step.getByText('Parola en az 10 karakter olmalı.')).toBeVisible();
  await byLabel(step, 'Kullanıcı adı').fill('yonetici.ankara');
  await byLabel(step, 'Parola').fill('yonetici.ankara');
  await page.getByRole('button', { name: 'İleri' }).click();
  await expect(step.getByText('Parola kullanıcı adıyla aynı olamaz.')).toBeVisible();
  expect((await arrange(kopru, 'installation:status', {})).state).toBe('setup-required');

  await fillAccountStep(page);
  await snap(page, 'setup-account-step');
  await switchLanguage(page, 'English');
  await expect(step.getByRole('heading', { name: 'Administrator account and recovery passphrase' })).toBeVisible();
  await expect(step.getByText('keep it in a sealed envelope', { exact: false })).toBeVisible();
  await snap(page, 'setup-account-step-en');
  await switchLanguage(page, 'Türkçe');

  await page.getByRole('button', { name: 'İleri' }).click();
  await expect(page.getByTestId('setup-summary')).toContainText('Deniz Yönetici (yonetici)');
  await page.getByRole('button', { name: 'Kurulumu tamamla' }).click();
  await expect(page.getByText('Deniz Yönetici yönetici olarak oturum açtı.')).toBeVisible();
  await page.getByRole('button', { name: 'Uygulamaya geç' }).click();

  await expect(page.getByTestId('user-name')).toHaveText('Deniz Yönetici');
  await expect(page.getByTestId('user-role')).toHaveText('Yönetici');
  const session = await arrange(kopru, 'users:session', {});
  expect(session.user).toMatchObject({ username: 'yonetici', role: 'admin' });
  expect((await arrange(kopru, 'installation:keyring', {})).recoverySetAt).not.toBeNull();
});

test('Ctrl+L locks the screen over a half-typed form; a wrong password changes nothing, the right one brings the form back', async ({ page, kopru }) => {
  await setupProvince(kopru);
  await page.goto(`${kopru.harness.url}#/org-units`);
  await page.getByRole('button', { name: 'Yeni gençlik merkezi' }).click();
  const form = page.getByRole('dialog', { name: 'Yeni gençlik merkezi' });
  await form.getByRole('textbox', { name: 'Ad', exact: true }).fill('Mamak Gençlik Merkezi');

  await page.keyboard.press('Control+L');
  const lock = page.getByTestId('lock-screen');
  await expect(lock.getByRole('heading', { name: 'Ekran kilitli' })).toBeVisible();
  await expect(lock.getByTestId('locked-user')).toContainText('Deniz Yönetici');
  await expect(lock.getByTestId('locked-user')).toContainText('yonetici');
  // The backend answers nothing until someone signs in.
  const refused = await kopru.invoke('registry:search', {});
  expect(refused.ok ? 'answered' : refused.error.code).toBe('SIGNED_OUT');

  // Escape does not reach the dialog underneath; a wrong password is shown at the field, nothing else moves.
  const password = byLabel(lock, 'Parola');
  await expect(password).toBeFocused();
  await page.keyboard.press('Escape');
  await password.fill('yanlış parola');
  await page.keyboard.press('Enter');
  await expect(lock.getByText('Kullanıcı adı ya da parola yanlış.')).toBeVisible();
  await expect(password).toHaveAttribute('data-invalid', 'true');
  await expect(lock.getByRole('heading', { name: 'Ekran kilitli' })).toBeVisible();
  expect((await arrange(kopru, 'users:session', {})).user).toBeNull();
  await snap(page, 'lock-screen');
  await switchLanguage(page, 'English');
  await expect(lock.getByRole('heading', { name: 'Screen locked' })).toBeVisible();
  await expect(lock.getByText('Deniz Yönetici locked the screen.', { exact: false })).toBeVisible();
  await snap(page, 'lock-screen-en');
  await switchLanguage(page, 'Türkçe');

  await password.fill(TEST_ADMIN.password);
  await lock.getByRole('button', { name: 'Kilidi aç' }).click();
  await expect(lock).toBeHidden();
  await expect(form.getByRole('textbox', { name: 'Ad', exact: true })).toHaveValue('Mamak Gençlik Merkezi');
  await expect(page.getByTestId('user-name')).toHaveText('Deniz Yönetici');
});

test('the backend locking itself (idle) shows the lock screen at the next call; the idle timer locks the window too', async ({ page, kopru }) => {
  await setupProvince(kopru);
  await arrange(kopru, 'users:setIdleMinutes', { minutes: 1 });
  await page.clock.install();
  await page.goto(`${kopru.harness.url}#/org-units`);
  await expect(page.getByTestId('user-name')).toHaveText('Deniz Yönetici');

  // Locked behind the window's back (as the backend does after the idle time): the next call answers
  // SIGNED_OUT and the lock screen comes up.
  await arrange(kopru, 'users:lock', { reason: 'idle' });
  await page.getByRole('navigation').getByRole('link', { name: 'Dernek Sicili' }).click();
  const lock = page.getByTestId('lock-screen');
  await expect(lock.getByRole('heading', { name: 'Ekran kilitli' })).toBeVisible();
  await byLabel(lock, 'Parola').fill(TEST_ADMIN.password);
  await lock.getByRole('button', { name: 'Kilidi aç' }).click();
  await expect(lock).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Dernek Sicili' })).toBeVisible();

  // A minute without the keyboard or the mouse: the window locks itself.
  await page.clock.fastForward('01:10');
  await expect(lock.getByRole('heading', { name: 'Ekran kilitli' })).toBeVisible();
  await signIn(kopru);
  const log = await arrange(kopru, 'users:accessLog', { offset: 0, limit: 5 });
  expect(log.entries.slice(0, 2)).toMatchObject([{ event: 'sign-in' }, { event: 'idle-lock', user: 'Deniz Yönetici' }]);
});

test('an administrator adds a viewer; the viewer signs in, sees the TC number masked with no way to reveal it, and the backend refuses', async ({ page, kopru }) => {
  await setupProvince(kopru);
  const { associationId, personId } = await associationWithChair(kopru);
  await page.goto(`${kopru.harness.url}#/settings`);
  const users = page.getByRole('region', { name: 'Kullanıcılar' });
  await expect(users.getByTestId('user-row')).toHaveCount(1);
  await expect(users.getByTestId('user-row')).toContainText('Deniz Yönetici (siz)');

  await users.getByRole('button', { name: 'Kullanıcı ekle' }).click();
  const add = page.getByRole('dialog', { name: 'Kullanıcı ekle' });
  await add.getByRole('button', { name: 'Kullanıcıyı ekle' }).click();
  await expect(add.getByText('Kullanıcı adını yazın.')).toBeVisible();
  await expect(add.getByText('Parolayı yazın.')).toBeVisible();
  await byLabel(add, 'Kullanıcı adı').fill('YONETICI');
  await byLabel(add, 'Adı soyadı').fill(TEST_VIEWER.displayName);
  await byLabel(add, 'İlk parola').fill(TEST_VIEWER.password);
  await add.getByRole('radio', { name: 'Görüntüleyici' }).check();
  await add.getByRole('button', { name: 'Kullanıcıyı ekle' }).click();
  // The server's rule (names are compared folded), at the field.
  await expect(add.getByText('Bu kullanıcı adı zaten var', { exact: false })).toBeVisible();
  await byLabel(add, 'Kullanıcı adı').fill(TEST_VIEWER.username);
  await add.getByRole('button', { name: 'Kullanıcıyı ekle' }).click();
  await expect(add).toBeHidden();
  const viewerRow = users.getByTestId('user-row').filter({ hasText: TEST_VIEWER.displayName });
  await expect(viewerRow.getByLabel(`${TEST_VIEWER.displayName} kullanıcısının rolü`)).toHaveValue('Görüntüleyici');
  await expect(viewerRow).toContainText('Etkin');
  await expect(viewerRow).toContainText('Hiç');
  await dismissToasts(page);
  await page.getByRole('region', { name: 'Oturum kaydı' }).scrollIntoViewIfNeeded();
  await expect(page.getByTestId('access-log')).toContainText('Hesap oluşturdu');
  await users.scrollIntoViewIfNeeded();
  await snap(page, 'settings-users', { top: true });
  await arrange(kopru, 'settings:setLanguage', { language: 'en' });
  await page.reload();
  await expect(page.getByRole('region', { name: 'Users' }).getByTestId('user-row')).toHaveCount(2);
  await expect(page.getByTestId('access-log')).toContainText('Created an account');
  await snap(page, 'settings-users-en', { top: true });
  await arrange(kopru, 'settings:setLanguage', { language: 'tr' });
  await page.reload();

  // Signing out leaves the sign-in screen, which knows nobody.
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Oturumu kapat' }).click();
  await expect(page.getByRole('heading', { name: 'Oturum açın' })).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expect(page.getByText('Ankara Gençlik ve Spor İl Müdürlüğü kurulumunda', { exact: false })).toBeVisible();
  await snap(page, 'sign-in');
  await switchLanguage(page, 'English');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await snap(page, 'sign-in-en');
  await switchLanguage(page, 'Türkçe');

  await byLabel(page, 'Kullanıcı adı').fill(TEST_VIEWER.username);
  await byLabel(page, 'Parola').fill(TEST_VIEWER.password);
  await page.getByRole('button', { name: 'Oturum aç' }).click();
  await expect(page.getByTestId('user-name')).toHaveText(TEST_VIEWER.displayName);
  await expect(page.getByTestId('user-role')).toHaveText('Görüntüleyici');

  await page.goto(`${kopru.harness.url}#/registry/${associationId}/people`);
  const ayse = page.getByTestId('people-YONETIM').getByRole('row').filter({ hasText: 'Ayşe Işıkçı' });
  await expect(ayse.getByTestId('tc-value')).toHaveText('100******46');
  await expect(ayse.getByRole('button')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Kişi ekle' })).toHaveCount(0);
  await page.goto(`${kopru.harness.url}#/registry`);
  await expect(page.getByRole('heading', { name: 'Dernek Sicili' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Yeni dernek' })).toHaveCount(0);
  await page.goto(`${kopru.harness.url}#/settings`);
  await expect(page.getByRole('heading', { name: 'Ayarlar' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Kullanıcılar' })).toHaveCount(0);
  await page.goto(`${kopru.harness.url}#/privacy/revealLog`);
  await expect(page.getByRole('tab', { name: 'Saklama süreleri' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'TC görüntüleme kaydı' })).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'Kişi raporu' })).toHaveCount(0);

  // The backend has one session: the viewer's. Revealing is refused whatever the window shows.
  const reveal = await kopru.invoke('registry:revealTc', { personId, purpose: 'Deneme' });
  expect(reveal.ok ? 'revealed' : reveal.error.code).toBe('FORBIDDEN');
  expect(reveal.ok ? '' : reveal.error.message).toContain('TC Kimlik No');
});

test.describe('an installation from before accounts existed', () => {
  test.use({
    prepareDataDir: async ({}, use) =>
      use(async (dataDir: string) => {
        // Set up as the earlier version left it: records, no account.
        const app = await setupApp('province', { dataDir });
        await app.ok('orgUnits:createYouthCentre', { name: 'Keçiören Gençlik Merkezi', districtId: '06-kecioren', status: 'active' });
        app.ctx.db!.sqlite.exec('DELETE FROM users; DELETE FROM access_log;');
        app.close();
      }),
  });

  test('asks for the administrator first, then opens the app with the records as they were', async ({ page, kopru }) => {
    // The youth-centre list, where the app opens once the administrator exists.
    await page.goto(`${kopru.harness.url}#/org-units`);
    await expect(page.getByRole('heading', { name: 'Yönetici hesabını oluşturun' })).toBeVisible();
    await expect(page.getByRole('navigation')).toHaveCount(0);
    const refused = await kopru.invoke('registry:search', {});
    expect(refused.ok ? 'answered' : refused.error.code).toBe('SIGNED_OUT');

    await page.getByRole('button', { name: 'Yöneticiyi oluştur ve oturum aç' }).click();
    await expect(page.getByText('Kullanıcı adını yazın.')).toBeVisible();
    await expect(page.getByText('Adı ve soyadı yazın.')).toBeVisible();
    await byLabel(page, 'Kullanıcı adı').fill(TEST_ADMIN.username);
    await byLabel(page, 'Adı soyadı').fill(TEST_ADMIN.displayName);
    await byLabel(page, 'Parola').fill(TEST_ADMIN.password);
    await byLabel(page, 'Parola (tekrar)').fill(TEST_ADMIN.password);
    await snap(page, 'create-admin');
    await page.getByRole('button', { name: 'Yöneticiyi oluştur ve oturum aç' }).click();

    await expect(page.getByTestId('user-name')).toHaveText(TEST_ADMIN.displayName);
    await expect(page.getByTestId('user-role')).toHaveText('Yönetici');
    await expect(page.getByText('Keçiören Gençlik Merkezi')).toBeVisible();
  });
});

test('the reveal log lists who saw which number and why, and downloads as Excel', async ({ page, kopru }) => {
  await setupProvince(kopru);
  const { associationId, personId } = await associationWithChair(kopru);
  await arrange(kopru, 'registry:revealTc', { personId, purpose: 'Tescil dosyası kontrolü' });

  // One more through the screen.
  await page.goto(`${kopru.harness.url}#/registry/${associationId}/people`);
  const ayse = page.getByTestId('people-YONETIM').getByRole('row').filter({ hasText: 'Ayşe Işıkçı' });
  await ayse.getByRole('button', { name: 'Ayşe Işıkçı için TC Kimlik No’yu göster' }).click();
  const dialog = page.getByRole('dialog', { name: 'TC Kimlik No’yu göster' });
  await dialog.getByRole('textbox', { name: 'Görüntüleme gerekçesi' }).fill('Vize başvurusu incelemesi');
  await dialog.getByRole('button', { name: 'Göster' }).click();
  await expect(ayse.getByTestId('tc-value')).toHaveText(TC);

  await page.goto(`${kopru.harness.url}#/privacy/revealLog`);
  await expect(page.getByRole('tab', { name: 'TC görüntüleme kaydı' })).toHaveAttribute('aria-selected', 'true');
  const log = page.getByTestId('reveal-log');
  await expect(log.getByRole('row')).toHaveCount(3);
  const newest = log.getByRole('row').nth(1);
  await expect(newest).toContainText('Deniz Yönetici');
  await expect(newest).toContainText('Ayşe Işıkçı');
  await expect(newest).toContainText('Çankaya Yıldız Gençlik Kulübü Derneği');
  await expect(newest).toContainText('Vize başvurusu incelemesi');
  await expect(log.getByRole('row').nth(2)).toContainText('Tescil dosyası kontrolü');
  await expect(log).not.toContainText(TC);
  await dismissToasts(page);
  await snap(page, 'privacy-reveal-log');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Excel’e aktar' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^TC görüntüleme kaydı .*\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await file.path())!);
  const rows = workbook.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
  expect(rows[0]!.slice(1)).toEqual(['Tarih', 'Saat', 'Kullanıcı', 'Kimin numarası', 'Dernek', 'Gerekçe']);
  expect(rows).toHaveLength(3);
  expect(rows[1]!.slice(3)).toEqual(['Deniz Yönetici', 'Ayşe Işıkçı', 'Çankaya Yıldız Gençlik Kulübü Derneği', 'Vize başvurusu incelemesi']);
  expect(JSON.stringify(rows)).not.toContain(TC);

  await arrange(kopru, 'settings:setLanguage', { language: 'en' });
  await page.reload();
  await expect(page.getByRole('tab', { name: 'TC reveal log' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('columnheader', { name: 'Whose number' })).toBeVisible();
  await dismissToasts(page);
  await snap(page, 'privacy-reveal-log-en');
});
