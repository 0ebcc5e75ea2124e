import { arrange, districtIdOf, dismissToasts, expect, setupProvince, snap, test } from './fixtures';
import { TEST_ADMIN } from '../support/users';

// Bad input on the association and person forms is shown on the fields in Turkish and nothing is saved;
// a TC Kimlik No stays masked until it is revealed for a stated purpose.

// Long journeys over real data: more time than the default per test.
test.describe.configure({ timeout: 120_000 });

test('invalid kütük no, VKN and an impossible date are shown on their fields and nothing is saved', async ({ page, kopru }) => {
  await setupProvince(kopru, '06');
  await page.goto(`${kopru.harness.url}#/registry`);
  await expect(page.getByText('Sicilde henüz dernek yok. İlk kaydı “Yeni dernek” ile ekleyin', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Yeni dernek' }).click();
  const form = page.getByRole('dialog', { name: 'Yeni dernek' });
  await form.getByRole('textbox', { name: 'Dernek adı' }).fill('Mamak Umut Gençlik Kulübü Derneği');
  await form.getByRole('textbox', { name: 'DERBİS kütük no' }).fill('99-123-456');
  await form.getByRole('textbox', { name: 'Vergi kimlik no' }).fill('4540536921');
  await form.getByRole('textbox', { name: 'Kuruluş tarihi' }).fill('30.02.2024');
  await form.getByRole('button', { name: 'Kaydet' }).click();

  await expect(form.getByText('Böyle bir tarih yok: 30.02.2024.')).toBeVisible();
  await expect(form.getByText('Kütük no PP-NNN-NNN biçiminde olmalı (PP: 01–81 il plaka kodu).')).toBeVisible();
  await expect(form.getByText('Vergi kimlik numarası geçersiz (10 hane, kontrol hanesi tutmuyor).')).toBeVisible();
  await expect(form.getByText('İlçe seçin.')).toBeVisible();
  await expect(form.getByRole('textbox', { name: 'Kuruluş tarihi' })).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByRole('textbox', { name: 'Vergi kimlik no' })).toHaveAttribute('aria-invalid', 'true');
  await snap(page, 'registry-form-errors');
  expect((await arrange(kopru, 'registry:search', {})).total).toBe(0);

  // A real date and a district: now the server refuses the identifiers, on the same fields.
  await form.getByRole('textbox', { name: 'Kuruluş tarihi' }).fill('29.02.2024');
  await form.getByRole('combobox', { name: 'İlçe' }).fill('mamak');
  await page.getByRole('option', { name: 'Mamak' }).click();
  await form.getByRole('textbox', { name: 'Kuruluş tarihi' }).fill('1.2.24');
  await form.getByRole('button', { name: 'Kaydet' }).click();
  await expect(form.getByText('Tarihi GG.AA.YYYY biçiminde yazın (örnek: 15.03.2026).')).toBeVisible();
  await form.getByRole('textbox', { name: 'Kuruluş tarihi' }).fill('29.02.2024');
  await form.getByRole('button', { name: 'Kaydet' }).click();
  await expect(form.getByText('Kütük no PP-NNN-NNN biçiminde olmalı (PP: 01–81 il plaka kodu).')).toBeVisible();
  await expect(form.getByText('Vergi kimlik numarası geçersiz (10 hane, kontrol hanesi tutmuyor).')).toBeVisible();
  await expect(form.getByText('Böyle bir tarih yok', { exact: false })).toHaveCount(0);
  expect((await arrange(kopru, 'registry:search', {})).total).toBe(0);

  await form.getByRole('textbox', { name: 'DERBİS kütük no' }).fill('06-123-456');
  await form.getByRole('textbox', { name: 'Vergi kimlik no' }).fill('4540536920');
  await form.getByRole('button', { name: 'Kaydet' }).click();
  await expect(page.getByTestId('association-state')).toHaveText('Taslak');
  const saved = await arrange(kopru, 'registry:search', {});
  expect(saved.items).toMatchObject([{ name: 'Mamak Umut Gençlik Kulübü Derneği', kutukNo: '06-123-456', vkn: '4540536920' }]);
  expect((await arrange(kopru, 'registry:get', { id: saved.items[0]!.id })).foundedOn).toBe('2024-02-29');
});

test('people: TC Kimlik No is masked, revealed only with a purpose, checked on entry, and shared membership is shown', async ({ page, kopru }) => {
  await setupProvince(kopru, '06');
  const districtId = await districtIdOf(kopru, '06', 'Çankaya');
  const first = await arrange(kopru, 'registry:create', { name: 'Çankaya Yıldız Gençlik Kulübü Derneği', clubType: 'GENCLIK_KULUBU', districtId });
  const second = await arrange(kopru, 'registry:create', { name: 'Çankaya Dostluk Gençlik Kulübü Derneği', clubType: 'GENCLIK_KULUBU', districtId });
  for (const a of [first, second]) {
    await arrange(kopru, 'registry:savePerson', { associationId: a.id, kind: 'YONETIM', membership: 'ASIL', role: 'Başkan', fullName: 'Ayşe Işıkçı', tcKimlikNo: '10000000146' });
  }

  await page.goto(`${kopru.harness.url}#/registry/${first.id}/people`);
  const board = page.getByTestId('people-YONETIM');
  const ayse = board.getByRole('row').filter({ hasText: 'Ayşe Işıkçı' });
  await expect(ayse.getByTestId('tc-value')).toHaveText('100******46');
  await expect(page.getByText('10000000146')).toHaveCount(0);
  await expect(ayse).toContainText('Bu kişi şu derneklerde de kayıtlı: Çankaya Dostluk Gençlik Kulübü Derneği');

  await ayse.getByRole('button', { name: 'Ayşe Işıkçı için TC Kimlik No’yu göster' }).click();
  const reveal = page.getByRole('dialog', { name: 'TC Kimlik No’yu göster' });
  await expect(reveal).toContainText('Her görüntüleme kim, ne zaman ve hangi gerekçeyle yapıldığıyla birlikte kayıt altına alınır.');
  await reveal.getByRole('button', { name: 'Göster' }).click();
  await expect(reveal.getByText('Görüntüleme gerekçesini yazın.')).toBeVisible();
  await expect(ayse.getByTestId('tc-value')).toHaveText('100******46');
  await reveal.getByRole('textbox', { name: 'Görüntüleme gerekçesi' }).fill('Tescil dosyası kontrolü');
  await reveal.getByRole('button', { name: 'Göster' }).click();
  await expect(reveal).toBeHidden();
  await expect(ayse.getByTestId('tc-value')).toHaveText('10000000146');
  await expect(page.getByText('TC Kimlik No görüntülemesi kayıt altına alındı.')).toBeVisible();
  await ayse.getByRole('button', { name: 'Gizle' }).click();
  await expect(ayse.getByTestId('tc-value')).toHaveText('100******46');

  // Adding a person: a TC Kimlik No that fails its check digits is refused on the field.
  await page.getByRole('button', { name: 'Kişi ekle' }).click();
  const form = page.getByRole('dialog', { name: 'Kişi ekle' });
  await form.getByRole('combobox', { name: 'Görevi' }).click();
  await page.getByRole('option', { name: 'Gençlik lideri' }).click();
  await form.getByRole('textbox', { name: 'Ad soyad' }).fill('Oğuz Çelik');
  await form.getByRole('textbox', { name: 'TC Kimlik No' }).fill('17291716050');
  await form.getByRole('textbox', { name: 'Görev başlangıcı' }).fill('01.03.2026');
  await form.getByRole('textbox', { name: 'Görev bitişi' }).fill('31.04.2027');
  await form.getByRole('button', { name: 'Kaydet' }).click();
  await expect(form.getByText('Böyle bir tarih yok: 31.04.2027.')).toBeVisible();
  await form.getByRole('textbox', { name: 'Görev bitişi' }).fill('01.03.2027');
  await form.getByRole('button', { name: 'Kaydet' }).click();
  await expect(form.getByText('TC Kimlik No geçersiz (11 hane, kontrol haneleri tutmuyor).')).toBeVisible();
  await form.getByRole('textbox', { name: 'TC Kimlik No' }).fill('17291716060');
  await form.getByRole('button', { name: 'Kaydet' }).click();
  await expect(form).toBeHidden();
  const leader = page.getByTestId('people-LIDER').getByRole('row').filter({ hasText: 'Oğuz Çelik' });
  await expect(leader.getByTestId('tc-value')).toHaveText('172******60');
  await expect(leader).toContainText('01.03.2026 – 01.03.2027');
  await dismissToasts(page);
  await snap(page, 'registry-association-people');

  // Editing without retyping the number keeps it.
  await leader.getByRole('button', { name: 'Oğuz Çelik kaydını düzenle' }).click();
  const edit = page.getByRole('dialog', { name: 'Kişiyi düzenle' });
  await expect(edit.getByRole('textbox', { name: 'TC Kimlik No' })).toHaveValue('');
  await expect(edit.getByRole('textbox', { name: 'TC Kimlik No' })).toHaveAttribute('placeholder', '172******60');
  await edit.getByRole('textbox', { name: 'Meslek' }).fill('Öğretmen');
  await edit.getByRole('button', { name: 'Kaydet' }).click();
  await expect(edit).toBeHidden();
  await expect(leader.getByTestId('tc-value')).toHaveText('172******60');
  await expect(leader).toContainText('Öğretmen');
});

test('a youth-centre installation reads the registry but records nothing', async ({ page, kopru }) => {
  await arrange(kopru, 'installation:setup', { admin: TEST_ADMIN, role: 'youth-center', provincePlate: '06', name: 'Çankaya Gençlik Merkezi', districtName: 'Çankaya' });
  await page.goto(`${kopru.harness.url}#/registry`);
  await expect(page.getByRole('heading', { name: 'Dernek Sicili' })).toBeVisible();
  await expect(page.getByText('Sicilde henüz dernek yok.', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Yeni dernek' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Tablodan içe aktar' })).toHaveCount(0);
  await page.goto(`${kopru.harness.url}#/registry/import`);
  await expect(page.getByRole('heading', { name: 'Tablodan içe aktar' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Dernek Sicili' })).toBeVisible();
});
