import type { Page } from '@playwright/test';
import { arrange, dismissToasts, expect, setupMinistry, setupProvince, snap } from './fixtures';
import { deliver, enrol, exportFile, test, type Node, type World } from './syncNodes';

// A real conflict: two workstations of the Ankara directorate rename the same youth centre before they
// exchange. The other workstation's change reaches the browser's installation through the ministry; the
// import wizard previews the conflict, the inbox shows both values and which stands, the owner keeps one, and
// the choice travels on like any change. The ministry sees conflicts on rows it does not own but cannot decide.

test.describe.configure({ timeout: 120_000 });

const MINISTRY = 'Gençlik ve Spor Bakanlığı — STK ile İlişkiler Dairesi';
const ORIGINAL = 'Keçiören Gençlik Merkezi';
const OURS = 'Keçiören Gençlik ve Kültür Merkezi';
const THEIRS = 'Etlik Gençlik Merkezi';
const DATE_TIME = /\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}/;

const pause = () => new Promise((resolve) => setTimeout(resolve, 25));

/** Ministry and a second Ankara workstation, both enrolled; one centre known to all; both workstations rename it. */
async function collide(world: World, ours: Node, other: Node, ministry: Node) {
  await enrol(world, ministry, ours);
  await enrol(world, ministry, other);
  const kecioren = (await ours.ok('orgUnits:listDistricts', { provincePlate: '06' })).find((d) => d.name === 'Keçiören')!;
  const centre = await ours.ok('orgUnits:createYouthCentre', { name: ORIGINAL, districtId: kecioren.id, status: 'active' });
  await deliver(world, ours, ministry);
  await deliver(world, ministry, other);
  expect((await other.ok('orgUnits:getYouthCentre', { id: centre.id })).name).toBe(ORIGINAL);
  await ours.ok('orgUnits:updateYouthCentre', { id: centre.id, name: OURS });
  await pause();
  await other.ok('orgUnits:updateYouthCentre', { id: centre.id, name: THEIRS });
  return centre.id;
}

async function openImport(page: Page, file: string) {
  await page.getByRole('textbox', { name: 'Değişim dosyası' }).fill(file);
  await page.getByRole('button', { name: 'Dosyayı incele' }).click();
}

