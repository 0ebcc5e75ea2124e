import { expect, fillDemoSummary, setupProvince, snap } from './fixtures';
import { enrol, test } from './syncNodes';

// A large file takes a while to write and to read: the screen counts its changes while it works and says
// when the received ones are being applied, instead of an endless bar.

test('creating a large file shows how many of its changes are written, then the result', async ({ page, kopru, world }) => {
  await setupProvince(kopru, '06');
  await fillDemoSummary(kopru, { associationsPerProvince: 240 });
  const browser = await world.browser(kopru);
  const ministry = await world.node('ministry');
  await enrol(world, ministry, browser);

  await page.goto(`${kopru.harness.url}#/exchange/export`);
  await expect(page.getByRole('combobox', { name: 'Dosya kimin için?' })).toHaveValue(/Bakanlık/);
  await page.getByRole('textbox', { name: 'Dosyanın yeri' }).fill(world.file('buyuk.kopru'));
  await page.getByRole('button', { name: 'Dosya oluştur', exact: true }).click();
  const progress = page.getByTestId('sync-progress');
  await expect(progress).toHaveText(/^\d{1,3}(\.\d{3})* \/ \d{1,3}(\.\d{3})* değişiklik \(%\d{1,3}\)$/);
  await snap(page, 'sync-export-progress', { top: true });
  await expect(page.getByTestId('export-result')).toContainText('Dosya oluşturuldu', { timeout: 60_000 });
  await expect(progress).toBeHidden();
});
