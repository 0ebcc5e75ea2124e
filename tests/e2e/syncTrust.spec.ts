import path from 'node:path';
import type { Page } from '@playwright/test';
import { arrange, dismissToasts, expect, setupProvince, snap } from './fixtures';
import { enrol, exportFile, test, type Node } from './syncNodes';

// What a person decides when installations cannot simply be trusted: changes from a youth centre whose clock
// runs a year ahead wait in the held-back list until someone accepts them (after checking that clock) and
// imports the file again; a youth centre's key is revoked from its province (a stolen computer), after typing
// the unit's name, and what it signs afterwards is refused. The other installations are real ones of their own.

test.describe.configure({ timeout: 120_000 });

const CENTRE = 'Çankaya Gençlik Merkezi';
const MINISTRY = 'Gençlik ve Spor Bakanlığı — STK ile İlişkiler Dairesi';
const YEAR_MS = 365 * 24 * 60 * 60 * 1000;
const DATE_TIME = /^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/;

async function openImport(page: Page, file: string) {
  await page.getByRole('textbox', { name: 'Değişim dosyası' }).fill(file);
  await page.getByRole('button', { name: 'Dosyayı incele' }).click();
  await expect(page.getByText('Bu bir önizlemedir', { exact: false })).toBeVisible();
}

/** Switches the interface language the way Settings does, then reads the page again. */
async function language(page: Page, kopru: Parameters<typeof arrange>[0], to: 'tr' | 'en') {
  await arrange(kopru, 'settings:setLanguage', { language: to });
  await page.reload();
}

async function newAssociation(centre: Node, name: string) {
  await centre.ok('directory:create', { kind: 'STK', subtype: 'DERNEK', name, provincePlate: '06' });
}

