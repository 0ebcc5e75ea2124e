import type { Role } from '../../shared/contract';
import { HOME_NATIONAL_KINDS, HOME_SENT_KINDS, HOME_WAITING_KINDS, type HomeLine, type HomeLineKind, type HomeTarget, type HomeToday, type homeContract } from '../../shared/contract/home';
import { termOf, termRange } from '../../shared/meetings/terms';
import { monthDayInYear, type RegistryPolicy } from '../../shared/registry/policy';
import {
  awaitingApproval, conflictCounts, exportsTo, followUpCounts, parentPeer, registrationStateCounts, transfersToAccept, visaStatusCounts,
  type AwaitingApprovalRow, type ExportRow, type PeerRow,
} from '../../db/home/queries';
import { openDecisionCounts } from '../../db/meetings/queries';
import { meetingBoard, planner, termsOf } from '../../db/meetings/queries';
import type { OpenDatabase } from '../../db/open';
import { readPolicy } from '../../db/registry/queries';
import { custodyBoard } from '../../db/sync/custody';
import { localVector } from '../../db/sync/engine';
import { boundCentre } from '../../db/sync/scope';
import type { AppContext } from '../app/context';
import { pendingForParent } from '../sync/service';
import { ready } from './guards';
import type { Handlers } from './types';

// The home page ("Bugün"): one read that counts, for this installation's unit and role, what waits for it,
// what it sent and is waiting for, and (at the ministry) what waits elsewhere in the country. Each line carries
// the list it was counted from (its target), so a click opens exactly those records. A line applies to a role
// or it is left out: a youth centre never sees approvals, only the ministry sees national lines.

const DAY_MS = 86_400_000;

/** How many peers' names a "not heard from" line spells out. */
const NAMES_SHOWN = 3;

/** A visa window closing within this many days makes its line urgent (the visa dashboard's reminder does the same). */
const VISA_URGENT_DAYS = 30;

type Extra = Omit<Partial<HomeLine>, 'kind' | 'count' | 'target'>;

function line(kind: HomeLineKind, count: number, target: HomeTarget, extra: Extra = {}): HomeLine {
  return { kind, count, urgent: false, target, ...extra };
}

const registry = (filter: Omit<Extract<HomeTarget, { screen: 'registry' }>, 'screen'> = {}): HomeTarget => ({ screen: 'registry', ...filter });

interface Scope {
  db: OpenDatabase;
  role: Role;
  unitId: string;
  plate: string | null;
  today: string;
  year: number;
  policy: RegistryPolicy;
}

/** Applications, approvals and transfers: what waits in the registry for this unit. */
function registryLines(s: Scope, waiting: HomeLine[], national: HomeLine[]): void {
  const approver: Role = s.policy.approvingLevel;
  if (s.role === 'ministry') {
    const c = registrationStateCounts(s.db, ['BASVURU_ALINDI', 'EKSIK_EVRAK', 'ONAYDA'], null);
    if (approver === 'ministry') waiting.push(line('approvals', c.ONAYDA, registry({ statuses: ['ONAYDA'] }), { urgent: c.ONAYDA > 0 }));
    else national.push(line('nationalApprovals', c.ONAYDA, registry({ statuses: ['ONAYDA'] })));
    national.push(line('nationalReview', c.BASVURU_ALINDI + c.EKSIK_EVRAK, registry({ statuses: ['BASVURU_ALINDI', 'EKSIK_EVRAK'] })));
    return;
  }
  if (s.role !== 'province' || !s.plate) return;
  const c = registrationStateCounts(s.db, ['BASVURU_ALINDI', 'EKSIK_EVRAK', 'ONAYDA'], s.plate);
  if (approver === 'province') waiting.push(line('approvals', c.ONAYDA, registry({ statuses: ['ONAYDA'] }), { urgent: c.ONAYDA > 0 }));
  waiting.push(line('registryNew', c.BASVURU_ALINDI, registry({ statuses: ['BASVURU_ALINDI'] })));
  waiting.push(line('registryMissing', c.EKSIK_EVRAK, registry({ statuses: ['EKSIK_EVRAK'] })));
  waiting.push(line('transfersToAccept', transfersToAccept(s.db, s.plate), registry()));
}

