import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../shared/contract/meetings';
import { createCentre, heldMeeting, meetingsApp, organisation, type MeetingsApp } from './fixture';
import { pdfText } from './pdfText';

// Printable documents: the invitation letter, the attendance sheet and the minutes carry the meeting's
// Turkish text (read back from the PDF), and their file names carry no personal data.

let app: MeetingsApp;
let meeting: MeetingDetail;
beforeAll(async () => {
  app = await meetingsApp('province', '06', '2026-05-15');
  const centre = await createCentre(app, '06-cankaya', { name: 'Çankaya Gençlik Merkezi' });
  const org = organisation(app, 'Işıklı Gençlik ve Şehir Derneği', '06-cankaya');
  const earlier = await heldMeeting(app, centre.id, '2026-01-12', { hall: 'Büyük Salon' });
  const earlierDecision = await app.ok<MeetingDetail>('meetings:saveDecision', { meetingId: earlier.id, text: 'Gönüllülük fuarı düzenlenecek.', responsible: 'Gençlik lideri' });
  const m = await app.ok<MeetingDetail>('meetings:create', {
    youthCentreId: centre.id, date: '2026-05-14', startTime: '14:00', endTime: '16:30', hall: 'Çok Amaçlı Salon',
    chair: 'Ayşe Yılmaz', rapporteur: 'Mehmet Şahin', agenda: ['Açılış ve yoklama', 'Önceki kararların takibi', 'Gençlik çalışmaları'],
  });
  await app.ok('meetings:saveParticipants', {
    meetingId: m.id,
    participants: [
      { kind: 'STK', fullName: 'Zeynep Çelik', organisationId: org, title: 'Genel Başkan', invited: true },
      { kind: 'UNIVERSITE', fullName: 'Oğuz Işık', organisationName: 'Hacettepe Üniversitesi', invited: true },
    ],
  });
  await app.ok('meetings:transition', { id: m.id, action: 'invite', letterDate: '2026-05-02', letterNo: 'E-12345678-050.01-999' });
  await app.ok('meetings:transition', { id: m.id, action: 'hold' });
  const zeynep = (await app.ok<MeetingDetail>('meetings:get', { id: m.id })).participants.find((p) => p.fullName === 'Zeynep Çelik')!;
  await app.ok('meetings:setAttendance', { meetingId: m.id, attended: [{ participantId: zeynep.id, attended: true }] });
  await app.ok('meetings:saveParticipants', { meetingId: m.id, participants: [{ kind: 'GENC', fullName: 'Şule Öztürk', walkIn: true }] });
  await app.ok('meetings:saveMinutes', { meetingId: m.id, minutes: 'Toplantı İstiklal Marşı ile açıldı.', items: [{ id: m.agenda[2]!.id, minutes: 'Gençlik çalışmaları değerlendirildi.' }] });
  await app.ok('meetings:reviewDecision', { decisionId: earlierDecision.decisions[0]!.id, meetingId: m.id, state: 'DEVAM', note: 'Fuar tarihi belirlendi.' });
  await app.ok('meetings:saveRequest', { meetingId: m.id, category: 'MEKAN_KULLANIMI', organisationId: org, text: 'Hafta sonları salon tahsisi istendi.' });
  meeting = await app.ok<MeetingDetail>('meetings:saveDecision', { meetingId: m.id, text: 'Salon tahsis takvimi hazırlanacak.', responsible: 'Merkez müdürü', dueOn: '2026-06-30' });
});
afterAll(() => app.close());

async function document(kind: 'invitation' | 'attendanceSheet' | 'minutes') {
  const out = await app.ok<{ fileName: string; mimeType: string; contentBase64: string }>('meetings:document', { id: meeting.id, kind });
  const pdf = Buffer.from(out.contentBase64, 'base64');
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(out.mimeType).toBe('application/pdf');
  // File names name the centre and the date, never a participant.
  expect(out.fileName).toMatch(/^Çankaya Gençlik Merkezi 14\.05\.2026 - .+\.pdf$/);
  for (const p of meeting.participants) expect(out.fileName).not.toContain(p.fullName);
  return { fileName: out.fileName, text: pdfText(pdf).replace(/\s+/g, ' ') };
}

describe('meeting documents', () => {
  it('the invitation letter: letterhead, number and date, subject, when and where, the agenda and the invitees', async () => {
    const { fileName, text } = await document('invitation');
    expect(fileName).toContain('Davet Yazısı');
    for (const expected of [
      'T.C.', 'ANKARA GENÇLİK VE SPOR İL MÜDÜRLÜĞÜ', 'Sayı: E-12345678-050.01-999', 'Tarih: 02.05.2026', 'Konu: İşbirliği ve İstişare Toplantısı',
      '14.05.2026', '14:00–16:30', 'Çok Amaçlı Salon', '1. Açılış ve yoklama', '3. Gençlik çalışmaları',
      'Zeynep Çelik, Genel Başkan — Işıklı Gençlik ve Şehir Derneği', 'Oğuz Işık',
    ]) expect(text).toContain(expected);
    expect(text).not.toContain('Şule Öztürk'); // a walk-in was not invited
  });

  it('the attendance sheet: a table of invitees and attendees with blank rows to sign', async () => {
    const { fileName, text } = await document('attendanceSheet');
    expect(fileName).toContain('Hazirun Listesi');
    for (const expected of ['HAZİRUN LİSTESİ', 'Adı Soyadı', 'Kurumu', 'Unvanı', 'İmza', 'Zeynep Çelik', 'Oğuz Işık', 'Şule Öztürk', 'Hacettepe Üniversitesi', '13']) {
      expect(text).toContain(expected);
    }
  });

  it('the minutes: attendees by kind, agenda minutes, the follow-up review, requests by category and numbered decisions', async () => {
    const { fileName, text } = await document('minutes');
    expect(fileName).toContain('Toplantı Tutanağı');
    for (const expected of [
      'İŞBİRLİĞİ VE İSTİŞARE TOPLANTISI TUTANAĞI', 'Toplantı başkanı: Ayşe Yılmaz', 'Raportör: Mehmet Şahin', 'Katılımcılar (2 kişi)',
      'STK temsilcisi (1)', 'Genç katılımcı (1)', 'Şule Öztürk', 'Toplantı İstiklal Marşı ile açıldı.', 'Gençlik çalışmaları değerlendirildi.',
      'Önceki kararların takibi', 'Karar 2026/1-1: Gönüllülük fuarı düzenlenecek.', 'Durum: Devam ediyor (Fuar tarihi belirlendi.)',
      'Gençlik merkezi mekânının kullanımı (1)', 'Hafta sonları salon tahsisi istendi.', 'Karar 2026/2-1: Salon tahsis takvimi hazırlanacak.',
      'Sorumlu: Merkez müdürü.', 'Son tarih: 30.06.2026.',
    ]) expect(text).toContain(expected);
    expect(text).not.toContain('Oğuz Işık'); // invited but did not come
  });
});
