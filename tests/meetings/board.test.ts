import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardParams, boardSql, meetingBoard, termsOf } from '../../db/meetings/queries';
import { unitOn } from '../support/units';
import { createCentre, heldMeeting, meetingsApp, plan, type MeetingsApp } from './fixture';

// The ministry board against a hand-built data set (Ankara and İzmir, today 15.06.2026), checked against
// the planner's per-centre verdicts, and its query plan (indexes, no per-centre queries).

let app: MeetingsApp;
type Board = {
  year: number;
  currentTerm: { year: number; no: number };
  terms: number[];
  provinces: { plate: string; name: string; region: string; centres: number; heldByTerm: number[]; overdueCentres: number }[];
  totals: { centres: number; heldByTerm: number[]; overdueCentres: number; provincesWithMeeting: number };
};

beforeAll(async () => {
  app = await meetingsApp('province', '06', '2026-06-15');
  const a = await createCentre(app, '06-cankaya');
  const b = await createCentre(app, '06-kecioren');
  const c = await createCentre(app, '06-mamak');
  const d = await createCentre(app, '06-sincan');
  await heldMeeting(app, a.id, '2026-02-10'); // A: term 1 held, term 2 not planned yet (not overdue)
  await heldMeeting(app, a.id, '2025-10-10'); // another year: not counted
  await plan(app, b.id, { date: '2026-06-01' }); // B: term 1 missing, term 2 late → overdue
  await heldMeeting(app, c.id, '2026-03-01'); // C: term 1 held, term 2 planned in July → fine
  await plan(app, c.id, { date: '2026-07-01' });
  const cancelled = await plan(app, c.id, { date: '2026-05-02', hall: 'Küçük Salon' });
  await app.ok('meetings:transition', { id: cancelled.id, action: 'cancel', reason: 'Vazgeçildi.' });
  await heldMeeting(app, d.id, '2026-01-20'); // D: held, then closed → not counted
  await app.ok('orgUnits:updateYouthCentre', { id: d.id, status: 'closed' });

  const izmir = unitOn(app.ctx, 'province', '35');
  const e = await izmir.ok<{ id: string }>('orgUnits:createYouthCentre', { name: 'Konak Gençlik Merkezi', districtId: '35-konak', status: 'active' });
  const held = await izmir.ok<{ id: string }>('meetings:create', { youthCentreId: e.id, date: '2026-05-05', startTime: '10:00', endTime: '12:00', hall: 'Salon' });
  await izmir.ok('meetings:transition', { id: held.id, action: 'hold' }); // E: term 1 missing (overdue), term 2 held
});
afterAll(() => app.close());

describe('meetings board', () => {
  it('counts centres, centres that held a meeting per term, overdue centres and provinces with a meeting', async () => {
    const board = await app.ok<Board>('meetings:board', { year: 2026 });
    expect(board.terms).toEqual([1, 2, 3]);
    expect(board.currentTerm).toEqual({ year: 2026, no: 2 });
    expect(board.provinces).toHaveLength(81);
    const ankara = board.provinces.find((p) => p.plate === '06')!;
    const izmir = board.provinces.find((p) => p.plate === '35')!;
    expect(ankara).toMatchObject({ name: 'Ankara', centres: 3, heldByTerm: [2, 0, 0], overdueCentres: 1 });
    expect(izmir).toMatchObject({ name: 'İzmir', centres: 1, heldByTerm: [0, 1, 0], overdueCentres: 1 });
    expect(board.provinces.find((p) => p.plate === '34')).toMatchObject({ centres: 0, heldByTerm: [0, 0, 0], overdueCentres: 0 });
    expect(board.totals).toEqual({ centres: 4, heldByTerm: [2, 1, 0], overdueCentres: 2, provincesWithMeeting: 2 });

    const lastYear = await app.ok<Board>('meetings:board', { year: 2025 });
    // 2025: every finished term without a held meeting is missing; A held in term 3.
    expect(lastYear.provinces.find((p) => p.plate === '06')).toMatchObject({ centres: 3, heldByTerm: [0, 0, 1], overdueCentres: 3 });
    expect(lastYear.totals.provincesWithMeeting).toBe(1);
  });

  it('filters by region', async () => {
    const all = await app.ok<Board>('meetings:board', { year: 2026 });
    const region = all.provinces.find((p) => p.plate === '06')!.region;
    const filtered = await app.ok<Board>('meetings:board', { year: 2026, region });
    expect(filtered.provinces.map((p) => p.region).every((r) => r === region)).toBe(true);
    expect(filtered.provinces.map((p) => p.plate)).toContain('06');
    expect(filtered.provinces.map((p) => p.plate)).not.toContain('35');
    expect(filtered.totals.centres).toBe(3);
  });

  it('agrees with the planner on every centre, whatever today is', async () => {
    for (const today of ['2026-04-30', '2026-05-01', '2026-06-01', '2026-06-02', '2026-09-01', '2027-01-01']) {
      app.clock.set(today);
      for (const plate of ['06', '35']) {
        const planner = await app.ok<{ centres: { overdue: boolean; cells: { state: string }[] }[] }>('meetings:planner', { year: 2026, provincePlate: plate });
        const board = meetingBoard(app.ctx.db!, 2026, today).provinces.find((p) => p.plate === plate)!;
        expect(board.overdueCentres, `${plate} ${today}`).toBe(planner.centres.filter((c) => c.overdue).length);
        expect(board.heldByTerm).toEqual([0, 1, 2].map((i) => planner.centres.filter((c) => c.cells[i]!.state === 'YAPILDI').length));
      }
    }
    app.clock.set('2026-06-15');
  });

  it('is one set-based query that reads meetings through an index', () => {
    const plan = app.ctx.db!.sqlite
      .prepare(`EXPLAIN QUERY PLAN ${boardSql(termsOf(app.ctx.db!))}`)
      .all(boardParams(termsOf(app.ctx.db!), 2026, '2026-06-15', null)) as { detail: string }[];
    const details = plan.map((p) => p.detail);
    expect(details.some((d) => /meetings USING (COVERING )?INDEX meetings_(term_state|province_term)/.test(d)), details.join('\n')).toBe(true);
    expect(details.some((d) => /^SCAN meetings$/.test(d)), details.join('\n')).toBe(false);
    expect(details.some((d) => /CORRELATED/.test(d)), details.join('\n')).toBe(false);
  });

  it('is open to the ministry and provinces only', async () => {
    const ministry = unitOn(app.ctx, 'ministry', null);
    expect((await ministry.ok<Board>('meetings:board', { year: 2026 })).totals.centres).toBe(4);
    const centre = unitOn(app.ctx, 'youth-center', '06');
    expect((await centre.fail('meetings:board', { year: 2026 })).code).toBe('FORBIDDEN');
  });
});
