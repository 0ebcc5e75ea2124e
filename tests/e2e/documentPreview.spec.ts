import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { arrange, districtIdOf, expect, setupProvince, snap, test, turkeyToday } from './fixtures';

// The print preview (issue #18): a document button opens the PDF's pages in a dialog instead of downloading
// it. Save downloads the PDF; Print prints the preview's own frame — the page images, one per A4 sheet — and
// never the app's screen. Headless Chromium shows no print dialog, so print() is replaced by a recorder in
// every frame the page creates. In Turkish and in English; screenshots at 1280×800 go to tests/artifacts/.

test.describe.configure({ timeout: 120_000 });

interface PrintCall {
  /** Whether the frame printed is the app's window itself (it never should be). */
  app: boolean;
  title: string;
  images: string[];
  /** The sheets' size and margins, from the frame's @page rule. */
  page: string;
  sheets: number;
  /** Anything in the printed body besides the sheets (the app's screen would show up here). */
  other: number;
}

/** Replaces window.print, in the app and in every frame appended to it, by a recorder of what would print. */
function recordPrints() {
  if (window !== window.top) return;
  const calls: PrintCall[] = [];
  Object.assign(window, { __prints: calls });
  const recorder = (target: Window, app: boolean) => () => {
    const doc = target.document;
    const rule = [...doc.styleSheets].flatMap((sheet) => [...sheet.cssRules]).find((r) => r.cssText.startsWith('@page'));
    calls.push({
      app,
      title: doc.title,
      images: [...doc.images].map((img) => img.currentSrc.slice(0, 22)),
      page: rule ? rule.cssText : '',
      sheets: doc.querySelectorAll('body > .sheet').length,
      other: doc.body.children.length - doc.querySelectorAll('body > .sheet').length,
    });
  };
  window.print = recorder(window, true);
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof HTMLIFrameElement && node.contentWindow) node.contentWindow.print = recorder(node.contentWindow, false);
      }
    }
  }).observe(document, { childList: true, subtree: true });
}

const prints = (page: Page) => page.evaluate(() => (window as unknown as { __prints: PrintCall[] }).__prints);

const WORDS = {
  tr: { count: /^Sayfa 1 \/ (\d+)$/, page1: 'Sayfa 1', print: 'Yazdır', save: 'Kaydet', close: 'Önizlemeyi kapat', invitation: 'Davet yazısı (PDF)', summary: 'Dosya özeti (PDF)' },
  en: { count: /^Page 1 of (\d+)$/, page1: 'Page 1', print: 'Print', save: 'Save', close: 'Close the preview', invitation: 'Invitation letter (PDF)', summary: 'File summary (PDF)' },
} as const;

/**
 * Opens a document from its button and checks the preview: every page drawn (alt text "Sayfa n"), the page
 * count, Save (a PDF download), Print (the frame's pages, A4, nothing of the app), Esc closes it.
 */
