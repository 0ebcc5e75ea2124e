import type { MessageText } from './text';

// Messages the installation backend sends a person (see ./index.ts).

export const installationMessages = {
  'installation.ilBulunamadi': {
    tr: 'İl bulunamadı.',
    en: 'Province not found.',
  },
  'installation.nameIlindeDistrictnameAdinda': {
    tr: '{name} ilinde "{districtName}" adında bir ilçe yok.',
    en: 'There is no district called "{districtName}" in {name}.',
  },
  'installation.veritabaniYalnizcaUygulamaninArka': {
    tr: 'Veritabanı yalnızca uygulamanın arka planında açılabilir.',
    en: 'The database can only be opened in the application\'s background process.',
  },
  'installation.anahtarlikYalnizcaUygulamaninArka': {
    tr: 'Anahtarlık yalnızca uygulamanın arka planında geri konabilir.',
    en: 'The keyring can only be put back in the application\'s background process.',
  },
  'installation.anahtarlarYalnizcaUygulamaninArka': {
    tr: 'Anahtarlar yalnızca uygulamanın arka planında geri konabilir.',
    en: 'The keys can only be put back in the application\'s background process.',
  },
} as const satisfies Record<string, MessageText>;
