// Workshops screens' messages: Turkish first; the English object must translate every key (typed).

export const workshopsTr = {
  'nav.workshops': 'Çalıştaylar',
} as const;

export const workshopsEn: Record<keyof typeof workshopsTr, string> = {
  'nav.workshops': 'Workshops',
};
