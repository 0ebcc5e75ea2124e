import type { MessageText } from './text';

// Messages the reports backend sends a person (see ./index.ts).

export const reportsMessages = {
  'reports.noFiguresForScope': {
    tr: '{scope} için {period} döneminde yapılmış toplantı ya da çalıştay kaydı yok; gönderilecek rakam yok. Dönemi değiştirin.',
    en: 'No meeting or workshop was recorded in the period {period} (scope: {scope}); there are no figures to send. Change the period.',
  },
  'reports.buDonemdeGonderilecekRakam': {
    tr: 'Bu dönemde gönderilecek rakam yok.',
    en: 'There are no figures to send for this period.',
  },
  'reports.boyleBirIlYok': {
    tr: 'Böyle bir il yok.',
    en: 'There is no such province.',
  },
  'reports.genclikMerkeziBulunamadiBu': {
    tr: 'Gençlik merkezi bulunamadı; bu kuruluma hiç gelmemiş olabilir.',
    en: 'The youth centre was not found; it may never have reached this installation.',
  },
  'reports.bitisTarihiBaslangictanOnce': {
    tr: 'Bitiş tarihi başlangıçtan önce olamaz.',
    en: 'The end date cannot be before the start date.',
  },
} as const satisfies Record<string, MessageText>;
