import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { HomeLine, HomeLineKind, HomeTarget, HomeToday } from '../../shared/contract/home';
import type { AssociationDetail } from '../../shared/contract/registry';
import type { MeetingDetail } from '../../shared/contract/meetings';
import { DEFAULT_REGISTRY_POLICY } from '../../shared/registry/policy';
import { meetingDecisionsSpec } from '../../db/meetings/specs';
import { createNode, deliver, enrol, exportFile, type Node } from '../support/nodes';
import { csvBase64 } from '../integration/registryFixture';
import { TEST_VIEWER } from '../support/users';

// The home page (home:today) at a ministry, a province and a youth centre exchanging real files: each line
// counts what its list shows (the list is asked with the line's own target), for the roles it belongs to.

const nodes: Node[] = [];
afterAll(() => nodes.forEach((n) => n.close()));

/** One clock for every installation of a test: it only moves forward (a little on every reading). */
function testClock(start: string) {
  let t = Date.parse(`${start}T09:00:00Z`);
  return {
    now: () => (t += 3),
    set(date: string) {
      const next = Date.parse(`${date}T09:00:00Z`);
      if (next < t) throw new Error('the test clock only moves forward');
      t = next;
    },
  };
}

async function node(name: string, role: 'ministry' | 'province' | 'youth-center', plate: string | undefined, now: () => number): Promise<Node> {
  const created = await createNode(name, role, plate, now);
  nodes.push(created);
  return created;
}

const home = (at: Node) => at.ok<HomeToday>('home:today', {});
const kinds = (lines: HomeLine[]) => lines.map((l) => l.kind);

function lineOf(lines: HomeLine[], kind: HomeLineKind): HomeLine {
  const found = lines.filter((l) => l.kind === kind);
  expect(found, `one ${kind} line in ${JSON.stringify(kinds(lines))}`).toHaveLength(1);
  return found[0]!;
}

/** How many rows the registry list opens with for a line's target, as the screen asks (a province: its own). */
async function registryTotal(at: Node, target: HomeTarget): Promise<number> {
  if (target.screen !== 'registry') throw new Error(`not a registry target: ${JSON.stringify(target)}`);
  const identity = at.ctx.identity!;
  const { screen: _screen, ...filter } = target;
  const input = { ...(identity.role === 'ministry' ? {} : { provincePlate: identity.provincePlate! }), ...filter, limit: 1 };
  return (await at.ok<{ total: number }>('registry:search', input)).total;
}

const letter = (n: number) => ({ letterDate: '2026-03-02', letterNo: `E-${n}` });

let names = 0;
async function draft(at: Node): Promise<string> {
  names++;
  return (await at.ok<AssociationDetail>('registry:create', { name: `Bugün Deneme ${names} Gençlik Kulübü Derneği`, clubType: 'GENCLIK_KULUBU', districtId: '06-cankaya' })).id;
}

async function logged(at: Node): Promise<string> {
  const id = await draft(at);
  await at.ok('registry:transition', { id, action: 'logApplication', ...letter(1) });
  return id;
}

async function sentForApproval(at: Node): Promise<string> {
  const id = await logged(at);
  const detail = await at.ok<AssociationDetail>('registry:get', { id });
  for (const d of detail.documents.filter((x) => x.step === 'TESCIL' && x.mandatory)) {
    await at.ok('registry:setDocument', { associationId: id, step: 'TESCIL', itemKey: d.itemKey, received: true });
  }
  await at.ok('registry:transition', { id, action: 'sendForApproval', ...letter(2) });
  return id;
}

