import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { arrange, expect, fillDemoSummary, setupMinistry, test, type KopruFixture } from './fixtures';

// Charts and the Turkey map (issue #17) at the ministry over demo data: the map draws the 81 provinces, each
// coloured by the class its figure falls in (checked against the channel's numbers and the legend on screen),
// a click or Enter drills down to the province; the charts draw their series with the labels of the data.
// Screenshots in Turkish and English at 1280×800 and 1024×768 go to /tmp/shots-charts for people to look at.

// Demo data at the ministry takes minutes on a busy machine.
test.describe.configure({ timeout: 600_000 });

/** The regions in the order the app lists them (shared/regions.ts; its JSON import does not load in Playwright). */
const REGIONS = ['Marmara', 'Ege', 'Akdeniz', 'İç Anadolu', 'Karadeniz', 'Doğu Anadolu', 'Güneydoğu Anadolu'];

const SHOTS = process.env.KOPRU_CHART_SHOTS ?? '/tmp/shots-charts';

async function shoot(page: Page, name: string, target?: Locator) {
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const [w, h] of [[1280, 800], [1024, 768]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.mouse.move(0, 0);
    if (target) await target.scrollIntoViewIfNeeded();
    else await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SHOTS}/${name}-${w}.png` });
    // The README shows some of them: KOPRU_DOCS_SCREENSHOTS=1 refreshes the committed copies, as snap() does.
    const committed = `docs/screenshots/${name}-${w}.png`;
    if (process.env.KOPRU_DOCS_SCREENSHOTS === '1' && fs.existsSync(committed)) fs.copyFileSync(`${SHOTS}/${name}-${w}.png`, committed);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** The class the legend on screen gives a value: the last class whose lower bound it reaches. */
async function legendBounds(map: Locator): Promise<number[]> {
  const items = map.locator('[data-testid$="-legend"] [data-min]');
  return (await items.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-min')))));
}
/** A chart's category labels (recharts draws the ticks in a layer of their own; long ones wrap into lines). */
async function categoryTicks(chart: Locator): Promise<string[]> {
  const texts = await chart.locator('.recharts-cartesian-axis-tick-value').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
  return texts.filter((t) => !/^[\d.,%\s]*$/.test(t));
}
const squeeze = (names: string[]) => names.map((n) => n.replace(/\s+/g, ''));
/** A chart's legend names, in any order (Mantine lists the series last to first). */
async function legendOf(chart: Locator): Promise<string[]> {
  await expect(chart.locator('[class*="legendItemName"]').first()).toBeVisible();
  return (await chart.locator('[class*="legendItemName"]').allTextContents()).sort();
}

const classIn = (bounds: number[], value: number) => bounds.reduce((cls, min, i) => (value >= min ? i : cls), 0);

/** Every province's class on the map, by plate. */
async function mapClasses(map: Locator): Promise<Record<string, string>> {
  return Object.fromEntries(await map.locator('path[data-plate]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-plate')!, e.getAttribute('data-class')!])));
}

async function ministryWithDemo(kopru: KopruFixture) {
  await setupMinistry(kopru);
  await fillDemoSummary(kopru, { associationsPerProvince: 5 });
}

const PERIOD = { from: '2017-01-01', to: '2026-12-31' };

test('reports: the provinces on the map by meetings held, a click opens the province; the charts draw the report', async ({ page, kopru }) => {
  await ministryWithDemo(kopru);
  const { provinces } = await arrange(kopru, 'reports:provinces', PERIOD);
  const report = await arrange(kopru, 'reports:figures', { ...PERIOD, scope: { level: 'national' } });

  const started = Date.now();
  await page.goto(`${kopru.harness.url}#/reports`);
  await page.getByRole('textbox', { name: 'Başlangıç' }).fill('01.01.2017');
  await page.getByRole('textbox', { name: 'Bitiş' }).fill('31.12.2026');
  const map = page.getByTestId('report-map');
  await expect(map.locator('path[data-plate]')).toHaveCount(81, { timeout: 60_000 });
  await expect(map.locator('path[data-class="none"]')).toHaveCount(0);
  test.info().annotations.push({ type: 'reports page to map drawn (ms, not asserted)', description: String(Date.now() - started) });

  // Each province in the class its number falls in, by the legend shown; the legend's swatch has the same fill.
  // (The map first shows the default period's figures; it is judged once the typed period's have arrived.)
  let bounds: number[] = [];
  await expect(async () => {
    bounds = await legendBounds(map);
    expect(bounds[0]).toBe(0);
    expect(bounds.length).toBeGreaterThan(2);
    const classes = await mapClasses(map);
    for (const p of provinces) expect(classes[p.plate], `${p.plate} ${p.name}: ${p.meetingsHeld}`).toBe(String(classIn(bounds, p.meetingsHeld)));
  }).toPass({ timeout: 30_000 });
  const top = provinces.reduce((a, b) => (b.meetingsHeld > a.meetingsHeld ? b : a));
  const topPath = map.locator(`path[data-plate="${top.plate}"]`);
  await expect(topPath).toHaveAttribute('data-class', String(bounds.length - 1));
  const swatch = await map.locator(`[data-testid$="-legend"] [data-class="${bounds.length - 1}"] rect`).getAttribute('fill');
  await expect(topPath).toHaveAttribute('fill', swatch!);
  // Not by colour alone: the name and the number, as a tooltip and for screen readers, and under the map.
  await expect(topPath).toHaveAttribute('aria-label', `${top.name} — Yapılan toplantı: ${top.meetingsHeld.toLocaleString('tr-TR')}`);
  await expect(topPath.locator('title')).toHaveText(`${top.name} — Yapılan toplantı: ${top.meetingsHeld.toLocaleString('tr-TR')}`);
  await topPath.hover();
  await expect(page.getByTestId('report-map-pointed')).toHaveText(`${top.name} — Yapılan toplantı: ${top.meetingsHeld.toLocaleString('tr-TR')}`);

  // The regions' bars (two series) and the terms' bars carry the report's own labels.
  const breakdown = page.getByTestId('breakdown-chart');
  expect(await legendOf(breakdown)).toEqual(['STK katılımı', 'Yapılan toplantı']);
  expect(squeeze(await categoryTicks(breakdown))).toEqual(squeeze(report.breakdown!.rows.map((r) => r.name)));
  // One bar per non-zero value of each series (a zero draws nothing).
  const nonZero = report.breakdown!.rows.filter((r) => r.meetingsHeld > 0).length + report.breakdown!.rows.filter((r) => r.csoAttendances > 0).length;
  await expect(breakdown.locator('path.recharts-rectangle')).toHaveCount(nonZero);
  const perTerm = page.getByTestId('per-term-chart');
  // Many terms: recharts writes every few ticks' label (each bar still has its tooltip), in order from the first.
  const termNames = squeeze(report.perTerm.map((p) => `${p.year} / ${p.no}. dönem`));
  const termTicks = squeeze(await categoryTicks(perTerm));
  expect(termTicks[0]).toBe(termNames[0]);
  expect(termTicks.map((t) => termNames.indexOf(t))).toEqual([...termTicks.map((t) => termNames.indexOf(t))].sort((a, b) => a - b));
  expect(termTicks.every((t) => termNames.includes(t))).toBe(true);
  await expect(perTerm.locator('path.recharts-rectangle')).toHaveCount(report.perTerm.filter((p) => p.meetingsHeld > 0).length + report.perTerm.filter((p) => p.youthCentres > 0).length);
  await expect(page.getByTestId('breakdown-table')).toBeVisible();

  await shoot(page, 'reports-map-tr', map);
  await shoot(page, 'reports-charts-tr', breakdown);

  // A click on a province opens that province's report, whose count is the one the map showed.
  const erzurum = provinces.find((p) => p.plate === '25')!;
  await map.locator('path[data-plate="25"]').click();
  await expect(page.getByTestId('report-heading')).toContainText('Erzurum ili');
  await expect(page.getByTestId('figure-meetingsHeld')).toContainText(`${erzurum.meetingsHeld.toLocaleString('tr-TR')}Yapılan toplantı`);
  await expect(page.getByTestId('report-map')).toHaveCount(0);

  // English: the same map and charts with English labels and numbers.
  await arrange(kopru, 'settings:setLanguage', { language: 'en' });
  await page.reload();
  await page.locator('.mantine-SegmentedControl-label', { hasText: /^Nationwide$|^Türkiye$|^Turkey$/ }).first().click();
  await page.getByRole('textbox', { name: 'From' }).fill('01.01.2017');
  await page.getByRole('textbox', { name: 'To' }).fill('31.12.2026');
  await expect(map.locator('path[data-plate]')).toHaveCount(81, { timeout: 60_000 });
  await expect(map.locator(`path[data-plate="${top.plate}"]`)).toHaveAttribute('aria-label', `${top.name} — Meetings held: ${top.meetingsHeld.toLocaleString('en-GB')}`);
  expect(await legendOf(breakdown)).toEqual(['CSO attendances', 'Meetings held']);
  expect(squeeze(await categoryTicks(perTerm))[0]).toBe(squeeze([`${report.perTerm[0]!.year} / term ${report.perTerm[0]!.no}`])[0]);
  await shoot(page, 'reports-map-en', map);
  await shoot(page, 'reports-charts-en', breakdown);
});

