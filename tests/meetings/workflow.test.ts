import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../shared/contract/meetings';
import { MEETING_ACTIONS, MEETING_ACTION_NAMES, MEETING_STATE_LABELS, MEETING_STATES, type MeetingAction, type MeetingState } from '../../shared/meetings/fields';
import { unitOn } from '../support/units';
import { rowOf, sqlite, unknownId } from '../integration/helpers';
import { bindToCentre, createCentre, meetingsApp, plan, PLAN, refused, type MeetingsApp } from './fixture';

// The meeting workflow (shared/meetings/fields.ts): every action from every state, what each action needs,
// planning rules (times, centres of one's own province), ownership and clash warnings.

let app: MeetingsApp;
let centreId: string;
beforeAll(async () => {
  app = await meetingsApp('province', '06', '2026-05-15');
  centreId = (await createCentre(app)).id;
});
afterAll(() => app.close());

const ACTION_INPUT: Record<MeetingAction, Record<string, unknown>> = {
  invite: { letterDate: '2026-05-01', letterNo: 'E-2026-77' },
  hold: {},
  postpone: { reason: 'Salon bakımda.' },
  reschedule: { date: '2026-05-12' },
  cancel: { reason: 'Katılım yetersiz.' },
};

/** A meeting dated 2026-05-10 (before "today") brought into `state` through the workflow. */
async function meetingIn(state: MeetingState): Promise<MeetingDetail> {
  const m = await plan(app, centreId, { date: '2026-05-10', hall: `Salon ${Math.random()}` });
  const path: Record<MeetingState, MeetingAction[]> = {
    PLANLANDI: [], DAVET_GONDERILDI: ['invite'], YAPILDI: ['hold'], ERTELENDI: ['postpone'], IPTAL: ['cancel'],
  };
  let detail = m;
  for (const action of path[state]) detail = await app.ok<MeetingDetail>('meetings:transition', { id: m.id, action, ...ACTION_INPUT[action] });
  expect(detail.state).toBe(state);
  return detail;
}

describe('planning', () => {
  it('creates a planned meeting at a centre of its province with its agenda, term and allowed actions', async () => {
    const m = await plan(app, centreId);
    expect(m).toMatchObject({ state: 'PLANLANDI', provincePlate: '06', provinceName: 'Ankara', termYear: 2026, termNo: 2, canEdit: true, hall: 'Konferans Salonu' });
    expect(m.ownerUnit).toBe(app.ctx.identity!.unitId);
    expect(m.agenda.map((a) => [a.position, a.title])).toEqual([[1, 'Açılış'], [2, 'Önceki kararların takibi'], [3, 'Dilek ve öneriler']]);
    expect(m.actions).toEqual(['invite', 'hold', 'postpone', 'cancel']);
  });

  it('update replaces the agenda titles, keeping ids of kept positions and tombstoning removed ones', async () => {
    const m = await plan(app, centreId, { hall: 'Güncelleme Salonu' });
    const updated = await app.ok<MeetingDetail>('meetings:update', { id: m.id, agenda: ['Açılış ve yoklama', 'Gönüllülük'], startTime: '15:00' });
    expect(updated.agenda.map((a) => a.title)).toEqual(['Açılış ve yoklama', 'Gönüllülük']);
    expect(updated.agenda.map((a) => a.id)).toEqual(m.agenda.slice(0, 2).map((a) => a.id));
    expect(rowOf(app, 'meeting_agenda', m.agenda[2]!.id)!.deleted_at).not.toBeNull();
    expect(updated.startTime).toBe('15:00');
  });

  it('refuses an end time not after the start (naming the field) and writes nothing', async () => {
    const error = await refused(app, 'meetings:create', { youthCentreId: centreId, date: '2026-06-01', startTime: '16:00', endTime: '14:00', hall: 'Salon' }, 'VALIDATION');
    expect(error.issues?.[0]?.path).toBe('endTime');
    expect(error.message).toMatch(/Bitiş saati/);
    await refused(app, 'meetings:create', { youthCentreId: centreId, date: '2026-06-01', startTime: '14:00', endTime: '14:00', hall: 'Salon' }, 'VALIDATION');
    const m = await plan(app, centreId, { hall: 'Saat Salonu' });
    await refused(app, 'meetings:update', { id: m.id, endTime: '13:00' }, 'VALIDATION');
  });

  it('refuses an unknown centre, a closed centre and a centre of another province, writing nothing', async () => {
    const unknown = await refused(app, 'meetings:create', { youthCentreId: unknownId(), ...{ date: '2026-06-01', startTime: '10:00', endTime: '11:00', hall: 'Salon' } }, 'VALIDATION');
    expect(unknown.issues?.[0]?.path).toBe('youthCentreId');
    const izmir = unitOn(app.ctx, 'province', '35');
    const other = await izmir.ok<{ id: string }>('orgUnits:createYouthCentre', { name: 'Konak Gençlik Merkezi', districtId: '35-konak', status: 'active' });
    const foreign = await refused(app, 'meetings:create', { youthCentreId: other.id, date: '2026-06-01', startTime: '10:00', endTime: '11:00', hall: 'Salon' }, 'VALIDATION');
    expect(foreign.message).toMatch(/kendi ilinizdeki/);
    const closed = await createCentre(app, '06-cankaya', { status: 'closed' });
    await refused(app, 'meetings:create', { youthCentreId: closed.id, date: '2026-06-01', startTime: '10:00', endTime: '11:00', hall: 'Salon' }, 'VALIDATION');
  });

  it('the ministry cannot plan meetings', async () => {
    const ministry = unitOn(app.ctx, 'ministry', null);
    const error = await ministry.fail('meetings:create', { youthCentreId: centreId, date: '2026-06-01', startTime: '10:00', endTime: '11:00', hall: 'Salon' });
    expect(error.code).toBe('FORBIDDEN');
  });
});

