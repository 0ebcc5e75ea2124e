import { arrange, dismissToasts, expect, setupProvince, snap, test } from './fixtures';

// Destruction (issue #16): at a province, a board member whose term ended years ago is past the retention
// periods; the İmha tab lists what goes, "Şimdi imha et" asks first, erases it, and the destruction log says
// what was done without the data; the screens in Turkish and in English.

test('a province destroys what is past its retention period and sees it in the destruction log', async ({ page, kopru }) => {
  await setupProvince(kopru);
  const association = await arrange(kopru, 'registry:create', { name: 'Eski Kurul Gençlik Kulübü', clubType: 'GENCLIK_KULUBU', districtId: '06-mamak' });
  await arrange(kopru, 'registry:savePerson', { associationId: association.id, kind: 'YONETIM', membership: 'ASIL', fullName: 'Özlem Işıkçı', tcKimlikNo: '10000000146', phone: '+903125551234', termStart: '2012-01-01', termEnd: '2015-12-31' });

  await page.goto(`${kopru.harness.url}#/privacy/destruction`);
  const due = page.getByTestId('destruction-due');
  await expect(due.getByRole('row', { name: /TC Kimlik No’su/ })).toContainText('5 yıl');
  await expect(due.getByRole('row', { name: /TC Kimlik No’su/ }).getByRole('cell').nth(2)).toHaveText('1');
  await expect(page.getByText('Henüz imha kaydı yok.')).toBeVisible();
  await snap(page, 'privacy-destruction-due', { top: true });

  await page.getByRole('button', { name: 'Şimdi imha et' }).click();
  await expect(page.getByRole('dialog', { name: 'Süresi dolan veriler imha edilsin mi?' })).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'İmha et' }).click();
  await expect(page.getByText('İmha tamamlandı; 2 kural uygulandı')).toBeVisible();
  const log = page.getByTestId('destruction-log');
  await expect(log.getByRole('row')).toHaveCount(3);
  await expect(log).toContainText('Dernek kişileri (tc_kimlik_no)');
  await expect(log).toContainText('Elle (Şimdi imha et)');
  await expect(log).not.toContainText('Özlem');
  await expect(page.getByRole('button', { name: 'Şimdi imha et' })).toBeDisabled();
  const detail = await arrange(kopru, 'registry:get', { id: association.id });
  const member = detail.people.find((p: { fullName: string }) => p.fullName === 'Özlem Işıkçı')!;
  expect(member.tcMasked).toBeNull();
  await dismissToasts(page);
  await snap(page, 'privacy-destruction-log', { top: true });

  await arrange(kopru, 'settings:setLanguage', { language: 'en' });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Destruction log' })).toBeVisible();
  await expect(page.getByTestId('destruction-log')).toContainText('By hand (Destroy now)');
  await snap(page, 'privacy-destruction-log-en', { top: true });
});
