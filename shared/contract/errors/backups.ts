import type { MessageText } from './text';

// Messages the backups backend sends a person (see ./index.ts).

export const backupsMessages = {
  'backups.geriYuklemeYalnizcaUygulamanin': {
    tr: 'Geri yükleme yalnızca uygulamanın arka planında yapılabilir.',
    en: 'A restore can only be done in the application\'s background process.',
  },
} as const satisfies Record<string, MessageText>;
