import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { register } from 'tsx/esm/api';
import type * as AppModule from '../support/app';
import type * as NodesModule from '../support/nodes';
import { ARTIFACTS, arrange, expect, saveFromPreview, signIn, snap, test, type KopruFixture } from './fixtures';

// The data subject's report and the lost-file report (issue #16) at a province that has sent a file to the
// ministry (and got its receipt back): a person found by a name typed without Turkish letters, picked among
// two candidates, the report with the masked TC number and the file that carried the record, its PDF; then the
// report of that file as if it had been lost. Turkish and English. The history is made in this process, with
// real installations and real files, before the app opens the province's folder.

test.describe.configure({ timeout: 60_000 });

const loader = register({ namespace: 'kopru-e2e-person-report' });
const { setupApp } = (await loader.import('../support/app.ts', import.meta.url)) as typeof AppModule;
const { createNode, enrol, exportFile } = (await loader.import('../support/nodes.ts', import.meta.url)) as typeof NodesModule;

const TC = '10000000146';
const MINISTRY = 'Gençlik ve Spor Bakanlığı — STK ile İlişkiler Dairesi';
const sent = { file: '' };

test.use({
  prepareDataDir: async ({}, use) =>
    use(async (dataDir: string) => {
      // Two days ago, a millisecond a call: every event has its own instant.
      let instant = Date.now() - 2 * 86_400_000;
      const now = () => ++instant;
      const meetingDate = new Date(instant - 5 * 86_400_000).toISOString().slice(0, 10);
      const app = await setupApp('province', { dataDir, now });
      const identity = app.ctx.identity!;
      const ankara = Object.assign(app, { name: 'ankara', nodeId: identity.nodeId, unitId: identity.unitId, fingerprint: identity.fingerprint });
      const ministry = await createNode('ministry', 'ministry', undefined, now);
      await enrol(ministry, ankara);
      const association = await ankara.ok<{ id: string }>('registry:create', { name: 'Kızılay Gençlik ve Spor Kulübü Derneği', clubType: 'GENCLIK_VE_SPOR_KULUBU', districtId: '06-cankaya' });
      await ankara.ok('registry:savePerson', {
        associationId: association.id, kind: 'YONETIM', membership: 'ASIL', role: 'Başkan', fullName: 'Özlem Işıkçı', tcKimlikNo: TC, phone: '0532 111 22 33', email: 'ozlem@ornek.org.tr',
      });
      const centre = await ankara.ok<{ id: string }>('orgUnits:createYouthCentre', { name: 'Kızılay Gençlik Merkezi', districtId: '06-cankaya', status: 'active' });
      const meeting = await ankara.ok<{ id: string }>('meetings:create', { youthCentreId: centre.id, date: meetingDate, startTime: '14:00', endTime: '16:00', hall: 'Konferans Salonu', agenda: ['Açılış'] });
      await ankara.ok('meetings:transition', { id: meeting.id, action: 'hold' });
      await ankara.ok('meetings:saveParticipants', {
        meetingId: meeting.id,
        participants: [
          { kind: 'STK', fullName: 'Özlem Işıkçı', title: 'Başkan', organisationName: 'Kızılay Gençlik Kulübü', attended: true, phone: '0532 111 22 33' },
          { kind: 'GENC', fullName: 'Özlem Kaya', attended: true, walkIn: true },
        ],
      });
      const file = await exportFile(ankara, ministry);
      sent.file = path.basename(file);
      await ministry.ok('sync:import', { path: file });
      const back = await exportFile(ministry, ankara);
      await ankara.ok('sync:import', { path: back });
      ankara.close();
      ministry.close();
    }),
});

async function language(page: Page, kopru: KopruFixture, to: 'tr' | 'en') {
  await arrange(kopru, 'settings:setLanguage', { language: to });
  await page.reload();
}

/** Opens the PDF in the print preview, saves it from there and keeps a copy under tests/artifacts/. */
async function savePdf(page: Page, click: () => Promise<void>, name: string): Promise<string> {
  const file = await saveFromPreview(page, click);
  const pdf = fs.readFileSync((await file.path())!);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.writeFileSync(path.join(ARTIFACTS, `${name}.pdf`), pdf);
  return file.suggestedFilename();
}