describe('transitions', () => {
  const cases = MEETING_STATES.flatMap((state) => MEETING_ACTION_NAMES.map((action) => [state, action] as const));

  it.each(cases)('from %s, %s is allowed exactly when the workflow says so', async (state, action) => {
    const m = await meetingIn(state);
    const legal = MEETING_ACTIONS[action].from.includes(state);
    expect(m.actions.includes(action)).toBe(legal);
    if (legal) {
      const after = await app.ok<MeetingDetail>('meetings:transition', { id: m.id, action, ...ACTION_INPUT[action] });
      expect(after.state).toBe(MEETING_ACTIONS[action].to);
    } else {
      const error = await refused(app, 'meetings:transition', { id: m.id, action, ...ACTION_INPUT[action] }, 'CONFLICT');
      expect(error.message).toContain(MEETING_STATE_LABELS[state]);
    }
  });

  it('invite needs the letter date and number and stores them', async () => {
    const m = await meetingIn('PLANLANDI');
    const error = await refused(app, 'meetings:transition', { id: m.id, action: 'invite', letterDate: '2026-05-01' }, 'VALIDATION');
    expect(error.issues?.map((i) => i.path)).toEqual(['letterNo']);
    await refused(app, 'meetings:transition', { id: m.id, action: 'invite' }, 'VALIDATION');
    const invited = await app.ok<MeetingDetail>('meetings:transition', { id: m.id, action: 'invite', letterDate: '2026-05-01', letterNo: 'E-9' });
    expect(invited).toMatchObject({ letterDate: '2026-05-01', letterNo: 'E-9', state: 'DAVET_GONDERILDI' });
  });

  it('impossible dates are refused, naming the field: a letter dated after today or after the meeting, a meeting moved before its letter', async () => {
    const m = await plan(app, centreId, { date: '2026-05-20', hall: 'Yazı Salonu' });
    const later = await refused(app, 'meetings:transition', { id: m.id, action: 'invite', letterDate: '2026-05-16', letterNo: 'E-10' }, 'VALIDATION');
    expect(later.issues).toEqual([expect.objectContaining({ path: 'letterDate', message: expect.stringContaining('15.05.2026') })]);
    const past = await plan(app, centreId, { date: '2026-05-05', hall: 'Geçmiş Salonu' });
    const after = await refused(app, 'meetings:transition', { id: past.id, action: 'invite', letterDate: '2026-05-06', letterNo: 'E-11' }, 'VALIDATION');
    expect(after.issues?.[0]?.message).toContain('05.05.2026');

    await app.ok('meetings:transition', { id: m.id, action: 'invite', letterDate: '2026-05-10', letterNo: 'E-12' });
    const moved = await refused(app, 'meetings:update', { id: m.id, date: '2026-05-09' }, 'VALIDATION');
    expect(moved.issues).toEqual([expect.objectContaining({ path: 'date', message: expect.stringContaining('10.05.2026') })]);
    await app.ok('meetings:transition', { id: m.id, action: 'postpone', reason: 'Salon dolu.' });
    await refused(app, 'meetings:transition', { id: m.id, action: 'reschedule', date: '2026-05-08' }, 'VALIDATION');
    // On or after the letter's day is fine.
    expect((await app.ok<MeetingDetail>('meetings:transition', { id: m.id, action: 'reschedule', date: '2026-05-10' })).date).toBe('2026-05-10');
  });

  it('postpone and cancel need a reason, kept as the state reason', async () => {
    const m = await meetingIn('PLANLANDI');
    expect((await refused(app, 'meetings:transition', { id: m.id, action: 'postpone' }, 'VALIDATION')).issues?.[0]?.path).toBe('reason');
    await refused(app, 'meetings:transition', { id: m.id, action: 'cancel', reason: '' }, 'VALIDATION');
    const postponed = await app.ok<MeetingDetail>('meetings:transition', { id: m.id, action: 'postpone', reason: 'Bayram tatili.' });
    expect(postponed.stateReason).toBe('Bayram tatili.');
  });

  it('hold only on or after the meeting date', async () => {
    const future = await plan(app, centreId, { date: '2026-05-16', hall: 'Gelecek Salonu' });
    const error = await refused(app, 'meetings:transition', { id: future.id, action: 'hold' }, 'CONFLICT');
    expect(error.message).toContain('16.05.2026');
    const today = await plan(app, centreId, { date: '2026-05-15', hall: 'Bugün Salonu' });
    expect((await app.ok<MeetingDetail>('meetings:transition', { id: today.id, action: 'hold' })).state).toBe('YAPILDI');
  });

  it('reschedule needs a new date, returns to Planlandı and re-derives the term', async () => {
    const m = await plan(app, centreId, { date: '2026-04-30', hall: 'Erteleme Salonu' });
    expect(m.termNo).toBe(1);
    await app.ok('meetings:transition', { id: m.id, action: 'postpone', reason: 'Salon dolu.' });
    expect((await refused(app, 'meetings:transition', { id: m.id, action: 'reschedule' }, 'VALIDATION')).issues?.[0]?.path).toBe('date');
    await refused(app, 'meetings:transition', { id: m.id, action: 'reschedule', date: '2026-05-02', startTime: '18:00' }, 'VALIDATION');
    const again = await app.ok<MeetingDetail>('meetings:transition', { id: m.id, action: 'reschedule', date: '2026-05-02', startTime: '10:00', endTime: '12:00' });
    expect(again).toMatchObject({ state: 'PLANLANDI', date: '2026-05-02', startTime: '10:00', endTime: '12:00', termYear: 2026, termNo: 2, stateReason: null });
  });

  it('the plan cannot change once held or cancelled', async () => {
    for (const state of ['YAPILDI', 'IPTAL'] as const) {
      const m = await meetingIn(state);
      const error = await refused(app, 'meetings:update', { id: m.id, hall: 'Başka Salon' }, 'CONFLICT');
      expect(error.message).toContain(MEETING_STATE_LABELS[state]);
    }
  });

  it('minutes, requests and decisions only for a held meeting', async () => {
    const m = await meetingIn('DAVET_GONDERILDI');
    await refused(app, 'meetings:saveMinutes', { meetingId: m.id, minutes: 'Tutanak' }, 'CONFLICT');
    await refused(app, 'meetings:saveRequest', { meetingId: m.id, category: 'DIGER', text: 'Bir talep' }, 'CONFLICT');
    await refused(app, 'meetings:saveDecision', { meetingId: m.id, text: 'Bir karar' }, 'CONFLICT');
  });
});

