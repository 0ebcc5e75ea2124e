import fs from 'node:fs';
import { termOf } from '../../shared/meetings/terms';
import { formatDateTr } from '../../shared/turkish';
import { arrange, dismissToasts, districtIdOf, expect, fillDemoSummary, saveFromPreview, setupMinistry, setupProvince, snap, test, type KopruFixture } from './fixtures';
import { deliver, enrol, test as syncTest } from './syncNodes';

// The meeting cycle through the screens: plan from the planner, invite (letter date and number), hold, mark
// attendance, write minutes and a decision, download the minutes PDF; the next meeting of the same centre
// opens with that decision to review (the follow-up loop). The ministry sees every province on its board.

test.describe.configure({ timeout: 180_000 });

const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Istanbul' }).format(new Date());
const term = termOf(today);
const termLabel = `${term.year}/${term.no}`;

async function centre(kopru: KopruFixture, name: string, district: string) {
  return arrange(kopru, 'orgUnits:createYouthCentre', { name, districtId: await districtIdOf(kopru, '06', district), status: 'active' });
}

test('plan → invite → hold → attendance → minutes and a decision → PDF; the next meeting reviews the decision', async ({ page, kopru }) => {
  await setupProvince(kopru, '06');
  const cankaya = await centre(kopru, 'Çankaya Gençlik Merkezi', 'Çankaya');
  await centre(kopru, 'Mamak Gençlik Merkezi', 'Mamak');
  await arrange(kopru, 'directory:create', { kind: 'STK', name: 'Çankaya Gençlik ve Kültür Derneği', provincePlate: '06', districtId: cankaya.districtId });

  // Empty states first: no meetings anywhere yet.
  await page.goto(`${kopru.harness.url}#/meetings/decisions`);
  await expect(page.getByText('Açık karar yok: bütün kararlar tamamlanmış ya da iptal edilmiş.')).toBeVisible();
  await snap(page, 'meetings-decisions-empty', { top: true });

  // Planner: both centres, nothing held this term; plan Çankaya's meeting from its cell.
  await page.getByRole('tab', { name: 'Planlayıcı' }).click();
  await expect(page).toHaveURL(/#\/meetings\/planner$/);
  const rows = page.getByTestId('planner-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Çankaya Gençlik Merkezi');
  await expect(rows.nth(1)).toContainText('Mamak Gençlik Merkezi');
  await snap(page, 'meetings-planner-empty', { top: true });
  await page.getByRole('button', { name: `Çankaya Gençlik Merkezi için ${termLabel} toplantısını planla` }).click();
  const form = page.getByRole('dialog', { name: 'Yeni toplantı planla' });
  await expect(form.getByRole('textbox', { name: 'Tarih' })).toHaveValue(formatDateTr(today));
  await expect(form.getByRole('combobox', { name: 'Gençlik merkezi' })).toHaveValue('Çankaya Gençlik Merkezi (Çankaya)');
  await form.getByRole('textbox', { name: 'Başlangıç saati' }).fill('10:00');
  await form.getByRole('textbox', { name: 'Bitiş saati' }).fill('09:00');
  await form.getByRole('textbox', { name: 'Salon' }).fill('Konferans salonu');
  await form.getByRole('textbox', { name: 'Başkan' }).fill('Ahmet Kaya');
  await form.getByRole('button', { name: 'Gündem maddesi ekle' }).click();
  await form.getByRole('textbox', { name: 'Gündem maddesi 2' }).fill('Derneklerin gençlik merkezi salonlarını kullanımı');
  await form.getByRole('button', { name: 'Planla' }).click();
  // The server's field message lands on the field; nothing is saved.
  await expect(form.getByText('Bitiş saati başlangıç saatinden sonra olmalı.')).toBeVisible();
  expect((await arrange(kopru, 'meetings:list', { from: `${term.year}-01-01`, to: `${term.year}-12-31` })).meetings).toHaveLength(0);
  await form.getByRole('textbox', { name: 'Bitiş saati' }).fill('12:00');
  await form.getByRole('button', { name: 'Planla' }).click();

  const page1 = page.getByTestId('meeting-page');
  await expect(page1.getByTestId('meeting-state')).toHaveText('Planlandı');
  await expect(page1.getByTestId('meeting-term')).toHaveText(`${termLabel} dönemi`);
  await expect(page1.getByTestId('meeting-when')).toContainText(`${formatDateTr(today)} · 10:00–12:00`);
  await expect(page1.getByTestId('agenda')).toContainText('Derneklerin gençlik merkezi salonlarını kullanımı');
  const firstId = page.url().split('/').at(-1)!;

  // Invitees: the district's CSO is suggested; invite it, and add a person by hand.
  await page.getByRole('tab', { name: 'Davetliler' }).click();
  await expect(page.getByText('Henüz davetli yok.', { exact: false })).toBeVisible();
  const suggestions = page.getByTestId('suggestions');
  await expect(suggestions).toContainText('İlçedeki kuruluşlar');
  await suggestions.getByRole('checkbox', { name: 'Çankaya Gençlik ve Kültür Derneği' }).check();
  await page.getByRole('button', { name: 'Seçilenleri davet et (1)' }).click();
  await expect(page.getByTestId('invitees')).toContainText('Çankaya Gençlik ve Kültür Derneği temsilcisi');
  const manual = page.getByRole('region', { name: 'Kişiyi elle ekle' });
  await manual.getByRole('textbox', { name: 'Ad soyad' }).fill('Elif Yıldırım');
  await manual.getByRole('textbox', { name: 'Unvan' }).fill('Gönüllü koordinatörü');
  await manual.getByRole('combobox', { name: 'Kurum' }).fill('Ankara Gönüllüler Platformu');
  await manual.getByRole('button', { name: 'Davetlilere ekle' }).click();
  await expect(page.getByTestId('invitees')).toContainText('Elif Yıldırım');
  await dismissToasts(page);
  await snap(page, 'meetings-invitees', { top: true });

  // Invitations sent, with the letter's date and number.
  await page.getByRole('button', { name: 'Davet gönderildi olarak işaretle' }).click();
  const invite = page.getByRole('dialog', { name: 'Davet gönderildi olarak işaretle' });
  await expect(invite.getByRole('textbox', { name: 'Evrak tarihi' })).toHaveValue(formatDateTr(today));
  await invite.getByRole('button', { name: 'Davet gönderildi olarak işaretle' }).click();
  await expect(invite.getByText('Davet yazısının sayısını girin.')).toBeVisible();
  await invite.getByRole('textbox', { name: 'Evrak sayısı' }).fill('E-12345678-000-4567');
  await invite.getByRole('button', { name: 'Davet gönderildi olarak işaretle' }).click();
  await expect(page1.getByTestId('meeting-state')).toHaveText('Davet gönderildi');

  // Held: attendance and minutes open.
  await page.getByRole('button', { name: 'Toplantı yapıldı' }).click();
  await page.getByRole('dialog', { name: 'Toplantı yapıldı' }).getByRole('button', { name: 'Toplantı yapıldı' }).click();
  await expect(page1.getByTestId('meeting-state')).toHaveText('Yapıldı');
  await page.getByRole('tab', { name: 'Plan' }).click();
  await expect(page.getByTestId('meeting-letter')).toHaveText(`${formatDateTr(today)} tarihli, E-12345678-000-4567 sayılı yazı`);

  await page.getByRole('tab', { name: 'Katılım' }).click();
  await page.getByRole('checkbox', { name: 'Elif Yıldırım katıldı' }).check();
  await page.getByRole('button', { name: 'Katılımı kaydet' }).click();
  await expect(page.getByText('Katılım kaydedildi: 1 kişi katıldı.')).toBeVisible();
  const walkIn = page.getByRole('region', { name: 'Davetsiz gelen katılımcı ekle' });
  await walkIn.getByRole('combobox', { name: 'Katılımcı türü' }).click();
  await page.getByRole('option', { name: 'Genç katılımcı' }).click();
  await walkIn.getByRole('textbox', { name: 'Ad soyad' }).fill('Can Öztürk');
  await walkIn.getByRole('button', { name: 'Katılımcı olarak ekle' }).click();
  await expect(page.getByTestId('attendance')).toContainText('Can Öztürk');
  await expect(page.getByTestId('attendance-counts')).toContainText('Genç katılımcı');
  const afterAttendance = await arrange(kopru, 'meetings:get', { id: firstId });
  expect(afterAttendance.attended).toBe(2);
  expect(afterAttendance.participants.find((p) => p.fullName === 'Can Öztürk')).toMatchObject({ walkIn: true, attended: true, invited: false, kind: 'GENC' });
  await dismissToasts(page);
  await snap(page, 'meetings-attendance', { top: true });

  // Minutes: nothing earlier to review; write the minutes, a request and a decision.
  await page.getByRole('tab', { name: 'Tutanak' }).click();
  await expect(page.getByTestId('review-empty')).toHaveText('Bu gençlik merkezinin önceki toplantılarından açık karar yok.');
  await page.getByRole('textbox', { name: 'Genel tutanak (açılış, kapanış)' }).fill('Toplantı saat 10:00’da açıldı, 12:00’de kapandı.');
  await page.getByRole('textbox', { name: '2. Derneklerin gençlik merkezi salonlarını kullanımı' }).fill('Dernekler salon ihtiyaçlarını anlattı.');
  await page.getByRole('button', { name: 'Tutanağı kaydet' }).click();
  await expect(page.getByText('Tutanak kaydedildi.')).toBeVisible();
  const requests = page.getByRole('region', { name: 'Talepler ve öneriler' });
  await requests.getByRole('button', { name: 'Talebi ekle' }).click();
  await expect(requests.getByText('Talep kategorisini seçin.')).toBeVisible();
  await requests.getByRole('combobox', { name: 'Kategori' }).click();
  await page.getByRole('option', { name: 'Gençlik merkezi mekânının kullanımı' }).click();
  await requests.getByRole('textbox', { name: 'Talep / öneri' }).fill('Hafta sonu salon kullanımı için ortak takvim');
  await requests.getByRole('button', { name: 'Talebi ekle' }).click();
  await expect(page.getByTestId('requests')).toContainText('Hafta sonu salon kullanımı için ortak takvim');
  const decisions = page.getByRole('region', { name: 'Kararlar' });
  await decisions.getByRole('textbox', { name: 'Karar' }).fill('Salon derneklere ayda iki cumartesi açılacak');
  await decisions.getByRole('textbox', { name: 'Sorumlu' }).fill('Merkez müdürü');
  await decisions.getByRole('textbox', { name: 'Son tarih' }).fill('31.02.2027');
  await decisions.getByRole('button', { name: 'Kararı ekle' }).click();
  await expect(decisions.getByText('Böyle bir tarih yok: 31.02.2027.')).toBeVisible();
  await decisions.getByRole('textbox', { name: 'Son tarih' }).fill('31.03.2027');
  await decisions.getByRole('button', { name: 'Kararı ekle' }).click();
  await expect(page.getByTestId('decisions')).toContainText(`${termLabel}-1`);
  await expect(page.getByTestId('decisions')).toContainText('31.03.2027');

  // The minutes PDF opens in the print preview and saves from there as a PDF.
  const download = await saveFromPreview(page, () => page.getByRole('button', { name: 'Tutanak (PDF)' }).click());
  const pdf = fs.readFileSync((await download.path())!);
  expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
  await dismissToasts(page);
  await snap(page, 'meetings-minutes', { top: true });

  // The planner now shows the term as held, with the date linking to the meeting.
  await page.goto(`${kopru.harness.url}#/meetings/planner`);
  const cankayaRow = page.getByTestId('planner-row').filter({ hasText: 'Çankaya Gençlik Merkezi' });
  await expect(cankayaRow.getByTestId(`cell-${term.no}`)).toHaveAttribute('data-state', 'YAPILDI');
  await expect(cankayaRow.getByTestId(`cell-${term.no}`)).toContainText(`Yapıldı${formatDateTr(today)}`);
  await expect(page.getByTestId('count-YAPILDI')).toHaveText('Yapıldı: 1');
  await snap(page, 'meetings-planner', { top: true });

  // A second meeting in the same hall at an overlapping time: a warning, not a refusal.
  await page.getByRole('button', { name: 'Yeni toplantı' }).click();
  const second = page.getByRole('dialog', { name: 'Yeni toplantı planla' });
  await second.getByRole('combobox', { name: 'Gençlik merkezi' }).fill('cankaya');
  await page.getByRole('option', { name: 'Çankaya Gençlik Merkezi (Çankaya)' }).click();
  // A weekend or a national holiday: a warning, and the form still saves.
  await second.getByRole('textbox', { name: 'Tarih' }).fill('05.12.2026');
  await expect(second.getByTestId('day-warning')).toContainText('Bu gün cumartesi');
  await second.getByRole('textbox', { name: 'Tarih' }).fill('29.10.2026');
  await expect(second.getByTestId('day-warning')).toContainText('Cumhuriyet Bayramı');
  await second.getByRole('textbox', { name: 'Tarih' }).fill(formatDateTr(today));
  await second.getByRole('textbox', { name: 'Başlangıç saati' }).fill('11:00');
  await second.getByRole('textbox', { name: 'Bitiş saati' }).fill('13:00');
  await second.getByRole('textbox', { name: 'Salon' }).fill('konferans salonu');
  await expect(second.getByTestId('clash-warning')).toContainText(`${formatDateTr(today)} 10:00–12:00, Konferans salonu (Yapıldı)`);
  await snap(page, 'meetings-form-clash', { top: true });
  await second.getByRole('button', { name: 'Planla' }).click();
  await expect(page.getByTestId('meeting-state')).toHaveText('Planlandı');
  const secondId = page.url().split('/').at(-1)!;
  expect(secondId).not.toBe(firstId);
  await page.getByRole('button', { name: 'Toplantı yapıldı' }).click();
  await page.getByRole('dialog', { name: 'Toplantı yapıldı' }).getByRole('button', { name: 'Toplantı yapıldı' }).click();
  await expect(page.getByTestId('meeting-state')).toHaveText('Yapıldı');

  // The follow-up loop: the first meeting's open decision comes first in the minutes.
  await page.getByRole('tab', { name: 'Tutanak' }).click();
  const review = page.getByTestId('review-item');
  await expect(review).toHaveCount(1);
  await expect(review).toContainText(`${termLabel}-1`);
  await expect(review).toContainText('Salon derneklere ayda iki cumartesi açılacak');
  await review.getByRole('combobox', { name: `${termLabel}-1 kararının durumu` }).click();
  await page.getByRole('option', { name: 'Devam ediyor' }).click();
  await review.getByRole('textbox', { name: `${termLabel}-1 kararı için açıklama` }).fill('İlk cumartesi uygulaması yapıldı.');
  await review.getByRole('button', { name: 'Kaydet' }).click();
  await expect(page.getByText(`${termLabel}-1 kararı: Devam ediyor.`)).toBeVisible();
  const reviewed = (await arrange(kopru, 'meetings:get', { id: firstId })).decisions[0]!;
  expect(reviewed).toMatchObject({ state: 'DEVAM', stateNote: 'İlk cumartesi uygulaması yapıldı.', reviewedInMeetingId: secondId });
  await dismissToasts(page);
  await snap(page, 'meetings-review', { top: true });

  // Open decisions list and the calendar show them.
  await page.goto(`${kopru.harness.url}#/meetings/decisions`);
  await expect(page.getByTestId('open-decision')).toHaveCount(1);
  await expect(page.getByTestId('open-decision')).toContainText('Devam ediyor');
  await expect(page.getByTestId('open-decision')).toContainText('31.03.2027');
  await snap(page, 'meetings-decisions', { top: true });
  await page.getByRole('tab', { name: 'Takvim' }).click();
  await expect(page.locator(`[data-date="${today}"]`).getByTestId('calendar-meeting')).toHaveCount(2);
  await snap(page, 'meetings-calendar', { top: true });
  await page.getByText('Hafta', { exact: true }).click();
  await expect(page.getByRole('gridcell')).toHaveCount(7);
  await page.locator(`[data-date="${today}"]`).getByTestId('calendar-meeting').first().click();
  await expect(page.getByTestId('meeting-page')).toBeVisible();
});

test('an empty meeting page reads well: no invitees, no files, no decisions', async ({ page, kopru }) => {
  await setupProvince(kopru, '06');
  const c = await centre(kopru, 'Keçiören Gençlik Merkezi', 'Keçiören');
  const m = await arrange(kopru, 'meetings:create', { youthCentreId: c.id, date: today, startTime: '14:00', endTime: '16:00', hall: 'Çok amaçlı salon', agenda: [] });
  await page.goto(`${kopru.harness.url}#/meetings/${m.id}/invitees`);
  await expect(page.getByText('Henüz davetli yok. Aşağıdaki önerilerden seçin ya da kişiyi elle ekleyin.')).toBeVisible();
  await expect(page.getByText('Öneri yok: rehberde bu il ve ilçeden kuruluş bulunamadı ya da hepsi zaten listede.')).toBeVisible();
  await snap(page, 'meetings-invitees-empty', { top: true });
  await page.getByRole('tab', { name: 'Dosyalar' }).click();
  await expect(page.getByText('Henüz dosya eklenmedi.')).toBeVisible();
  // Attach a small PDF, then download it back.
  await page.locator('input[type="file"]').setInputFiles({ name: 'davet.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') });
  await expect(page.getByTestId('files')).toContainText('davet.pdf');
  await expect(page.getByTestId('files')).toContainText('Davet yazısı');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'davet.pdf', exact: true }).click();
  expect((await download).suggestedFilename()).toBe('davet.pdf');
  await page.getByRole('button', { name: 'davet.pdf dosyasını kaldır' }).click();
  await expect(page.getByText('Henüz dosya eklenmedi.')).toBeVisible();
  // Cancelling needs a reason; the actions then disappear.
  await page.getByRole('button', { name: 'İptal et' }).click();
  const cancel = page.getByRole('dialog', { name: 'İptal et' });
  await cancel.getByRole('button', { name: 'İptal et' }).click();
  await expect(cancel.getByText('Bu işlem için gerekçe yazılmalı.')).toBeVisible();
  await cancel.getByRole('textbox', { name: 'Gerekçe' }).fill('Salon tadilatta.');
  await cancel.getByRole('button', { name: 'İptal et' }).click();
  await expect(page.getByTestId('meeting-state')).toHaveText('İptal');
  await expect(page.getByText('Salon tadilatta.')).toBeVisible();
  await expect(page.getByTestId('meeting-actions')).toHaveCount(0);
});

