import type { Page } from '@playwright/test';
import { arrange, districtIdOf, expect, fillDemo, setupProvince, snap, test, type KopruFixture } from './fixtures';
import { TEST_ADMIN } from '../support/users';

// Youth centres as a provincial directorate manages them: create, edit, find, retire, and bad input.

const CANKAYA = 'Çankaya Gençlik Merkezi';

async function searchFor(page: Page, text: string) {
  await page.getByRole('searchbox', { name: 'Ara' }).fill(text);
}

async function createCentre(kopru: KopruFixture, name: string, district: string, extra: { address?: string } = {}) {
  return arrange(kopru, 'orgUnits:createYouthCentre', {
    name,
    districtId: await districtIdOf(kopru, '06', district),
    status: 'active',
    ...extra,
  });
}

test('a province creates, edits, finds Turkish-insensitively and retires a youth centre', async ({ page, kopru }) => {
  await setupProvince(kopru, '06');
  await page.goto(`${kopru.harness.url}#/org-units`);
  await expect(page.getByRole('heading', { name: 'Birimler' })).toBeVisible();
  await expect(page.getByText('Henüz kayıtlı gençlik merkezi yok. İlk kaydı “Yeni gençlik merkezi” ile ekleyin.')).toBeVisible();

  // Create through the form.
  await page.getByRole('button', { name: 'Yeni gençlik merkezi' }).click();
  const form = page.getByRole('dialog', { name: 'Yeni gençlik merkezi' });
  await form.getByRole('textbox', { name: 'Ad', exact: true }).fill(CANKAYA);
  await form.getByRole('combobox', { name: 'İlçe' }).fill('cankaya');
  await page.getByRole('option', { name: 'Çankaya' }).click();
  await form.getByRole('textbox', { name: 'Adres' }).fill('Atatürk Bulvarı No:12 Çankaya/Ankara');
  await form.getByRole('textbox', { name: 'Telefon' }).fill('0312 555 12 34');
  await form.getByRole('textbox', { name: 'E-posta' }).fill('cankaya@gsb.gov.tr');
  await form.getByRole('textbox', { name: 'Toplantı salonu kapasitesi' }).fill('120');
  await form.getByRole('button', { name: 'Kaydet' }).click();

  await expect(page.getByText(`“${CANKAYA}” eklendi.`)).toBeVisible();
  await expect(form).toBeHidden();
  const table = page.getByTestId('youth-centres-table');
  const row = table.getByRole('row').filter({ hasText: CANKAYA });
  await expect(row).toContainText('0 (312) 555 12 34');
  await expect(row).toContainText('cankaya@gsb.gov.tr');
  await expect(row).toContainText('120');
  await expect(row).toContainText('Aktif');

  // Others to search among.
  await createCentre(kopru, 'Keçiören Gençlik Merkezi', 'Keçiören');
  await createCentre(kopru, 'Işıklar Gençlik Merkezi', 'Yenimahalle', { address: 'İzmir Caddesi No:5' });
  await page.reload();
  await expect(page.getByTestId('centres-total')).toHaveText('3 gençlik merkezi');

  // Search is Turkish-insensitive, in SQL.
  await searchFor(page, 'genclik');
  await expect(page.getByTestId('centres-total')).toHaveText('3 gençlik merkezi');
  await searchFor(page, 'CANKAYA');
  await expect(page.getByTestId('centres-total')).toHaveText('1 gençlik merkezi');
  await expect(table).toContainText(CANKAYA);
  await searchFor(page, 'IZMIR');
  await expect(page.getByTestId('centres-total')).toHaveText('1 gençlik merkezi');
  await expect(table).toContainText('Işıklar Gençlik Merkezi');
  await searchFor(page, 'isiklar');
  await expect(table).toContainText('Işıklar Gençlik Merkezi');
  await searchFor(page, 'kecioren');
  await expect(table).toContainText('Keçiören Gençlik Merkezi');
  await expect(table).not.toContainText(CANKAYA);
  await searchFor(page, 'zzzz');
  await expect(page.getByText('Aramanıza ve filtrelerinize uyan gençlik merkezi bulunamadı.', { exact: false })).toBeVisible();
  await searchFor(page, '');
  // Results come in Turkish alphabetical order: Çankaya after C…, Işıklar before İ…, Keçiören last.
  await expect(table.getByRole('row').nth(1)).toContainText(CANKAYA);
  await expect(table.getByRole('row').nth(2)).toContainText('Işıklar Gençlik Merkezi');
  await expect(table.getByRole('row').nth(3)).toContainText('Keçiören Gençlik Merkezi');

  // Detail, then edit.
  await table.getByRole('button', { name: CANKAYA }).click();
  const detail = page.getByRole('dialog', { name: CANKAYA });
  await expect(detail).toContainText('06 — Ankara');
  await expect(detail).toContainText('Atatürk Bulvarı No:12 Çankaya/Ankara');
  await expect(detail).toContainText(/Oluşturulma tarihi\s*\d{2}\.\d{2}\.\d{4}/);
  await snap(page, 'youth-centre-detail');
  await detail.getByRole('button', { name: 'Düzenle' }).click();
  const edit = page.getByRole('dialog', { name: 'Gençlik merkezini düzenle' });
  await expect(edit.getByRole('textbox', { name: 'Telefon' })).toHaveValue('0 (312) 555 12 34');
  await edit.getByRole('textbox', { name: 'Toplantı salonu kapasitesi' }).fill('150');
  await edit.getByRole('combobox', { name: 'Durum' }).click();
  await page.getByRole('option', { name: 'Kapalı' }).click();
  await edit.getByRole('button', { name: 'Kaydet' }).click();
  await expect(page.getByText(`“${CANKAYA}” için değişiklikler kaydedildi.`)).toBeVisible();
  // Saving returns to the record, now showing the new values.
  await expect(detail).toContainText('150');
  await expect(detail).toContainText('Kapalı');
  const saved = await arrange(kopru, 'orgUnits:searchYouthCentres', { query: 'cankaya' });
  expect(saved.items[0]).toMatchObject({ name: CANKAYA, hallCapacity: 150, status: 'closed', phone: '+903125551234' });

  // Retire, with a confirmation.
  await detail.getByRole('button', { name: 'Kaldır' }).click();
  const confirm = page.getByRole('dialog', { name: 'Gençlik merkezini kaldır' });
  await expect(confirm).toContainText('geri alınamaz');
  await confirm.getByRole('button', { name: 'Kaldır' }).click();
  await expect(page.getByText(`“${CANKAYA}” kaldırıldı.`)).toBeVisible();
  await expect(page.getByTestId('centres-total')).toHaveText('2 gençlik merkezi');
  await expect(table).not.toContainText(CANKAYA);
  await page.getByRole('switch', { name: 'Kaldırılanları göster' }).check({ force: true });
  await expect(table.getByRole('row').filter({ hasText: CANKAYA })).toContainText('Kaldırıldı');
  const retired = await arrange(kopru, 'orgUnits:searchYouthCentres', { query: 'cankaya', includeRetired: true });
  expect(retired.items[0]?.retiredAt).not.toBeNull();
});

