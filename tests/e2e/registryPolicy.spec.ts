import { arrange, dismissToasts, expect, setupMinistry, setupProvince, snap, test } from './fixtures';

// The registry policy is the ministry's: it edits the approving level, the visa window and the checklists in
// Settings; other installations see the rules in force, read-only.

test('the ministry edits the registry policy; bad days and a window ending before it starts are refused', async ({ page, kopru }) => {
  await setupMinistry(kopru);
  await page.goto(`${kopru.harness.url}#/settings`);
  const policy = page.getByTestId('policy-form');
  await expect(page.getByRole('heading', { name: 'Dernek sicili politikası' })).toBeVisible();
  await expect(policy.getByRole('radio', { name: 'Bakanlık (merkez)' })).toBeChecked();

  // A day that is not GG.AA is caught here; a window that ends before it starts is refused by the server.
  await policy.getByRole('textbox', { name: 'Vize dönemi başlangıcı (GG.AA)' }).fill('32.01');
  await policy.getByRole('button', { name: 'Kaydet' }).click();
  await expect(policy.getByText('Günü GG.AA biçiminde yazın (örnek: 30.04).')).toBeVisible();
  await policy.getByRole('textbox', { name: 'Vize dönemi başlangıcı (GG.AA)' }).fill('01.06');
  await policy.getByRole('button', { name: 'Kaydet' }).click();
  await expect(policy.getByText('Dönem sonu başlangıçtan önce olamaz.')).toBeVisible();
  expect((await arrange(kopru, 'registry:getPolicy', {})).updatedAt).toBeNull();

  await policy.getByRole('textbox', { name: 'Vize dönemi başlangıcı (GG.AA)' }).fill('01.01');
  await policy.getByRole('textbox', { name: 'Vize dönemi sonu (GG.AA)' }).fill('31.05');
  await policy.getByRole('radio', { name: 'İl müdürlüğü' }).check();
  const visa = policy.getByRole('group', { name: 'Vize belge listesi' });
  await visa.getByRole('button', { name: '“Güncel yetkili kişi bilgileri” belgesini listeden çıkar' }).click();
  await visa.getByRole('button', { name: 'Belge ekle' }).click();
  await visa.getByRole('textbox', { name: 'Belge 7' }).fill('Denetim kurulu raporu');
  await visa.getByRole('checkbox', { name: 'Zorunlu' }).last().check();
  await policy.getByRole('button', { name: 'Kaydet' }).click();
  await expect(page.getByText('Sicil politikası kaydedildi.')).toBeVisible();
  await expect(policy).toContainText('Son değişiklik:');

  const saved = await arrange(kopru, 'registry:getPolicy', {});
  expect(saved.approvingLevel).toBe('province');
  expect(saved.visaWindow).toEqual({ start: '01-01', end: '05-31' });
  expect(saved.visaChecklist.map((i) => i.label)).not.toContain('Güncel yetkili kişi bilgileri');
  expect(saved.visaChecklist.at(-1)).toMatchObject({ label: 'Denetim kurulu raporu', mandatory: true });

  // Reloaded, the form shows what was saved.
  await page.reload();
  await expect(policy.getByRole('radio', { name: 'İl müdürlüğü' })).toBeChecked();
  await expect(policy.getByRole('textbox', { name: 'Vize dönemi sonu (GG.AA)' })).toHaveValue('31.05');
  await dismissToasts(page);
  await snap(page, 'registry-policy');
});

test('a province sees the policy in force but cannot edit it', async ({ page, kopru }) => {
  await setupProvince(kopru, '06');
  await page.goto(`${kopru.harness.url}#/settings`);
  const summary = page.getByTestId('policy-summary');
  await expect(summary).toContainText('Tescili onaylayan makamBakanlık (merkez)');
  await expect(summary).toContainText('Vize dönemi01.01 – 30.04');
  await expect(summary).toContainText('20 MB');
  await expect(page.getByTestId('policy-form')).toHaveCount(0);
});
