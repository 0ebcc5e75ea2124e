import fs from 'node:fs';
import path from 'node:path';
import { register } from 'tsx/esm/api';
import type * as AppModule from '../support/app';
import { expect, signInOnScreen, snap, test } from './fixtures';

// A key file missing or damaged (issue #16) stops the app at a screen that names the file, says what it
// means and how to get it back, while nothing is written; putting the file back opens the app again.

const loader = register({ namespace: 'kopru-e2e-keys' });
const { setupApp } = (await loader.import('../support/app.ts', import.meta.url)) as typeof AppModule;

/** A province that has introduced itself (its box key is out) and taken a backup (which keeps the key copies). */
async function province(dataDir: string, language: 'tr' | 'en'): Promise<void> {
  const app = await setupApp('province', { dataDir });
  await app.ok('orgUnits:createYouthCentre', { name: 'Keçiören Gençlik Merkezi', districtId: '06-kecioren', status: 'active' });
  await app.ok('sync:introduce', { path: path.join(dataDir, 'tanitim.json') });
  await app.ok('settings:setLanguage', { language });
  await app.ok('backups:create');
  await app.backend.close();
}

test.describe('box.key missing, with its copy in the backups folder', () => {
  test.use({
    prepareDataDir: async ({}, use) =>
      use(async (dataDir: string) => {
        await province(dataDir, 'tr');
        fs.rmSync(path.join(dataDir, 'box.key'));
      }),
  });

  test('the screen names the file, nothing is saved, and "Kopyayı geri koy" opens the app', async ({ page, kopru }) => {
    const database = fs.readFileSync(path.join(kopru.dataDir, 'kopru.sqlite'));
    await page.goto(kopru.harness.url);
    await expect(page.getByRole('heading', { name: 'Bir anahtar dosyası eksik ya da bozuk' })).toBeVisible();
    await expect(page.getByText('Kurulum: Ankara Gençlik ve Spor İl Müdürlüğü')).toBeVisible();
    const alert = page.getByRole('alert');
    await expect(alert).toHaveCount(1);
    await expect(alert).toContainText('Değişim dosyalarının şifre çözme anahtarı (box.key)');
    await expect(alert).toContainText('Dosya veri klasöründe yok.');
    await expect(alert).toContainText('bu kuruluma gönderilmiş bütün dosyaları okunamaz');
    await expect(page.getByLabel('Dosyanın yeri: box.key')).toHaveText(path.join(kopru.dataDir, 'box.key'));
    await expect(alert).toContainText(path.join(kopru.dataDir, 'backups', 'keys', 'box.key'));
    await expect(page.getByRole('heading', { name: 'Ne yapmalısınız?' })).toBeVisible();
    await expect(page.getByRole('listitem')).toHaveCount(3);
    await expect(page.getByRole('navigation')).toHaveCount(0);
    await snap(page, 'key-error-tr');

    // Nothing is written meanwhile, and nothing is created in the key's place.
    const save = await kopru.invoke('orgUnits:createYouthCentre', { name: 'Yazılmamalı Gençlik Merkezi', districtId: '06-cankaya', status: 'active' });
    expect(save.ok ? 'saved' : save.error.code).toBe('KEYS_UNAVAILABLE');
    expect(fs.readFileSync(path.join(kopru.dataDir, 'kopru.sqlite')).equals(database)).toBe(true);
    expect(fs.existsSync(path.join(kopru.dataDir, 'box.key'))).toBe(false);

    await page.getByRole('button', { name: 'Kopyayı geri koy' }).click();
    await signInOnScreen(page);
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Birimler' })).toBeVisible({ timeout: 15_000 });
    expect(fs.existsSync(path.join(kopru.dataDir, 'box.key'))).toBe(true);
  });
});

test.describe('identity.key damaged, no copy (English)', () => {
  let goodKey: Buffer | null = null;
  test.use({
    prepareDataDir: async ({}, use) =>
      use(async (dataDir: string) => {
        await province(dataDir, 'en');
        goodKey = fs.readFileSync(path.join(dataDir, 'identity.key'));
        fs.writeFileSync(path.join(dataDir, 'identity.key'), 'not a key\n'.repeat(4));
        fs.rmSync(path.join(dataDir, 'backups', 'keys'), { recursive: true });
      }),
  });

  test('the screen in English; "Try again" after the file is put back opens the app', async ({ page, kopru }) => {
    await page.goto(kopru.harness.url);
    await expect(page.getByRole('heading', { name: 'A key file is missing or damaged' })).toBeVisible();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Signing key (identity.key)');
    await expect(alert).toContainText('The file is damaged: it cannot be read as a key.');
    await expect(page.getByLabel('Where the file belongs: identity.key')).toHaveText(path.join(kopru.dataDir, 'identity.key'));
    await expect(page.getByRole('button', { name: 'Put the copy back' })).toHaveCount(0);
    await expect(page.getByRole('listitem')).toHaveCount(2);
    await snap(page, 'key-error-en');

    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByText('The key file is still missing or damaged.')).toBeVisible();

    fs.writeFileSync(path.join(kopru.dataDir, 'identity.key'), goodKey!, { mode: 0o600 });
    await page.getByRole('button', { name: 'Try again' }).click();
    await signInOnScreen(page, undefined, 'en');
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Org units' })).toBeVisible({ timeout: 15_000 });
  });
});
