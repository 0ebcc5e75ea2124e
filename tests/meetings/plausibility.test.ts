import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../shared/contract/meetings';
import type { WorkshopDetail } from '../../shared/contract/workshops';
import type { RegistryPolicy } from '../../shared/registry/policy';
import { setupApp, type TestApp } from '../support/app';
import { unitOn, type Unit } from '../support/units';
import { createCentre, heldMeeting, meetingsApp, plan, refused, type MeetingsApp } from './fixture';

// The plausibility rules of meetings and workshops (issue #17), through the real handlers on a real SQLite file:
// an invitation letter neither in the future nor after its meeting, a meeting never moved before its letter,
// a decision never due before the meeting that took it, and days off (weekends, fixed and religious holidays)
// a warning by default and refused once the ministry's policy says so.

let app: MeetingsApp;
let ministry: Unit;
let centreId: string;

async function setNonWorkingDay(value: 'warn' | 'refuse', on: Unit = ministry) {
  const { updatedAt: _u, ...policy } = await on.ok<RegistryPolicy & { updatedAt: string | null }>('registry:getPolicy', {});
  await on.ok('registry:updatePolicy', { ...policy, plausibility: { ...policy.plausibility, nonWorkingDay: value } });
}

beforeAll(async () => {
  app = await meetingsApp('province', '06', '2026-05-15');
  ministry = unitOn(app.ctx, 'ministry', null);
  centreId = (await createCentre(app)).id;
});
afterAll(() => app.close());

describe('a meeting and its invitation letter', () => {
  it('the letter cannot be dated after today nor after the meeting', async () => {
    const m = await plan(app, centreId, { date: '2026-05-20', hall: 'Salon A' });
    const future = await refused(app, 'meetings:transition', { id: m.id, action: 'invite', letterDate: '2026-05-16', letterNo: 'E-1' }, 'VALIDATION');
    expect(future.issues?.[0]).toMatchObject({ path: 'letterDate', message: expect.stringContaining('bugünden (15.05.2026) sonra olamaz') });
    const early = await plan(app, centreId, { date: '2026-05-12', hall: 'Salon B' });
    const after = await refused(app, 'meetings:transition', { id: early.id, action: 'invite', letterDate: '2026-05-13', letterNo: 'E-2' }, 'VALIDATION');
    expect(after.issues?.[0]?.message).toContain('toplantıdan (12.05.2026) sonra tarihli olamaz');
  });

  it('an invited meeting cannot be moved or rescheduled before its letter', async () => {
    const m = await plan(app, centreId, { date: '2026-05-20', hall: 'Salon C' });
    await app.ok('meetings:transition', { id: m.id, action: 'invite', letterDate: '2026-05-14', letterNo: 'E-3' });
    const moved = await refused(app, 'meetings:update', { id: m.id, date: '2026-05-13' }, 'VALIDATION');
    expect(moved.issues?.[0]).toMatchObject({ path: 'date', message: expect.stringContaining('davet yazısının tarihinden (14.05.2026) önceye alınamaz') });
    await app.ok('meetings:transition', { id: m.id, action: 'postpone', reason: 'Salon bakımda.' });
    const rescheduled = await refused(app, 'meetings:transition', { id: m.id, action: 'reschedule', date: '2026-05-11' }, 'VALIDATION');
    expect(rescheduled.issues?.[0]?.path).toBe('date');
  });
});

describe('a meeting’s decisions', () => {
  it('cannot fall due before the meeting that took them', async () => {
    const m = await heldMeeting(app, centreId, '2026-05-11', { hall: 'Salon D' });
    const early = await refused(app, 'meetings:saveDecision', { meetingId: m.id, text: 'Gönüllü rehberi hazırlanacak.', dueOn: '2026-05-10' }, 'VALIDATION');
    expect(early.issues?.[0]).toMatchObject({ path: 'dueOn', message: expect.stringContaining('toplantıdan (11.05.2026) önce olamaz') });
    const saved = await app.ok<MeetingDetail>('meetings:saveDecision', { meetingId: m.id, text: 'Gönüllü rehberi hazırlanacak.', dueOn: '2026-05-11' });
    expect(saved.decisions.map((d) => d.dueOn)).toEqual(['2026-05-11']);
  });
});

