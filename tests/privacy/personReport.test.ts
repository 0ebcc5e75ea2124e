import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LostFileCandidate, LostFileReport, PersonCandidate, PersonReport } from '../../shared/contract/privacy';
import type { MeetingDetail } from '../../shared/contract/meetings';
import type { YouthCentre } from '../../shared/contract/orgUnits';
import { cleanupFiles, createNode, enrol, exportFile, type Node } from '../support/nodes';
import { expectError, snapshot } from '../integration/helpers';
import { createAssociation } from '../integration/registryFixture';
import { pdfText } from '../documents/pdfText';
import { isMessageKey, translate } from '../../renderer/i18n/translate';
import type { MessageKey } from '../../renderer/i18n/tr';

// The data subject's report and the lost-file report (issue #16), over two real installations exchanging real
// files: Ankara records a board member and a meeting participant (the same person, Özlem Işıkçı) and sends a
// file to the ministry; the ministry's file back carries the receipt; a board member added afterwards goes in
// the next file only.

type FileOut = { fileName: string; mimeType: string; contentBase64: string };

const TC = '10000000146';
const MASKED = '100******46';

// One clock for both installations, a millisecond a call: every event has its own instant, so "written after
// the file" is never a tie.
let instant = Date.parse('2026-05-15T09:00:00Z');
const now = () => ++instant;

const addPerson = (app: Node, associationId: string, person: Record<string, unknown>) =>
  app.ok('registry:savePerson', { associationId, kind: 'YONETIM', membership: 'ASIL', role: 'Başkan', ...person });

let ministry: Node;
let ankara: Node;
let firstFile: string;
let secondFile: string;

beforeAll(async () => {
  ministry = await createNode('ministry', 'ministry', undefined, now);
  ankara = await createNode('ankara', 'province', '06', now);
  await enrol(ministry, ankara);

  const association = await createAssociation(ankara, { name: 'Kızılay Gençlik ve Spor Kulübü Derneği' });
  await addPerson(ankara, association.id, { fullName: 'Özlem Işıkçı', tcKimlikNo: TC, phone: '0532 111 22 33', email: 'ozlem@ornek.org.tr' });
  const centre = await ankara.ok<YouthCentre>('orgUnits:createYouthCentre', { name: 'Kızılay Gençlik Merkezi', districtId: '06-cankaya', status: 'active' });
  const meeting = await ankara.ok<MeetingDetail>('meetings:create', {
    youthCentreId: centre.id, date: '2026-05-10', startTime: '14:00', endTime: '16:00', hall: 'Konferans Salonu', agenda: ['Açılış'],
  });
  await ankara.ok('meetings:transition', { id: meeting.id, action: 'hold' });
  await ankara.ok('meetings:saveParticipants', {
    meetingId: meeting.id,
    participants: [
      { kind: 'STK', fullName: 'Özlem Işıkçı', title: 'Başkan', organisationName: 'Kızılay Gençlik Kulübü', attended: true, phone: '0532 111 22 33' },
      { kind: 'GENC', fullName: 'Mehmet Öztürk', attended: true, walkIn: true },
    ],
  });

  firstFile = await exportFile(ankara, ministry);
  await ministry.ok('sync:import', { path: firstFile });
  // The ministry's file back says it applied the first file (its receipt).
  const back = await exportFile(ministry, ankara);
  await ankara.ok('sync:import', { path: back });
  // Written after the first file: only the second carries it.
  await addPerson(ankara, association.id, { fullName: 'Kemal Sonradan', kind: 'DENETIM', role: null });
  secondFile = await exportFile(ankara, ministry);
  await ministry.ok('sync:import', { path: secondFile });
}, 60_000);

afterAll(() => {
  ankara?.close();
  ministry?.close();
  cleanupFiles();
});

const ledgerIdOf = async (app: Node, file: string) =>
  (await app.ok<{ files: LostFileCandidate[] }>('privacy:lostFileCandidates')).files.find((f) => f.fileName === path.basename(file))!.ledgerId;

const names = (report: LostFileReport) => Object.fromEntries(report.groups.map((g) => [g.category, g.people.map((p) => p.fullName)]));

