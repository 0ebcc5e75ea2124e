import type { Locator, Page } from '@playwright/test';
import { arrange, expect, fillDemoSummary, setupProvince, snap, test, turkeyToday } from './fixtures';

// Keyboard use (issue #17): the command palette (Ctrl+K) goes to screens and records, the shortcuts act on the
// screen's own buttons, and an association is registered and sent for approval by keyboard alone.

test.describe.configure({ timeout: 180_000 });

/** Both sizes the issue asks for. */
async function snapBoth(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await snap(page, name);
  await page.setViewportSize({ width: 1024, height: 768 });
  await snap(page, `${name}-1024`);
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** Ctrl+K, then waits for the palette's search box to take the focus (it opens with a short transition). */
async function openPalette(page: Page) {
  // A Ctrl+K while the previous dialog is still fading out (≈200 ms) is ignored, as any shortcut with a dialog open.
  const search = page.getByRole('textbox', { name: /^(Ekran ya da kayıt ara|Search for a screen or a record)$/ });
  await expect(async () => {
    if (!(await search.isVisible())) await page.keyboard.press('Control+k');
    await expect(search).toBeFocused({ timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
}

/** Arrow keys down to a line of the palette (it may already be the selected one). */
async function selectLine(page: Page, line: Locator) {
  await expect(line).toBeVisible();
  await expect(async () => {
    if ((await line.getAttribute('data-selected')) !== 'true') await page.keyboard.press('ArrowDown');
    await expect(line).toHaveAttribute('data-selected', 'true', { timeout: 300 });
  }).toPass({ timeout: 10_000 });
}

test('Ctrl+K finds screens and records as the clerk types; Enter opens them; ? shows the shortcuts', async ({ page, kopru }) => {
  await setupProvince(kopru, '06');
  await fillDemoSummary(kopru, { associationsPerProvince: 20 });
  const association = (await arrange(kopru, 'registry:search', { limit: 1 })).items[0]!;
  const centre = (await arrange(kopru, 'orgUnits:searchYouthCentres', { limit: 1 })).items[0]!;

  await page.goto(kopru.harness.url);
  await expect(page.getByRole('heading', { name: 'Bugün', level: 2 })).toBeVisible();
  const palette = page.getByRole('dialog', { name: 'Ekran ya da kayıt ara' });
  const search = palette.getByRole('textbox', { name: 'Ekran ya da kayıt ara' });

  // Opened empty, it lists the screens of the menu (and their main tabs); the first is selected.
  await openPalette(page);
  await expect(search).toBeFocused();
  await expect(palette.getByTestId('palette-screen-today')).toHaveAttribute('data-selected', 'true');
  await expect(palette.getByTestId('palette-screen-registry')).toHaveText('Dernek Sicili');
  // The ministry board is the ministry's tab only; a province has its planner.
  await expect(palette.getByTestId('palette-screen-meetings-board')).toHaveCount(0);
  await snapBoth(page, 'keys-palette-screens');

  // A screen by part of its name, without Turkish letters; Enter opens it.
  await page.keyboard.type('sicil');
  await expect(palette.getByTestId('palette-screen-registry')).toHaveAttribute('data-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page).toHaveURL(/#\/registry$/);
  await expect(page.getByRole('heading', { name: 'Dernek Sicili', level: 2 })).toBeVisible();

  // A record: typed folded and in capitals, found by the registry's own search, shown with its kind and place.
  await openPalette(page);
  await page.keyboard.type(association.name.split(' ')[0]!.toLocaleUpperCase('tr'));
  const hit = palette.getByTestId('palette-record').filter({ hasText: association.name });
  await expect(hit).toContainText('Dernek');
  await expect(hit).toContainText(`Ankara / ${association.districtName}`);
  await snapBoth(page, 'keys-palette-records');
  // Down to the association (if it is not the first line), Enter: its page.
  await selectLine(page, hit);
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`#/registry/${association.id}$`));
  await expect(page.getByTestId('association-page').getByRole('heading', { name: association.name })).toBeVisible();

  // A youth centre opens its record on the units screen.
  await openPalette(page);
  await page.keyboard.type(centre.name);
  const centreHit = palette.getByTestId('palette-record').filter({ hasText: 'Gençlik merkezi' }).filter({ hasText: centre.name }).first();
  await expect(centreHit).toBeVisible();
  await selectLine(page, centreHit);
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`#/org-units/${centre.id}$`));
  const drawer = page.getByRole('dialog', { name: centre.name });
  await expect(drawer).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(page).toHaveURL(/#\/org-units$/);

  // Nothing found says so; Esc closes the palette.
  await openPalette(page);
  await page.keyboard.type('zzqqxx');
  await expect(palette).toContainText('Aramanıza uyan ekran ya da kayıt yok.');
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();

  // "?" shows the shortcuts; Esc closes them.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Klavye kısayolları' });
  await expect(help.getByTestId('shortcuts-table')).toContainText('Açık formu kaydeder.');
  await snapBoth(page, 'keys-help');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // In English.
  await arrange(kopru, 'settings:setLanguage', { language: 'en' });
  await page.goto(kopru.harness.url);
  await expect(page.getByRole('heading', { name: 'Today', level: 2 })).toBeVisible();
  await openPalette(page);
  const paletteEn = page.getByRole('dialog', { name: 'Search for a screen or a record' });
  await expect(paletteEn.getByTestId('palette-screen-registry')).toHaveText('Association registry');
  await snapBoth(page, 'keys-palette-screens-en');
  await page.keyboard.type(association.name.split(' ')[0]!);
  await expect(paletteEn.getByTestId('palette-record').filter({ hasText: association.name })).toContainText('Association');
  await snapBoth(page, 'keys-palette-records-en');
  // The help, from the palette's own command line.
  await page.keyboard.press('Control+a');
  await page.keyboard.type('shortcuts');
  await selectLine(page, paletteEn.getByTestId('palette-command-help'));
  await page.keyboard.press('Enter');
  const helpEn = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(helpEn).toContainText('Saves the open form.');
  await expect(helpEn).not.toContainText(/[ğışİçö]/);
  await snapBoth(page, 'keys-help-en');
});

const TODAY_TR = turkeyToday().tr;

/** Presses Tab until the element has the focus (reading where the focus is, never clicking). */
async function tabTo(page: Page, target: Locator, max = 120) {
  await expect(target).toBeVisible();
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

/** Types a letter's date and number into a workflow step's dialog and saves it with Ctrl+S. */
async function runStepByKeyboard(page: Page, action: string) {
  await tabTo(page, page.getByTestId('workflow-actions').getByRole('button', { name: action }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: action });
  await tabTo(page, dialog.getByRole('textbox', { name: 'Evrak tarihi' }));
  await page.keyboard.type(TODAY_TR);
  await tabTo(page, dialog.getByRole('textbox', { name: 'Evrak sayısı' }));
  await page.keyboard.type(`E-${action.length}-2026`);
  await page.keyboard.press('Control+s');
  await expect(dialog).toBeHidden();
}

test('a province registers an association and sends it for approval by keyboard alone', async ({ page, kopru }) => {
  await setupProvince(kopru, '06');
  await page.goto(kopru.harness.url);
  await expect(page.getByRole('heading', { name: 'Bugün', level: 2 })).toBeVisible();

  // The registry through the palette; the new-association form with Ctrl+N, its first field focused.
  await openPalette(page);
  await page.keyboard.type('dernek sic');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Dernek Sicili', level: 2 })).toBeVisible();
  // The palette is still fading out after Enter: Ctrl+N acts all the same (a closing dialog is not an open one).
  const form = page.getByRole('dialog', { name: 'Yeni dernek' });
  await page.keyboard.press('Control+n');
  await expect(form).toBeVisible();
  await expect(form.getByRole('textbox', { name: 'Dernek adı' })).toBeFocused();
  await page.keyboard.type('Mamak Klavye Gençlik Kulübü Derneği');

  // Club type: a select driven by the arrow keys (the second type in the list).
  await tabTo(page, form.getByRole('combobox', { name: 'Kulüp türü' }));
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('listbox')).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('listbox')).toBeHidden();
  const clubType = await form.getByRole('combobox', { name: 'Kulüp türü' }).inputValue();
  expect(clubType).not.toBe('Gençlik Kulübü');

  // Founding date from the calendar: open it from its button, move a day back from the focused day, Enter.
  await tabTo(page, form.getByRole('button', { name: 'Takvimi aç' }));
  await page.keyboard.press('Enter');
  const calendar = page.getByTestId('date-calendar');
  await expect(calendar).toBeVisible();
  await tabTo(page, calendar.locator('button.mantine-DatePicker-day[tabindex="0"]'));
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  await expect(calendar).toBeHidden();
  const foundedOn = await form.getByRole('textbox', { name: 'Kuruluş tarihi' }).inputValue();
  expect(foundedOn).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);

  await tabTo(page, form.getByRole('textbox', { name: 'DERBİS kütük no' }));
  await page.keyboard.type('06-321-654');
  // District: type to narrow, arrow to the option, Enter.
  await tabTo(page, form.getByRole('combobox', { name: 'İlçe' }));
  await page.keyboard.type('mama');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(form.getByRole('combobox', { name: 'İlçe' })).toHaveValue('Mamak');
  await tabTo(page, form.getByRole('textbox', { name: 'Telefon' }));
  await page.keyboard.type('0312 555 44 33');

  // Ctrl+S saves from inside a field; the record's page opens.
  await page.keyboard.press('Control+s');
  await expect(form).toBeHidden();
  await expect(page.getByTestId('association-state')).toHaveText('Taslak');

  // The application is logged (with its incoming letter), all mandatory documents are marked received on the
  // documents tab (reached with the arrow keys of the tab list), and the file goes for approval.
  await runStepByKeyboard(page, 'Başvuruyu kaydet');
  await expect(page.getByTestId('association-state')).toHaveText('Başvuru alındı');
  await tabTo(page, page.getByRole('tab', { selected: true }));
  const documentsTab = page.getByRole('tab', { name: 'Belgeler' });
  for (let i = 0; i < 6 && (await documentsTab.getAttribute('aria-selected')) !== 'true'; i++) await page.keyboard.press('ArrowRight');
  await expect(documentsTab).toHaveAttribute('aria-selected', 'true');
  const mandatory = page.getByTestId('checklist-TESCIL').getByRole('row').filter({ hasText: 'Zorunlu' });
  await expect(mandatory).toHaveCount(9);
  for (let i = 0; i < 9; i++) {
    const box = mandatory.nth(i).getByRole('checkbox');
    await tabTo(page, box);
    await page.keyboard.press('Space');
    await expect(box).toBeChecked();
    await expect(box).toBeEnabled();
  }
  await expect(page.getByTestId('checklist-TESCIL')).toContainText('Zorunlu: 9/9');
  await runStepByKeyboard(page, 'Onaya gönder');
  await expect(page.getByTestId('association-state')).toHaveText('Onayda');

  // What was typed and picked is what the registry holds.
  const saved = (await arrange(kopru, 'registry:search', { query: 'klavye' })).items;
  expect(saved).toHaveLength(1);
  const detail = await arrange(kopru, 'registry:get', { id: saved[0]!.id });
  expect(detail).toMatchObject({ name: 'Mamak Klavye Gençlik Kulübü Derneği', status: 'ONAYDA', kutukNo: '06-321-654', districtName: 'Mamak', phone: '+903125554433' });
  expect(detail.clubType).not.toBe('GENCLIK_KULUBU');
  expect(detail.foundedOn).toBe(`${foundedOn.slice(6)}-${foundedOn.slice(3, 5)}-${foundedOn.slice(0, 2)}`);
  expect(detail.history.map((h) => h.action)).toEqual(expect.arrayContaining(['logApplication', 'sendForApproval']));
});

test('a shortcut pressed right after Esc acts: a dialog fading out no longer holds the shortcuts', async ({ page, kopru }) => {
  await setupProvince(kopru, '06');
  await page.goto(`${kopru.harness.url}#/registry`);
  await expect(page.getByRole('heading', { name: 'Dernek Sicili', level: 2 })).toBeVisible();
  const palette = page.getByRole('dialog', { name: 'Ekran ya da kayıt ara' });
  const form = page.getByRole('dialog', { name: 'Yeni dernek' });
  const help = page.getByRole('dialog', { name: 'Klavye kısayolları' });

  // Each shortcut is pressed once, at once after the Esc that closes the dialog before it (its fade-out takes
  // about 200 ms): a shortcut ignored then would stay ignored, and the expectation fails.
  await openPalette(page);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+n');
  await expect(form).toBeVisible();
  await expect(form.getByRole('textbox', { name: 'Dernek adı' })).toBeFocused();
  await expect(palette).toBeHidden();

  // An unchanged form closes on Esc without asking; Ctrl+K right after opens the palette.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+k');
  await expect(palette.getByRole('textbox', { name: 'Ekran ya da kayıt ara' })).toBeFocused();
  await expect(form).toBeHidden();

  // From the palette to the shortcuts' help, and from the help back to a new form.
  await page.keyboard.press('Escape');
  await page.keyboard.press('?');
  await expect(help).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+n');
  await expect(form).toBeVisible();
  await expect(help).toBeHidden();

  // An open dialog still holds them: Ctrl+K in the form does not open the palette over it.
  await page.keyboard.press('Control+k');
  await expect(form).toBeVisible();
  await expect(palette).toBeHidden();
});
