import type { Page } from '@playwright/test';
import type { HomeLine, HomeLineKind, HomeToday } from '../../shared/contract/home';
import { arrange, expect, fillDemoSummary, setupMinistry, setupProvince, snap, test, type KopruFixture } from './fixtures';

// The home page ("Bugün") over demo data: the app opens on it, every line with something waiting shows the
// count the server computed, a click opens the list narrowed to exactly those records, lines with nothing
// waiting are gathered in one quiet sentence; Turkish and English, at 1280×800 and 1024×768.

// Demo data takes a while to write: more time than the default per test.
test.describe.configure({ timeout: 180_000 });

function lineOf(lines: HomeLine[], kind: HomeLineKind): HomeLine {
  const line = lines.find((l) => l.kind === kind);
  if (!line) throw new Error(`no ${kind} line in ${lines.map((l) => l.kind).join(', ')}`);
  return line;
}

const home = (kopru: KopruFixture) => arrange(kopru, 'home:today', {}) as Promise<HomeToday>;

/** Both sizes the issue asks for, the page scrolled to the top. */
async function snapBoth(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await snap(page, name, { top: true });
  await page.setViewportSize({ width: 1024, height: 768 });
  await snap(page, `${name}-1024`, { top: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('a province opens on "Bugün": what waits for it, each line opening its filtered list', async ({ page, kopru }) => {
  await setupProvince(kopru, '06');
  await fillDemoSummary(kopru, { associationsPerProvince: 240 });
  // One follow-up task of this unit, past its date: a line of one ("1 open follow-up task").
  const org = await arrange(kopru, 'directory:create', { kind: 'STK', name: 'Bugün Takip Gençlik Derneği', provincePlate: '06' });
  await arrange(kopru, 'directory:saveInteraction', { organisationId: org.id, kind: 'TELEFON', onDate: '2026-11-02', subject: 'Protokol görüşmesi', followUp: 'Protokol taslağını gönder', followUpDue: '2026-11-20' });
  const data = await home(kopru);
  const registryNew = lineOf(data.waiting, 'registryNew');
  const overdue = lineOf(data.waiting, 'meetingsOverdue');
  const decisions = lineOf(data.waiting, 'decisions');
  expect(registryNew.count).toBeGreaterThan(1);
  expect(overdue.count).toBeGreaterThan(1);
  expect(lineOf(data.waiting, 'followUps')).toMatchObject({ count: 1, overdue: 1 });
  expect(data.national).toEqual([]);

  // The app opens here: first in the menu, current.
  await page.goto(kopru.harness.url);
  await expect(page.getByRole('heading', { name: 'Bugün', level: 2 })).toBeVisible();
  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('link').first()).toHaveText('Bugün');
  await expect(nav.getByRole('link', { name: 'Bugün' })).toHaveAttribute('aria-current', 'page');
  const waiting = page.getByTestId('home-waiting');
  await expect(waiting.getByTestId('home-line-registryNew')).toContainText(`${registryNew.count}yeni başvuru incelemenizi bekliyor`);
  await expect(waiting.getByTestId('home-line-decisions')).toContainText(`${decisions.count}açık toplantı kararı`);
  await expect(waiting.getByTestId('home-line-decisions')).toContainText(`${decisions.overdue} tanesinin son tarihi geçti.`);
  await expect(waiting.getByTestId('home-line-followUps')).toContainText('1açık takip işi');
  await expect(waiting.getByTestId('home-line-followUps')).toContainText('Son tarihi geçti.');
  await expect(waiting.getByTestId('home-line-visaLate')).toContainText('Dönem 30.04.2026 tarihinde kapandı.');
  // Every line with something waiting is shown, in the server's order; the others are one quiet sentence.
  const active = data.waiting.filter((l) => l.count > 0).map((l) => `home-line-${l.kind}`);
  await expect(waiting.locator('[data-testid^="home-line-"]')).toHaveCount(active.length);
  expect(await waiting.locator('[data-testid^="home-line-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))).toEqual(active);
  const calm = waiting.getByTestId('home-waiting-calm');
  await expect(calm).toContainText('Bekleyen yok:');
  await expect(calm.getByRole('link', { name: 'Çözülecek çakışma' })).toHaveAttribute('href', '#/exchange/conflicts');
  // Sent and waiting: applications in "Onayda" cannot reach the ministry until the exchange is set up.
  const sent = page.getByTestId('home-sent');
  await expect(sent.getByTestId('home-line-approvalNoPeer')).toContainText('onaydaki başvuru Bakanlığa ulaşamıyor');
  await snapBoth(page, 'home-province');

  // A click opens the registry list narrowed to the line's state, with exactly that many rows.
  await waiting.getByTestId('home-line-registryNew').click();
  await expect(page).toHaveURL(/#\/registry\?status=BASVURU_ALINDI$/);
  await expect(page.getByTestId('registry-total')).toHaveText(`${registryNew.count} dernek`);
  await expect(page.getByTestId('status-chips').getByRole('checkbox', { name: /Başvuru alındı/ })).toBeChecked();
  await expect(page.getByTestId('status-chips').getByRole('checkbox', { name: /Tescilli/ })).not.toBeChecked();

  // The overdue meetings line opens the planner with only the overdue centres.
  await nav.getByRole('link', { name: 'Bugün' }).click();
  await waiting.getByTestId('home-line-meetingsOverdue').click();
  await expect(page).toHaveURL(/#\/meetings\/planner\?overdue=1$/);
  await expect(page.getByRole('checkbox', { name: 'Yalnız gecikenler' })).toBeChecked();
  await expect(page.getByTestId('planner-row')).toHaveCount(overdue.count);

  // The decisions line opens the open decisions, which count the same.
  await nav.getByRole('link', { name: 'Bugün' }).click();
  await waiting.getByTestId('home-line-decisions').click();
  await expect(page).toHaveURL(/#\/meetings\/decisions$/);
  await expect(page.getByText(`${decisions.count} açık karar, ${decisions.overdue} tanesinin süresi geçmiş.`)).toBeVisible();

  // The visa lines open the list by visa status and year.
  await nav.getByRole('link', { name: 'Bugün' }).click();
  const visaLate = lineOf(data.waiting, 'visaLate');
  await waiting.getByTestId('home-line-visaLate').click();
  await expect(page).toHaveURL(/#\/registry\?visa=GECIKMIS&year=2026$/);
  await expect(page.getByTestId('registry-total')).toHaveText(`${visaLate.count} dernek`);

  // In English: the same lines, singular where there is one.
  await arrange(kopru, 'settings:setLanguage', { language: 'en' });
  await page.goto(kopru.harness.url);
  await expect(page.getByRole('heading', { name: 'Today', level: 2 })).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link').first()).toHaveText('Today');
  await expect(waiting.getByTestId('home-line-registryNew')).toContainText(`${registryNew.count}new applications to review`);
  await expect(waiting.getByTestId('home-line-followUps')).toContainText('1open follow-up task');
  await expect(waiting.getByTestId('home-line-followUps')).not.toContainText('tasks');
  await expect(waiting.getByTestId('home-line-followUps')).toContainText('It is past its due date.');
  await expect(waiting.getByTestId('home-line-visaLate')).toContainText('The window closed on 30.04.2026.');
  await expect(waiting.getByTestId('home-waiting-calm')).toContainText('Nothing waiting:');
  await expect(page.getByTestId('home')).not.toContainText(/[ğışİçö]/);
  await snapBoth(page, 'home-province-en');
});

test('the ministry sees the approvals it gives and the national picture', async ({ page, kopru }) => {
  await setupMinistry(kopru);
  await fillDemoSummary(kopru, { associationsPerProvince: 10 });
  const data = await home(kopru);
  const approvals = lineOf(data.waiting, 'approvals');
  expect(approvals.count).toBeGreaterThan(0);
  expect(data.waiting.map((l) => l.kind)).not.toContain('registryNew');
  expect(data.waiting.map((l) => l.kind)).not.toContain('visaReview');
  expect(data.sent).toEqual([]);
  const overdue = lineOf(data.national, 'nationalMeetingsOverdue');

  await page.goto(kopru.harness.url);
  const waiting = page.getByTestId('home-waiting');
  await expect(waiting.getByTestId('home-line-approvals')).toContainText(`${approvals.count}tescil başvurusu onayınızı bekliyor`);
  const national = page.getByTestId('home-national');
  await expect(national.getByRole('heading', { name: 'Ülke genelinde' })).toBeVisible();
  if (overdue.count > 0) await expect(national.getByTestId('home-line-nationalMeetingsOverdue')).toContainText(`${overdue.count}gençlik merkezinde toplantı gecikti`);
  await expect(page.getByTestId('home-sent')).toHaveCount(0);
  await snapBoth(page, 'home-ministry');

  // Approvals open the national list in the state "Onayda".
  await waiting.getByTestId('home-line-approvals').click();
  await expect(page).toHaveURL(/#\/registry\?status=ONAYDA$/);
  await expect(page.getByTestId('registry-total')).toHaveText(`${approvals.count.toLocaleString('tr-TR')} dernek`);

  await arrange(kopru, 'settings:setLanguage', { language: 'en' });
  await page.goto(kopru.harness.url);
  await expect(page.getByTestId('home-national').getByRole('heading', { name: 'Across the country' })).toBeVisible();
  await snapBoth(page, 'home-ministry-en');
});