async function previewDocument(page: Page, button: Locator, language: 'tr' | 'en', shot: string, fileName: RegExp) {
  const words = WORDS[language];
  const title = (await button.textContent())!;
  // The button keeps its keyboard shortcut.
  await expect(button).toHaveAttribute('data-shortcut', 'print');
  await button.click();
  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog).toBeVisible();
  // Drawing pages takes a moment on a loaded machine.
  await expect(dialog.getByRole('button', { name: words.print })).toBeEnabled({ timeout: 30_000 });
  await expect(dialog.getByTestId('preview-page-count')).toHaveText(words.count);
  const pageCount = Number((await dialog.getByTestId('preview-page-count').textContent())!.match(words.count)![1]);
  expect(pageCount).toBeGreaterThanOrEqual(1);
  const images = dialog.getByRole('list', { name: language === 'tr' ? 'Belgenin sayfaları' : 'Pages of the document' }).getByRole('img');
  await expect(images).toHaveCount(pageCount);
  await expect(dialog.getByRole('img', { name: words.page1, exact: true })).toBeVisible();
  // Drawn, not just placed: a page image has real pixels, fitted to the dialog's width.
  const drawn = await images.first().evaluate((img: HTMLImageElement) => ({ natural: img.naturalWidth, shown: img.getBoundingClientRect().width, box: img.parentElement!.getBoundingClientRect().width }));
  expect(drawn.natural).toBeGreaterThan(1000);
  expect(drawn.shown).toBeCloseTo(drawn.box, 0);
  await page.mouse.move(0, 0);
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  // No serious or critical accessibility finding in the dialog (named dialog, named buttons, page images with alt).
  const axe = await new AxeBuilder({ page }).include('[data-testid="document-preview"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  await snap(page, shot);

  // Save: the PDF itself, through a download.
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: words.save }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(fileName);
  expect(fs.readFileSync((await file.path())!).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // Print: the preview's frame prints, with the document's pages and nothing else; the app's window never does.
  const before = (await prints(page)).length;
  await dialog.getByRole('button', { name: words.print }).click();
  await expect.poll(async () => (await prints(page)).length).toBe(before + 1);
  const call = (await prints(page)).at(-1)!;
  expect(call).toMatchObject({ app: false, sheets: pageCount, other: 0 });
  expect(call.images).toEqual(Array(pageCount).fill('data:image/png;base64,'));
  expect(call.page).toMatch(/size: 210mm 297mm; margin: 0px/);
  expect(call.title).toBe(file.suggestedFilename().replace(/\.pdf$/, ''));

  // Ctrl+P in the preview prints the document again, not the app's screen.
  await page.keyboard.press('Control+P');
  await expect.poll(async () => (await prints(page)).length).toBe(before + 2);
  expect((await prints(page)).every((c) => !c.app)).toBe(true);

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('print-frame')).toHaveCount(0);
}

test('a meeting’s and an association’s documents in the print preview: pages, Save and Print, in Turkish and English', async ({ page, kopru }) => {
  await page.addInitScript(recordPrints);
  await setupProvince(kopru, '06');
  const districtId = await districtIdOf(kopru, '06', 'Çankaya');
  const centre = await arrange(kopru, 'orgUnits:createYouthCentre', { name: 'Çankaya Gençlik Merkezi', districtId, status: 'active' });
  const meeting = await arrange(kopru, 'meetings:create', { youthCentreId: centre.id, date: turkeyToday().iso, startTime: '10:00', endTime: '12:00', hall: 'Konferans salonu', agenda: ['Yaz dönemi gençlik kampları'] });
  const association = await arrange(kopru, 'registry:create', { name: 'Çankaya Işıkkent Gençlik Kulübü Derneği', clubType: 'GENCLIK_KULUBU', districtId });

  for (const language of ['tr', 'en'] as const) {
    if (language === 'en') await arrange(kopru, 'settings:setLanguage', { language: 'en' });
    const words = WORDS[language];

    await page.goto(`${kopru.harness.url}#/meetings/${meeting.id}/invitees`);
    // A hash change alone keeps the page, and the language it read at load.
    if (language === 'en') await page.reload();
    await previewDocument(page, page.getByRole('button', { name: words.invitation }), language, `preview-meeting-invitation-${language}`, /^Çankaya Gençlik Merkezi \d{2}\.\d{2}\.\d{4} - Davet Yazısı\.pdf$/);

    await page.goto(`${kopru.harness.url}#/registry/${association.id}`);
    await previewDocument(page, page.getByRole('button', { name: words.summary }), language, `preview-registry-summary-${language}`, /Dosya Özeti\.pdf$/);
  }
});

