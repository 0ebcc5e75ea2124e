import fs from 'node:fs';
import { unzipSync } from 'fflate';
import { formatDateTr } from '../../shared/turkish';
import { pdfText } from '../documents/pdfText';
import { arrange, dismissToasts, districtIdOf, expect, setupProvince, snap, test, turkeyToday } from './fixtures';

// Official documents through the screens (issue #18): the unit's letterhead in Settings, the EBYS sayı recorded
// on the invitation and checked against the unit's DETSİS number, and attendance entered back from the printed
// sheet's list code and row numbers.

test.describe.configure({ timeout: 120_000 });

const LETTERHEAD = {
  institution: 'Ankara Valiliği', unitTitle: 'Gençlik ve Spor İl Müdürlüğü', detsisNo: '12345678', address: 'Kızılay Mah. Çankaya/ANKARA',
  phone: null, email: null, kep: null, contact: null, signatoryName: 'Mehmet Işık', signatoryTitle: 'İl Müdürü', signatoryOnBehalfOf: 'Vali',
  fileCodes: { meetingInvitation: '903.07.02' },
};

test('Settings → Official letters: defaults until saved, every error at its field, then the preview shows the signature block', async ({ page, kopru }) => {
  await setupProvince(kopru, '06');
  await page.goto(`${kopru.harness.url}#/settings`);
  const section = page.getByRole('region', { name: 'Resmî yazı' });
  await expect(section.getByTestId('letterhead-defaults')).toBeVisible();
  await expect(section.getByRole('textbox', { name: 'Kurum', exact: true })).toHaveValue('ANKARA VALİLİĞİ');
  await section.getByRole('textbox', { name: 'DETSİS no' }).fill('1234');
  await section.getByRole('textbox', { name: 'Tescil', exact: true }).fill('90307');
  await section.getByRole('textbox', { name: 'Kurum', exact: true }).fill('');
  await section.getByRole('button', { name: 'Resmî yazı bilgilerini kaydet' }).click();
  await expect(section.getByText('DETSİS numarası 8 haneli olmalı.')).toBeVisible();
  await expect(section.getByText('Kurumun adını yazın.')).toBeVisible();
  await expect(section.getByText('Dosya planı kodu 903.07.02 biçiminde olmalı.').first()).toBeVisible();
  expect((await arrange(kopru, 'documents:letterhead', {})).saved).toBe(false);

  await section.getByRole('textbox', { name: 'Kurum', exact: true }).fill('Ankara Valiliği');
  await section.getByRole('textbox', { name: 'DETSİS no' }).fill('12345678');
  await section.getByRole('textbox', { name: 'Tescil', exact: true }).fill('903.07.02');
  await section.getByRole('textbox', { name: 'Toplantı daveti' }).fill('903.07.01');
  await section.getByRole('textbox', { name: 'İmza yetkilisi' }).fill('Mehmet Işık');
  await section.getByRole('textbox', { name: 'Unvanı' }).fill('İl Müdürü');
  await section.getByRole('textbox', { name: 'Adına imza' }).fill('Vali');
  const preview = section.getByTestId('letterhead-preview');
  await expect(preview).toContainText('T.C.ANKARA VALİLİĞİGençlik ve Spor İl Müdürlüğü');
  await expect(preview).toContainText('Sayı : E-12345678-903.07.01-…');
  await expect(preview).toContainText('Mehmet IŞIKVali a.İl Müdürü');
  await section.getByRole('button', { name: 'Resmî yazı bilgilerini kaydet' }).click();
  await expect(page.getByText('Resmî yazı bilgileri kaydedildi.')).toBeVisible();
  await expect(section.getByTestId('letterhead-defaults')).toBeHidden();
  const saved = await arrange(kopru, 'documents:letterhead', {});
  expect([saved.saved, saved.detsisNo, saved.signatoryOnBehalfOf, saved.fileCodes]).toEqual([true, '12345678', 'Vali', { meetingInvitation: '903.07.01', registration: '903.07.02' }]);
  await dismissToasts(page);
  await section.scrollIntoViewIfNeeded();
  await snap(page, 'settings-letterhead');

  await arrange(kopru, 'settings:setLanguage', { language: 'en' });
  await page.reload();
  const english = page.getByRole('region', { name: 'Official letters' });
  await expect(english.getByRole('textbox', { name: 'DETSİS no.' })).toHaveValue('12345678');
  await english.scrollIntoViewIfNeeded();
  await snap(page, 'settings-letterhead-en');
});