test('the ministry board: provinces coloured by the share of centres that met this term, Enter opens the planner', async ({ page, kopru }) => {
  await ministryWithDemo(kopru);
  const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Istanbul' }).format(new Date()).slice(0, 4));
  const board = await arrange(kopru, 'meetings:board', { year });
  const index = board.terms.indexOf(board.currentTerm.no);

  const started = Date.now();
  await page.goto(`${kopru.harness.url}#/meetings/board`);
  const map = page.getByTestId('board-map');
  await expect(map.locator('path[data-plate]')).toHaveCount(81, { timeout: 60_000 });
  test.info().annotations.push({ type: 'board to map drawn (ms, not asserted)', description: String(Date.now() - started) });
  await expect(page.getByTestId('board-row')).toHaveCount(81);

  // The class of each province from the channel's numbers: held / centres in the current term.
  const expected = (p: (typeof board.provinces)[number]) => {
    if (p.centres === 0) return 'none';
    const held = p.heldByTerm[index]!;
    const share = held / p.centres;
    return String(held === 0 ? 0 : share >= 1 ? 4 : share >= 0.5 ? 3 : share >= 0.25 ? 2 : 1);
  };
  const classes = await mapClasses(map);
  for (const p of board.provinces) expect(classes[p.plate], `${p.plate} ${p.name}`).toBe(expected(p));
  const ankara = board.provinces.find((p) => p.plate === '06')!;
  await expect(map.locator('path[data-plate="06"]')).toHaveAttribute('aria-label', new RegExp(`^Ankara — ${ankara.heldByTerm[index]} / ${ankara.centres} merkez toplantı yaptı`));

  // Per region: held and not yet, stacked; one tick per region with provinces.
  const chart = page.getByTestId('board-region-chart');
  expect(await legendOf(chart)).toEqual(['Henüz yapmayan', 'Toplantı yapan']);
  expect(squeeze(await categoryTicks(chart))).toEqual(squeeze([...REGIONS]));
  const held = REGIONS.filter((r) => board.provinces.some((p) => p.region === r && p.heldByTerm[index]! > 0)).length;
  const notHeld = REGIONS.filter((r) => board.provinces.some((p) => p.region === r && p.heldByTerm[index]! < p.centres)).length;
  await expect(chart.locator('path.recharts-rectangle')).toHaveCount(held + notHeld);
  await shoot(page, 'board-tr');

  // Keyboard: a province is focusable, Enter opens its planner.
  const izmir = map.locator('path[data-plate="35"]');
  await izmir.focus();
  await expect(page.getByTestId('board-map-pointed')).toContainText('İzmir');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/meetings\/planner\/35$/);

  await arrange(kopru, 'settings:setLanguage', { language: 'en' });
  await page.goto(`${kopru.harness.url}#/meetings/board`);
  await page.reload();
  await expect(map.locator('path[data-plate]')).toHaveCount(81, { timeout: 60_000 });
  await expect(map.locator('path[data-plate="06"]')).toHaveAttribute('aria-label', new RegExp(`^Ankara — ${ankara.heldByTerm[index]} of ${ankara.centres} centres met`));
  expect(await legendOf(chart)).toEqual(['Held a meeting', 'Not yet']);
  await shoot(page, 'board-en');
});
