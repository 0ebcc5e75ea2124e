import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingSummary } from '../../shared/contract/meetings';
import { workshopsSpec } from '../../db/workshops/specs';
import { unitOn } from '../support/units';
import { createCentre, meetingsApp, plan, type MeetingsApp } from './fixture';

// The calendar list: meetings of a period in scope (ministry all, a province or centre its province),
// sorted by date and time, with the workshops overlapping the period.

let app: MeetingsApp;
type List = { meetings: MeetingSummary[]; workshops: { title: string; startOn: string; endOn: string }[] };

beforeAll(async () => {
  app = await meetingsApp('province', '06', '2026-05-15');
  const a = await createCentre(app, '06-cankaya', { name: 'Çankaya Gençlik Merkezi' });
  const b = await createCentre(app, '06-kecioren', { name: 'Keçiören Gençlik Merkezi' });
  await plan(app, a.id, { date: '2026-06-10', startTime: '14:00', endTime: '15:00' });
  await plan(app, b.id, { date: '2026-06-10', startTime: '09:30', endTime: '11:00' });
  const cancelled = await plan(app, b.id, { date: '2026-06-03' });
  await app.ok('meetings:transition', { id: cancelled.id, action: 'cancel', reason: 'Vazgeçildi.' });
  await plan(app, a.id, { date: '2026-07-01' });
  const izmir = unitOn(app.ctx, 'province', '35');
  const konak = await izmir.ok<{ id: string }>('orgUnits:createYouthCentre', { name: 'Konak Gençlik Merkezi', districtId: '35-konak', status: 'active' });
  await izmir.ok('meetings:create', { youthCentreId: konak.id, date: '2026-06-05', startTime: '10:00', endTime: '11:00', hall: 'Salon' });
  const w = app.ctx;
  w.db!.sqlite.transaction(() => {
    const base = { kind: 'BOLGE_CALISTAYI', region: null, venue: null, programme: '[]', findings: null };
    w.writer!.insert(workshopsSpec, 'ministry', { ...base, title: 'Ankara Bölge Çalıştayı', host_plate: '06', start_on: '2026-05-30', end_on: '2026-06-01' });
    w.writer!.insert(workshopsSpec, 'ministry', { ...base, title: 'Ulusal Gençlik Zirvesi', kind: 'ULUSAL_ZIRVE', host_plate: null, start_on: '2026-06-20', end_on: '2026-06-21' });
    w.writer!.insert(workshopsSpec, 'ministry', { ...base, title: 'İzmir Çalıştayı', host_plate: '35', start_on: '2026-06-15', end_on: '2026-06-16' });
    w.writer!.insert(workshopsSpec, 'ministry', { ...base, title: 'Eski Çalıştay', host_plate: '06', start_on: '2026-04-01', end_on: '2026-04-02' });
  })();
});
afterAll(() => app.close());

describe('meetings list', () => {
  it('a province sees its own meetings of the period by date and time, and the workshops overlapping it', async () => {
    const june = await app.ok<List>('meetings:list', { from: '2026-06-01', to: '2026-06-30' });
    expect(june.meetings.map((m) => [m.date, m.startTime, m.youthCentreName, m.state])).toEqual([
      ['2026-06-03', '14:00', 'Keçiören Gençlik Merkezi', 'IPTAL'],
      ['2026-06-10', '09:30', 'Keçiören Gençlik Merkezi', 'PLANLANDI'],
      ['2026-06-10', '14:00', 'Çankaya Gençlik Merkezi', 'PLANLANDI'],
    ]);
    expect(june.workshops.map((w) => w.title)).toEqual(['Ankara Bölge Çalıştayı', 'Ulusal Gençlik Zirvesi']);
    const planned = await app.ok<List>('meetings:list', { from: '2026-06-01', to: '2026-06-30', state: 'PLANLANDI' });
    expect(planned.meetings).toHaveLength(2);
    expect((await app.ok<{ code: string }>('meetings:list', { from: '2026-06-01', to: '2026-06-30', provincePlate: '35' }).catch((e: Error) => e.message))).toMatch(/FORBIDDEN/);
  });

  it('the ministry sees every province, or one', async () => {
    const ministry = unitOn(app.ctx, 'ministry', null);
    const all = await ministry.ok<List>('meetings:list', { from: '2026-06-01', to: '2026-06-30' });
    expect(all.meetings.map((m) => m.provincePlate)).toEqual(['06', '35', '06', '06']);
    expect(all.workshops).toHaveLength(3);
    const izmir = await ministry.ok<List>('meetings:list', { from: '2026-06-01', to: '2026-06-30', provincePlate: '35' });
    expect(izmir.meetings.map((m) => m.youthCentreName)).toEqual(['Konak Gençlik Merkezi']);
  });
});
