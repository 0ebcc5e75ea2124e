import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { arrange, dismissToasts, expect, fillDemoSummary, saveFromPreview, setupProvince, snap, test, turkeyToday } from './fixtures';

// The yearly visa and the inter-province transfer, on registered associations from the demo registry.

// Long journeys over real data: more time than the default per test.
test.describe.configure({ timeout: 120_000 });

const THIS_YEAR = turkeyToday().year;

async function confirmIn(page: Page, title: string, fill: (dialog: Locator) => Promise<void> = async () => undefined) {
  const dialog = page.getByRole('dialog', { name: title });
  await fill(dialog);
  return dialog;
}

const TODAY_TR = turkeyToday().tr;

test('a visa year: apply, review, refused without documents, documents marked, approved → “Vizeli”', async ({ page, kopru }) => {
  await setupProvince(kopru, '06');
  await fillDemoSummary(kopru, { associationsPerProvince: 120 });
  // A registered association without this year's visa (late, or lapsed for years).
  const late = await arrange(kopru, 'registry:search', { statuses: ['TESCILLI'], visaStatus: 'GECIKMIS', limit: 1 });
  const lapsed = await arrange(kopru, 'registry:search', { statuses: ['TESCILLI'], visaStatus: 'VIZESIZ_N_YIL', limit: 1 });
  const a = (late.items[0] ?? lapsed.items[0])!;

  await page.goto(`${kopru.harness.url}#/registry/${a.id}/visa`);
  await expect(page.getByTestId('association-visa')).toHaveText(a.visaStatus === 'GECIKMIS' ? 'Gecikmiş' : /^Vizesiz/);
  await page.getByRole('button', { name: 'Vize başvurusu al' }).click();
  const apply = await confirmIn(page, 'Vize başvurusu al', async (d) => {
    await expect(d.getByRole('textbox', { name: 'Yıl' })).toHaveValue(THIS_YEAR);
    // Dated today, the application's own date: a letter cannot precede the application it records.
    await d.getByRole('textbox', { name: 'Evrak tarihi' }).fill(TODAY_TR);
    await d.getByRole('textbox', { name: 'Evrak sayısı' }).fill('V-2026-0042');
  });
  await apply.getByRole('button', { name: 'Başvuruyu kaydet' }).click();
  await expect(apply).toBeHidden();
  const row = page.getByTestId('visa-applications').getByRole('row').filter({ hasText: new RegExp(`^${THIS_YEAR}`) });
  await expect(row).toContainText('Başvuru alındı');
  await expect(row).toContainText(`${TODAY_TR} / V-2026-0042`);
  await expect(page.getByTestId('association-visa')).toHaveText('İncelemede');

  await row.getByRole('button', { name: 'İncelemeye al' }).click();
  const review = page.getByRole('dialog', { name: `İncelemeye al — ${THIS_YEAR}` });
  await review.getByRole('button', { name: 'İncelemeye al' }).click();
  await expect(review).toBeHidden();
  await expect(row).toContainText('İncelemede');
  await expect(row.getByRole('button')).toHaveText(['Vizeyi onayla', 'Eksik evrak bildir', 'Reddet']);

  // Approval is refused while the year's mandatory visa documents are missing.
  await row.getByRole('button', { name: 'Vizeyi onayla' }).click();
  const refused = page.getByRole('dialog', { name: `Vizeyi onayla — ${THIS_YEAR}` });
  await refused.getByRole('button', { name: 'Vizeyi onayla' }).click();
  await expect(refused.getByRole('alert')).toContainText('Zorunlu vize belgeleri eksik olduğu için onaylanamaz');
  await expect(refused.getByRole('alert')).toContainText('Bir önceki yılın faaliyet raporu');
  await refused.getByRole('button', { name: 'Vazgeç' }).click();

  const checklist = page.getByTestId(`visa-checklist-${THIS_YEAR}`);
  await expect(checklist).toContainText(`Vize belgeleri — ${THIS_YEAR}`);
  const mandatory = checklist.getByRole('row').filter({ hasText: 'Zorunlu' });
  await expect(mandatory).toHaveCount(5);
  for (let i = 0; i < 5; i++) {
    const box = mandatory.nth(i).getByRole('checkbox');
    await box.check();
    await expect(box).toBeChecked();
    await expect(box).toBeEnabled();
  }
  await expect(checklist).toContainText('Zorunlu: 5/5');

  await row.getByRole('button', { name: 'Vizeyi onayla' }).click();
  const approve = page.getByRole('dialog', { name: `Vizeyi onayla — ${THIS_YEAR}` });
  await approve.getByRole('button', { name: 'Vizeyi onayla' }).click();
  await expect(approve).toBeHidden();
  await expect(row).toContainText('Onaylandı');
  await expect(page.getByTestId('association-visa')).toHaveText('Vizeli');
  // The open year's checklist leaves the Vize tab once decided; it stays under Belgeler.
  await expect(checklist).toHaveCount(0);
  await dismissToasts(page);
  await snap(page, 'registry-association-visa');

  const file = await saveFromPreview(page, () => row.getByRole('button', { name: 'Vize onay belgesi (PDF)' }).click());
  expect(file.suggestedFilename()).toMatch(new RegExp(`Vize ${THIS_YEAR}\\.pdf$`));
  expect(fs.readFileSync((await file.path())!).subarray(0, 4).toString('latin1')).toBe('%PDF');

  // The list shows the new visa status for the year.
  await page.getByRole('link', { name: 'Dernek Sicili' }).first().click();
  await page.getByRole('searchbox', { name: 'Ara' }).fill(a.kutukNo!);
  await expect(page.getByTestId('registry-total')).toHaveText('1 dernek');
  await expect(page.getByTestId('registry-table').getByRole('row').nth(1)).toContainText('Vizeli');

  // The visa dashboard: the window, counts per status as the server computes them, and who is late.
  const dashboard = await arrange(kopru, 'registry:visaDashboard', {});
  await page.getByRole('navigation').getByRole('link', { name: 'Vize' }).click();
  await expect(page.getByRole('heading', { name: 'Vize', exact: true })).toBeVisible();
  await expect(page.getByTestId('visa-window')).toContainText(`01.01.${THIS_YEAR} – 30.04.${THIS_YEAR}`);
  for (const status of ['VIZELI', 'INCELEMEDE', 'GECIKMIS', 'VIZESIZ_N_YIL'] as const) {
    await expect(page.getByTestId(`visa-count-${status}`)).toHaveText(String(dashboard.counts[status]));
  }
  await expect(page.getByTestId('visa-overdue')).toContainText(`Gecikmiş (${dashboard.overdue.length})`);
  await expect(page.getByTestId('visa-propose')).toContainText(`İptal önerilenler — 2 yıl ya da daha uzun süredir vizesiz (${dashboard.proposeCancellation.length})`);
  for (const reminder of dashboard.reminders) await expect(page.getByText(reminder.message)).toBeVisible();
  await page.getByTestId('visa-overdue').getByRole('link').first().click();
  await expect(page.getByRole('tab', { name: 'Vize' })).toHaveAttribute('aria-selected', 'true');
  await page.goBack();
  await dismissToasts(page);
  await snap(page, 'registry-visa-dashboard');
});

