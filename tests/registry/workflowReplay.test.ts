import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  approvingLevelAt,
  replayLineage,
  replayRecord,
  verdictText,
  type ApprovingPolicy,
  type WorkflowRecord,
  type WorkflowStep,
} from '../../shared/registry/workflow';

// The workflow replay (issue #14) as a pure function: which steps count, whatever order they arrive in.

const MINISTRY: ApprovingPolicy = { current: 'ministry', versions: [] };
const policy = (p: ApprovingPolicy) => () => p;

let ids = 0;
/** A step; ids increase with creation, as time-ordered UUIDs do. */
function step(at: string, author: string, kind: string, action: string, from: string | null, to: string | null, data: Record<string, unknown> = {}): WorkflowStep {
  ids++;
  return { id: `s${String(ids).padStart(6, '0')}`, kind, action, fromState: from, toState: to, at: `2026-03-${at}Z`, author, data };
}

const A = 'province:06';
const record = (steps: WorkflowStep[], extra: Partial<WorkflowRecord> = {}): WorkflowRecord => ({ id: 'assoc-a', ownerUnit: A, transferredFrom: null, steps, ...extra });

/** Steps up to ONAYDA by the owner. */
const prepared = () => [
  step('01T09:00:00.000', A, 'REGISTRATION', 'logApplication', 'TASLAK', 'BASVURU_ALINDI'),
  step('01T10:00:00.000', A, 'REGISTRATION', 'sendForApproval', 'BASVURU_ALINDI', 'ONAYDA'),
];
const approve = (at: string, author: string, no = 'GSB-06-2026-0001') => step(at, author, 'REGISTRATION', 'approve', 'ONAYDA', 'TESCILLI', { registrationNo: no, registeredOn: '2026-03-02' });

describe('registration replay', () => {
  it('the approver’s decision counts; the same decision from a province or a youth centre does not', () => {
    const forged = approve('02T08:00:00.000', 'youth-center:x', 'GSB-06-2026-0999');
    const own = approve('02T08:30:00.000', A, 'GSB-06-2026-0998');
    const genuine = approve('02T09:00:00.000', 'ministry');
    const result = replayRecord(record([...prepared(), forged, own, genuine]), policy(MINISTRY), null);
    expect(result).toMatchObject({ status: 'TESCILLI', registrationNo: 'GSB-06-2026-0001' });
    expect(result.refused.get(forged.id)).toMatchObject({ kind: 'unauthorised', code: 'approver', params: { needed: 'ministry', author: 'youth-center:x' } });
    expect(verdictText(result.refused.get(own.id)!)).toBe('Geçersiz: yetkisiz adım (bu kararı onay politikasına göre yalnızca Bakanlık verebilir; Ankara İl Müdürlüğü veremez)');
    expect(result.refused.has(genuine.id)).toBe(false);
  });

  it('a step that leaves a state the record has already left lost the race, whatever order the rows came in', () => {
    const returned = step('02T09:00:00.000', 'ministry', 'REGISTRATION', 'returnForCompletion', 'ONAYDA', 'EKSIK_EVRAK');
    const approved = approve('02T09:00:01.000', 'ministry');
    const steps = [...prepared(), approved, returned];
    fc.assert(
      fc.property(fc.shuffledSubarray(steps, { minLength: steps.length, maxLength: steps.length }), (shuffled) => {
        const result = replayRecord(record(shuffled), policy(MINISTRY), null);
        expect(result.status).toBe('EKSIK_EVRAK');
        expect(result.registrationNo).toBeNull();
        expect(result.refused.get(approved.id)).toMatchObject({ kind: 'lostRace', code: 'state', params: { expected: 'ONAYDA', current: 'EKSIK_EVRAK' } });
        expect(result.refused.size).toBe(1);
      }),
    );
  });

  it('equal times are ordered by id, so a tie ends the same everywhere', () => {
    const first = approve('02T09:00:00.000', 'ministry', 'GSB-06-2026-0001');
    const second = approve('02T09:00:00.000', 'ministry', 'GSB-06-2026-0002');
    expect(replayRecord(record([...prepared(), second, first]), policy(MINISTRY), null).registrationNo).toBe('GSB-06-2026-0001');
  });

  it('a step against the rules does not count: a target the action does not lead to, an approval without a valid number', () => {
    const wrongTarget = step('02T08:00:00.000', A, 'REGISTRATION', 'sendForApproval', 'BASVURU_ALINDI', 'TESCILLI');
    const noNumber = approve('02T09:00:00.000', 'ministry', 'GSB-6-26-1');
    const wrong = replayRecord(record([prepared()[0]!, wrongTarget]), policy(MINISTRY), null);
    expect(wrong.status).toBe('BASVURU_ALINDI');
    expect(wrong.refused.get(wrongTarget.id)).toMatchObject({ kind: 'malformed', code: 'wrongTarget' });
    const unnumbered = replayRecord(record([...prepared(), noNumber]), policy(MINISTRY), null);
    expect(unnumbered).toMatchObject({ status: 'ONAYDA', registrationNo: null });
    expect(unnumbered.refused.get(noNumber.id)).toMatchObject({ kind: 'malformed', code: 'badNumber' });
  });

  it('the approving level in force at the step’s time decides', () => {
    const timeline: ApprovingPolicy = {
      current: 'ministry',
      versions: [
        { from: Date.parse('2026-03-01T12:00:00Z'), level: 'province' },
        { from: Date.parse('2026-03-05T12:00:00Z'), level: 'ministry' },
      ],
    };
    expect(approvingLevelAt(timeline, '2026-03-01T11:59:59.999Z')).toBe('ministry');
    expect(approvingLevelAt(timeline, '2026-03-01T12:00:00.000Z')).toBe('province');
    expect(approvingLevelAt(timeline, '2026-03-06T00:00:00.000Z')).toBe('ministry');
    const during = replayRecord(record([...prepared(), approve('02T09:00:00.000', A)]), policy(timeline), null);
    expect(during.status).toBe('TESCILLI');
    const after = replayRecord(record([...prepared(), approve('06T09:00:00.000', A)]), policy(timeline), null);
    expect(after.status).toBe('ONAYDA');
    // A record with no approver's step never reads the policy.
    replayRecord(record(prepared()), () => {
      throw new Error('policy read');
    }, null);
  });
});