describe('finding a person', () => {
  it('by name without Turkish letters, and by TC number through its keyed hash', async () => {
    const byName = await ankara.ok<{ candidates: PersonCandidate[]; byTc: boolean }>('privacy:findPerson', { query: 'ozlem isikci' });
    expect(byName.byTc).toBe(false);
    expect(byName.candidates).toHaveLength(1);
    expect(byName.candidates[0]).toMatchObject({ fullName: 'Özlem Işıkçı', matchedBy: 'name', records: 2, categories: ['board', 'participant'] });
    // A word start is enough; a word inside a name is not.
    expect((await ankara.ok<{ candidates: PersonCandidate[] }>('privacy:findPerson', { query: 'OZ' })).candidates.map((c) => c.fullName)).toEqual(['Mehmet Öztürk', 'Özlem Işıkçı']);
    expect((await ankara.ok<{ candidates: PersonCandidate[] }>('privacy:findPerson', { query: 'zlem' })).candidates).toEqual([]);

    const byTc = await ankara.ok<{ candidates: PersonCandidate[]; byTc: boolean }>('privacy:findPerson', { query: `${TC.slice(0, 5)} ${TC.slice(5)}` });
    expect(byTc.byTc).toBe(true);
    expect(byTc.candidates).toMatchObject([{ fullName: 'Özlem Işıkçı', matchedBy: 'tc', categories: ['board'] }]);
    expect(JSON.stringify(byTc)).not.toContain(TC);
  });

  it('refuses a malformed TC number naming the field, and writes nothing', async () => {
    const before = snapshot(ankara);
    const error = expectError(await ankara.invoke('privacy:findPerson', { query: '12345678901' }), 'VALIDATION');
    expect(error.message).toMatch(/^Aranan kişi: TC Kimlik No geçersiz/);
    expect(error.message).not.toContain('12345678901');
    expect(expectError(await ankara.invoke('privacy:personReport', { tcKimlikNo: '12345678900' }), 'VALIDATION').message).toMatch(/TC Kimlik No: TC Kimlik No geçersiz/);
    expect(expectError(await ankara.invoke('privacy:personReport', {}), 'VALIDATION').message).toMatch(/Ad soyad: Ad soyad ya da TC Kimlik No yazın/);
    expect(snapshot(ankara)).toEqual(before);
  });
});

