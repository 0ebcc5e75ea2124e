import { expect } from 'vitest';
import type { Envelope } from '../../shared/contract';
import type { MeetingDetail } from '../../shared/contract/meetings';
import type { YouthCentre } from '../../shared/contract/orgUnits';
import { organisationsSpec } from '../../db/directory/specs';
import { syncNodesSpec } from '../../db/sync/tables';
import { setupApp, type TestApp } from '../support/app';
import { unitOn, type Unit } from '../support/units';
import { snapshot } from '../integration/helpers';

// Shared set-up for the meetings tests: an installation with a settable clock, youth centres, directory
// organisations written straight through the change writer (independent of the directory handlers), and
// a helper asserting that a refused call wrote nothing.

export interface Clock {
  set(isoDate: string): void;
  now(): number;
}

export function clock(isoDate = '2026-05-15'): Clock {
  let t = Date.parse(`${isoDate}T09:00:00Z`);
  return { set: (d) => (t = Date.parse(`${d}T09:00:00Z`)), now: () => t };
}

export interface MeetingsApp extends TestApp {
  clock: Clock;
  /** A province unit on the same database (creates centres for a youth-centre installation). */
  province: Pick<Unit, 'ok' | 'invoke'>;
}

export async function meetingsApp(role: 'province' | 'youth-center' | 'ministry' = 'province', plate = '06', today = '2026-05-15'): Promise<MeetingsApp> {
  const c = clock(today);
  const app = await setupApp(role, { plate, now: c.now });
  const province: Pick<Unit, 'ok' | 'invoke'> = role === 'province' ? app : unitOn(app.ctx, 'province', plate);
  return Object.assign(app, { clock: c, province });
}

let centres = 0;

export async function createCentre(app: MeetingsApp, districtId = '06-cankaya', extra: Record<string, unknown> = {}): Promise<YouthCentre> {
  centres += 1;
  return app.province.ok<YouthCentre>('orgUnits:createYouthCentre', { name: `Deneme ${centres} Gençlik Merkezi`, districtId, status: 'active', ...extra });
}

/**
 * Binds a youth-centre installation to a centre of its province's list, as its province's vouch does when it
 * enrols it (issue #15): it then plans that centre's meetings.
 */
export function bindToCentre(app: TestApp, centreId: string): void {
  const identity = app.ctx.identity!;
  app.ctx.db!.sqlite.transaction(() =>
    app.ctx.writer!.insert(syncNodesSpec, `province:${identity.provincePlate}`, {
      node_id: identity.nodeId, unit_id: identity.unitId, role: 'youth-center', unit_name: identity.unitName, province_plate: identity.provincePlate,
      sign_public_key: identity.publicKey, box_public_key: 'test', revoked_after_seq: null, centre_id: centreId,
    }),
  )();
}

export const PLAN = { date: '2026-05-20', startTime: '14:00', endTime: '16:00', hall: 'Konferans Salonu', chair: 'Ayşe Yılmaz', rapporteur: 'Mehmet Şahin' };

export async function plan(app: TestApp, youthCentreId: string, extra: Record<string, unknown> = {}): Promise<MeetingDetail> {
  return app.ok<MeetingDetail>('meetings:create', { youthCentreId, ...PLAN, agenda: ['Açılış', 'Önceki kararların takibi', 'Dilek ve öneriler'], ...extra });
}

/** Plans a meeting on `date` (≤ today) and holds it. */
export async function heldMeeting(app: TestApp, youthCentreId: string, date: string, extra: Record<string, unknown> = {}): Promise<MeetingDetail> {
  const m = await plan(app, youthCentreId, { date, ...extra });
  return app.ok<MeetingDetail>('meetings:transition', { id: m.id, action: 'hold' });
}

export function organisation(app: TestApp, name: string, districtId: string | null, plate = '06', extra: Record<string, unknown> = {}): string {
  const ctx = app.ctx;
  return ctx.db!.sqlite.transaction(() =>
    String(
      ctx.writer!.insert(organisationsSpec, ctx.identity!.unitId, {
        kind: 'STK', subtype: 'DERNEK', name, short_name: null, province_plate: plate, district_id: districtId, activity_areas: '[]', youth_focus: 1,
        vkn: null, kutuk_no: null, association_id: null, phone: null, email: null, website: null, address: null, notes: null, merged_into: null, ...extra,
      }).id,
    ),
  )();
}

/** Calls a channel expecting a refusal with `code`; checks nothing at all was written. Returns the error. */
export async function refused(app: TestApp, channel: string, input: unknown, code: string, invoke: (c: string, i: unknown) => Promise<Envelope<unknown>> = app.invoke) {
  const before = snapshot(app);
  const envelope = await invoke(channel, input);
  expect(envelope.ok, JSON.stringify(envelope)).toBe(false);
  if (envelope.ok) throw new Error('unreachable');
  expect(envelope.error.code, envelope.error.message).toBe(code);
  expect(envelope.error.message).toMatch(/[a-zçğıöşü]/i);
  expect(snapshot(app)).toEqual(before);
  return envelope.error;
}