/** The year's visa work of a province: applications to review, and the window (open: who has not applied; closed: who is late). */
function visaLines(s: Scope, waiting: HomeLine[]): void {
  if (s.role !== 'province' || !s.plate) return;
  const counts = visaStatusCounts(s.db, s.plate, s.year, s.today, s.policy);
  const n = (status: keyof typeof counts) => counts[status] ?? 0;
  const start = monthDayInYear(s.policy.visaWindow.start, s.year);
  const end = monthDayInYear(s.policy.visaWindow.end, s.year);
  const visa = (visaStatus: 'INCELEMEDE' | 'DONEM_ACIK' | 'GECIKMIS' | 'VIZESIZ_N_YIL') => registry({ visaStatus, visaYear: s.year });
  waiting.push(line('visaReview', n('INCELEMEDE'), visa('INCELEMEDE'), { year: s.year }));
  if (s.today <= end) {
    // Until the window ends, an association without an application is "window open" (visaSql.ts).
    const days = Math.max(0, Math.round((Date.parse(end) - Date.parse(s.today)) / DAY_MS));
    const open = s.today >= start;
    waiting.push(line('visaNotApplied', n('DONEM_ACIK'), visa('DONEM_ACIK'), { year: s.year, date: end, days, urgent: open && days <= VISA_URGENT_DAYS && n('DONEM_ACIK') > 0 }));
  } else {
    waiting.push(line('visaLate', n('GECIKMIS'), visa('GECIKMIS'), { year: s.year, date: end }));
    waiting.push(line('visaCancel', n('VIZESIZ_N_YIL'), visa('VIZESIZ_N_YIL'), { years: s.policy.yearsWithoutVisaForCancellation, urgent: n('VIZESIZ_N_YIL') > 0 }));
  }
}

/** Meetings overdue or due this term at the unit's youth centres, and their open decisions; the board's totals at the ministry. */
function meetingLines(s: Scope, waiting: HomeLine[], national: HomeLine[]): void {
  if (s.role === 'ministry') {
    const board = meetingBoard(s.db, s.year, s.today);
    const provinces = board.provinces.filter((p) => p.overdueCentres > 0).length;
    national.push(line('nationalMeetingsOverdue', board.totals.overdueCentres, { screen: 'meetings', tab: 'board' }, { provinces, year: s.year }));
    const decisions = openDecisionCounts(s.db, {}, s.today);
    national.push(line('nationalDecisions', decisions.open, { screen: 'meetings', tab: 'decisions' }, { overdue: decisions.overdue }));
    return;
  }
  if (!s.plate) return;
  const plan = planner(s.db, s.plate, s.year, s.today);
  let centres = plan?.centres ?? [];
  if (s.role === 'youth-center') {
    // A centre's installation plans its own centre's meetings, once its province has bound it to its record.
    const own = boundCentre(s.db, s.unitId);
    if (own === null) {
      waiting.push(line('centreUnbound', 1, { screen: 'exchange', tab: 'enrol' }, { urgent: true }));
      centres = [];
    } else centres = centres.filter((c) => c.youthCentreId === own);
  }
  if (centres.length > 0 || s.role === 'province') {
    const terms = termsOf(s.db);
    const term = termOf(s.today, terms);
    const overdue = centres.filter((c) => c.overdue).length;
    const toPlan = centres.filter((c) => c.cells.find((cell) => cell.year === term.year && cell.no === term.no)?.state === 'BEKLIYOR').length;
    waiting.push(line('meetingsOverdue', overdue, { screen: 'meetings', tab: 'planner', overdueOnly: true }, { year: s.year, urgent: overdue > 0 }));
    waiting.push(line('meetingsToPlan', toPlan, { screen: 'meetings', tab: 'planner' }, { year: term.year, term: term.no, date: termRange(term, terms).to }));
  }
  const decisions = openDecisionCounts(s.db, { provincePlate: s.plate }, s.today);
  waiting.push(line('decisions', decisions.open, { screen: 'meetings', tab: 'decisions' }, { overdue: decisions.overdue, urgent: decisions.overdue > 0 }));
}

/** Follow-ups, conflicts and the chain of custody: every role has them. */
function ownLines(s: Scope, ctx: AppContext, waiting: HomeLine[]): void {
  const followUps = followUpCounts(s.db, s.unitId, s.today);
  waiting.push(line('followUps', followUps.open, { screen: 'followUps' }, { overdue: followUps.overdue, urgent: followUps.overdue > 0 }));
  const conflicts = conflictCounts(s.db, s.unitId);
  waiting.push(line('conflicts', conflicts.mine, { screen: 'exchange', tab: 'conflicts' }, { others: conflicts.open - conflicts.mine }));
  const peers = (s.db.stmt('SELECT count(*) AS n FROM sync_peers').get() as { n: number }).n;
  if (peers === 0) return;
  const custody = custodyBoard(s.db, ctx.now());
  waiting.push(line('unacknowledged', custody.unacknowledged.length, { screen: 'exchange', tab: 'custody' }, { days: custody.days, urgent: custody.unacknowledged.length > 0 }));
  waiting.push(
    line('silentPeers', custody.silent.length, { screen: 'exchange', tab: 'custody' }, {
      days: custody.days, names: custody.silent.slice(0, NAMES_SHOWN).map((p) => p.peerName), urgent: custody.silent.length > 0,
    }),
  );
}

/** Where a step taken here stands on its way to the parent: not sent yet, in a file not acknowledged, or there. */
type Stage = { stage: 'notSent' } | { stage: 'sent'; file: ExportRow } | { stage: 'delivered'; on: string | null };