describe('the person report', () => {
  it('at the province: the board membership and the meeting participation, written here, sent to the ministry in the first file', async () => {
    const report = await ankara.ok<PersonReport>('privacy:personReport', { fullName: 'Özlem Işıkçı', requestedOn: '2026-05-14' });
    expect(report.found).toBe(true);
    expect(report.installation.unitName).toBe('Ankara Gençlik ve Spor İl Müdürlüğü');
    expect(report.dueOn).toBe('2026-06-13');
    expect(report.records.map((r) => [r.category, r.context?.kind, r.context?.name])).toEqual([
      ['board', 'association', 'Kızılay Gençlik ve Spor Kulübü Derneği'],
      ['participant', 'meeting', 'Kızılay Gençlik Merkezi'],
    ]);
    const [board, participant] = report.records;
    expect(Object.fromEntries(board!.fields.map((f) => [f.key, f.value]))).toMatchObject({ fullName: 'Özlem Işıkçı', tcKimlikNo: MASKED, phone: '0 (532) 111 22 33', email: 'ozlem@ornek.org.tr', kind: 'Yönetim kurulu' });
    expect(board!.editLink).toEqual(['registry', board!.context!.id, 'people']);
    // Vocabulary values carry their dictionary words: the English screen shows no Turkish kind or attendance.
    const english = (f: PersonReport['records'][number]['fields'][number]) => (f.words?.every(isMessageKey) ? f.words.map((w) => translate('en', w as MessageKey)).join(', ') : f.value);
    for (const f of [...board!.fields, ...participant!.fields].filter((f) => f.key === 'kind' || f.key === 'attendance')) {
      expect(f.words?.length, f.key).toBeGreaterThan(0);
      expect(f.words!.map((w) => translate('tr', w as MessageKey)).join(', ')).toBe(f.value);
      expect(english(f), f.key).not.toMatch(/[çğıöşüÇĞİÖŞÜ]|davet|katıl/);
    }
    expect(participant!.context!.date).toBe('2026-05-10');
    for (const r of report.records) {
      expect(r.origins).toMatchObject([{ own: true, unitName: 'Ankara Gençlik ve Spor İl Müdürlüğü', broughtBy: [] }]);
      // The first file carried it; the second did not (the ministry's receipt of the first had come back).
      expect(r.sentIn.map((s) => [s.fileName, s.peerName])).toEqual([[path.basename(firstFile), 'Gençlik ve Spor Bakanlığı — STK ile İlişkiler Dairesi']]);
      expect(r.sentIn[0]!.receivedAt).not.toBeNull();
    }
    expect(board!.sentIn[0]!.fields).toEqual(expect.arrayContaining(['fullName', 'tcKimlikNo', 'phone', 'email']));
    // Never the number itself, in the answer or in the printed report.
    expect(JSON.stringify(report)).not.toContain(TC);
    const pdf = await ankara.ok<FileOut>('privacy:personReportPdf', { fullName: 'Özlem Işıkçı', requestedOn: '2026-05-14' });
    expect(pdf.fileName).toMatch(/^Kişi raporu \d{2}\.\d{2}\.\d{4}\.pdf$/);
    const text = pdfText(Buffer.from(pdf.contentBase64, 'base64')).replace(/\s+/g, ' ');
    expect(text).not.toContain(TC);
    for (const part of ['KİŞİ RAPORU', 'Raporu üreten kurulum: Ankara Gençlik ve Spor İl Müdürlüğü', MASKED, 'Son cevap tarihi: 13.06.2026', 'en geç 30 gün', 'Kızılay Gençlik ve Spor Kulübü Derneği', path.basename(firstFile), 'muhtemelen']) {
      expect(text, part).toContain(part);
    }
  });

  it('by TC number: the same person, the board record matched by the number and the participation by the name', async () => {
    const report = await ankara.ok<PersonReport>('privacy:personReport', { tcKimlikNo: TC });
    expect(report.query).toEqual({ fullName: null, tcMasked: MASKED });
    expect(report.records.map((r) => [r.category, r.matchedBy])).toEqual([['board', 'tc'], ['participant', 'name']]);
    expect(JSON.stringify(report)).not.toContain(TC);
  });

  it('at the ministry: where it came from (Ankara, by the first file)', async () => {
    const report = await ministry.ok<PersonReport>('privacy:personReport', { fullName: 'özlem ışıkçı' });
    expect(report.records.map((r) => r.category)).toEqual(['board', 'participant']);
    for (const r of report.records) {
      expect(r.origins).toHaveLength(1);
      expect(r.origins[0]).toMatchObject({ own: false, unitName: 'Ankara Gençlik ve Spor İl Müdürlüğü' });
      expect(r.origins[0]!.broughtBy.map((f) => [f.fileName, f.direction])).toEqual([[path.basename(firstFile), 'import']]);
      // Nothing of Ankara's own goes back down to Ankara.
      expect(r.sentIn).toEqual([]);
    }
  });

  it('someone unknown: an empty report, printable', async () => {
    const report = await ankara.ok<PersonReport>('privacy:personReport', { fullName: 'Hiç Kayıtlı Olmayan' });
    expect(report).toMatchObject({ found: false, records: [] });
    expect((await ankara.ok<{ candidates: unknown[] }>('privacy:findPerson', { query: 'Hiç Kayıtlı Olmayan' })).candidates).toEqual([]);
    const pdf = await ankara.ok<FileOut>('privacy:personReportPdf', { fullName: 'Hiç Kayıtlı Olmayan' });
    const text = pdfText(Buffer.from(pdf.contentBase64, 'base64')).replace(/\s+/g, ' ');
    expect(text).toContain('Bu kurulumda bu kişiye ait kayıt yok.');
    expect(text).toContain('Raporu üreten kurulum: Ankara Gençlik ve Spor İl Müdürlüğü');
  });
});

