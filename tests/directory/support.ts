import { isValidVkn } from '../../shared/identifiers';
import type { OrganisationDetail, CreateOrganisationInput } from '../../shared/contract/directory';
import type { Row } from '../../db/changeLog/writer';
import { organisationsSpec } from '../../db/directory/specs';
import type { TestApp } from '../support/app';

// Helpers for the directory suites: valid VKNs, quick creates, and rows "received" from another unit
// (written through this installation's change writer with another owner, as an exchange file would).

export function vkn(prefix: string): string {
  for (let d = 0; d <= 9; d++) if (isValidVkn(`${prefix}${d}`)) return `${prefix}${d}`;
  throw new Error(`no VKN for ${prefix}`);
}

export function createOrg(app: TestApp, input: Partial<CreateOrganisationInput> & { name: string }): Promise<OrganisationDetail> {
  return app.ok<OrganisationDetail>('directory:create', { kind: 'STK', subtype: 'DERNEK', provincePlate: '06', ...input });
}

export function getOrg(app: TestApp, id: string): Promise<OrganisationDetail> {
  return app.ok<OrganisationDetail>('directory:get', { id });
}

export function db(app: TestApp) {
  return app.ctx.db!.sqlite;
}

/** A row owned by another unit, as if it had arrived through an exchange file. */
export function foreignRow(app: TestApp, spec: { name: string; columns: readonly string[] }, owner: string, values: Row): string {
  const writer = app.ctx.writer!;
  return db(app).transaction(() => String(writer.insert(spec as typeof organisationsSpec, owner, values).id))();
}

export function foreignOrganisation(app: TestApp, owner: string, name: string, extra: Row = {}): string {
  return foreignRow(app, organisationsSpec, owner, { kind: 'STK', subtype: 'DERNEK', name, province_plate: '06', activity_areas: '[]', youth_focus: 0, ...extra });
}

/** A youth centre meeting with one participant of `organisationId` (raw rows: the meetings module is separate). */
export function meetingWith(app: TestApp, centreId: string, organisationId: string, options: { owner?: string; attended?: boolean; date?: string; name?: string } = {}) {
  const now = '2026-01-01T00:00:00.000Z';
  const owner = options.owner ?? centreId;
  const meetingId = crypto.randomUUID();
  db(app)
    .prepare(`INSERT INTO meetings (id, owner_unit, created_at, updated_at, deleted_at, youth_centre_id, province_plate, date, start_time, end_time, hall, state, term_year, term_no)
              VALUES (?, ?, ?, ?, NULL, ?, '06', ?, '10:00', '12:00', 'Salon', 'TAMAMLANDI', 2026, 1)`)
    .run(meetingId, owner, now, now, centreId, options.date ?? '2026-01-10');
  db(app)
    .prepare(`INSERT INTO meeting_participants (id, owner_unit, created_at, updated_at, deleted_at, meeting_id, kind, full_name, organisation_id, invited, attended, walk_in, person_key)
              VALUES (?, ?, ?, ?, NULL, ?, 'STK', ?, ?, 1, ?, 0, ?)`)
    .run(crypto.randomUUID(), owner, now, now, meetingId, options.name ?? 'Katılımcı Kişi', organisationId, options.attended === false ? 0 : 1, 'katilimci kisi');
  return meetingId;
}

export function workshopWith(app: TestApp, organisationId: string, title = 'Karadeniz Bölge Çalıştayı') {
  const now = '2026-01-01T00:00:00.000Z';
  const workshopId = crypto.randomUUID();
  db(app)
    .prepare(`INSERT INTO workshops (id, owner_unit, created_at, updated_at, deleted_at, kind, title, region, host_plate, start_on, end_on, venue, programme, findings)
              VALUES (?, 'ministry', ?, ?, NULL, 'BOLGE_CALISTAYI', ?, 'Karadeniz', '61', '2026-02-01', '2026-02-02', NULL, '[]', NULL)`)
    .run(workshopId, now, now, title);
  db(app)
    .prepare(`INSERT INTO workshop_participants (id, owner_unit, created_at, updated_at, deleted_at, workshop_id, organisation_id, organisation_name, province_plate, full_name, title)
              VALUES (?, 'ministry', ?, ?, NULL, ?, ?, NULL, '06', 'Çalıştay Katılımcısı', NULL)`)
    .run(crypto.randomUUID(), now, now, workshopId, organisationId);
  return workshopId;
}
