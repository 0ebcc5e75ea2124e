import path from 'node:path';
import type { Page } from '@playwright/test';
import { register } from 'tsx/esm/api';
import type * as AppModule from '../support/app';
import type * as NodesModule from '../support/nodes';
import { arrange, expect, signIn, snap, snapElement, test, type KopruFixture } from './fixtures';

// The chain of custody on the exchange screen (issue #15): a province that has exchanged files for five
// weeks with the ministry and one of its youth centres sees, per file sent, when the peer applied it, and
// the board lists the file to the ministry that never arrived and the centre that has not sent anything
// since. The weeks pass in this process before the app opens the province's folder: real installations,
// real files, a clock set back.

test.describe.configure({ timeout: 120_000 });

const loader = register({ namespace: 'kopru-e2e-custody' });
const { setupApp } = (await loader.import('../support/app.ts', import.meta.url)) as typeof AppModule;
const { createNode, enrol, exportFile } = (await loader.import('../support/nodes.ts', import.meta.url)) as typeof NodesModule;

const DAY = 86_400_000;
const CENTRE = 'Çankaya Gençlik Merkezi';
const MINISTRY = 'Gençlik ve Spor Bakanlığı — STK ile İlişkiler Dairesi';
/** Files the board must list, by name: set while the folder is prepared. */
const names = { lost: '', unanswered: '' };
/** Parent rows that have not arrived: a centre with a meeting waiting for it, and the meeting its agenda waits for. */
const ABSENT = { centre: '01958a3c-4d2e-7a10-9b3c-5e6f7a8b9c0d', meeting: '01958a3c-6f11-7c22-8d4e-0a1b2c3d4e5f' };

test.use({
  prepareDataDir: async ({}, use) =>
    use(async (dataDir: string) => {
      let back = 40 * DAY;
      const now = () => Date.now() - back;
      const at = (daysAgo: number) => {
        back = daysAgo * DAY;
      };
      const app = await setupApp('province', { dataDir, now });
      const identity = app.ctx.identity!;
      const ankara = Object.assign(app, { name: 'ankara', nodeId: identity.nodeId, unitId: identity.unitId, fingerprint: identity.fingerprint });
      const ministry = await createNode('ministry', 'ministry', undefined, now);
      const centre = await createNode('cankaya', 'youth-center', '06', now);
      const carry = async (from: NodesModule.Node, to: NodesModule.Node, label = '') => {
        const file = await exportFile(from, to, label);
        await to.ok('sync:import', { path: file });
        return file;
      };
      await enrol(ministry, ankara);
      await enrol(ankara, centre);
      at(38);
      await carry(ankara, ministry);
      at(37);
      await carry(ministry, ankara);
      at(36);
      await carry(ankara, centre);
      await carry(centre, ankara);
      // Applied at the centre, but nothing has come back from it since: no receipt yet.
      at(35);
      names.unanswered = path.basename(await carry(ankara, centre));
      // Lost on the way to the ministry: the next file repairs its data, but the file itself never arrived.
      at(30);
      names.lost = path.basename(await exportFile(ankara, ministry, '-kayip'));
      at(3);
      await carry(ankara, ministry);
      at(2);
      await carry(ministry, ankara);
      // Records waiting for their parent record, as a restored backup upstream leaves them (made with real
      // files in tests/sync/custodyWaiting.test.ts): a meeting held for 20 days, its two agenda items since.
      const hold = ankara.ctx.db!.sqlite.prepare('INSERT INTO sync_pending (table_name, row_id, since, waits_table, waits_id) VALUES (?, ?, ?, ?, ?)');
      const heldAt = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY).toISOString();
      hold.run('meetings', ABSENT.meeting, heldAt(20), 'youth_centres', ABSENT.centre);
      hold.run('meeting_agenda', '01958a3c-7a01-7d33-9e5f-1b2c3d4e5f60', heldAt(2), 'meetings', ABSENT.meeting);
      hold.run('meeting_agenda', '01958a3c-7a02-7d33-9e5f-1b2c3d4e5f61', heldAt(2), 'meetings', ABSENT.meeting);
      for (const n of [ankara, ministry, centre]) n.close();
    }),
});

async function language(page: Page, kopru: KopruFixture, to: 'tr' | 'en') {
  await arrange(kopru, 'settings:setLanguage', { language: to });
  await page.reload();
}

