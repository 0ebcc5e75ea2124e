// The domain's plausibility rules in one place (issue #17): facts that cannot be true together. The handlers
// refuse what a rule refuses, and the forms call the same functions to warn before the server round.
// Where an office's policy may differ, the rule reads `PlausibilityPolicy` (shared/registry/policy.ts).
// Messages go by key (shared/contract/errors/plausibility.ts), so the window shows them in its language; the forms
// show their own translated warnings from the structured results.

import type { IssueInput } from './contract/core';
import { msg, type ErrorKey, type Msg } from './contract/errors';
import { normaliseKutukNo } from './identifiers';
import { dayWarning, firstDayWarning, type DayWarning } from './meetings/calendar';
import { DEFAULT_PLAUSIBILITY_POLICY, type PlausibilityPolicy } from './registry/policy';
import { provinceByPlate } from './regions';
import { formatDateTr } from './turkish';

export type { PlausibilityPolicy };
export { DEFAULT_PLAUSIBILITY_POLICY };

const DAY_MS = 86_400_000;

/** A date (an application, a letter) cannot be after today. */
export function futureDateIssue(date: string | null | undefined, today: string, path: string, label: string): IssueInput | null {
  return date && date > today ? { path, label, message: msg('plausibility.future', { label: labelParam(label), today: formatDateTr(today) }) } : null;
}

/**
 * An official letter's date: not after today, and not older than the policy allows (no limit by default).
 * This is the one rule the registry and meeting handlers share for every letter date they record.
 */
export function letterDateIssue(
  letterDate: string | null | undefined,
  today: string,
  policy: PlausibilityPolicy = DEFAULT_PLAUSIBILITY_POLICY,
  path = 'letterDate',
  label = 'Evrak tarihi',
): IssueInput | null {
  if (!letterDate) return null;
  const future = futureDateIssue(letterDate, today, path, label);
  if (future) return future;
  const age = Math.round((Date.parse(today) - Date.parse(letterDate)) / DAY_MS);
  if (policy.maxLetterAgeDays !== null && age > policy.maxLetterAgeDays) {
    return { path, label, message: msg('plausibility.tooOld', { label: labelParam(label), date: formatDateTr(letterDate), days: policy.maxLetterAgeDays }) };
  }
  return null;
}

/**
 * No decision before its application: the letter that decides (approves, rejects, accepts…) cannot be dated
 * before the application or request it decides on.
 */
export function decisionBeforeApplicationIssue(
  decisionDate: string | null | undefined,
  application: { date: string | null | undefined; what: Msg },
  path = 'letterDate',
  label = 'Evrak tarihi',
): IssueInput | null {
  if (!decisionDate || !application.date || decisionDate >= application.date) return null;
  return { path, label, message: msg('plausibility.decisionBeforeApplication', { what: application.what, date: formatDateTr(application.date) }) };
}

/** A meeting cannot be (re)scheduled before the invitation letter that announced it. */
export function meetingBeforeInvitationIssue(meetingDate: string, letterDate: string | null | undefined, path: string, label: string): IssueInput | null {
  if (!letterDate || meetingDate >= letterDate) return null;
  return { path, label, message: msg('plausibility.meetingBeforeInvitation', { date: formatDateTr(letterDate) }) };
}

/** An invitation letter cannot be dated after the meeting it invites to. */
export function invitationAfterMeetingIssue(letterDate: string | null | undefined, meetingDate: string): IssueInput | null {
  if (!letterDate || letterDate <= meetingDate) return null;
  return { path: 'letterDate', label: 'Evrak tarihi', message: msg('plausibility.invitationAfterMeeting', { date: formatDateTr(meetingDate) }) };
}

/** A decision taken in a meeting cannot fall due before that meeting. */
export function decisionDueBeforeMeetingIssue(dueOn: string | null | undefined, meetingDate: string): IssueInput | null {
  if (!dueOn || dueOn >= meetingDate) return null;
  return { path: 'dueOn', label: 'Son tarih', message: msg('plausibility.decisionDueBeforeMeeting', { date: formatDateTr(meetingDate) }) };
}

