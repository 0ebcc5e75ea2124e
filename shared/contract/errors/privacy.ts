import type { MessageText } from './text';

// Messages the privacy backend sends a person (see ./index.ts).

export const privacyMessages = {
  'privacy.adSoyadYaDa': {
    tr: 'Ad soyad ya da TC Kimlik No yazın.',
    en: 'Write a full name or a TC identity number.',
  },
  'privacy.defterdeLedgeridNumaraliBir': {
    tr: 'Defterde {ledgerId} numaralı bir dosya kaydı yok; listeden bir dosya seçin.',
    en: 'The log has no file entry number {ledgerId}; choose a file from the list.',
  },
  'privacy.defterdenBirDosyaSecin': {
    tr: 'Defterden bir dosya seçin ya da dosyanın yolunu yazın.',
    en: 'Choose a file from the log or type the file\'s path.',
  },
  'privacy.defterdeBuAdlaBirden': {
    tr: 'Defterde bu adla birden çok dosya var; dosyayı defter listesinden seçin.',
    en: 'The log has several files with this name; choose the file from the log list.',
  },
  'privacy.buDosyaValueBu': {
    tr: 'Bu dosya ({value}) bu kurulumun değişim defterinde yok: bu kurulum onu yazmadı ya da okumadı.',
    en: 'This file ({value}) is not in this installation\'s exchange log: this installation neither wrote nor read it.',
  },
  'privacy.tcKimlikNoGecersiz': {
    tr: 'TC Kimlik No geçersiz (11 hane, kontrol haneleri tutmuyor).',
    en: 'The TC identity number is not valid (11 digits, the check digits do not match).',
  },
} as const satisfies Record<string, MessageText>;
