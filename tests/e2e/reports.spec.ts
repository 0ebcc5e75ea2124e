import ExcelJS from 'exceljs';
import { register } from 'tsx/esm/api';
import type * as SeedModule from '../reports/seed';
import type * as AppModule from '../support/app';
import { expect, signIn, snap, test } from './fixtures';

// The reports page shows the figures, with their definitions, for a small arranged data set (the one the
// figure tests work out by hand) and downloads them as Excel.

test.describe.configure({ timeout: 180_000 });

const loader = register({ namespace: 'kopru-e2e-reports' });
const { seedReportData } = (await loader.import('../reports/seed.ts', import.meta.url)) as typeof SeedModule;
const { setupApp } = (await loader.import('../support/app.ts', import.meta.url)) as typeof AppModule;

// The ministry's data as if it had arrived from the provinces, written before the app opens the folder.
// (An option whose value is a function is given as a fixture that provides it.)
test.use({
  prepareDataDir: async ({}, use) =>
    use(async (dataDir: string) => {
      const app = await setupApp('ministry', { dataDir });
      seedReportData(app);
      app.close();
    }),
});

test('figures for a period and scope, with definitions, and the Excel download', async ({ page, kopru }) => {
  await page.setViewportSize({ width: 1360, height: 900 });
  // Set up in this process before the app opened the folder: nobody is signed in to the app's backend yet.
  await signIn(kopru);
  await page.goto(`${kopru.harness.url}#/reports`);
  await page.getByRole('textbox', { name: 'Başlangıç' }).fill('01.01.2024');
  await page.getByRole('textbox', { name: 'Bitiş' }).fill('31.12.2024');

  await expect(page.getByTestId('report-heading')).toHaveText('Türkiye geneli · 01.01.2024 – 31.12.2024');
  await expect(page.getByTestId('figure-meetingsHeld')).toContainText('4Yapılan toplantı');
  await expect(page.getByTestId('figure-csoAttendances')).toContainText('7STK katılımı');
  await expect(page.getByTestId('figure-csoAttendances')).toContainText('İki toplantıya katılan bir kişi 2 katılım sayılır.');
  await expect(page.getByTestId('figure-csoRepresentatives')).toContainText('6');
  await expect(page.getByTestId('figure-uniqueCsos')).toContainText('3');
  await expect(page.getByTestId('first-meeting')).toHaveText('İlk toplantı: 01.01.2024, Erzurum — Palandöken Gençlik Merkezi');
  await expect(page.getByTestId('breakdown-table').getByRole('row', { name: /^Doğu Anadolu 3 6 5 3$/ })).toBeVisible();
  await snap(page, 'reports-national');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Excel' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await file.path())!);
  const rows = workbook.getWorksheet('Göstergeler')!.getSheetValues().filter(Boolean) as unknown[][];
  expect(rows.find((r) => r[1] === 'Yapılan toplantı')![2]).toBe(4);

  // A province: broken down by its youth centres.
  await page.locator('.mantine-SegmentedControl-label', { hasText: /^İl$/ }).click();
  await page.getByRole('combobox', { name: 'İl' }).fill('erzurum');
  await page.getByRole('option', { name: '25 — Erzurum' }).click();
  await expect(page.getByTestId('report-heading')).toHaveText('Erzurum ili · 01.01.2024 – 31.12.2024');
  await expect(page.getByTestId('figure-meetingsHeld')).toContainText('2Yapılan toplantı');
  await expect(page.getByTestId('breakdown-table')).toContainText('Yakutiye Gençlik Merkezi');
  await snap(page, 'reports-province');
});