test('the print sheets match the document’s pages: one A4 sheet per page, no blank sheet after the last', async ({ page, kopru, browser }) => {
  await page.addInitScript(recordPrints);
  await setupProvince(kopru, '06');
  const districtId = await districtIdOf(kopru, '06', 'Çankaya');
  const association = await arrange(kopru, 'registry:create', { name: 'Çankaya Işıkkent Gençlik Kulübü Derneği', clubType: 'GENCLIK_KULUBU', districtId });
  await page.goto(`${kopru.harness.url}#/registry/${association.id}`);
  await page.getByRole('button', { name: 'Dosya özeti (PDF)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Dosya özeti (PDF)' });
  // A loaded machine may take a while to draw the pages (the button stays disabled until all are drawn).
  await expect(dialog.getByRole('button', { name: 'Yazdır' })).toBeEnabled({ timeout: 30_000 });
  const pageCount = Number((await dialog.getByTestId('preview-page-count').textContent())!.match(/^Sayfa 1 \/ (\d+)$/)![1]);
  await expect(dialog.getByRole('listitem')).toHaveCount(pageCount);
  await dialog.getByRole('button', { name: 'Yazdır' }).click();
  await expect.poll(async () => (await prints(page)).length).toBe(1);
  // What the print dialog would get, printed to PDF by Chromium with the frame's own page rule: the frame as it
  // is, and with its sheets repeated to make a three-times-longer document (the page breaks between sheets).
  const frameHtml = (repeat: number) =>
    page.getByTestId('print-frame').evaluate((frame: HTMLIFrameElement, times) => {
      const doc = frame.contentDocument!.documentElement.cloneNode(true) as HTMLElement;
      const body = doc.querySelector('body')!;
      const sheets = [...body.children];
      for (let i = 1; i < times; i++) for (const sheet of sheets) body.appendChild(sheet.cloneNode(true));
      return doc.outerHTML;
    }, repeat);
  const printedPages = async (html: string) => {
    const printer = await browser.newPage();
    await printer.setContent(html);
    const pdf = (await printer.pdf({ preferCSSPageSize: true })).toString('latin1');
    await printer.close();
    return pdf;
  };
  const pdf = await printedPages(await frameHtml(1));
  expect(pdf.match(/\/Type\s*\/Page\b/g)?.length).toBe(pageCount);
  expect((await printedPages(await frameHtml(3))).match(/\/Type\s*\/Page\b/g)?.length).toBe(3 * pageCount);
  const box = pdf.match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/);
  expect(Number(box![1])).toBeCloseTo(595.3, 0); // A4 in points
  expect(Number(box![2])).toBeCloseTo(841.9, 0);
});

test('a file that is not a readable PDF: the preview says so, Print stays off and Save still saves it', async ({ page, kopru }) => {
  await setupProvince(kopru, '06');
  const districtId = await districtIdOf(kopru, '06', 'Çankaya');
  const association = await arrange(kopru, 'registry:create', { name: 'Çankaya Işıkkent Gençlik Kulübü Derneği', clubType: 'GENCLIK_KULUBU', districtId });
  // The document arrives damaged (as a truncated file would).
  await page.route('**/__kopru/invoke', async (route) => {
    if (!route.request().postData()?.includes('"registry:document"')) return route.fallback();
    const response = await route.fetch();
    const body = (await response.json()) as { ok: boolean; value: { contentBase64: string } };
    body.value.contentBase64 = Buffer.from('%PDF-1.7\nnot really a PDF').toString('base64');
    await route.fulfill({ response, json: body });
  });
  await page.goto(`${kopru.harness.url}#/registry/${association.id}`);
  await page.getByRole('button', { name: 'Dosya özeti (PDF)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Dosya özeti (PDF)' });
  await expect(dialog.getByRole('alert')).toContainText('Belge önizlenemedi', { timeout: 30_000 });
  await expect(dialog.getByRole('button', { name: 'Yazdır' })).toBeDisabled();
  await expect(dialog.getByRole('img', { name: /^Sayfa / })).toHaveCount(0);
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Kaydet' }).click();
  expect((await download).suggestedFilename()).toMatch(/Dosya Özeti\.pdf$/);
  await snap(page, 'preview-error-tr');
});
