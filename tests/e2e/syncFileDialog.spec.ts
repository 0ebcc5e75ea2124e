import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, setupProvince, snap } from './fixtures';
import { enrol, exportFile, test } from './syncNodes';

// In the desktop app a "Seç…" button beside the path opens the native save/open dialog (the preload's
// `window.kopru.chooseFile`, answered by Electron's dialog module in main). Electron cannot run here, so the
// page gets the same bridge as the preload gives it: `invoke` to the real handlers (over the harness) and a
// `chooseFile` that answers as the dialog would and records what it was asked.

type DialogAnswer = { ok: true; value: string | null } | { ok: false; error: { code: string; message: string } };

async function desktopBridge(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { kopru: unknown; dialogRequests: unknown[]; dialogAnswer: unknown };
    w.dialogRequests = [];
    w.dialogAnswer = { ok: true, value: null };
    w.kopru = Object.freeze({
      async invoke(channel: string, input: unknown) {
        const token = document.querySelector<HTMLMetaElement>('meta[name="kopru-harness-token"]')?.content ?? '';
        const response = await fetch('/__kopru/invoke', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-kopru-token': token },
          body: JSON.stringify({ channel, input }),
        });
        return response.json();
      },
      async chooseFile(request: unknown) {
        w.dialogRequests.push(request);
        return w.dialogAnswer;
      },
    });
  });
}

const answer = (page: Page, value: DialogAnswer) => page.evaluate((a) => ((window as unknown as { dialogAnswer: unknown }).dialogAnswer = a), value);
const requests = (page: Page) => page.evaluate(() => (window as unknown as { dialogRequests: Record<string, unknown>[] }).dialogRequests);

test('the save dialog chooses where an exchange file is written; closing it changes nothing; a refusal is shown', async ({ page, kopru, world }) => {
  await setupProvince(kopru, '06');
  const ministry = await world.node('ministry');
  await enrol(world, ministry, await world.browser(kopru));
  await desktopBridge(page);

  await page.goto(`${kopru.harness.url}#/exchange/export`);
  await expect(page.getByRole('combobox', { name: 'Dosya kimin için?' })).toHaveValue(/Bakanlık/);
  const input = page.getByRole('textbox', { name: 'Dosyanın yeri' });
  await expect(input).toHaveValue(/degisim\/genclik-ve-spor-bakanligi-.*\.kopru$/);
  const suggested = await input.inputValue();

  // Closed without choosing: the suggestion stays.
  await page.getByRole('button', { name: 'Seç…' }).click();
  await expect.poll(async () => (await requests(page)).length).toBe(1);
  await expect(input).toHaveValue(suggested);
  expect((await requests(page))[0]).toEqual({
    mode: 'save', kind: 'exchange', defaultPath: suggested, title: 'Dosyanın kaydedileceği yeri seçin', filterName: 'Köprü değişim dosyası',
  });

  // A refusal from main is shown on the field, in Turkish.
  await answer(page, { ok: false, error: { code: 'FORBIDDEN', message: 'Bu istek uygulamanın kendi sayfasından gelmiyor.' } });
  await page.getByRole('button', { name: 'Seç…' }).click();
  await expect(page.getByText('Bu istek uygulamanın kendi sayfasından gelmiyor.')).toBeVisible();
  await expect(input).toHaveValue(suggested);

  // A chosen place fills the path, and the file is written there.
  const chosen = world.file('usb/ankara-bakanlik.kopru');
  await answer(page, { ok: true, value: chosen });
  await page.getByRole('button', { name: 'Seç…' }).click();
  await expect(input).toHaveValue(chosen);
  await expect(page.getByText('Bu istek uygulamanın kendi sayfasından gelmiyor.')).toBeHidden();
  await snap(page, 'sync-export-dialog', { top: true });
  await page.getByRole('button', { name: 'Dosya oluştur', exact: true }).click();
  await expect(page.getByTestId('export-result')).toContainText('Dosya oluşturuldu');
  expect(fs.existsSync(chosen)).toBe(true);
});

test('the open dialog chooses the file to import, filtered to exchange files', async ({ page, kopru, world }) => {
  await setupProvince(kopru, '06');
  const ministry = await world.node('ministry');
  const browser = await world.browser(kopru);
  await enrol(world, ministry, browser);
  const file = await exportFile(world, ministry, browser);
  await desktopBridge(page);

  await page.goto(`${kopru.harness.url}#/exchange/import`);
  await answer(page, { ok: true, value: file });
  await page.getByRole('button', { name: 'Seç…' }).click();
  await expect(page.getByRole('textbox', { name: 'Değişim dosyası' })).toHaveValue(file);
  expect((await requests(page))[0]).toMatchObject({ mode: 'open', kind: 'exchange', title: 'Getirilen dosyayı seçin', filterName: 'Köprü değişim dosyası' });
  await page.getByRole('button', { name: 'Dosyayı incele' }).click();
  await expect(page.getByTestId('inspect-for-this')).toHaveText('Evet');
});

test('the introduction is saved and read through the dialog with the .json filter', async ({ page, kopru, world }) => {
  await setupProvince(kopru, '06');
  await desktopBridge(page);
  await page.goto(`${kopru.harness.url}#/exchange/enrol`);
  const chosen = world.file('tanitim-ankara.json');
  await answer(page, { ok: true, value: chosen });
  await page.getByRole('button', { name: 'Seç…' }).first().click();
  await expect.poll(async () => (await requests(page))[0]).toMatchObject({ mode: 'save', kind: 'introduction', filterName: 'Köprü tanıtım dosyası' });
  await expect(page.getByRole('textbox', { name: 'Tanıtım dosyasının yeri' })).toHaveValue(chosen);
});

test('the browser harness has no native dialog: the path is typed and no button is offered', async ({ page, kopru, world }) => {
  await setupProvince(kopru, '06');
  const ministry = await world.node('ministry');
  await enrol(world, ministry, await world.browser(kopru));
  await page.goto(`${kopru.harness.url}#/exchange/export`);
  await expect(page.getByRole('textbox', { name: 'Dosyanın yeri' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Seç…' })).toHaveCount(0);
});
