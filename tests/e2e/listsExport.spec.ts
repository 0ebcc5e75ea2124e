import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Download, Locator, Page } from '@playwright/test';
import { arrange, ARTIFACTS, expect, fillDemoSummary, setupMinistry, test } from './fixtures';

// Issue #17: every list exports to Excel exactly as filtered (all rows, not the page), and the main lists keep
// their key columns in view at 1024×768. The ministry over demo data; the files are read back with exceljs.

test.describe.configure({ timeout: 240_000 });

async function rowsOf(download: Download): Promise<{ header: string[]; rows: unknown[][] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) rows.push((row.values as unknown[]).slice(1));
  });
  return { header: (sheet.getRow(1).values as unknown[]).slice(1).map(String), rows };
}

async function exportFrom(page: Page, scope: Page | Locator, name = 'Excel’e aktar'): Promise<Download> {
  const download = page.waitForEvent('download');
  await scope.getByRole('button', { name }).click();
  return download;
}

/** What the clerk sees (the window, not the whole page), for people to look at: tests/artifacts/lists-*.png. */
async function shot(page: Page, name: string) {
  await page.mouse.move(0, 0);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `lists-${name}.png`) });
}

/** The header cell's box lies inside the window, and the page does not scroll sideways. */
async function expectInView(page: Page, header: Locator) {
  await expect(header).toBeVisible();
  const box = (await header.boundingBox())!;
  const width = page.viewportSize()!.width;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(width);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

test('the ministry exports the visa list, youth centres and the board as filtered; key columns stay in view at 1024×768', async ({ page, kopru }) => {
  await setupMinistry(kopru);
  await fillDemoSummary(kopru, { associationsPerProvince: 4 });
  await page.setViewportSize({ width: 1280, height: 800 });

  // The visa page: the late list's file holds every late association (the screen counts them).
  const dashboard = await arrange(kopru, 'registry:visaDashboard', {});
  const [listId, status] = (dashboard.counts.GECIKMIS ?? 0) > 0 ? (['visa-overdue', 'GECIKMIS'] as const) : (['visa-propose', 'VIZESIZ_N_YIL'] as const);
  const count = dashboard.counts[status]!;
  expect(count).toBeGreaterThan(0);
  await page.goto(`${kopru.harness.url}#/visa`);
  const section = page.getByTestId(listId);
  await expect(section.getByRole('row').nth(1)).toBeVisible();
  const visa = await exportFrom(page, section);
  expect(visa.suggestedFilename()).toMatch(/^(Vizesi gecikenler|Tescil iptali önerilenler) \d{4} \d{2}\.\d{2}\.\d{4}\.xlsx$/);
  const visaFile = await rowsOf(visa);
  expect(visaFile.header.slice(0, 3)).toEqual(['Dernek adı', 'İl', 'İlçe']);
  expect(visaFile.rows).toHaveLength(count);
  await expect(page.getByText(`“${visa.suggestedFilename()}” dosyasına ${count} satır aktarıldı.`)).toBeVisible();

  // Youth centres, narrowed to one province: the file has the list's total, all of that province.
  await page.goto(`${kopru.harness.url}#/org-units`);
  const total = page.getByTestId('centres-total');
  await expect(total).toContainText('gençlik merkezi');
  await page.getByRole('combobox', { name: 'İl', exact: true }).fill('izmir');
  await page.getByRole('option', { name: /İzmir/ }).click();
  const izmir = await arrange(kopru, 'orgUnits:searchYouthCentres', { provincePlate: '35', limit: 1 });
  await expect(total).toContainText(String(izmir.total));
  const centres = await rowsOf(await exportFrom(page, page));
  expect(centres.rows).toHaveLength(izmir.total);
  expect(new Set(centres.rows.map((r) => r[1]))).toEqual(new Set(['İzmir']));

  // The board: a row per province, region filter as on screen.
  await page.goto(`${kopru.harness.url}#/meetings/board`);
  await expect(page.getByTestId('board-row').first()).toBeVisible();
  const board = await rowsOf(await exportFrom(page, page));
  expect(board.header.slice(0, 4)).toEqual(['Plaka', 'İl', 'Bölge', 'Gençlik merkezi']);
  expect(board.rows).toHaveLength(81);

  // At 1024×768 the key columns stay in the window: the registry (name, province, state, visa) and the youth
  // centres (name, province, state).
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(`${kopru.harness.url}#/registry`);
  const registry = page.getByTestId('registry-table');
  for (const name of ['Dernek adı', 'İl', 'Durum']) await expectInView(page, registry.getByRole('columnheader', { name, exact: true }));
  await expectInView(page, registry.getByRole('columnheader', { name: /^Vize/ }));
  await shot(page, 'registry-1024');
  await page.goto(`${kopru.harness.url}#/org-units`);
  const centresTable = page.getByTestId('youth-centres-table');
  for (const name of ['Ad', 'İl', 'Durum']) await expectInView(page, centresTable.getByRole('columnheader', { name, exact: true }));
  await shot(page, 'centres-1024');
});
