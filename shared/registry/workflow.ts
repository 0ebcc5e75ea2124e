import { provinceByPlate } from '../regions';
import { TRANSFER_STATE_LABELS, type TransferState } from './fields';
import { DEFAULT_REGISTRY_POLICY, type ApprovingLevel } from './policy';
import {
  playsActor,
  REGISTRATION_ACTIONS,
  REGISTRATION_NO,
  REGISTRATION_STATE_LABELS,
  type ActingUnit,
  type RegistrationAction,
  type RegistrationState,
} from './registration';
import { VISA_ACTIONS, type VisaApplicationState } from './visa';

// Which workflow steps count (issue #14). Every step is an append-only association_history row owned by the unit
// that wrote it, and the merge engine only checks that a unit writes its own rows: whether that unit was entitled
// to the step, and whether the step was still possible when it was taken, is decided here. The steps of one
// association are replayed in a fixed order (`at`, then `id`) through the state machines of DOMAIN.md §4; a step
// counts only if its author (the row's owner_unit) holds the authority for it and it leaves the state the replay
// has reached. Everything derived from history (status, number, transfer state, …) comes from this one pure
// function, so every installation that holds the same rows derives the same state, and a step that does not
// count stays in the history, marked with why.

/** One history row as the replay reads it. */
export interface WorkflowStep {
  id: string;
  kind: string;
  action: string;
  fromState: string | null;
  toState: string | null;
  at: string;
  /** The history row's owner_unit: the unit whose installation wrote it (checked by the exchange). */
  author: string;
  data: Record<string, unknown>;
}

/** One association record and its steps. */
export interface WorkflowRecord {
  id: string;
  ownerUnit: string;
  transferredFrom: string | null;
  steps: readonly WorkflowStep[];
}

/** The approving level over time: versions of the ministry's policy by the time each took effect, and the latest. */
export interface ApprovingPolicy {
  current: ApprovingLevel;
  versions: readonly { from: number; level: ApprovingLevel }[];
}

export const VERDICT_KINDS = ['unauthorised', 'lostRace', 'malformed'] as const;
export type VerdictKind = (typeof VERDICT_KINDS)[number];

export const VERDICT_KIND_LABELS: Record<VerdictKind, string> = {
  unauthorised: 'Geçersiz: yetkisiz adım',
  lostRace: 'Uygulanmadı: yarışı kaybetti',
  malformed: 'Geçersiz: kurallara aykırı adım',
};

/**
 * Why a step does not count. Placeholders: {author} and {needed} are unit ids, {expected} and {current} state
 * codes of the step's workflow (registration, transfer or visa application).
 */
export const VERDICT_REASONS = {
  owner: 'bu adımı yalnızca kaydın sahibi {needed} atabilir; {author} atamaz',
  approver: 'bu kararı onay politikasına göre yalnızca {needed} verebilir; {author} veremez',
  receiver: 'nakli yalnızca derneğin gideceği il müdürlüğü ({needed}) kabul edebilir; {author} edemez',
  party: 'nakli yalnızca gönderen ya da alan il müdürlüğü iptal edebilir; {author} edemez',
  noTransfer: 'bu adımın ait olduğu nakil, derneğin sahibince geçerli biçimde başlatılmamış',
  noAcceptance: 'bu adımı doğuracak geçerli bir nakil kabulü yok',
  state: 'adım "{expected}" durumunda atılmış, ama o sırada durum "{current}" idi',
  transferOpen: 'bu dernek için daha önce başlatılmış başka bir nakil sürüyordu',
  transferNotCompleted: 'bu adımı doğuran nakil kabulü uygulanmadı: kabul "{expected}" durumunda yapılmış, ama o sırada durum "{current}" idi',
  visaDecision: 'aynı vize başvurusu için verilen başka karar geçerli: "{current}"',
  unknownAction: 'bu işlem türü tanınmıyor',
  repeated: 'bu adım aynı iş için zaten atılmış',
  wrongTarget: 'adımın yazdığı sonuç durumu işlem kuralına uymuyor',
  badNumber: 'adım geçerli bir GSB tescil numarası taşımıyor',
} as const;
export type VerdictCode = keyof typeof VERDICT_REASONS;
export const VERDICT_CODES = Object.keys(VERDICT_REASONS) as VerdictCode[];

