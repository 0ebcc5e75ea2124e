import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { arrange, dismissToasts, expect, fillDemoSummary, setupMinistry, setupProvince, test } from './fixtures';

// Plausibility in the forms (issue #17): the phone numbers organisations really use are saved and shown
// formatted, an impossible one is refused at the field with what is wrong; a kütük no whose plate is not the
// province is warned of before saving (and still saves); a meeting on a Bayram is warned of. In Turkish and English.

test.describe.configure({ timeout: 180_000 });

const SHOTS = '/tmp/shots-forms';

/** Screenshots of what the user sees at 1280×800 and 1024×768, for people to look at (kept out of the repo). */
async function shots(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.mouse.move(0, 0);
  for (const [width, height] of [[1280, 800], [1024, 768]] as const) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(150);
    await page.screenshot({ path: `${SHOTS}/${name}-${width}x${height}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('Turkish: real phone numbers saved and shown formatted, the kütük plate warned of, a Bayram warned of', async ({ page, kopru }) => {
  await setupProvince(kopru, '06');
  await fillDemoSummary(kopru, { associationsPerProvince: 30 });
  await page.setViewportSize({ width: 1280, height: 800 });

  // A new association with a 0850 number and an İstanbul kütük no: warned before saving, saved, shown formatted.
  await page.goto(`${kopru.harness.url}#/registry`);
  await page.getByRole('button', { name: 'Yeni dernek' }).click();
  const form = page.getByRole('dialog', { name: 'Yeni dernek' });
  await form.getByRole('textbox', { name: 'Dernek adı' }).fill('Mamak Umut Gençlik Kulübü Derneği');
  await form.getByRole('combobox', { name: 'İlçe' }).fill('mamak');
  await page.getByRole('option', { name: 'Mamak' }).click();
  const kutuk = form.getByRole('textbox', { name: 'DERBİS kütük no' });
  await kutuk.fill('06-123-456');
  await expect(form.getByTestId('kutuk-plate-warning')).toHaveCount(0);
  await kutuk.fill('34/123/456');
  await expect(form.getByTestId('kutuk-plate-warning')).toHaveText(
    'Kütük numarası 34 ile başlıyor, ama Ankara ilinin plaka kodu 06. Numarayı denetleyin. Doğruysa yine de kaydedebilirsiniz.',
  );
  const phone = form.getByRole('textbox', { name: 'Telefon' });
  await phone.fill('0200 123 45 67');
  await form.getByRole('button', { name: 'Kaydet' }).click();
  await expect(form.getByText(/Türkiye'de 0200 ile başlayan bir alan kodu yok/)).toBeVisible();
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  await shots(page, 'association-form-kutuk-phone-tr');
  await phone.fill('0850 222 12 34');
  await form.getByRole('button', { name: 'Kaydet' }).click();
  await expect(page.getByTestId('association-state')).toHaveText('Taslak');
  await expect(page.getByText('0 (850) 222 12 34')).toBeVisible();
  const saved = (await arrange(kopru, 'registry:search', { query: 'Mamak Umut' })).items[0]!;
  expect(saved.kutukNo).toBe('34-123-456');
  expect((await arrange(kopru, 'registry:get', { id: saved.id })).phone).toBe('+908502221234');

  // A youth centre with a 444 number.
  await page.goto(`${kopru.harness.url}#/org-units`);
  await page.getByRole('button', { name: 'Yeni gençlik merkezi' }).click();
  const centre = page.getByRole('dialog', { name: 'Yeni gençlik merkezi' });
  await centre.getByRole('textbox', { name: 'Ad', exact: true }).fill('Mamak Umut Gençlik Merkezi');
  await centre.getByRole('combobox', { name: 'İlçe' }).fill('mamak');
  await page.getByRole('option', { name: 'Mamak' }).click();
  await centre.getByRole('textbox', { name: 'Telefon' }).fill('444 1 444');
  await centre.getByRole('button', { name: 'Kaydet' }).click();
  await expect(centre).toBeHidden();
  await dismissToasts(page);
  const found = await arrange(kopru, 'orgUnits:searchYouthCentres', { query: 'Mamak Umut' });
  expect(found.items[0]!.phone).toBe('4441444');

  // A transfer's new kütük no that is not the destination's plate.
  const registered = (await arrange(kopru, 'registry:search', { statuses: ['TESCILLI'], limit: 1 })).items[0]!;
  await page.goto(`${kopru.harness.url}#/registry/${registered.id}/transfers`);
  await page.getByRole('button', { name: 'Başka ile nakil başlat' }).click();
  const start = page.getByRole('dialog', { name: 'Başka ile nakil başlat' });
  await start.getByRole('combobox', { name: 'Gideceği il', exact: true }).fill('izmir');
  await page.getByRole('option', { name: '35 — İzmir' }).click();
  await start.getByRole('textbox', { name: 'Yeni kütük no' }).fill('06-123-457');
  await expect(start.getByTestId('kutuk-plate-warning')).toContainText('Kütük numarası 06 ile başlıyor, ama İzmir ilinin plaka kodu 35.');
  await shots(page, 'transfer-form-kutuk-tr');
  await start.getByRole('textbox', { name: 'Yeni kütük no' }).fill('35-123-457');
  await expect(start.getByTestId('kutuk-plate-warning')).toHaveCount(0);
  await page.keyboard.press('Escape');

  // A meeting on the first day of the Ramazan Bayramı 2027 (a Tuesday), then on the Kurban Bayramı's eve.
  await page.goto(`${kopru.harness.url}#/meetings/planner`);
  await page.getByRole('button', { name: 'Yeni toplantı' }).click();
  const meeting = page.getByRole('dialog', { name: 'Yeni toplantı planla' });
  await meeting.getByRole('textbox', { name: 'Tarih' }).fill('09.03.2027');
  await expect(meeting.getByTestId('day-warning')).toHaveText(
    'Bu gün resmî tatil (Ramazan Bayramı 1. gün): toplantı genellikle iş günü yapılır. Yine de kaydedebilirsiniz.',
  );
  await shots(page, 'meeting-form-bayram-tr');
  await meeting.getByRole('textbox', { name: 'Tarih' }).fill('26.05.2026');
  await expect(meeting.getByTestId('day-warning')).toContainText('Kurban Bayramı arifesi: saat 13.00’ten sonrası resmî tatil.');
});

test('English: the same warnings in English, a foreign number saved and shown in the international format', async ({ page, kopru }) => {
  await setupProvince(kopru, '06');
  await fillDemoSummary(kopru, { associationsPerProvince: 30 });
  await arrange(kopru, 'settings:setLanguage', { language: 'en' });
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.goto(`${kopru.harness.url}#/registry`);
  await page.getByRole('button', { name: 'New association' }).click();
  const form = page.getByRole('dialog', { name: 'New association' });
  await form.getByRole('textbox', { name: 'DERBİS register no' }).fill('34-123-456');
  await expect(form.getByTestId('kutuk-plate-warning')).toHaveText(
    'The register number starts with 34, but the plate code of Ankara is 06. Check the number. If it is right, you can still save it.',
  );
  await form.getByRole('textbox', { name: 'Phone' }).fill('+49 30 1234567');
  await shots(page, 'association-form-kutuk-en');
  await page.keyboard.press('Escape');
  await page.getByRole('dialog', { name: 'Unsaved changes' }).getByRole('button', { name: 'Discard' }).click();

  const draft = (await arrange(kopru, 'registry:search', { statuses: ['TASLAK'], limit: 1 })).items[0];
  const id = draft?.id ?? (await arrange(kopru, 'registry:search', { limit: 1 })).items[0]!.id;
  await arrange(kopru, 'registry:update', { id, phone: '+49 30 1234567' });
  await page.goto(`${kopru.harness.url}#/registry/${id}`);
  await expect(page.getByText('+49 30 1234567')).toBeVisible();

  const registered = (await arrange(kopru, 'registry:search', { statuses: ['TESCILLI'], limit: 1 })).items[0]!;
  await page.goto(`${kopru.harness.url}#/registry/${registered.id}/transfers`);
  await page.getByRole('button', { name: 'Start a transfer to another province' }).click();
  const start = page.getByRole('dialog', { name: 'Start a transfer to another province' });
  await start.getByRole('combobox', { name: 'Destination province', exact: true }).fill('izmir');
  await page.getByRole('option', { name: '35 — İzmir' }).click();
  await start.getByRole('textbox', { name: 'New register no' }).fill('06-123-457');
  await expect(start.getByTestId('kutuk-plate-warning')).toContainText('The register number starts with 06, but the plate code of İzmir is 35.');
  await shots(page, 'transfer-form-kutuk-en');
  await page.keyboard.press('Escape');

  await page.goto(`${kopru.harness.url}#/meetings/planner`);
  await page.getByRole('button', { name: 'New meeting' }).click();
  const meeting = page.getByRole('dialog', { name: 'Plan a new meeting' });
  await meeting.getByRole('textbox', { name: 'Date' }).fill('16.05.2027');
  await expect(meeting.getByTestId('day-warning')).toHaveText(
    'This day is a public holiday (Eid al-Adha, day 1): meetings are usually held on working days. You can still save it.',
  );
  await shots(page, 'meeting-form-bayram-en');
});

test('the ministry turns the day-off warning into a refusal in Settings; the other rules keep their defaults', async ({ page, kopru }) => {
  await setupMinistry(kopru);
  await page.setViewportSize({ width: 1280, height: 800 });

  // A workshop over the Ramazan Bayramı 2027: warned of, and it could still be saved.
  await page.goto(`${kopru.harness.url}#/workshops`);
  await page.getByRole('button', { name: 'Yeni çalıştay / zirve' }).click();
  let workshop = page.getByRole('dialog', { name: 'Yeni çalıştay / zirve' });
  await workshop.getByRole('textbox', { name: 'Başlangıç' }).fill('08.03.2027');
  await workshop.getByRole('textbox', { name: 'Bitiş' }).fill('10.03.2027');
  await expect(workshop.getByTestId('day-warning')).toHaveText('08.03.2027: Ramazan Bayramı arifesi, saat 13.00’ten sonrası resmî tatil. Yine de kaydedebilirsiniz.');
  await shots(page, 'workshop-form-bayram-tr');
  await page.keyboard.press('Escape');
  await page.getByRole('dialog', { name: 'Kaydedilmemiş değişiklikler' }).getByRole('button', { name: 'Kapat' }).click();
  await page.goto(`${kopru.harness.url}#/settings`);
  const rules = page.getByTestId('plausibility-policy');
  await expect(rules.getByRole('heading', { name: 'Tutarlılık kuralları' })).toBeVisible();
  await rules.getByRole('combobox', { name: 'Hafta sonu ya da tatil gününe toplantı ve çalıştay' }).click();
  await page.getByRole('option', { name: 'Reddet, kaydetme' }).click();
  await rules.getByRole('button', { name: 'Kaydet' }).click();
  await expect(page.getByText('Sicil politikası kaydedildi.')).toBeVisible();
  const saved = await arrange(kopru, 'registry:getPolicy', {});
  expect(saved.plausibility).toEqual({ nonWorkingDay: 'refuse', kutukPlateMismatch: 'warn', maxLetterAgeDays: null });
  await dismissToasts(page);
  await rules.scrollIntoViewIfNeeded();
  await shots(page, 'settings-plausibility-tr');

  // In English, the same settings and the workshop form, which now says the rule refuses it.
  await arrange(kopru, 'settings:setLanguage', { language: 'en' });
  await page.reload();
  await expect(rules.getByRole('heading', { name: 'Plausibility rules' })).toBeVisible();
  await rules.scrollIntoViewIfNeeded();
  await shots(page, 'settings-plausibility-en');
  await page.goto(`${kopru.harness.url}#/workshops`);
  await page.getByRole('button', { name: 'New workshop / summit' }).click();
  workshop = page.getByRole('dialog', { name: 'New workshop / summit' });
  await workshop.getByRole('textbox', { name: 'Start' }).fill('16.05.2027');
  await workshop.getByRole('textbox', { name: 'End' }).fill('17.05.2027');
  await expect(workshop.getByTestId('day-warning')).toHaveText('16.05.2027 is a public holiday (Eid al-Adha, day 1). The ministry’s rule does not allow workshops on days off; change the dates.');
  await shots(page, 'workshop-form-bayram-en');
});
