import fs from 'node:fs';
import path from 'node:path';
import { register } from 'tsx/esm/api';
import type * as AppModule from '../support/app';
import { arrange, dismissToasts, districtIdOf, expect, logDirOf, setupProvince, signInOnScreen, snap, test } from './fixtures';

// Backups as a clerk meets them: in Settings (list, back up now, restore behind a confirmation), on the
// damaged-database screen (the way out), and the support bundle that carries no personal data.

const loader = register({ namespace: 'kopru-e2e-backups' });
const { setupApp } = (await loader.import('../support/app.ts', import.meta.url)) as typeof AppModule;

test('Settings: back up now, restore an earlier backup, and the later record is kept aside', async ({ page, kopru }) => {
  await setupProvince(kopru, '06');
  const districtId = await districtIdOf(kopru, '06', 'Çankaya');
  await arrange(kopru, 'orgUnits:createYouthCentre', { name: 'Yedekteki Gençlik Merkezi', districtId, status: 'active' });
  await page.goto(`${kopru.harness.url}#/settings`);
  await expect(page.getByText('Henüz yedek yok.')).toBeVisible();
  await page.getByRole('button', { name: 'Şimdi yedekle' }).click();
  await expect(page.getByText(/^Yedek alındı: kopru-manual-/)).toBeVisible();
  await expect(page.getByTestId('backup-row')).toHaveCount(1);
  await expect(page.getByTestId('backup-row')).toContainText('Elle alınan');
  await dismissToasts(page);

  await arrange(kopru, 'orgUnits:createYouthCentre', { name: 'Sonradan Eklenen Gençlik Merkezi', districtId, status: 'active' });
  await page.getByTestId('backup-row').getByRole('button', { name: 'Geri yükle' }).click();
  const dialog = page.getByRole('dialog', { name: 'Yedeği geri yükle' });
  await expect(dialog).toContainText('kenara alınır');
  await snap(page, 'backups-restore-confirm');
  await dialog.getByRole('button', { name: 'Geri yükle' }).click();
  await expect(page.getByText(/^Yedek geri yüklendi\. Önceki veritabanı şu adla saklandı: kopru-before-restore-/)).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('backup-row')).toHaveCount(2);
  await expect(page.getByTestId('backup-row').first()).toContainText('Geri yükleme öncesi');
  await dismissToasts(page);
  await snap(page, 'settings-backups', { top: true });

  const centres = await arrange(kopru, 'orgUnits:searchYouthCentres', { query: 'genclik' });
  expect(centres.items.map((c) => c.name)).toEqual(['Yedekteki Gençlik Merkezi']);

  // In English too.
  await arrange(kopru, 'settings:setLanguage', { language: 'en' });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Backups' })).toBeVisible();
  await expect(page.getByTestId('backup-row').first()).toContainText('Before a restore');
  await snap(page, 'settings-backups-en', { top: true });
});