/** Which vocabulary the state codes of a verdict belong to. */
export type WorkflowName = 'REGISTRATION' | 'TRANSFER' | 'VISA';

export interface Verdict {
  kind: VerdictKind;
  code: VerdictCode;
  params: { author?: string; needed?: string; expected?: string; current?: string; workflow?: WorkflowName };
}

export interface TransferOutcome {
  state: TransferState;
  toPlate: string;
  newAssociationId: string | null;
}

/** What a record's history amounts to. */
export interface WorkflowResult {
  status: RegistrationState;
  registrationNo: string | null;
  registeredOn: string | null;
  transferredTo: string | null;
  /** Transfers validly started on this record, by id. A transfers row not here never started. */
  transfers: Map<string, TransferOutcome>;
  /** Acceptance steps by the record they created: how the receiving record's inherited registration is judged. */
  acceptances: Map<string, { transferId: string; author: string; verdict: Verdict | null }>;
  /** Steps that do not count, by history row id; any other step counts. */
  refused: Map<string, Verdict>;
}

/** The role of a unit follows from its id: `ministry`, `province:NN`, `youth-center:…`. */
export function actingUnit(unitId: string): ActingUnit {
  if (unitId === 'ministry') return { role: 'ministry', unitId };
  if (unitId.startsWith('province:')) return { role: 'province', unitId };
  return { role: 'youth-center', unitId };
}

/** The approving level in force at `at` (an ISO time): the latest policy version from no later than that. */
export function approvingLevelAt(policy: ApprovingPolicy, at: string): ApprovingLevel {
  const time = Date.parse(at);
  let level = DEFAULT_REGISTRY_POLICY.approvingLevel;
  for (const version of policy.versions) {
    if (version.from > time) break;
    level = version.level;
  }
  return level;
}

/** Replay order: the author's time, then the row id (time-ordered UUIDs), so ties end the same everywhere. */
const inReplayOrder = (a: WorkflowStep, b: WorkflowStep) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const text = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);

/**
 * Replays one record's steps. `origin` is the replay of the record it was transferred from (its receiving
 * record's inherited registration counts only if that record's replay completed the transfer to it);
 * `policy` is asked for only when an approver's step is met; `visaDecisions` (application id → its current
 * state) lets concurrent visa decisions be told apart, and is needed only to explain steps.
 */
