import path from 'node:path';
import type { Page } from '@playwright/test';
import { register } from 'tsx/esm/api';
import type * as SeedModule from '../reports/seed';
import type * as AppModule from '../support/app';
import type * as NodesModule from '../support/nodes';
import { ARTIFACTS, arrange, dismissToasts, expect, signIn, snap, test, type KopruFixture } from './fixtures';

// Counts-only national figures (issue #15). The ministry sends the report on screen to the provinces, after a
// confirmation that says what goes and what does not; a province that holds none of the counted rows lists
// what the ministry sent and opens it, figures and definitions as the page shows a computed report. The data
// are the hand-built set of the figure tests (tests/reports/seed.ts); the province is İzmir, which has none of it.

test.describe.configure({ timeout: 180_000 });

const loader = register({ namespace: 'kopru-e2e-reports-published' });
const { seedReportData } = (await loader.import('../reports/seed.ts', import.meta.url)) as typeof SeedModule;
const { setupApp } = (await loader.import('../support/app.ts', import.meta.url)) as typeof AppModule;
const { createNode, deliver, enrol } = (await loader.import('../support/nodes.ts', import.meta.url)) as typeof NodesModule;

const NATIONAL_2024 = 'Türkiye geneli göstergeleri, 01.01.2024 – 31.12.2024';

async function language(page: Page, kopru: KopruFixture, to: 'tr' | 'en') {
  await arrange(kopru, 'settings:setLanguage', { language: to });
  await page.reload();
}

