import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Download, type Locator, type Page } from '@playwright/test';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';
import type { DemoOptions } from '../../electron/cli/demo';
import { register } from 'tsx/esm/api';
import type { Invoke } from '../../electron/app/dispatch';
import type * as PathsModule from '../../electron/app/paths';
import type * as HostModule from '../../electron/backend/host';
import type { BackendWorker } from '../../electron/backend/host';
import type { Harness } from '../../electron/harness/server';
import type * as HarnessModule from '../../electron/harness/server';
import { TEST_KEY_STORE } from '../support/keyStore';
import { TEST_ADMIN } from '../support/users';

// The app's modules are loaded through tsx, as the CLI tests load them: Playwright's own loader refuses
// `import … from './provinces.json'` (Node wants an import attribute) in shared/regions.ts. The tsx
// registration is namespaced, so only these imports go through it and Playwright still loads the specs.
const app = register({ namespace: 'kopru-e2e' });
const load = <T>(specifier: string): Promise<T> => app.import(specifier, import.meta.url) as Promise<T>;
const { appVersion, projectRoot, sourceMigrationsDir } = await load<typeof PathsModule>('../../electron/app/paths.ts');
const { startBackendWorker } = await load<typeof HostModule>('../../electron/backend/host.ts');
const { startHarness } = await load<typeof HarnessModule>('../../electron/harness/server.ts');

/** The built backend, as the desktop app and the harness start it. `npm run build` must run first. */
export const BACKEND_ENTRY = path.join(projectRoot(), 'out', 'main', 'backend.js');

/** The log folder a test's backend reads for the support bundle (the app's is `<userData>/logs`). */
export function logDirOf(dataDir: string): string {
  return path.join(dataDir, 'logs');
}

export function startBackend(dataDir: string, options: { clockOffsetMs?: number } = {}): BackendWorker {
  return startBackendWorker(BACKEND_ENTRY, { dataDir, migrationsDir: sourceMigrationsDir(), appVersion: appVersion(), holder: 'harness', logDir: logDirOf(dataDir), keyStoreDir: TEST_KEY_STORE, ...options });
}

// Each test gets a fresh data folder, a fresh SQLite file, its own backend worker and its own harness on a
// random loopback port: the built renderer against the built backend, as `npm run harness` runs them.

export const ARTIFACTS = path.join(projectRoot(), 'tests', 'artifacts');

export interface KopruFixture {
  dataDir: string;
  backend: BackendWorker;
  harness: Harness;
  /** Calls a channel directly (for arranging data without the UI). */
  invoke: Invoke;
}

export interface KopruOptions {
  /**
   * Files written into the fresh data folder before the app opens it (name → content), e.g. a damaged
   * database: `test.use({ dataDirFiles: { 'kopru.sqlite': 'garbage' } })`.
   */
  dataDirFiles: Record<string, string | Buffer>;
  /** Runs on the fresh data folder before the app opens it (e.g. an installation seeded in this process). */
  prepareDataDir: ((dataDir: string) => Promise<void>) | null;
}

