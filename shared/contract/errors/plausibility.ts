import type { MessageText } from './text';

// Messages of the domain's plausibility rules (shared/plausibility.ts, issue #17; see ./index.ts). The field's
// name, what a decision decides and why a day is off are messages of their own, nested in the sentence.

export const plausibilityMessages = {
  'plausibility.future': { tr: '{label} bugünden ({today}) sonra olamaz.', en: '{label} cannot be after today ({today}).' },
  'plausibility.tooOld': { tr: '{label} ({date}) {days} günden eski olamaz (Bakanlığın kuralı).', en: "{label} ({date}) cannot be more than {days} days old (the ministry's rule)." },
  'plausibility.decisionBeforeApplication': {
    tr: 'Karar yazısı, {what} tarihinden ({date}) önce tarihli olamaz.',
    en: 'The decision letter cannot be dated before {what} ({date}).',
  },
  'plausibility.meetingBeforeInvitation': {
    tr: 'Toplantı, davet yazısının tarihinden ({date}) önceye alınamaz; önce yeni bir davet yazısı gerekir.',
    en: 'The meeting cannot be moved before the date of its invitation letter ({date}); a new invitation letter is needed first.',
  },
  'plausibility.invitationAfterMeeting': {
    tr: 'Davet yazısı toplantıdan ({date}) sonra tarihli olamaz.',
    en: 'The invitation letter cannot be dated after the meeting ({date}).',
  },
  'plausibility.decisionDueBeforeMeeting': {
    tr: 'Kararın son tarihi, kararın alındığı toplantıdan ({date}) önce olamaz.',
    en: "A decision's due date cannot be before the meeting that took it ({date}).",
  },
  'plausibility.ownProvince': { tr: 'Dernek zaten bu ilde.', en: 'The association is already in this province.' },
  'plausibility.meetingDayOff': {
    tr: '{date} bir iş günü değil ({reason}); Bakanlığın kuralına göre bu güne toplantı planlanamaz.',
    en: "{date} is not a working day ({reason}); under the ministry's rule no meeting can be planned on it.",
  },
  'plausibility.workshopDayOff': {
    tr: '{date} bir iş günü değil ({reason}); Bakanlığın kuralına göre çalıştay bu günlere planlanamaz.',
    en: "{date} is not a working day ({reason}); under the ministry's rule no workshop can be planned on these days.",
  },
  'plausibility.kutukPlate': {
    tr: 'Kütük numarasının il kodu ({kutukPlate}) derneğin ilinin ({province}, {plate}) plaka koduyla aynı değil.',
    en: "The register number's plate code ({kutukPlate}) is not that of the association's province ({province}, {plate}).",
  },
  'plausibility.day.saturday': { tr: 'cumartesi', en: 'Saturday' },
  'plausibility.day.sunday': { tr: 'pazar', en: 'Sunday' },
  'plausibility.day.holiday': { tr: 'resmî tatil: {name}', en: 'public holiday: {name}' },
  'plausibility.day.eve': { tr: '{name}, öğleden sonra tatil', en: '{name}, afternoon off' },
  'plausibility.what.application': { tr: 'başvurunun', en: 'the application' },
  'plausibility.what.visaApplication': { tr: 'vize başvurusunun', en: 'the visa application' },
  'plausibility.what.transferRequest': { tr: 'nakil talebinin', en: 'the transfer request' },
  'plausibility.what.previousStep': { tr: 'bir önceki adımın ("{step}") evrakının', en: 'the letter of the previous step ("{step}")' },
  'plausibility.what.previousStepUnnamed': { tr: 'bir önceki adımın evrakının', en: 'the letter of the previous step' },
  'plausibility.label.letterDate': { tr: 'Evrak tarihi', en: 'The letter date' },
  'plausibility.label.appliedOn': { tr: 'Başvuru tarihi', en: 'The application date' },
  'plausibility.label.date': { tr: 'Tarih', en: 'The date' },
} as const satisfies Record<string, MessageText>;