describe('transfer replay', () => {
  const T = 'transfer-1';
  const NEW = 'assoc-b';
  const registered = () => [...prepared(), approve('02T09:00:00.000', 'ministry')];
  const request = () => step('03T09:00:00.000', A, 'TRANSFER', 'request', null, 'TALEP', { transferId: T, toPlate: '35' });
  const senderApprove = () => step('03T10:00:00.000', A, 'TRANSFER', 'senderApprove', 'TALEP', 'GONDEREN_ONAYI', { transferId: T });
  /** What the receiver writes when it accepts: its new record's inherited registration, the sender's transfer-out, the acceptance. */
  const acceptance = (at: string, receiver = 'province:35', newId = NEW) => ({
    inherit: step(at, receiver, 'REGISTRATION', 'inheritRegistration', null, 'TESCILLI', { registrationNo: 'GSB-06-2026-0001', transferId: T, fromAssociationId: 'assoc-a' }),
    out: step(at, receiver, 'REGISTRATION', 'transferOut', 'TESCILLI', 'AKTARILDI', { newAssociationId: newId, transferId: T }),
    accept: step(at, receiver, 'TRANSFER', 'accept', 'GONDEREN_ONAYI', 'TAMAMLANDI', { transferId: T, newAssociationId: newId }),
  });
  const cancel = (at: string, author = A) => step(at, author, 'TRANSFER', 'cancel', 'GONDEREN_ONAYI', 'IPTAL', { transferId: T });
  const receiving = (inherit: WorkflowStep): WorkflowRecord => ({ id: NEW, ownerUnit: 'province:35', transferredFrom: 'assoc-a', steps: [inherit] });

  it('accept before cancel: completed on both records, the cancellation did not apply', () => {
    const { inherit, out, accept } = acceptance('04T09:00:00.000');
    const late = cancel('04T10:00:00.000');
    const [old, moved] = replayLineage([record([...registered(), request(), senderApprove(), late, accept, out]), receiving(inherit)], policy(MINISTRY));
    expect(old).toMatchObject({ status: 'AKTARILDI', transferredTo: NEW });
    expect(old!.transfers.get(T)).toEqual({ state: 'TAMAMLANDI', toPlate: '35', newAssociationId: NEW });
    expect(old!.refused.get(late.id)).toMatchObject({ kind: 'lostRace', params: { current: 'TAMAMLANDI' } });
    expect(moved).toMatchObject({ status: 'TESCILLI', registrationNo: 'GSB-06-2026-0001', registeredOn: '2026-03-02' });
    expect(moved!.refused.size).toBe(0);
  });

  it('cancel before accept: cancelled, the old record stays registered and the receiver’s record is void', () => {
    const early = cancel('04T08:00:00.000', 'province:35');
    const { inherit, out, accept } = acceptance('04T09:00:00.000');
    const [old, moved] = replayLineage([record([...registered(), request(), senderApprove(), accept, out, early]), receiving(inherit)], policy(MINISTRY));
    expect(old).toMatchObject({ status: 'TESCILLI', transferredTo: null, registrationNo: 'GSB-06-2026-0001' });
    expect(old!.transfers.get(T)?.state).toBe('IPTAL');
    for (const lost of [accept, out]) expect(old!.refused.get(lost.id)?.kind).toBe('lostRace');
    expect(moved).toMatchObject({ status: 'TASLAK', registrationNo: null });
    expect(verdictText(moved!.refused.get(inherit.id)!)).toBe(
      'Uygulanmadı: yarışı kaybetti (bu adımı doğuran nakil kabulü uygulanmadı: kabul "Gönderen il onayladı" durumunda yapılmış, ama o sırada durum "İptal" idi)',
    );
  });

  it('an acceptance by another province, naming the receiver’s record, neither counts nor displaces the real one', () => {
    const real = acceptance('04T09:00:00.000');
    const forged = step('04T09:30:00.000', 'province:34', 'TRANSFER', 'accept', 'GONDEREN_ONAYI', 'TAMAMLANDI', { transferId: T, newAssociationId: NEW });
    const [old, moved] = replayLineage([record([...registered(), request(), senderApprove(), real.accept, real.out, forged]), receiving(real.inherit)], policy(MINISTRY));
    expect(old!.refused.get(forged.id)).toMatchObject({ kind: 'unauthorised', code: 'receiver', params: { needed: 'province:35', author: 'province:34' } });
    expect(moved!.status).toBe('TESCILLI');
  });

  it('a transfer started by anyone but the owner never exists; a second one waits for the first to end', () => {
    const forged = step('03T08:00:00.000', 'province:35', 'TRANSFER', 'request', null, 'TALEP', { transferId: 'transfer-x', toPlate: '35' });
    const second = step('03T11:00:00.000', A, 'TRANSFER', 'request', null, 'TALEP', { transferId: 'transfer-2', toPlate: '34' });
    const result = replayRecord(record([...registered(), forged, request(), second]), policy(MINISTRY), null);
    expect([...result.transfers.keys()]).toEqual([T]);
    expect(result.refused.get(forged.id)?.code).toBe('owner');
    expect(result.refused.get(second.id)).toMatchObject({ kind: 'lostRace', code: 'transferOpen' });
  });

  it('a registration cancelled before the acceptance: the acceptance lost, the transfer stays open', () => {
    const cancelled = step('04T08:00:00.000', 'ministry', 'REGISTRATION', 'cancel', 'TESCILLI', 'TESCIL_IPTAL', { cancellationReason: 'DERBIS_FESIH' });
    const { inherit, out, accept } = acceptance('04T09:00:00.000');
    const [old, moved] = replayLineage([record([...registered(), request(), senderApprove(), cancelled, accept, out]), receiving(inherit)], policy(MINISTRY));
    expect(old).toMatchObject({ status: 'TESCIL_IPTAL', transferredTo: null });
    expect(old!.refused.get(accept.id)).toMatchObject({ kind: 'lostRace', params: { workflow: 'REGISTRATION', expected: 'TESCILLI', current: 'TESCIL_IPTAL' } });
    expect(moved!.status).toBe('TASLAK');
  });
});

