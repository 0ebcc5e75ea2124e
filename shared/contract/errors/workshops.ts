import type { MessageText } from './text';

// Messages the workshops backend sends a person (see ./index.ts).

export const workshopsMessages = {
  'workshops.calistayZirveBulunamadiSilinmis': {
    tr: 'Çalıştay / zirve bulunamadı; silinmiş ya da bu kuruluma hiç gelmemiş olabilir.',
    en: 'The workshop / summit was not found; it may have been deleted or never reached this installation.',
  },
  'workshops.noParticipantsForBadges': {
    tr: 'Yaka kartı basılacak katılımcı yok. Önce katılımcıları ekleyin.',
    en: 'There are no participants to print name badges for. First add the participants.',
  },
  'workshops.buCalistayBaskaBir': {
    tr: 'Bu çalıştay başka bir birime ait; yalnızca düzenleyen birim değiştirebilir.',
    en: 'This workshop belongs to another unit; only the organising unit can change it.',
  },
  'workshops.bolgeCalistayiIcinBolgeyi': {
    tr: 'Bölge çalıştayı için bölgeyi seçin.',
    en: 'Choose the region for a regional workshop.',
  },
  'workshops.ulusalZirveTekBir': {
    tr: 'Ulusal zirve tek bir bölgeye ait değildir; bölgeyi boş bırakın.',
    en: 'A national summit does not belong to one region; leave the region empty.',
  },
  'workshops.boyleBirIlYok': {
    tr: 'Böyle bir il yok.',
    en: 'There is no such province.',
  },
  'workshops.nameRegionBolgesiNde': {
    tr: '{name} {region} Bölgesi\'nde; ev sahibi il {region2} Bölgesi\'nden olmalı.',
    en: '{name} is in the {region} Region; the host province must be from the {region2} Region.',
  },
  'workshops.bitisTarihiBaslangictanOnce': {
    tr: 'Bitiş tarihi başlangıçtan önce olamaz.',
    en: 'The end date cannot be before the start date.',
  },
  'workshops.katilimciBulunamadiDahaOnce': {
    tr: 'Katılımcı bulunamadı; daha önce çıkarılmış olabilir.',
    en: 'The participant was not found; it may have been removed already.',
  },
  'workshops.secilenKurumRehberdeBulunamadi': {
    tr: 'Seçilen kurum rehberde bulunamadı.',
    en: 'The selected organisation was not found in the directory.',
  },
  'workshops.kurumuYazinYaDa': {
    tr: 'Kurumu yazın ya da rehberden seçin.',
    en: 'Type the organisation or choose it from the directory.',
  },
  'workshops.buKatilimciKaydiBaska': {
    tr: 'Bu katılımcı kaydı başka bir etkinliğe ait ya da silinmiş.',
    en: 'This participant record belongs to another event or has been deleted.',
  },
  'workshops.rowField': {
    tr: '{i}. satır: {label}: {detail}',
    en: 'Row {i}: {labelEn}: {detail}',
  },
} as const satisfies Record<string, MessageText>;