test('a transfer to another province is started and approved by the sender; the club type changes with history', async ({ page, kopru }) => {
  await setupProvince(kopru, '06');
  await fillDemoSummary(kopru, { associationsPerProvince: 60 });
  const registered = await arrange(kopru, 'registry:search', { statuses: ['TESCILLI'], limit: 1 });
  const a = registered.items[0]!;

  await page.goto(`${kopru.harness.url}#/registry/${a.id}/transfers`);
  await expect(page.getByTestId('transfers-table')).toHaveCount(0);
  await page.getByRole('button', { name: 'Başka ile nakil başlat' }).click();
  const start = page.getByRole('dialog', { name: 'Başka ile nakil başlat' });
  await start.getByRole('combobox', { name: 'Gideceği il', exact: true }).fill('izmir');
  await page.getByRole('option', { name: '35 — İzmir' }).click();
  await start.getByRole('combobox', { name: 'Gideceği ilçe' }).fill('konak');
  await page.getByRole('option', { name: 'Konak' }).click();
  await start.getByRole('textbox', { name: 'Yeni kütük no' }).fill('35-123-456');
  await start.getByRole('textbox', { name: 'Evrak tarihi' }).fill('18.11.2026');
  await start.getByRole('textbox', { name: 'Evrak sayısı' }).fill('E-06-2026-555');
  // The reason is required: the server says so on the field.
  await start.getByRole('button', { name: 'Nakli başlat' }).click();
  await expect(start.getByText('Nakil gerekçesini yazın.')).toBeVisible();
  await start.getByRole('textbox', { name: 'Gerekçe' }).fill('Dernek merkezini İzmir’e taşıdı.');
  await start.getByRole('button', { name: 'Nakli başlat' }).click();
  await expect(start).toBeHidden();

  const row = page.getByTestId('transfers-table').getByRole('row').nth(1);
  await expect(row).toContainText('06 — Ankara → 35 — İzmir');
  await expect(row).toContainText('35-123-456');
  await expect(row).toContainText('18.11.2026 / E-06-2026-555');
  await expect(row).toContainText('Talep');
  // The sender approves; accepting belongs to İzmir, so this installation can only cancel afterwards.
  await row.getByRole('button', { name: 'Nakli onayla' }).click();
  const approve = page.getByRole('dialog', { name: 'Nakli onayla' });
  await approve.getByRole('button', { name: 'Nakli onayla' }).click();
  await expect(approve).toBeHidden();
  await expect(row).toContainText('Gönderen il onayladı');
  await expect(row.getByRole('button')).toHaveText(['Nakli iptal et']);
  await expect(page.getByRole('button', { name: 'Başka ile nakil başlat' })).toHaveCount(0);
  await dismissToasts(page);
  await snap(page, 'registry-association-transfers');

  // Change of club type, with a letter and a reason.
  const other = a.clubType === 'GENCLIK_KULUBU' ? 'Gençlik ve spor kulübü' : 'Gençlik kulübü';
  await page.getByRole('button', { name: 'Statü değişikliği' }).click();
  const change = page.getByRole('dialog', { name: 'Statü değişikliği' });
  await expect(change.getByRole('combobox', { name: 'Yeni kulüp türü' })).toHaveValue(other);
  await change.getByRole('textbox', { name: 'Gerekçe' }).fill('Spor branşları eklendi.');
  await change.getByRole('button', { name: 'Değişikliği kaydet' }).click();
  await expect(change).toBeHidden();
  await expect(page.getByRole('region', { name: 'Statü değişikliği' })).toContainText(`Şimdiki tür: ${other}`);

  await page.getByRole('tab', { name: 'Tarihçe' }).click();
  const items = page.getByTestId('history').locator('.mantine-Timeline-item');
  await expect(items.nth(0)).toContainText('Statü değişikliği');
  await expect(items.nth(0)).toContainText('Spor branşları eklendi.');
  await expect(items.nth(1)).toContainText('Nakil gönderen il tarafından onaylandı');
  await expect(items.nth(1)).toContainText('Talep → Gönderen il onayladı');
  await expect(items.nth(2)).toContainText('Nakil talebi');
  await expect(items.nth(2)).toContainText('Dernek merkezini İzmir’e taşıdı.');

  const transfers = await arrange(kopru, 'registry:listTransfers', { direction: 'outgoing' });
  expect(transfers).toMatchObject([{ associationId: a.id, toPlate: '35', state: 'GONDEREN_ONAYI', newKutukNo: '35-123-456' }]);
});