/** An inter-province transfer goes to another province. */
export function ownProvinceTransferIssue(fromPlate: string, toPlate: string): IssueInput | null {
  return fromPlate === toPlate ? { path: 'toPlate', label: 'Gideceği il', message: msg('plausibility.ownProvince') } : null;
}

function dayText(warning: NonNullable<DayWarning>): Msg {
  if (warning.kind === 'weekend') return msg(warning.saturday ? 'plausibility.day.saturday' : 'plausibility.day.sunday');
  return msg(warning.kind === 'eve' ? 'plausibility.day.eve' : 'plausibility.day.holiday', { name: warning.holiday.tr });
}

const LABEL_KEYS: Record<string, ErrorKey> = {
  'Evrak tarihi': 'plausibility.label.letterDate',
  'Başvuru tarihi': 'plausibility.label.appliedOn',
  Tarih: 'plausibility.label.date',
};

/** A field's name inside a sentence: by key where the rule knows it, else as the handler wrote it. */
function labelParam(label: string): Msg | string {
  const key = LABEL_KEYS[label];
  return key ? msg(key) : label;
}

/** What a decision decides, inside the "no decision before its application" sentence. */
export const DECIDES = {
  application: msg('plausibility.what.application'),
  visaApplication: msg('plausibility.what.visaApplication'),
  transferRequest: msg('plausibility.what.transferRequest'),
  previousStep: (step: string | undefined) => (step ? msg('plausibility.what.previousStep', { step }) : msg('plausibility.what.previousStepUnnamed')),
};

/**
 * A meeting on a weekend, a holiday or a holiday's eve. The form always warns (calendar.ts `dayWarning`); the
 * server refuses only when the policy says so.
 */
export function nonWorkingDayIssue(date: string, policy: PlausibilityPolicy, path = 'date', label = 'Tarih'): IssueInput | null {
  if (policy.nonWorkingDay !== 'refuse') return null;
  const warning = dayWarning(date);
  if (!warning) return null;
  return { path, label, message: msg('plausibility.meetingDayOff', { date: formatDateTr(date), reason: dayText(warning) }) };
}

/** The same for a workshop's days (holidays and their eves; weekends are usual for a programme of several days). */
export function workshopHolidayIssue(startOn: string, endOn: string, policy: PlausibilityPolicy): IssueInput | null {
  if (policy.nonWorkingDay !== 'refuse') return null;
  const hit = firstDayWarning(startOn, endOn);
  if (!hit) return null;
  return { path: 'startOn', label: 'Başlangıç', message: msg('plausibility.workshopDayOff', { date: formatDateTr(hit.date), reason: dayText(hit.warning) }) };
}

export interface KutukPlateMismatch {
  /** The plate written in the kütük no. */
  kutukPlate: string;
  /** The association's province. */
  provincePlate: string;
}

/** The kütük no's first two digits are the plate code of the province the association is registered in. */
export function kutukPlateMismatch(kutukNo: string | null | undefined, provincePlate: string | null | undefined): KutukPlateMismatch | null {
  const normalised = kutukNo ? normaliseKutukNo(kutukNo) : null;
  if (!normalised || !provincePlate) return null;
  const kutukPlate = normalised.slice(0, 2);
  return kutukPlate === provincePlate ? null : { kutukPlate, provincePlate };
}

/** The server's side of the kütük rule: refused only when the policy says so (the forms warn in any case). */
export function kutukPlateIssue(
  kutukNo: string | null | undefined,
  provincePlate: string | null | undefined,
  policy: PlausibilityPolicy,
  path = 'kutukNo',
  label = 'DERBİS kütük no',
): IssueInput | null {
  if (policy.kutukPlateMismatch !== 'refuse') return null;
  const mismatch = kutukPlateMismatch(kutukNo, provincePlate);
  if (!mismatch) return null;
  const province = provinceByPlate(mismatch.provincePlate)?.name ?? mismatch.provincePlate;
  return { path, label, message: msg('plausibility.kutukPlate', { kutukPlate: mismatch.kutukPlate, province, plate: mismatch.provincePlate }) };
}

/** The issues that are not null, for handlers that gather every refusal before answering. */
export function issuesOf(...issues: (IssueInput | null)[]): IssueInput[] {
  return issues.filter((i): i is IssueInput => i !== null);
}