describe('ownership', () => {
  it("another unit's meeting cannot be changed: FORBIDDEN, nothing written", async () => {
    const m = await meetingIn('YAPILDI');
    const centreUnit = unitOn(app.ctx, 'youth-center', '06', 'Çankaya Gençlik Merkezi');
    const asCentre = (c: string, i: unknown) => centreUnit.invoke(c, i);
    await refused(app, 'meetings:update', { id: m.id, hall: 'Başka' }, 'FORBIDDEN', asCentre);
    await refused(app, 'meetings:transition', { id: m.id, action: 'cancel', reason: 'x' }, 'FORBIDDEN', asCentre);
    await refused(app, 'meetings:saveDecision', { meetingId: m.id, text: 'Karar metni' }, 'FORBIDDEN', asCentre);
    await refused(app, 'meetings:saveParticipants', { meetingId: m.id, participants: [{ kind: 'GENC', fullName: 'Ali Kaya', walkIn: true }] }, 'FORBIDDEN', asCentre);
    // It may read it, without edit rights.
    const seen = await centreUnit.ok<MeetingDetail>('meetings:get', { id: m.id });
    expect(seen.canEdit).toBe(false);
    expect(seen.actions).toEqual([]);
  });

  it('a youth-centre installation plans at its own centre and owns what it plans; another centre, of its province or not, is refused', async () => {
    const centreApp = await meetingsApp('youth-center', '06', '2026-05-15');
    try {
      const own = await createCentre(centreApp);
      // Not bound to its record yet (not enrolled): nowhere to plan, and the reason says what to do.
      const unbound = await centreApp.invoke('meetings:create', { youthCentreId: own.id, ...PLAN });
      expect(unbound.ok ? null : unbound.error.issues?.[0]?.message).toMatch(/önce il müdürlüğüne kaydolun/);
      bindToCentre(centreApp, own.id);
      const m = await plan(centreApp, own.id);
      const neighbour = await createCentre(centreApp);
      await refused(centreApp, 'meetings:create', { youthCentreId: neighbour.id, ...{ date: '2026-06-01', startTime: '10:00', endTime: '11:00', hall: 'Salon' } }, 'VALIDATION');
      expect(m.ownerUnit).toBe(centreApp.ctx.identity!.unitId);
      expect(m.ownerUnit).toMatch(/^youth-center:/);
      const izmir = unitOn(centreApp.ctx, 'province', '35');
      const other = await izmir.ok<{ id: string }>('orgUnits:createYouthCentre', { name: 'Bornova Gençlik Merkezi', districtId: '35-bornova', status: 'active' });
      await refused(centreApp, 'meetings:create', { youthCentreId: other.id, ...{ date: '2026-06-01', startTime: '10:00', endTime: '11:00', hall: 'Salon' } }, 'VALIDATION');
      // The province cannot edit the centre's meeting.
      await refused(centreApp, 'meetings:update', { id: m.id, hall: 'Başka' }, 'FORBIDDEN', (c, i) => centreApp.province.invoke(c, i));
    } finally {
      centreApp.close();
    }
  });
});

