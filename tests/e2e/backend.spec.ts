import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { register } from 'tsx/esm/api';
import type * as LockModule from '../../db/lock';
import { projectRoot } from '../../electron/app/paths';
import { expect, fillDemoSummary, setupProvince, snap, snapElement, test } from './fixtures';
import { enrol, exportFile, test as syncTest } from './syncNodes';

// The backend as the window lives with it: a long job shows its progress on every screen and can be
// cancelled, a save made meanwhile waits and is kept, a .kopru file opened from the OS lands in the import
// screen, a data folder held by another Köprü says so and opens once let go, and a page without its bridge
// says it cannot work instead of failing at every click.

const loader = register({ namespace: 'kopru-e2e-backend' });
const { acquireInstallationLock } = (await loader.import('../../db/lock.ts', import.meta.url)) as typeof LockModule;

syncTest('a long export: the banner shows its progress on other screens, a save waits and is kept, cancel stops the next one', async ({ page, kopru, world }) => {
  syncTest.setTimeout(180_000);
  await setupProvince(kopru, '06');
  // Enough data that the export outlasts a click (it got faster with issue #14's batching: 900 was not).
  await fillDemoSummary(kopru, { associationsPerProvince: 2400 });
  // A peer to write for: the ministry, which enrols this province.
  const browser = await world.browser(kopru);
  const ministry = await world.node('ministry');
  await enrol(world, ministry, browser);
  const enrolled = { nodeId: ministry.nodeId };
  const other = world.dir;
  {

    await page.goto(`${kopru.harness.url}#/org-units`);
    await expect(page.getByTestId('centres-total')).toBeVisible();
    // A save from the form while a large file is written: it waits, then it is saved. The form is filled first,
    // so the save is sent while the file is being written.
    await page.getByRole('button', { name: 'Yeni gençlik merkezi' }).click();
    const form = page.getByRole('dialog', { name: 'Yeni gençlik merkezi' });
    await form.getByRole('textbox', { name: 'Ad', exact: true }).fill('Sırada Bekleyen Gençlik Merkezi');
    await form.getByRole('combobox', { name: 'İlçe' }).fill('cankaya');
    await page.getByRole('option', { name: 'Çankaya' }).click();
    const exporting = kopru.invoke('sync:export', { peerNode: enrolled.nodeId, path: path.join(other, 'buyuk.kopru'), snapshot: true });
    const banner = page.getByTestId('job-banner');
    await expect(banner).toContainText('Değişim dosyası hazırlanıyor');
    await form.getByRole('button', { name: 'Kaydet' }).click();
    await expect(page.getByTestId('job-banner-waiting')).toContainText('sırada bekliyor');
    expect((await exporting).ok).toBe(true);
    await expect(page.getByText('“Sırada Bekleyen Gençlik Merkezi” eklendi.')).toBeVisible();
    await expect(banner).toBeHidden();

    // The next export is cancelled from the banner: no file is left.
    const second = kopru.invoke('sync:export', { peerNode: enrolled.nodeId, path: path.join(other, 'iptal.kopru'), snapshot: true });
    await expect(banner).toContainText('Değişim dosyası hazırlanıyor');
    // For the picture, the counts once the first poll has them (the banner asks every second).
    await banner.getByText(/\d+ \/ \d+/).waitFor({ timeout: 3_000 }).catch(() => undefined);
    await snapElement(banner, 'job-banner');
    await expect(banner.getByRole('button', { name: 'İptal et' })).toBeVisible();
    await banner.getByRole('button', { name: 'İptal et' }).click();
    const cancelled = await second;
    expect(cancelled.ok).toBe(false);
    expect((cancelled as { error: { code: string } }).error.code).toBe('CANCELLED');
    expect(fs.readdirSync(other).filter((f) => f.startsWith('iptal'))).toEqual([]);
  }
});

syncTest('a .kopru file opened from the operating system is read on the import screen', async ({ page, kopru, world }) => {
  await setupProvince(kopru, '06');
  const browser = await world.browser(kopru);
  const ministry = await world.node('ministry');
  await enrol(world, ministry, browser);
  await page.goto(`${kopru.harness.url}#/registry`);
  const file = await exportFile(world, ministry, browser);
  // What Electron main does after checking the file the OS handed it.
  await kopru.backend.offerOpenedFile(file);
  await expect(page).toHaveURL(/#\/exchange\/import$/);
  // Read at once, as if typed and "Dosyayı oku" pressed: its identity, then the preview.
  await expect(page.getByRole('heading', { name: 'Dosyanın kimliği' })).toBeVisible();
  await expect(page.getByText(/^Gençlik ve Spor Bakanlığı — STK ile İlişkiler Dairesi/)).toBeVisible();
  await expect(page.getByText('Bu bir önizlemedir: dosya doğrulandı, ama henüz hiçbir şey değiştirilmedi.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Uygula' })).toBeVisible();
  await snap(page, 'sync-opened-file');
});

test.describe('a data folder held by another Köprü', () => {
  let lock: LockModule.InstallationLock | null = null;
  test.use({
    prepareDataDir: async ({}, use) =>
      use(async (dataDir: string) => {
        lock = acquireInstallationLock(dataDir, 'cli');
      }),
  });

  test('says who holds it, and opens once it is let go', async ({ page, kopru }) => {
    await page.goto(kopru.harness.url);
    await expect(page.getByText('Veri klasörü başka bir Köprü tarafından kullanılıyor.')).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('kopru komut satırı');
    await page.getByRole('button', { name: 'Yeniden dene' }).click();
    await expect(page.getByText('Veri klasörü hâlâ kullanılıyor.')).toBeVisible();
    await snap(page, 'db-locked');
    lock!.release();
    await page.getByRole('button', { name: 'Yeniden dene' }).click();
    await expect(page.getByRole('heading', { name: 'İlk kurulum' })).toBeVisible();
  });
});

test('the built page without a way to the backend says so in both languages', async ({ page }) => {
  // The page alone, as a desktop window whose preload did not load would show it: no bridge, no harness token.
  const root = path.join(projectRoot(), 'out', 'renderer');
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const file = path.join(root, url.pathname === '/' ? 'index.html' : url.pathname);
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (!file.startsWith(root) || !fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'text/html' }).end(fs.readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await expect(page.getByTestId('bridge-missing')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Köprü başlatılamadı' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Köprü could not start' })).toBeVisible();
    await snap(page, 'bridge-missing');
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

