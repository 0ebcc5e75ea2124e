import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrganisationDetail, OrganisationSummary } from '../../shared/contract/directory';
import type { MeetingDetail } from '../../shared/contract/meetings';
import { fillDemoData } from '../../electron/cli/demo';
import { createCentre, heldMeeting, meetingsApp, plan, refused, type MeetingsApp } from './fixture';

// Issue #17: the meeting's organisation picker (invitees, walk-ins, requests) offers registered associations that
// have no directory record yet, marked as the registry's; picking one adds it to the directory
// (`directory:addFromRegistry`) and the meeting refers to that directory record. The calls below are the ones the
// picker makes (renderer/features/meetings/ParticipantForm.tsx, OrganisationInput).

let app: MeetingsApp;
let centreId: string;
type Page = { total: number; rows: OrganisationSummary[] };
const sql = <T>(query: string, ...params: unknown[]) => app.ctx.db!.sqlite.prepare(query).all(...params) as T[];

beforeAll(async () => {
  app = await meetingsApp('province', '06', '2026-05-15');
  await fillDemoData(app.ctx, { associationsPerProvince: 12, meetingsUntil: 2019 });
  centreId = (await createCentre(app)).id;
}, 180_000);
afterAll(() => app.close());

/** A registered association of the province that no directory record names. */
function registryOnly(skip = 0) {
  return sql<{ id: string; name: string }>(
    `SELECT id, name FROM associations a WHERE a.deleted_at IS NULL AND a.status = 'TESCILLI' AND a.province_plate = '06'
       AND NOT EXISTS (SELECT 1 FROM organisations o WHERE o.association_id = a.id AND o.deleted_at IS NULL) ORDER BY a.sort_key LIMIT 1 OFFSET ?`,
    skip,
  )[0]!;
}

/** What the picker asks for a typed text. */
const offered = (query: string) => app.ok<Page>('directory:search', { query, limit: 20, withRegistry: true });

describe('the organisation picker of a meeting', () => {
  it('offers a registered association with no directory record, marked as the registry’s; the meeting takes it only once it is in the directory', async () => {
    const association = registryOnly();
    const typed = association.name.split(' ').slice(0, 2).join(' ').toLocaleLowerCase('tr-TR');
    const option = (await offered(typed)).rows.find((r) => r.id === association.id);
    expect(option).toMatchObject({ name: association.name, registryOnly: true, associationId: association.id, kind: 'STK' });

    // An association's id is not a directory organisation: a meeting refuses it, which is why the picker links first.
    const m = await plan(app, centreId);
    const error = await refused(app, 'meetings:saveParticipants', { meetingId: m.id, participants: [{ kind: 'STK', fullName: 'Derya Aksoy', organisationId: association.id, invited: true }] }, 'VALIDATION');
    expect(error.issues?.[0]?.path).toMatch(/organisationId$/);

    // Picking it: the directory record is made from the registry and linked to it; the invitee refers to it.
    const organisation = await app.ok<OrganisationDetail>('directory:addFromRegistry', { associationId: association.id });
    expect(organisation).toMatchObject({ name: association.name, associationId: association.id, kind: 'STK', subtype: 'DERNEK' });
    const saved = await app.ok<MeetingDetail>('meetings:saveParticipants', { meetingId: m.id, participants: [{ kind: 'STK', fullName: 'Derya Aksoy', organisationId: organisation.id, invited: true }] });
    expect(saved.participants).toEqual([expect.objectContaining({ fullName: 'Derya Aksoy', organisationId: organisation.id, organisationName: association.name, invited: true })]);

    // From now on the picker offers the directory record, once, and no longer the registry's.
    const after = (await offered(typed)).rows.filter((r) => r.associationId === association.id);
    expect(after.map((r) => [r.id, r.registryOnly ?? false])).toEqual([[organisation.id, false]]);
  });

  it('picking the same association again (another meeting, another clerk’s pick) links the same record: one directory organisation', async () => {
    const association = registryOnly(1);
    const first = await app.ok<OrganisationDetail>('directory:addFromRegistry', { associationId: association.id });
    const second = await app.ok<OrganisationDetail>('directory:addFromRegistry', { associationId: association.id });
    expect(second.id).toBe(first.id);
    expect(sql('SELECT id FROM organisations WHERE association_id = ? AND deleted_at IS NULL', association.id)).toHaveLength(1);
    const m = await heldMeeting(app, centreId, '2026-05-14', { hall: 'Toplantı Odası' });
    const detail = await app.ok<MeetingDetail>('meetings:saveRequest', { meetingId: m.id, category: 'DIGER', organisationId: second.id, text: 'Salon kullanım talebi.' });
    expect(detail.requests).toEqual([expect.objectContaining({ organisationId: first.id, organisationName: association.name })]);
  });
});