describe('the lost-file report', () => {
  it('lists exactly the people of the file the province sent, with the kinds of data and never the values', async () => {
    const candidates = (await ankara.ok<{ files: LostFileCandidate[] }>('privacy:lostFileCandidates')).files;
    expect(candidates.map((f) => f.fileName)).toEqual(expect.arrayContaining([path.basename(firstFile), path.basename(secondFile)]));
    const first = await ankara.ok<LostFileReport>('privacy:lostFileReport', { ledgerId: await ledgerIdOf(ankara, firstFile) });
    expect(first.file).toMatchObject({ direction: 'export', sender: 'Ankara Gençlik ve Spor İl Müdürlüğü', recipient: 'Gençlik ve Spor Bakanlığı — STK ile İlişkiler Dairesi', carrier: null });
    expect(names(first)).toEqual({ board: ['Özlem Işıkçı'], participant: ['Mehmet Öztürk', 'Özlem Işıkçı'] });
    expect(first.people).toBe(2);
    expect(first.groups.find((g) => g.category === 'board')!.people[0]!.fields).toEqual(expect.arrayContaining(['fullName', 'tcKimlikNo', 'phone', 'email']));
    expect(JSON.stringify(first)).not.toMatch(new RegExp(`${TC}|${MASKED.replace(/\*/g, '\\*')}|532|ozlem@`));

    // The member added after the first file is in the second only.
    const second = await ankara.ok<LostFileReport>('privacy:lostFileReport', { path: secondFile });
    expect(names(second)).toEqual({ board: ['Kemal Sonradan'] });

    const pdf = await ankara.ok<FileOut>('privacy:lostFileReportPdf', { ledgerId: first.file.ledgerId });
    expect(pdf.fileName).toBe(`Kayıp dosya raporu - ${path.basename(firstFile, '.kopru')}.pdf`);
    const text = pdfText(Buffer.from(pdf.contentBase64, 'base64')).replace(/\s+/g, ' ');
    for (const part of ['KAYIP DEĞİŞİM DOSYASI', path.basename(firstFile), 'en geç 72 saat', 'Özlem Işıkçı', 'Mehmet Öztürk', 'TC Kimlik No', 'Taşıyan kişi / ortam: defterde kayıtlı değil']) {
      expect(text, part).toContain(part);
    }
    expect(text).not.toContain('Kemal Sonradan');
    expect(text).not.toContain(TC);
  });

  it('at the ministry, the file received: the same people', async () => {
    const report = await ministry.ok<LostFileReport>('privacy:lostFileReport', { ledgerId: await ledgerIdOf(ministry, firstFile) });
    expect(report.file).toMatchObject({ direction: 'import', sender: 'Ankara Gençlik ve Spor İl Müdürlüğü' });
    expect(names(report)).toEqual({ board: ['Özlem Işıkçı'], participant: ['Mehmet Öztürk', 'Özlem Işıkçı'] });
  });

  it.each([
    [{ ledgerId: 9999 }, 'NOT_FOUND', 'ledgerId', /^Değişim defteri kaydı: Defterde 9999 numaralı bir dosya kaydı yok/],
    [{ path: '/tmp/rapor.pdf' }, 'VALIDATION', 'path', /Dosya: Bir Köprü değişim dosyası \(\.kopru uzantılı\) seçin/],
    [{ path: '/tmp/hic-yazilmamis.kopru' }, 'NOT_FOUND', 'path', /^Dosya: Bu dosya \(hic-yazilmamis\.kopru\) bu kurulumun değişim defterinde yok/],
    [{}, 'VALIDATION', 'ledgerId', /Defterden bir dosya seçin/],
  ])('refuses %j naming the field', async (input, code, field, message) => {
    const before = snapshot(ankara);
    const error = expectError(await ankara.invoke('privacy:lostFileReport', input), code);
    expect(error.issues?.map((i) => i.path)).toContain(field);
    expect(error.message).toMatch(message);
    expect(snapshot(ankara)).toEqual(before);
  });
});

describe('a file lost on the way', () => {
  it('the next file to the same peer counts as carrying the same changes again (no receipt came back)', async () => {
    // The second file's receipt comes back first: what it carried is known to be at the ministry.
    await ankara.ok('sync:import', { path: await exportFile(ministry, ankara) });
    const board = (await ankara.ok<PersonReport>('privacy:personReport', { tcKimlikNo: TC })).records[0]!;
    await ankara.ok('registry:savePerson', { id: board.id, associationId: board.context!.id, kind: 'YONETIM', membership: 'ASIL', role: 'Başkan', fullName: 'Özlem Işıkçı', phone: '0532 999 88 77' });
    const lost = await exportFile(ankara, ministry, '-kayip');
    const next = await exportFile(ankara, ministry);
    for (const file of [lost, next]) {
      const report = await ankara.ok<LostFileReport>('privacy:lostFileReport', { path: file });
      expect(names(report), path.basename(file)).toEqual({ board: ['Özlem Işıkçı'] });
      expect(report.groups[0]!.people[0]!.fields).toContain('phone');
    }
    const after = await ankara.ok<PersonReport>('privacy:personReport', { tcKimlikNo: TC });
    expect(after.records[0]!.sentIn.map((s) => s.fileName)).toEqual([firstFile, lost, next].map((f) => path.basename(f)));
    expect(after.records[0]!.sentIn.map((s) => s.receivedAt === null)).toEqual([false, true, true]);
  });
});
