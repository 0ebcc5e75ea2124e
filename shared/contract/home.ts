import { z } from 'zod';
import { REGISTRATION_STATES } from '../registry/registration';
import { VISA_STATUSES } from '../registry/visa';
import { channel } from './core';
import { isoDate } from './fields';

// The "Bugün" (Today) home page: what waits for this installation's unit, what it sent and is waiting for,
// and (at the ministry) the national picture. One read; every figure is an exact count, and every line
// names the list it was counted from, so the screen can open that list filtered to exactly those records.

/** Lines of "what waits for me", in the order a clerk should see them. */
export const HOME_WAITING_KINDS = [
  'approvals',
  'registryNew',
  'registryMissing',
  'transfersToAccept',
  'visaReview',
  'visaNotApplied',
  'visaLate',
  'visaCancel',
  'centreUnbound',
  'meetingsOverdue',
  'meetingsToPlan',
  'decisions',
  'followUps',
  'conflicts',
  'unacknowledged',
  'silentPeers',
] as const;

/** Lines of "what I sent and am waiting for". */
export const HOME_SENT_KINDS = ['approvalNoPeer', 'approvalNotSent', 'approvalSent', 'approvalDelivered', 'unsentChanges'] as const;

/** Lines of the ministry's national picture (what waits elsewhere in the country). */
export const HOME_NATIONAL_KINDS = ['nationalReview', 'nationalApprovals', 'nationalMeetingsOverdue', 'nationalDecisions'] as const;

export const HOME_LINE_KINDS = [...HOME_WAITING_KINDS, ...HOME_SENT_KINDS, ...HOME_NATIONAL_KINDS] as const;
export type HomeLineKind = (typeof HOME_LINE_KINDS)[number];

export const HOME_EXCHANGE_TABS = ['conflicts', 'custody', 'export', 'enrol', 'peers'] as const;

/** Where a line leads: an existing list, with the filter that gives exactly the records the line counts. */
export const homeTargetSchema = z.discriminatedUnion('screen', [
  /** The registry list (at a province always within its own province, as the list starts). */
  z.object({
    screen: z.literal('registry'),
    statuses: z.array(z.enum(REGISTRATION_STATES)).optional(),
    visaStatus: z.enum(VISA_STATUSES).optional(),
    visaYear: z.number().int().optional(),
  }),
  z.object({ screen: z.literal('meetings'), tab: z.enum(['planner', 'board', 'decisions']), overdueOnly: z.boolean().optional() }),
  z.object({ screen: z.literal('followUps') }),
  z.object({ screen: z.literal('exchange'), tab: z.enum(HOME_EXCHANGE_TABS), peerNode: z.string().optional() }),
]);
export type HomeTarget = z.infer<typeof homeTargetSchema>;

export const homeLineSchema = z.object({
  kind: z.enum(HOME_LINE_KINDS),
  /** How many records wait (exact; 0: nothing waits). */
  count: z.number().int().min(0),
  /** Past their date among them (decisions, follow-ups). */
  overdue: z.number().int().min(0).optional(),
  /** Conflicts: open ones that only the record's owner, at another installation, can resolve. */
  others: z.number().int().min(0).optional(),
  /** Changes for the parent in files it has not confirmed yet (beside those no file has carried). */
  awaitingReceipt: z.number().int().min(0).optional(),
  /** The national meetings line: provinces with at least one overdue centre. */
  provinces: z.number().int().min(0).optional(),
  /** A date the line names (ISO): the visa window's end, the term's end, when a file was sent or acknowledged. */
  date: isoDate.optional(),
  /** Days the line names: left in the visa window, the chain-of-custody period. */
  days: z.number().int().min(0).optional(),
  year: z.number().int().optional(),
  term: z.number().int().optional(),
  /** N of "N years without a visa". */
  years: z.number().int().optional(),
  /** The peer installation's unit (the one that approves, the one a file goes to). */
  peer: z.string().optional(),
  /** An exchange file's name. */
  file: z.string().optional(),
  /** Names the line lists (the first few silent peers). */
  names: z.array(z.string()).optional(),
  /** Shown highlighted: something is late, or a deadline is close. */
  urgent: z.boolean(),
  target: homeTargetSchema,
});
export type HomeLine = z.infer<typeof homeLineSchema>;

export const homeTodaySchema = z.object({
  today: isoDate,
  waiting: z.array(homeLineSchema),
  sent: z.array(homeLineSchema),
  national: z.array(homeLineSchema),
});
export type HomeToday = z.infer<typeof homeTodaySchema>;

export const homeContract = {
  'home:today': channel({
    summary:
      "The home page: exact counts of what waits for this installation's unit (applications, approvals, visas, meetings, decisions, follow-ups, conflicts, files, peers), what it sent and waits for, and the ministry's national lines; each with the list it was counted from.",
    input: z.object({}).strict(),
    output: homeTodaySchema,
    access: 'anyone',
    writes: 'none',
  }),
};
