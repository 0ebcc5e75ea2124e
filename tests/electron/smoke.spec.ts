import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';

// The real-Electron smoke test (issue #13): the built app (out/) in the real Electron binary — app://kopru, the
// sandboxed preload, IPC to the backend worker, SQLite in KOPRU_DATA_DIR — through first run, one youth centre,
// a restart on the same data folder, and the centre still there. Run it with `npm run test:electron` after
// `npm run build` on a machine where the Electron binary is installed (see the README); scripts/test-all.mjs
// reports it as not run where it is not.

const ADMIN = { username: 'yonetici', displayName: 'Deniz Yönetici', password: 'köprü test parolası' };
const RECOVERY = 'kapalı zarftaki kurtarma parolası';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const ARTIFACTS = path.join(ROOT, 'tests', 'artifacts');
const CENTRE = 'Çankaya Gençlik Merkezi';
const UNIT = 'Ankara Gençlik ve Spor İl Müdürlüğü';

/**
 * The Electron binary as `require('electron')` gives it in Node. Resolved here only to fail with a clear
 * message: `_electron.launch` is given no `executablePath`, because Playwright then resolves the very same
 * `electron` package itself and adds its loader, which holds the app's 'ready' until Playwright is attached
 * (with an explicit executablePath it treats the app as packaged, skips the loader, and the first window
 * can open before Playwright sees it).
 */
function electronBinary(): string {
  let binary: string;
  try {
    binary = createRequire(import.meta.url)('electron') as string;
    fs.accessSync(binary);
  } catch (error) {
    const hint = 'run "npx install-electron" on a machine with internet access (see the README)';
    throw new Error(`Electron binary unavailable: ${hint}. ${(error as Error).message}`, { cause: error });
  }
  return binary;
}

interface Launched {
  app: ElectronApplication;
  page: Page;
  /** Uncaught errors in the page, and console errors (a CSP violation shows up only there). */
  pageErrors: string[];
  consoleErrors: string[];
  output: string[];
}

async function launch(dirs: { data: string; userData: string }): Promise<Launched> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  // The built renderer from app://kopru, never a dev server; Electron as itself, not as Node.
  delete env.ELECTRON_RENDERER_URL;
  delete env.ELECTRON_RUN_AS_NODE;
  env.KOPRU_DATA_DIR = dirs.data;
  const app = await electron.launch({
    // `.` is the project: Electron reads package.json (main: out/main/index.js, productName), so app.getAppPath()
    // is the project root, where main.ts finds db/migrations. --user-data-dir keeps the single-instance lock and
    // the logs away from a Köprü the person may have open.
    args: [`--user-data-dir=${dirs.userData}`, '.'],
    cwd: ROOT,
    env,
    timeout: 60_000,
  });
  const output: string[] = [];
  app.process().stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  app.process().stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const page = await app.firstWindow();
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  return { app, page, pageErrors, consoleErrors, output };
}

/** Quits the app (main waits for the backend to close the database) and keeps what it printed. */
async function close(launched: Launched, label: string): Promise<void> {
  try {
    await launched.app.close();
  } finally {
    await test.info().attach(`${label}-electron-output.txt`, { body: launched.output.join(''), contentType: 'text/plain' });
    if (launched.consoleErrors.length > 0) {
      await test.info().attach(`${label}-console-errors.txt`, { body: launched.consoleErrors.join('\n'), contentType: 'text/plain' });
    }
  }
  expect(launched.pageErrors, `uncaught errors in the page (${label})`).toEqual([]);
  expect(
    launched.consoleErrors.filter((text) => /Content[- ]Security[- ]Policy/i.test(text)),
    `CSP violations (${label})`,
  ).toEqual([]);
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `electron-${name}.png`) });
}