describe('days off', () => {
  it('by default a Saturday, the Kurban Bayramı and its eve are only warned of in the form: the meeting is saved', async () => {
    for (const [date, hall] of [['2026-05-23', 'Cumartesi'], ['2026-05-27', 'Bayram'], ['2026-05-26', 'Arife']] as const) {
      const m = await plan(app, centreId, { date, hall });
      expect(m.date).toBe(date);
    }
  });

  it('refused once the ministry’s policy says so, naming the holiday; a working day still saves', async () => {
    await setNonWorkingDay('refuse');
    try {
      const bayram = await refused(app, 'meetings:create', { youthCentreId: centreId, date: '2026-05-28', startTime: '14:00', endTime: '16:00', hall: 'Salon E', agenda: ['Açılış'] }, 'VALIDATION');
      expect(bayram.issues?.[0]).toMatchObject({ path: 'date', message: expect.stringContaining('Kurban Bayramı 2. gün') });
      const saturday = await refused(app, 'meetings:create', { youthCentreId: centreId, date: '2026-06-06', startTime: '14:00', endTime: '16:00', hall: 'Salon E', agenda: ['Açılış'] }, 'VALIDATION');
      expect(saturday.issues?.[0]?.message).toContain('cumartesi');
      const m = await plan(app, centreId, { date: '2026-06-03', hall: 'Salon E' });
      const moved = await refused(app, 'meetings:update', { id: m.id, date: '2026-10-29' }, 'VALIDATION');
      expect(moved.issues?.[0]?.message).toContain('Cumhuriyet Bayramı');
      await app.ok('meetings:transition', { id: m.id, action: 'postpone', reason: 'Salon bakımda.' });
      const rescheduled = await refused(app, 'meetings:transition', { id: m.id, action: 'reschedule', date: '2027-03-09' }, 'VALIDATION');
      expect(rescheduled.issues?.[0]?.message).toContain('Ramazan Bayramı 1. gün');
      expect((await app.ok<MeetingDetail>('meetings:transition', { id: m.id, action: 'reschedule', date: '2027-03-12' })).date).toBe('2027-03-12');
    } finally {
      await setNonWorkingDay('warn');
    }
  });
});

describe('workshop days', () => {
  let ministryApp: TestApp;
  const base = {
    kind: 'BOLGE_CALISTAYI', title: 'Doğu Anadolu Bölge Çalıştayı', region: 'Doğu Anadolu', hostPlate: '25',
    venue: 'Erzurum Gençlik Merkezi', programme: [{ time: '09:30', title: 'Açılış' }], findings: null,
  };
  beforeAll(async () => {
    ministryApp = await setupApp('ministry');
  });
  afterAll(() => ministryApp.close());

  it('a workshop over the Ramazan Bayramı is saved by default and refused under the policy; one over a weekend is not', async () => {
    const over = { ...base, startOn: '2027-03-08', endOn: '2027-03-10' };
    const saved = await ministryApp.ok<WorkshopDetail>('workshops:save', over);
    const self = unitOn(ministryApp.ctx, 'ministry', null);
    await setNonWorkingDay('refuse', self);
    const error = await self.fail('workshops:save', { ...over, title: 'İkinci çalıştay' });
    expect(error.issues?.[0]).toMatchObject({ path: 'startOn', message: expect.stringContaining('Ramazan Bayramı arifesi') });
    // A workshop recorded before the rule stays editable while its dates do not move.
    expect((await ministryApp.ok<WorkshopDetail>('workshops:save', { ...over, id: saved.id, title: 'Yeni başlık' })).title).toBe('Yeni başlık');
    expect((await ministryApp.ok<WorkshopDetail>('workshops:save', { ...base, startOn: '2027-03-12', endOn: '2027-03-14' })).startOn).toBe('2027-03-12');
  });
});