function stageOf(row: AwaitingApprovalRow, parent: PeerRow, exports: readonly ExportRow[]): Stage {
  if (row.origin !== null && row.seq !== null && (parent.acked[row.origin] ?? 0) >= row.seq) return { stage: 'delivered', on: parent.lastReceivedAt };
  // The first file for the parent that carried the step: by how far it carried the step's origin, else (a file
  // written before that was recorded) by time.
  const carried = exports.find((e) =>
    row.origin !== null && row.seq !== null && e.upTo !== null ? (e.upTo[row.origin] ?? 0) >= row.seq : row.sentAt !== null && e.at >= row.sentAt,
  );
  if (!carried) return { stage: 'notSent' };
  // The file's receipt, or any later file's (a later file carries whatever an earlier lost one did).
  const receipt = exports.slice(exports.indexOf(carried)).find((e) => e.receivedAt !== null);
  return receipt ? { stage: 'delivered', on: receipt.receivedAt } : { stage: 'sent', file: carried };
}

/** A province's applications sent for the ministry's approval, by where they are on the way (with the default policy). */
function approvalOutbox(s: Scope, parent: PeerRow | null, sent: HomeLine[]): void {
  if (s.role !== 'province' || !s.plate || s.policy.approvingLevel !== 'ministry') return;
  const rows = awaitingApproval(s.db, s.plate, s.unitId);
  const target = registry({ statuses: ['ONAYDA'] });
  if (rows.length === 0) {
    sent.push(line('approvalNotSent', 0, target, parent ? { peer: parent.unitName } : {}));
    return;
  }
  if (!parent) {
    sent.push(line('approvalNoPeer', rows.length, { screen: 'exchange', tab: 'enrol' }, { urgent: true }));
    return;
  }
  const exports = exportsTo(s.db, parent.nodeId);
  let notSent = 0;
  const inFiles = new Map<ExportRow, number>();
  let delivered = 0;
  let deliveredOn: string | null = null;
  for (const row of rows) {
    const where = stageOf(row, parent, exports);
    if (where.stage === 'notSent') notSent++;
    else if (where.stage === 'sent') inFiles.set(where.file, (inFiles.get(where.file) ?? 0) + 1);
    else {
      delivered++;
      if (where.on && (!deliveredOn || where.on > deliveredOn)) deliveredOn = where.on;
    }
  }
  const peer = parent.unitName;
  if (notSent > 0) sent.push(line('approvalNotSent', notSent, target, { peer }));
  for (const [file, count] of inFiles) sent.push(line('approvalSent', count, target, { peer, file: file.file, date: file.at.slice(0, 10) }));
  if (delivered > 0) sent.push(line('approvalDelivered', delivered, target, { peer, ...(deliveredOn ? { date: deliveredOn.slice(0, 10) } : {}) }));
}

/**
 * Changes for the parent that no file has carried yet ("goes with the next file"), and those in files it has
 * not confirmed yet. The exchange screen's "pending" is both: a file drops them only when the parent's file
 * comes back (until then every new file carries them again).
 */
function unsentLine(ctx: AppContext, parent: PeerRow): HomeLine {
  const db = ready(ctx).db;
  const vector = localVector(db);
  const pending = pendingForParent(ctx, parent.acked, vector);
  const last = exportsTo(db, parent.nodeId).at(-1);
  // Each file to the parent carries everything the parent is not known to hold, so the last one reached furthest.
  const carried = last?.upTo ? Object.fromEntries(Object.keys(vector).map((o) => [o, Math.max(parent.acked[o] ?? 0, last.upTo![o] ?? 0)])) : parent.acked;
  const notInFile = last?.upTo ? pendingForParent(ctx, carried, vector) : pending;
  return line('unsentChanges', notInFile, { screen: 'exchange', tab: 'export', peerNode: parent.nodeId }, { peer: parent.unitName, awaitingReceipt: pending - notInFile });
}

function order<K extends string>(kinds: readonly K[]) {
  const rank = new Map<string, number>(kinds.map((k, i) => [k, i]));
  return (a: HomeLine, b: HomeLine) => (rank.get(a.kind) ?? 0) - (rank.get(b.kind) ?? 0);
}

export function homeToday(ctx: AppContext): HomeToday {
  const { db, identity } = ready(ctx);
  const today = ctx.today();
  const s: Scope = {
    db, role: identity.role, unitId: identity.unitId, plate: identity.provincePlate, today, year: Number(today.slice(0, 4)),
    policy: readPolicy(db).policy,
  };
  const waiting: HomeLine[] = [];
  const sent: HomeLine[] = [];
  const national: HomeLine[] = [];
  registryLines(s, waiting, national);
  visaLines(s, waiting);
  meetingLines(s, waiting, national);
  ownLines(s, ctx, waiting);
  const parent = parentPeer(db, s.role);
  approvalOutbox(s, parent, sent);
  if (parent) sent.push(unsentLine(ctx, parent));
  return {
    today,
    waiting: waiting.sort(order(HOME_WAITING_KINDS)),
    sent: sent.sort(order(HOME_SENT_KINDS)),
    national: national.sort(order(HOME_NATIONAL_KINDS)),
  };
}

export const homeHandlers: Handlers<keyof typeof homeContract> = {
  'home:today': (_input, ctx) => homeToday(ctx),
};