test('the custody board lists the lost file and the silent centre; the ledger says who received each file sent, and when', async ({ page, kopru }) => {
  await page.setViewportSize({ width: 1360, height: 900 });
  // Set up in this process before the app opened the folder: nobody is signed in to the app's backend yet.
  await signIn(kopru);
  await page.goto(`${kopru.harness.url}#/exchange/custody`);
  const files = page.getByTestId('custody-files');
  await expect(files.getByRole('row')).toHaveCount(3);
  await expect(files.getByRole('row', { name: new RegExp(`${CENTRE}.*${names.unanswered}.*Dosya no\\. 3.*35 gün`) })).toBeVisible();
  await expect(files.getByRole('row', { name: new RegExp(`${MINISTRY}.*${names.lost}.*Dosya no\\. 2.*30 gün`) })).toBeVisible();
  const peers = page.getByTestId('custody-peers');
  await expect(peers.getByRole('row')).toHaveCount(2);
  await expect(peers.getByRole('row', { name: new RegExp(`${CENTRE}.*Gençlik Merkezi.*36 gün`) })).toBeVisible();
  await expect(page.getByTestId('custody')).toContainText('14 gün geçtiği hâlde');
  // Records waiting for their parent record: per table, how many, for what, since when; past 14 days in orange.
  const waiting = page.getByTestId('custody-waiting');
  await expect(waiting.getByRole('row')).toHaveCount(3);
  await expect(waiting.getByRole('row', { name: new RegExp(`Toplantılar.*1 toplantı.*Gençlik merkezi.*${ABSENT.centre}.*\\d{2}\\.\\d{2}\\.\\d{4}.*20 gün`) })).toBeVisible();
  await expect(waiting.getByRole('row', { name: new RegExp(`Toplantı gündemleri.*2 gündem maddesi.*Toplantı.*${ABSENT.meeting}.*2 gün`) })).toBeVisible();
  await expect(page.getByTestId('custody')).toContainText('14 günden uzun bekleyen kayıtlar çoğunlukla gönderenin bir dosyasının eksik olduğunu gösterir');
  await snap(page, 'sync-custody-tr', { top: true });
  await snapElement(page.getByTestId('custody-waiting-section'), 'sync-custody-waiting-tr');

  // A longer period: the centre's file (35 days) and the centre (36) stay, the lost file (30) leaves.
  await page.getByRole('textbox', { name: 'Süre (gün)' }).fill('31');
  await page.getByRole('button', { name: 'Uygula' }).click();
  await expect(files.getByRole('row')).toHaveCount(2);
  await expect(files).not.toContainText(names.lost);
  await page.getByRole('textbox', { name: 'Süre (gün)' }).fill('14');
  await page.getByRole('button', { name: 'Uygula' }).click();
  await expect(files.getByRole('row')).toHaveCount(3);

  await page.getByRole('tab', { name: 'Kayıt defteri', exact: true }).click();
  const ledger = page.getByTestId('ledger');
  const lostRow = ledger.getByRole('row', { name: new RegExp(names.lost) });
  await expect(lostRow.getByTestId('ledger-receipt')).toHaveText(/^Gönderildi: \d{2}\.\d{2}\.\d{4} \d{2}:\d{2} — henüz alındı bilgisi yok$/);
  await expect(ledger.getByTestId('ledger-receipt').filter({ hasText: `${MINISTRY} tarafından alındı:` })).toHaveCount(2);
  await expect(ledger.getByTestId('ledger-receipt').filter({ hasText: `${CENTRE} tarafından alındı:` })).toHaveCount(2);
  await snap(page, 'sync-ledger-receipts-tr', { top: true });

  await language(page, kopru, 'en');
  await expect(lostRow.getByTestId('ledger-receipt')).toHaveText(/^Sent: \d{2}\.\d{2}\.\d{4} \d{2}:\d{2} — no receipt yet$/);
  await expect(ledger.getByTestId('ledger-receipt').filter({ hasText: `received by ${MINISTRY} on` })).toHaveCount(2);
  await snap(page, 'sync-ledger-receipts-en', { top: true });
  await page.getByRole('tab', { name: 'Chain of custody', exact: true }).click();
  await expect(files.getByRole('row', { name: new RegExp(`${names.lost}.*File no\\. 2.*30 days`) })).toBeVisible();
  await expect(peers.getByRole('row', { name: new RegExp(`${CENTRE}.*36 days`) })).toBeVisible();
  await expect(waiting.getByRole('row', { name: new RegExp(`Meetings.*1 meeting.*Youth centre.*${ABSENT.centre}.*20 days`) })).toBeVisible();
  await expect(waiting.getByRole('row', { name: new RegExp(`Meeting agendas.*2 agenda items.*Meeting.*${ABSENT.meeting}.*2 days`) })).toBeVisible();
  await expect(page.getByTestId('custody')).toContainText('Records waiting longer than 14 days usually mean a file from the sender is missing');
  await snap(page, 'sync-custody-en', { top: true });
  await snapElement(page.getByTestId('custody-waiting-section'), 'sync-custody-waiting-en');
});