export function replayRecord(
  record: WorkflowRecord,
  policy: () => ApprovingPolicy,
  origin: { id: string; result: WorkflowResult } | null,
  visaDecisions?: ReadonlyMap<string, string>,
): WorkflowResult {
  const owner = record.ownerUnit;
  const result: WorkflowResult = {
    status: 'TASLAK', registrationNo: null, registeredOn: null, transferredTo: null, transfers: new Map(), acceptances: new Map(), refused: new Map(),
  };
  const refuse = (step: WorkflowStep, kind: VerdictKind, code: VerdictCode, params: Verdict['params'] = {}): Verdict => {
    const verdict = { kind, code, params };
    result.refused.set(step.id, verdict);
    return verdict;
  };
  /** Takes the number and date an approval or import carries; refuses the step when the number is malformed. */
  const takeNumber = (step: WorkflowStep): boolean => {
    const number = text(step.data.registrationNo);
    if (!number || !REGISTRATION_NO.test(number)) {
      refuse(step, 'malformed', 'badNumber');
      return false;
    }
    result.registrationNo = number;
    result.registeredOn = text(step.data.registeredOn) ?? step.at.slice(0, 10);
    return true;
  };
  const raced = (step: WorkflowStep, workflow: WorkflowName, current: string) =>
    refuse(step, 'lostRace', 'state', { workflow, expected: step.fromState ?? '', current });
  // A step that follows from an acceptance (the sender's transfer-out, the receiver's inherited registration)
  // fares as the acceptance did.
  const mirror = (step: WorkflowStep, verdict: Verdict) =>
    verdict.kind === 'lostRace' ? refuse(step, 'lostRace', 'transferNotCompleted', verdict.params) : result.refused.set(step.id, verdict);
  let openTransfer: string | null = null;
  const transfersOut: WorkflowStep[] = [];
  const visaSteps: WorkflowStep[] = [];
  let approving: ApprovingPolicy | null = null;
  const approverHolds = (step: WorkflowStep): true | string => {
    approving ??= policy();
    // The policy in force when the step was taken: a later change neither voids a decision lawfully taken
    // before it nor makes good one taken without authority.
    const level = approvingLevelAt(approving, step.at);
    return playsActor('approver', actingUnit(step.author), owner, level) || (level === 'ministry' ? 'ministry' : owner);
  };

  for (const step of [...record.steps].sort(inReplayOrder)) {
    if (step.kind === 'REGISTRATION') {
      if (step.action === 'transferOut') {
        // The sending record's side of an acceptance: judged with the acceptance, after the replay.
        transfersOut.push(step);
        continue;
      }
      if (step.action === 'import' || step.action === 'inheritRegistration') {
        if (step.author !== owner) {
          refuse(step, 'unauthorised', 'owner', { needed: owner, author: step.author });
          continue;
        }
        if (step.toState !== 'TESCILLI') {
          refuse(step, 'malformed', 'wrongTarget');
          continue;
        }
        if (result.status !== 'TASLAK' || (step.action === 'import' && step.fromState !== 'TASLAK')) {
          raced(step, 'REGISTRATION', result.status);
          continue;
        }
        if (step.action === 'import') {
          if (!takeNumber(step)) continue;
        } else {
          // The receiving record of a transfer: registered with the sender's number if, and only if, the sending
          // record's replay completed that very transfer to this record.
          const acceptance = origin && origin.id === record.transferredFrom && origin.id === step.data.fromAssociationId ? origin.result.acceptances.get(record.id) : undefined;
          if (!acceptance || acceptance.transferId !== step.data.transferId || acceptance.author !== step.author) {
            refuse(step, 'unauthorised', 'noAcceptance');
            continue;
          }
          if (acceptance.verdict) {
            mirror(step, acceptance.verdict);
            continue;
          }
          result.registrationNo = origin!.result.registrationNo;
          result.registeredOn = origin!.result.registeredOn;
        }
        result.status = 'TESCILLI';
        continue;
      }
      if (!Object.hasOwn(REGISTRATION_ACTIONS, step.action)) {
        refuse(step, 'malformed', 'unknownAction');
        continue;
      }
      const rule: RegistrationAction = REGISTRATION_ACTIONS[step.action as keyof typeof REGISTRATION_ACTIONS];
      if (rule.actor === 'owner' && step.author !== owner) {
        refuse(step, 'unauthorised', 'owner', { needed: owner, author: step.author });
        continue;
      }
      if (rule.actor === 'approver') {
        const holds = approverHolds(step);
        if (holds !== true) {
          refuse(step, 'unauthorised', 'approver', { needed: holds, author: step.author });
          continue;
        }
      }
      if (step.toState !== rule.to) {
        refuse(step, 'malformed', 'wrongTarget');
        continue;
      }
      if (step.fromState !== result.status || !rule.from.includes(result.status)) {
        raced(step, 'REGISTRATION', result.status);
        continue;
      }
      if (step.action === 'approve' && !takeNumber(step)) continue;
      result.status = rule.to;
      continue;
    }

    if (step.kind === 'TRANSFER') {
      const transferId = text(step.data.transferId);
      const transfer = transferId ? result.transfers.get(transferId) : undefined;
      const receiver = transfer ? `province:${transfer.toPlate}` : null;
      const newId = text(step.data.newAssociationId);
      const judged = (verdict: Verdict | null) => {
        // A counted acceptance is never displaced by another step naming the same record.
        if (step.action === 'accept' && newId && transferId && result.acceptances.get(newId)?.verdict !== null) {
          result.acceptances.set(newId, { transferId, author: step.author, verdict });
        }
      };
      if (step.action === 'request') {
        const toPlate = text(step.data.toPlate);
        if (step.author !== owner) refuse(step, 'unauthorised', 'owner', { needed: owner, author: step.author });
        else if (!transferId || !toPlate || !/^\d{2}$/.test(toPlate) || step.toState !== 'TALEP') refuse(step, 'malformed', 'wrongTarget');
        else if (transfer) refuse(step, 'malformed', 'repeated');
        else if (result.status !== 'TESCILLI') refuse(step, 'lostRace', 'state', { workflow: 'REGISTRATION', expected: 'TESCILLI', current: result.status });
        else if (openTransfer) refuse(step, 'lostRace', 'transferOpen');
        else {
          result.transfers.set(transferId, { state: 'TALEP', toPlate, newAssociationId: null });
          openTransfer = transferId;
        }
        continue;
      }
      if (!transfer || !transferId) {
        judged(refuse(step, 'unauthorised', 'noTransfer'));
        continue;
      }
      if (step.action === 'senderApprove') {
        if (step.author !== owner) refuse(step, 'unauthorised', 'owner', { needed: owner, author: step.author });
        else if (step.toState !== 'GONDEREN_ONAYI') refuse(step, 'malformed', 'wrongTarget');
        else if (transfer.state !== 'TALEP' || step.fromState !== transfer.state) raced(step, 'TRANSFER', transfer.state);
        else transfer.state = 'GONDEREN_ONAYI';
        continue;
      }
      if (step.action === 'cancel') {
        if (step.author !== owner && step.author !== receiver) refuse(step, 'unauthorised', 'party', { author: step.author });
        else if (step.toState !== 'IPTAL') refuse(step, 'malformed', 'wrongTarget');
        else if ((transfer.state !== 'TALEP' && transfer.state !== 'GONDEREN_ONAYI') || step.fromState !== transfer.state) raced(step, 'TRANSFER', transfer.state);
        else {
          transfer.state = 'IPTAL';
          if (openTransfer === transferId) openTransfer = null;
        }
        continue;
      }
      if (step.action === 'accept') {
        if (step.author !== receiver) judged(refuse(step, 'unauthorised', 'receiver', { needed: receiver!, author: step.author }));
        else if (!newId || step.toState !== 'TAMAMLANDI') judged(refuse(step, 'malformed', 'wrongTarget'));
        else if (transfer.state !== 'GONDEREN_ONAYI' || step.fromState !== transfer.state) judged(raced(step, 'TRANSFER', transfer.state));
        else if (result.status !== 'TESCILLI') judged(refuse(step, 'lostRace', 'state', { workflow: 'REGISTRATION', expected: 'TESCILLI', current: result.status }));
        else {
          transfer.state = 'TAMAMLANDI';
          transfer.newAssociationId = newId;
          result.status = 'AKTARILDI';
          result.transferredTo = newId;
          if (openTransfer === transferId) openTransfer = null;
          judged(null);
        }
        continue;
      }
      refuse(step, 'malformed', 'unknownAction');
      continue;
    }

    if (step.kind === 'VISA') {
      // Visa applications are the owning province's (DOMAIN.md §4.2; registry:visaApply / visaTransition).
      if (step.author !== owner) refuse(step, 'unauthorised', 'owner', { needed: owner, author: step.author });
      else visaSteps.push(step);
      continue;
    }
    if ((step.kind === 'RECORD' || step.kind === 'CLUB_TYPE') && step.author !== owner) {
      refuse(step, 'unauthorised', 'owner', { needed: owner, author: step.author });
    }
  }

  // The sending record's transfer-out counts exactly when the acceptance it belongs to counts.
  for (const step of transfersOut) {
    const acceptance = result.acceptances.get(text(step.data.newAssociationId) ?? '');
    if (!acceptance || acceptance.transferId !== step.data.transferId || acceptance.author !== step.author) refuse(step, 'unauthorised', 'noAcceptance');
    else if (acceptance.verdict) mirror(step, acceptance.verdict);
  }

  judgeVisaSteps(visaSteps, visaDecisions, refuse);
  return result;
}

