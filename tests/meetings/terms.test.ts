import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../shared/contract/meetings';
import { DEFAULT_MEETING_TERMS } from '../../shared/meetings/terms';
import { unitOn } from '../support/units';
import { rowOf } from '../integration/helpers';
import { createCentre, heldMeeting, meetingsApp, plan, refused, type MeetingsApp } from './fixture';

// Terms (three a year by default, ministry reference data) and the planner built on them.

let app: MeetingsApp;
afterAll(() => app.close());
beforeAll(async () => {
  app = await meetingsApp('province', '06', '2026-05-15');
});

type Planner = {
  currentTerm: { year: number; no: number };
  centres: { youthCentreId: string; name: string; cells: { no: number; state: string; meetingId: string | null }[]; overdue: boolean }[];
  counts: Record<string, number>;
};

describe('terms', () => {
  it.each([
    ['2026-01-01', 2026, 1], ['2026-04-30', 2026, 1], ['2026-05-01', 2026, 2], ['2026-08-31', 2026, 2],
    ['2026-09-01', 2026, 3], ['2026-12-31', 2026, 3], ['2027-01-01', 2027, 1], ['2028-02-29', 2028, 1],
  ])('a meeting on %s is in term %i/%i', async (date, year, no) => {
    const centre = await createCentre(app);
    const m = await plan(app, centre.id, { date });
    expect([m.termYear, m.termNo]).toEqual([year, no]);
    expect(rowOf(app, 'meetings', m.id)).toMatchObject({ term_year: year, term_no: no });
  });

  it('defaults until the ministry publishes; a ministry change recomputes every meeting\'s term', async () => {
    const fresh = await meetingsApp('province', '06', '2026-05-15');
    try {
      expect(await fresh.ok('meetings:terms', {})).toEqual({ terms: DEFAULT_MEETING_TERMS, updatedAt: null });
      const centre = await createCentre(fresh);
      const may = await plan(fresh, centre.id, { date: '2026-05-20' });
      const july = await plan(fresh, centre.id, { date: '2026-07-01', hall: 'Temmuz Salonu' });
      expect([may.termNo, july.termNo]).toEqual([2, 2]);

      const ministry = unitOn(fresh.ctx, 'ministry', null);
      const halves = [{ no: 1, fromMonth: 1, toMonth: 6 }, { no: 2, fromMonth: 7, toMonth: 12 }];
      const gap = await refused(fresh, 'meetings:setTerms', { terms: [{ no: 1, fromMonth: 1, toMonth: 5 }, { no: 2, fromMonth: 7, toMonth: 12 }] }, 'VALIDATION', (c, i) => ministry.invoke(c, i));
      expect(gap.message).toMatch(/2\. dönem 6\. ayda başlamalı/);
      await refused(fresh, 'meetings:setTerms', { terms: halves }, 'FORBIDDEN');

      const saved = await ministry.ok<{ terms: unknown; updatedAt: string | null }>('meetings:setTerms', { terms: halves });
      expect(saved.terms).toEqual(halves);
      expect(saved.updatedAt).not.toBeNull();
      expect((await fresh.ok<MeetingDetail>('meetings:get', { id: may.id })).termNo).toBe(1);
      expect((await fresh.ok<MeetingDetail>('meetings:get', { id: july.id })).termNo).toBe(2);
      // New meetings use the new terms too, and the planner has two cells a year.
      expect((await plan(fresh, centre.id, { date: '2026-06-30', hall: 'Haziran Salonu' })).termNo).toBe(1);
      const planner = await fresh.ok<Planner>('meetings:planner', { year: 2026 });
      expect(planner.centres[0]!.cells.map((c) => c.no)).toEqual([1, 2]);
      expect(planner.currentTerm).toEqual({ year: 2026, no: 1 });
    } finally {
      fresh.close();
    }
  });
});