test('changes from a youth centre whose clock runs a year ahead are held back, accepted after a warning, and apply when the file comes again', async ({ page, kopru, world }) => {
  await setupProvince(kopru, '06');
  const province = await world.browser(kopru);
  const centre = await world.node('youth-center', '06', { clockAheadMs: YEAR_MS });
  await enrol(world, province, centre);
  await newAssociation(centre, 'Gelecekten Gençlik Derneği');
  const file = await exportFile(world, centre, province);
  const fileName = path.basename(file);

  await page.goto(`${kopru.harness.url}#/exchange/import`);
  // Nothing was ever held back: no tab for it.
  await expect(page.getByRole('tab', { name: 'Eşler', exact: true })).toBeVisible();
  await expect(page.getByRole('tab', { name: /Bekletilenler/ })).toHaveCount(0);

  // 1. The preview says the changes will wait, and the server's warning names the installation.
  await openImport(page, file);
  await expect(page.getByTestId('import-quarantined')).toContainText('uygulanmayacak: dosya alınınca bekletmeye alınır');
  await expect(page.getByTestId('import-quarantined').getByRole('link')).toHaveCount(0);
  // Nothing would be stored, but not because it was all here already.
  await expect(page.getByTestId('nothing-new')).toHaveCount(0);
  await expect(page.getByTestId('import-warnings')).toContainText(`${CENTRE} kurulumunun`);
  await expect(page.getByTestId('import-warnings')).toContainText('gün ileri tarihli olduğu için bekletmeye alındı');

  // 2. Applied: held back, with the way to the list.
  await page.getByRole('button', { name: 'Uygula' }).click();
  const result = page.getByTestId('import-result');
  await expect(result.getByTestId('import-quarantined')).toContainText('uygulanmadı ve bekletmeye alındı');
  await expect(result.getByTestId('import-done')).toHaveText('Hiçbir kayıt değişmedi.');
  await expect(result.getByTestId('nothing-new')).toHaveCount(0);
  expect((await arrange(kopru, 'directory:search', { query: 'gelecekten' })).total).toBe(0);
  await snap(page, 'sync-import-held', { top: true });
  await result.getByRole('link', { name: 'Bekletilen değişikliklere git' }).click();

  // 3. The held-back list: who, how far ahead, which file, when, waiting.
  const heldTab = page.getByRole('tab', { name: /Bekletilenler/ });
  await expect(heldTab).toHaveAttribute('aria-selected', 'true');
  await expect(heldTab.getByLabel('1 bekleyen kayıt')).toHaveText('1');
  await expect(page.getByRole('heading', { name: 'Bekletilen değişiklikler' })).toBeVisible();
  const row = page.getByTestId('held-back').getByRole('row').filter({ hasText: CENTRE });
  await expect(row.getByRole('cell').nth(0)).toContainText(centre.nodeId);
  await expect(row.getByRole('cell').nth(1)).toHaveText(/^36[45] gün ileri$/);
  await expect(row.getByRole('cell').nth(2)).toHaveText(fileName);
  await expect(row.getByRole('cell').nth(3)).toHaveText(DATE_TIME);
  await expect(row.getByRole('cell').nth(4)).toHaveText('Bekliyor');
  await dismissToasts(page);
  await snap(page, 'sync-held-back', { top: true });

  // The same list in English.
  await language(page, kopru, 'en');
  await expect(page.getByRole('heading', { name: 'Held-back changes' })).toBeVisible();
  await expect(page.getByRole('tab', { name: /Held back/ })).toHaveAttribute('aria-selected', 'true');
  await expect(row.getByRole('cell').nth(1)).toHaveText(/^36[45] days ahead$/);
  await expect(row.getByRole('cell').nth(4)).toHaveText('Waiting');
  await expect(row.getByRole('button', { name: `Accept the held-back changes from ${CENTRE}` })).toBeVisible();
  await snap(page, 'sync-held-back-en', { top: true });
  await row.getByRole('button', { name: `Accept the held-back changes from ${CENTRE}` }).click();
  await expect(page.getByRole('dialog', { name: 'Accept held-back changes' })).toContainText(`import ${fileName} again`);
  await snap(page, 'sync-held-accept-dialog-en');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await language(page, kopru, 'tr');

  // 4. Accepting says first what it means.
  await row.getByRole('button', { name: `${CENTRE} kurulumundan bekletilen değişiklikleri kabul et` }).click();
  const dialog = page.getByRole('dialog', { name: 'Bekletilen değişiklikleri kabul et' });
  await expect(dialog).toContainText(`${CENTRE} kurulumundan gelen değişiklikler, bu bilgisayarın saatine göre`);
  await expect(dialog).toContainText(`Kabul etmeden önce ${CENTRE} sorumlusunu arayın ve bilgisayarın tarih ve saatini kontrol ettirin`);
  await expect(dialog).toContainText('burada yapılan değişikliklerin önüne geçebilir');
  await expect(dialog).toContainText(`Kabul ettikten sonra ${fileName} dosyasını “Dosya al” sekmesinden yeniden alın`);
  await snap(page, 'sync-held-accept-dialog');
  await dialog.getByRole('button', { name: 'Saati kontrol ettim, kabul et' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Bekletilen değişiklikler kabul edildi')).toBeVisible();
  await expect(page.getByText(`Şimdi ${fileName} dosyasını “Dosya al” sekmesinden yeniden alın.`)).toBeVisible();
  await expect(row.getByRole('cell').nth(4)).toContainText('Kabul edildi');
  await expect(row.getByRole('cell').nth(4)).toContainText(/\d{2}\.\d{2}\.\d{4} \d{2}:\d{2} — dosyayı yeniden alın/);
  await expect(heldTab.getByLabel(/bekleyen kayıt/)).toHaveCount(0);
  await dismissToasts(page);
  await snap(page, 'sync-held-accepted', { top: true });

  // 5. The same file again: nothing waits now, the association arrives.
  await row.getByRole('button', { name: 'Dosyayı yeniden al' }).click();
  await expect(page.getByRole('tab', { name: 'Dosya al', selected: true })).toBeVisible();
  await openImport(page, file);
  await expect(page.getByTestId('import-quarantined')).toHaveCount(0);
  await page.getByRole('button', { name: 'Uygula' }).click();
  await expect(page.getByTestId('import-result')).toContainText(`${CENTRE} kurulumundan gelen dosya alındı`);
  await expect(page.getByTestId('import-result').getByTestId('import-quarantined')).toHaveCount(0);
  expect((await arrange(kopru, 'directory:search', { query: 'gelecekten' })).total).toBe(1);
  // What waited is held now: it leaves the list.
  expect(await arrange(kopru, 'sync:quarantine', {})).toEqual([]);
});

test('a province revokes its youth centre’s key after typing its name; what the centre signs afterwards is refused', async ({ page, kopru, world }) => {
  await setupProvince(kopru, '06');
  const province = await world.browser(kopru);
  const ministry = await world.node('ministry');
  await enrol(world, ministry, province);
  const centre = await world.node('youth-center', '06');
  await enrol(world, province, centre);

  await page.goto(`${kopru.harness.url}#/exchange/peers`);
  const peers = page.getByTestId('peers-table');
  // The ministry enrolled this province: the province cannot revoke it.
  await expect(peers.getByRole('row').filter({ hasText: MINISTRY })).toBeVisible();
  await expect(peers.getByRole('button', { name: `${MINISTRY}: diğer işlemler` })).toHaveCount(0);

  const revokeFromMenu = async () => {
    await peers.getByRole('button', { name: `${CENTRE}: diğer işlemler` }).click();
    await page.getByRole('menuitem', { name: 'Anahtarı iptal et' }).click();
  };
  await revokeFromMenu();
  const dialog = page.getByRole('dialog', { name: `Anahtarı iptal et: ${CENTRE}` });
  await expect(dialog).toContainText('Bu işlem geri alınamaz.');
  await expect(dialog).toContainText('kaybolduysa, çalındıysa');
  await expect(dialog).toContainText(`Sonra: ${CENTRE} yeni bir kurulum yapmalı`);
  await expect(dialog).toContainText('size yeniden kaydolmalı');
  const confirm = dialog.getByRole('button', { name: 'Anahtarı kalıcı olarak iptal et' });
  const name = dialog.getByRole('textbox', { name: `Onaylamak için birimin adını yazın: ${CENTRE}` });
  await expect(confirm).toBeDisabled();
  await name.fill('Çankaya');
  await expect(confirm).toBeDisabled();
  // Case does not matter; the letters do.
  await name.fill('çankaya gençlik merkezi');
  await expect(confirm).toBeEnabled();
  await snap(page, 'sync-revoke-dialog');

  // The same dialog in English.
  await language(page, kopru, 'en');
  await page.getByTestId('peers-table').getByRole('button', { name: `${CENTRE}: more actions` }).click();
  await page.getByRole('menuitem', { name: 'Revoke key' }).click();
  const english = page.getByRole('dialog', { name: `Revoke the key of ${CENTRE}` });
  await expect(english).toContainText('This cannot be undone.');
  await expect(english).toContainText(`Next: ${CENTRE} must set up a new installation`);
  await english.getByRole('textbox', { name: `To confirm, type the unit’s name: ${CENTRE}` }).fill(CENTRE);
  await expect(english.getByRole('button', { name: 'Revoke the key for good' })).toBeEnabled();
  await snap(page, 'sync-revoke-dialog-en');
  await english.getByRole('button', { name: 'Cancel' }).click();
  await language(page, kopru, 'tr');

  await revokeFromMenu();
  await expect(name).toHaveValue('');
  await name.fill(CENTRE);
  await confirm.click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Anahtar iptal edildi', { exact: true })).toBeVisible();
  await expect(page.getByText(`${CENTRE} kurulumunun anahtarı iptal edildi;`, { exact: false })).toBeVisible();
  await dismissToasts(page);

  // The row now says so, and offers no second revocation.
  const centreRow = page.getByTestId('peers-table').getByRole('row').filter({ hasText: CENTRE });
  await expect(centreRow.getByText('Anahtarı iptal edildi', { exact: true })).toBeVisible();
  await expect(centreRow.getByRole('button', { name: `${CENTRE}: more actions` })).toHaveCount(0);

  // The stolen computer goes on writing and sending: the import says its changes are not taken.
  await newAssociation(centre, 'Çalınmış Anahtar Derneği');
  const file = await exportFile(world, centre, province);
  await page.getByRole('tab', { name: 'Dosya al', exact: true }).click();
  await openImport(page, file);
  await expect(page.getByTestId('import-revoked')).toContainText('Anahtarı iptal edilmiş bir kurulumun iptalden sonraki');
  await expect(page.getByTestId('import-warnings')).toContainText(`${CENTRE} kurulumunun anahtarı iptal edilmiş`);
  await page.getByRole('button', { name: 'Uygula' }).click();
  await expect(page.getByTestId('import-result').getByTestId('import-revoked')).toBeVisible();
  expect((await arrange(kopru, 'directory:search', { query: 'çalınmış' })).total).toBe(0);
});
