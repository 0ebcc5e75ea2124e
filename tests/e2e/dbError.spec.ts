import fs from 'node:fs';
import path from 'node:path';
import { arrange, expect, snap, test } from './fixtures';

// A database file that cannot be opened stops the app at a clear error screen and is left untouched.

const GARBAGE = 'Bu bir SQLite dosyası değil.\n'.repeat(200);

test.use({ dataDirFiles: { 'kopru.sqlite': GARBAGE } });

test('a damaged database shows the error screen with its path and no way into the app', async ({ page, kopru }) => {
  const status = await arrange(kopru, 'installation:status', {});
  expect(status.state).toBe('db-error');

  await page.goto(kopru.harness.url);
  await expect(page.getByRole('heading', { name: 'Veritabanı açılamadı' })).toBeVisible();
  await expect(page.getByText('Veritabanı dosyası bozuk ya da bir Köprü veritabanı değil.', { exact: true })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText(status.dbError!.message);
  await expect(page.getByLabel('Veritabanı dosyası')).toHaveText(path.join(kopru.dataDir, 'kopru.sqlite'));
  await expect(page.getByRole('heading', { name: 'Ne yapmalısınız?' })).toBeVisible();
  await expect(page.getByRole('listitem')).toHaveCount(3);

  // Nothing to proceed to: no wizard, no navigation, no buttons.
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'İlk kurulum' })).toHaveCount(0);
  await expect(page.getByRole('button')).toHaveCount(0);
  await snap(page, 'db-error');

  expect(fs.readFileSync(path.join(kopru.dataDir, 'kopru.sqlite'), 'utf8')).toBe(GARBAGE);
});