test.describe('a database damaged after its last backup', () => {
  // A province with a backup, then a failing disk: a page in the middle of the file overwritten.
  test.use({
    prepareDataDir: async ({}, use) =>
      use(async (dataDir: string) => {
        const app = await setupApp('province', { dataDir });
        const districtId = (await app.ok<{ id: string; name: string }[]>('orgUnits:listDistricts', { provincePlate: '06' })).find((d) => d.name === 'Çankaya')!.id;
        for (let i = 0; i < 300; i++) await app.ok('orgUnits:createYouthCentre', { name: `Merkez ${i} ${'Ç'.repeat(100)}`, districtId, status: 'active' });
        await app.ok('backups:create');
        app.close();
        const file = path.join(dataDir, 'kopru.sqlite');
        const pages = fs.statSync(file).size / 4096;
        const fd = fs.openSync(file, 'r+');
        fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, Math.floor(pages / 2) * 4096);
        fs.closeSync(fd);
      }),
  });

  test('is found at start, never written, and restoring a backup brings the app back', async ({ page, kopru }) => {
    const damaged = fs.readFileSync(path.join(kopru.dataDir, 'kopru.sqlite'));
    // The youth-centre list, where the app comes back to once the database is open again.
    await page.goto(`${kopru.harness.url}#/org-units`);
    await expect(page.getByRole('heading', { name: 'Veritabanı açılamadı' })).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole('alert').first()).toContainText('hasar bulundu');
    await expect(page.getByTestId('backup-row')).toHaveCount(1);
    await snap(page, 'db-damaged-restore');
    // Nothing was written into the damaged file meanwhile.
    const save = await kopru.invoke('orgUnits:createYouthCentre', { name: 'Yazılmamalı', districtId: '06-cankaya', status: 'active' });
    expect(save.ok).toBe(false);
    expect(fs.readFileSync(path.join(kopru.dataDir, 'kopru.sqlite')).equals(damaged)).toBe(true);

    await page.getByTestId('backup-row').getByRole('button', { name: 'Geri yükle' }).click();
    await page.getByRole('dialog', { name: 'Yedeği geri yükle' }).getByRole('button', { name: 'Geri yükle' }).click();
    // Nobody was signed in to the damaged installation: the restored one asks who is there.
    await signInOnScreen(page);
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Birimler' })).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId('centres-total')).toHaveText('300 gençlik merkezi');
    // The damaged file is kept, whole, beside the backups.
    const kept = fs.readdirSync(path.join(kopru.dataDir, 'backups')).find((f) => f.startsWith('kopru-before-restore-') && f.endsWith('.sqlite'))!;
    expect(fs.readFileSync(path.join(kopru.dataDir, 'backups', kept)).equals(damaged)).toBe(true);
  });
});

test('the support bundle holds versions, counts and the log, and no personal data', async ({ page, kopru }) => {
  await setupProvince(kopru, '06');
  const districtId = await districtIdOf(kopru, '06', 'Çankaya');
  const association = await arrange(kopru, 'registry:create', { name: 'Çankaya Gençlik ve Spor Kulübü Derneği', clubType: 'GENCLIK_VE_SPOR_KULUBU', districtId });
  const saved = await arrange(kopru, 'registry:savePerson', {
    associationId: association.id, kind: 'YONETIM', membership: 'ASIL', role: 'Başkan', fullName: 'Ayşe Yıldırımoğlu', tcKimlikNo: '10000000146',
  });
  expect(JSON.stringify(saved)).toContain('Yıldırımoğlu');
  // A log that something wrote personal data into (what redaction is the last net for).
  fs.mkdirSync(logDirOf(kopru.dataDir), { recursive: true });
  fs.writeFileSync(
    path.join(logDirOf(kopru.dataDir), 'kopru.log'),
    '[2026-12-06 10:00:00.000] [error] dispatch.failed channel=registry:savePerson error={TypeError: "Ayşe Yıldırımoğlu" 10000000146 ayse@ornek.org}\n',
  );
  await page.goto(`${kopru.harness.url}#/settings`);
  const target = path.join(kopru.dataDir, '..', `destek-${path.basename(kopru.dataDir)}.json`);
  await page.getByRole('textbox', { name: 'Paketin kaydedileceği dosya' }).fill(target);
  await page.getByRole('button', { name: 'Destek paketi oluştur' }).click();
  await expect(page.getByText(`Destek paketi kaydedildi: ${target}`)).toBeVisible();
  await snap(page, 'settings-support', { top: true });
  const text = fs.readFileSync(target, 'utf8');
  const bundle = JSON.parse(text) as { kind: string; app: { schemaVersion: number }; database: { tables: Record<string, number>; health: string }; log: string[] };
  expect(bundle.kind).toBe('kopru-support-bundle');
  expect(bundle.log.join('\n')).toContain('dispatch.failed channel=registry:savePerson');
  expect(bundle.database.tables.associations).toBeGreaterThanOrEqual(1);
  expect(bundle.database.health).toBe('ok');
  for (const secret of ['10000000146', 'Yıldırımoğlu', 'Ayşe', 'ayse@ornek.org']) expect(text).not.toContain(secret);
  fs.rmSync(target, { force: true });
});
