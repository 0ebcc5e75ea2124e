import type { Page } from '@playwright/test';
import { termOf } from '../../shared/meetings/terms';
import { arrange, dismissToasts, expect, snap } from './fixtures';
import { deliver, enrol, test } from './syncNodes';
import { TEST_ADMIN } from '../support/users';

// A youth centre's own installation, out of the box (issue #15): it introduces itself, its province enrols it
// (binding it to the province's record of the centre) and answers with a welcome file; the centre receives it
// through the exchange screen, then plans and holds its first meeting at its own centre — the only venue it is
// offered — and the meeting reaches the province and the ministry.

test.describe.configure({ timeout: 150_000 });

const CENTRE = 'Çankaya Gençlik Merkezi';
const ANKARA = 'Ankara Gençlik ve Spor İl Müdürlüğü';
const term = termOf(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Istanbul' }).format(new Date()));

async function receiveWelcome(page: Page, file: string, fingerprint: string) {
  await page.getByRole('textbox', { name: 'Değişim dosyası' }).fill(file);
  await page.getByRole('button', { name: 'Dosyayı incele' }).click();
  await expect(page.getByTestId('inspection')).toContainText(ANKARA);
  await page.getByRole('textbox', { name: /telefonda okuduğu parmak izi/ }).fill(fingerprint);
  await expect(page.getByTestId('fingerprint-match')).toBeVisible();
  await page.getByRole('button', { name: 'Önizle', exact: true }).click();
  await expect(page.getByText('Bu bir önizlemedir', { exact: false })).toBeVisible();
}

test('a youth centre enrols, plans and holds its first meeting at its own centre, and the meeting reaches the province and the ministry', async ({ page, kopru, world }) => {
  await arrange(kopru, 'installation:setup', { admin: TEST_ADMIN, role: 'youth-center', provincePlate: '06', name: CENTRE, districtName: 'Çankaya' });
  const centre = await world.browser(kopru);
  const ministry = await world.node('ministry');
  const ankara = await world.node('province', '06');
  await enrol(world, ministry, ankara);
  // The province's list already has another centre: the new installation must not be offered it.
  const districts = await ankara.ok('orgUnits:listDistricts', { provincePlate: '06' });
  await ankara.ok('orgUnits:createYouthCentre', { name: 'Mamak Gençlik Merkezi', districtId: districts.find((d) => d.name === 'Mamak')!.id, status: 'active' });

  // Before enrolment the meetings screen says what to do.
  await page.goto(`${kopru.harness.url}#/meetings/planner`);
  await expect(page.getByText('önce il müdürlüğüne kaydolun (Veri Değişimi → Kayıt)', { exact: false })).toBeVisible();
  await snap(page, 'meetings-planner-youth-centre-unbound', { top: true });

  // Introduction → the province enrols it (creating its record from the introduction) → welcome file.
  const intro = world.file('tanitim-cankaya.json');
  const { fingerprint } = await centre.ok('sync:introduce', { path: intro });
  const enrolled = await ankara.ok('sync:enroll', { path: intro, fingerprint });
  const welcome = world.file('karsilama-cankaya.kopru');
  await ankara.ok('sync:export', { peerNode: centre.nodeId, path: welcome, welcome: true });
  await page.goto(`${kopru.harness.url}#/exchange/import`);
  await receiveWelcome(page, welcome, ankara.fingerprint);
  // The preview names tables in Turkish (never raw names) and brings the province's centres list.
  const tables = page.getByTestId('import-tables');
  await expect(tables).toContainText('Gençlik merkezleri');
  expect(await tables.innerText()).not.toMatch(/[a-z]+_[a-z]+/);
  await snap(page, 'sync-youth-centre-welcome-preview', { top: true });
  await page.getByRole('button', { name: 'Uygula' }).click();
  await expect(page.getByTestId('import-result')).toContainText(`${ANKARA} kurulumundan gelen dosya alındı`);

  // Its own centre is the only venue, preselected.
  const venues = await centre.ok('meetings:venues', {});
  expect(venues.centres.map((c) => [c.id, c.name])).toEqual([[enrolled.centreId, CENTRE]]);
  await page.goto(`${kopru.harness.url}#/meetings/planner`);
  const rows = page.getByTestId('planner-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(CENTRE);
  await rows.first().getByRole('button', { name: `${CENTRE} için ${term.year}/${term.no} toplantısını planla` }).click();
  const form = page.getByRole('dialog', { name: 'Yeni toplantı planla' });
  await expect(form.getByRole('combobox', { name: 'Gençlik merkezi' })).toHaveValue(`${CENTRE} (Çankaya)`);
  await form.getByRole('textbox', { name: 'Başlangıç saati' }).fill('14:00');
  await form.getByRole('textbox', { name: 'Bitiş saati' }).fill('16:00');
  await form.getByRole('textbox', { name: 'Salon' }).fill('Konferans salonu');
  await form.getByRole('button', { name: 'Planla' }).click();
  const meeting = page.getByTestId('meeting-page');
  await expect(meeting.getByTestId('meeting-state')).toHaveText('Planlandı');
  const meetingId = page.url().split('/').at(-1)!;

  // Invitations sent, then held.
  await page.getByRole('button', { name: 'Davet gönderildi olarak işaretle' }).click();
  const invite = page.getByRole('dialog', { name: 'Davet gönderildi olarak işaretle' });
  await invite.getByRole('textbox', { name: 'Evrak sayısı' }).fill('E-12345678-000-101');
  await invite.getByRole('button', { name: 'Davet gönderildi olarak işaretle' }).click();
  await expect(meeting.getByTestId('meeting-state')).toHaveText('Davet gönderildi');
  await page.getByRole('button', { name: 'Toplantı yapıldı' }).click();
  await page.getByRole('dialog', { name: 'Toplantı yapıldı' }).getByRole('button', { name: 'Toplantı yapıldı' }).click();
  await expect(meeting.getByTestId('meeting-state')).toHaveText('Yapıldı');
  await dismissToasts(page);
  await snap(page, 'sync-youth-centre-first-meeting', { top: true });

  // Up to the province, then to the ministry: nothing refused on the way, held there as held here.
  const atProvince = await deliver(world, centre, ankara);
  expect(atProvince.report.rejected).toEqual([]);
  expect((await ankara.ok('meetings:get', { id: meetingId })).state).toBe('YAPILDI');
  const atMinistry = await deliver(world, ankara, ministry);
  expect(atMinistry.report.rejected).toEqual([]);
  const there = await ministry.ok('meetings:get', { id: meetingId });
  expect(there).toMatchObject({ state: 'YAPILDI', youthCentreName: CENTRE });
});
