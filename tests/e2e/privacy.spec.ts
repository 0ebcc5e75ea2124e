import fs from 'node:fs';
import { arrange, dismissToasts, expect, saveFromPreview, setupMinistry, setupProvince, snap, test } from './fixtures';

// Personal data (issue #16): at the ministry, a retention period is changed in the table and saved, the privacy
// notice downloads as a PDF (an empty text is refused), the inventory shows the new period and downloads as
// Excel; the screens in Turkish and in English. A province sees the same, read-only.

test('the ministry sets a retention period, prints the notice and exports the inventory', async ({ page, kopru }) => {
  await setupMinistry(kopru);
  await page.goto(kopru.harness.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Kişisel veriler' }).click();
  await expect(page.getByRole('heading', { name: 'Kişisel veriler' })).toBeVisible();

  // Retention: the defaults, then meeting participants' contact details kept 4 years instead of 2.
  const table = page.getByTestId('retention-table');
  await expect(page.getByTestId('retention-updated')).toContainText('Varsayılan süreler geçerli');
  const years = table.getByRole('textbox', { name: 'Toplantı katılımcılarının telefon ve e-posta bilgisi — süre (yıl)' });
  await expect(years).toHaveValue('2 yıl');
  await years.fill('4');
  await page.getByRole('button', { name: 'Süreleri kaydet' }).click();
  await expect(page.getByText('Saklama süreleri kaydedildi', { exact: false })).toBeVisible();
  await expect(page.getByTestId('retention-updated')).toContainText('Bakanlığın son değişikliği:');
  const rules = await arrange(kopru, 'privacy:retentionRules', {});
  expect(rules.rules.find((r) => r.id === 'meetingParticipantContact')!.years).toBe(4);
  await expect(table.locator('[data-rule="meetingParticipantContact"]')).toContainText('varsayılan: 2 yıl');
  await dismissToasts(page);
  await snap(page, 'privacy-retention', { top: true });

  // The notice: shown as it prints, previewed and saved as a PDF.
  await page.getByRole('tab', { name: 'Aydınlatma metni' }).click();
  const notice = page.getByTestId('notice-view');
  await expect(notice).toContainText('Kişisel Verilerin Korunması Hakkında Aydınlatma Metni');
  await expect(notice).toContainText('ğ) Kişisel verilerinizin kanuna aykırı olarak işlenmesi');
  const download = await saveFromPreview(page, () => page.getByRole('button', { name: 'PDF olarak görüntüle / yazdır' }).click());
  expect(download.suggestedFilename()).toBe('Aydınlatma Metni - Sürüm 1.pdf');
  const pdf = fs.readFileSync((await download.path())!);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await snap(page, 'privacy-notice', { top: true });

  // An empty text is refused by the server, naming the field; nothing is saved.
  await page.getByRole('button', { name: 'Metni düzenle' }).click();
  await page.getByRole('textbox', { name: 'Metin' }).fill('   ');
  await page.getByRole('button', { name: 'Yeni sürüm olarak kaydet' }).click();
  await expect(page.getByText('Aydınlatma metni boş olamaz.')).toBeVisible();
  expect((await arrange(kopru, 'privacy:notice', {})).version).toBe(1);
  await page.getByRole('button', { name: 'Vazgeç' }).click();

  // The inventory states the new period, and downloads as Excel.
  await page.getByRole('tab', { name: 'Veri envanteri' }).click();
  const inventory = page.getByTestId('inventory-table');
  await expect(inventory.locator('[data-row="participant-contact"]')).toContainText('4 yıl (toplantı tarihinden sonra)');
  await expect(inventory.locator('[data-row="board-tc"]')).toContainText('TC Kimlik No');
  const xlsx = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Excel olarak indir' }).click();
  expect((await xlsx).suggestedFilename()).toMatch(/^Kişisel veri envanteri \d{2}\.\d{2}\.\d{4}\.xlsx$/);
  await snap(page, 'privacy-inventory', { top: true });

  // The same screens in English.
  await arrange(kopru, 'settings:setLanguage', { language: 'en' });
  // Only the hash changes: reload so the page reads the language preference again.
  await page.goto(`${kopru.harness.url}#/privacy/retention`);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Personal data' })).toBeVisible();
  await expect(page.getByTestId('retention-table')).toContainText('Phone and e-mail of meeting participants');
  await snap(page, 'privacy-retention-english', { top: true });
  await page.getByRole('tab', { name: 'Privacy notice' }).click();
  await expect(page.getByText('The notice is a Turkish document', { exact: false })).toBeVisible();
  await snap(page, 'privacy-notice-english', { top: true });
  await page.getByRole('tab', { name: 'Data inventory' }).click();
  await expect(page.getByTestId('inventory-table').locator('[data-row="participant-contact"]')).toContainText('4 years (after the meeting date)');
  await snap(page, 'privacy-inventory-english', { top: true });
});

test('a province sees the periods and the notice in force, read-only', async ({ page, kopru }) => {
  await setupProvince(kopru, '06');
  await page.goto(`${kopru.harness.url}#/privacy`);
  const table = page.getByTestId('retention-table');
  await expect(table.locator('[data-rule="revealLog"]')).toContainText('3 yıl');
  await expect(page.getByText('Saklama sürelerini Bakanlık belirler', { exact: false })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Süreleri kaydet' })).toHaveCount(0);
  await expect(table.getByRole('textbox')).toHaveCount(0);
  await page.getByRole('tab', { name: 'Aydınlatma metni' }).click();
  await expect(page.getByRole('button', { name: 'PDF olarak görüntüle / yazdır' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Metni düzenle' })).toHaveCount(0);
});
