import type { Identity } from '../../shared/contract/installation';
import type { SearchAssociationsInput } from '../../shared/contract/registry';
import { CLUB_TYPE_LABELS } from '../../shared/registry/fields';
import { REGISTRATION_STATE_LABELS } from '../../shared/registry/registration';
import { VISA_STATUS_LABELS } from '../../shared/registry/visa';
import { iterateAssociations } from '../../db/registry/queries';
import type { OpenDatabase } from '../../db/open';
import { listWorkbook } from '../spreadsheets/workbook';

// The registry's lists as Excel files: the same filters and order as on screen, every row.

export function associationsWorkbook(db: OpenDatabase, input: SearchAssociationsInput, today: string) {
  const { year, rows } = iterateAssociations(db, input, today);
  const columns = [
    { header: 'Dernek adı', width: 48 }, { header: 'Kısa ad', width: 14 }, { header: 'Kulüp türü', width: 22 },
    { header: 'Durum', width: 16 }, { header: `Vize ${year}`, width: 14 }, { header: 'GSB tescil no', width: 20 },
    { header: 'Tescil tarihi', width: 13, date: true }, { header: 'DERBİS kütük no', width: 16 }, { header: 'VKN', width: 12 },
    { header: 'İl', width: 14 }, { header: 'İlçe', width: 16 }, { header: 'Üye sayısı', width: 10 },
  ];
  return listWorkbook('Dernekler', today, columns, (function* () {
    for (const a of rows) {
      yield [a.name, a.shortName, CLUB_TYPE_LABELS[a.clubType], REGISTRATION_STATE_LABELS[a.status], VISA_STATUS_LABELS[a.visaStatus],
        a.registrationNo, a.registeredOn, a.kutukNo, a.vkn, a.provinceName, a.districtName, a.memberCount];
    }
  })());
}

export const VISA_LIST_TITLES = { GECIKMIS: 'Vizesi gecikenler', VIZESIZ_N_YIL: 'Tescil iptali önerilenler' } as const;

/**
 * One of the visa page's two lists (late, or years without a visa) for a year, every row: scoped to the
 * installation's province exactly as `registry:visaDashboard` is.
 */
export function visaListWorkbook(db: OpenDatabase, identity: Identity, input: { year?: number | undefined; visaStatus: keyof typeof VISA_LIST_TITLES }, today: string) {
  const year = input.year ?? Number(today.slice(0, 4));
  const scope = identity.role === 'ministry' ? {} : { provincePlate: identity.provincePlate ?? undefined };
  const { rows } = iterateAssociations(db, { ...scope, visaYear: year, visaStatus: input.visaStatus }, today);
  const columns = [
    { header: 'Dernek adı', width: 48 }, { header: 'İl', width: 14 }, { header: 'İlçe', width: 16 }, { header: 'GSB tescil no', width: 20 },
    { header: 'Tescil tarihi', width: 13, date: true }, { header: 'Durum', width: 16 }, { header: `Vize ${year}`, width: 16 },
    { header: 'Vizesiz yıl', width: 11 }, { header: 'Kulüp türü', width: 22 },
  ];
  const title = `${VISA_LIST_TITLES[input.visaStatus]} ${year}`;
  return listWorkbook(title, today, columns, (function* () {
    for (const a of rows) {
      yield [a.name, a.provinceName, a.districtName, a.registrationNo, a.registeredOn, REGISTRATION_STATE_LABELS[a.status],
        VISA_STATUS_LABELS[a.visaStatus], a.yearsWithoutVisa, CLUB_TYPE_LABELS[a.clubType]];
    }
  })());
}