describe('clashes (a warning, never a refusal)', () => {
  it('same centre, same hall (any case), same day, overlapping times; touching, other hall and cancelled do not clash', async () => {
    const clashCentre = (await createCentre(app)).id;
    const base = await plan(app, clashCentre, { date: '2026-07-01', startTime: '14:00', endTime: '16:00', hall: 'İstişare Salonu' });
    const check = (extra: Record<string, unknown>) =>
      app.ok<{ meetingId: string }[]>('meetings:checkClash', { youthCentreId: clashCentre, hall: 'istişare salonu', date: '2026-07-01', startTime: '15:00', endTime: '17:00', ...extra });
    expect((await check({})).map((c) => c.meetingId)).toEqual([base.id]);
    expect(await check({ hall: 'ISTISARE SALONU' })).toHaveLength(1);
    expect(await check({ startTime: '16:00', endTime: '18:00' })).toEqual([]); // end = start touches, no clash
    expect(await check({ startTime: '12:00', endTime: '14:00' })).toEqual([]);
    expect(await check({ startTime: '13:00', endTime: '17:00' })).toHaveLength(1); // encloses
    expect(await check({ hall: 'Kütüphane' })).toEqual([]);
    expect(await check({ date: '2026-07-02' })).toEqual([]);
    expect(await check({ excludeId: base.id })).toEqual([]);

    // Planning the clashing meeting is allowed; both details list each other.
    const second = await plan(app, clashCentre, { date: '2026-07-01', startTime: '15:00', endTime: '17:00', hall: 'istişare salonu' });
    expect(second.clashes.map((c) => c.meetingId)).toEqual([base.id]);
    expect((await app.ok<MeetingDetail>('meetings:get', { id: base.id })).clashes.map((c) => c.meetingId)).toEqual([second.id]);

    await app.ok('meetings:transition', { id: base.id, action: 'cancel', reason: 'Birleştirildi.' });
    expect(await check({ excludeId: second.id })).toEqual([]);
    expect((await app.ok<MeetingDetail>('meetings:get', { id: second.id })).clashes).toEqual([]);
  });
});

