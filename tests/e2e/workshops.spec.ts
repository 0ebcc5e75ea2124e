import fs from 'node:fs';
import { pdfText } from '../documents/pdfText';
import { arrange, dismissToasts, expect, saveFromPreview, setupMinistry, snap, test } from './fixtures';

// The ministry records a regional workshop, pastes its participants from Excel (a bad row is named and nothing
// is saved until it is fixed), and prints the programme.

test.describe.configure({ timeout: 180_000 });

test('create a workshop, paste participants from Excel, print the programme', async ({ page, kopru }) => {
  await setupMinistry(kopru);
  await page.setViewportSize({ width: 1360, height: 900 });
  await page.goto(`${kopru.harness.url}#/workshops`);
  await expect(page.getByText('Henüz kayıtlı çalıştay ya da zirve yok.')).toBeVisible();
  await snap(page, 'workshops-empty');

  await page.getByRole('button', { name: 'Yeni çalıştay / zirve' }).click();
  const form = page.getByRole('dialog', { name: 'Yeni çalıştay / zirve' });
  await form.getByRole('textbox', { name: 'Başlık' }).fill('Doğu Anadolu Bölge Çalıştayı');
  await form.getByRole('combobox', { name: 'Bölge' }).click();
  await page.getByRole('option', { name: 'Doğu Anadolu', exact: true }).click();
  await form.getByRole('combobox', { name: 'Ev sahibi il' }).fill('izmir');
  await page.getByRole('option', { name: '35 — İzmir' }).click();
  await form.getByRole('textbox', { name: 'Başlangıç' }).fill('14.05.2026');
  await form.getByRole('textbox', { name: 'Bitiş' }).fill('15.05.2026');
  await form.getByRole('textbox', { name: 'Yer' }).fill('Erzurum Gençlik Merkezi konferans salonu');
  await form.getByRole('textbox', { name: 'Program' }).fill('09:30 Açılış ve protokol konuşmaları\n10:15 Gençlik politikaları ve STK’lar oturumu\n14:00 Atölye çalışmaları');
  await form.getByRole('button', { name: 'Kaydet' }).click();
  // The host province must be in the region: named at the field before anything is sent (the server checks it too).
  await expect(form.getByText('İzmir Ege Bölgesi\'nde; ev sahibi il Doğu Anadolu Bölgesi\'nden olmalı.')).toBeVisible();
  await snap(page, 'workshops-form-error');
  expect(await arrange(kopru, 'workshops:list', {})).toHaveLength(0);

  await form.getByRole('combobox', { name: 'Ev sahibi il' }).fill('erzurum');
  await page.getByRole('option', { name: '25 — Erzurum' }).click();
  await form.getByRole('button', { name: 'Kaydet' }).click();
  await expect(page.getByRole('heading', { name: 'Doğu Anadolu Bölge Çalıştayı' })).toBeVisible();
  await expect(page).toHaveURL(/#\/workshops\/[0-9a-f-]{36}$/);

  // Paste from Excel: row 3 has a province that does not exist — named, nothing sent.
  await page.getByRole('button', { name: 'Katılımcı ekle' }).click();
  const paste = page.getByRole('dialog', { name: 'Katılımcı ekle (Excel’den yapıştır)' });
  const rows = [
    'Ad Soyad\tUnvan\tKurum\tİl',
    'Ayşe Yılmaz\tBaşkan\tErzurum Gençlik ve Kültür Derneği\tErzurum',
    'Mehmet Öztürk\tGenel Sekreter\tKars Gönüllüleri Derneği\tKarz',
    'Zeynep Arslan\tÜye\tVan Genç Girişimciler Derneği\t65',
    'Can Işık\tKoordinatör\tAğrı Dağı Gençlik Kulübü\tağrı',
  ];
  await paste.getByRole('textbox', { name: 'Yapıştırılan satırlar' }).fill(rows.join('\n'));
  await expect(paste.getByTestId('paste-errors')).toContainText('3. satır: “Karz” bir il adı ya da plaka değil.');
  await expect(paste.getByRole('button', { name: '4 katılımcıyı ekle' })).toBeDisabled();
  await snap(page, 'workshops-paste-errors');

  rows[2] = 'Mehmet Öztürk\tGenel Sekreter\tKars Gönüllüleri Derneği\tKars';
  await paste.getByRole('textbox', { name: 'Yapıştırılan satırlar' }).fill(rows.join('\n'));
  await expect(paste.getByTestId('paste-errors')).toHaveCount(0);
  await paste.getByRole('button', { name: '4 katılımcıyı ekle' }).click();
  await expect(page.getByTestId('workshop-counts')).toHaveText('4 katılımcı · 4 kurum · 4 il');
  // By province in Turkish order: Ağrı, Erzurum, Kars, Van.
  const table = page.getByTestId('participants-table');
  await expect(table.locator('tbody tr td:first-child')).toHaveText(['Ağrı', 'Erzurum', 'Kars', 'Van']);
  await page.getByRole('textbox', { name: 'Katılımcılarda ara (ad, kurum, unvan)' }).fill('genc girisimci');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table).toContainText('Zeynep Arslan');
  await page.getByRole('textbox', { name: 'Katılımcılarda ara (ad, kurum, unvan)' }).fill('');
  await dismissToasts(page);
  await snap(page, 'workshops-detail');

  const file = await saveFromPreview(page, () => page.getByRole('button', { name: 'Program (PDF)' }).click());
  expect(file.suggestedFilename()).toBe('Doğu Anadolu Bölge Çalıştayı - Program.pdf');
  expect(fs.readFileSync((await file.path())!).subarray(0, 4).toString('latin1')).toBe('%PDF');

  // Name badges for the participants, ten to a sheet: one page for four people, opened in the preview.
  const badges = await saveFromPreview(page, () => page.getByRole('button', { name: 'Yaka kartları (PDF)' }).click());
  const badgeText = pdfText(fs.readFileSync((await badges.path())!)).replace(/\s+/g, ' ');
  for (const name of ['Ayşe Yılmaz', 'Mehmet Öztürk', 'Zeynep Arslan', 'Can Işık']) expect(badgeText).toContain(name);

  await page.getByRole('tab', { name: 'Program' }).click();
  await expect(page.getByText('Gençlik politikaları ve STK’lar oturumu')).toBeVisible();

  await page.goto(`${kopru.harness.url}#/workshops`);
  await expect(page.getByTestId('workshops-table')).toContainText('14.05.2026 – 15.05.2026');
  await snap(page, 'workshops-list');
});
