import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { arrange, dismissToasts, districtIdOf, expect, setupMinistry, setupProvince, snap } from './fixtures';
import { deliver, enrol, exportFile, test } from './syncNodes';

// Enrolment and the first exchange through the screen, with the other installation as a real installation
// of its own: the province introduces itself and receives the ministry's welcome file (comparing the
// ministry's fingerprint), sends its new youth centre, and the ministry's data shows it. A province also
// enrols a youth centre from the other side of the handshake.

test.describe.configure({ timeout: 120_000 });

const ANKARA = 'Ankara Gençlik ve Spor İl Müdürlüğü';
const MINISTRY = 'Gençlik ve Spor Bakanlığı — STK ile İlişkiler Dairesi';

async function openTab(page: Page, name: string) {
  await page.getByRole('tab', { name, exact: true }).click();
}

/** Where the screen suggests writing files: `<data folder>/../degisim/<name>`. */
function suggestion(dataDir: string, pattern: string): RegExp {
  const folder = path.join(path.dirname(dataDir), 'degisim') + path.sep;
  return new RegExp(`^${folder.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${pattern}$`);
}

test('a province enrols with the ministry and sends it a youth centre, all through the exchange screen', async ({ page, kopru, world }) => {
  const province = await setupProvince(kopru, '06');
  const browser = await world.browser(kopru);
  const ministry = await world.node('ministry');
  await page.goto(kopru.harness.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Veri Değişimi' }).click();
  await expect(page.getByRole('heading', { name: 'Veri Değişimi' })).toBeVisible();
  // The installation's own fingerprint and node id, large, for the phone call.
  const own = page.getByTestId('own-identity');
  await expect(own.getByLabel('Bu kurulumun parmak izi')).toHaveText(province.fingerprint);
  await expect(own.getByLabel('Düğüm kimliği')).toHaveText(province.nodeId);
  await expect(page.getByText('Henüz kayıtlı eş kurulum yok.', { exact: false })).toBeVisible();

  // 1. The province writes its introduction file.
  await openTab(page, 'Kayıt');
  const introPath = page.getByRole('textbox', { name: 'Tanıtım dosyasının yeri' });
  await expect(introPath).toHaveValue(suggestion(kopru.dataDir, 'tanitim-ankara-genclik-ve-spor-il-mudurlugu-\\d{2}\\.\\d{2}\\.\\d{4}-\\d{4}\\.json'));
  const intro = world.file('tanitim-ankara.json');
  await introPath.fill(intro);
  await page.getByRole('button', { name: 'Tanıtım dosyası oluştur' }).click();
  const introDone = page.getByTestId('introduce-done');
  await expect(introDone).toContainText(intro);
  await expect(introDone.getByLabel('Bu kurulumun parmak izi')).toHaveText(province.fingerprint);
  expect(fs.existsSync(intro)).toBe(true);

  // 2. The ministry (its own installation) compares the fingerprint, enrols the province, answers with a welcome file.
  const card = await ministry.ok('sync:readIntroduction', { path: intro });
  expect(card).toMatchObject({ unitName: ANKARA, role: 'province', provincePlate: '06', fingerprint: province.fingerprint });
  await ministry.ok('sync:enroll', { path: intro, fingerprint: card.fingerprint });
  const welcome = world.file('karsilama-ankara.kopru');
  await ministry.ok('sync:export', { peerNode: province.nodeId, path: welcome, welcome: true });

  // 3. The province receives the welcome file, comparing the ministry's fingerprint first.
  await openTab(page, 'Dosya al');
  await page.getByRole('textbox', { name: 'Değişim dosyası' }).fill(welcome);
  await page.getByRole('button', { name: 'Dosyayı incele' }).click();
  const inspection = page.getByTestId('inspection');
  await expect(inspection).toContainText(MINISTRY);
  await expect(inspection).toContainText('Karşılama dosyası (ilk kayıt)');
  await expect(page.getByTestId('inspect-for-this')).toHaveText('Evet');
  await expect(page.getByTestId('inspect-enrolled')).toContainText('Hayır');
  await expect(page.getByTestId('file-fingerprint')).toHaveText(ministry.fingerprint);
  const told = page.getByRole('textbox', { name: /telefonda okuduğu parmak izi/ });
  await expect(told).toHaveValue('');
  const previewButton = page.getByRole('button', { name: 'Önizle', exact: true });
  await expect(previewButton).toBeDisabled();
  await told.fill('0000 1111 2222 3333 4444 5555 6666 7777');
  await expect(page.getByText('Parmak izi eşleşmiyor.', { exact: false })).toBeVisible();
  await expect(previewButton).toBeDisabled();
  // Spaces and case do not matter: people type what they hear.
  await told.fill(ministry.fingerprint.replace(/ /g, '').toLowerCase());
  await expect(page.getByTestId('fingerprint-match')).toBeVisible();
  await previewButton.click();
  await expect(page.getByText('Bu bir önizlemedir', { exact: false })).toBeVisible();
  await expect(page.getByTestId('import-tables')).toContainText('Kurulum rehberi');
  // The dry run enrolled nobody.
  expect((await arrange(kopru, 'sync:status', {})).peers).toEqual([]);
  await page.getByRole('button', { name: 'Uygula' }).click();
  const result = page.getByTestId('import-result');
  await expect(result).toContainText(`${MINISTRY} kurulumundan gelen dosya alındı`);
  const peers = (await arrange(kopru, 'sync:status', {})).peers;
  expect(peers).toEqual([expect.objectContaining({ nodeId: ministry.nodeId, fingerprint: ministry.fingerprint, role: 'ministry' })]);

  // 4. A new youth centre is waiting for the ministry.
  await arrange(kopru, 'orgUnits:createYouthCentre', { name: 'Keçiören Gençlik Merkezi', districtId: await districtIdOf(kopru, '06', 'Keçiören'), status: 'active' });
  await page.getByRole('navigation').getByRole('link', { name: 'Birimler' }).click();
  await page.getByRole('navigation').getByRole('link', { name: 'Veri Değişimi' }).click();
  await openTab(page, 'Eşler');
  const row = page.getByTestId('peers-table').getByRole('row').filter({ hasText: MINISTRY });
  await expect(row).toContainText('Bakanlık');
  await expect(row.getByRole('cell', { name: ministry.fingerprint })).toBeVisible();
  const pending = (await arrange(kopru, 'sync:status', {})).peers[0]!.pendingChanges;
  expect(pending).toBeGreaterThan(0);
  await expect(row.getByRole('cell').nth(5)).toHaveText(String(pending));
  // Received just now; nothing sent yet.
  await expect(row.getByRole('cell').nth(3)).toHaveText('Henüz yok');
  await expect(row.getByRole('cell').nth(4)).toHaveText(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);

  // 5. The province creates a file for the ministry from the peer's row.
  await row.getByRole('button', { name: `${MINISTRY} için dosya oluştur` }).click();
  await expect(page.getByRole('tab', { name: 'Dosya oluştur', selected: true })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Dosya kimin için?' })).toHaveValue(`${MINISTRY} (Bakanlık)`);
  await expect(page.getByTestId('export-pending')).toHaveText(`Eşin aldığı henüz doğrulanmamış ${pending} değişiklik dosyaya girecek.`);
  const exportPath = page.getByRole('textbox', { name: 'Dosyanın yeri' });
  await expect(exportPath).toHaveValue(suggestion(kopru.dataDir, 'genclik-ve-spor-bakanligi-stk-ile-iliskiler-dairesi-\\d{2}\\.\\d{2}\\.\\d{4}-\\d{4}\\.kopru'));
  const changesFile = world.file('ankara-bakanlik.kopru');
  await exportPath.fill(changesFile);
  await page.getByRole('button', { name: 'Dosya oluştur', exact: true }).click();
  const summary = page.getByTestId('export-result');
  await expect(summary).toContainText('Dosya oluşturuldu');
  await expect(summary.getByLabel(`Değişiklik: ${pending}`)).toBeVisible();
  await expect(summary.getByLabel('Ek dosya: 0')).toBeVisible();
  await expect(summary.getByLabel(/^Dosya boyutu: \d+(,\d)? (B|KB)$/)).toBeVisible();
  await expect(page.getByTestId('export-tables').getByRole('row').filter({ hasText: 'Gençlik merkezleri' })).toBeVisible();
  await snap(page, 'sync-export-result', { top: true });
  // A second file under the same name is refused; the first stays as it was.
  const written = fs.readFileSync(changesFile);
  await page.getByRole('button', { name: 'Dosya oluştur', exact: true }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  expect(fs.readFileSync(changesFile).equals(written)).toBe(true);

  // 6. The ministry receives the file; its data shows the centre.
  const received = await ministry.ok('sync:import', { path: changesFile });
  expect(received.report.tables.youth_centres?.new).toBe(1);
  expect(received.report.rejected).toEqual([]);
  const found = await ministry.ok('orgUnits:searchYouthCentres', { query: 'kecioren' });
  expect(found.items.map((c) => c.name)).toEqual(['Keçiören Gençlik Merkezi']);

  // 7. Peers and the ledger tell what happened. Sent changes stay pending until the ministry's next file
  // shows it has them.
  await openTab(page, 'Eşler');
  await expect(row.getByRole('cell').nth(3)).toHaveText(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);
  await expect(row.getByRole('cell').nth(5)).toHaveText(String(pending));
  await deliver(world, ministry, browser);
  await page.reload();
  await expect(row.getByRole('cell').nth(5)).toHaveText('0');
  await dismissToasts(page);
  await snap(page, 'sync-peers', { top: true });
  await openTab(page, 'Kayıt defteri');
  const ledger = page.getByTestId('ledger');
  const lines = ledger.getByRole('row');
  await expect(lines).toHaveCount(5);
  await expect(lines.nth(1)).toContainText('Alınan dosya');
  await expect(lines.nth(2)).toContainText('Gönderilen dosya');
  await expect(lines.nth(2)).toContainText('ankara-bakanlik.kopru');
  await expect(lines.nth(2)).toContainText(MINISTRY);
  await expect(lines.nth(2)).toContainText(`${pending} değişiklik · 0 ek`);
  await expect(lines.nth(3)).toContainText('Alınan dosya');
  await expect(lines.nth(3)).toContainText('karsilama-ankara.kopru');
  await expect(lines.nth(3)).toContainText(MINISTRY);
  await expect(lines.nth(3)).toContainText('Uygulandı');
  await expect(lines.nth(4)).toContainText('Tanıtım dosyası');
  await expect(lines.nth(4)).toContainText('tanitim-ankara.json');
  await snap(page, 'sync-ledger', { top: true });
});

test('a province accepts a youth centre’s introduction only with the right fingerprint, binds it to a centre of its list, then writes its welcome file', async ({ page, kopru, world }) => {
  const province = await setupProvince(kopru, '06');
  const browser = await world.browser(kopru);
  const centre = await world.node('youth-center', '06');
  const isiklar = await arrange(kopru, 'orgUnits:createYouthCentre', { name: 'Işıklar Gençlik Merkezi', districtId: await districtIdOf(kopru, '06', 'Çankaya'), status: 'active' });
  const intro = world.file('tanitim-cankaya.json');
  await centre.ok('sync:introduce', { path: intro });

  await page.goto(`${kopru.harness.url}#/exchange/enrol`);
  await expect(page.getByRole('heading', { name: 'Tanıtım dosyasını kabul et' })).toBeVisible();
  // Not an introduction file: the server's reason, nothing else.
  await page.getByRole('textbox', { name: 'Tanıtım dosyası', exact: true }).fill(world.file('yok.json'));
  await page.getByRole('button', { name: 'Dosyayı oku' }).click();
  await expect(page.getByRole('alert')).toContainText('Bu bir Köprü tanıtım dosyası değil ya da okunamadı.');

  await page.getByRole('textbox', { name: 'Tanıtım dosyası', exact: true }).fill(intro);
  await page.getByRole('button', { name: 'Dosyayı oku' }).click();
  const card = page.getByTestId('introduction-card');
  await expect(card).toContainText('Çankaya Gençlik Merkezi');
  await expect(card).toContainText('Gençlik Merkezi');
  await expect(card).toContainText('06 — Ankara');
  await expect(card).toContainText(centre.nodeId);
  await expect(page.getByTestId('file-fingerprint')).toHaveText(centre.fingerprint);
  const told = page.getByRole('textbox', { name: /Çankaya Gençlik Merkezi kurulumunun size telefonda okuduğu parmak izi/ });
  await expect(told).toHaveValue('');
  const enrolButton = page.getByRole('button', { name: 'Parmak izi eşleşiyor, kaydet' });
  await told.fill(province.fingerprint);
  await expect(page.getByText('Parmak izi eşleşmiyor.', { exact: false })).toBeVisible();
  await expect(enrolButton).toBeDisabled();
  await told.fill(centre.fingerprint);
  await expect(enrolButton).toBeEnabled();
  // Which record of the province's list the installation is: a new one from its introduction by default,
  // or one the clerk picks (searchable, Turkish-insensitive).
  const record = page.getByRole('combobox', { name: 'Gençlik merkezi kaydı' });
  await expect(record).toHaveValue('Listeye yeni kayıt olarak ekle: Çankaya Gençlik Merkezi');
  await record.click();
  await record.fill('isik');
  await page.getByRole('option', { name: 'Işıklar Gençlik Merkezi (Çankaya)' }).click();
  await expect(record).toHaveValue('Işıklar Gençlik Merkezi (Çankaya)');
  await snap(page, 'sync-enrol-compare', { top: true });
  await enrolButton.click();
  await expect(page.getByTestId('enrolled')).toContainText('Çankaya Gençlik Merkezi artık bu kurulumun eşi.');

  const welcome = world.file('karsilama-cankaya.kopru');
  await page.getByRole('textbox', { name: 'Karşılama dosyasının yeri' }).fill(welcome);
  await page.getByRole('button', { name: 'Karşılama dosyası oluştur' }).click();
  const done = page.getByTestId('welcome-done');
  await expect(done).toContainText(welcome);
  await expect(done.getByLabel('Bu kurulumun parmak izi')).toHaveText(province.fingerprint);

  // The youth centre receives it with the province's fingerprint and now knows the province.
  await centre.ok('sync:import', { path: welcome, welcomeFingerprint: browser.fingerprint });
  expect((await centre.ok('sync:status', {})).peers).toEqual([expect.objectContaining({ nodeId: province.nodeId, role: 'province' })]);
  await page.getByRole('tab', { name: 'Eşler', exact: true }).click();
  await expect(page.getByTestId('peers-table')).toContainText('Çankaya Gençlik Merkezi');
  await expect(page.getByTestId('peers-table').getByRole('cell', { name: centre.fingerprint })).toBeVisible();
  // From the welcome file on, the youth centre plans its own centre's meetings, and only those.
  expect((await centre.ok('meetings:venues', {})).centres.map((c) => c.id)).toEqual([isiklar.id]);
});

test('a file from an installation whose clock runs ahead is previewed and received with a warning naming it', async ({ page, kopru, world }) => {
  await setupProvince(kopru, '06');
  const browser = await world.browser(kopru);
  const ministry = await world.node('ministry', undefined, { clockAheadMs: 3 * 60 * 60 * 1000 });
  await enrol(world, ministry, browser);
  const { updatedAt: _updatedAt, ...policy } = await ministry.ok('registry:getPolicy', {});
  await ministry.ok('registry:updatePolicy', { ...policy, yearsWithoutVisaForCancellation: policy.yearsWithoutVisaForCancellation + 1 });
  const file = await exportFile(world, ministry, browser);

  await page.goto(`${kopru.harness.url}#/exchange/import`);
  await page.getByRole('textbox', { name: 'Değişim dosyası' }).fill(file);
  await page.getByRole('button', { name: 'Dosyayı incele' }).click();
  const warnings = page.getByTestId('import-warnings');
  await expect(warnings).toContainText('Uyarılar');
  await expect(warnings).toContainText(`${MINISTRY} kurulumunun saati yaklaşık 3 saat ileride görünüyor.`);
  await expect(page.getByTestId('import-tables')).toContainText('Başvuru verileri');
  await page.getByRole('button', { name: 'Uygula' }).click();
  await expect(page.getByTestId('import-result').getByTestId('import-warnings')).toContainText('3 saat ileride');
  expect((await arrange(kopru, 'registry:getPolicy', {})).yearsWithoutVisaForCancellation).toBe(policy.yearsWithoutVisaForCancellation + 1);
});

/** Reads a file in the import screen up to its preview (the sender is enrolled: no fingerprint step). */
async function preview(page: Page, file: string, labels: { path: string; inspect: string; dryRun: string }) {
  await page.getByRole('textbox', { name: labels.path }).fill(file);
  await page.getByRole('button', { name: labels.inspect }).click();
  await expect(page.getByText(labels.dryRun, { exact: false })).toBeVisible();
}

test('the preview of a province’s file names its tables and units in the interface language, and its totals add up', async ({ page, kopru, world }) => {
  await setupMinistry(kopru);
  const browser = await world.browser(kopru);
  const ankara = await world.node('province', '06');
  await enrol(world, browser, ankara);
  const districts = await ankara.ok('orgUnits:listDistricts', { provincePlate: '06' });
  const kecioren = districts.find((d) => d.name === 'Keçiören')!.id;
  await ankara.ok('orgUnits:createYouthCentre', { name: 'Keçiören Gençlik Merkezi', districtId: kecioren, status: 'active' });
  await ankara.ok('orgUnits:createYouthCentre', { name: 'Etlik Gençlik Merkezi', districtId: kecioren, status: 'active' });
  await ankara.ok('registry:create', { name: 'Keçiören Köprü Gençlik Kulübü Derneği', clubType: 'GENCLIK_KULUBU', districtId: kecioren });
  await ankara.ok('directory:create', { kind: 'STK', subtype: 'DERNEK', name: 'Keçiören Gönüllüleri Derneği', provincePlate: '06' });
  const file = await exportFile(world, ankara, browser);

  await page.goto(`${kopru.harness.url}#/exchange/import`);
  await preview(page, file, { path: 'Değişim dosyası', inspect: 'Dosyayı incele', dryRun: 'Bu bir önizlemedir' });
  await expect(page.getByTestId('inspection')).toContainText(ANKARA);
  const tables = page.getByTestId('import-tables');
  for (const name of ['Gençlik merkezleri', 'Dernekler', 'Dernek geçmişi', 'Kurumlar']) await expect(tables).toContainText(name);
  // Never a raw table name such as meeting_participants.
  expect(await tables.innerText()).not.toMatch(/[a-z]+_[a-z]+/);
  await expect(tables.getByRole('row').filter({ hasText: 'Gençlik merkezleri' }).getByRole('cell').nth(1)).toHaveText('2');
  // The header says what the table's total row says.
  const total = page.getByTestId('import-tables-total').getByRole('columnheader');
  await expect(total.first()).toHaveText('Toplam');
  const totals = page.getByTestId('import-totals');
  for (const [i, label] of ['Yeni', 'Güncellenen', 'Değişmeyen', 'Reddedilen', 'Üst kaydını bekleyen'].entries()) {
    await expect(totals.getByLabel(`${label}: ${await total.nth(i + 1).innerText()}`)).toBeVisible();
  }
  await expect(totals.getByLabel('Reddedilen: 0')).toBeVisible();
  const changes = page.getByTestId('import-changes');
  const received = await changes.getByLabel(/^Dosyadaki değişiklik: /).innerText();
  await expect(changes.getByLabel(`Bu kurulum için yeni: ${received.replace(/^.*: /, '')}`)).toBeVisible();
  await snap(page, 'sync-import-preview-tables', { top: true });

  // The same preview in English.
  await arrange(kopru, 'settings:setLanguage', { language: 'en' });
  await page.reload();
  await preview(page, file, { path: 'Exchange file', inspect: 'Inspect file', dryRun: 'This is a preview' });
  for (const name of ['Youth centres', 'Associations', 'Association history', 'Organisations', 'Total']) await expect(tables).toContainText(name);
  expect(await tables.innerText()).not.toMatch(/[a-z]+_[a-z]+/);
  await expect(page.getByTestId('import-totals').getByLabel('Refused: 0')).toBeVisible();
  await snap(page, 'sync-import-preview-tables-en', { top: true });
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('import-done')).toContainText(' new records added');
  await arrange(kopru, 'settings:setLanguage', { language: 'tr' });
});

test('the enrolment of a youth centre, in English: the introduction, the fingerprint and the centre record', async ({ page, kopru, world }) => {
  await setupProvince(kopru, '06');
  await arrange(kopru, 'settings:setLanguage', { language: 'en' });
  const centre = await world.node('youth-center', '06');
  const intro = world.file('tanitim-cankaya-en.json');
  await centre.ok('sync:introduce', { path: intro });
  await page.goto(`${kopru.harness.url}#/exchange/enrol`);
  await expect(page.getByRole('heading', { name: 'Accept an introduction file' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Introduction file', exact: true }).fill(intro);
  await page.getByRole('button', { name: 'Read file' }).click();
  await expect(page.getByTestId('introduction-card')).toContainText('Çankaya Gençlik Merkezi');
  await page.getByRole('textbox', { name: /Çankaya Gençlik Merkezi/ }).fill(centre.fingerprint);
  await expect(page.getByRole('button', { name: 'Fingerprint matches, enrol' })).toBeEnabled();
  await expect(page.getByRole('combobox', { name: 'Youth centre record' })).toHaveValue('Add to the list as a new record: Çankaya Gençlik Merkezi');
  await expect(page.getByText("This installation will plan this youth centre's meetings, and no other centre's.")).toBeVisible();
  await snap(page, 'sync-enrol-compare-en', { top: true });
  await arrange(kopru, 'settings:setLanguage', { language: 'tr' });
});
