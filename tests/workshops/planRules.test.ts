import { describe, expect, it } from 'vitest';
import { workshopPlanIssues } from '../../shared/meetings/workshops';

// The workshop plan's cross-field rules, shared by the handler and the form (which shows them before sending).

describe('workshopPlanIssues', () => {
  const plan = { kind: 'BOLGE_CALISTAYI' as const, region: 'İç Anadolu', hostPlate: '06', startOn: '2026-05-04', endOn: '2026-05-05' };

  it('accepts a regional workshop hosted in its region', () => {
    expect(workshopPlanIssues(plan)).toEqual([]);
  });

  it('finds every problem at once: no region, a host elsewhere is then fine, the end before the start', () => {
    const paths = workshopPlanIssues({ ...plan, region: null, endOn: '2026-05-01' }).map((i) => i.path);
    expect(paths).toEqual(['region', 'endOn']);
    const far = workshopPlanIssues({ ...plan, hostPlate: '35' });
    expect(far.map((i) => i.path)).toEqual(['hostPlate']);
    expect(workshopPlanIssues({ ...plan, hostPlate: '99' }).map((i) => i.path)).toEqual(['hostPlate']);
  });

  it('a national summit has no region', () => {
    expect(workshopPlanIssues({ ...plan, kind: 'ULUSAL_ZIRVE' }).map((i) => i.path)).toEqual(['region']);
    expect(workshopPlanIssues({ ...plan, kind: 'ULUSAL_ZIRVE', region: null })).toEqual([]);
  });

  it('leaves unreadable dates to the date fields', () => {
    expect(workshopPlanIssues({ ...plan, startOn: '', endOn: '2026-05-01' })).toEqual([]);
  });
});
