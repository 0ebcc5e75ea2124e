import { afterAll, describe, expect, it } from 'vitest';
import type { Row } from '../../db/changeLog/writer';
import { POLICY_ID } from '../../db/registry/queries';
import { associationHistorySpec, associationsSpec, referenceDataSpec, transfersSpec, visaApplicationsSpec } from '../../db/registry/specs';
import { uuidv7 } from '../../shared/ids';
import type { AssociationDetail, AssociationSummary } from '../../shared/contract/registry';
import type { ImportResult } from '../../shared/contract/sync';
import { messageText } from '../../shared/contract';
import { isMessageKey, translate } from '../../renderer/i18n/translate';
import { createNode, deliver, enrol, type Node } from '../support/nodes';

// Authority of workflow steps and workflow races (issue #14). The exchange only checks that an installation
// writes rows its own unit owns; every workflow step is such a row (an association_history row of the unit that
// took the step). An enrolled installation with a modified client can therefore write any step into its own
// log: these tests do exactly that, through its own change writer, and send it with the real exchange. What a
// step may change is decided by the workflow replay every installation derives state with: a step without
// authority, or one that lost a race, changes nothing anywhere, is named in the import report and is marked in
// the association's timeline.

const nodes: Node[] = [];
afterAll(() => nodes.forEach((n) => n.close()));

async function node(name: string, role: 'ministry' | 'province' | 'youth-center', plate?: string): Promise<Node> {
  const created = await createNode(name, role, plate);
  nodes.push(created);
  return created;
}

const letter = (n: number) => ({ letterDate: '2026-03-02', letterNo: `E-${n}` });
const nextYear = Number(new Date().toISOString().slice(0, 4)) + 1;

async function districtId(at: Node, plate: string, name: string) {
  return (await at.ok<{ id: string; name: string }[]>('orgUnits:listDistricts', { provincePlate: plate })).find((d) => d.name === name)!.id;
}

let names = 0;
async function draft(ankara: Node): Promise<string> {
  names++;
  const a = await ankara.ok<AssociationDetail>('registry:create', {
    name: `Yetki Deneme ${names} Gençlik Kulübü`, clubType: 'GENCLIK_KULUBU', districtId: await districtId(ankara, '06', 'Çankaya'),
  });
  return a.id;
}

async function logged(ankara: Node): Promise<string> {
  const id = await draft(ankara);
  await ankara.ok('registry:transition', { id, action: 'logApplication', ...letter(1) });
  return id;
}

async function awaitingApproval(ankara: Node): Promise<string> {
  const id = await logged(ankara);
  const detail = await ankara.ok<AssociationDetail>('registry:get', { id });
  for (const d of detail.documents.filter((x) => x.step === 'TESCIL' && x.mandatory)) {
    await ankara.ok('registry:setDocument', { associationId: id, step: 'TESCIL', itemKey: d.itemKey, received: true });
  }
  await ankara.ok('registry:transition', { id, action: 'sendForApproval', ...letter(2) });
  return id;
}

/** Sent for approval at Ankara, approved at the ministry (default policy), back at Ankara: registered everywhere. */
async function registered(ankara: Node, ministry: Node): Promise<string> {
  const id = await awaitingApproval(ankara);
  await deliver(ankara, ministry);
  await ministry.ok('registry:transition', { id, action: 'approve', ...letter(3) });
  await deliver(ministry, ankara);
  return id;
}

/** A step written by `author`'s installation into its own log, as a modified client could: its own row. */
function forgeStep(author: Node, associationId: string, step: { kind: string; action: string; from?: string | null; to?: string | null; data?: Record<string, unknown> }): string {
  return author.ctx.db!.sqlite.transaction(() =>
    String(
      author.ctx.writer!.insert(associationHistorySpec, author.unitId, {
        association_id: associationId, kind: step.kind, action: step.action, from_state: step.from ?? null, to_state: step.to ?? null,
        at: new Date(author.ctx.now()).toISOString(), actor_unit: author.unitId, actor_name: null, letter_date: '2026-03-05', letter_no: 'E-SAHTE',
        reason: 'Sahte adım', data: JSON.stringify(step.data ?? {}),
      }).id,
    ),
  )();
}

function forgeRow(author: Node, spec: typeof visaApplicationsSpec, values: Row): string {
  return author.ctx.db!.sqlite.transaction(() => String(author.ctx.writer!.insert(spec, author.unitId, values).id))();
}

const get = (at: Node, id: string) => at.ok<AssociationDetail>('registry:get', { id });

/** What a user relies on: the derived registration columns of an association. */
async function facts(at: Node, id: string) {
  const a = await get(at, id);
  return { status: a.status, registrationNo: a.registrationNo, registeredOn: a.registeredOn, transferredTo: a.transferredTo };
}

/** Whether an installation holds an association at all (its scope: DOMAIN.md §2). */
async function holds(at: Node, id: string): Promise<boolean> {
  return (await at.invoke('registry:get', { id })).ok;
}

/** The reasons the import report gives for rows of `table`, by row id. */
function refusedRows(result: ImportResult, table: string): Map<string, string> {
  return new Map(result.report.rejected.filter((r) => r.table === table).map((r) => [r.row, r.reason]));
}