/**
 * Visa steps of each application in replay order. The decision itself is the application row's state, which
 * only the owning province writes; two of its workstations deciding the same application differently is a
 * same-field edit of that row, settled by the exchange's field rule (the later clock wins everywhere, and the
 * conflict inbox shows both). Of two steps that left the same state, the one the application's state does not
 * reflect is marked as having lost.
 */
function judgeVisaSteps(
  steps: readonly WorkflowStep[],
  decisions: ReadonlyMap<string, string> | undefined,
  refuse: (step: WorkflowStep, kind: VerdictKind, code: VerdictCode, params?: Verdict['params']) => Verdict,
): void {
  if (!decisions) return;
  const byApplication = new Map<string, WorkflowStep[]>();
  for (const step of steps) {
    const id = text(step.data.applicationId);
    if (!id) continue;
    let list = byApplication.get(id);
    if (!list) byApplication.set(id, (list = []));
    list.push(step);
  }
  for (const [applicationId, list] of byApplication) {
    const decided = decisions.get(applicationId);
    let state: string | null = null;
    let last: { step: WorkflowStep; before: string } | null = null;
    for (const step of list) {
      if (step.action === 'apply') {
        if (state !== null) refuse(step, 'malformed', 'repeated');
        else state = 'BASVURU';
        continue;
      }
      const rule = Object.hasOwn(VISA_ACTIONS, step.action) ? VISA_ACTIONS[step.action as keyof typeof VISA_ACTIONS] : null;
      if (!rule) {
        refuse(step, 'malformed', 'unknownAction');
        continue;
      }
      if (state !== null && step.fromState === state && (rule.from as readonly string[]).includes(state)) {
        last = { step, before: state };
        state = rule.to;
        continue;
      }
      const sibling = last && step.fromState === last.before;
      if (sibling && decided !== undefined && step.toState === decided && last!.step.toState !== decided) {
        // Both left the same state; the application holds this one's decision.
        refuse(last!.step, 'lostRace', 'visaDecision', { workflow: 'VISA', current: decided });
        last = { step, before: last!.before };
        state = rule.to;
        continue;
      }
      if (sibling) refuse(step, 'lostRace', 'visaDecision', { workflow: 'VISA', current: state ?? '' });
      else refuse(step, 'lostRace', 'state', { workflow: 'VISA', expected: step.fromState ?? '', current: state ?? '' });
    }
  }
}