describe('visa steps', () => {
  const app = 'visa-1';
  const visa = (at: string, action: string, from: string | null, to: string, author = A) => step(at, author, 'VISA', action, from, to, { year: 2027, applicationId: app });

  it('of two decisions that left the same state, the one the application holds counts', () => {
    const steps = [visa('01T09:00:00.000', 'apply', null, 'BASVURU'), visa('01T10:00:00.000', 'startReview', 'BASVURU', 'INCELEME')];
    const approved = visa('02T09:00:00.000', 'approve', 'INCELEME', 'ONAY');
    const rejected = visa('02T10:00:00.000', 'reject', 'INCELEME', 'RED');
    for (const [decided, lost] of [['RED', approved], ['ONAY', rejected]] as const) {
      const result = replayRecord(record([...steps, approved, rejected]), policy(MINISTRY), null, new Map([[app, decided]]));
      expect([...result.refused.keys()]).toEqual([lost.id]);
      expect(result.refused.get(lost.id)).toMatchObject({ kind: 'lostRace', code: 'visaDecision', params: { current: decided } });
    }
  });

  it('a visa step written by another unit does not count', () => {
    const forged = visa('01T09:00:00.000', 'approve', 'INCELEME', 'ONAY', 'youth-center:x');
    expect(replayRecord(record([forged]), policy(MINISTRY), null, new Map()).refused.get(forged.id)?.code).toBe('owner');
  });
});
