import { arrange, dismissToasts, expect, setupMinistry, setupProvince, snap, test, type KopruFixture } from './fixtures';

// The directory of CSOs and institutions through its screens: the form with live duplicate checks, the
// diacritic-insensitive search, representatives moving between organisations, the interaction log with
// follow-ups, merging a duplicate, and a spreadsheet import with a per-row report.

test.describe.configure({ timeout: 120_000 });

const VKN = '4540536920';

async function createOrganisation(kopru: KopruFixture, name: string, extra: Record<string, unknown> = {}) {
  return arrange(kopru, 'directory:create', { kind: 'STK', subtype: 'DERNEK', name, provincePlate: '06', ...extra });
}

test('a CSO is created through the form; the same VKN is blocked with a link, a similar name warned; search folds Turkish letters', async ({ page, kopru }) => {
  await setupProvince(kopru, '06');
  await page.goto(`${kopru.harness.url}#/directory`);
  await expect(page.getByTestId('empty-state')).toHaveText('Henüz kurum yok — Yeni kurum ekleyin ya da bir listeyi içe aktarın.');
  await snap(page, 'directory-empty');

  await page.getByRole('button', { name: 'Yeni kurum' }).click();
  const form = page.getByRole('dialog', { name: 'Yeni kurum' });
  await expect(form.getByRole('combobox', { name: 'Kurum türü' })).toHaveValue('Sivil toplum kuruluşu');
  await expect(form.getByRole('combobox', { name: 'Alt tür' })).toHaveValue('Dernek');
  await expect(form.getByRole('combobox', { name: 'İl', exact: true })).toHaveValue('06 — Ankara');
  // A municipality offers the municipal subtypes; a university none.
  await form.getByRole('combobox', { name: 'Kurum türü' }).click();
  await page.getByRole('option', { name: 'Belediye' }).click();
  await form.getByRole('combobox', { name: 'Alt tür' }).click();
  await expect(page.getByRole('option', { name: 'Büyükşehir belediyesi' })).toBeVisible();
  await expect(page.getByRole('option', { name: 'Vakıf' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await form.getByRole('combobox', { name: 'Kurum türü' }).click();
  await page.getByRole('option', { name: 'Sivil toplum kuruluşu' }).click();
  await expect(form.getByRole('combobox', { name: 'Alt tür' })).toHaveValue('Dernek');

  // Too short a name: the server's Turkish message lands on the field and nothing is written.
  await form.getByRole('textbox', { name: 'Kurum adı' }).fill('Ab');
  await form.getByRole('button', { name: 'Kaydet' }).click();
  await expect(form.getByText('Ad en az 3 karakter olmalı.')).toBeVisible();
  expect((await arrange(kopru, 'directory:search', {})).total).toBe(0);

  await form.getByRole('textbox', { name: 'Kurum adı' }).fill('Çankaya Gençlik ve Gelecek Derneği');
  await form.getByRole('textbox', { name: 'Kısa ad' }).fill('ÇGG');
  await form.getByRole('textbox', { name: 'Vergi kimlik no' }).fill(VKN);
  await form.getByRole('combobox', { name: 'İlçe' }).click();
  await form.getByRole('combobox', { name: 'İlçe' }).fill('çankaya');
  await page.getByRole('option', { name: 'Çankaya' }).click();
  await form.getByRole('combobox', { name: 'Faaliyet alanları' }).click();
  await page.getByRole('option', { name: 'Gönüllülük' }).click();
  await page.keyboard.press('Escape');
  await form.getByRole('switch', { name: 'Gençlik odaklı çalışıyor' }).click();
  await form.getByRole('textbox', { name: 'E-posta' }).fill('iletisim@cgg.org.tr');
  await form.getByRole('button', { name: 'Kaydet' }).click();

  const header = page.getByTestId('organisation-page');
  await expect(header.getByRole('heading', { name: /Çankaya Gençlik ve Gelecek Derneği/ })).toBeVisible();
  await expect(page.getByTestId('organisation-kind')).toHaveText('Sivil toplum kuruluşu · Dernek');
  await expect(header).toContainText('Ankara / Çankaya');
  await expect(header).toContainText(VKN);
  await expect(header).toContainText('Gönüllülük');
  const created = (await arrange(kopru, 'directory:search', {})).rows[0]!;
  expect(created).toMatchObject({ name: 'Çankaya Gençlik ve Gelecek Derneği', vkn: VKN, youthFocus: true, activityAreas: ['GONULLULUK'], provincePlate: '06' });
  await dismissToasts(page);

  // A second record: a similar name warns (with a link), the same VKN blocks (with a link) and Save is disabled.
  await page.getByRole('link', { name: '← Kurum listesine dön' }).click();
  await page.getByRole('button', { name: 'Yeni kurum' }).click();
  const second = page.getByRole('dialog', { name: 'Yeni kurum' });
  await second.getByRole('textbox', { name: 'Kurum adı' }).fill('ÇANKAYA GENÇLİK VE GELECEK');
  const similar = second.getByTestId('duplicate-similar');
  await expect(similar).toContainText('Benzer adlı kurumlar var');
  await expect(similar.getByRole('link', { name: 'Çankaya Gençlik ve Gelecek Derneği' })).toHaveAttribute('href', `#/directory/${created.id}`);
  await expect(second.getByRole('button', { name: 'Kaydet' })).toBeEnabled();
  await second.getByRole('textbox', { name: 'Vergi kimlik no' }).fill(VKN);
  const blocking = second.getByTestId('duplicate-blocking');
  await expect(blocking).toContainText('Aynı vergi kimlik no: Çankaya Gençlik ve Gelecek Derneği (Ankara)');
  await expect(blocking.getByRole('link', { name: 'Kaydı aç' })).toHaveAttribute('href', `#/directory/${created.id}`);
  await expect(second.getByRole('button', { name: 'Kaydet' })).toBeDisabled();
  await expect(second).toContainText('Aynı kimlik numarasıyla ikinci kayıt açılamaz.');
  await snap(page, 'directory-form-duplicate');
  await blocking.getByRole('link', { name: 'Kaydı aç' }).click();
  await expect(page.getByTestId('organisation-page')).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#/directory/${created.id}$`));
  expect((await arrange(kopru, 'directory:search', {})).total).toBe(1);

  // Search is folded on the server: "genclik" finds "Gençlik", "CANKAYA" finds "Çankaya".
  await createOrganisation(kopru, 'Keçiören Spor Kulübü Derneği');
  await arrange(kopru, 'directory:create', { kind: 'BELEDIYE', subtype: 'ILCE_BELEDIYESI', name: 'Yenimahalle Belediyesi', provincePlate: '06' });
  // Arranged behind the screen's back: a reload reads them (the list is cached for a few seconds).
  await page.goto(`${kopru.harness.url}#/directory`);
  await page.reload();
  await expect(page.getByTestId('directory-total')).toHaveText('3 kurum');
  const table = page.getByTestId('directory-table');
  // Turkish order: Ç after C, before K.
  await expect(table.getByRole('link')).toHaveText(['Çankaya Gençlik ve Gelecek Derneği', 'Keçiören Spor Kulübü Derneği', 'Yenimahalle Belediyesi']);
  await expect(table.getByRole('row').nth(1)).toContainText('Sivil toplum kuruluşu · Dernek');
  await expect(table.getByRole('row').nth(1)).toContainText('Ankara / Çankaya');
  await snap(page, 'directory-list');
  await page.getByRole('searchbox', { name: 'Ara' }).fill('genclik');
  await expect(page.getByTestId('directory-total')).toHaveText('1 kurum');
  await expect(table.getByRole('link')).toHaveText(['Çankaya Gençlik ve Gelecek Derneği']);
  await page.getByRole('searchbox', { name: 'Ara' }).fill('');
  await expect(page.getByTestId('directory-total')).toHaveText('3 kurum');
  await page.getByRole('combobox', { name: 'Kurum türü' }).click();
  await page.getByRole('option', { name: 'Belediye' }).click();
  await expect(table.getByRole('link')).toHaveText(['Yenimahalle Belediyesi']);
  await page.getByRole('combobox', { name: 'Alt tür' }).click();
  await page.getByRole('option', { name: 'Büyükşehir belediyesi' }).click();
  await expect(page.getByTestId('empty-state')).toHaveText('Aramanıza ya da filtrelere uyan kurum yok.');
});

test('a representative is added, then moved to another organisation; the history shows where they were', async ({ page, kopru }) => {
  await setupProvince(kopru, '06');
  const first = await createOrganisation(kopru, 'Mamak Umut Gençlik Derneği');
  const other = await createOrganisation(kopru, 'Etimesgut Dostluk Vakfı', { subtype: 'VAKIF' });

  await page.goto(`${kopru.harness.url}#/directory/${first.id}/contacts`);
  await expect(page.getByTestId('empty-state')).toHaveText('Bu kurum için kayıtlı temsilci yok.');
  await page.getByRole('button', { name: 'Temsilci ekle' }).click();
  const add = page.getByRole('dialog', { name: 'Yeni temsilci' });
  await add.getByRole('textbox', { name: 'Ad soyad' }).fill('Ay');
  await add.getByRole('button', { name: 'Kaydet' }).click();
  await expect(add.getByText('Ad soyad en az 3 karakter olmalı.')).toBeVisible();
  await add.getByRole('textbox', { name: 'Ad soyad' }).fill('Ayşe Işık');
  await add.getByRole('textbox', { name: 'Unvan' }).fill('Yönetim kurulu başkanı');
  await add.getByRole('textbox', { name: 'Telefon' }).fill('0532 555 12 34');
  await add.getByRole('button', { name: 'Kaydet' }).click();
  await expect(add).toBeHidden();
  const contacts = page.getByTestId('organisation-contacts');
  await expect(contacts.getByRole('row').filter({ hasText: 'Ayşe Işık' })).toContainText('Yönetim kurulu başkanı');
  await expect(contacts.getByRole('row').filter({ hasText: 'Ayşe Işık' })).toContainText('0 (532) 555 12 34');
  await expect(page.getByRole('tab', { name: 'Temsilciler (1)' })).toBeVisible();
  await dismissToasts(page);

  // She moves to the foundation: chosen by typing part of its name without Turkish letters.
  await page.getByRole('button', { name: 'Ayşe Işık kişisini düzenle' }).click();
  const edit = page.getByRole('dialog', { name: 'Temsilciyi düzenle' });
  await edit.getByRole('textbox', { name: 'Unvan' }).fill('Genel sekreter');
  await edit.getByRole('combobox', { name: 'Kurum' }).fill('dostluk');
  await page.getByRole('option', { name: 'Etimesgut Dostluk Vakfı' }).click();
  await edit.getByRole('button', { name: 'Kaydet' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByText('Ayşe Işık “Etimesgut Dostluk Vakfı” kurumuna taşındı.')).toBeVisible();
  await expect(page.getByTestId('empty-state')).toHaveText('Bu kurum için kayıtlı temsilci yok.');

  await page.goto(`${kopru.harness.url}#/directory/${other.id}/contacts`);
  const row = page.getByTestId('organisation-contacts').getByRole('row').filter({ hasText: 'Ayşe Işık' });
  await expect(row).toContainText('Genel sekreter');
  const history = row.getByTestId('contact-history');
  await expect(history).toContainText('Önceki kurumları');
  await expect(history).toContainText('Mamak Umut Gençlik Derneği (Yönetim kurulu başkanı)');
  await expect(history.getByRole('link', { name: 'Mamak Umut Gençlik Derneği' })).toHaveAttribute('href', `#/directory/${first.id}`);
  await dismissToasts(page);
  await snap(page, 'directory-detail-contacts');
});

test('an interaction is logged with a follow-up; overdue shows red in the follow-ups until it is marked done', async ({ page, kopru }) => {
  await setupProvince(kopru, '06');
  const o = await createOrganisation(kopru, 'Polatlı Gençlik ve Kültür Derneği');
  await page.goto(`${kopru.harness.url}#/directory/${o.id}/interactions`);
  await page.getByRole('button', { name: 'Görüşme ekle' }).click();
  const form = page.getByRole('dialog', { name: 'Yeni görüşme' });
  await form.getByRole('combobox', { name: 'Tür' }).click();
  await page.getByRole('option', { name: 'Resmî yazı' }).click();
  await form.getByRole('textbox', { name: 'Tarih', exact: true }).fill('02.03.2026');
  await form.getByRole('textbox', { name: 'Konu' }).fill('Gençlik merkezinde ortak etkinlik önerisi');
  await form.getByRole('textbox', { name: 'Yazı tarihi' }).fill('31.02.2026');
  await form.getByRole('textbox', { name: 'Yazı sayısı' }).fill('E-12345678-010.99-42');
  await form.getByRole('textbox', { name: 'Takip işi', exact: true }).fill('Etkinlik takvimini iste');
  await form.getByRole('textbox', { name: 'Takip son tarihi' }).fill('15.04.2026');
  await form.getByRole('button', { name: 'Kaydet' }).click();
  await expect(form.getByText('Böyle bir tarih yok: 31.02.2026.')).toBeVisible();
  expect((await arrange(kopru, 'directory:get', { id: o.id })).interactions).toHaveLength(0);
  await form.getByRole('textbox', { name: 'Yazı tarihi' }).fill('27.02.2026');
  await form.getByRole('button', { name: 'Kaydet' }).click();
  await expect(form).toBeHidden();

  const log = page.getByTestId('organisation-interactions');
  const row = log.getByRole('row').filter({ hasText: 'Gençlik merkezinde ortak etkinlik önerisi' });
  await expect(row).toContainText('02.03.2026');
  await expect(row).toContainText('Resmî yazı');
  await expect(row).toContainText('Yazı: 27.02.2026 tarih, E-12345678-010.99-42 sayı');
  await expect(row).toContainText('Son tarih 15.04.2026');
  await expect(row.getByTestId('overdue')).toHaveText('Gecikti');
  await dismissToasts(page);
  await snap(page, 'directory-detail-interactions');

  await page.getByRole('link', { name: '← Kurum listesine dön' }).click();
  await page.getByRole('link', { name: 'Takip işleri' }).click();
  const followUps = page.getByTestId('follow-ups');
  const task = followUps.getByRole('row').filter({ hasText: 'Etkinlik takvimini iste' });
  await expect(task).toContainText('15.04.2026');
  await expect(task).toContainText('Polatlı Gençlik ve Kültür Derneği');
  await expect(task.getByTestId('overdue')).toBeVisible();
  await expect(task.getByText('15.04.2026')).toHaveCSS('color', 'rgb(224, 49, 49)');
  await snap(page, 'directory-follow-ups');
  await task.getByRole('button', { name: '“Etkinlik takvimini iste” işini tamamlandı olarak işaretle' }).click();
  await expect(page.getByTestId('empty-state')).toHaveText('Açık takip işi yok.');
  const stored = (await arrange(kopru, 'directory:get', { id: o.id })).interactions[0]!;
  expect(stored).toMatchObject({ kind: 'RESMI_YAZI', onDate: '2026-03-02', letterDate: '2026-02-27', followUpDue: '2026-04-15', overdue: false });
  expect(stored.followUpDoneOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
});

test('a duplicate is merged into the kept record: its representatives move and the other record redirects', async ({ page, kopru }) => {
  await setupProvince(kopru, '06');
  const keep = await createOrganisation(kopru, 'Sincan Gençlik Derneği', { vkn: VKN });
  const dup = await createOrganisation(kopru, 'SİNCAN GENÇLİK DER.');
  await arrange(kopru, 'directory:saveContact', { organisationId: dup.id, fullName: 'Mehmet Öztürk', title: 'Başkan' });
  await arrange(kopru, 'directory:saveRelation', { organisationId: dup.id, relationType: 'PROTOKOL', startOn: '2025-01-01', endOn: null });

  await page.goto(`${kopru.harness.url}#/directory/${keep.id}`);
  await page.getByRole('button', { name: 'Birleştir' }).click();
  const dialog = page.getByRole('dialog', { name: 'Mükerrer kaydı birleştir' });
  await expect(dialog).toContainText('“Sincan Gençlik Derneği” kaydı kalır.');
  await expect(dialog).toContainText('diğer kaydı açan herkes buraya yönlendirilir');
  await expect(dialog.getByRole('button', { name: 'Birleştir' })).toBeDisabled();
  await dialog.getByRole('combobox', { name: 'Birleştirilecek (mükerrer) kayıt' }).fill('sincan');
  // The record itself is never offered.
  await expect(page.getByRole('option')).toHaveText(['SİNCAN GENÇLİK DER.']);
  await page.getByRole('option', { name: 'SİNCAN GENÇLİK DER.' }).click();
  const compare = dialog.getByTestId('merge-compare');
  await expect(compare).toContainText('Kalacak kayıt');
  await expect(compare).toContainText('Mehmet Öztürk');
  await snap(page, 'directory-merge');
  await dialog.getByRole('button', { name: 'Birleştir' }).click();
  await expect(dialog).toBeHidden();

  await expect(page).toHaveURL(new RegExp(`#/directory/${keep.id}/contacts$`));
  await expect(page.getByTestId('organisation-contacts')).toContainText('Mehmet Öztürk');
  await expect(page.getByTestId('merged-from')).toHaveText('“SİNCAN GENÇLİK DER.” kaydı bu kayıtla birleştirildi.');
  await page.getByRole('tab', { name: /İlişkiler/ }).click();
  await expect(page.getByTestId('organisation-relations')).toContainText('Protokol ortağı');
  await expect(page.getByTestId('organisation-relations')).toContainText('Sürüyor');

  // A relation of this unit through the form: an end before the start is refused on the field, nothing sent.
  await page.getByRole('button', { name: 'İlişki ekle' }).click();
  const relation = page.getByRole('dialog', { name: 'Yeni ilişki' });
  await relation.getByRole('combobox', { name: 'İlişki türü' }).click();
  await page.getByRole('option', { name: 'Danışma kurulu üyesi' }).click();
  await relation.getByRole('textbox', { name: 'Başlangıç' }).fill('01.09.2024');
  await relation.getByRole('textbox', { name: 'Bitiş' }).fill('30.06.2024');
  await relation.getByRole('button', { name: 'Kaydet' }).click();
  await expect(relation.getByText('Bitiş tarihi başlangıçtan önce olamaz.')).toBeVisible();
  await relation.getByRole('textbox', { name: 'Bitiş' }).fill('30.06.2025');
  await relation.getByRole('button', { name: 'Kaydet' }).click();
  await expect(relation).toBeHidden();
  const ended = page.getByTestId('organisation-relations').getByRole('row').filter({ hasText: 'Danışma kurulu üyesi' });
  await expect(ended).toContainText('01.09.2024 – 30.06.2025');
  await expect(ended).toContainText('Sona erdi');
  await dismissToasts(page);
  await snap(page, 'directory-detail-relations');

  // The merged record's address opens the kept one.
  await page.goto(`${kopru.harness.url}#/directory/${dup.id}`);
  await expect(page.getByRole('heading', { name: 'Sincan Gençlik Derneği' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#/directory/${keep.id}$`));
  expect((await arrange(kopru, 'directory:search', {})).total).toBe(1);
});

test('a CSV list is imported: the dry run names the invalid row and field, apply writes the valid rows', async ({ page, kopru }) => {
  await setupProvince(kopru, '06');
  await createOrganisation(kopru, 'Altındağ Gönüllüler Derneği', { vkn: VKN });
  const csv = [
    'Kurum adı,Tür,İl,İlçe,Vergi kimlik no,Temsilci ad soyad',
    'Keçiören Gençlik Kulübü Derneği,Dernek,Ankara,Keçiören,,Zeynep Çelik',
    'Altındağ Gönüllüler Derneği,Dernek,Ankara,Altındağ,4540536920,',
    'Ankara Üniversitesi,Üniversite,Ankara,Çankaya,,',
    'Bozuk Satır Derneği,Dernek,Atlantis,,,',
  ].join('\n');
  await page.goto(`${kopru.harness.url}#/directory`);
  await page.getByRole('link', { name: 'İçe aktar' }).click();
  await expect(page.getByRole('heading', { name: 'Kurum listesini içe aktar' })).toBeVisible();
  await page.locator('input[type=file]').setInputFiles({ name: 'stk-listesi.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.getByRole('button', { name: 'İleri' }).click();

  const mapping = page.getByTestId('import-mapping');
  await expect(mapping.getByRole('combobox', { name: 'Kurum adı' })).toHaveValue('Kurum adı');
  await expect(mapping.getByRole('combobox', { name: 'İl', exact: true })).toHaveValue('İl');
  await page.getByRole('button', { name: 'Önizle', exact: true }).click();

  const totals = page.getByTestId('import-totals');
  await expect(totals.getByLabel('Yeni: 2')).toBeVisible();
  await expect(totals.getByLabel('Mükerrer (atlanacak): 1')).toBeVisible();
  await expect(totals.getByLabel('Hatalı: 1')).toBeVisible();
  const rows = page.getByTestId('import-rows');
  const bad = rows.getByRole('row').filter({ hasText: 'Bozuk Satır Derneği' });
  await expect(bad.getByRole('cell').first()).toHaveText('5');
  await expect(bad).toContainText('Hatalı');
  await expect(bad).toContainText('İl: "Atlantis" diye bir il yok');
  expect((await arrange(kopru, 'directory:search', {})).total).toBe(1);
  await snap(page, 'directory-import-report');

  await page.getByRole('button', { name: 'İçe aktar', exact: true }).click();
  const result = page.getByTestId('import-result');
  await expect(result).toContainText('2 yeni kurum eklendi, 0 kurum güncellendi; 2 satır atlandı.');
  const after = await arrange(kopru, 'directory:search', {});
  expect(after.rows.map((r) => r.name)).toEqual(['Altındağ Gönüllüler Derneği', 'Ankara Üniversitesi', 'Keçiören Gençlik Kulübü Derneği']);
  expect(after.rows.find((r) => r.name === 'Ankara Üniversitesi')).toMatchObject({ kind: 'UNIVERSITE', subtype: null });
  expect(after.rows.find((r) => r.name === 'Keçiören Gençlik Kulübü Derneği')).toMatchObject({ contactCount: 1 });
  await result.getByRole('button', { name: 'Kurum listesine dön' }).click();
  await expect(page.getByTestId('directory-total')).toHaveText('3 kurum');
});

test('the ministry sees every province; the list reads 100 rows a page and "Daha fazla göster" the rest', async ({ page, kopru }) => {
  await setupMinistry(kopru);
  const provinces = ['06', '34', '35'];
  for (let i = 1; i <= 105; i++) {
    await createOrganisation(kopru, `Örnek Gençlik Derneği ${String(i).padStart(3, '0')}`, { provincePlate: provinces[i % 3] });
  }
  await page.goto(`${kopru.harness.url}#/directory`);
  await expect(page.getByTestId('directory-total')).toHaveText('105 kurum');
  await expect(page.getByRole('combobox', { name: 'İl', exact: true })).toHaveValue('');
  const links = page.getByTestId('directory-table').getByRole('link');
  await expect(links).toHaveCount(100);
  await expect(page.getByText('100 / 105 gösteriliyor')).toBeVisible();
  await page.getByRole('button', { name: 'Daha fazla göster' }).click();
  await expect(links).toHaveCount(105);
  await expect(links.last()).toHaveText('Örnek Gençlik Derneği 105');
  await expect(page.getByRole('button', { name: 'Daha fazla göster' })).toHaveCount(0);

  // A province chosen: only its records, from the first page again.
  await page.getByRole('combobox', { name: 'İl', exact: true }).fill('izmir');
  await page.getByRole('option', { name: '35 — İzmir' }).click();
  await expect(page.getByTestId('directory-total')).toHaveText('35 kurum');
  await expect(links).toHaveCount(35);
});
