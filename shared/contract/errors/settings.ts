import type { MessageText } from './text';

// Messages the settings backend sends a person (see ./index.ts).

export const settingsMessages = {
  'settings.buAdlaBirDosya': {
    tr: 'Bu adla bir dosya zaten var: {value}. Başka bir ad seçin.',
    en: 'A file with this name already exists: {value}. Choose another name.',
  },
  'settings.dosyaYazilamadiKlasorYolunu': {
    tr: 'Dosya yazılamadı; klasör yolunu ve yazma iznini kontrol edin.',
    en: 'The file could not be written; check the folder path and write permission.',
  },
} as const satisfies Record<string, MessageText>;