/** The window is the app itself: served from app://kopru, with exactly the preload's two functions. */
async function expectRealShell(page: Page): Promise<void> {
  await expect(page).toHaveURL(/^app:\/\/kopru\//);
  const bridge = await page.evaluate(() => {
    const kopru = (window as unknown as { kopru?: Record<string, unknown> }).kopru;
    return kopru ? Object.keys(kopru).map((key) => `${key}:${typeof kopru[key]}`).sort() : null;
  });
  expect(bridge).toEqual(['chooseFile:function', 'invoke:function']);
}

test('the real Electron app: first run, a youth centre, restart, the centre is still there', async () => {
  electronBinary();
  expect(fs.existsSync(path.join(ROOT, 'out', 'main', 'index.js')), 'out/main/index.js: run `npm run build` first').toBe(true);
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'kopru-electron-'));
  const dirs = { data: path.join(temp, 'data'), userData: path.join(temp, 'user-data') };
  fs.mkdirSync(dirs.data);
  fs.mkdirSync(dirs.userData);
  let running: Launched | null = null;
  try {
    // First launch: a fresh data folder, so the first-run wizard.
    running = await launch(dirs);
    let { page } = running;
    await expect(page.getByRole('heading', { name: 'İlk kurulum' })).toBeVisible();
    await expectRealShell(page);
    await screenshot(page, 'setup-wizard');

    await page.getByRole('radio', { name: 'İl Müdürlüğü' }).click();
    await page.getByRole('button', { name: 'İleri' }).click();
    const province = page.getByRole('combobox', { name: 'İl', exact: true });
    await province.fill('ankara');
    await page.getByRole('option', { name: '06 — Ankara' }).click();
    await expect(province).toHaveValue('06 — Ankara');
    await page.getByRole('button', { name: 'İleri' }).click();
    // The first administrator and the recovery passphrase (issue #16).
    const account = page.getByTestId('setup-account');
    const field = (label: string) => account.getByLabel(new RegExp(`^${label.replace(/[()]/g, '\\$&')}(?: \\*)?$`));
    await field('Kullanıcı adı').fill(ADMIN.username);
    await field('Adı soyadı').fill(ADMIN.displayName);
    await field('Parola').fill(ADMIN.password);
    await field('Parola (tekrar)').fill(ADMIN.password);
    await field('Kurtarma parolası').fill(RECOVERY);
    await field('Kurtarma parolası (tekrar)').fill(RECOVERY);
    await page.getByRole('button', { name: 'İleri' }).click();
    await expect(page.getByTestId('setup-summary')).toContainText('06 — Ankara');
    await expect(page.getByText('Bu seçim sonradan değiştirilemez')).toBeVisible();
    await page.getByRole('button', { name: 'Kurulumu tamamla' }).click();

    await expect(page.getByRole('heading', { name: 'Kurulum tamamlandı' })).toBeVisible();
    await expect(page.getByTestId('identity-summary')).toContainText(UNIT);
    await screenshot(page, 'setup-done');
    await page.getByRole('button', { name: 'Uygulamaya geç' }).click();
    await expect(page.getByTestId('unit-name')).toHaveText(UNIT);
    await expect(page.getByTestId('role-badge')).toHaveText('İl Müdürlüğü');

    // The app opens on the home page; a youth centre, through the form, as tests/e2e/youthCentres.spec.ts creates one.
    await expect(page.getByRole('heading', { name: 'Bugün', level: 2 })).toBeVisible();
    await page.getByRole('navigation').getByRole('link', { name: 'Birimler' }).click();
    await expect(page.getByRole('heading', { name: 'Birimler' })).toBeVisible();
    await page.getByRole('button', { name: 'Yeni gençlik merkezi' }).click();
    const form = page.getByRole('dialog', { name: 'Yeni gençlik merkezi' });
    await form.getByRole('textbox', { name: 'Ad', exact: true }).fill(CENTRE);
    await form.getByRole('combobox', { name: 'İlçe' }).fill('cankaya');
    await page.getByRole('option', { name: 'Çankaya' }).click();
    await form.getByRole('textbox', { name: 'Adres' }).fill('Atatürk Bulvarı No:12 Çankaya/Ankara');
    await form.getByRole('button', { name: 'Kaydet' }).click();
    await expect(page.getByText(`“${CENTRE}” eklendi.`)).toBeVisible();
    await expect(form).toBeHidden();
    await expect(page.getByTestId('youth-centres-table').getByRole('row').filter({ hasText: CENTRE })).toContainText('Aktif');
    await screenshot(page, 'centre-created');

    // A document in the print preview: pdf.js and its worker load from app:// under the window's CSP, and the
    // letter's page is drawn with its embedded fonts (issue #18). Printing itself opens the OS dialog: not driven here.
    await page.getByRole('navigation').getByRole('link', { name: 'Kişisel veriler' }).click();
    await page.getByRole('tab', { name: 'Aydınlatma metni' }).click();
    await page.getByRole('button', { name: 'PDF olarak görüntüle / yazdır' }).click();
    const preview = page.getByTestId('document-preview');
    await expect(preview.getByRole('list', { name: 'Belgenin sayfaları' }).getByRole('img').first()).toBeVisible({ timeout: 30_000 });
    await expect(preview.getByRole('button', { name: 'Yazdır' })).toBeEnabled();
    await screenshot(page, 'print-preview');
    await page.keyboard.press('Escape');
    await expect(preview).toBeHidden();

    const first = running;
    running = null;
    await close(first, 'first-launch');
    // The database is where KOPRU_DATA_DIR said, not in the user's profile.
    expect(fs.existsSync(path.join(dirs.data, 'kopru.sqlite'))).toBe(true);

    // Second launch on the same data folder: no wizard, the same unit, the centre in the list.
    running = await launch(dirs);
    page = running.page;
    // A new start asks who is there.
    await expect(page.getByRole('heading', { name: 'Oturum açın' })).toBeVisible();
    await page.getByLabel(/^Kullanıcı adı/).fill(ADMIN.username);
    await page.getByLabel(/^Parola/).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Oturum aç', exact: true }).click();
    await expect(page.getByTestId('unit-name')).toHaveText(UNIT);
    await expectRealShell(page);
    await expect(page.getByRole('heading', { name: 'İlk kurulum' })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Bugün', level: 2 })).toBeVisible();
    await page.getByRole('navigation').getByRole('link', { name: 'Birimler' }).click();
    await expect(page.getByRole('heading', { name: 'Birimler' })).toBeVisible();
    await expect(page.getByTestId('centres-total')).toHaveText('1 gençlik merkezi');
    const row = page.getByTestId('youth-centres-table').getByRole('row').filter({ hasText: CENTRE });
    await expect(row).toBeVisible();
    await expect(row).toContainText('Aktif');
    await screenshot(page, 'after-restart');

    const second = running;
    running = null;
    await close(second, 'second-launch');
  } finally {
    // A failed step leaves the app open: close it, keeping its output, before its files are removed.
    if (running) await close(running, 'failed-launch').catch(() => undefined);
    fs.rmSync(temp, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
});
