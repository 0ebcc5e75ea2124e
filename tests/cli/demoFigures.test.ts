import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../shared/contract/reports';
import { fillDemoData } from '../../electron/cli/demo';
import { PUBLISHED } from '../../electron/cli/demoRelations';
import { setupApp, type TestApp } from '../support/app';

// `kopru demo` at the ministry builds a national data set from which the department's published figures come
// out of the reports (issue #5): 1,650 CSOs from 81 provinces at the regional workshops in 7 regions and 21
// provinces; consultation meetings in 46 provinces with 848 CSO representatives, the first in Erzurum.
// The figures are read through reports:figures — the same channel the Reports screen uses — so a change in
// a definition or in the demo that breaks them fails here.

let app: TestApp;
const figure = (report: Report, key: string) => report.figures.find((f) => f.key === key)?.value;

beforeAll(async () => {
  app = await setupApp('ministry');
  // The registry part and the meetings after 2019 are not needed for these figures and take minutes.
  process.env.KOPRU_DEMO_ASSOCIATIONS_PER_PROVINCE = '0';
  process.env.KOPRU_DEMO_MEETINGS_UNTIL = '2020';
  try {
    await fillDemoData(app.ctx);
  } finally {
    delete process.env.KOPRU_DEMO_ASSOCIATIONS_PER_PROVINCE;
    delete process.env.KOPRU_DEMO_MEETINGS_UNTIL;
  }
}, 600_000);
afterAll(() => app?.close());

describe('the national demo reproduces the published figures', () => {
  it('regional workshops 07.11.2017–08.11.2018: 1,650 CSOs from 81 provinces, 7 regions, 21 host provinces', async () => {
    const report = await app.ok<Report>('reports:figures', { from: PUBLISHED.workshops.from, to: PUBLISHED.workshops.to, scope: { level: 'national' } });
    expect(figure(report, 'workshops')).toBe(21);
    expect(figure(report, 'workshopOrganisations')).toBe(1650);
    expect(figure(report, 'workshopParticipants')).toBe(1650);
    expect(figure(report, 'workshopProvincesCovered')).toBe(81);
    expect(figure(report, 'workshopRegions')).toBe(7);
    expect(figure(report, 'workshopHostProvinces')).toBe(21);
    expect(report.workshopsByRegion.map((r) => r.region).sort()).toHaveLength(7);
    // The national summit (05.02.2019) is not a regional workshop and falls outside the period.
    const withSummit = await app.ok<Report>('reports:figures', { from: '2017-01-01', to: '2019-12-31', scope: { level: 'national' } });
    expect(figure(withSummit, 'workshops')).toBe(22);
  });

  it('consultation meetings in 2019: 46 provinces, 848 CSO representatives, the first in Erzurum', async () => {
    const report = await app.ok<Report>('reports:figures', { from: PUBLISHED.meetings.from, to: PUBLISHED.meetings.to, scope: { level: 'national' } });
    expect(figure(report, 'provincesWithMeeting')).toBe(46);
    expect(figure(report, 'csoRepresentatives')).toBe(848);
    expect(figure(report, 'csoAttendances')).toBe(848);
    expect(report.firstMeeting?.provinceName).toBe('Erzurum');
    expect(report.breakdown?.level).toBe('region');
  });

  it('the series goes on after 2019: more provinces, and returning representatives make attendances exceed unique people', async () => {
    const report = await app.ok<Report>('reports:figures', { from: '2019-01-01', to: '2020-12-31', scope: { level: 'national' } });
    expect(figure(report, 'provincesWithMeeting')).toBeGreaterThan(46);
    expect(figure(report, 'csoAttendances')!).toBeGreaterThan(figure(report, 'csoRepresentatives')!);
    const erzurum = await app.ok<Report>('reports:figures', { from: '2019-01-01', to: '2019-12-31', scope: { level: 'province', provincePlate: '25' } });
    expect(erzurum.firstMeeting?.date).toBe('2019-03-14');
  });
});
