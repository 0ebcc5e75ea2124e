// Reports screens' messages: Turkish first; the English object must translate every key (typed).

export const reportsTr = {
  'nav.reports': 'Raporlar',
} as const;

export const reportsEn: Record<keyof typeof reportsTr, string> = {
  'nav.reports': 'Reports',
};
