import { arrange, expect, fillAccountStep, snap, test } from './fixtures';

// First run: the wizard binds the installation to its unit, once, for each of the three roles, and creates its
// first administrator (tests/e2e/users.spec.ts checks that step's rules).

test('ministry: a fresh installation is set up as the ministry and enters the app', async ({ page, kopru }) => {
  await page.goto(kopru.harness.url);
  await expect(page.getByRole('heading', { name: 'İlk kurulum' })).toBeVisible();
  await snap(page, 'setup-wizard');

  // Next without a choice tells what is missing.
  await page.getByRole('button', { name: 'İleri' }).click();
  await expect(page.getByText('Birim türünü seçin.')).toBeVisible();

  await page.getByRole('radio', { name: 'Bakanlık (STK ile İlişkiler Dairesi)' }).click();
  await page.getByRole('button', { name: 'İleri' }).click();
  await expect(page.getByText('Bakanlık kurulumu için başka bilgi gerekmez.', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'İleri' }).click();
  await fillAccountStep(page);
  await page.getByRole('button', { name: 'İleri' }).click();

  await expect(page.getByText('Bu seçim sonradan değiştirilemez')).toBeVisible();
  await page.getByRole('button', { name: 'Kurulumu tamamla' }).click();

  await expect(page.getByRole('heading', { name: 'Kurulum tamamlandı' })).toBeVisible();
  const status = await arrange(kopru, 'installation:status', {});
  expect(status.state).toBe('ready');
  expect(status.identity?.role).toBe('ministry');
  const summary = page.getByTestId('identity-summary');
  await expect(summary).toContainText('Gençlik ve Spor Bakanlığı — STK ile İlişkiler Dairesi');
  await expect(summary).toContainText(status.identity!.nodeId);
  await expect(summary).toContainText(status.identity!.fingerprint);
  await snap(page, 'setup-done');

  await page.getByRole('button', { name: 'Uygulamaya geç' }).click();
  await expect(page.getByTestId('role-badge')).toHaveText('Bakanlık');
  await expect(page.getByTestId('user-name')).toHaveText('Deniz Yönetici');
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Birimler' })).toBeVisible();
  // The app opens on the home page ("Bugün").
  await expect(page.getByRole('heading', { name: 'Bugün', level: 2 })).toBeVisible();
});

test('province: the province is found by name in any case or by plate, and only then can the wizard go on', async ({ page, kopru }) => {
  await page.goto(kopru.harness.url);
  await page.getByRole('radio', { name: 'İl Müdürlüğü' }).click();
  await page.getByRole('button', { name: 'İleri' }).click();

  await page.getByRole('button', { name: 'İleri' }).click();
  await expect(page.getByText('İl seçin.')).toBeVisible();

  const province = page.getByRole('combobox', { name: 'İl', exact: true });
  for (const typed of ['izmir', 'İZMİR', 'IZMIR', '35']) {
    await province.fill(typed);
    await expect(page.getByRole('option', { name: '35 — İzmir' })).toBeVisible();
  }
  await province.fill('i');
  // Options follow the Turkish alphabet: Iğdır (ı) before İstanbul (i) and İzmir.
  const options = await page.getByRole('option').allTextContents();
  expect(options.indexOf('76 — Iğdır')).toBeLessThan(options.indexOf('34 — İstanbul'));
  expect(options.indexOf('34 — İstanbul')).toBeLessThan(options.indexOf('35 — İzmir'));

  await province.fill('35');
  await page.getByRole('option', { name: '35 — İzmir' }).click();
  await expect(province).toHaveValue('35 — İzmir');
  await page.getByRole('button', { name: 'İleri' }).click();
  await fillAccountStep(page);
  await page.getByRole('button', { name: 'İleri' }).click();
  await expect(page.getByTestId('setup-summary')).toContainText('35 — İzmir');
  await page.getByRole('button', { name: 'Kurulumu tamamla' }).click();

  await expect(page.getByTestId('identity-summary')).toContainText('İzmir Gençlik ve Spor İl Müdürlüğü');
  await page.getByRole('button', { name: 'Uygulamaya geç' }).click();
  await expect(page.getByTestId('unit-name')).toHaveText('İzmir Gençlik ve Spor İl Müdürlüğü');
  await expect(page.getByTestId('role-badge')).toHaveText('İl Müdürlüğü');
});

