import type { Locator, Page } from '@playwright/test';
import { arrange, dismissToasts, expect, fillDemoSummary, setupProvince, snap, test } from './fixtures';

// Form dialogs (issue #17, "Forms"): a changed form asks before it closes (Esc, a click outside, the X, Cancel)
// and an untouched one closes at once; dates are picked from a calendar or typed as GG.AA.YYYY.

test.describe.configure({ timeout: 120_000 });

const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Istanbul' }).format(new Date());

/** The 10th of the month before this one (never in the future, so a visa application may be dated on it). */
function tenthOfLastMonth(): { iso: string; text: string } {
  const [year, month] = TODAY.split('-').map(Number) as [number, number];
  const y = month === 1 ? year - 1 : year;
  const m = month === 1 ? 12 : month - 1;
  const mm = String(m).padStart(2, '0');
  return { iso: `${y}-${mm}-10`, text: `10.${mm}.${y}` };
}

async function openNewAssociation(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Yeni dernek' }).click();
  const form = page.getByRole('dialog', { name: 'Yeni dernek' });
  await expect(form.getByRole('textbox', { name: 'Dernek adı' })).toBeVisible();
  return form;
}

test('a changed “Yeni dernek” asks before closing; an untouched one closes at once', async ({ page, kopru }) => {
  await setupProvince(kopru, '06');
  await page.goto(`${kopru.harness.url}#/registry`);
  await expect(page.getByRole('heading', { name: 'Dernek Sicili' })).toBeVisible();

  // Untouched: Esc closes at once, without a question.
  let form = await openNewAssociation(page);
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();
  await expect(page.getByRole('dialog', { name: 'Kaydedilmemiş değişiklikler' })).toHaveCount(0);

  // Untouched: Vazgeç (the form's own cancel) closes at once too.
  form = await openNewAssociation(page);
  await form.getByRole('button', { name: 'Vazgeç' }).click();
  await expect(form).toBeHidden();

  // Changed: Esc asks; "Vazgeç" keeps the dialog and what was typed.
  form = await openNewAssociation(page);
  const name = form.getByRole('textbox', { name: 'Dernek adı' });
  await name.fill('Keçiören Gençlik Kulübü Derneği');
  await page.keyboard.press('Escape');
  const ask = page.getByRole('dialog', { name: 'Kaydedilmemiş değişiklikler' });
  await expect(ask).toBeVisible();
  await expect(ask).toContainText('Kaydedilmemiş değişiklikler var. Kapatılsın mı?');
  await snap(page, 'forms-unsaved-question');
  await ask.getByRole('button', { name: 'Vazgeç' }).click();
  await expect(ask).toBeHidden();
  await expect(form).toBeVisible();
  await expect(name).toHaveValue('Keçiören Gençlik Kulübü Derneği');

  // The question's own Esc also means "keep editing".
  await page.keyboard.press('Escape');
  await expect(ask).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(ask).toBeHidden();
  await expect(form).toBeVisible();
  await expect(name).toHaveValue('Keçiören Gençlik Kulübü Derneği');

  // The X and the form's Vazgeç ask as well.
  await form.locator('.mantine-Modal-close').click();
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Vazgeç' }).click();
  await form.getByRole('button', { name: 'Vazgeç' }).click();
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Vazgeç' }).click();
  await expect(form).toBeVisible();

  // A click outside asks too.
  await page.mouse.click(5, 400);
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Vazgeç' }).click();
  await expect(form).toBeVisible();

  // Esc while the calendar is open closes only the calendar.
  await form.getByRole('button', { name: 'Takvimi aç' }).click();
  const calendar = page.getByTestId('date-calendar');
  await expect(calendar).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(calendar).toBeHidden();
  await expect(ask).toHaveCount(0);
  await expect(form).toBeVisible();

  // Esc + "Kapat" discards and closes; nothing was saved.
  await page.keyboard.press('Escape');
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Kapat' }).click();
  await expect(ask).toBeHidden();
  await expect(form).toBeHidden();
  expect((await arrange(kopru, 'registry:search', {})).total).toBe(0);

  // Reopened, the form is empty again and closes at once.
  form = await openNewAssociation(page);
  await expect(form.getByRole('textbox', { name: 'Dernek adı' })).toHaveValue('');
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();
});

