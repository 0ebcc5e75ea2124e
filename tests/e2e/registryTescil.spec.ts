import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { arrange, dismissToasts, districtIdOf, expect, fillDemoSummary, saveFromPreview, setupMinistry, setupProvince, snap, test } from './fixtures';

// Tescil (registration) through the screens: a province records a draft, logs the application, is refused
// while mandatory documents are missing, marks them received and sends the file for approval; the ministry
// (the default approving level) approves it, which assigns the GSB number and allows the certificate.

// Long journeys over real data: more time than the default per test.
test.describe.configure({ timeout: 120_000 });

async function chooseOption(page: Page, combobox: ReturnType<Page['getByRole']>, typed: string, option: string) {
  await combobox.fill(typed);
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function runWorkflow(page: Page, action: string, letter?: { date: string; no: string }) {
  await page.getByTestId('workflow-actions').getByRole('button', { name: action }).click();
  const dialog = page.getByRole('dialog', { name: action });
  if (letter) {
    await dialog.getByRole('textbox', { name: 'Evrak tarihi' }).fill(letter.date);
    await dialog.getByRole('textbox', { name: 'Evrak sayısı' }).fill(letter.no);
  }
  await dialog.getByRole('button', { name: action }).click();
  return dialog;
}

test('a province records a draft, logs the application, completes the documents and sends it for approval', async ({ page, kopru }) => {
  await setupProvince(kopru, '06');
  const existing = await arrange(kopru, 'registry:create', {
    name: 'Keçiören Doğa Sporları Gençlik Kulübü Derneği',
    clubType: 'GENCLIK_KULUBU',
    kutukNo: '06-123-456',
    districtId: await districtIdOf(kopru, '06', 'Keçiören'),
  });

  await page.goto(`${kopru.harness.url}#/registry`);
  await page.getByRole('button', { name: 'Yeni dernek' }).click();
  const form = page.getByRole('dialog', { name: 'Yeni dernek' });
  // A similar name in the province warns but does not block.
  await form.getByRole('textbox', { name: 'Dernek adı' }).fill('Keçiören Doğa Gençlik Kulübü Derneği');
  const similar = form.getByTestId('duplicate-similar');
  await expect(similar).toContainText('Benzer adlı dernekler var');
  await expect(similar).toContainText('Keçiören Doğa Sporları Gençlik Kulübü Derneği — Keçiören');
  await expect(form.getByRole('button', { name: 'Kaydet' })).toBeEnabled();
  // The same kütük no (typed with slashes) blocks, links to the record and disables saving.
  await form.getByRole('textbox', { name: 'DERBİS kütük no' }).fill('06/123/456');
  const blocking = form.getByTestId('duplicate-blocking');
  await expect(blocking).toContainText('Aynı kütük numarasıyla kayıtlı: Keçiören Doğa Sporları Gençlik Kulübü Derneği (Ankara)');
  await expect(blocking.getByRole('button', { name: 'Kaydı aç' })).toBeVisible();
  await expect(form.getByRole('button', { name: 'Kaydet' })).toBeDisabled();
  await snap(page, 'registry-form-duplicate');
  await form.getByRole('textbox', { name: 'DERBİS kütük no' }).fill('06-123-457');
  await expect(blocking).toBeHidden();
  await expect(form.getByRole('button', { name: 'Kaydet' })).toBeEnabled();

  await form.getByRole('textbox', { name: 'Dernek adı' }).fill('Keçiören Işıkkent Gençlik Kulübü Derneği');
  await form.getByRole('textbox', { name: 'Vergi kimlik no' }).fill('1234567890');
  await form.getByRole('textbox', { name: 'Kuruluş tarihi' }).fill('12.03.2024');
  await chooseOption(page, form.getByRole('combobox', { name: 'İlçe' }), 'kecioren', 'Keçiören');
  await form.getByRole('textbox', { name: 'Telefon' }).fill('0312 555 44 33');
  await chooseOption(page, form.getByRole('combobox', { name: 'Faaliyet alanları' }), 'doga', 'Doğa ve izcilik');
  await form.getByRole('button', { name: 'Kaydet' }).click();
  await expect(page.getByText('“Keçiören Işıkkent Gençlik Kulübü Derneği” taslak olarak kaydedildi.')).toBeVisible();

  // The new record's page; a draft offers exactly one step.
  const header = page.getByTestId('association-page');
  await expect(header.getByRole('heading', { name: 'Keçiören Işıkkent Gençlik Kulübü Derneği' })).toBeVisible();
  await expect(page.getByTestId('association-state')).toHaveText('Taslak');
  const fields = page.getByTestId('association-fields');
  await expect(fields).toContainText('12.03.2024');
  await expect(fields).toContainText('0 (312) 555 44 33');
  await expect(fields).toContainText('Doğa ve izcilik');
  await expect(page.getByTestId('workflow-actions').getByRole('button')).toHaveText(['Başvuruyu kaydet']);

  // Logging the application needs the incoming letter: refused without it, on the fields, in Turkish.
  const log = await runWorkflow(page, 'Başvuruyu kaydet');
  await expect(log.getByText('Bu işlem için evrak tarihi gerekli.')).toBeVisible();
  await expect(log.getByText('Bu işlem için evrak sayısı gerekli.')).toBeVisible();
  await log.getByRole('textbox', { name: 'Evrak tarihi' }).fill('31.02.2026');
  await log.getByRole('textbox', { name: 'Evrak sayısı' }).fill('E-2026-1001');
  await log.getByRole('button', { name: 'Başvuruyu kaydet' }).click();
  await expect(log.getByText('Böyle bir tarih yok: 31.02.2026.')).toBeVisible();
  await log.getByRole('textbox', { name: 'Evrak tarihi' }).fill('10.11.2026');
  await log.getByRole('button', { name: 'Başvuruyu kaydet' }).click();
  await expect(log).toBeHidden();
  await expect(page.getByTestId('association-state')).toHaveText('Başvuru alındı');
  await expect(page.getByTestId('workflow-actions').getByRole('button')).toHaveText(['Eksik evrak bildir', 'Onaya gönder']);
  await expect(page.getByTestId('missing-mandatory')).toContainText('Eksik zorunlu belgeler (9)');
  await dismissToasts(page);
  await snap(page, 'registry-association-general');

  // Sending for approval is refused while mandatory documents are missing; the refusal names them.
  const send = await runWorkflow(page, 'Onaya gönder', { date: '15.11.2026', no: 'E-2026-1002' });
  const refusal = send.getByRole('alert');
  await expect(refusal).toContainText('Zorunlu belgeler eksik olduğu için onaya gönderilemez');
  await expect(refusal).toContainText('Dilekçe');
  await expect(refusal).toContainText('Güncel üye listesi ve kuruluş bildirimi');
  await snap(page, 'registry-workflow-dialog');
  await send.getByRole('button', { name: 'Vazgeç' }).click();
  // The letter typed into the dialog is unsaved: closing asks first.
  await page.getByRole('dialog', { name: 'Kaydedilmemiş değişiklikler' }).getByRole('button', { name: 'Kapat' }).click();
  await expect(send).toBeHidden();
  await expect(page.getByTestId('association-state')).toHaveText('Başvuru alındı');

  // Belgeler: every mandatory item marked received; a PDF attached, a text file refused by the server.
  await page.getByRole('tab', { name: 'Belgeler' }).click();
  const checklist = page.getByTestId('checklist-TESCIL');
  const mandatoryRows = checklist.getByRole('row').filter({ hasText: 'Zorunlu' });
  await expect(mandatoryRows).toHaveCount(9);
  for (let i = 0; i < 9; i++) {
    const box = mandatoryRows.nth(i).getByRole('checkbox');
    await box.check();
    await expect(box).toBeChecked();
    await expect(box).toBeEnabled();
  }
  await expect(checklist).toContainText('Zorunlu: 9/9');
  const petition = checklist.getByRole('row').filter({ hasText: 'Dilekçe' });
  let chooser = page.waitForEvent('filechooser');
  await petition.getByRole('button', { name: 'Dilekçe: dosya ekle' }).click();
  await (await chooser).setFiles({ name: 'dilekçe.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% Köprü test\n%%EOF\n') });
  await expect(petition.getByRole('button', { name: 'dilekçe.pdf', exact: true })).toBeVisible();
  chooser = page.waitForEvent('filechooser');
  await petition.getByRole('button', { name: 'Dilekçe: dosya ekle' }).click();
  await (await chooser).setFiles({ name: 'notlar.txt', mimeType: 'text/plain', buffer: Buffer.from('düz metin') });
  await expect(petition.getByRole('alert')).toHaveText('Bu dosya türü kabul edilmiyor. İzin verilen türler: PDF, JPEG, PNG, DOCX, XLSX.');
  const download = page.waitForEvent('download');
  await petition.getByRole('button', { name: 'dilekçe.pdf', exact: true }).click();
  expect((await download).suggestedFilename()).toBe('dilekçe.pdf');
  await dismissToasts(page);
  await snap(page, 'registry-association-documents');

  // Now it goes to the approving level.
  const again = await runWorkflow(page, 'Onaya gönder', { date: '15.11.2026', no: 'E-2026-1002' });
  await expect(again).toBeHidden();
  await expect(page.getByTestId('association-state')).toHaveText('Onayda');
  // With the default policy the ministry approves: the province has no further step.
  await expect(page.getByTestId('workflow-actions')).toHaveCount(0);

  await page.getByRole('tab', { name: 'Tarihçe' }).click();
  const history = page.getByTestId('history');
  const items = history.locator('.mantine-Timeline-item');
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toContainText('Onaya gönder');
  await expect(items.nth(0)).toContainText('Başvuru alındı → Onayda');
  await expect(items.nth(0)).toContainText('Evrak: 15.11.2026 / E-2026-1002');
  await expect(items.nth(0)).toContainText('Ankara İl Müdürlüğü');
  await expect(items.nth(1)).toContainText('Başvuruyu kaydet');
  await expect(items.nth(1)).toContainText('Evrak: 10.11.2026 / E-2026-1001');
  await expect(items.nth(2)).toContainText('Kayıt oluşturuldu');
  await dismissToasts(page);
  await snap(page, 'registry-association-history');

  const saved = await arrange(kopru, 'registry:search', { query: 'isikkent' });
  expect(saved.items[0]).toMatchObject({ status: 'ONAYDA', kutukNo: '06-123-457', vkn: '1234567890' });
  expect(existing.status).toBe('TASLAK');
});