test('youth centre: province, district and name are chosen, then the centre enters the app', async ({ page, kopru }) => {
  await page.goto(kopru.harness.url);
  await page.getByRole('radio', { name: 'Gençlik Merkezi' }).click();
  await page.getByRole('button', { name: 'İleri' }).click();

  await page.getByRole('combobox', { name: 'İl', exact: true }).fill('ankara');
  await page.getByRole('option', { name: '06 — Ankara' }).click();
  await page.getByRole('combobox', { name: 'İlçe' }).fill('CANKAYA');
  await page.getByRole('option', { name: 'Çankaya' }).click();
  await page.getByRole('textbox', { name: 'Gençlik merkezinin adı' }).fill('Çankaya Gençlik Merkezi');
  await snap(page, 'setup-youth-centre-details');
  await page.getByRole('button', { name: 'İleri' }).click();
  await fillAccountStep(page);
  await page.getByRole('button', { name: 'İleri' }).click();

  const summary = page.getByTestId('setup-summary');
  await expect(summary).toContainText('Gençlik Merkezi');
  await expect(summary).toContainText('06 — Ankara');
  await expect(summary).toContainText('Çankaya');
  await page.getByRole('button', { name: 'Kurulumu tamamla' }).click();

  await expect(page.getByRole('heading', { name: 'Kurulum tamamlandı' })).toBeVisible();
  const identity = (await arrange(kopru, 'installation:status', {})).identity;
  expect(identity).toMatchObject({ role: 'youth-center', provincePlate: '06', districtName: 'Çankaya', unitName: 'Çankaya Gençlik Merkezi' });
  await page.getByRole('button', { name: 'Uygulamaya geç' }).click();
  await expect(page.getByTestId('unit-name')).toHaveText('Çankaya Gençlik Merkezi');
  await expect(page.getByTestId('role-badge')).toHaveText('Gençlik Merkezi');
});

test('youth centre: a name the server rejects is shown on the name field and nothing is set up', async ({ page, kopru }) => {
  await page.goto(kopru.harness.url);
  await page.getByRole('radio', { name: 'Gençlik Merkezi' }).click();
  await page.getByRole('button', { name: 'İleri' }).click();
  await page.getByRole('combobox', { name: 'İl', exact: true }).fill('06');
  await page.getByRole('option', { name: '06 — Ankara' }).click();
  await page.getByRole('combobox', { name: 'İlçe' }).fill('kecioren');
  await page.getByRole('option', { name: 'Keçiören' }).click();
  await page.getByRole('textbox', { name: 'Gençlik merkezinin adı' }).fill('K');
  await page.getByRole('button', { name: 'İleri' }).click();
  await fillAccountStep(page);
  await page.getByRole('button', { name: 'İleri' }).click();
  await page.getByRole('button', { name: 'Kurulumu tamamla' }).click();

  // Back on the details step, the server's message sits under the field it is about.
  const name = page.getByRole('textbox', { name: 'Gençlik merkezinin adı' });
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Gençlik merkezinin adı en az 2 karakter olmalı.')).toBeVisible();
  expect((await arrange(kopru, 'installation:status', {})).state).toBe('setup-required');
});

test('the wizard can be followed in English, and the choice is kept for the app', async ({ page, kopru }) => {
  await page.goto(kopru.harness.url);
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'First-run setup' })).toBeVisible();
  await page.getByRole('radio', { name: 'Provincial directorate' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('Choose a province.')).toBeVisible();
  await page.getByRole('combobox', { name: 'Province' }).fill('izmir');
  await page.getByRole('option', { name: '35 — İzmir' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await fillAccountStep(page, { language: 'en' });
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('This choice cannot be changed later')).toBeVisible();
  await page.getByRole('button', { name: 'Complete setup' }).click();
  await page.getByRole('button', { name: 'Open the app' }).click();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Org units' })).toBeVisible();
  await expect(page.getByTestId('role-badge')).toHaveText('Provincial directorate');
});