describe('a province and the ministry exchanging files', () => {
  it('an application sent for approval waits at the province for the next file, then at the ministry as an approval to give', async () => {
    const clock = testClock('2026-03-10');
    const ministry = await node('bakanlik', 'ministry', undefined, clock.now);
    const ankara = await node('ankara', 'province', '06', clock.now);
    await enrol(ministry, ankara);
    const ministryName = ministry.ctx.identity!.unitName;

    await logged(ankara);
    const missing = await logged(ankara);
    await ankara.ok('registry:transition', { id: missing, action: 'markMissing', reason: 'Tüzük eksik.' });
    await draft(ankara); // a draft waits for nobody
    const pending = await sentForApproval(ankara);

    // At the province: applications to review, and the one sent up, which goes with the next file.
    let province = await home(ankara);
    expect(lineOf(province.waiting, 'registryNew').count).toBe(1);
    expect(lineOf(province.waiting, 'registryMissing').count).toBe(1);
    for (const kind of ['registryNew', 'registryMissing'] as const) {
      const l = lineOf(province.waiting, kind);
      expect(await registryTotal(ankara, l.target)).toBe(l.count);
    }
    expect(kinds(province.waiting)).not.toContain('approvals'); // the ministry approves (default policy)
    expect(province.national).toEqual([]);
    expect(province.sent.filter((l) => l.kind.startsWith('approval'))).toEqual([
      { kind: 'approvalNotSent', count: 1, peer: ministryName, urgent: false, target: { screen: 'registry', statuses: ['ONAYDA'] } },
    ]);
    expect(await registryTotal(ankara, province.sent[0]!.target)).toBe(1);
    const unsent = lineOf(province.sent, 'unsentChanges');
    expect(unsent.count).toBeGreaterThan(0);
    expect(unsent.target).toEqual({ screen: 'exchange', tab: 'export', peerNode: ministry.nodeId });
    const status = await ankara.ok<{ peers: { nodeId: string; pendingChanges: number }[] }>('sync:status', {});
    expect(unsent.count).toBe(status.peers.find((p) => p.nodeId === ministry.nodeId)!.pendingChanges);

    // Nothing has reached the ministry yet.
    let centre = await home(ministry);
    expect(lineOf(centre.waiting, 'approvals').count).toBe(0);
    expect(lineOf(centre.national, 'nationalReview').count).toBe(0);

    // The file is written: the province says which file carried it, until a receipt comes back.
    const file = await exportFile(ankara, ministry);
    province = await home(ankara);
    expect(lineOf(province.sent, 'approvalSent')).toMatchObject({ count: 1, file: path.basename(file), peer: ministryName, date: '2026-03-10' });
    expect(kinds(province.sent)).not.toContain('approvalNotSent');
    // Every change is in a file now; the ministry has not confirmed them yet.
    expect(lineOf(province.sent, 'unsentChanges')).toMatchObject({ count: 0, awaitingReceipt: unsent.count });

    // The ministry reads it: one approval to give, and the province's two applications under review nationally.
    await ministry.ok('sync:import', { path: file });
    centre = await home(ministry);
    const approvals = lineOf(centre.waiting, 'approvals');
    expect(approvals).toMatchObject({ count: 1, urgent: true, target: { screen: 'registry', statuses: ['ONAYDA'] } });
    expect(await registryTotal(ministry, approvals.target)).toBe(1);
    const review = lineOf(centre.national, 'nationalReview');
    expect(review.count).toBe(2);
    expect(await registryTotal(ministry, review.target)).toBe(2);
    for (const kind of ['registryNew', 'registryMissing', 'visaReview', 'visaNotApplied', 'meetingsToPlan', 'decisions'] as const) expect(kinds(centre.waiting)).not.toContain(kind);
    expect(centre.sent).toEqual([]);

    // Its next file to the province carries the receipt: the application is there, waiting for the decision.
    clock.set('2026-03-11');
    await deliver(ministry, ankara);
    province = await home(ankara);
    expect(lineOf(province.sent, 'approvalDelivered')).toMatchObject({ count: 1, peer: ministryName, date: '2026-03-11' });
    expect(province.sent.map((l) => l.kind).filter((k) => k.startsWith('approval'))).toEqual(['approvalDelivered']);

    // The ministry approves: nothing waits there; once the decision arrives, nothing waits at the province either.
    await ministry.ok('registry:transition', { id: pending, action: 'approve', ...letter(3) });
    expect(lineOf((await home(ministry)).waiting, 'approvals').count).toBe(0);
    await deliver(ministry, ankara);
    expect((await ankara.ok<AssociationDetail>('registry:get', { id: pending })).status).toBe('TESCILLI');
    province = await home(ankara);
    expect(province.sent.filter((l) => l.kind.startsWith('approval'))).toEqual([
      { kind: 'approvalNotSent', count: 0, peer: ministryName, urgent: false, target: { screen: 'registry', statuses: ['ONAYDA'] } },
    ]);

    // A file without a receipt and a peer silent for longer than the custody period (14 days by default).
    const lost = await exportFile(ankara, ministry);
    clock.set('2026-03-30');
    province = await home(ankara);
    const custody = await ankara.ok<{ unacknowledged: { fileName: string }[]; silent: { peerName: string }[] }>('sync:custody', {});
    expect(lineOf(province.waiting, 'unacknowledged')).toMatchObject({ count: 1, days: 14, urgent: true, target: { screen: 'exchange', tab: 'custody' } });
    expect(custody.unacknowledged.map((f) => f.fileName)).toContain(path.basename(lost));
    expect(lineOf(province.waiting, 'silentPeers')).toMatchObject({ count: 1, names: [ministryName] });
    expect(custody.silent).toHaveLength(1);
  });

  it('with the province as approver, the province gives the approvals and the ministry sees them only as a national figure', async () => {
    const clock = testClock('2026-03-10');
    const ministry = await node('bakanlik', 'ministry', undefined, clock.now);
    const ankara = await node('ankara', 'province', '06', clock.now);
    await enrol(ministry, ankara);
    await ministry.ok('registry:updatePolicy', { ...DEFAULT_REGISTRY_POLICY, approvingLevel: 'province' });
    await deliver(ministry, ankara);
    await sentForApproval(ankara);
    await sentForApproval(ankara);

    const province = await home(ankara);
    expect(lineOf(province.waiting, 'approvals')).toMatchObject({ count: 2, urgent: true });
    expect(province.sent.map((l) => l.kind)).toEqual(['unsentChanges']);

    await deliver(ankara, ministry);
    const centre = await home(ministry);
    expect(kinds(centre.waiting)).not.toContain('approvals');
    expect(lineOf(centre.national, 'nationalApprovals').count).toBe(2);
  });
});