/** The window as the user sees it (a dialog over a long page: the full page would show mostly the page). */
async function shot(page: Page, name: string) {
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

async function period2024(page: Page, from: string, to: string) {
  await page.getByRole('textbox', { name: from }).fill('01.01.2024');
  await page.getByRole('textbox', { name: to }).fill('31.12.2024');
}

test.describe('at the ministry', () => {
  test.use({
    prepareDataDir: async ({}, use) =>
      use(async (dataDir: string) => {
        const app = await setupApp('ministry', { dataDir });
        seedReportData(app);
        app.close();
      }),
  });

  test('sends the report on screen to the provinces after a confirmation that says what goes', async ({ page, kopru }) => {
    await page.setViewportSize({ width: 1360, height: 900 });
    // Set up in this process before the app opened the folder: nobody is signed in to the app's backend yet.
    await signIn(kopru);
    await page.goto(`${kopru.harness.url}#/reports`);
    await period2024(page, 'Başlangıç', 'Bitiş');
    await expect(page.getByTestId('report-heading')).toHaveText('Türkiye geneli · 01.01.2024 – 31.12.2024');
    const send = page.getByRole('button', { name: 'İllere gönder' });
    await expect(send).toBeEnabled();
    await shot(page, 'reports-publish-button-tr');

    await send.click();
    const dialog = page.getByRole('dialog', { name: 'Rakamları illere gönder' });
    await expect(dialog).toContainText('Türkiye geneli · 01.01.2024 – 31.12.2024 rakamları bir sonraki değişim dosyasıyla her il müdürlüğüne');
    await expect(dialog).toContainText('Hiçbir kişi adı ya da kayıt');
    await expect(dialog).toContainText(`Boş bırakılırsa: “${NATIONAL_2024}”`);
    await shot(page, 'reports-publish-confirm-tr');
    await dialog.getByRole('button', { name: 'İllere gönder' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.locator('.mantine-Notification-root')).toContainText(`“${NATIONAL_2024}” bir sonraki değişim dosyalarıyla illere gidecek.`);
    await dismissToasts(page);

    // A province's figures are not sent: each province has its own from its own records.
    await page.locator('.mantine-SegmentedControl-label', { hasText: /^İl$/ }).click();
    await expect(page.getByRole('button', { name: 'İllere gönder' })).toBeDisabled();

    await page.getByRole('tab', { name: 'İllere gönderilen rakamlar' }).click();
    await expect(page.getByTestId('published-reports').getByRole('row')).toHaveCount(2);
    await expect(page.getByTestId('published-reports')).toContainText(NATIONAL_2024);

    await language(page, kopru, 'en');
    await page.goto(`${kopru.harness.url}#/reports`);
    await period2024(page, 'From', 'To');
    await expect(page.getByTestId('report-heading')).toHaveText('Nationwide · 01.01.2024 – 31.12.2024');
    await shot(page, 'reports-publish-button-en');
    await page.getByRole('button', { name: 'Send to provinces' }).click();
    const english = page.getByRole('dialog', { name: 'Send the figures to the provinces' });
    await expect(english).toContainText('go with the next exchange file to every provincial directorate');
    await expect(english).toContainText('No person’s name and no record');
    await shot(page, 'reports-publish-confirm-en');
    await english.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('tab', { name: 'Figures sent to provinces' }).click();
    await expect(page.getByTestId('published-reports').getByRole('row')).toHaveCount(2);
  });
});

test.describe('at a province', () => {
  test.use({
    prepareDataDir: async ({}, use) =>
      use(async (dataDir: string) => {
        const app = await setupApp('province', { dataDir, plate: '35' });
        const identity = app.ctx.identity!;
        const izmir = Object.assign(app, { name: 'izmir', nodeId: identity.nodeId, unitId: identity.unitId, fingerprint: identity.fingerprint });
        const ministry = await createNode('ministry', 'ministry');
        seedReportData(ministry);
        await enrol(ministry, izmir);
        await ministry.ok('reports:publish', { from: '2024-01-01', to: '2024-12-31', scope: { level: 'region', region: 'Doğu Anadolu' } });
        await ministry.ok('reports:publish', { from: '2024-01-01', to: '2024-12-31', scope: { level: 'national' } });
        await deliver(ministry, izmir);
        // What İzmir holds of the meetings counted: nothing.
        const held = (izmir.ctx.db!.sqlite.prepare('SELECT count(*) AS n FROM meetings').get() as { n: number }).n;
        if (held !== 0) throw new Error(`İzmir holds ${held} meetings`);
        for (const n of [izmir, ministry]) n.close();
      }),
  });

  test('lists the national figures the ministry sent and opens one, with definitions', async ({ page, kopru }) => {
    await page.setViewportSize({ width: 1360, height: 900 });
    // Set up in this process before the app opened the folder: nobody is signed in to the app's backend yet.
    await signIn(kopru);
    await page.goto(`${kopru.harness.url}#/reports`);
    // Its own "nationwide" figures count only its own records: the page says so and points to the ministry's.
    await page.locator('.mantine-SegmentedControl-label', { hasText: /^Türkiye geneli$/ }).click();
    await expect(page.getByTestId('own-rows-only')).toContainText('yalnızca kendi kapsamındakileri tutar');
    await expect(page.getByRole('button', { name: 'İllere gönder' })).toHaveCount(0);
    await page.getByTestId('own-rows-only').getByRole('link', { name: 'Bakanlığın gönderdiği ülke rakamları' }).click();

    const list = page.getByTestId('published-reports');
    await expect(list.getByRole('row')).toHaveCount(3);
    await expect(list.getByRole('row').nth(1)).toContainText(NATIONAL_2024);
    await expect(list.getByRole('row').nth(2)).toContainText('Doğu Anadolu Bölgesi');
    await snap(page, 'reports-published-list-tr');

    await page.getByRole('button', { name: `Aç: ${NATIONAL_2024}` }).click();
    const opened = page.getByTestId('published-report');
    await expect(opened.getByRole('heading', { name: NATIONAL_2024 })).toBeVisible();
    await expect(opened).toContainText('Bakanlık');
    await expect(opened.getByTestId('figure-meetingsHeld')).toContainText('4Yapılan toplantı');
    await expect(opened.getByTestId('figure-csoRepresentatives')).toContainText('6');
    await expect(opened.getByTestId('figure-csoAttendances')).toContainText('İki toplantıya katılan bir kişi 2 katılım sayılır.');
    await expect(opened.getByTestId('first-meeting')).toHaveText('İlk toplantı: 01.01.2024, Erzurum — Palandöken Gençlik Merkezi');
    await expect(opened.getByTestId('breakdown-table').getByRole('row', { name: /^Doğu Anadolu 3 6 5 3$/ })).toBeVisible();
    await snap(page, 'reports-published-open-tr', { top: true });

    await language(page, kopru, 'en');
    await expect(page.getByRole('tab', { name: 'National figures from the ministry' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('published-report')).toContainText('Sent by the ministry on');
    await expect(page.getByTestId('published-report').getByText('Meetings and CSO participation')).toBeVisible();
    // What the ministry sent is Turkish text; the page shows it in English by figure key and region name.
    await expect(page.getByTestId('published-report').getByTestId('figure-meetingsHeld')).toContainText('4Meetings held');
    await expect(page.getByTestId('published-report').getByTestId('figure-meetingsHeld')).toContainText('Planned, postponed and cancelled meetings are not counted.');
    await expect(page.getByTestId('published-report').getByTestId('breakdown-table').getByRole('row', { name: /^Eastern Anatolia 3 6 5 3$/ })).toBeVisible();
    await snap(page, 'reports-published-open-en', { top: true });
  });
});
