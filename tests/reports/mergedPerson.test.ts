import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FigureKey, Report } from '../../shared/contract/reports';
import { ANONYMOUS_NAME } from '../../shared/privacy/retention';
import { meetingParticipantsSpec, meetingsSpec } from '../../db/meetings/specs';
import { youthCentresSpec } from '../../db/orgUnits/queries';
import { setupApp, type TestApp } from '../support/app';

// Issue #17: after two CSOs are merged, a representative who came once for each counts once among the unique
// representatives, as the organisations count once among the unique CSOs; and still once after retention has
// anonymised the names (the key carries the person, the report resolves the organisation).

let app: TestApp;
const PERIOD = { from: '2024-01-01', to: '2024-12-31' };

beforeAll(async () => {
  app = await setupApp('province', { plate: '06' });
});
afterAll(() => app.close());

async function figures(): Promise<Record<FigureKey, number>> {
  const report = await app.ok<Report>('reports:figures', { ...PERIOD, scope: { level: 'province', provincePlate: '06' } });
  return Object.fromEntries(report.figures.map((f) => [f.key, f.value])) as Record<FigureKey, number>;
}

describe('unique representatives across a merge of their organisations', () => {
  it('counts one person once after the merge, and keeps counting once after the names are anonymised', async () => {
    const first = (await app.ok<{ id: string }>('directory:create', { kind: 'STK', name: 'Çankaya Gönüllü Gençler Derneği', provincePlate: '06' })).id;
    const second = (await app.ok<{ id: string }>('directory:create', { kind: 'STK', name: 'Çankaya Gönüllü Gençlik Derneği', provincePlate: '06' })).id;
    const other = (await app.ok<{ id: string }>('directory:create', { kind: 'STK', name: 'Keçiören Kültür Derneği', provincePlate: '06' })).id;
    // Two meetings of a centre, as they arrive from it: Şule came for each of the two records, Ömer for a third.
    const { db, writer } = app.ctx;
    const district = (db!.stmt("SELECT id FROM districts WHERE plate = '06' ORDER BY sort_key LIMIT 1").get() as { id: string }).id;
    db!.sqlite.transaction(() => {
      const centre = String(writer!.insert(youthCentresSpec, 'province:06', { province_plate: '06', district_id: district, name: 'Birleşme Gençlik Merkezi', status: 'active' }).id);
      const meeting = (date: string) =>
        String(writer!.insert(meetingsSpec, centre, { youth_centre_id: centre, province_plate: '06', date, start_time: '14:00', end_time: '16:00', hall: 'Salon', state: 'YAPILDI' }).id);
      const person = (meetingId: string, full_name: string, organisation_id: string) =>
        writer!.insert(meetingParticipantsSpec, centre, { meeting_id: meetingId, kind: 'STK', invited: 1, attended: 1, walk_in: 0, full_name, organisation_id });
      const march = meeting('2024-03-05');
      person(march, 'Şule İnce', first);
      person(march, 'Ömer Işık', other);
      const july = meeting('2024-07-09');
      person(july, 'ŞULE İNCE', second);
      person(july, 'Ömer Işık', other);
    })();

    const before = await figures();
    expect(before).toMatchObject({ csoAttendances: 4, csoRepresentatives: 3, uniqueCsos: 3 });

    await app.ok('directory:merge', { keepId: first, mergeId: second });
    const merged = await figures();
    expect(merged).toMatchObject({ csoAttendances: 4, csoRepresentatives: 2, uniqueCsos: 2 });

    // Retention anonymises the names as the owning centre's destruction run writes it (db/privacy/destruction.ts).
    const rows = db!.stmt('SELECT id FROM meeting_participants').all() as { id: string }[];
    db!.sqlite.transaction(() => {
      for (const { id } of rows) writer!.update(meetingParticipantsSpec, id, { full_name: ANONYMOUS_NAME });
    })();
    const names = db!.stmt('SELECT DISTINCT full_name AS n FROM meeting_participants').all() as { n: string }[];
    expect(names).toEqual([{ n: ANONYMOUS_NAME }]);
    expect(await figures()).toMatchObject({ csoAttendances: 4, csoRepresentatives: 2, uniqueCsos: 2 });
  });
});
