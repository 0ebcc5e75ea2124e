import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../shared/contract/meetings';
import { meetingsMessages } from '../../shared/contract/errors/meetings';
import { createCentre, heldMeeting, meetingsApp, organisation, plan, refused, type MeetingsApp } from './fixture';
import { pdfPages, pdfText } from '../documents/pdfText';

// Printable documents: the invitation letter, the attendance sheet and the minutes carry the meeting's
// Turkish text (read back from the PDF), and their file names carry no personal data.

let app: MeetingsApp;
let meeting: MeetingDetail;
beforeAll(async () => {
  app = await meetingsApp('province', '06', '2026-05-15');
  await app.ok('documents:saveLetterhead', {
    institution: 'Ankara Valiliği', unitTitle: 'Gençlik ve Spor İl Müdürlüğü', detsisNo: '12345678', address: 'Kızılay Mah. Gazi Mustafa Kemal Blv. No: 1 Çankaya/ANKARA',
    phone: '0312 000 00 00', email: 'ankara@gsb.gov.tr', kep: null, contact: 'Ayşe Demir, Şef', signatoryName: 'Mehmet Ali Işık', signatoryTitle: 'İl Müdürü',
    signatoryOnBehalfOf: 'Vali', fileCodes: {},
  });
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

async function document(kind: 'invitation' | 'invitations' | 'attendanceSheet' | 'minutes' | 'labels' | 'badges') {
  const out = await app.ok<{ fileName: string; mimeType: string; contentBase64: string }>('meetings:document', { id: meeting.id, kind });
  const pdf = Buffer.from(out.contentBase64, 'base64');
  // To look at the documents as pictures (pdftoppm): KOPRU_PDF_OUT=<folder>.
  if (process.env.KOPRU_PDF_OUT) fs.writeFileSync(path.join(process.env.KOPRU_PDF_OUT, `meeting-${kind}.pdf`), pdf);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(out.mimeType).toBe('application/pdf');
  // File names name the centre and the date, never a participant.
  expect(out.fileName).toMatch(/^Çankaya Gençlik Merkezi 14\.05\.2026 - .+\.pdf$/);
  for (const p of meeting.participants) expect(out.fileName).not.toContain(p.fullName);
  return { fileName: out.fileName, text: pdfText(pdf).replace(/\s+/g, ' '), pages: pdfPages(pdf) };
}

describe('meeting documents', () => {
  it('the invitation letter follows the Resmî Yazışma rules: header, sayı and date, subject, addressee, body, closing, distribution', async () => {
    const { fileName, text } = await document('invitation');
    expect(fileName).toContain('Davet Yazısı');
    for (const expected of [
      'T.C. ANKARA VALİLİĞİ Gençlik ve Spor İl Müdürlüğü', 'Sayı : E-12345678-050.01-999 02.05.2026', 'Konu : İşbirliği ve İstişare Toplantısı',
      'DAĞITIM YERLERİNE', '14.05.2026', '14:00–16:30', 'Çok Amaçlı Salon', '1. Açılış ve yoklama', '3. Gençlik çalışmaları',
      // To an association and a university at once: both verbs.
      'katılım sağlanması hususunda bilgilerinizi arz ve rica ederim.', 'Mehmet Ali IŞIK Vali a. İl Müdürü',
      'Adres: Kızılay Mah. Gazi Mustafa Kemal Blv. No: 1 Çankaya/ANKARA',
      'Dağıtım : Gereği : Işıklı Gençlik ve Şehir Derneği Başkanlığına Hacettepe Üniversitesi Rektörlüğüne',
    ]) expect(text).toContain(expected);
    expect(text).not.toContain('Şule Öztürk'); // listed, not invited
    expect(text).not.toContain('Köprü ile üretilmiştir');
  });

  it('the mail merge: one letter per invited organisation, addressed to its office and naming its representative', async () => {
    const { fileName, text, pages } = await document('invitations');
    expect(fileName).toContain('Davet Yazıları');
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('IŞIKLI GENÇLİK VE ŞEHİR DERNEĞİ BAŞKANLIĞINA');
    expect(pages[0]).toContain('(Zeynep Çelik, Genel Başkan)');
    expect(pages[0]).not.toContain('Oğuz Işık');
    expect(pages[1]).toContain('HACETTEPE ÜNİVERSİTESİ REKTÖRLÜĞÜNE');
    expect(pages[1]).toContain('(Oğuz Işık)');
    // An association is outside the administration ("rica"); a university is in no line of command with us ("arz").
    expect(pages[0]).toContain('hususunda bilgilerinizi rica ederim.');
    expect(pages[1]).toContain('hususunda bilgilerinize arz ederim.');
    for (const page of pages) expect(page).toContain('Sayı : E-12345678-050.01-999');
    expect(text).not.toContain('Dağıtım');
  });

  it('the attendance sheet numbers each invitee and carries the list code; walk-ins write themselves on the blank rows', async () => {
    const { fileName, text } = await document('attendanceSheet');
    expect(fileName).toContain('Hazirun Listesi');
    const current = await app.ok<MeetingDetail>('meetings:get', { id: meeting.id });
    const code = text.match(/Liste kodu: ([0-9A-Z]{6}-[0-9A-Z]{5})/)![1]!;
    for (const expected of ['HAZİRUN LİSTESİ', 'No Adı Soyadı Kurumu Unvanı İmza', '1 Zeynep Çelik Işıklı Gençlik ve Şehir Derneği Genel Başkan', '2 Oğuz Işık Hacettepe Üniversitesi', `Liste kodu ${code}`]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Şule Öztürk');
    expect(current.participants.length).toBe(3);
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

describe('labels, badges and the distribution list', () => {
  it('address labels: one per invited organisation, 24 to an A4 sheet, addressed to its office', async () => {
    const { fileName, pages } = await document('labels');
    expect(fileName).toContain('Adres Etiketleri');
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('IŞIKLI GENÇLİK VE ŞEHİR DERNEĞİ BAŞKANLIĞINA Sayın Zeynep Çelik');
    expect(pages[0]).toContain('HACETTEPE ÜNİVERSİTESİ REKTÖRLÜĞÜNE Sayın Oğuz Işık');
    expect(pages[0]).toContain('Çankaya / ANKARA'); // the directory organisation's district and province
  });

  it('name badges for everyone invited or present, with the meeting on each; long names are shrunk, never cut', async () => {
    const { fileName, pages } = await document('badges');
    expect(fileName).toContain('Yaka Kartları');
    for (const expected of ['Zeynep Çelik Genel Başkan Işıklı Gençlik ve Şehir Derneği', 'Oğuz Işık Hacettepe Üniversitesi', 'Şule Öztürk', 'Çankaya Gençlik Merkezi · 14.05.2026']) {
      expect(pages[0]).toContain(expected);
    }
  });

  it('the distribution list for EBYS: one row per invitee with the addressee in the dative', async () => {
    const out = await app.ok<{ fileName: string; rows: number; contentBase64: string }>('meetings:addresseesXlsx', { id: meeting.id });
    expect(out.rows).toBe(2);
    expect(out.fileName).toMatch(/^Çankaya Gençlik Merkezi 14\.05\.2026 - Dağıtım listesi \d{2}\.\d{2}\.\d{4}\.xlsx$/);
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(out.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Sıra', 'Muhatap (EBYS dağıtım)', 'Kurum', 'Temsilci', 'Unvan', 'Adres', 'İlçe / il', 'E-posta', 'Telefon']);
    expect((sheet.getRow(2).values as unknown[]).slice(1, 6)).toEqual([1, 'Işıklı Gençlik ve Şehir Derneği Başkanlığına', 'Işıklı Gençlik ve Şehir Derneği', 'Zeynep Çelik', 'Genel Başkan']);
    expect((sheet.getRow(3).values as unknown[]).slice(1, 5)).toEqual([2, 'Hacettepe Üniversitesi Rektörlüğüne', 'Hacettepe Üniversitesi', 'Oğuz Işık']);
  });
});

describe('the mail merge as a folder of PDFs (a ZIP)', () => {
  async function invitationFiles(id: string) {
    const out = await app.ok<{ fileName: string; mimeType: string; contentBase64: string; files: number }>('meetings:invitationFiles', { id });
    const entries = Object.entries(unzipSync(new Uint8Array(Buffer.from(out.contentBase64, 'base64'))));
    const files = entries.map(([name, bytes]) => {
      const pdf = Buffer.from(bytes);
      expect(pdf.subarray(0, 5).toString('latin1'), name).toBe('%PDF-');
      if (process.env.KOPRU_PDF_OUT) fs.writeFileSync(path.join(process.env.KOPRU_PDF_OUT, `meeting-file-${name}`), pdf);
      return { name, pages: pdfPages(pdf) };
    });
    expect(out.files).toBe(files.length);
    return { ...out, files };
  }

  async function mergedPages(id: string) {
    const out = await app.ok<{ contentBase64: string }>('meetings:document', { id, kind: 'invitations' });
    return pdfPages(Buffer.from(out.contentBase64, 'base64'));
  }

  /** Each file holds one letter, and it is the letter on the same pages of the one-PDF merge. */
  function expectSameLetters(files: { pages: string[] }[], merged: string[]) {
    expect(files.flatMap((f) => f.pages)).toEqual(merged);
    for (const f of files) {
      expect(f.pages.join(' ').match(/Konu : /g)).toHaveLength(1);
      expect(f.pages[0]).toMatch(/Sayfa 1 \/ \d/);
    }
  }

  it('one PDF per invited organisation, named after it and the meeting date, each the letter of the merged PDF', async () => {
    const out = await invitationFiles(meeting.id);
    expect(out.mimeType).toBe('application/zip');
    // The archive's name, like every file name the app gives, names the centre and date, never a person.
    expect(out.fileName).toBe('Çankaya Gençlik Merkezi 14.05.2026 - Davet Yazıları (kurum başına).zip');
    expect(out.files.map((f) => f.name)).toEqual(['Işıklı Gençlik ve Şehir Derneği 14.05.2026.pdf', 'Hacettepe Üniversitesi 14.05.2026.pdf']);
    const [isikli, hacettepe] = out.files.map((f) => f.pages.join(' '));
    expect(isikli).toContain('IŞIKLI GENÇLİK VE ŞEHİR DERNEĞİ BAŞKANLIĞINA (Zeynep Çelik, Genel Başkan)');
    expect(isikli).not.toContain('Oğuz Işık');
    expect(hacettepe).toContain('HACETTEPE ÜNİVERSİTESİ REKTÖRLÜĞÜNE (Oğuz Işık)');
    expect(hacettepe).not.toContain('Zeynep Çelik');
    expectSameLetters(out.files, await mergedPages(meeting.id));
  });

  it('names stay distinct when organisations share a name (also in another case, or a dotless ı), and no one is named', async () => {
    const centre = await createCentre(app, '06-cankaya', { name: 'Mamak Gençlik Merkezi' });
    const first = organisation(app, 'Yeşilay Derneği', '06-cankaya');
    const second = organisation(app, 'Yeşilay Derneği', '06-mamak');
    const m = await plan(app, centre.id, { date: '2026-06-03' });
    await app.ok('meetings:saveParticipants', {
      meetingId: m.id,
      participants: [
        { kind: 'STK', fullName: 'Ali Kaya', organisationId: first, invited: true },
        { kind: 'STK', fullName: 'Berk Can', organisationId: second, invited: true },
        { kind: 'STK', fullName: 'Cem Er', organisationName: 'YEŞİLAY DERNEĞİ', invited: true },
        { kind: 'STK', fullName: 'Derya Su', organisationName: 'Işık Kulübü', invited: true },
        { kind: 'STK', fullName: 'Ece Ay', organisationName: 'Işik Kulübü', invited: true },
        { kind: 'STK', fullName: 'Filiz Ok', organisationName: 'Kent/Konseyi: "Gençlik"', invited: true },
        { kind: 'GENC', fullName: 'Gül Tan', invited: true },
        { kind: 'GENC', fullName: 'Hakan Ün', invited: true },
      ],
    });
    const out = await invitationFiles(m.id);
    const names = out.files.map((f) => f.name);
    expect(names).toEqual([
      'Yeşilay Derneği 03.06.2026.pdf', 'Yeşilay Derneği (2) 03.06.2026.pdf', 'YEŞİLAY DERNEĞİ (3) 03.06.2026.pdf', 'Işık Kulübü 03.06.2026.pdf', 'Işik Kulübü (2) 03.06.2026.pdf',
      'Kent_Konseyi_ _Gençlik_ 03.06.2026.pdf', 'Davetli kişi 1 03.06.2026.pdf', 'Davetli kişi 2 03.06.2026.pdf',
    ]);
    // Windows (NTFS) takes ı and i as one letter once upper-cased, so "Işık" and "Işik" would overwrite each other there.
    expect(new Set(names.map((n) => n.toUpperCase())).size).toBe(names.length);
    for (const p of ['Ali Kaya', 'Berk Can', 'Cem Er', 'Gül Tan', 'Hakan Ün']) for (const n of names) expect(n).not.toContain(p);
    // Each file goes to its own addressee and representative.
    const letters = out.files.map((f) => f.pages.join(' '));
    for (const [i, who] of ['Ali Kaya', 'Berk Can', 'Cem Er', 'Derya Su', 'Ece Ay', 'Filiz Ok'].entries()) {
      expect(letters[i]).toContain(`(${who})`);
      expect(letters.filter((l) => l.includes(`(${who})`))).toHaveLength(1);
    }
    expect(letters[6]).toContain('SAYIN GÜL TAN');
    expect(letters[7]).toContain('SAYIN HAKAN ÜN');
    expectSameLetters(out.files, await mergedPages(m.id));
  });

  it('a meeting with no one invited (a walk-in only) gets a clear message, not an empty archive or an empty merge', async () => {
    const centre = await createCentre(app, '06-cankaya');
    const m = await heldMeeting(app, centre.id, '2026-05-11');
    await app.ok('meetings:saveParticipants', { meetingId: m.id, participants: [{ kind: 'GENC', fullName: 'Jale Ak', walkIn: true }] });
    for (const [channel, input] of [['meetings:invitationFiles', { id: m.id }], ['meetings:document', { id: m.id, kind: 'invitations' }]] as const) {
      const error = await refused(app, channel, input, 'VALIDATION');
      expect(error.message).toBe(meetingsMessages['meetings.noInvitees'].tr);
    }
    expect(meetingsMessages['meetings.noInvitees'].en).toContain('No organisation is invited');
  });
});

describe('attendance from the printed sheet', () => {
  async function heldWith(date: string, participants: Record<string, unknown>[]) {
    const centre = await createCentre(app, '06-cankaya');
    const m = await plan(app, centre.id, { date });
    await app.ok('meetings:saveParticipants', { meetingId: m.id, participants });
    return app.ok<MeetingDetail>('meetings:transition', { id: m.id, action: 'hold' });
  }

  async function sheetCodeOf(id: string) {
    const out = await app.ok<{ contentBase64: string }>('meetings:document', { id, kind: 'attendanceSheet' });
    return pdfText(Buffer.from(out.contentBase64, 'base64')).replace(/\s+/g, ' ').match(/Liste kodu: ([0-9A-Z]{6}-[0-9A-Z]{5})/)![1]!;
  }

  it('marks the signed rows; the same sheet entered twice changes nothing', async () => {
    const m = await heldWith('2026-05-13', [
      { kind: 'STK', fullName: 'Ece Kaya', organisationName: 'Kızılay', invited: true },
      { kind: 'STK', fullName: 'Can Ak', organisationName: 'Yeşilay', invited: true },
      { kind: 'STK', fullName: 'Deniz Öz', organisationName: 'Tema Vakfı', invited: true },
    ]);
    const code = await sheetCodeOf(m.id);
    const first = await app.ok<{ meeting: MeetingDetail; marked: number; already: number }>('meetings:attendanceFromSheet', { meetingId: m.id, code: code.toLowerCase(), rows: '1, 3' });
    expect([first.marked, first.already]).toEqual([2, 0]);
    expect(first.meeting.participants.filter((p) => p.attended).map((p) => p.fullName).sort()).toEqual(['Can Ak', 'Ece Kaya']);
    const changes = () => (app.ctx.db!.sqlite.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
    const before = changes();
    const again = await app.ok<{ marked: number; already: number }>('meetings:attendanceFromSheet', { meetingId: m.id, code, rows: '3,1' });
    expect([again.marked, again.already]).toEqual([0, 2]);
    expect(changes()).toBe(before);
  });

  it('refuses, changing nothing, a code of another meeting, a list changed since printing, a row that is not on it, a word', async () => {
    const m = await heldWith('2026-05-12', [
      { kind: 'STK', fullName: 'Ece Kaya', organisationName: 'Kızılay', invited: true },
      { kind: 'STK', fullName: 'Can Ak', organisationName: 'Yeşilay', invited: true },
    ]);
    const code = await sheetCodeOf(m.id);
    const other = await refused(app, 'meetings:attendanceFromSheet', { meetingId: m.id, code: 'ABCDEF-12345', rows: '1' }, 'VALIDATION');
    expect(other.issues![0]!.path).toBe('code');
    expect(other.message).toContain('bu toplantının değil');
    const outside = await refused(app, 'meetings:attendanceFromSheet', { meetingId: m.id, code, rows: '1, 4' }, 'VALIDATION');
    expect(outside.message).toBe('4 numaralı satır listede yok (listede 2 davetli var).');
    const word = await refused(app, 'meetings:attendanceFromSheet', { meetingId: m.id, code, rows: '1, iki' }, 'VALIDATION');
    expect(word.issues![0]!.path).toBe('rows');
    // Row 1 was Can Ak; once he is removed from the list, row 1 of the printed sheet would point at Ece Kaya.
    await app.ok('meetings:removeParticipant', { id: m.participants.find((p) => p.fullName === 'Can Ak')!.id });
    const changed = await refused(app, 'meetings:attendanceFromSheet', { meetingId: m.id, code, rows: '1' }, 'VALIDATION');
    expect(changed.message).toContain('liste basıldıktan sonra davetliler değişti');
  });
});
