// Directory screens' messages: Turkish first; the English object must translate every key (typed).

export const directoryTr = {
  'nav.directory': 'Kurumlar',
} as const;

export const directoryEn: Record<keyof typeof directoryTr, string> = {
  'nav.directory': 'Organisations',
};