test('the invitation’s EBYS sayı is checked against the DETSİS number; attendance comes back from the sheet’s row numbers', async ({ page, kopru }) => {
  await setupProvince(kopru, '06');
  await arrange(kopru, 'documents:saveLetterhead', LETTERHEAD);
  const today = turkeyToday();
  const centre = await arrange(kopru, 'orgUnits:createYouthCentre', { name: 'Çankaya Gençlik Merkezi', districtId: await districtIdOf(kopru, '06', 'Çankaya'), status: 'active' });
  const planned = await arrange(kopru, 'meetings:create', {
    youthCentreId: centre.id, date: today.iso, startTime: '00:00', endTime: '00:30', hall: 'Konferans Salonu', chair: 'Ayşe Yılmaz', rapporteur: 'Mehmet Şahin', agenda: ['Açılış'],
  });
  await arrange(kopru, 'meetings:saveParticipants', {
    meetingId: planned.id,
    participants: [
      { kind: 'STK', fullName: 'Zeynep Çelik', organisationName: 'Işıklı Gençlik Derneği', invited: true },
      { kind: 'STK', fullName: 'Can Ak', organisationName: 'Yeşilay Ankara Şubesi', invited: true },
      { kind: 'UNIVERSITE', fullName: 'Oğuz Işık', organisationName: 'Hacettepe Üniversitesi', invited: true },
    ],
  });

  // The mail merge: one letter per organisation, each a draft waiting for its EBYS sayı.
  const merged = await arrange(kopru, 'meetings:document', { id: planned.id, kind: 'invitations' });
  const letters = pdfText(Buffer.from(merged.contentBase64, 'base64')).replace(/\s+/g, ' ');
  for (const addressee of ['IŞIKLI GENÇLİK DERNEĞİ BAŞKANLIĞINA', 'YEŞİLAY ANKARA ŞUBESİ BAŞKANLIĞINA', 'HACETTEPE ÜNİVERSİTESİ REKTÖRLÜĞÜNE']) expect(letters).toContain(addressee);
  expect(letters.match(/Sayı : \(EBYS tarafından verilecektir\)/g)).toHaveLength(3);

  // The same letters in the print preview, one page each, to print or save.
  await page.goto(`${kopru.harness.url}#/meetings/${planned.id}/invitees`);
  await page.getByRole('button', { name: 'Kurum başına davet yazıları (PDF)' }).click();
  const preview = page.getByTestId('document-preview');
  await expect(preview.getByRole('list', { name: 'Belgenin sayfaları' }).getByRole('img')).toHaveCount(3, { timeout: 20_000 });
  await expect(preview.getByText('Sayfa 1 / 3')).toBeVisible();
  await snap(page, 'meetings-invitations-preview');
  await page.keyboard.press('Escape');
  await expect(preview).toBeHidden();
  // The same letters as separate PDFs, one per organisation, in one ZIP.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Kurum başına davet yazıları (ayrı PDF’ler, ZIP)' }).click();
  const zip = unzipSync(new Uint8Array(fs.readFileSync((await (await downloading).path())!)));
  const files = Object.keys(zip).sort((x, y) => x.localeCompare(y, 'tr'));
  expect(files).toEqual([`Hacettepe Üniversitesi ${today.tr}.pdf`, `Işıklı Gençlik Derneği ${today.tr}.pdf`, `Yeşilay Ankara Şubesi ${today.tr}.pdf`]);
  expect(pdfText(Buffer.from(zip[files[0]!]!)).replace(/\s+/g, ' ')).toContain('HACETTEPE ÜNİVERSİTESİ REKTÖRLÜĞÜNE');
  await dismissToasts(page);

  // Signed in EBYS: the clerk records the sayı it gave. Another unit's number is refused at the field.
  await page.getByRole('button', { name: 'Davet gönderildi olarak işaretle' }).click();
  const invite = page.getByRole('dialog', { name: 'Davet gönderildi olarak işaretle' });
  await invite.getByRole('textbox', { name: 'Evrak sayısı' }).fill('E-67915368-903.07.01-4752');
  await invite.getByRole('button', { name: 'Davet gönderildi olarak işaretle' }).click();
  await expect(invite.getByText('Bu EBYS sayısı başka bir birimin (67915368); Ankara Gençlik ve Spor İl Müdürlüğü biriminin DETSİS numarası 12345678.', { exact: false })).toBeVisible();
  expect((await arrange(kopru, 'meetings:get', { id: planned.id })).state).toBe('PLANLANDI');
  await snap(page, 'meetings-invite-ebys-refused');
  await invite.getByRole('textbox', { name: 'Evrak sayısı' }).fill('E-12345678-903.07.01-4752');
  await invite.getByRole('button', { name: 'Davet gönderildi olarak işaretle' }).click();
  await expect(page.getByTestId('meeting-state')).toHaveText('Davet gönderildi');
  await page.getByRole('button', { name: 'Toplantı yapıldı' }).click();
  await page.getByRole('dialog', { name: 'Toplantı yapıldı' }).getByRole('button', { name: 'Toplantı yapıldı' }).click();
  await expect(page.getByTestId('meeting-state')).toHaveText('Yapıldı');

  // The printed sheet: its code and numbered rows (STK first, then universities; Turkish order within).
  const sheet = await arrange(kopru, 'meetings:document', { id: planned.id, kind: 'attendanceSheet' });
  const sheetText = pdfText(Buffer.from(sheet.contentBase64, 'base64')).replace(/\s+/g, ' ');
  const code = /Liste kodu: ([0-9A-Z]{6}-[0-9A-Z]{5})/.exec(sheetText)![1]!;
  expect(sheetText).toContain('1 Can Ak');
  expect(sheetText).toContain('2 Zeynep Çelik');
  expect(sheetText).toContain('3 Oğuz Işık');

  await page.getByRole('tab', { name: 'Katılım' }).click();
  await page.getByRole('button', { name: 'Hazirundan katılım gir' }).click();
  const dialog = page.getByRole('dialog', { name: 'İmzalı hazirun listesinden katılım' });
  await dialog.getByRole('textbox', { name: 'Liste kodu' }).fill('ABCDEF-12345');
  await dialog.getByRole('textbox', { name: 'İmzalı satırlar' }).fill('1, 3, 9');
  await dialog.getByRole('button', { name: 'Katılımı işaretle' }).click();
  await expect(dialog.getByText('Liste kodu ABCDEF-12345 bu toplantının değil.', { exact: false })).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Liste kodu' }).fill(code.toLowerCase());
  await dialog.getByRole('button', { name: 'Katılımı işaretle' }).click();
  await expect(dialog.getByText('9 numaralı satır listede yok (listede 3 davetli var).')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'İmzalı satırlar' }).fill('1, 3');
  await snap(page, 'meetings-sheet-attendance');
  await dialog.getByRole('button', { name: 'Katılımı işaretle' }).click();
  await expect(page.getByText('2 kişi katıldı olarak işaretlendi; 0 kişi zaten işaretliydi.')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Can Ak katıldı' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Oğuz Işık katıldı' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Zeynep Çelik katıldı' })).not.toBeChecked();

  // The same sheet again changes nothing.
  await page.getByRole('button', { name: 'Hazirundan katılım gir' }).click();
  await dialog.getByRole('textbox', { name: 'Liste kodu' }).fill(code);
  await dialog.getByRole('textbox', { name: 'İmzalı satırlar' }).fill('3 1');
  await dialog.getByRole('button', { name: 'Katılımı işaretle' }).click();
  await expect(page.getByText('0 kişi katıldı olarak işaretlendi; 2 kişi zaten işaretliydi.')).toBeVisible();
  const held = await arrange(kopru, 'meetings:get', { id: planned.id });
  expect(held.attended).toBe(2);
  expect([held.letterNo, formatDateTr(held.letterDate)]).toEqual(['E-12345678-903.07.01-4752', today.tr]);
});

