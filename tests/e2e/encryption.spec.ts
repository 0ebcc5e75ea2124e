import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { register } from 'tsx/esm/api';
import type * as AppModule from '../support/app';
import { expect, signInOnScreen, snap, test } from './fixtures';
import { TEST_ADMIN } from '../support/users';

// Encryption at rest (issue #16) as a clerk meets it: the data folder opened where the OS key store cannot open
// its key (another computer, a new Windows user) asks for the recovery passphrase, refuses a wrong one and opens
// with the right one; Settings shows how the key is kept and sets the passphrase.

const loader = register({ namespace: 'kopru-e2e-encryption' });
const { openApp } = (await loader.import('../support/app.ts', import.meta.url)) as typeof AppModule;

const PASSPHRASE = 'Ankara-Kurtarma-2026';

/** A province set up on "another machine" (its own key store) with a recovery passphrase. */
async function fromAnotherMachine(dataDir: string): Promise<void> {
  const otherStore = fs.mkdtempSync(path.join(os.tmpdir(), 'kopru-e2e-other-keystore-'));
  const app = openApp(dataDir, undefined, { keyStoreDir: otherStore });
  await app.ok('installation:setup', { admin: TEST_ADMIN, role: 'province', provincePlate: '06' });
  await app.ok('orgUnits:createYouthCentre', { name: 'Keçiören Gençlik Merkezi', districtId: '06-kecioren', status: 'active' });
  await app.ok('installation:setRecoveryPassphrase', { passphrase: PASSPHRASE, confirm: PASSPHRASE });
  await app.backend.close();
}

test.describe('a data folder from another machine', () => {
  test.use({ prepareDataDir: async ({}, use) => use(fromAnotherMachine) });

  test('asks for the recovery passphrase, refuses a wrong one, opens with the right one (Turkish and English)', async ({ page, kopru }) => {
    const database = fs.readFileSync(path.join(kopru.dataDir, 'kopru.sqlite'));
    // The youth-centre list, where the app comes back to once the database is open again.
    await page.goto(`${kopru.harness.url}#/org-units`);
    await expect(page.getByRole('heading', { name: 'Veritabanının kilidini açın' })).toBeVisible();
    await expect(page.getByText('bu bilgisayar parolayı sormaz')).toBeVisible();
    await expect(page.getByRole('navigation')).toHaveCount(0);
    await snap(page, 'unlock-tr');

    await page.getByLabel('Kurtarma parolası').fill('Yanlış-Parola-1234');
    await page.getByRole('button', { name: 'Aç' }).click();
    await expect(page.getByText('Kurtarma parolası yanlış.')).toBeVisible();
    expect(fs.readFileSync(path.join(kopru.dataDir, 'kopru.sqlite')).equals(database)).toBe(true);

    // The language is stored in the locked database: the screen has its own switch.
    await page.getByText('English').click();
    await expect(page.getByRole('heading', { name: 'Unlock the database' })).toBeVisible();
    await snap(page, 'unlock-en');

    await page.getByLabel('Recovery passphrase').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Open' }).click();
    // The data is open; whoever is at the computer signs in (the language is the one stored in the data).
    await signInOnScreen(page);
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Birimler' })).toBeVisible({ timeout: 15_000 });
    await expect(page.getByText('Keçiören Gençlik Merkezi')).toBeVisible();
  });
});

test('Settings shows how the key is kept and sets the recovery passphrase', async ({ page, kopru }) => {
  await kopru.invoke('installation:setup', { admin: TEST_ADMIN, role: 'province', provincePlate: '06' });
  await page.goto(`${kopru.harness.url}#/settings`);
  const section = page.getByRole('region', { name: 'Şifreleme ve kurtarma parolası' });
  await expect(section.getByText('Belirlenmedi', { exact: true })).toBeVisible();
  await expect(section.getByRole('alert')).toContainText('Kurtarma parolası belirlenmedi');
  await section.getByLabel('Yeni kurtarma parolası', { exact: true }).fill('kısa');
  await section.getByLabel('Yeni kurtarma parolası (tekrar)').fill('kısa');
  await section.getByRole('button', { name: 'Kurtarma parolasını kaydet' }).click();
  await expect(section.getByText('Kurtarma parolası en az 10 karakter olmalı.')).toBeVisible();
  await section.getByLabel('Yeni kurtarma parolası', { exact: true }).fill(PASSPHRASE);
  await section.getByLabel('Yeni kurtarma parolası (tekrar)').fill(PASSPHRASE);
  await section.getByRole('button', { name: 'Kurtarma parolasını kaydet' }).click();
  await expect(section.getByText(/tarihinde belirlendi/)).toBeVisible();
  await expect(section.getByRole('alert')).toHaveCount(0);
  await section.scrollIntoViewIfNeeded();
  await snap(page, 'settings-security-tr');
  const keyring = await kopru.invoke('installation:keyring', {});
  expect(keyring.ok && (keyring.value as { recoverySetAt: string | null }).recoverySetAt).toBeTruthy();

  await kopru.invoke('settings:setLanguage', { language: 'en' });
  await page.reload();
  const english = page.getByRole('region', { name: 'Encryption and recovery passphrase' });
  await expect(english.getByText(/^Set on /)).toBeVisible();
  await snap(page, 'settings-security-en');
});
