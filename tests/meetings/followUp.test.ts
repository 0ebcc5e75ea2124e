import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Decision, MeetingDetail } from '../../shared/contract/meetings';
import { DEFAULT_REGISTRY_POLICY } from '../../shared/registry/policy';
import { meetingDecisionsSpec } from '../../db/meetings/specs';
import { unitOn } from '../support/units';
import { rowOf, sqlite } from '../integration/helpers';
import { pdfBase64 } from '../integration/registryFixture';
import { createCentre, heldMeeting, meetingsApp, organisation, plan, refused, type MeetingsApp } from './fixture';

// Held meetings: minutes, requests, numbered decisions and the follow-up loop across meetings of a centre;
// invitee suggestions; attachments.

let app: MeetingsApp;
beforeAll(async () => {
  app = await meetingsApp('province', '06', '2026-05-15');
});
afterAll(() => app.close());

const texts = (ds: Decision[]) => ds.map((d) => d.text);

describe('decisions and the follow-up loop', () => {
  it('carries open decisions from meeting to meeting until reviewed, and keeps the review visible where it happened', async () => {
    const centre = (await createCentre(app)).id;
    const other = (await createCentre(app)).id;
    const m1 = await heldMeeting(app, centre, '2026-01-15');
    await app.ok('meetings:saveDecision', { meetingId: m1.id, text: 'Gönüllü rehberi hazırlanacak.', responsible: 'Müdür yardımcısı', dueOn: '2026-03-01' });
    await app.ok('meetings:saveDecision', { meetingId: m1.id, text: 'Ortak spor şenliği yapılacak.', dueOn: '2026-12-01' });
    const withThree = await app.ok<MeetingDetail>('meetings:saveDecision', { meetingId: m1.id, text: 'STK bilgilendirme günü düzenlenecek.' });
    expect(withThree.decisions.map((d) => [d.number, d.code, d.state, d.overdue])).toEqual([
      [1, '2026/1-1', 'ACIK', true], [2, '2026/1-2', 'ACIK', false], [3, '2026/1-3', 'ACIK', false],
    ]);
    const [d1, d2, d3] = withThree.decisions as [Decision, Decision, Decision];
    const elsewhere = await heldMeeting(app, other, '2026-01-20');
    await app.ok('meetings:saveDecision', { meetingId: elsewhere.id, text: 'Başka merkezin kararı.' });

    const m2 = await heldMeeting(app, centre, '2026-03-10');
    expect(texts(m2.earlierOpenDecisions)).toEqual(texts([d1, d2, d3]));
    await app.ok('meetings:reviewDecision', { decisionId: d1.id, meetingId: m2.id, state: 'TAMAMLANDI', note: 'Rehber basıldı.' });
    const reviewed = await app.ok<MeetingDetail>('meetings:reviewDecision', { decisionId: d2.id, meetingId: m2.id, state: 'DEVAM', note: 'Tarih aranıyor.' });
    expect(reviewed.earlierOpenDecisions.map((d) => [d.number, d.state, d.stateNote, d.reviewedInMeetingId])).toEqual([
      [1, 'TAMAMLANDI', 'Rehber basıldı.', m2.id], [2, 'DEVAM', 'Tarih aranıyor.', m2.id], [3, 'ACIK', null, null],
    ]);
    expect(reviewed.earlierOpenDecisions[0]!.overdue).toBe(false); // done is never overdue
    const m2decided = await app.ok<MeetingDetail>('meetings:saveDecision', { meetingId: m2.id, text: 'Gençlik meclisi kurulacak.' });
    expect(m2decided.decisions[0]!.code).toBe('2026/1-1');

    // The same day, planned later: sees the earlier one's open decisions, not the other way round.
    const sameDay = await heldMeeting(app, centre, '2026-03-10', { hall: 'Küçük Salon' });
    expect(texts(sameDay.earlierOpenDecisions)).toContain('Gençlik meclisi kurulacak.');
    expect(texts((await app.ok<MeetingDetail>('meetings:get', { id: m2.id })).earlierOpenDecisions)).not.toContain('Gençlik meclisi kurulacak.');

    const m3 = await heldMeeting(app, centre, '2026-05-12');
    expect(texts(m3.earlierOpenDecisions)).toEqual(['Ortak spor şenliği yapılacak.', 'STK bilgilendirme günü düzenlenecek.', 'Gençlik meclisi kurulacak.']);

    // Reviews only within the centre, never in an earlier meeting, only by the owner.
    await refused(app, 'meetings:reviewDecision', { decisionId: d3.id, meetingId: elsewhere.id, state: 'IPTAL' }, 'VALIDATION');
    await refused(app, 'meetings:reviewDecision', { decisionId: m2decided.decisions[0]!.id, meetingId: m1.id, state: 'DEVAM' }, 'VALIDATION');
    const centreUnit = unitOn(app.ctx, 'youth-center', '06');
    await refused(app, 'meetings:reviewDecision', { decisionId: d3.id, meetingId: m3.id, state: 'IPTAL' }, 'FORBIDDEN', (c, i) => centreUnit.invoke(c, i));
    const planned = await plan(app, centre, { date: '2026-06-10' });
    await refused(app, 'meetings:reviewDecision', { decisionId: d3.id, meetingId: planned.id, state: 'IPTAL' }, 'CONFLICT');

    // Open decisions of the province: overdue first.
    type Page = { total: number; open: number; overdue: number; items: (Decision & { youthCentreName: string })[] };
    const open = (await app.ok<Page>('meetings:openDecisions', {})).items;
    expect(open[0]!.overdue).toBe(false); // d1 (the only overdue one) is done now
    await app.ok('meetings:saveDecision', { id: d3.id, meetingId: m1.id, text: 'STK bilgilendirme günü düzenlenecek.', dueOn: '2026-04-01' });
    const reopenedPage = await app.ok<Page>('meetings:openDecisions', { youthCentreId: centre });
    const reopened = reopenedPage.items;
    expect(reopened.map((d) => [d.text, d.overdue])[0]).toEqual(['STK bilgilendirme günü düzenlenecek.', true]);
    expect(reopened.map((d) => d.state).every((s) => s === 'ACIK' || s === 'DEVAM')).toBe(true);
    expect(reopened).toHaveLength(3);
    expect(reopenedPage).toMatchObject({ total: 3, open: 3, overdue: 1 });
    // Only the overdue ones, on demand: the total says so, the counts stay.
    const late = await app.ok<Page>('meetings:openDecisions', { youthCentreId: centre, overdueOnly: true });
    expect(late).toMatchObject({ total: 1, open: 3, overdue: 1 });
    expect(late.items.map((d) => d.text)).toEqual(['STK bilgilendirme günü düzenlenecek.']);
    const ministry = unitOn(app.ctx, 'ministry', null);
    expect((await ministry.ok<Page>('meetings:openDecisions', {})).total).toBeGreaterThanOrEqual(4);

    // The Excel file holds the list as filtered, every row, in the list's order.
    const file = await app.ok<{ fileName: string; contentBase64: string; rows: number }>('meetings:openDecisionsXlsx', { youthCentreId: centre });
    expect(file.rows).toBe(3);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(2).value).toBe('Karar');
    expect([2, 3, 4].map((r) => sheet.getRow(r).getCell(2).value)).toEqual(reopened.map((d) => d.text));
    expect(sheet.getRow(2).getCell(9).value).toBe('Evet');
  });

  it('never reuses a decision number, even of a deleted decision', async () => {
    const centre = (await createCentre(app)).id;
    const m = await heldMeeting(app, centre, '2026-02-02');
    await app.ok('meetings:saveDecision', { meetingId: m.id, text: 'Birinci karar.' });
    const two = await app.ok<MeetingDetail>('meetings:saveDecision', { meetingId: m.id, text: 'İkinci karar.' });
    app.ctx.db!.sqlite.transaction(() => app.ctx.writer!.tombstone(meetingDecisionsSpec, two.decisions[1]!.id))();
    const next = await app.ok<MeetingDetail>('meetings:saveDecision', { meetingId: m.id, text: 'Üçüncü karar.' });
    expect(next.decisions.map((d) => d.number)).toEqual([1, 3]);
    expect(rowOf(app, 'meeting_decisions', next.decisions[1]!.id)).toMatchObject({ youth_centre_id: centre, state: 'ACIK' });
  });

  it('records minutes per agenda item and categorised requests', async () => {
    const centre = (await createCentre(app)).id;
    const m = await heldMeeting(app, centre, '2026-04-04');
    const org = organisation(app, 'Umut Gençlik Derneği', '06-cankaya');
    const saved = await app.ok<MeetingDetail>('meetings:saveMinutes', {
      meetingId: m.id, minutes: 'Toplantı saat 14.00\'te açıldı.', items: [{ id: m.agenda[1]!.id, minutes: 'Kararlar tek tek görüşüldü.' }],
    });
    expect(saved.minutes).toBe('Toplantı saat 14.00\'te açıldı.');
    expect(saved.agenda.map((a) => a.minutes)).toEqual([null, 'Kararlar tek tek görüşüldü.', null]);
    const other = await heldMeeting(app, centre, '2026-04-05');
    await refused(app, 'meetings:saveMinutes', { meetingId: m.id, minutes: 'x', items: [{ id: other.agenda[0]!.id, minutes: 'y' }] }, 'VALIDATION');

    const withRequest = await app.ok<MeetingDetail>('meetings:saveRequest', { meetingId: m.id, category: 'MEKAN_KULLANIMI', organisationId: org, text: 'Hafta sonu salon kullanımı.' });
    expect(withRequest.requests).toEqual([{ id: expect.any(String), category: 'MEKAN_KULLANIMI', organisationId: org, organisationName: 'Umut Gençlik Derneği', text: 'Hafta sonu salon kullanımı.' }]);
    const removed = await app.ok<MeetingDetail>('meetings:removeRequest', { id: withRequest.requests[0]!.id });
    expect(removed.requests).toEqual([]);
  });
});