export const test = base.extend<{ kopru: KopruFixture } & KopruOptions>({
  dataDirFiles: [{}, { option: true }],
  prepareDataDir: [null, { option: true }],
  // Any uncaught page error or console error fails the test: a CSP violation, for instance, shows up only there.
  // The page depends on the installation so that it is closed (and checked) before its backend and harness
  // stop: the window asks the backend how it is doing every second, and would otherwise hit a closed harness.
  page: async ({ page, kopru: _kopru }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    await use(page);
    expect(problems, 'errors in the page').toEqual([]);
  },
  kopru: async ({ dataDirFiles, prepareDataDir }, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kopru-e2e-'));
    for (const [name, content] of Object.entries(dataDirFiles)) fs.writeFileSync(path.join(dataDir, name), content);
    await prepareDataDir?.(dataDir);
    const backend = startBackend(dataDir);
    await backend.ready;
    const harness = await startHarness(backend.invokeJson, path.join(projectRoot(), 'out', 'renderer'));
    await use({ dataDir, backend, harness, invoke: backend.invoke });
    await harness.close();
    await backend.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };

/** Today as the application sees it: the calendar day in Turkey (the machine's clock may be in UTC, hours behind). */
export function turkeyToday(): { iso: string; tr: string; year: string } {
  const iso = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Istanbul' }).format(new Date());
  return { iso, tr: `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`, year: iso.slice(0, 4) };
}

const DOCS_SCREENSHOTS = path.join(projectRoot(), 'docs', 'screenshots');

/**
 * Saves a full-page screenshot under tests/artifacts/ (kept out of git) for people to look at, with the
 * mouse out of the way; `top` scrolls up first (a full-page shot taken scrolled down repeats the fixed
 * header mid-page). With KOPRU_DOCS_SCREENSHOTS=1 it also refreshes the committed copy in docs/screenshots
 * when there is one: a test run never changes the docs unless asked to.
 */
export async function snap(page: Page, name: string, options: { top?: boolean } = {}): Promise<void> {
  await page.mouse.move(0, 0);
  if (options.top) await page.evaluate(() => window.scrollTo(0, 0));
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  const committed = path.join(DOCS_SCREENSHOTS, `${name}.png`);
  if (process.env.KOPRU_DOCS_SCREENSHOTS === '1' && fs.existsSync(committed)) fs.copyFileSync(file, committed);
}

/** Like snap, for one element (quick enough for a state that lasts a second or two). */
export async function snapElement(locator: Locator, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await locator.screenshot({ path: file, animations: 'disabled' });
  const committed = path.join(DOCS_SCREENSHOTS, `${name}.png`);
  if (process.env.KOPRU_DOCS_SCREENSHOTS === '1' && fs.existsSync(committed)) fs.copyFileSync(file, committed);
}

/**
 * A document button opens the print preview (issue #18) rather than downloading: `open` clicks it; this saves
 * the PDF with the preview's own Save button, closes the preview with Esc and returns the download.
 */
export async function saveFromPreview(page: Page, open: () => Promise<void>, language: 'tr' | 'en' = 'tr'): Promise<Download> {
  await open();
  const preview = page.getByTestId('document-preview');
  await expect(preview.getByRole('img').first()).toBeVisible({ timeout: 20_000 });
  const download = page.waitForEvent('download');
  await preview.getByRole('button', { name: language === 'tr' ? 'Kaydet' : 'Save', exact: true }).click();
  const file = await download;
  await page.keyboard.press('Escape');
  await expect(preview).toBeHidden();
  return file;
}

/** Closes the toasts (and waits until they are gone), so a screenshot shows the screen itself. */
export async function dismissToasts(page: Page): Promise<void> {
  const toasts = page.locator('.mantine-Notification-root');
  // One at a time: the others move up as one closes, and a toast under the mouse never closes by itself.
  await expect(async () => {
    if ((await toasts.count()) > 0) await toasts.first().locator('.mantine-Notification-closeButton').click({ timeout: 1_000 });
    await expect(toasts).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await page.mouse.move(0, 0);
}

/** Arranges data through the real dispatcher; fails the test with the error envelope if the call fails. */
export async function arrange<C extends Channel>(kopru: KopruFixture, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const envelope = await kopru.invoke(channel, input);
  if (!envelope.ok) throw new Error(`${channel} failed: ${JSON.stringify(envelope.error)}`);
  return envelope.value as ChannelOutput<C>;
}

/** A province installation (Ankara unless told otherwise), set up without the wizard. */
export function setupProvince(kopru: KopruFixture, provincePlate = '06') {
  return arrange(kopru, 'installation:setup', { admin: TEST_ADMIN, role: 'province', provincePlate });
}

/** The ministry installation, set up without the wizard. */
export function setupMinistry(kopru: KopruFixture) {
  return arrange(kopru, 'installation:setup', { admin: TEST_ADMIN, role: 'ministry' });
}

/**
 * Signs the test backend's one session in (issue #16): the page and every later `arrange` act as this user. A
 * backend started on a folder prepared in another process (prepareDataDir) starts signed out.
 */
export function signIn(kopru: KopruFixture, account: { username: string; password: string } = TEST_ADMIN) {
  return arrange(kopru, 'users:signIn', { username: account.username, password: account.password });
}

/** The recovery passphrase the tests give the setup wizard. */
export const TEST_RECOVERY = 'kapalı zarftaki kurtarma parolası';

const ACCOUNT_LABELS = {
  tr: { username: 'Kullanıcı adı', displayName: 'Adı soyadı', password: 'Parola', repeat: 'Parola (tekrar)', recovery: 'Kurtarma parolası', recoveryRepeat: 'Kurtarma parolası (tekrar)' },
  en: { username: 'User name', displayName: 'Full name', password: 'Password', repeat: 'Password (again)', recovery: 'Recovery passphrase', recoveryRepeat: 'Recovery passphrase (again)' },
};

/**
 * An input by its label's exact text, whether or not the field is marked required (Mantine adds an aria-hidden
 * " *" to the label, which getByLabel still reads); password inputs have no role to find them by name.
 */
export function byLabel(scope: Page | Locator, text: string): Locator {
  return scope.getByLabel(new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?: \\*)?$`));
}

/** Fills the setup wizard's administrator step (the first administrator and the recovery passphrase). */
export async function fillAccountStep(
  page: Page,
  options: { account?: { username: string; displayName: string; password: string }; recovery?: string; language?: 'tr' | 'en' } = {},
): Promise<void> {
  const { account = TEST_ADMIN, recovery = TEST_RECOVERY, language = 'tr' } = options;
  const label = ACCOUNT_LABELS[language];
  const step = page.getByTestId('setup-account');
  await byLabel(step, label.username).fill(account.username);
  await byLabel(step, label.displayName).fill(account.displayName);
  await byLabel(step, label.password).fill(account.password);
  await byLabel(step, label.repeat).fill(account.password);
  await byLabel(step, label.recovery).fill(recovery);
  await byLabel(step, label.recoveryRepeat).fill(recovery);
}

/**
 * Signs in on the sign-in screen, as a user does after a recovery screen (unlock, key files, a restored backup):
 * a backend started on a folder prepared elsewhere has nobody signed in.
 */
export async function signInOnScreen(page: Page, account: { username: string; password: string } = TEST_ADMIN, language: 'tr' | 'en' = 'tr'): Promise<void> {
  const label = ACCOUNT_LABELS[language];
  await expect(page.getByRole('heading', { name: language === 'tr' ? 'Oturum açın' : 'Sign in' })).toBeVisible({ timeout: 15_000 });
  await byLabel(page, label.username).fill(account.username);
  await byLabel(page, label.password).fill(account.password);
  await page.getByRole('button', { name: language === 'tr' ? 'Oturum aç' : 'Sign in', exact: true }).click();
}

/** The id of a district of a province by its Turkish name. */
export async function districtIdOf(kopru: KopruFixture, provincePlate: string, name: string): Promise<string> {
  const districts = await arrange(kopru, 'orgUnits:listDistricts', { provincePlate });
  const district = districts.find((d) => d.name === name);
  if (!district) throw new Error(`no district ${name} in ${provincePlate}`);
  return district.id;
}


/** Fills the installation with the CLI's realistic demo data (`kopru demo`); returns how many youth centres. */
export async function fillDemo(kopru: KopruFixture, options: DemoOptions = {}): Promise<number> {
  return (await fillDemoSummary(kopru, options)).youthCentres;
}

/** `fillDemo`, returning what was created (youth centres and registry associations). */
export async function fillDemoSummary(kopru: KopruFixture, options: DemoOptions = {}): Promise<{ youthCentres: number; associations: number }> {
  const envelope = await kopru.backend.fillDemo(options);
  if (!envelope.ok) throw new Error(`demo failed: ${JSON.stringify(envelope.error)}`);
  return envelope.value;
}
