import type { Page } from '@playwright/test';
import { arrange, dismissToasts, expect, setupProvince, snap, test } from './fixtures';

// Importing a province's existing registry from a spreadsheet: mapping (automatic, by hand, saved), a
// dry-run preview with Turkish reasons per row, then one apply; importing the same file again adds nothing.

// Long journeys over real data: more time than the default per test.
test.describe.configure({ timeout: 120_000 });

const CSV = [
  'Dernek Adı;İlçe;Kütük No;Vergi No;Telefon;Faaliyet Alanları;Kısaltma',
  'Çankaya Şafak Gençlik Kulübü Derneği;Çankaya;06-901-001;4540536920;0312 444 55 66;Spor, Kültür ve sanat;ŞAFAKDER',
  'Gölbaşı Öğrenci Gençlik Kulübü Derneği;Gölbaşı;06-901-002;;;Eğitim;',
  'Etimesgut Ilgın Gençlik Kulübü Derneği;Etimesgut;06-901-003;4540536921;;;',
  'Polatlı Güneşli Gençlik Kulübü Derneği;Narlıdere;06-901-004;;;;',
].join('\r\n');

async function chooseFile(page: Page) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Tablo dosyası' }).click();
  await (await chooser).setFiles({ name: 'dernekler-ankara.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });
  await page.getByRole('button', { name: 'İleri' }).click();
}

test('the import wizard maps columns, previews with reasons, applies once, and a second import adds nothing', async ({ page, kopru }) => {
  await setupProvince(kopru, '06');
  await page.goto(`${kopru.harness.url}#/registry`);
  await page.getByRole('link', { name: 'Tablodan içe aktar' }).click();
  await expect(page.getByRole('heading', { name: 'Tablodan içe aktar' })).toBeVisible();
  await chooseFile(page);

  // Recognised headings are mapped automatically; the short name's column is mapped by hand.
  const mapping = page.getByTestId('import-mapping');
  await expect(mapping.getByRole('combobox', { name: 'Dernek adı' })).toHaveValue('Dernek Adı');
  await expect(mapping.getByRole('combobox', { name: 'İlçe' })).toHaveValue('İlçe');
  await expect(mapping.getByRole('combobox', { name: 'DERBİS kütük no' })).toHaveValue('Kütük No');
  await expect(mapping.getByRole('combobox', { name: 'Vergi kimlik no' })).toHaveValue('Vergi No');
  await expect(mapping.getByRole('combobox', { name: 'Kısa ad' })).toHaveValue('Kullanılmıyor');
  await mapping.getByRole('combobox', { name: 'Kısa ad' }).click();
  await page.getByRole('option', { name: 'Kısaltma' }).click();
  // A required field left unmapped is caught before the preview.
  await mapping.getByRole('combobox', { name: 'İlçe' }).click();
  await page.getByRole('option', { name: 'Kullanılmıyor' }).click();
  await expect(mapping.getByRole('combobox', { name: 'İlçe' })).toHaveValue('Kullanılmıyor');
  await page.getByRole('button', { name: 'Önizle', exact: true }).click();
  await expect(mapping.getByText('Zorunlu alan: bir sütun seçin.')).toBeVisible();
  await mapping.getByRole('combobox', { name: 'İlçe' }).click();
  await page.getByRole('option', { name: 'İlçe', exact: true }).click();
  await page.getByRole('textbox', { name: 'Eşleştirme adı' }).fill('Ankara listesi');
  await page.getByRole('button', { name: 'Eşleştirmeyi kaydet' }).click();
  await expect(page.getByText('“Ankara listesi” eşleştirmesi kaydedildi.')).toBeVisible();

  await page.getByRole('button', { name: 'Önizle', exact: true }).click();
  const totals = page.getByTestId('import-totals');
  await expect(totals.getByLabel('Satır: 4')).toBeVisible();
  await expect(totals.getByLabel('Yeni: 2')).toBeVisible();
  await expect(totals.getByLabel('Hatalı: 2')).toBeVisible();
  const rows = page.getByTestId('import-rows');
  const badVkn = rows.getByRole('row').filter({ hasText: 'Etimesgut Ilgın Gençlik Kulübü Derneği' });
  await expect(badVkn).toContainText('Hatalı');
  await expect(badVkn).toContainText('Vergi kimlik no: Vergi kimlik numarası geçersiz.');
  const badDistrict = rows.getByRole('row').filter({ hasText: 'Polatlı Güneşli Gençlik Kulübü Derneği' });
  await expect(badDistrict).toContainText('İlçe: "Narlıdere" bu ilin ilçelerinden biri değil.');
  await expect(rows.getByRole('row').filter({ hasText: 'Çankaya Şafak Gençlik Kulübü Derneği' })).toContainText('Yeni');
  await expect(page.getByText('Bu bir önizlemedir: henüz hiçbir şey kaydedilmedi.', { exact: false })).toBeVisible();
  await dismissToasts(page);
  await snap(page, 'registry-import-preview');
  // Nothing is written before the last step.
  expect((await arrange(kopru, 'registry:search', {})).total).toBe(0);

  await page.getByRole('button', { name: 'İçe aktar', exact: true }).click();
  const result = page.getByTestId('import-result');
  await expect(result).toContainText('2 yeni dernek taslak olarak eklendi, 0 dernek güncellendi; 2 satır atlandı.');
  await result.getByRole('button', { name: 'Sicile dön' }).click();
  await expect(page.getByTestId('registry-total')).toHaveText('2 dernek');
  const table = page.getByTestId('registry-table');
  await expect(table.getByRole('row').nth(1)).toContainText('Çankaya Şafak Gençlik Kulübü Derneği');
  await expect(table.getByRole('row').nth(1)).toContainText('Taslak');
  await expect(table.getByRole('row').nth(2)).toContainText('Gölbaşı Öğrenci Gençlik Kulübü Derneği');
  const imported = await arrange(kopru, 'registry:search', { query: 'safak' });
  expect(imported.items[0]).toMatchObject({ shortName: 'ŞAFAKDER', vkn: '4540536920', kutukNo: '06-901-001', activityAreas: ['SPOR', 'KULTUR_SANAT'] });

  // The same file again, with the saved mapping: nothing new, nothing to write.
  await page.getByRole('link', { name: 'Tablodan içe aktar' }).click();
  await chooseFile(page);
  await page.getByRole('combobox', { name: 'Kayıtlı eşleştirme' }).click();
  await page.getByRole('option', { name: 'Ankara listesi' }).click();
  await expect(page.getByText('“Ankara listesi” eşleştirmesi yüklendi.')).toBeVisible();
  await expect(mapping.getByRole('combobox', { name: 'Kısa ad' })).toHaveValue('Kısaltma');
  await page.getByRole('button', { name: 'Önizle', exact: true }).click();
  await expect(totals.getByLabel('Yeni: 0')).toBeVisible();
  await expect(totals.getByLabel('Değişiklik yok: 2')).toBeVisible();
  await expect(totals.getByLabel('Hatalı: 2')).toBeVisible();
  await expect(rows.getByRole('row').filter({ hasText: 'Çankaya Şafak Gençlik Kulübü Derneği' })).toContainText('Değişiklik yok');
  await expect(page.getByText('Yazılacak yeni ya da değişen kayıt yok.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'İçe aktar', exact: true })).toBeDisabled();
  expect((await arrange(kopru, 'registry:search', {})).total).toBe(2);
});