describe('a youth centre', () => {
  it('sees its own centre\'s meetings and decisions, never registry, visa, approval or national lines', async () => {
    const clock = testClock('2026-03-10');
    const ankara = await node('ankara', 'province', '06', clock.now);
    const gm = await node('merkez', 'youth-center', '06', clock.now);

    // Not yet enrolled by its province: the one thing to do first.
    let view = await home(gm);
    expect(lineOf(view.waiting, 'centreUnbound')).toMatchObject({ count: 1, urgent: true, target: { screen: 'exchange', tab: 'enrol' } });
    expect(kinds(view.waiting)).not.toContain('meetingsToPlan');

    await enrol(ankara, gm);
    view = await home(gm);
    expect(kinds(view.waiting)).not.toContain('centreUnbound');
    expect(lineOf(view.waiting, 'meetingsToPlan')).toMatchObject({ count: 1, year: 2026, term: 1, date: '2026-04-30', target: { screen: 'meetings', tab: 'planner' } });
    expect(lineOf(view.waiting, 'meetingsOverdue').count).toBe(0);
    const never = ['approvals', 'registryNew', 'registryMissing', 'transfersToAccept', 'visaReview', 'visaNotApplied', 'visaLate', 'visaCancel'];
    for (const kind of never) expect(kinds(view.waiting)).not.toContain(kind);
    expect(view.national).toEqual([]);
    expect(kinds(view.sent)).toEqual(['unsentChanges']);
    expect(lineOf(view.sent, 'unsentChanges').peer).toBe(ankara.ctx.identity!.unitName);

    // A meeting planned for a date already past and not recorded as held is overdue.
    const venue = (await gm.ok<{ centres: { id: string }[] }>('meetings:venues', {})).centres[0]!.id;
    const planned = await gm.ok<MeetingDetail>('meetings:create', { youthCentreId: venue, date: '2026-03-05', startTime: '14:00', endTime: '16:00', hall: 'Salon', agenda: ['Açılış'] });
    view = await home(gm);
    expect(lineOf(view.waiting, 'meetingsOverdue')).toMatchObject({ count: 1, urgent: true, target: { screen: 'meetings', tab: 'planner', overdueOnly: true } });
    expect(lineOf(view.waiting, 'meetingsToPlan').count).toBe(0);
    const plannerView = await gm.ok<{ centres: { overdue: boolean }[] }>('meetings:planner', { year: 2026 });
    expect(plannerView.centres.filter((c) => c.overdue)).toHaveLength(1);

    // Held, with two decisions, one of them past its date.
    await gm.ok('meetings:transition', { id: planned.id, action: 'hold' });
    await gm.ok('meetings:saveDecision', { meetingId: planned.id, text: 'Gönüllü rehberi hazırlanacak.', dueOn: '2026-03-08' });
    await gm.ok('meetings:saveDecision', { meetingId: planned.id, text: 'Spor şenliği yapılacak.', dueOn: '2026-06-01' });
    view = await home(gm);
    expect(lineOf(view.waiting, 'meetingsOverdue').count).toBe(0);
    expect(lineOf(view.waiting, 'decisions')).toMatchObject({ count: 2, overdue: 1, urgent: true, target: { screen: 'meetings', tab: 'decisions' } });
    const list = await gm.ok<{ total: number; overdue: number }>('meetings:openDecisions', {});
    expect([list.total, list.overdue]).toEqual([2, 1]);

    // The province sees the centre's meeting and decisions once the centre's file arrives.
    expect(lineOf((await home(ankara)).waiting, 'meetingsToPlan').count).toBe(1);
    await deliver(gm, ankara);
    let province = await home(ankara);
    expect(lineOf(province.waiting, 'meetingsToPlan').count).toBe(0);
    expect(lineOf(province.waiting, 'decisions')).toMatchObject({ count: 2, overdue: 1 });

    // Another centre of the province, whose plan slipped: overdue at the province, and nationally at the ministry.
    const mamak = (await ankara.ok<{ id: string }>('orgUnits:createYouthCentre', { name: 'Mamak Gençlik Merkezi', districtId: '06-mamak', status: 'active' })).id;
    await ankara.ok('meetings:create', { youthCentreId: mamak, date: '2026-03-02', startTime: '10:00', endTime: '12:00', hall: 'Salon', agenda: ['Açılış'] });
    province = await home(ankara);
    expect(lineOf(province.waiting, 'meetingsOverdue').count).toBe(1);
    const ministry = await node('bakanlik', 'ministry', undefined, clock.now);
    expect(lineOf((await home(ministry)).national, 'nationalMeetingsOverdue').count).toBe(0);
    await enrol(ministry, ankara);
    await deliver(ankara, ministry);
    const national = (await home(ministry)).national;
    expect(lineOf(national, 'nationalMeetingsOverdue')).toMatchObject({ count: 1, provinces: 1, year: 2026, target: { screen: 'meetings', tab: 'board' } });
    const board = await ministry.ok<{ totals: { overdueCentres: number } }>('meetings:board', { year: 2026 });
    expect(board.totals.overdueCentres).toBe(1);
    expect(lineOf(national, 'nationalDecisions')).toMatchObject({ count: 2, overdue: 1, target: { screen: 'meetings', tab: 'decisions' } });
    expect((await ministry.ok<{ total: number }>('meetings:openDecisions', {})).total).toBe(2);
  });
});