describe('invitee suggestions', () => {
  it('people who came before first, then CSOs of the district and of the province, in Turkish order, minus those invited', async () => {
    const p = await meetingsApp('province', '06', '2026-05-15');
    try {
      const centre = (await createCentre(p, '06-cankaya')).id;
      const cadde = organisation(p, 'Cadde Gençlik Derneği', '06-cankaya');
      const cag = organisation(p, 'Çağ Gençlik Derneği', '06-cankaya');
      const kecioren = organisation(p, 'Keçiören Gönüllüleri Derneği', '06-kecioren');
      const altindag = organisation(p, 'Altındağ Gençlik Derneği', '06-altindag');
      organisation(p, 'Konak Gençlik Derneği', '35-konak', '35');
      organisation(p, 'Ankara Valiliği', null, '06', { kind: 'KAMU', subtype: null });
      organisation(p, 'Birleşen Dernek', '06-cankaya', '06', { merged_into: cag });
      const gone = organisation(p, 'Kapanan Dernek', '06-cankaya');
      p.ctx.db!.sqlite.prepare('UPDATE organisations SET deleted_at = ? WHERE id = ?').run('2026-01-01T00:00:00.000Z', gone);

      for (const date of ['2026-01-10', '2026-03-10']) {
        const m = await heldMeeting(p, centre, date);
        await p.ok('meetings:saveParticipants', { meetingId: m.id, participants: [{ kind: 'STK', fullName: 'Selin Kaya', organisationId: kecioren, title: 'Başkan', walkIn: true }] });
      }
      const next = await plan(p, centre, { date: '2026-06-01' });
      await p.ok('meetings:saveParticipants', { meetingId: next.id, participants: [{ kind: 'STK', fullName: 'Ali Can', organisationId: cadde, invited: true }] });
      const suggestions = await p.ok<{ organisationId: string; organisationName: string; reason: string; timesAttended: number; fullName: string | null }[]>(
        'meetings:suggestInvitees', { meetingId: next.id },
      );
      expect(suggestions.map((s) => [s.organisationName, s.reason, s.timesAttended, s.fullName])).toEqual([
        ['Keçiören Gönüllüleri Derneği', 'CAME_BEFORE', 2, 'Selin Kaya'],
        ['Çağ Gençlik Derneği', 'DISTRICT', 0, null],
        ['Altındağ Gençlik Derneği', 'PROVINCE', 0, null],
      ]);
      expect(suggestions.map((s) => s.organisationId)).toEqual([kecioren, cag, altindag]);
    } finally {
      p.close();
    }
  });
});

