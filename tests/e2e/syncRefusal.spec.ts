import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { arrange, expect, setupProvince, snap, type KopruFixture } from './fixtures';
import { enrol, exportFile, test } from './syncNodes';

// Files the installation must refuse: one made for another installation, one from an installation it never
// enrolled, one changed on the way, and one that is no Köprü file at all. Each shows the server's Turkish
// reason in a red alert, offers no way forward, and leaves the database exactly as it was.

test.describe.configure({ timeout: 120_000 });

async function inspect(page: Page, file: string) {
  await page.getByRole('textbox', { name: 'Değişim dosyası' }).fill(file);
  await page.getByRole('button', { name: 'Dosyayı incele' }).click();
}

/** What an import could change: peers' bookkeeping, the ledger, conflicts and the synced data itself. */
async function state(kopru: KopruFixture) {
  return {
    status: await arrange(kopru, 'sync:status', {}),
    ledger: await arrange(kopru, 'sync:ledger', {}),
    conflicts: await arrange(kopru, 'sync:conflicts', { includeResolved: true }),
    centres: await arrange(kopru, 'orgUnits:searchYouthCentres', {}),
  };
}

test('files for another installation, from a stranger, changed on the way or not Köprü files are refused and change nothing', async ({ page, kopru, world }) => {
  await setupProvince(kopru, '06');
  const ankara = await world.browser(kopru);
  const ministry = await world.node('ministry');
  const izmir = await world.node('province', '35');
  await enrol(world, ministry, ankara);
  await enrol(world, ministry, izmir);
  const before = await state(kopru);

  await page.goto(`${kopru.harness.url}#/exchange/import`);
  const refusal = page.getByRole('alert').filter({ hasText: 'Dosya alınmadı' });
  const noWayForward = async () => {
    await expect(page.getByRole('button', { name: 'Önizle', exact: true })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Uygula' })).toHaveCount(0);
    await expect(page.getByTestId('import-report')).toHaveCount(0);
  };

  // 1. A file the ministry made for İzmir.
  await inspect(page, await exportFile(world, ministry, izmir));
  await expect(page.getByTestId('inspect-for-this')).toHaveText('Hayır');
  await expect(refusal).toContainText('Bu dosya başka bir kurulum için hazırlanmış; bu kurulumda açılamaz. Dosyayı doğru kuruluma götürün.');
  await noWayForward();
  await snap(page, 'sync-refusal', { top: true });
  await page.getByRole('button', { name: 'Başka bir dosya seç' }).click();

  // 2. From an installation this one never enrolled (a ministry installation that enrolled Ankara on its own).
  const stranger = await world.node('ministry');
  const intro = world.file('tanitim-yabanci.json');
  const { fingerprint } = await ankara.ok('sync:introduce', { path: intro });
  await stranger.ok('sync:enroll', { path: intro, fingerprint });
  await inspect(page, await exportFile(world, stranger, ankara));
  await expect(page.getByTestId('inspect-for-this')).toHaveText('Evet');
  await expect(page.getByTestId('inspect-enrolled')).toHaveText('Hayır');
  await expect(refusal).toContainText(`Dosyayı gönderen kurulum kayıtlı değil (parmak izi ${stranger.fingerprint}).`);
  await noWayForward();
  await page.getByRole('button', { name: 'Başka bir dosya seç' }).click();

  // 3. A real file from the ministry, one byte changed on the way.
  const genuine = await exportFile(world, ministry, ankara);
  const bytes = fs.readFileSync(genuine);
  const at = bytes.length - 200;
  bytes.writeUInt8(bytes.readUInt8(at) ^ 0xff, at);
  const tampered = world.file('degistirilmis.kopru');
  fs.writeFileSync(tampered, bytes);
  await inspect(page, tampered);
  await expect(page.getByTestId('inspect-for-this')).toHaveText('Evet');
  await expect(refusal).toContainText('Dosyanın imzası doğrulanamadı: dosya değiştirilmiş ya da bozulmuş.');
  await noWayForward();
  await page.getByRole('button', { name: 'Başka bir dosya seç' }).click();

  // 4. Not a Köprü file at all, and a file that is not there: refused before any verification summary.
  const junk = world.file('fotograf.kopru');
  fs.writeFileSync(junk, 'PK\u0003\u0004 this is not an exchange file');
  await inspect(page, junk);
  await expect(refusal).toContainText('Bu bir Köprü değişim dosyası değil.');
  await expect(page.getByTestId('inspection')).toHaveCount(0);
  await noWayForward();
  await snap(page, 'sync-refusal-not-kopru', { top: true });
  await inspect(page, world.file('olmayan.kopru'));
  await expect(refusal).toContainText('Dosya açılamadı;');

  // Nothing changed: not the data, not the peers' bookkeeping, not even the ledger.
  const after = await state(kopru);
  // (The only new ledger line is Ankara's own introduction for the stranger, written in step 2.)
  expect(after.ledger.filter((e) => e.direction !== 'introduce')).toEqual(before.ledger.filter((e) => e.direction !== 'introduce'));
  expect(after.status.peers).toEqual(before.status.peers);
  expect(after.conflicts).toEqual(before.conflicts);
  expect(after.centres).toEqual(before.centres);

  // The genuine file is still welcome.
  await inspect(page, genuine);
  await expect(page.getByText('Bu bir önizlemedir', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Uygula' }).click();
  await expect(page.getByTestId('import-result')).toBeVisible();
});
