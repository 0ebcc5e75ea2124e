import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { Envelope } from '../../shared/contract';
import type { OrganisationDetail } from '../../shared/contract/directory';
import type { YouthCentre } from '../../shared/contract/orgUnits';
import type { AssociationDetail } from '../../shared/contract/registry';
import { expectNotInternal, failure, readRows, value } from './support';

// What crosses the IPC boundary, run the same way in this process (faults.test.ts) and through the shipped
// worker's structured clone (worker.test.ts), which keeps keys whose value is undefined where JSON drops them.
// Each function asserts; they take the transport's invoke.

type Call = (channel: string, input: unknown) => Promise<Envelope<unknown>>;

/** The answer, or what was thrown instead of one (invoke must never throw), as an envelope the test can show. */
async function answer(invoke: Call, channel: string, input: unknown): Promise<Envelope<unknown>> {
  try {
    return await invoke(channel, input);
  } catch (error) {
    return { ok: false, error: { code: 'THREW' as never, message: `invoke threw instead of answering: ${String(error)}` } };
  }
}

export interface BoundaryFixture {
  centre: YouthCentre;
  association: AssociationDetail;
  organisation: OrganisationDetail;
}

/** A youth centre, an association and a directory record with every field that matters here filled in. */
export async function boundaryFixture(invoke: Call): Promise<BoundaryFixture> {
  const centre = value<YouthCentre>(
    await invoke('orgUnits:createYouthCentre', { name: 'Keçiören Gençlik Merkezi', districtId: '06-kecioren', status: 'active', hallCapacity: 120, address: 'Kızlarpınarı Cad. No:1' }),
  );
  const association = value<AssociationDetail>(
    await invoke('registry:create', {
      name: 'Etimesgut Doğa Sporları Gençlik Kulübü', shortName: 'EDS', clubType: 'GENCLIK_KULUBU', districtId: '06-etimesgut', activityAreas: ['SPOR', 'CEVRE'], memberCount: 40,
    }),
  );
  const organisation = value<OrganisationDetail>(
    await invoke('directory:create', { kind: 'STK', name: 'Mamak Gönüllü Gençlik Derneği', provincePlate: '06', activityAreas: ['GONULLULUK'], youthFocus: true, shortName: 'MGGD' }),
  );
  return { centre, association, organisation };
}

const NOT_NULL: Record<string, string[]> = {
  youth_centres: ['name', 'district_id', 'province_plate', 'status'],
  associations: ['name', 'club_type', 'district_id', 'province_plate'],
  organisations: ['name', 'kind', 'province_plate'],
};

/** Change-log entries that wrote NULL into a NOT NULL field of a row. */
function nullsWritten(dbPath: string, table: string, row: string): unknown[] {
  const columns = NOT_NULL[table]!;
  return readRows(dbPath, `SELECT column_name, value FROM change_log WHERE table_name = ? AND row_id = ? AND value = 'null' AND column_name IN (${columns.map(() => '?').join(', ')})`, table, row, ...columns);
}

const rowCount = (dbPath: string, table: string) => readRows<{ n: number }>(dbPath, `SELECT count(*) AS n FROM ${table}`)[0]!.n;