async function verdictOf(at: Node, associationId: string, stepId: string) {
  const entry = (await get(at, associationId)).history.find((h) => h.id === stepId);
  expect(entry, `step ${stepId} is in the timeline`).toBeDefined();
  return entry!.verdict;
}

async function hierarchy() {
  const ministry = await node('ministry', 'ministry');
  const ankara = await node('ankara', 'province', '06');
  const izmir = await node('izmir', 'province', '35');
  await enrol(ministry, ankara);
  await enrol(ministry, izmir);
  return { ministry, ankara, izmir };
}

/** Every installation has what every other has written (two rounds through the ministry). */
async function exchangeAll(ministry: Node, provinces: Node[]) {
  for (let round = 0; round < 2; round++) {
    for (const p of provinces) await deliver(p, ministry);
    for (const p of provinces) await deliver(ministry, p);
  }
}

describe('a step counts only from the unit entitled to take it', () => {
  it('a youth centre writes every kind of registry step for its province’s associations: none counts, at the province or the ministry; each is reported and marked', async () => {
    const { ministry, ankara } = await hierarchy();
    const centre = await node('centre', 'youth-center', '06');
    await enrol(ankara, centre);

    const draftId = await draft(ankara);
    const loggedId = await logged(ankara);
    const pendingId = await awaitingApproval(ankara);
    const registeredId = await registered(ankara, ministry);
    // A genuine transfer of the registered association, started by its owner and waiting at TALEP.
    const started = await ankara.ok<AssociationDetail>('registry:startTransfer', { associationId: registeredId, toPlate: '35', reason: 'Taşınma', ...letter(4) });
    const transferId = started.transfers[0]!.id;
    await deliver(ankara, centre);

    const before = new Map<string, unknown>();
    for (const id of [draftId, loggedId, pendingId, registeredId]) before.set(id, await facts(ankara, id));
    const number = (await get(ankara, registeredId)).registrationNo!;

    const forged: Record<string, [string, string]> = {};
    const forge = (label: string, associationId: string, step: Parameters<typeof forgeStep>[2]) => {
      forged[label] = [associationId, forgeStep(centre, associationId, step)];
    };
    // The owner's steps.
    forge('logApplication', draftId, { kind: 'REGISTRATION', action: 'logApplication', from: 'TASLAK', to: 'BASVURU_ALINDI' });
    forge('markMissing', loggedId, { kind: 'REGISTRATION', action: 'markMissing', from: 'BASVURU_ALINDI', to: 'EKSIK_EVRAK' });
    forge('sendForApproval', loggedId, { kind: 'REGISTRATION', action: 'sendForApproval', from: 'BASVURU_ALINDI', to: 'ONAYDA' });
    forge('import', draftId, { kind: 'REGISTRATION', action: 'import', from: 'TASLAK', to: 'TESCILLI', data: { registrationNo: 'GSB-06-2020-0007', registeredOn: '2020-05-01' } });
    // The approver's decisions.
    forge('approve', pendingId, { kind: 'REGISTRATION', action: 'approve', from: 'ONAYDA', to: 'TESCILLI', data: { registrationNo: 'GSB-06-2026-0999', registeredOn: '2026-03-05' } });
    forge('reject', pendingId, { kind: 'REGISTRATION', action: 'reject', from: 'ONAYDA', to: 'REDDEDILDI' });
    forge('returnForCompletion', pendingId, { kind: 'REGISTRATION', action: 'returnForCompletion', from: 'ONAYDA', to: 'EKSIK_EVRAK' });
    forge('suspend', registeredId, { kind: 'REGISTRATION', action: 'suspend', from: 'TESCILLI', to: 'ASKIDA' });
    forge('reinstate', registeredId, { kind: 'REGISTRATION', action: 'reinstate', from: 'ASKIDA', to: 'TESCILLI' });
    forge('cancel', registeredId, { kind: 'REGISTRATION', action: 'cancel', from: 'TESCILLI', to: 'TESCIL_IPTAL' });
    // The transfer's steps, on the genuine transfer and on one the centre makes up.
    const madeUp = forgeRow(centre, transfersSpec, { association_id: registeredId, from_plate: '06', to_plate: '35', reason: 'Sahte nakil' });
    forge('request', registeredId, { kind: 'TRANSFER', action: 'request', to: 'TALEP', data: { transferId: madeUp, toPlate: '35' } });
    forge('senderApprove', registeredId, { kind: 'TRANSFER', action: 'senderApprove', from: 'TALEP', to: 'GONDEREN_ONAYI', data: { transferId } });
    const elsewhere = uuidv7();
    forge('accept', registeredId, { kind: 'TRANSFER', action: 'accept', from: 'GONDEREN_ONAYI', to: 'TAMAMLANDI', data: { transferId, newAssociationId: elsewhere } });
    forge('transferOut', registeredId, { kind: 'REGISTRATION', action: 'transferOut', from: 'TESCILLI', to: 'AKTARILDI', data: { transferId, newAssociationId: elsewhere } });
    forge('transferCancel', registeredId, { kind: 'TRANSFER', action: 'cancel', from: 'TALEP', to: 'IPTAL', data: { transferId } });
    // A record of its own that claims to have inherited the registered association's number.
    const copy = centre.ctx.db!.sqlite.transaction(() => {
      const source = centre.ctx.db!.sqlite.prepare('SELECT * FROM associations WHERE id = ?').get(registeredId) as Row;
      const values: Row = {};
      for (const column of associationsSpec.columns) values[column] = source[column] ?? null;
      return String(centre.ctx.writer!.insert(associationsSpec, centre.unitId, { ...values, transferred_from: registeredId }).id);
    })();
    forge('inheritRegistration', copy, { kind: 'REGISTRATION', action: 'inheritRegistration', to: 'TESCILLI', data: { registrationNo: number, transferId, fromAssociationId: registeredId } });
    // A visa application of its own, approved, for next year.
    const visa = forgeRow(centre, visaApplicationsSpec, { association_id: registeredId, year: nextYear, state: 'ONAY', applied_on: '2026-03-01', decided_on: '2026-03-05' });
    forge('visaApprove', registeredId, { kind: 'VISA', action: 'approve', from: 'INCELEME', to: 'ONAY', data: { year: nextYear, applicationId: visa } });

    const atProvince = await deliver(centre, ankara);
    await deliver(centre, ankara); // the same file again changes and reports nothing new
    const atMinistry = await deliver(ankara, ministry);

    for (const [at, result] of [[ankara, atProvince], [ministry, atMinistry]] as const) {
      // Derived state: as if the centre had written nothing.
      for (const id of [draftId, loggedId, pendingId, registeredId]) expect(await facts(at, id)).toEqual(before.get(id));
      expect(await facts(at, copy)).toEqual({ status: 'TASLAK', registrationNo: null, registeredOn: null, transferredTo: null });
      const transfers = (await get(at, registeredId)).transfers;
      expect(transfers.map((t) => [t.id, t.state])).toEqual([[transferId, 'TALEP']]);
      const nextYearList = await at.ok<{ items: AssociationSummary[] }>('registry:search', { visaYear: nextYear, limit: 100, offset: 0 });
      expect(nextYearList.items.find((a) => a.id === registeredId)?.visaStatus).not.toBe('VIZELI');
      expect((await get(at, registeredId)).visaApplications).toEqual([]);
      expect((await at.invoke('registry:document', { id: registeredId, kind: 'visa', year: nextYear })).ok).toBe(false);

      // The report names every forged step, in Turkish, with the centre as its author.
      const steps = refusedRows(result, 'association_history');
      for (const [label, [, stepId]] of Object.entries(forged)) {
        expect(steps.get(stepId), `${label} is reported`).toMatch(/^Geçersiz: yetkisiz adım \(/);
      }
      expect(steps.get(forged.approve![1])).toContain('yalnızca Bakanlık verebilir; bir gençlik merkezi');
      expect(steps.get(forged.logApplication![1])).toContain('yalnızca kaydın sahibi Ankara İl Müdürlüğü atabilir');
      expect(result.report.rejected.filter((r) => r.table === 'association_history').every((r) => r.origin === centre.nodeId && r.column === 'action')).toBe(true);
      expect(refusedRows(result, 'visa_applications').get(visa)).toMatch(/^Geçersiz: yetkisiz adım/);
      expect(refusedRows(result, 'transfers').get(madeUp)).toMatch(/^Geçersiz: yetkisiz adım/);
      expect(result.report.tables.association_history?.rejected).toBe(Object.keys(forged).length);

      // The timeline keeps each step, marked.
      for (const [label, [associationId, stepId]] of Object.entries(forged)) {
        const verdict = await verdictOf(at, associationId, stepId);
        expect(verdict?.kind, label).toBe('unauthorised');
        expect(verdict?.text).toMatch(/^Geçersiz: yetkisiz adım/);
      }
    }
    const again = await deliver(ankara, ministry);
    expect(again.report.rejected).toEqual([]);
  });

  it('a province takes the ministry’s decision and rewrites the approving policy in its own database: the ministry keeps both out', async () => {
    const { ministry, ankara } = await hierarchy();
    const { updatedAt: _u, ...policy } = await ministry.ok<Record<string, unknown>>('registry:getPolicy');
    await ministry.ok('registry:updatePolicy', { ...policy, yearsWithoutVisaForCancellation: 3 });
    await deliver(ministry, ankara);
    const id = await awaitingApproval(ankara);
    // Ankara's database is tampered with: the policy now says provinces approve, then Ankara approves.
    ankara.ctx.db!.sqlite.transaction(() => {
      ankara.ctx.writer!.update(referenceDataSpec, POLICY_ID, { value: JSON.stringify({ ...policy, yearsWithoutVisaForCancellation: 3, approvingLevel: 'province' }) });
    })();
    const step = forgeStep(ankara, id, { kind: 'REGISTRATION', action: 'approve', from: 'ONAYDA', to: 'TESCILLI', data: { registrationNo: 'GSB-06-2026-0500', registeredOn: '2026-03-05' } });
    const result = await deliver(ankara, ministry);
    expect(result.report.rejected.find((r) => r.table === 'reference_data')?.reason).toContain('yalnızca Bakanlık');
    expect(refusedRows(result, 'association_history').get(step)).toContain('yalnızca Bakanlık verebilir; Ankara İl Müdürlüğü veremez');
    expect((await ministry.ok<{ approvingLevel: string }>('registry:getPolicy')).approvingLevel).toBe('ministry');
    expect(await facts(ministry, id)).toEqual({ status: 'ONAYDA', registrationNo: null, registeredOn: null, transferredTo: null });
    expect((await verdictOf(ministry, id, step))?.kind).toBe('unauthorised');
    // The ministry's own decision still counts, with the first number the ministry issues.
    const approved = await ministry.ok<AssociationDetail>('registry:transition', { id, action: 'approve', ...letter(9) });
    expect(approved).toMatchObject({ status: 'TESCILLI', registrationNo: expect.stringMatching(/^GSB-06-\d{4}-0001$/) });
  });

  it('the policy in force when a step was taken decides: a province’s approval under “province approves” stays, one after the return to “ministry approves” never counts', async () => {
    const { ministry, ankara } = await hierarchy();
    const { updatedAt: _u, ...policy } = await ministry.ok<Record<string, unknown>>('registry:getPolicy');
    await ministry.ok('registry:updatePolicy', { ...policy, approvingLevel: 'province' });
    await deliver(ministry, ankara);
    const early = await awaitingApproval(ankara);
    const late = await awaitingApproval(ankara);
    const approved = await ankara.ok<AssociationDetail>('registry:transition', { id: early, action: 'approve', ...letter(3) });
    expect(approved.status).toBe('TESCILLI');
    await deliver(ankara, ministry);
    await ministry.ok('registry:updatePolicy', { ...policy, approvingLevel: 'ministry' });
    await deliver(ministry, ankara);
    // Ankara's handler now refuses; a modified client writes the step anyway.
    expect((await ankara.invoke('registry:transition', { id: late, action: 'approve', ...letter(4) })).ok).toBe(false);
    const step = forgeStep(ankara, late, { kind: 'REGISTRATION', action: 'approve', from: 'ONAYDA', to: 'TESCILLI', data: { registrationNo: 'GSB-06-2026-0777', registeredOn: '2026-03-05' } });
    const result = await deliver(ankara, ministry);
    expect([...refusedRows(result, 'association_history').keys()]).toEqual([step]);
    for (const at of [ministry, ankara]) {
      expect(await facts(at, early)).toMatchObject({ status: 'TESCILLI', registrationNo: approved.registrationNo });
      expect(await facts(at, late)).toMatchObject({ status: 'ONAYDA', registrationNo: null });
    }
  });

  it('only the destination province accepts a transfer, and only the parties cancel it', async () => {
    const { ministry, ankara, izmir } = await hierarchy();
    const istanbul = await node('istanbul', 'province', '34');
    await enrol(ministry, istanbul);
    const id = await registered(ankara, ministry);
    const started = await ankara.ok<AssociationDetail>('registry:startTransfer', { associationId: id, toPlate: '35', reason: 'Taşınma', ...letter(5) });
    const transferId = started.transfers[0]!.id;
    await ankara.ok('registry:transferAction', { transferId, action: 'senderApprove', ...letter(6) });
    await deliver(ankara, ministry);
    await deliver(ministry, istanbul);
    // İstanbul accepts a transfer addressed to İzmir, creating a record of its own, and another cancels.
    // İstanbul does not hold the association (not addressed to it): the insider plants a copy of the record
    // in its own database, behind the app's back, to write steps against it.
    expect(await holds(istanbul, id)).toBe(false);
    const planted = ministry.ctx.db!.sqlite.prepare('SELECT * FROM associations WHERE id = ?').get(id) as Row;
    const plantedColumns = Object.keys(planted);
    istanbul.ctx.db!.sqlite.prepare(`INSERT INTO associations (${plantedColumns.join(', ')}) VALUES (${plantedColumns.map(() => '?').join(', ')})`).run(...plantedColumns.map((c) => planted[c]));
    const taken = istanbul.ctx.db!.sqlite.transaction(() => {
      const source = istanbul.ctx.db!.sqlite.prepare('SELECT * FROM associations WHERE id = ?').get(id) as Row;
      const values: Row = {};
      for (const column of associationsSpec.columns) values[column] = source[column] ?? null;
      return String(istanbul.ctx.writer!.insert(associationsSpec, istanbul.unitId, { ...values, province_plate: '34', transferred_from: id }).id);
    })();
    const number = (await get(ankara, id)).registrationNo;
    const inherit = forgeStep(istanbul, taken, { kind: 'REGISTRATION', action: 'inheritRegistration', to: 'TESCILLI', data: { registrationNo: number, transferId, fromAssociationId: id } });
    const out = forgeStep(istanbul, id, { kind: 'REGISTRATION', action: 'transferOut', from: 'TESCILLI', to: 'AKTARILDI', data: { transferId, newAssociationId: taken } });
    const accept = forgeStep(istanbul, id, { kind: 'TRANSFER', action: 'accept', from: 'GONDEREN_ONAYI', to: 'TAMAMLANDI', data: { transferId, newAssociationId: taken } });
    const cancel = forgeStep(istanbul, id, { kind: 'TRANSFER', action: 'cancel', from: 'GONDEREN_ONAYI', to: 'IPTAL', data: { transferId } });
    const atMinistry = await deliver(istanbul, ministry);
    const reasons = refusedRows(atMinistry, 'association_history');
    expect(reasons.get(accept)).toContain('nakli yalnızca derneğin gideceği il müdürlüğü (İzmir İl Müdürlüğü) kabul edebilir; İstanbul İl Müdürlüğü edemez');
    expect(reasons.get(cancel)).toContain('nakli yalnızca gönderen ya da alan il müdürlüğü iptal edebilir');
    expect(reasons.get(out)).toMatch(/^Geçersiz: yetkisiz adım/);
    expect(reasons.get(inherit)).toMatch(/^Geçersiz: yetkisiz adım/);
    // The transfer goes on: İzmir, the real receiver, still accepts it.
    await deliver(ministry, izmir);
    expect((await get(izmir, id)).transfers[0]!.state).toBe('GONDEREN_ONAYI');
    const done = await izmir.ok<{ state: string; newAssociationId: string }>('registry:transferAction', { transferId, action: 'accept', toDistrictId: await districtId(izmir, '35', 'Bornova') });
    await exchangeAll(ministry, [izmir, ankara, istanbul]);
    // Each record where its scope puts it: the old one with Ankara and İzmir (its transfer's), the new one with
    // İzmir, İstanbul's forgery with İstanbul; the ministry holds all three (İstanbul also its planted copy,
    // which nothing sent it). Wherever held, the same facts.
    const where = async (record: string) => (await Promise.all([ministry, ankara, izmir, istanbul].map((at) => holds(at, record)))).map(Number).join('');
    expect([await where(id), await where(done.newAssociationId), await where(taken)]).toEqual(['1111', '1010', '1001']);
    for (const at of [ministry, ankara, izmir]) expect(await facts(at, id)).toMatchObject({ status: 'AKTARILDI', transferredTo: done.newAssociationId });
    for (const at of [ministry, izmir]) expect(await facts(at, done.newAssociationId)).toMatchObject({ status: 'TESCILLI', registrationNo: number });
    for (const at of [ministry, istanbul]) expect(await facts(at, taken)).toMatchObject({ status: 'TASLAK', registrationNo: null });
  });
});

describe('races end the same everywhere: the first step in replay order (time, then id) wins', () => {
  async function transferAwaitingAcceptance() {
    const { ministry, ankara, izmir } = await hierarchy();
    const id = await registered(ankara, ministry);
    const started = await ankara.ok<AssociationDetail>('registry:startTransfer', { associationId: id, toPlate: '35', reason: 'Taşınma', ...letter(5) });
    const transferId = started.transfers[0]!.id;
    await ankara.ok('registry:transferAction', { transferId, action: 'senderApprove', ...letter(6) });
    await deliver(ankara, ministry);
    await deliver(ministry, izmir);
    const number = (await get(ankara, id)).registrationNo!;
    return { ministry, ankara, izmir, id, transferId, number };
  }

  /** The state every installation shows for the transfer, the old record and the new one. */
  async function picture(at: Node, id: string, transferId: string, newId: string) {
    const old = await get(at, id);
    return {
      transfer: old.transfers.find((t) => t.id === transferId)?.state,
      old: await facts(at, id),
      // İzmir's new record is İzmir's (and the ministry's): Ankara holds only the link to it.
      moved: (await holds(at, newId)) ? await facts(at, newId) : 'not held',
    };
  }

  it('Ankara cancels, then İzmir (not having seen it) accepts: cancelled everywhere, the old record stays registered, İzmir’s new record is void', async () => {
    const { ministry, ankara, izmir, id, transferId, number } = await transferAwaitingAcceptance();
    await ankara.ok('registry:transferAction', { transferId, action: 'cancel', reason: 'Dernek vazgeçti.', ...letter(7) });
    const done = await izmir.ok<{ state: string; newAssociationId: string }>('registry:transferAction', { transferId, action: 'accept', toDistrictId: await districtId(izmir, '35', 'Bornova') });
    expect(done.state).toBe('TAMAMLANDI'); // İzmir's own view until the files meet
    await deliver(izmir, ministry);
    const atAnkara = await deliver(ministry, ankara);
    await exchangeAll(ministry, [ankara, izmir]);

    const expected = {
      transfer: 'IPTAL',
      old: { status: 'TESCILLI', registrationNo: number, registeredOn: expect.any(String), transferredTo: null },
      moved: { status: 'TASLAK', registrationNo: null, registeredOn: null, transferredTo: null },
    };
    expect(await picture(ministry, id, transferId, done.newAssociationId)).toEqual(expected);
    expect(await picture(ankara, id, transferId, done.newAssociationId)).toEqual({ ...expected, moved: 'not held' });
    expect(await picture(izmir, id, transferId, done.newAssociationId)).toEqual(expected);

    // Ankara's report names İzmir's steps on its record that lost (the new record's is İzmir's); every timeline
    // shows them as not applied.
    const lost = refusedRows(atAnkara, 'association_history');
    expect(lost.size).toBe(2);
    for (const reason of lost.values()) expect(reason).toMatch(/^Uygulanmadı: yarışı kaybetti \(/);
    for (const at of [ministry, ankara, izmir]) {
      const old = await get(at, id);
      const accept = old.history.find((h) => h.action === 'accept')!;
      expect(accept.verdict).toMatchObject({ kind: 'lostRace', code: 'state', params: { expected: 'GONDEREN_ONAYI', current: 'IPTAL' } });
      expect(old.history.find((h) => h.action === 'transferOut')!.verdict?.kind).toBe('lostRace');
      expect(old.history.find((h) => h.kind === 'TRANSFER' && h.action === 'cancel')!.verdict).toBeNull();
      if (at === ankara) continue;
      const moved = await get(at, done.newAssociationId);
      expect(moved.history.find((h) => h.action === 'inheritRegistration')!.verdict?.text).toMatch(/^Uygulanmadı: yarışı kaybetti \(bu adımı doğuran nakil kabulü uygulanmadı/);
      expect(moved.warnings.map((w) => w.message).join(' ')).toContain('tescil devralınmadı');
      // In English the notice, its verdict and its reason are all English (the words come from the dictionary).
      const notice = moved.warnings.find((w) => w.key === 'registry.warning.inheritanceRefused')!;
      const english = messageText(notice.key!, notice.params, 'en', (key, language, params) => (isMessageKey(key) ? translate(language, key, params) : undefined))!;
      expect(english).toMatch(/^This record was opened by a transfer, but the registration was not taken over .*: Not applied: lost a race: /);
      expect(english).not.toMatch(/[çğıöşüÇĞİÖŞÜ]/);
      // The void record is no registered association in any list.
      const list = await at.ok<{ items: AssociationSummary[] }>('registry:search', { statuses: ['TESCILLI'], limit: 100, offset: 0 });
      expect(list.items.map((a) => a.id)).toEqual([id]);
    }
    // İzmir can no longer act on the old record as its own; Ankara may start a new transfer.
    expect((await ankara.invoke('registry:startTransfer', { associationId: id, toPlate: '35', reason: 'Yeniden', ...letter(8) })).ok).toBe(true);
  });

  it('İzmir accepts, then Ankara (not having seen it) cancels: completed everywhere, the cancellation did not apply', async () => {
    const { ministry, ankara, izmir, id, transferId, number } = await transferAwaitingAcceptance();
    const done = await izmir.ok<{ state: string; newAssociationId: string }>('registry:transferAction', { transferId, action: 'accept', toDistrictId: await districtId(izmir, '35', 'Bornova') });
    await ankara.ok('registry:transferAction', { transferId, action: 'cancel', reason: 'Dernek vazgeçti.', ...letter(7) });
    await exchangeAll(ministry, [ankara, izmir]);
    for (const at of [ministry, ankara, izmir]) {
      expect(await picture(at, id, transferId, done.newAssociationId)).toEqual({
        transfer: 'TAMAMLANDI',
        old: { status: 'AKTARILDI', registrationNo: number, registeredOn: expect.any(String), transferredTo: done.newAssociationId },
        moved: at === ankara ? 'not held' : { status: 'TESCILLI', registrationNo: number, registeredOn: expect.any(String), transferredTo: null },
      });
      const cancel = (await get(at, id)).history.find((h) => h.kind === 'TRANSFER' && h.action === 'cancel')!;
      expect(cancel.verdict).toMatchObject({ kind: 'lostRace', params: { expected: 'GONDEREN_ONAYI', current: 'TAMAMLANDI' } });
    }
  });

  it('two Ankara workstations under “province approves”: approve against return for completion, each way round', async () => {
    const ministry = await node('ministry', 'ministry');
    const a1 = await node('ankara-1', 'province', '06');
    const a2 = await node('ankara-2', 'province', '06');
    await enrol(ministry, a1);
    await enrol(ministry, a2);
    const { updatedAt: _u, ...policy } = await ministry.ok<Record<string, unknown>>('registry:getPolicy');
    await ministry.ok('registry:updatePolicy', { ...policy, approvingLevel: 'province' });
    await deliver(ministry, a1);
    const returnedFirst = await awaitingApproval(a1);
    const approvedFirst = await awaitingApproval(a1);
    await exchangeAll(ministry, [a1, a2]);

    await a2.ok('registry:transition', { id: returnedFirst, action: 'returnForCompletion', reason: 'Tüzük eksik.' });
    await a1.ok('registry:transition', { id: returnedFirst, action: 'approve', ...letter(3) });
    await a1.ok('registry:transition', { id: approvedFirst, action: 'approve', ...letter(4) });
    await a2.ok('registry:transition', { id: approvedFirst, action: 'returnForCompletion', reason: 'Tüzük eksik.' });
    await exchangeAll(ministry, [a1, a2]);

    const number = (await facts(ministry, approvedFirst)).registrationNo;
    expect(number).toMatch(/^GSB-06-\d{4}-\d{4}$/);
    for (const at of [ministry, a1, a2]) {
      expect(await facts(at, returnedFirst)).toEqual({ status: 'EKSIK_EVRAK', registrationNo: null, registeredOn: null, transferredTo: null });
      expect(await facts(at, approvedFirst)).toMatchObject({ status: 'TESCILLI', registrationNo: number });
      const lostApproval = (await get(at, returnedFirst)).history.find((h) => h.action === 'approve')!;
      expect(lostApproval.verdict).toMatchObject({ kind: 'lostRace', params: { expected: 'ONAYDA', current: 'EKSIK_EVRAK' } });
      const lostReturn = (await get(at, approvedFirst)).history.find((h) => h.action === 'returnForCompletion')!;
      expect(lostReturn.verdict?.text).toBe('Uygulanmadı: yarışı kaybetti (adım "Onayda" durumunda atılmış, ama o sırada durum "Tescilli" idi)');
    }
  });

  it('two Ankara workstations decide the same visa application differently: one decision everywhere, the other marked as not applied', async () => {
    const ministry = await node('ministry', 'ministry');
    const a1 = await node('ankara-1', 'province', '06');
    const a2 = await node('ankara-2', 'province', '06');
    await enrol(ministry, a1);
    await enrol(ministry, a2);
    const id = await registered(a1, ministry);
    const applied = await a1.ok<AssociationDetail>('registry:visaApply', { associationId: id, year: nextYear, appliedOn: '2026-03-01', ...letter(10) });
    const applicationId = applied.visaApplications[0]!.id;
    await a1.ok('registry:visaTransition', { applicationId, action: 'startReview' });
    const { visaChecklist } = await a1.ok<{ visaChecklist: { key: string; mandatory: boolean }[] }>('registry:getPolicy');
    for (const item of visaChecklist.filter((i) => i.mandatory)) {
      await a1.ok('registry:setDocument', { associationId: id, step: 'VIZE', visaYear: nextYear, itemKey: item.key, received: true });
    }
    await exchangeAll(ministry, [a1, a2]);
    await a1.ok('registry:visaTransition', { applicationId, action: 'approve', ...letter(11) });
    await a2.ok('registry:visaTransition', { applicationId, action: 'reject', reason: 'Faaliyet raporu yok.', ...letter(12) });
    await exchangeAll(ministry, [a1, a2]);

    const states = [];
    for (const at of [ministry, a1, a2]) {
      const detail = await get(at, id);
      const state = detail.visaApplications.find((v) => v.id === applicationId)!.state;
      states.push(state);
      const decisions = detail.history.filter((h) => h.kind === 'VISA' && (h.action === 'approve' || h.action === 'reject'));
      expect(decisions).toHaveLength(2);
      const counted = decisions.filter((h) => h.verdict === null);
      expect(counted.map((h) => h.toState)).toEqual([state]);
      const lost = decisions.find((h) => h.verdict !== null)!;
      expect(lost.verdict).toMatchObject({ kind: 'lostRace', code: 'visaDecision', params: { current: state } });
    }
    expect(new Set(states).size).toBe(1);
  });
});

describe('clocks', () => {
  it('a province whose clock runs behind the ministry’s: its step after the ministry’s decision still comes after it', async () => {
    const ahead = () => Date.now() + 3_600_000;
    const ministry = await createNode('ministry-ahead', 'ministry', undefined, ahead);
    nodes.push(ministry);
    const ankara = await node('ankara', 'province', '06');
    await enrol(ministry, ankara);
    const id = await awaitingApproval(ankara);
    await deliver(ankara, ministry);
    await ministry.ok('registry:transition', { id, action: 'returnForCompletion', reason: 'Tüzük eksik.' });
    await deliver(ministry, ankara);
    // An hour earlier by Ankara's clock than the ministry's return, yet taken after seeing it.
    const completed = await ankara.ok<AssociationDetail>('registry:transition', { id, action: 'documentsCompleted' });
    expect(completed.status).toBe('BASVURU_ALINDI');
    await ankara.ok('registry:transition', { id, action: 'sendForApproval', ...letter(3) });
    await deliver(ankara, ministry);
    await ministry.ok('registry:transition', { id, action: 'approve', ...letter(4) });
    await deliver(ministry, ankara);
    for (const at of [ministry, ankara]) {
      const detail = await get(at, id);
      expect(detail.status).toBe('TESCILLI');
      expect(detail.history.filter((h) => h.verdict !== null)).toEqual([]);
    }
  });
});

describe('rows leaving a scope', () => {
  it('the board a transfer carried to İzmir leaves İzmir once it accepted (its copies stay): removed for good, with a destruction record', async () => {
    const { ministry, ankara, izmir } = await hierarchy();
    const id = await registered(ankara, ministry);
    await ankara.ok('registry:savePerson', { associationId: id, kind: 'YONETIM', membership: 'ASIL', role: 'Başkan', fullName: 'Ayşe Yılmaz', tcKimlikNo: '10000000146' });
    const started = await ankara.ok<AssociationDetail>('registry:startTransfer', { associationId: id, toPlate: '35', reason: 'Taşınma', ...letter(5) });
    const transferId = started.transfers[0]!.id;
    await ankara.ok('registry:transferAction', { transferId, action: 'senderApprove', ...letter(6) });
    await deliver(ankara, ministry);
    await deliver(ministry, izmir);
    const boardAt = (at: Node, association: string) => (at.ctx.db!.sqlite.prepare('SELECT full_name AS n FROM association_people WHERE association_id = ?').all(association) as { n: string }[]).map((r) => r.n);
    // The sender approved: the file travels to İzmir, which accepts and copies it under its new record.
    expect(boardAt(izmir, id)).toEqual(['Ayşe Yılmaz']);
    const done = await izmir.ok<{ newAssociationId: string }>('registry:transferAction', { transferId, action: 'accept', toDistrictId: await districtId(izmir, '35', 'Bornova'), ...letter(7) });
    await deliver(izmir, ministry);
    const back = await deliver(ministry, izmir);
    // The old record's file is Ankara's again: gone from İzmir (board and documents), row and log, each with a
    // destruction record.
    expect(back.report.removed).toEqual({ association_people: 1, association_documents: expect.any(Number) });
    expect(boardAt(izmir, id)).toEqual([]);
    expect(boardAt(izmir, done.newAssociationId)).toEqual(['Ayşe Yılmaz']);
    const sqlite = izmir.ctx.db!.sqlite;
    const person = (ministry.ctx.db!.sqlite.prepare('SELECT id FROM association_people WHERE association_id = ?').get(id) as { id: string }).id;
    expect(sqlite.prepare('SELECT count(*) AS n FROM change_log WHERE row_id = ?').get(person)).toEqual({ n: 0 });
    expect(sqlite.prepare('SELECT table_name AS t, reason, source FROM destruction_log WHERE row_id = ?').get(person)).toEqual({ t: 'association_people', reason: 'kapsam dışına çıktı', source: expect.stringMatching(/\.kopru$/) });
    // The old record and its history stay (the new record's registration is derived through them).
    expect((await get(izmir, id)).status).toBe('AKTARILDI');
    // Ankara keeps its board; a later file does not remove anything more.
    expect(boardAt(ankara, id)).toEqual(['Ayşe Yılmaz']);
    // The same rows are named again until İzmir's receipt arrives; nothing more is removed or recorded.
    const again = await deliver(ministry, izmir);
    expect(again.report.removed ?? {}).toEqual({});
    expect(sqlite.prepare('SELECT count(*) AS n FROM destruction_log WHERE row_id = ?').get(person)).toEqual({ n: 1 });
  });
});

describe('honest workflows across installations', () => {
  it('registration, visa and a transfer through files: every step counts everywhere and nothing is reported', async () => {
    const { ministry, ankara, izmir } = await hierarchy();
    const centre = await node('centre', 'youth-center', '06');
    await enrol(ankara, centre);
    const id = await awaitingApproval(ankara);
    expect((await deliver(ankara, ministry)).report.rejected).toEqual([]);
    await ministry.ok('registry:transition', { id, action: 'approve', ...letter(3) });
    await ministry.ok('registry:transition', { id, action: 'suspend', reason: 'Denetim.', ...letter(4) });
    await ministry.ok('registry:transition', { id, action: 'reinstate', ...letter(5) });
    expect((await deliver(ministry, ankara)).report.rejected).toEqual([]);
    const number = (await facts(ankara, id)).registrationNo!;
    const applied = await ankara.ok<AssociationDetail>('registry:visaApply', { associationId: id, year: nextYear, appliedOn: '2026-03-01', ...letter(6) });
    await ankara.ok('registry:visaTransition', { applicationId: applied.visaApplications[0]!.id, action: 'startReview' });
    const started = await ankara.ok<AssociationDetail>('registry:startTransfer', { associationId: id, toPlate: '35', reason: 'Taşınma', ...letter(7) });
    const transferId = started.transfers[0]!.id;
    await ankara.ok('registry:transferAction', { transferId, action: 'senderApprove', ...letter(8) });
    expect((await deliver(ankara, ministry)).report.rejected).toEqual([]);
    expect((await deliver(ministry, izmir)).report.rejected).toEqual([]);
    const done = await izmir.ok<{ newAssociationId: string }>('registry:transferAction', { transferId, action: 'accept', toDistrictId: await districtId(izmir, '35', 'Bornova'), ...letter(9) });
    expect((await deliver(izmir, ministry)).report.rejected).toEqual([]);
    expect((await deliver(ministry, ankara)).report.rejected).toEqual([]);
    expect((await deliver(ankara, centre)).report.rejected).toEqual([]);
    for (const at of [ministry, ankara, izmir, centre]) expect(await facts(at, id)).toMatchObject({ status: 'AKTARILDI', registrationNo: number, transferredTo: done.newAssociationId });
    // The new record is İzmir's: Ankara and its youth centre hold only the link to it.
    expect(await holds(ankara, done.newAssociationId)).toBe(false);
    expect(await holds(centre, done.newAssociationId)).toBe(false);
    for (const at of [ministry, izmir]) {
      const moved = await get(at, done.newAssociationId);
      expect(moved).toMatchObject({ status: 'TESCILLI', registrationNo: number, ownerUnit: 'province:35' });
      expect(moved.visaApplications.map((v) => [v.year, v.state])).toEqual([[nextYear, 'INCELEME']]);
      expect(moved.history.length).toBeGreaterThan(8);
      expect(moved.history.filter((h) => h.verdict !== null)).toEqual([]);
      expect(moved.warnings).toEqual([]);
    }
  });
});
