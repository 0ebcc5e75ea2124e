import { ARTIFACTS, arrange, expect, setupMinistry, setupProvince, snap, test } from './fixtures';

// Meeting terms are ministry reference data: the ministry changes where terms end in Settings (a year not
// covered is refused by the server, nothing saved); a province sees the terms in force, read-only.

test('the ministry redefines the terms; a year left uncovered is refused', async ({ page, kopru }) => {
  await setupMinistry(kopru);
  await page.goto(`${kopru.harness.url}#/settings`);
  const section = page.getByRole('region', { name: 'Toplantı dönemleri' });
  await expect(section).toContainText('Varsayılan dönemler');

  // Removing the last term leaves September–December uncovered: refused, nothing saved.
  await section.getByRole('button', { name: 'Son dönemi kaldır' }).click();
  await section.getByRole('button', { name: 'Dönemleri kaydet' }).click();
  await expect(section.getByTestId('terms-error')).toContainText('aralık ayında bitmeli');
  expect((await arrange(kopru, 'meetings:terms', {})).updatedAt).toBeNull();

  // Two halves of the year: the first ends in June, the second runs July–December.
  await section.getByRole('combobox', { name: '1. dönem — Bitiş ayı' }).click();
  await page.getByRole('option', { name: 'Haziran' }).click();
  await section.getByRole('combobox', { name: '2. dönem — Bitiş ayı' }).click();
  await page.getByRole('option', { name: 'Aralık' }).click();
  await section.getByRole('button', { name: 'Dönemleri kaydet' }).click();
  await expect(page.getByText('Toplantı dönemleri kaydedildi.')).toBeVisible();
  await expect(section).toContainText('Son değişiklik:');
  const saved = await arrange(kopru, 'meetings:terms', {});
  expect(saved.terms).toEqual([
    { no: 1, fromMonth: 1, toMonth: 6 },
    { no: 2, fromMonth: 7, toMonth: 12 },
  ]);
  await section.scrollIntoViewIfNeeded();
  await snap(page, 'meetings-terms');
  await section.screenshot({ path: `${ARTIFACTS}/meetings-terms-section.png` });
});

test('a province sees the terms in force and cannot edit them', async ({ page, kopru }) => {
  await setupProvince(kopru, '06');
  await page.goto(`${kopru.harness.url}#/settings`);
  const section = page.getByRole('region', { name: 'Toplantı dönemleri' });
  const table = section.getByTestId('terms-table');
  await expect(table).toContainText('1. dönem');
  await expect(table).toContainText('Ocak – Nisan');
  await expect(table).toContainText('Eylül – Aralık');
  await expect(section.getByRole('button', { name: 'Dönemleri kaydet' })).toHaveCount(0);
});