/** Required / NOT NULL fields sent as undefined to the three update channels and to the creates. */
export async function undefinedRequiredCases(invoke: Call, dbPath: string, { centre, association, organisation }: BoundaryFixture): Promise<void> {
  const updates: { channel: string; input: Record<string, unknown>; get: [string, string]; table: string; id: string; fields: string[]; before: Record<string, unknown> }[] = [
    {
      channel: 'orgUnits:updateYouthCentre',
      input: { id: centre.id, name: undefined, districtId: undefined, status: undefined, hallCapacity: undefined, address: undefined },
      get: ['orgUnits:getYouthCentre', centre.id],
      table: 'youth_centres',
      id: centre.id,
      fields: ['name', 'districtId', 'status', 'hallCapacity', 'address'],
      before: centre,
    },
    {
      channel: 'registry:update',
      input: { id: association.id, name: undefined, clubType: undefined, districtId: undefined, memberCount: undefined },
      get: ['registry:get', association.id],
      table: 'associations',
      id: association.id,
      fields: ['name', 'clubType', 'districtId', 'memberCount', 'shortName'],
      before: association,
    },
    {
      channel: 'directory:update',
      input: { id: organisation.id, name: undefined, kind: undefined, provincePlate: undefined, shortName: undefined },
      get: ['directory:get', organisation.id],
      table: 'organisations',
      id: organisation.id,
      fields: ['name', 'kind', 'provincePlate', 'shortName'],
      before: organisation,
    },
  ];
  for (const update of updates) {
    const answer = await invoke(update.channel, update.input);
    expectNotInternal(answer, update.channel);
    if (!answer.ok) expect(answer.error.code, update.channel).toBe('VALIDATION');
    const after = value<Record<string, unknown>>(await invoke(update.get[0], { id: update.get[1] }));
    for (const field of update.fields) expect(after[field], `${update.channel}: ${field}`).toEqual(update.before[field]);
    expect(nullsWritten(dbPath, update.table, update.id), update.channel).toEqual([]);
  }

  const creates: [string, Record<string, unknown>, string, string][] = [
    ['orgUnits:createYouthCentre', { name: undefined, districtId: '06-cankaya', status: 'active' }, 'name', 'youth_centres'],
    ['orgUnits:createYouthCentre', { name: 'Tanımsız İlçe Gençlik Merkezi', districtId: undefined, status: 'active' }, 'districtId', 'youth_centres'],
    ['registry:create', { name: undefined, clubType: 'GENCLIK_KULUBU', districtId: '06-cankaya' }, 'name', 'associations'],
    ['registry:create', { name: 'Tanımsız Türlü Gençlik Kulübü', clubType: undefined, districtId: '06-cankaya' }, 'clubType', 'associations'],
    ['directory:create', { kind: 'STK', name: undefined, provincePlate: '06' }, 'name', 'organisations'],
    ['directory:create', { kind: 'STK', name: 'Tanımsız İlli Dernek', provincePlate: undefined }, 'provincePlate', 'organisations'],
  ];
  for (const [channel, input, field, table] of creates) {
    const before = rowCount(dbPath, table);
    const error = failure(await invoke(channel, input));
    expect(error.code, `${channel} without ${field}`).toBe('VALIDATION');
    expect(error.issues?.map((i) => i.path), `${channel} without ${field}`).toContain(field);
    expect(rowCount(dbPath, table), `${channel} without ${field}`).toBe(before);
  }
}

/**
 * Fields with a default in the contract (activity areas, youth focus) sent as undefined, or simply left out of
 * an update that changes something else: the design treats them as absent, so the stored value stays.
 */
export async function undefinedDefaultsCases(invoke: Call, { centre, association, organisation }: BoundaryFixture): Promise<void> {
  expect(association.activityAreas).toEqual(['SPOR', 'CEVRE']);
  expect(organisation.activityAreas).toEqual(['GONULLULUK']);
  expect(organisation.youthFocus).toBe(true);

  expectNotInternal(await invoke('registry:update', { id: association.id, activityAreas: undefined, name: undefined }));
  expect.soft(value<AssociationDetail>(await invoke('registry:get', { id: association.id })).activityAreas, 'registry:update {activityAreas: undefined}').toEqual(['SPOR', 'CEVRE']);
  value(await invoke('registry:update', { id: association.id, shortName: 'EDSGK' }));
  const changed = value<AssociationDetail>(await invoke('registry:get', { id: association.id }));
  expect(changed.shortName).toBe('EDSGK');
  expect.soft(changed.activityAreas, 'registry:update {shortName} only').toEqual(['SPOR', 'CEVRE']);

  expectNotInternal(await invoke('directory:update', { id: organisation.id, activityAreas: undefined, youthFocus: undefined }));
  const org = value<OrganisationDetail>(await invoke('directory:get', { id: organisation.id }));
  expect.soft({ activityAreas: org.activityAreas, youthFocus: org.youthFocus }, 'directory:update {activityAreas, youthFocus: undefined}').toEqual({ activityAreas: ['GONULLULUK'], youthFocus: true });
  value(await invoke('directory:update', { id: organisation.id, shortName: 'MGD' }));
  const org2 = value<OrganisationDetail>(await invoke('directory:get', { id: organisation.id }));
  expect(org2.shortName).toBe('MGD');
  expect.soft({ activityAreas: org2.activityAreas, youthFocus: org2.youthFocus }, 'directory:update {shortName} only').toEqual({ activityAreas: ['GONULLULUK'], youthFocus: true });

  // The same shape of contract (an update schema made by .partial() over fields with a default): a meeting's agenda.
  type Meeting = { id: string; hall: string; agenda: { title: string }[] };
  const meeting = value<Meeting>(
    await invoke('meetings:create', { youthCentreId: centre.id, date: '2027-03-10', startTime: '14:00', endTime: '16:00', hall: 'Konferans Salonu', agenda: ['Açılış', 'Gençlik projeleri'] }),
  );
  const titles = (m: Meeting) => m.agenda.map((a) => a.title);
  expect(titles(meeting)).toEqual(['Açılış', 'Gençlik projeleri']);
  expectNotInternal(await invoke('meetings:update', { id: meeting.id, agenda: undefined }));
  expect.soft(titles(value<Meeting>(await invoke('meetings:get', { id: meeting.id }))), 'meetings:update {agenda: undefined}').toEqual(['Açılış', 'Gençlik projeleri']);
  value(await invoke('meetings:update', { id: meeting.id, hall: 'Büyük Salon' }));
  const moved = value<Meeting>(await invoke('meetings:get', { id: meeting.id }));
  expect(moved.hall).toBe('Büyük Salon');
  expect.soft(titles(moved), 'meetings:update {hall} only').toEqual(['Açılış', 'Gençlik projeleri']);
}