describe('a province on its own', () => {
  it('counts visas by the window, and meetings, decisions and follow-ups as their lists show them', async () => {
    const clock = testClock('2026-03-10');
    const ankara = await node('ankara', 'province', '06', clock.now);
    // Five associations registered in 2020, brought in from a spreadsheet.
    const rows = [['Dernek adı', 'İlçe', 'GSB tescil no', 'Tescil tarihi']];
    for (let i = 1; i <= 5; i++) rows.push([`Vize Deneme ${i} Gençlik Kulübü Derneği`, 'Çankaya', `GSB-06-2020-${String(i).padStart(4, '0')}`, '15.03.2020']);
    await ankara.ok('registry:importApply', { fileName: 'kayit.csv', contentBase64: csvBase64(rows) });
    const ids = (await ankara.ok<{ items: { id: string }[] }>('registry:search', { query: 'vize deneme', limit: 10 })).items.map((a) => a.id);
    expect(ids).toHaveLength(5);
    const [reviewed, approved, late] = ids as [string, string, string];
    const approveVisa = async (associationId: string, year: number) => {
      const applied = await ankara.ok<AssociationDetail>('registry:visaApply', { associationId, year, appliedOn: `${year}-03-01` });
      for (const d of applied.documents.filter((x) => x.step === 'VIZE' && x.visaYear === year && x.mandatory)) {
        await ankara.ok('registry:setDocument', { associationId, step: 'VIZE', visaYear: year, itemKey: d.itemKey, received: true });
      }
      const applicationId = applied.visaApplications.find((v) => v.year === year)!.id;
      await ankara.ok('registry:visaTransition', { applicationId, action: 'startReview' });
      await ankara.ok('registry:visaTransition', { applicationId, action: 'approve', ...letter(5) });
    };
    await ankara.ok('registry:visaApply', { associationId: reviewed, year: 2026, appliedOn: '2026-03-01' });
    await approveVisa(approved, 2026);
    // Visa for last year approved: late this year is one year late, not "N years without a visa".
    await approveVisa(late, 2025);

    // The window is open (1 January – 30 April): who has not applied yet, 51 days before it closes.
    let view = await home(ankara);
    expect(lineOf(view.waiting, 'visaReview')).toMatchObject({ count: 1, year: 2026 });
    expect(lineOf(view.waiting, 'visaNotApplied')).toMatchObject({ count: 3, year: 2026, date: '2026-04-30', days: 51, urgent: false });
    expect(kinds(view.waiting)).not.toContain('visaLate');
    for (const kind of ['visaReview', 'visaNotApplied'] as const) {
      const l = lineOf(view.waiting, kind);
      expect(await registryTotal(ankara, l.target)).toBe(l.count);
    }
    clock.set('2026-04-10');
    expect(lineOf((await home(ankara)).waiting, 'visaNotApplied')).toMatchObject({ count: 3, days: 20, urgent: true });

    // After the window: the late ones, and those for which cancellation is proposed.
    clock.set('2026-06-01');
    view = await home(ankara);
    expect(kinds(view.waiting)).not.toContain('visaNotApplied');
    expect(lineOf(view.waiting, 'visaLate')).toMatchObject({ count: 1, year: 2026 });
    expect(lineOf(view.waiting, 'visaCancel')).toMatchObject({ count: 2, years: 2, urgent: true });
    for (const kind of ['visaReview', 'visaLate', 'visaCancel'] as const) {
      const l = lineOf(view.waiting, kind);
      expect(await registryTotal(ankara, l.target)).toBe(l.count);
    }

    // Meetings (term 2: May–August): one centre held this term, one planned for a date now past, one with nothing yet.
    const centre = async (name: string) => (await ankara.ok<{ id: string }>('orgUnits:createYouthCentre', { name, districtId: '06-cankaya', status: 'active' })).id;
    const [held, slipped] = [await centre('Birinci Gençlik Merkezi'), await centre('İkinci Gençlik Merkezi')];
    await centre('Üçüncü Gençlik Merkezi');
    const plan = (youthCentreId: string, date: string) =>
      ankara.ok<MeetingDetail>('meetings:create', { youthCentreId, date, startTime: '10:00', endTime: '12:00', hall: 'Salon', agenda: ['Açılış'] });
    const meeting = await plan(held, '2026-05-20');
    await ankara.ok('meetings:transition', { id: meeting.id, action: 'hold' });
    await plan(slipped, '2026-05-25');
    // Term 1 (January–April) ended with no meeting anywhere: all three centres missed it.
    view = await home(ankara);
    expect(lineOf(view.waiting, 'meetingsOverdue')).toMatchObject({ count: 3, urgent: true });
    expect(lineOf(view.waiting, 'meetingsToPlan')).toMatchObject({ count: 1, year: 2026, term: 2, date: '2026-08-31' });
    const planner = await ankara.ok<{ centres: { overdue: boolean; cells: { no: number; state: string }[] }[] }>('meetings:planner', { year: 2026 });
    expect(planner.centres.filter((c) => c.overdue)).toHaveLength(3);
    expect(planner.centres.filter((c) => c.cells.find((cell) => cell.no === 2)!.state === 'BEKLIYOR')).toHaveLength(1);

    // Decisions: two open (one overdue), one done.
    const d = await ankara.ok<MeetingDetail>('meetings:saveDecision', { meetingId: meeting.id, text: 'Birinci karar.', dueOn: '2026-05-30' });
    await ankara.ok('meetings:saveDecision', { meetingId: meeting.id, text: 'İkinci karar.' });
    const third = await ankara.ok<MeetingDetail>('meetings:saveDecision', { meetingId: meeting.id, text: 'Üçüncü karar.', dueOn: '2026-05-21' });
    await ankara.ok('meetings:reviewDecision', { decisionId: third.decisions[2]!.id, meetingId: meeting.id, state: 'TAMAMLANDI' });
    expect(d.decisions).toHaveLength(1);
    view = await home(ankara);
    expect(lineOf(view.waiting, 'decisions')).toMatchObject({ count: 2, overdue: 1 });

    // Follow-ups: three open (two past due), one done; another unit's are not this unit's.
    const org = (await ankara.ok<{ id: string }>('directory:create', { kind: 'STK', name: 'Takip Gençlik Derneği', provincePlate: '06' })).id;
    const interaction = (followUp: string, due: string | null, done: string | null = null) =>
      ankara.ok('directory:saveInteraction', { organisationId: org, kind: 'TELEFON', onDate: '2026-05-02', subject: 'Arama', followUp, followUpDue: due, followUpDoneOn: done });
    await interaction('Yazı gönder', '2026-05-10');
    await interaction('Geri ara', '2026-05-31');
    await interaction('Ziyaret et', null);
    await interaction('Tamamlanan iş', '2026-05-05', '2026-05-06');
    view = await home(ankara);
    expect(lineOf(view.waiting, 'followUps')).toMatchObject({ count: 3, overdue: 2, urgent: true, target: { screen: 'followUps' } });
    const followUps = await ankara.ok<{ overdue: boolean }[]>('directory:followUps', {});
    expect([followUps.length, followUps.filter((f) => f.overdue).length]).toEqual([3, 2]);

    // Not enrolled with anyone yet: no exchange lines, nothing to send.
    expect(kinds(view.waiting)).not.toContain('unacknowledged');
    expect(view.sent.map((l) => l.kind)).toEqual(['approvalNotSent']);
  });

  it('counts exactly beyond any list cap (2,345 open decisions, 1,234 conflicts, 3,001 associations sent for approval), and a viewer sees the same', async () => {
    const clock = testClock('2026-05-15');
    const ankara = await node('ankara', 'province', '06', clock.now);
    const centreId = (await ankara.ok<{ id: string }>('orgUnits:createYouthCentre', { name: 'Kalabalık Gençlik Merkezi', districtId: '06-cankaya', status: 'active' })).id;
    const meeting = await ankara.ok<MeetingDetail>('meetings:create', { youthCentreId: centreId, date: '2026-05-11', startTime: '10:00', endTime: '12:00', hall: 'Salon', agenda: ['Açılış'] });
    await ankara.ok('meetings:transition', { id: meeting.id, action: 'hold' });
    const db = ankara.ctx.db!.sqlite;
    const stamp = new Date(clock.now()).toISOString();
    db.transaction(() => {
      for (let i = 1; i <= 2345; i++) {
        ankara.ctx.writer!.insert(meetingDecisionsSpec, ankara.unitId, {
          meeting_id: meeting.id, youth_centre_id: centreId, number: i, text: `Karar ${i}`, responsible: null, due_on: i % 5 === 0 ? '2026-05-01' : '2026-12-01', state: i % 2 ? 'ACIK' : 'DEVAM', state_note: null, reviewed_in_meeting_id: null,
        });
      }
      // Conflicts as the exchange records them: 1,200 on this province's own centre, 34 on a row it does not own.
      const conflict = db.prepare(
        `INSERT INTO sync_conflicts (table_name, row_id, column_name, local_value, local_hlc, local_origin, remote_value, remote_hlc, remote_origin, detected_at)
         VALUES (?, ?, 'name', '"a"', 'h1', 'n1', '"b"', 'h2', 'n2', ?)`,
      );
      for (let i = 0; i < 1200; i++) conflict.run('youth_centres', centreId, stamp);
      for (let i = 0; i < 34; i++) conflict.run('meetings', 'not-held-here', stamp);
      // Applications waiting for the ministry, written as rows (their steps are not what is counted here).
      const association = db.prepare(
        `INSERT INTO associations (id, owner_unit, created_at, updated_at, name, club_type, province_plate, district_id, status, activity_areas, sort_key, search_text)
         VALUES (?, 'province:06', ?, ?, ?, 'GENCLIK_KULUBU', '06', '06-cankaya', ?, '[]', ?, ?)`,
      );
      for (let i = 0; i < 3001 + 17; i++) {
        const name = `Toplu ${i} Gençlik Kulübü`;
        association.run(`0190a0a0-0000-7000-8000-${String(i).padStart(12, '0')}`, stamp, stamp, name, i < 3001 ? 'ONAYDA' : 'BASVURU_ALINDI', name, name.toLowerCase());
      }
    })();

    const view = await home(ankara);
    expect(lineOf(view.waiting, 'decisions')).toMatchObject({ count: 2345, overdue: 469 });
    // The list says the same, and pages (its old silent cap was 2,000).
    const lastPage = await ankara.ok<{ total: number; overdue: number; items: unknown[] }>('meetings:openDecisions', { limit: 100, offset: 2300 });
    expect([lastPage.total, lastPage.overdue, lastPage.items.length]).toEqual([2345, 469, 45]);
    expect(lineOf(view.waiting, 'conflicts')).toMatchObject({ count: 1200, others: 34 });
    expect((await ankara.ok<{ openConflicts: number }>('sync:status', {})).openConflicts).toBe(1234);
    expect(lineOf(view.sent, 'approvalNoPeer').count).toBe(3001);
    expect(lineOf(view.waiting, 'registryNew').count).toBe(17);
    expect(await registryTotal(ankara, lineOf(view.waiting, 'registryNew').target)).toBe(17);

    // A viewer reads the home page too, with the same figures.
    await ankara.ok('users:create', { account: TEST_VIEWER, role: 'viewer' });
    await ankara.ok('users:signOut');
    await ankara.ok('users:signIn', { username: TEST_VIEWER.username, password: TEST_VIEWER.password });
    expect((await ankara.ok<{ user: { role: string } }>('users:session', {})).user.role).toBe('viewer');
    expect(await home(ankara)).toEqual(view);
  });
});
