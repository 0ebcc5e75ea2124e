import { arrange, expect, setupProvince, snap, test } from './fixtures';

// Settings: who this installation is, where its data lives, and the interface language.

test('settings show the installation identity, data paths and versions', async ({ page, kopru }) => {
  const identity = await setupProvince(kopru, '06');
  const settings = await arrange(kopru, 'settings:get', {});
  await page.goto(kopru.harness.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Ayarlar' }).click();

  await expect(page.getByRole('heading', { name: 'Ayarlar' })).toBeVisible();
  const summary = page.getByTestId('identity-summary');
  await expect(summary).toContainText('Ankara Gençlik ve Spor İl Müdürlüğü');
  await expect(summary).toContainText('İl Müdürlüğü');
  await expect(summary).toContainText('06 — Ankara');
  await expect(page.getByLabel('Anahtar parmak izi')).toHaveText(identity.fingerprint);
  await expect(page.getByLabel('Düğüm kimliği')).toHaveText(identity.nodeId);
  const [y, m, d] = identity.createdAt.slice(0, 10).split('-');
  await expect(summary).toContainText(`${d}.${m}.${y}`);
  await expect(page.getByText('burada değiştirilemez', { exact: false })).toBeVisible();

  await expect(page.getByLabel('Veri klasörü')).toHaveText(kopru.dataDir);
  await expect(page.getByLabel('Veritabanı dosyası')).toHaveText(settings.databasePath);
  const storage = page.getByTestId('settings-storage');
  await expect(storage).toContainText(settings.appVersion);
  await expect(storage).toContainText(`Veritabanı şema sürümü${settings.schemaVersion}`);
  await snap(page, 'settings');
});

test('switching to English applies at once, is remembered, and switches back', async ({ page, kopru }) => {
  await setupProvince(kopru, '06');
  await page.goto(`${kopru.harness.url}#/settings`);
  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('link', { name: 'Birimler' })).toBeVisible();

  await page.getByText('English', { exact: true }).click();
  await expect(nav.getByRole('link', { name: 'Org units' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(page.getByTestId('role-badge')).toHaveText('Provincial directorate');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect((await arrange(kopru, 'settings:get', {})).language).toBe('en');
  await snap(page, 'settings-english');

  // Remembered across a restart of the page; other screens follow.
  await page.reload();
  await nav.getByRole('link', { name: 'Org units' }).click();
  await expect(page.getByRole('tab', { name: 'Youth centres' })).toBeVisible();
  await expect(page.getByText('No youth centres are registered yet.', { exact: false })).toBeVisible();

  await nav.getByRole('link', { name: 'Settings' }).click();
  await page.getByText('Türkçe', { exact: true }).click();
  await expect(nav.getByRole('link', { name: 'Birimler' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Ayarlar' })).toBeVisible();
  expect((await arrange(kopru, 'settings:get', {})).language).toBe('tr');
});