/** Every channel that takes a path, given one with a NUL byte. */
export async function nulPathCases(invoke: Call, dataDir: string, dir: string): Promise<void> {
  const bad = path.join(dir, 'dosya\u0000.kopru');
  const cases: [string, Record<string, unknown>][] = [
    ['sync:import', { path: bad }],
    ['sync:import', { path: bad, dryRun: true }],
    ['sync:export', { peerNode: '0123456789abcdef', path: bad }],
    ['sync:inspect', { path: bad }],
    ['sync:introduce', { path: bad }],
    ['sync:enroll', { path: bad, fingerprint: 'ABCD 1234 ABCD 1234' }],
    ['sync:readIntroduction', { path: bad }],
    ['settings:supportBundle', { path: bad }],
  ];
  const dbPath = path.join(dataDir, 'kopru.sqlite');
  const counts = () => readRows<{ n: number }>(dbPath, 'SELECT (SELECT count(*) FROM change_log) + (SELECT count(*) FROM sync_ledger) + (SELECT count(*) FROM sync_peers) AS n')[0]!.n;
  const before = counts();
  for (const [channel, input] of cases) {
    const error = failure(await invoke(channel, input));
    expect(error.code, channel).toBe('VALIDATION');
    expect(error.message, channel).toContain('Dosya');
    expect(error.issues?.[0], channel).toMatchObject({ path: 'path', label: 'Dosya' });
  }
  expect(counts()).toBe(before);
  expect(fs.readdirSync(dir)).toEqual([]);
}

/**
 * Arrays of bad items: a flood (100,000 and more) is refused at once by its size, naming the field; a few
 * thousand bad items (under the size limit) are checked, and the answer lists at most 20 and counts the rest.
 * `policyItems`: the flood's size on the uncapped write channel.
 */
export async function arrayFlood(invoke: Call, { policyItems = 100_000, onlyPolicy = false } = {}): Promise<void> {
  if (!onlyPolicy) await floodCapped(invoke);
  const checklist = Array.from({ length: policyItems }, () => ({ key: '', label: '', mandatory: 'evet' }));
  const policy = await answer(invoke, 'registry:updatePolicy', { registrationChecklist: checklist });
  const policyError = failure(policy);
  expect(policyError.code, policyError.message).toBe('VALIDATION');
  expect(JSON.stringify(policy).length).toBeLessThan(20_000);
  expect(policyError.issues).toHaveLength(1);
  expect(policyError.issues![0]!.path).toBe('registrationChecklist');
  expect(policyError.message).toMatch(/Çok fazla öğe/);

  // Under the size limits, every item is checked: at most 20 issues listed, the rest counted.
  const some = Array.from({ length: 150 }, () => ({ key: '', label: '', mandatory: 'evet' }));
  const checked = failure(await answer(invoke, 'registry:updatePolicy', { registrationChecklist: some }));
  expect(checked.code).toBe('VALIDATION');
  expect(checked.issues!.length).toBe(20);
  expect(checked.message).toMatch(/\(ve \d{3} sorun daha\)/);
}

/** A read channel (every item checked) and a write channel capped at 500 items, each given 100,000 bad items. */
async function floodCapped(invoke: Call): Promise<void> {
  const statuses = Array.from({ length: 100_000 }, () => 'YOK_BOYLE_DURUM');
  const search = await answer(invoke, 'registry:search', { statuses });
  const searchError = failure(search);
  expect(searchError.code).toBe('VALIDATION');
  expect(JSON.stringify(search).length).toBeLessThan(20_000);
  expect(searchError.issues!.length).toBeGreaterThan(0);
  expect(searchError.issues!.length).toBeLessThanOrEqual(20);
  // Refused by its size, in one issue on the field.
  expect(searchError.issues![0]!.path).toBe('statuses');
  expect(searchError.message).toMatch(/Çok fazla öğe: 100\.000/);

  // A write channel whose array is capped at 500: refused for its length, in one line.
  const attended = Array.from({ length: 100_000 }, (_, i) => ({ participantId: `kişi-${i}`, attended: 'geldi' }));
  const attendance = await answer(invoke, 'meetings:setAttendance', { meetingId: '01900000-0000-7000-8000-000000000000', attended });
  const attendanceError = failure(attendance);
  expect(attendanceError.code).toBe('VALIDATION');
  expect(JSON.stringify(attendance).length).toBeLessThan(20_000);
  expect(attendanceError.issues!.length).toBeLessThanOrEqual(20);
}