test('bad input is shown on the fields in Turkish and nothing is saved', async ({ page, kopru }) => {
  await setupProvince(kopru, '06');
  await page.goto(`${kopru.harness.url}#/org-units`);
  await page.getByRole('button', { name: 'Yeni gençlik merkezi' }).click();
  const form = page.getByRole('dialog', { name: 'Yeni gençlik merkezi' });
  await form.getByRole('textbox', { name: 'Ad', exact: true }).fill(CANKAYA);
  await form.getByRole('textbox', { name: 'Telefon' }).fill('12345');
  await form.getByRole('textbox', { name: 'E-posta' }).fill('cankaya-at-gsb');
  await form.getByRole('button', { name: 'Kaydet' }).click();

  const phone = form.getByRole('textbox', { name: 'Telefon' });
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText(/Telefon numarası eksik: alan koduyla birlikte 10 hane olmalı, 5 hane yazıldı/)).toBeVisible();
  await expect(form.getByText('E-posta adresi geçersiz. Örnek: merkez@gsb.gov.tr')).toBeVisible();
  await expect(form.getByText('İlçe seçin.')).toBeVisible();
  await expect(form.getByRole('combobox', { name: 'İlçe' })).toHaveAttribute('aria-invalid', 'true');
  await snap(page, 'youth-centre-form-errors');

  const nothing = await arrange(kopru, 'orgUnits:searchYouthCentres', { includeRetired: true });
  expect(nothing.total).toBe(0);

  // Fixing the fields saves it; a second centre with the same name in the same district is refused on the name.
  await form.getByRole('combobox', { name: 'İlçe' }).fill('Çankaya');
  await page.getByRole('option', { name: 'Çankaya' }).click();
  await phone.fill('0532 123 45 67');
  await form.getByRole('textbox', { name: 'E-posta' }).fill('');
  await form.getByRole('button', { name: 'Kaydet' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('youth-centres-table')).toContainText('0 (532) 123 45 67');

  await page.getByRole('button', { name: 'Yeni gençlik merkezi' }).click();
  await form.getByRole('textbox', { name: 'Ad', exact: true }).fill('ÇANKAYA GENÇLİK MERKEZİ');
  await form.getByRole('combobox', { name: 'İlçe' }).fill('cankaya');
  await page.getByRole('option', { name: 'Çankaya' }).click();
  await form.getByRole('button', { name: 'Kaydet' }).click();
  await expect(form.getByText('Bu ilçede aynı adda bir gençlik merkezi zaten var.')).toBeVisible();
  expect((await arrange(kopru, 'orgUnits:searchYouthCentres', {})).total).toBe(1);
});