test('a person report found by name, its PDF, and the report of the file that carried it', async ({ page, kopru }) => {
  await page.setViewportSize({ width: 1360, height: 900 });
  // The province was set up in this process: the app's backend starts with nobody signed in.
  await signIn(kopru);
  await page.goto(`${kopru.harness.url}#/privacy/person`);
  await page.getByRole('textbox', { name: 'Ad soyad ya da TC Kimlik No' }).fill('ozlem');
  await page.getByRole('button', { name: 'Ara', exact: true }).click();
  const candidates = page.getByTestId('person-candidates');
  await expect(candidates.getByRole('row')).toHaveCount(2);
  await expect(candidates).toContainText('Eşleşen kişiler (2)');
  await expect(candidates.getByRole('row', { name: /Özlem Işıkçı.*Dernek kurulu \/ görevlisi.*Toplantı davetlisi \/ katılımcısı.*2 kayıt/ })).toBeVisible();
  await candidates.getByRole('button', { name: 'Raporu aç: Özlem Işıkçı' }).click();

  const report = page.getByTestId('person-report');
  await expect(report).toContainText('2 kayıt bulundu');
  await expect(report).toContainText('Raporu üreten kurulum: Ankara Gençlik ve Spor İl Müdürlüğü');
  const board = report.locator('[data-record="association_people"]');
  await expect(board).toContainText('100******46');
  await expect(board).not.toContainText(TC);
  await expect(board).toContainText('Dernek: Kızılay Gençlik ve Spor Kulübü Derneği');
  await expect(board.getByTestId('person-sent')).toContainText(`${sent.file}`);
  await expect(board.getByTestId('person-sent')).toContainText(`alıcı: ${MINISTRY}`);
  await expect(board.getByRole('link', { name: 'Düzelt' })).toHaveAttribute('href', /^#\/registry\/[0-9a-f-]+\/people$/);
  await expect(report.locator('[data-record="meeting_participants"]')).toContainText('Toplantı: Kızılay Gençlik Merkezi');
  await snap(page, 'privacy-person-report', { top: true });
  expect(await savePdf(page, () => report.getByRole('button', { name: 'PDF olarak görüntüle / yazdır' }).click(), 'privacy-person-report')).toMatch(/^Kişi raporu \d{2}\.\d{2}\.\d{4}\.pdf$/);

  // The file it went in, as if it had been lost on the way.
  await page.getByRole('tab', { name: 'Kayıp dosya' }).click();
  await page.getByRole('combobox', { name: 'Değişim defterindeki dosya' }).click();
  await page.getByRole('option', { name: new RegExp(`${sent.file} — Gönderildi`) }).click();
  await page.getByRole('button', { name: 'Raporu göster' }).click();
  const lost = page.getByTestId('lost-file-report');
  await expect(lost).toContainText('Verisi dosyada bulunan kişiler: 2');
  await expect(lost.locator('[data-group="board"]').getByRole('row', { name: /Özlem Işıkçı.*Kızılay Gençlik ve Spor Kulübü Derneği.*TC Kimlik No/ })).toBeVisible();
  await expect(lost.locator('[data-group="participant"]').getByRole('row')).toHaveCount(3);
  await expect(lost).toContainText('Taşıyan kişi / ortam: defterde kayıtlı değil');
  await expect(lost).not.toContainText('100******46');
  await snap(page, 'privacy-lost-file', { top: true });
  expect(await savePdf(page, () => lost.getByRole('button', { name: 'PDF olarak görüntüle / yazdır' }).click(), 'privacy-lost-file')).toBe(`Kayıp dosya raporu - ${sent.file.replace(/\.kopru$/, '')}.pdf`);

  // An unknown person is an answer too.
  await page.getByRole('tab', { name: 'Kişi raporu' }).click();
  await page.getByRole('textbox', { name: 'Ad soyad ya da TC Kimlik No' }).fill('Hiç Olmayan');
  await page.getByRole('button', { name: 'Ara', exact: true }).click();
  await expect(page.getByTestId('person-none')).toContainText('Bu kurulumda bu kişiye ait kayıt yok.');

  // English.
  await language(page, kopru, 'en');
  await page.getByRole('textbox', { name: 'Full name or TC identity number' }).fill(TC);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByTestId('person-candidates')).toContainText('By TC number');
  await page.getByRole('button', { name: 'Open report: Özlem Işıkçı' }).click();
  await expect(page.getByTestId('person-report')).toContainText('Where it went (likely)');
  await expect(page.getByTestId('person-report')).toContainText('Found by TC number');
  await snap(page, 'privacy-person-report-english', { top: true });
  await page.getByRole('tab', { name: 'Lost file' }).click();
  await page.getByRole('combobox', { name: 'File in the exchange ledger' }).click();
  await page.getByRole('option', { name: new RegExp(`${sent.file} — Sent`) }).click();
  await page.getByRole('button', { name: 'Show report' }).click();
  await expect(page.getByTestId('lost-file-report')).toContainText('People whose data the file carried: 2');
  await snap(page, 'privacy-lost-file-english', { top: true });
});