test('a visa application date picked from the calendar and a letter date typed as GG.AA.YYYY are saved', async ({ page, kopru }) => {
  await setupProvince(kopru, '06');
  await fillDemoSummary(kopru, { associationsPerProvince: 40 });
  const late = await arrange(kopru, 'registry:search', { statuses: ['TESCILLI'], visaStatus: 'GECIKMIS', limit: 1 });
  const lapsed = await arrange(kopru, 'registry:search', { statuses: ['TESCILLI'], visaStatus: 'VIZESIZ_N_YIL', limit: 1 });
  const a = (late.items[0] ?? lapsed.items[0])!;

  await page.goto(`${kopru.harness.url}#/registry/${a.id}/visa`);
  await page.getByRole('button', { name: 'Vize başvurusu al' }).click();
  const dialog = page.getByRole('dialog', { name: 'Vize başvurusu al' });
  const applied = dialog.getByRole('textbox', { name: 'Başvuru tarihi' });
  await expect(applied).toHaveValue(TODAY.split('-').reverse().join('.'));

  // The calendar opens on the field's month (this month, today chosen), weeks from Monday, in Turkish.
  await dialog.getByRole('button', { name: 'Takvimi aç' }).first().click();
  const calendar = page.getByTestId('date-calendar');
  await expect(calendar).toBeVisible();
  await expect(calendar.locator('thead th').first()).toHaveText('Pt');
  await snap(page, 'forms-calendar-tr');
  await calendar.getByRole('button', { name: 'Önceki ay' }).click();
  const target = tenthOfLastMonth();
  await calendar.getByRole('button', { name: /^10 / }).click();
  await expect(calendar).toBeHidden();
  await expect(applied).toHaveValue(target.text);
  await expect(dialog).toBeVisible();

  // Typing still works as before (today's date: a letter cannot precede the application it records).
  await dialog.getByRole('textbox', { name: 'Evrak tarihi' }).fill(TODAY.split('-').reverse().join('.'));
  await dialog.getByRole('textbox', { name: 'Evrak sayısı' }).fill('V-2025-0007');
  await dialog.getByRole('button', { name: 'Başvuruyu kaydet' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('dialog', { name: 'Kaydedilmemiş değişiklikler' })).toHaveCount(0);

  const detail = await arrange(kopru, 'registry:get', { id: a.id });
  const saved = detail.visaApplications.find((v) => v.letterNo === 'V-2025-0007');
  expect(saved?.appliedOn).toBe(target.iso);
  expect(saved?.letterDate).toBe(TODAY);
  await dismissToasts(page);
});

test('the calendar in English: English month and day names, weeks from Monday, the English question', async ({ page, kopru }) => {
  await setupProvince(kopru, '06');
  await arrange(kopru, 'settings:setLanguage', { language: 'en' });
  await page.goto(`${kopru.harness.url}#/registry`);
  await page.getByRole('button', { name: 'New association' }).click();
  const form = page.getByRole('dialog', { name: 'New association' });
  const founded = form.getByRole('textbox', { name: 'Founding date' });
  await founded.fill('15.03.2024');
  await form.getByRole('button', { name: 'Open calendar' }).click();
  const calendar = page.getByTestId('date-calendar');
  await expect(calendar).toBeVisible();
  await expect(calendar.getByText('March 2024', { exact: true })).toBeVisible();
  await expect(calendar.locator('thead th').first()).toHaveText('Mo');
  await snap(page, 'forms-calendar-en');
  await calendar.getByRole('button', { name: /^21 March 2024/ }).click();
  await expect(founded).toHaveValue('21.03.2024');

  await page.keyboard.press('Escape');
  const ask = page.getByRole('dialog', { name: 'Unsaved changes' });
  await expect(ask).toContainText('You have unsaved changes. Close anyway?');
  await expect(ask.getByRole('button')).toHaveText(['Keep editing', 'Discard']);
  await snap(page, 'forms-unsaved-question-en');
  await ask.getByRole('button', { name: 'Discard' }).click();
  await expect(form).toBeHidden();
});