test('an error that belongs to no field is shown above the form and the record stays unchanged', async ({ page, kopru }) => {
  await setupProvince(kopru, '06');
  const centre = await createCentre(kopru, CANKAYA, 'Çankaya');
  await page.goto(`${kopru.harness.url}#/org-units`);
  await page.getByTestId('youth-centres-table').getByRole('button', { name: CANKAYA }).click();
  await page.getByRole('dialog', { name: CANKAYA }).getByRole('button', { name: 'Düzenle' }).click();
  const edit = page.getByRole('dialog', { name: 'Gençlik merkezini düzenle' });
  await edit.getByRole('textbox', { name: 'Toplantı salonu kapasitesi' }).fill('90');

  // Meanwhile the record is retired (another window, or the CLI).
  await arrange(kopru, 'orgUnits:retireYouthCentre', { id: centre.id });
  await edit.getByRole('button', { name: 'Kaydet' }).click();

  await expect(edit.getByRole('alert')).toContainText('Kaldırılmış bir gençlik merkezi düzenlenemez.');
  await expect(edit).toBeVisible();
  const after = await arrange(kopru, 'orgUnits:getYouthCentre', { id: centre.id });
  expect(after.hallCapacity).toBeNull();
});

test('the list pages in SQL over realistic data and provinces are grouped by region', async ({ page, kopru }) => {
  await setupProvince(kopru, '06');
  const created = await fillDemo(kopru);
  expect(created).toBeGreaterThan(20);
  const firstPage = await arrange(kopru, 'orgUnits:searchYouthCentres', { provincePlate: '06', limit: 20, offset: 0 });
  const secondPage = await arrange(kopru, 'orgUnits:searchYouthCentres', { provincePlate: '06', limit: 20, offset: 20 });

  await page.goto(`${kopru.harness.url}#/org-units`);
  await expect(page.getByTestId('centres-total')).toHaveText(`${firstPage.total} gençlik merkezi`);
  await expect(page.getByRole('combobox', { name: 'İl', exact: true })).toHaveValue('06 — Ankara');
  const rows = page.getByTestId('youth-centres-table').getByRole('row');
  await expect(rows).toHaveCount(21);
  // The server's Turkish order, unchanged.
  await expect(rows.nth(1)).toContainText(firstPage.items[0]!.name);
  await expect(rows.nth(20)).toContainText(firstPage.items[19]!.name);
  await snap(page, 'org-units-list');

  await page.getByRole('button', { name: 'Sayfa 2', exact: true }).click();
  await expect(rows.nth(1)).toContainText(secondPage.items[0]!.name);

  // Filter by status: closed ones only.
  await page.getByRole('combobox', { name: 'Durum' }).click();
  await page.getByRole('option', { name: 'Kapalı' }).click();
  const closed = await arrange(kopru, 'orgUnits:searchYouthCentres', { provincePlate: '06', status: 'closed' });
  await expect(page.getByTestId('centres-total')).toHaveText(`${closed.total} gençlik merkezi`);

  await page.getByRole('tab', { name: 'İller ve ilçeler' }).click();
  const detail = page.getByTestId('province-detail');
  await expect(detail.getByRole('heading', { name: '06 — Ankara' })).toBeVisible();
  await expect(detail).toContainText('İlçeler (25)');
  await expect(detail).toContainText(`Gençlik merkezleri (${firstPage.total})`);
  await expect(page.getByRole('button', { name: 'İç Anadolu' })).toHaveAttribute('aria-expanded', 'true');
  await snap(page, 'org-units-provinces');

  await page.getByRole('searchbox', { name: 'İl ara' }).fill('IZMIR');
  await expect(page.getByRole('button', { name: 'İzmir' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ankara' })).toBeHidden();
  await page.getByRole('button', { name: 'İzmir' }).click();
  await expect(detail.getByRole('heading', { name: '35 — İzmir' })).toBeVisible();
  await expect(detail).toContainText('Bu ilde kayıtlı gençlik merkezi yok.');
});

test('a youth-centre installation reads its province’s centres but cannot change them', async ({ page, kopru }) => {
  await arrange(kopru, 'installation:setup', { admin: TEST_ADMIN, role: 'youth-center', provincePlate: '06', districtName: 'Çankaya', name: CANKAYA });
  await fillDemo(kopru);
  await page.goto(`${kopru.harness.url}#/org-units`);
  await expect(page.getByRole('combobox', { name: 'İl', exact: true })).toHaveValue('06 — Ankara');
  await expect(page.getByTestId('youth-centres-table')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Yeni gençlik merkezi' })).toHaveCount(0);
  await page.getByTestId('youth-centres-table').getByRole('button').first().click();
  const detail = page.getByTestId('centre-detail');
  await expect(detail).toContainText('06 — Ankara');
  await expect(detail.getByRole('button', { name: 'Düzenle' })).toHaveCount(0);
  await expect(detail.getByRole('button', { name: 'Kaldır' })).toHaveCount(0);
});

test('a ministry installation sees every province and has nothing to create', async ({ page, kopru }) => {
  await arrange(kopru, 'installation:setup', { admin: TEST_ADMIN, role: 'ministry' });
  await page.goto(`${kopru.harness.url}#/org-units`);
  await expect(page.getByRole('combobox', { name: 'İl', exact: true })).toHaveValue('');
  await expect(page.getByText('Henüz kayıtlı gençlik merkezi yok.', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Yeni gençlik merkezi' })).toHaveCount(0);
});