/** Replays a chain of records, oldest first (each transferred from the one before it); returns each result. */
export function replayLineage(
  records: readonly WorkflowRecord[],
  policy: () => ApprovingPolicy,
  visaDecisions?: ReadonlyMap<string, string>,
): WorkflowResult[] {
  const results: WorkflowResult[] = [];
  records.forEach((record, i) => {
    const parent = i > 0 ? records[i - 1]! : null;
    const origin = parent && record.transferredFrom === parent.id ? { id: parent.id, result: results[i - 1]! } : null;
    results.push(replayRecord(record, policy, origin, visaDecisions));
  });
  return results;
}

// Turkish wording, for messages the server writes (the import report); the screens translate the codes.

/** `ministry` → Bakanlık, `province:06` → Ankara İl Müdürlüğü, a youth centre → bir gençlik merkezi. */
export function unitLabel(unitId: string): string {
  if (unitId === 'ministry') return 'Bakanlık';
  const plate = /^province:(\d{2})$/.exec(unitId)?.[1];
  if (plate) return `${provinceByPlate(plate)?.name ?? plate} İl Müdürlüğü`;
  if (unitId.startsWith('youth-center:')) return `bir gençlik merkezi (${unitId})`;
  return unitId;
}

export const VISA_STATE_LABELS: Record<VisaApplicationState, string> = { BASVURU: 'Başvuru alındı', INCELEME: 'İncelemede', ONAY: 'Onaylandı', EKSIK: 'Eksik evrak', RED: 'Reddedildi' };

export function stateLabel(workflow: WorkflowName | undefined, code: string): string {
  const labels: Record<string, string> = workflow === 'TRANSFER' ? TRANSFER_STATE_LABELS : workflow === 'VISA' ? VISA_STATE_LABELS : REGISTRATION_STATE_LABELS;
  return labels[code] ?? code;
}

/** The verdict as a clerk reads it: "Uygulanmadı: yarışı kaybetti (…)". */
export function verdictText(verdict: Verdict): string {
  const { params } = verdict;
  const reason = VERDICT_REASONS[verdict.code].replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (name === 'author' || name === 'needed') return params[name] ? unitLabel(params[name]) : whole;
    if (name === 'expected' || name === 'current') return params[name] !== undefined ? stateLabel(params.workflow, params[name]) : whole;
    return whole;
  });
  return `${VERDICT_KIND_LABELS[verdict.kind]} (${reason})`;
}
