import type { Locator, Page } from '@playwright/test';
import { arrange, expect, fillDemoSummary, setupProvince, snap, test } from './fixtures';

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
  await page.keyboard.press('Control+k');
  await expect(search).toBeFocused();
  await expect(palette.getByTestId('palette-screen-today')).toHaveAttribute('data-selected', 'true');
  await expect(palette.getByTestId('palette-screen-registry')).toHaveText('Dernek Sicili');
  await expect(palette.getByTestId('palette-screen-meetings-board')).toBeVisible();
  await snapBoth(page, 'keys-palette-screens');

  // A screen by part of its name, without Turkish letters; Enter opens it.
  await page.keyboard.type('sicil');
  await expect(palette.getByTestId('palette-screen-registry')).toHaveAttribute('data-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page).toHaveURL(/#\/registry$/);
  await expect(page.getByRole('heading', { name: 'Dernek Sicili', level: 2 })).toBeVisible();

  // A record: typed folded and in capitals, found by the registry's own search, shown with its kind and place.
  await page.keyboard.press('Control+k');
  await page.keyboard.type(association.name.split(' ')[0]!.toLocaleUpperCase('tr'));
  const hit = palette.getByTestId('palette-record').filter({ hasText: association.name });
  await expect(hit).toContainText('Dernek');
  await expect(hit).toContainText(`Ankara / ${association.districtName}`);
  await snapBoth(page, 'keys-palette-records');
  // Down to the association (if it is not the first line), Enter: its page.
  await selectLine(page, hit);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/registry/${association.id}$`));
  await expect(page.getByTestId('association-page').getByRole('heading', { name: association.name })).toBeVisible();

  // A youth centre opens its record on the units screen.
  await page.keyboard.press('Control+k');
  await page.keyboard.type(centre.name);
  const centreHit = palette.getByTestId('palette-record').filter({ hasText: 'Gençlik merkezi' }).filter({ hasText: centre.name }).first();
  await expect(centreHit).toBeVisible();
  await selectLine(page, centreHit);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/org-units/${centre.id}$`));
  await expect(page.getByRole('dialog', { name: centre.name })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/#\/org-units$/);

  // Nothing found says so; Esc closes the palette.
  await page.keyboard.press('Control+k');
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
  await page.keyboard.press('Control+k');
  const paletteEn = page.getByRole('dialog', { name: 'Search for a screen or a record' });
  await expect(paletteEn.getByTestId('palette-screen-registry')).toHaveText('Association Registry');
  await snapBoth(page, 'keys-palette-screens-en');
  await page.keyboard.type(association.name.split(' ')[0]!);
  await expect(paletteEn.getByTestId('palette-record').filter({ hasText: association.name })).toContainText('Association');
  await snapBoth(page, 'keys-palette-records-en');
  // The help, from the palette's own command line.
  await page.keyboard.press('Control+a');
  await page.keyboard.type('shortcuts');
  await expect(paletteEn.getByTestId('palette-command-help')).toHaveAttribute('data-selected', 'true');
  await page.keyboard.press('Enter');
  const helpEn = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(helpEn).toContainText('Saves the open form.');
  await expect(helpEn).not.toContainText(/[ğışİçö]/);
  await snapBoth(page, 'keys-help-en');
});