describe('participants', () => {
  it('invitees while planned; walk-ins and attendance only once held; rows are all or nothing and errors name the row', async () => {
    const orgId = (await import('./fixture')).organisation(app, 'Işık Gençlik Derneği', '06-cankaya');
    const m = await plan(app, centreId, { date: '2026-05-11', hall: 'Katılım Salonu' });
    const invited = await app.ok<MeetingDetail>('meetings:saveParticipants', {
      meetingId: m.id,
      participants: [
        { kind: 'STK', fullName: 'Zeynep Çelik', organisationId: orgId, title: 'Başkan', invited: true },
        { kind: 'YEREL_YONETIM', fullName: 'Ömer Güneş', organisationName: 'Çankaya Belediyesi', invited: true },
      ],
    });
    expect(invited.participants).toHaveLength(2);
    expect(invited.participants.find((p) => p.fullName === 'Zeynep Çelik')!.organisationName).toBe('Işık Gençlik Derneği');
    expect(invited.invited).toBe(2);

    await refused(app, 'meetings:saveParticipants', { meetingId: m.id, participants: [{ kind: 'GENC', fullName: 'Ali Kaya', walkIn: true }] }, 'CONFLICT');
    await refused(app, 'meetings:setAttendance', { meetingId: m.id, attended: [{ participantId: invited.participants[0]!.id, attended: true }] }, 'CONFLICT');
    const stk = await refused(app, 'meetings:saveParticipants', {
      meetingId: m.id,
      participants: [
        { kind: 'GENC', fullName: 'Ali Kaya', invited: true },
        { kind: 'UNIVERSITE', fullName: 'Elif Demir', organisationName: 'Hacettepe Üniversitesi', invited: true },
        { kind: 'STK', fullName: 'Can Öz', invited: true },
      ],
    }, 'VALIDATION');
    expect(stk.message).toMatch(/^3\. satır: /);
    expect(stk.issues?.[0]?.path).toBe('participants.2.organisationId');
    const unknownOrg = await refused(app, 'meetings:saveParticipants', { meetingId: m.id, participants: [{ kind: 'STK', fullName: 'Can Öz', organisationId: unknownId(), invited: true }] }, 'VALIDATION');
    expect(unknownOrg.message).toMatch(/^1\. satır: .*kurum/);
    await refused(app, 'meetings:saveParticipants', { meetingId: m.id, participants: [{ kind: 'GENC', fullName: 'Can Öz' }] }, 'VALIDATION');

    await app.ok('meetings:transition', { id: m.id, action: 'hold' });
    const [zeynep, omer] = [invited.participants.find((p) => p.fullName === 'Zeynep Çelik')!, invited.participants.find((p) => p.fullName === 'Ömer Güneş')!];
    await app.ok('meetings:setAttendance', { meetingId: m.id, attended: [{ participantId: zeynep.id, attended: true }, { participantId: omer.id, attended: false }] });
    const withWalkIn = await app.ok<MeetingDetail>('meetings:saveParticipants', { meetingId: m.id, participants: [{ kind: 'GENC', fullName: 'Deniz Ak', walkIn: true }] });
    const walkIn = withWalkIn.participants.find((p) => p.fullName === 'Deniz Ak')!;
    expect(walkIn).toMatchObject({ walkIn: true, attended: true, invited: false });
    expect(withWalkIn).toMatchObject({ invited: 2, attended: 2 });
    // After the meeting, an invitation-only row cannot be added.
    await refused(app, 'meetings:saveParticipants', { meetingId: m.id, participants: [{ kind: 'GENC', fullName: 'Geç Davet', invited: true }] }, 'CONFLICT');

    const removed = await app.ok<MeetingDetail>('meetings:removeParticipant', { id: walkIn.id });
    expect(removed.participants.map((p) => p.id)).not.toContain(walkIn.id);
    expect(rowOf(app, 'meeting_participants', walkIn.id)!.deleted_at).not.toBeNull();
    // KVKK: participants have no national id column at all.
    const columns = (sqlite(app).prepare('PRAGMA table_info(meeting_participants)').all() as { name: string }[]).map((c) => c.name);
    expect(columns.filter((c) => /tc|kimlik/i.test(c))).toEqual([]);
  });
});
