import fs from 'node:fs';
import { arrange, districtIdOf, expect, fillDemoSummary, setupProvince, snap, test } from './fixtures';

// The registry list over realistic data: Turkish-insensitive search done by the server, per-status counts
// as chips that filter, and a virtualised table that only renders what is in view.

// Long journeys over real data: more time than the default per test.
test.describe.configure({ timeout: 120_000 });

test('the registry list searches Turkish-insensitively, counts per status and filters by a status chip', async ({ page, kopru }) => {
  await setupProvince(kopru, '06');
  const demo = await fillDemoSummary(kopru, { associationsPerProvince: 240 });
  const mine = await arrange(kopru, 'registry:create', {
    name: 'Çankaya Işıklı Gençlik ve Spor Kulübü Derneği',
    clubType: 'GENCLIK_VE_SPOR_KULUBU',
    kutukNo: '06-777-001',
    districtId: await districtIdOf(kopru, '06', 'Çankaya'),
  });
  await arrange(kopru, 'registry:savePerson', { associationId: mine.id, kind: 'YONETIM', membership: 'ASIL', role: 'Başkan', fullName: 'Şükrüye Çağılgan' });
  const all = demo.associations + 1;
  const counts = (await arrange(kopru, 'registry:statusCounts', {})).countsByStatus;

  await page.goto(`${kopru.harness.url}#/registry`);
  await expect(page.getByRole('heading', { name: 'Dernek Sicili' })).toBeVisible();
  const total = page.getByTestId('registry-total');
  await expect(total).toHaveText(`${all} dernek`);
  // Counts per state on the chips, as the server computed them.
  const chips = page.getByTestId('status-chips');
  await expect(chips.getByText(`Tescilli ${counts.TESCILLI}`, { exact: true })).toBeVisible();
  await expect(chips.getByText(`Taslak ${counts.TASLAK}`, { exact: true })).toBeVisible();
  await expect(chips.getByRole('checkbox', { name: 'Tüm durumlar' })).toBeChecked();
  // Virtualised: far fewer rows in the DOM than associations.
  const table = page.getByTestId('registry-table');
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  expect(await table.getByRole('row').count()).toBeLessThan(80);
  await snap(page, 'registry-list');

  const search = page.getByRole('searchbox', { name: 'Ara' });
  await search.fill('genclik');
  await expect(total).toHaveText(`${all} dernek`);
  await search.fill('isikli genclik');
  await expect(total).toHaveText('1 dernek');
  await expect(table).toContainText('Çankaya Işıklı Gençlik ve Spor Kulübü Derneği');
  // A board member's name typed without Turkish letters finds the association.
  await search.fill('sukruye cagilgan');
  await expect(total).toHaveText('1 dernek');
  await expect(table).toContainText('Çankaya Işıklı Gençlik ve Spor Kulübü Derneği');
  await search.fill('06-777-001');
  await expect(total).toHaveText('1 dernek');
  await expect(table.getByRole('row').nth(1)).toContainText('06-777-001');
  await search.fill('zzzzqqq');
  await expect(page.getByText('Aramanıza ve filtrelerinize uyan dernek bulunamadı.', { exact: false })).toBeVisible();
  await search.fill('');
  await expect(total).toHaveText(`${all} dernek`);

  // A chip filters by state; the counts stay those of every state.
  await chips.getByText(`Taslak ${counts.TASLAK}`, { exact: true }).click();
  await expect(chips.getByRole('checkbox', { name: `Taslak ${counts.TASLAK}` })).toBeChecked();
  await expect(total).toHaveText(`${counts.TASLAK} dernek`);
  await expect(table.getByRole('row').nth(1)).toContainText('Taslak');
  await expect(table.getByRole('row').nth(1)).not.toContainText('Tescilli');
  await expect(chips.getByText(`Tescilli ${counts.TESCILLI}`, { exact: true })).toBeVisible();
  // Excel export takes the same filters: only the drafts.
  const xlsx = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Excel’e aktar' }).click();
  const file = await xlsx;
  expect(file.suggestedFilename()).toMatch(/^Dernekler \d{2}\.\d{2}\.\d{4}\.xlsx$/);
  expect(fs.readFileSync((await file.path())!).subarray(0, 2).toString('latin1')).toBe('PK');
  await expect(page.getByText(`${counts.TASLAK} dernek “${file.suggestedFilename()}” dosyasına aktarıldı.`)).toBeVisible();
  await chips.getByText('Tüm durumlar').click();
  await expect(total).toHaveText(`${all} dernek`);

  // Any column header orders the list (by the database, in Turkish order); a second click reverses it.
  const districtHeader = table.getByRole('columnheader', { name: 'İlçe' });
  await expect(districtHeader).toHaveAttribute('aria-sort', 'none');
  await districtHeader.getByRole('button').click();
  await expect(districtHeader).toHaveAttribute('aria-sort', 'ascending');
  const firstDistrict = async () => (await table.getByRole('row').nth(1).getByRole('cell').nth(1).textContent())!.trim();
  const districts = (await arrange(kopru, 'registry:search', { sort: 'district', limit: 1 })).items;
  await expect.poll(firstDistrict).toBe(districts[0]!.districtName);
  await snap(page, 'registry-list-sorted');
  await districtHeader.getByRole('button').click();
  await expect(districtHeader).toHaveAttribute('aria-sort', 'descending');
  const last = (await arrange(kopru, 'registry:search', { sort: 'district', direction: 'desc', limit: 1 })).items;
  await expect.poll(firstDistrict).toBe(last[0]!.districtName);
  expect(last[0]!.districtName).not.toBe(districts[0]!.districtName);
  await table.getByRole('columnheader', { name: 'Dernek adı' }).getByRole('button').click();
  await expect(total).toHaveText(`${all} dernek`);

  // Opening a record and coming back keeps the search.
  await search.fill('isikli');
  await table.getByRole('link', { name: 'Çankaya Işıklı Gençlik ve Spor Kulübü Derneği' }).click();
  await expect(page.getByTestId('association-page')).toBeVisible();
  await page.getByRole('link', { name: 'Dernek Sicili' }).first().click();
  await expect(search).toHaveValue('isikli');
  await expect(total).toHaveText('1 dernek');

  // Ctrl+F goes to the search box from anywhere on the list; typed fast, the last text wins, and the chips are
  // counted exactly once typing pauses (they are not recounted on every key).
  await search.fill('');
  await expect(total).toHaveText(`${all} dernek`);
  await expect(chips.getByText(`Tescilli ${counts.TESCILLI}`, { exact: true })).toBeVisible();
  await page.getByRole('heading', { name: 'Dernek Sicili' }).click();
  await page.keyboard.press('Control+f');
  await expect(search).toBeFocused();
  await page.keyboard.press('Control+a');
  await search.pressSequentially('cankaya isikli spor', { delay: 15 });
  await expect(search).toHaveValue('cankaya isikli spor');
  await expect(total).toHaveText('1 dernek');
  await expect(chips.getByText('Taslak 1', { exact: true })).toBeVisible();
  // A state with no match has no chip: only "all" and the one draft.
  await expect(chips.getByRole('checkbox')).toHaveCount(2);
});
