// Meetings screens' messages: Turkish first; the English object must translate every key (typed).

export const meetingsTr = {
  'nav.meetings': 'Toplantılar',
} as const;

export const meetingsEn: Record<keyof typeof meetingsTr, string> = {
  'nav.meetings': 'Meetings',
};