test('the ministry approves a file awaiting approval: the GSB number appears and the certificate downloads', async ({ page, kopru }) => {
  await setupMinistry(kopru);
  await fillDemoSummary(kopru, { associationsPerProvince: 1 });
  const waiting = await arrange(kopru, 'registry:search', { statuses: ['ONAYDA'], limit: 1 });
  const target = waiting.items[0]!;

  await page.goto(`${kopru.harness.url}#/registry/${target.id}`);
  await expect(page.getByTestId('association-state')).toHaveText('Onayda');
  await expect(page.getByTestId('registration-no')).toHaveText('—');
  await expect(page.getByTestId('workflow-actions').getByRole('button')).toHaveText(['Eksik evrakla iade et', 'Onayla ve tescil et', 'Reddet']);
  // The ministry reads the province's record but does not edit it.
  await expect(page.getByRole('button', { name: 'Düzenle' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Tescil belgesi (PDF)' })).toHaveCount(0);

  const approve = await runWorkflow(page, 'Onayla ve tescil et', { date: '20.11.2026', no: 'E-GSB-2026-77' });
  await expect(approve).toBeHidden();
  await expect(page.getByTestId('association-state')).toHaveText('Tescilli');
  const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Istanbul' }).format(new Date()).slice(0, 4);
  await expect(page.getByTestId('registration-no')).toHaveText(new RegExp(`^GSB-${target.provincePlate}-${year}-\\d{4}$`));
  const registrationNo = await page.getByTestId('registration-no').textContent();
  await expect(page.getByText(`GSB tescil no: ${registrationNo}.`, { exact: false })).toBeVisible();
  await expect(page.getByTestId('workflow-actions').getByRole('button')).toHaveText(['Askıya al', 'Tescili iptal et']);
  // "Vizeli" with no visa application reads like a mistake right after registration: the Vize tab says why.
  await page.getByRole('tab', { name: 'Vize' }).click();
  await expect(page.getByTestId('visa-registration-year')).toContainText('Tescil yılında vize gerekmez');
  await page.getByRole('tab', { name: 'Genel' }).click();

  const file = await saveFromPreview(page, () => page.getByRole('button', { name: 'Tescil belgesi (PDF)' }).click());
  expect(file.suggestedFilename()).toMatch(/Tescil Belgesi\.pdf$/);
  expect(fs.readFileSync((await file.path())!).subarray(0, 4).toString('latin1')).toBe('%PDF');

  const saved = await arrange(kopru, 'registry:get', { id: target.id });
  expect(saved.registrationNo).toBe(registrationNo);
  expect(saved.history[0]).toMatchObject({ action: 'approve', actorUnit: 'ministry', letterNo: 'E-GSB-2026-77' });
});