describe('planner', () => {
  it('gives each active centre one cell per term: held, planned, overdue, missing or waiting, at the boundaries', async () => {
    const p = await meetingsApp('province', '06', '2026-03-10');
    try {
      const heldCentre = await createCentre(p, '06-cankaya', { name: 'Çankaya Gençlik Merkezi' });
      const lateCentre = await createCentre(p, '06-kecioren', { name: 'Keçiören Gençlik Merkezi' });
      const idleCentre = await createCentre(p, '06-altindag', { name: 'Altındağ Gençlik Merkezi' });
      const closedCentre = await createCentre(p, '06-mamak', { name: 'Mamak Gençlik Merkezi', status: 'closed' });
      expect(closedCentre.status).toBe('closed');
      const held = await heldMeeting(p, heldCentre.id, '2026-03-10');
      const laterPlan = await plan(p, heldCentre.id, { date: '2026-05-01' });
      const late = await plan(p, lateCentre.id, { date: '2026-04-30' });
      const cancelled = await plan(p, idleCentre.id, { date: '2026-04-20' });
      await p.ok('meetings:transition', { id: cancelled.id, action: 'cancel', reason: 'Vazgeçildi.' });

      const cells = async (today: string) => {
        p.clock.set(today);
        const planner = await p.ok<Planner>('meetings:planner', { year: 2026 });
        return { planner, byName: Object.fromEntries(planner.centres.map((c) => [c.name, c.cells.map((cell) => cell.state)])) };
      };

      let { planner, byName } = await cells('2026-04-30');
      // Turkish order, active centres only.
      expect(planner.centres.map((c) => c.name)).toEqual(['Altındağ Gençlik Merkezi', 'Çankaya Gençlik Merkezi', 'Keçiören Gençlik Merkezi']);
      expect(byName['Çankaya Gençlik Merkezi']).toEqual(['YAPILDI', 'PLANLANDI', 'BEKLIYOR']);
      expect(byName['Keçiören Gençlik Merkezi']).toEqual(['PLANLANDI', 'BEKLIYOR', 'BEKLIYOR']); // on its day: not late yet
      expect(byName['Altındağ Gençlik Merkezi']).toEqual(['BEKLIYOR', 'BEKLIYOR', 'BEKLIYOR']); // term 1 ends today, cancelled does not count
      expect(planner.currentTerm).toEqual({ year: 2026, no: 1 });
      expect(planner.centres.find((c) => c.name.startsWith('Çankaya'))!.cells[0]!.meetingId).toBe(held.id);

      ({ planner, byName } = await cells('2026-05-01'));
      expect(byName['Çankaya Gençlik Merkezi']).toEqual(['YAPILDI', 'PLANLANDI', 'BEKLIYOR']);
      expect(byName['Keçiören Gençlik Merkezi']).toEqual(['GECIKTI', 'BEKLIYOR', 'BEKLIYOR']);
      expect(byName['Altındağ Gençlik Merkezi']).toEqual(['EKSIK', 'BEKLIYOR', 'BEKLIYOR']);
      expect(planner.currentTerm).toEqual({ year: 2026, no: 2 });
      expect(planner.counts).toEqual({ YAPILDI: 1, PLANLANDI: 1, GECIKTI: 1, EKSIK: 1, BEKLIYOR: 5 });
      expect(planner.centres.map((c) => c.overdue)).toEqual([true, false, true]);

      ({ byName } = await cells('2026-05-02'));
      expect(byName['Çankaya Gençlik Merkezi']).toEqual(['YAPILDI', 'GECIKTI', 'BEKLIYOR']);
      await p.ok('meetings:transition', { id: laterPlan.id, action: 'hold' });
      await p.ok('meetings:transition', { id: late.id, action: 'postpone', reason: 'Salon dolu.' });
      ({ byName } = await cells('2027-01-01'));
      expect(byName['Çankaya Gençlik Merkezi']).toEqual(['YAPILDI', 'YAPILDI', 'EKSIK']);
      expect(byName['Keçiören Gençlik Merkezi']).toEqual(['EKSIK', 'EKSIK', 'EKSIK']); // a postponed meeting is not a plan
      ({ byName } = await cells('2026-12-31'));
      expect(byName['Çankaya Gençlik Merkezi']).toEqual(['YAPILDI', 'YAPILDI', 'BEKLIYOR']);
    } finally {
      p.close();
    }
  });

  it('the ministry must name the province; a province sees its own by default', async () => {
    const ministry = unitOn(app.ctx, 'ministry', null);
    expect((await ministry.fail('meetings:planner', { year: 2026 })).code).toBe('VALIDATION');
    const ankara = await ministry.ok<{ provinceName: string }>('meetings:planner', { year: 2026, provincePlate: '06' });
    expect(ankara.provinceName).toBe('Ankara');
    expect((await app.ok<{ provincePlate: string }>('meetings:planner', { year: 2026 })).provincePlate).toBe('06');
  });
});