describe('attachments', () => {
  it('stores by content once, checks the type by its bytes, and serves it back', async () => {
    const centre = (await createCentre(app)).id;
    const m = await plan(app, centre, { date: '2026-06-02' });
    const content = pdfBase64('hazirun');
    const once = await app.ok<MeetingDetail>('meetings:attachFile', { meetingId: m.id, kind: 'HAZIRUN', fileName: 'hazirun listesi.pdf', contentBase64: content });
    const twice = await app.ok<MeetingDetail>('meetings:attachFile', { meetingId: m.id, kind: 'HAZIRUN', fileName: 'kopya.pdf', contentBase64: content });
    expect(twice.files).toHaveLength(1);
    expect(once.files[0]).toMatchObject({ kind: 'HAZIRUN', fileName: 'hazirun listesi.pdf', mime: 'application/pdf' });
    const file = await app.ok<{ contentBase64: string; mimeType: string }>('meetings:file', { id: once.files[0]!.id });
    expect(file).toMatchObject({ contentBase64: content, mimeType: 'application/pdf' });
    const bad = await refused(app, 'meetings:attachFile', { meetingId: m.id, kind: 'FOTOGRAF', fileName: 'foto.jpg', contentBase64: Buffer.from('düz metin').toString('base64') }, 'VALIDATION');
    expect(bad.message).toMatch(/dosya türü/i);
    // The size limit is the registry policy's.
    await unitOn(app.ctx, 'ministry', null).ok('registry:updatePolicy', { ...DEFAULT_REGISTRY_POLICY, maxAttachmentBytes: 1024 });
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2048, 0x20)]).toString('base64');
    expect((await refused(app, 'meetings:attachFile', { meetingId: m.id, kind: 'TUTANAK', fileName: 'tutanak.pdf', contentBase64: big }, 'VALIDATION')).message).toMatch(/çok büyük/);
    await unitOn(app.ctx, 'ministry', null).ok('registry:updatePolicy', { ...DEFAULT_REGISTRY_POLICY });
    const removed = await app.ok<MeetingDetail>('meetings:removeFile', { id: once.files[0]!.id });
    expect(removed.files).toEqual([]);
    expect(sqlite(app).prepare('SELECT deleted_at FROM meeting_files WHERE id = ?').get(once.files[0]!.id)).toMatchObject({ deleted_at: expect.any(String) });
  });
});
