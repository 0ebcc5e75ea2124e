import type { MessageText } from './text';

// Messages the orgUnits backend sends a person (see ./index.ts).

export const orgUnitsMessages = {
  'orgUnits.genclikMerkeziBulunamadiSilinmis': {
    tr: 'Gençlik merkezi bulunamadı; silinmiş ya da bu kuruluma hiç gelmemiş olabilir.',
    en: 'The youth centre was not found; it may have been deleted or never reached this installation.',
  },
  'orgUnits.secilenIlceBulunamadi': {
    tr: 'Seçilen ilçe bulunamadı.',
    en: 'The selected district was not found.',
  },
  'orgUnits.ilceBuIlMudurlugunun': {
    tr: 'İlçe bu il müdürlüğünün ilinde olmalı.',
    en: 'The district must be in this provincial directorate\'s province.',
  },
  'orgUnits.buIlcedeNameAdinda': {
    tr: 'Bu ilçede "{name}" adında bir gençlik merkezi zaten var.',
    en: 'This district already has a youth centre called "{name}".',
  },
  'orgUnits.buIlcedeAyniAdda': {
    tr: 'Bu ilçede aynı adda bir gençlik merkezi zaten var.',
    en: 'This district already has a youth centre with the same name.',
  },
  'orgUnits.buGenclikMerkeziBaska': {
    tr: 'Bu gençlik merkezi başka bir il müdürlüğüne ait; yalnızca sahibi değiştirebilir.',
    en: 'This youth centre belongs to another provincial directorate; only its owner can change it.',
  },
  'orgUnits.kaldirilmisBirGenclikMerkezi': {
    tr: 'Kaldırılmış bir gençlik merkezi düzenlenemez.',
    en: 'A retired youth centre cannot be edited.',
  },
  'orgUnits.buGenclikMerkeziZaten': {
    tr: 'Bu gençlik merkezi zaten kaldırılmış.',
    en: 'This youth centre is already retired.',
  },
} as const satisfies Record<string, MessageText>;