test('a step’s EBYS letter recorded afterwards: the sayı checked, the signed PDF attached and opened, the old number kept in the history', async ({ page, kopru }) => {
  await setupProvince(kopru, '06');
  await arrange(kopru, 'documents:saveLetterhead', { ...LETTERHEAD, fileCodes: { registration: '903.07.02' } });
  const today = turkeyToday();
  const created = await arrange(kopru, 'registry:create', {
    name: 'Çankaya Işıklı Gençlik Kulübü Derneği', clubType: 'GENCLIK_KULUBU', districtId: await districtIdOf(kopru, '06', 'Çankaya'), activityAreas: ['SPOR'],
  });
  await arrange(kopru, 'registry:transition', { id: created.id, action: 'logApplication', letterDate: today.iso, letterNo: 'Dilekçe 2026/118' });
  const logged = await arrange(kopru, 'registry:get', { id: created.id });
  for (const d of logged.documents.filter((x) => x.step === 'TESCIL' && x.mandatory)) {
    await arrange(kopru, 'registry:setDocument', { associationId: created.id, step: 'TESCIL', itemKey: d.itemKey, received: true, receivedOn: today.iso });
  }
  await arrange(kopru, 'registry:transition', { id: created.id, action: 'sendForApproval', letterDate: today.iso, letterNo: 'E-12345678-903.07.02-88' });
  // A real PDF stands for the e-signed copy downloaded from EBYS.
  const signed = await arrange(kopru, 'registry:document', { id: created.id, kind: 'summary' });

  await page.goto(`${kopru.harness.url}#/registry/${created.id}`);
  await page.getByRole('tab', { name: 'Tarihçe' }).click();
  const history = page.getByTestId('history');
  // The association's own application letter and the province's letter are both the province's to record.
  await page.getByRole('button', { name: 'Yazıyı düzelt / imzalı nüsha ekle: Onaya gönder' }).click();
  const dialog = page.getByRole('dialog', { name: /Yazıyı düzelt \/ imzalı nüsha ekle — Onaya gönder/ });
  await expect(dialog.getByRole('textbox', { name: 'Evrak sayısı' })).toHaveValue('E-12345678-903.07.02-88');
  await dialog.getByRole('textbox', { name: 'Evrak sayısı' }).fill('E-67915368-903.07.02-90');
  await dialog.getByRole('button', { name: 'Kaydet' }).click();
  await expect(dialog.getByText('Bu EBYS sayısı başka bir birimin (67915368)', { exact: false })).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Evrak sayısı' }).fill('E-12345678-903.07.02-90');
  await dialog.locator('input[type="file"]').setInputFiles({ name: 'onaya-gonderme-yazisi.pdf', mimeType: 'application/pdf', buffer: Buffer.from(signed.contentBase64, 'base64') });
  await snap(page, 'registry-step-letter');
  await dialog.getByRole('button', { name: 'Kaydet' }).click();
  await expect(dialog).toBeHidden();
  await expect(history).toContainText(`Evrak: ${today.tr} / E-12345678-903.07.02-90`);
  await expect(history.getByTestId('letter-recorded')).toHaveText(`Sayı sonradan kaydedildi: ${today.tr}, Deniz Yönetici. Önceki: ${today.tr} / E-12345678-903.07.02-88.`);
  const step = (await arrange(kopru, 'registry:get', { id: created.id })).history.find((h) => h.action === 'sendForApproval')!;
  expect([step.letterNo, step.letterFile?.fileName]).toEqual(['E-12345678-903.07.02-90', 'onaya-gonderme-yazisi.pdf']);

  // The signed copy opens in the print preview.
  await history.getByRole('button', { name: 'İmzalı yazı: onaya-gonderme-yazisi.pdf' }).click();
  const preview = page.getByTestId('document-preview');
  await expect(preview.getByRole('list', { name: 'Belgenin sayfaları' }).getByRole('img').first()).toBeVisible({ timeout: 20_000 });
  await page.keyboard.press('Escape');
  await expect(preview).toBeHidden();
  await dismissToasts(page);
  await snap(page, 'registry-history-step-letter');

  await arrange(kopru, 'settings:setLanguage', { language: 'en' });
  await page.reload();
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.getByTestId('letter-recorded')).toContainText('Number recorded later:');
  await page.getByRole('button', { name: 'Correct the letter / attach the signed copy: Send for approval' }).click();
  await expect(page.getByRole('dialog').getByText('If chosen, it replaces the attached copy (onaya-gonderme-yazisi.pdf).')).toBeVisible();
  await snap(page, 'registry-step-letter-en');
});