test('a conflict between two workstations is previewed, shown side by side and resolved by the owner', async ({ page, kopru, world }) => {
  await setupProvince(kopru, '06');
  const ours = await world.browser(kopru);
  const ministry = await world.node('ministry');
  const other = await world.node('province', '06');
  const centreId = await collide(world, ours, other, ministry);

  // The other workstation's rename goes to the ministry, and the ministry's file comes here.
  await deliver(world, other, ministry);
  const file = await exportFile(world, ministry, ours);

  await page.goto(`${kopru.harness.url}#/exchange/import`);
  await openImport(page, file);
  const inspection = page.getByTestId('inspection');
  await expect(inspection).toContainText(MINISTRY);
  await expect(inspection).toContainText('Değişim dosyası');
  await expect(page.getByTestId('inspect-for-this')).toHaveText('Evet');
  await expect(page.getByTestId('inspect-enrolled')).toHaveText('Evet');
  // Known sender: the dry run follows at once.
  await expect(page.getByText('Bu bir önizlemedir', { exact: false })).toBeVisible();
  const totals = page.getByTestId('import-totals');
  await expect(totals.getByLabel('Çakışma: 1')).toBeVisible();
  await expect(totals.getByLabel('Reddedilen: 0')).toBeVisible();
  const centres = page.getByTestId('import-tables').getByRole('row').filter({ hasText: 'Gençlik merkezleri' });
  // Columns: type, new, updated, unchanged, rejected, waiting, examples.
  await expect(centres.getByRole('cell').nth(2)).toHaveText('1');
  await expect(centres.getByRole('cell').nth(6)).toHaveText(THEIRS);
  // Nothing applied yet.
  expect((await arrange(kopru, 'orgUnits:getYouthCentre', { id: centreId })).name).toBe(OURS);
  expect(await arrange(kopru, 'sync:conflicts', {})).toEqual([]);
  await snap(page, 'sync-import-preview', { top: true });

  await page.getByRole('button', { name: 'Uygula' }).click();
  const result = page.getByTestId('import-result');
  await expect(result).toContainText(`${MINISTRY} kurulumundan gelen dosya alındı`);
  await expect(result).toContainText('1 alanda iki kurulum aynı anda farklı değer girmiş.');
  // The later rename stands until the owner decides.
  expect((await arrange(kopru, 'orgUnits:getYouthCentre', { id: centreId })).name).toBe(THEIRS);
  await result.getByRole('link', { name: 'Çakışmalara git' }).click();

  await expect(page.getByRole('tab', { name: /Çakışmalar/, selected: true })).toBeVisible();
  await expect(page.getByLabel('1 açık çakışma')).toBeVisible();
  const card = page.getByTestId('conflict');
  await expect(card).toHaveCount(1);
  await expect(card.getByRole('heading', { name: 'Gençlik merkezi · Ad' })).toBeVisible();
  await expect(card).toContainText(`${THEIRS} · ${centreId}`);
  const local = card.getByTestId('conflict-local');
  const remote = card.getByTestId('conflict-remote');
  await expect(local.getByTestId('conflict-value')).toHaveText(OURS);
  await expect(local).toContainText('Bu kurulumdaki değer');
  await expect(local).toContainText('Ankara Gençlik ve Spor İl Müdürlüğü');
  await expect(local).toContainText(DATE_TIME);
  await expect(local).toContainText(ours.nodeId);
  await expect(local).not.toContainText('Şu an geçerli');
  await expect(remote.getByTestId('conflict-value')).toHaveText(THEIRS);
  await expect(remote).toContainText('Gelen değer');
  await expect(remote).toContainText(DATE_TIME);
  await expect(remote).toContainText(other.nodeId);
  await expect(remote).toContainText('Şu an geçerli');
  await dismissToasts(page);
  await snap(page, 'sync-conflict-inbox', { top: true });

  // The owner keeps its own value, which did not stand.
  await local.getByRole('button', { name: `“${OURS}” değerini tut` }).click();
  await expect(page.getByText(`“${OURS}” tutuldu.`, { exact: false })).toBeVisible();
  await expect(page.getByText('Açık çakışma yok.')).toBeVisible();
  await expect(page.getByLabel('1 açık çakışma')).toBeHidden();
  expect((await arrange(kopru, 'orgUnits:getYouthCentre', { id: centreId })).name).toBe(OURS);
  await page.getByRole('switch', { name: 'Çözülenleri de göster' }).check();
  await expect(card).toHaveCount(1);
  await expect(card).toContainText(/Çözüldü: \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}/);
  await expect(local).toContainText('Tutulan değer');
  await expect(remote).not.toContainText('Tutulan değer');
  await expect(card.getByRole('button')).toHaveCount(0);

  // The records screen shows the kept name…
  await page.getByRole('navigation').getByRole('link', { name: 'Birimler' }).click();
  await expect(page.getByTestId('youth-centres-table')).toContainText(OURS);
  await expect(page.getByTestId('youth-centres-table')).not.toContainText(THEIRS);
  // …and the choice travels on: the ministry and the other workstation end with the same name.
  await deliver(world, ours, ministry);
  await deliver(world, ministry, other);
  expect((await ministry.ok('orgUnits:getYouthCentre', { id: centreId })).name).toBe(OURS);
  expect((await other.ok('orgUnits:getYouthCentre', { id: centreId })).name).toBe(OURS);
});

test('the ministry sees a conflict on a province’s centre but only the province can decide', async ({ page, kopru, world }) => {
  await setupMinistry(kopru);
  const ministry = await world.browser(kopru);
  const first = await world.node('province', '06');
  const second = await world.node('province', '06');
  await collide(world, first, second, ministry);
  await deliver(world, first, ministry);
  await deliver(world, second, ministry);

  await page.goto(`${kopru.harness.url}#/exchange/conflicts`);
  const card = page.getByTestId('conflict');
  await expect(card).toHaveCount(1);
  await expect(card.getByRole('heading', { name: 'Gençlik merkezi · Ad' })).toBeVisible();
  await expect(card.getByTestId('conflict-remote')).toContainText('Şu an geçerli');
  await expect(card.getByTestId('conflict-not-owner')).toHaveText(
    'Bu kayıt başka bir birime ait; hangi değerin kalacağına yalnızca kaydın sahibi karar verebilir.',
  );
  await expect(card.getByRole('button')).toHaveCount(0);
});
