import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';
import { register } from 'tsx/esm/api';
import type { AppContext } from '../../electron/app/context';
import type * as ContextModule from '../../electron/app/context';
import type { Invoke } from '../../electron/app/dispatch';
import type * as DispatchModule from '../../electron/app/dispatch';
import type * as PathsModule from '../../electron/app/paths';
import type * as DemoModule from '../../electron/cli/demo';
import type { Harness } from '../../electron/harness/server';
import type * as HarnessModule from '../../electron/harness/server';

// The app's modules are loaded through tsx, as bin/harness.mjs and the CLI load them: Playwright's own loader
// refuses `import … from './provinces.json'` (Node wants an import attribute) in shared/regions.ts. The tsx
// registration is namespaced, so only these imports go through it and Playwright still loads the specs.
const app = register({ namespace: 'kopru-e2e' });
const load = <T>(specifier: string): Promise<T> => app.import(specifier, import.meta.url) as Promise<T>;
const { createAppContext } = await load<typeof ContextModule>('../../electron/app/context.ts');
const { createDispatcher } = await load<typeof DispatchModule>('../../electron/app/dispatch.ts');
const { appVersion, projectRoot, sourceMigrationsDir } = await load<typeof PathsModule>('../../electron/app/paths.ts');
const { startHarness } = await load<typeof HarnessModule>('../../electron/harness/server.ts');

// Each test gets a fresh data folder, a fresh SQLite file and its own harness on a random loopback port.

export const ARTIFACTS = path.join(projectRoot(), 'tests', 'artifacts');

export interface KopruFixture {
  dataDir: string;
  ctx: AppContext;
  harness: Harness;
  /** Calls a channel directly (for arranging data without the UI). */
  invoke: Invoke;
}

export interface KopruOptions {
  /**
   * Files written into the fresh data folder before the app opens it (name → content), e.g. a damaged
   * database: `test.use({ dataDirFiles: { 'kopru.sqlite': 'garbage' } })`.
   */
  dataDirFiles: Record<string, string>;
}

export const test = base.extend<{ kopru: KopruFixture } & KopruOptions>({
  dataDirFiles: [{}, { option: true }],
  // Any uncaught page error or console error fails the test: a CSP violation, for instance, shows up only there.
  page: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    await use(page);
    expect(problems, 'errors in the page').toEqual([]);
  },
  kopru: async ({ dataDirFiles }, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kopru-e2e-'));
    for (const [name, content] of Object.entries(dataDirFiles)) fs.writeFileSync(path.join(dataDir, name), content);
    const ctx = createAppContext({ dataDir, migrationsDir: sourceMigrationsDir(), appVersion: appVersion() });
    const harness = await startHarness(ctx, path.join(projectRoot(), 'out', 'renderer'));
    await use({ dataDir, ctx, harness, invoke: createDispatcher(ctx) });
    await harness.close();
    ctx.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };

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
  return arrange(kopru, 'installation:setup', { role: 'province', provincePlate });
}

/** The ministry installation, set up without the wizard. */
export function setupMinistry(kopru: KopruFixture) {
  return arrange(kopru, 'installation:setup', { role: 'ministry' });
}

/** The id of a district of a province by its Turkish name. */
export async function districtIdOf(kopru: KopruFixture, provincePlate: string, name: string): Promise<string> {
  const districts = await arrange(kopru, 'orgUnits:listDistricts', { provincePlate });
  const district = districts.find((d) => d.name === name);
  if (!district) throw new Error(`no district ${name} in ${provincePlate}`);
  return district.id;
}

export interface DemoOptions {
  /** Demo associations per province (KOPRU_DEMO_ASSOCIATIONS_PER_PROVINCE); the CLI's default when absent. */
  associationsPerProvince?: number;
}

/** Fills the installation with the CLI's realistic demo data (`kopru demo`); returns how many youth centres. */
export async function fillDemo(kopru: KopruFixture, options: DemoOptions = {}): Promise<number> {
  return (await fillDemoSummary(kopru, options)).youthCentres;
}

/** `fillDemo`, returning what was created (youth centres and registry associations). */
export async function fillDemoSummary(kopru: KopruFixture, options: DemoOptions = {}): Promise<{ youthCentres: number; associations: number }> {
  const { fillDemoData } = await load<typeof DemoModule>('../../electron/cli/demo.ts');
  const name = 'KOPRU_DEMO_ASSOCIATIONS_PER_PROVINCE';
  const before = process.env[name];
  if (options.associationsPerProvince !== undefined) process.env[name] = String(options.associationsPerProvince);
  try {
    return await fillDemoData(kopru.ctx);
  } finally {
    if (before === undefined) delete process.env[name];
    else process.env[name] = before;
  }
}