syncTest('the ministry board: every province, held per term, overdue highlighted; a province opens its planner', async ({ page, kopru, world }) => {
  await setupMinistry(kopru);
  // Youth centres and meetings arrive from the provinces' own installations, through real exchange files.
  const ministry = await world.browser(kopru);
  const plan: [string, string, number][] = [['06', 'Çankaya', 3], ['35', 'Bornova', 2], ['34', 'Kadıköy', 2]];
  const byPlate = new Map<string, string[]>();
  for (const [plate, district, count] of plan) {
    const province = await world.node('province', plate);
    const districtId = (await province.ok('orgUnits:listDistricts', { provincePlate: plate })).find((d) => d.name === district)!.id;
    for (let i = 1; i <= count; i++) {
      const centre = await province.ok('orgUnits:createYouthCentre', { name: `${district} ${i}. Gençlik Merkezi`, districtId, hallCapacity: 80, status: 'active' });
      byPlate.set(plate, [...(byPlate.get(plate) ?? []), centre.id]);
    }
    if (plate !== '34') {
      const meeting = await province.ok('meetings:create', { youthCentreId: byPlate.get(plate)![0]!, date: today, startTime: '10:00', endTime: '12:00', hall: 'Salon', agenda: [] });
      await province.ok('meetings:transition', { id: meeting.id, action: 'hold' });
    }
    await enrol(world, ministry, province);
    await deliver(world, province, ministry);
  }
  const centres = { items: byPlate.get('06')! };
  const izmir = { items: byPlate.get('35')! };

  await page.goto(`${kopru.harness.url}#/meetings/board`);
  const rows = page.getByTestId('board-row');
  await expect(rows).toHaveCount(81);
  await expect(page.getByTestId('board-provinces-with-meeting')).toHaveText('En az bir toplantı yapan il: 2 / 81');
  const ankara = rows.filter({ hasText: '06 — Ankara' });
  await expect(ankara).toContainText(`1/${centres.items.length}`);
  // Earlier terms of the year are over with nothing held: every Ankara centre is overdue, and the row is marked.
  if (term.no > 1) await expect(ankara.getByRole('cell').last()).toHaveText(String(centres.items.length));
  await expect(page.getByTestId('board-totals')).toContainText(`2/${centres.items.length + izmir.items.length + 2}`);
  await snap(page, 'meetings-board', { top: true });

  await page.getByRole('combobox', { name: 'Bölge' }).click();
  await page.getByRole('option', { name: 'Ege' }).click();
  await expect(rows).toHaveCount(8);
  await expect(rows.filter({ hasText: '35 — İzmir' })).toContainText(`1/${izmir.items.length}`);

  await rows.filter({ hasText: '35 — İzmir' }).click();
  await expect(page).toHaveURL(/#\/meetings\/planner\/35$/);
  await expect(page.getByTestId('planner-row')).toHaveCount(izmir.items.length);
  // The ministry reads; it does not plan.
  await expect(page.getByRole('button', { name: 'Yeni toplantı' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Planla' })).toHaveCount(0);
  await snap(page, 'meetings-planner-ministry', { top: true });
});

test('the organisation picker offers a registered association not yet in the directory, marked, and picking it adds it to the directory (issue #17)', async ({ page, kopru }) => {
  await setupProvince(kopru, '06');
  await fillDemoSummary(kopru, { associationsPerProvince: 12, meetingsUntil: 2019 });
  const cankaya = await centre(kopru, 'Davet Deneme Gençlik Merkezi', 'Çankaya');
  const listed = await arrange(kopru, 'directory:search', { withRegistry: true, provincePlate: '06', limit: 500 });
  const association = listed.rows.find((r) => r.registryOnly)!;
  const meeting = await arrange(kopru, 'meetings:create', { youthCentreId: cankaya.id, date: today, startTime: '10:00', endTime: '12:00', hall: 'Konferans salonu', agenda: ['Açılış'] });

  await page.goto(`${kopru.harness.url}#/meetings/${meeting.id}/invitees`);
  const manual = page.getByRole('region', { name: 'Kişiyi elle ekle' });
  await manual.getByRole('textbox', { name: 'Ad soyad' }).fill('Derya Aksoy');
  const organisation = manual.getByRole('combobox', { name: 'Kurum' });
  // Part of the name, in lower case: the search folds case and Turkish letters.
  await organisation.fill(association.name.split(' ').slice(0, 2).join(' ').toLocaleLowerCase('tr-TR'));
  const option = page.getByRole('option', { name: `${association.name} (Ankara)` });
  await expect(option).toContainText('Dernekler sicilinde');
  await option.click();
  await expect(manual.getByText('Rehberdeki kurum')).toBeVisible();
  await expect(organisation).toHaveValue(`${association.name} (Ankara)`);
  await manual.getByRole('button', { name: 'Davetlilere ekle' }).click();
  await expect(page.getByTestId('invitees')).toContainText('Derya Aksoy');

  // The invitee refers to a directory record made from the registry and linked to it; the picker offers that record now.
  const saved = (await arrange(kopru, 'meetings:get', { id: meeting.id })).participants.find((p) => p.fullName === 'Derya Aksoy')!;
  expect(saved.organisationId).not.toBe(association.id);
  const record = await arrange(kopru, 'directory:get', { id: saved.organisationId! });
  expect(record).toMatchObject({ name: association.name, associationId: association.id });
  const after = await arrange(kopru, 'directory:search', { withRegistry: true, query: association.name, limit: 20 });
  expect(after.rows.filter((r) => r.associationId === association.id).map((r) => [r.id, r.registryOnly ?? false])).toEqual([[record.id, false]]);
});
