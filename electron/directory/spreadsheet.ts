import type { SearchOrganisationsInput } from '../../shared/contract/directory';
import { ORG_KIND_LABELS, ORG_SUBTYPE_LABELS } from '../../shared/directory/fields';
import { formatPhone } from '../../shared/identifiers';
import { ACTIVITY_AREA_LABELS, type ActivityArea } from '../../shared/registry/fields';
import { iterateOrganisations } from '../../db/directory/queries';
import type { OpenDatabase } from '../../db/open';
import { listWorkbook, type XlsxColumn } from '../spreadsheets/workbook';

// The directory list as an Excel file: the same filters and Turkish order as the screen, every page, Turkish
// headers, dates GG.AA.YYYY, and cells that a spreadsheet would run as formulas written as text.

const COLUMNS: XlsxColumn[] = [
  { header: 'Kurum adı', width: 48 }, { header: 'Kısa ad', width: 14 }, { header: 'Tür', width: 22 }, { header: 'Alt tür', width: 22 },
  { header: 'İl', width: 14 }, { header: 'İlçe', width: 16 }, { header: 'Faaliyet alanları', width: 36 }, { header: 'Gençlik odaklı', width: 10 },
  { header: 'VKN', width: 12 }, { header: 'DERBİS kütük no', width: 16 }, { header: 'Telefon', width: 18 }, { header: 'E-posta', width: 28 },
  { header: 'Kişi sayısı', width: 10 }, { header: 'Toplantı sayısı', width: 12 }, { header: 'Son güncelleme', width: 14, date: true },
];

export function directoryWorkbook(db: OpenDatabase, input: SearchOrganisationsInput, today: string) {
  return listWorkbook('Kurumlar', today, COLUMNS, (function* () {
    for (const o of iterateOrganisations(db, input)) {
      yield [
        o.name, o.shortName, ORG_KIND_LABELS[o.kind], o.subtype ? ORG_SUBTYPE_LABELS[o.subtype] : null, o.provinceName, o.districtName,
        o.activityAreas.map((a) => ACTIVITY_AREA_LABELS[a as ActivityArea] ?? a).join(', '), o.youthFocus ? 'Evet' : 'Hayır',
        o.vkn, o.kutukNo, formatPhone(o.phone) || null, o.email, o.contactCount, o.meetingCount, o.updatedAt,
      ];
    }
  })());
}
