import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { createAppContext, type AppContext } from '../../electron/app/context';
import { createDispatcher, type Invoke } from '../../electron/app/dispatch';
import { appVersion, projectRoot, sourceMigrationsDir } from '../../electron/app/paths';
import { startHarness, type Harness } from '../../electron/harness/server';

// Each test gets a fresh data folder, a fresh SQLite file and its own harness on a random loopback port.

export const ARTIFACTS = path.join(projectRoot(), 'tests', 'artifacts');

export interface KopruFixture {
  dataDir: string;
  ctx: AppContext;
  harness: Harness;
  /** Calls a channel directly (for arranging data without the UI). */
  invoke: Invoke;
}

export const test = base.extend<{ kopru: KopruFixture }>({
  kopru: async ({}, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kopru-e2e-'));
    const ctx = createAppContext({ dataDir, migrationsDir: sourceMigrationsDir(), appVersion: appVersion() });
    const harness = await startHarness(ctx, path.join(projectRoot(), 'out', 'renderer'));
    await use({ dataDir, ctx, harness, invoke: createDispatcher(ctx) });
    await harness.close();
    ctx.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };

/** Saves a full-page screenshot under tests/artifacts/ (kept out of git) for people to look at. */
export async function snap(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}
