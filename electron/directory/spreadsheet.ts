import type { Interaction, SearchOrganisationsInput } from '../../shared/contract/directory';
import { INTERACTION_KIND_LABELS, ORG_KIND_LABELS, ORG_SUBTYPE_LABELS } from '../../shared/directory/fields';
import { formatPhone } from '../../shared/identifiers';
import { ACTIVITY_AREA_LABELS, type ActivityArea } from '../../shared/registry/fields';
import { iterateOrganisations } from '../../db/directory/queries';
import type { OpenDatabase } from '../../db/open';
import { listWorkbook, type XlsxColumn } from '../spreadsheets/workbook';

// The directory list as an Excel file: the same rows (registered associations not yet in the directory
// included when the list shows them), filters and Turkish order as the screen, every page, Turkish
// headers, dates GG.AA.YYYY, and cells that a spreadsheet would run as formulas written as text.

const COLUMNS: XlsxColumn[] = [
  { header: 'Kurum adı', width: 48 }, { header: 'Kısa ad', width: 14 }, { header: 'Tür', width: 22 }, { header: 'Alt tür', width: 22 },
  { header: 'İl', width: 14 }, { header: 'İlçe', width: 16 }, { header: 'Faaliyet alanları', width: 36 }, { header: 'Gençlik odaklı', width: 10 },
  { header: 'VKN', width: 12 }, { header: 'DERBİS kütük no', width: 16 }, { header: 'Telefon', width: 18 }, { header: 'E-posta', width: 28 },
  { header: 'Kişi sayısı', width: 10 }, { header: 'Toplantı sayısı', width: 12 }, { header: 'Son güncelleme', width: 14, date: true },
  // The list marks a registered association that has no directory record yet; so does the file.
  { header: 'Kayıt', width: 26 },
];

const SOURCE = { directory: 'Kurumlar', registryOnly: 'Yalnızca dernekler sicilinde' };

export function directoryWorkbook(db: OpenDatabase, input: SearchOrganisationsInput, today: string) {
  return listWorkbook('Kurumlar', today, COLUMNS, (function* () {
    for (const o of iterateOrganisations(db, input)) {
      yield [
        o.name, o.shortName, ORG_KIND_LABELS[o.kind], o.subtype ? ORG_SUBTYPE_LABELS[o.subtype] : null, o.provinceName, o.districtName,
        o.activityAreas.map((a) => ACTIVITY_AREA_LABELS[a as ActivityArea] ?? a).join(', '), o.youthFocus ? 'Evet' : 'Hayır',
        o.vkn, o.kutukNo, formatPhone(o.phone) || null, o.email, o.contactCount, o.meetingCount, o.updatedAt,
        o.registryOnly ? SOURCE.registryOnly : SOURCE.directory,
      ];
    }
  })());
}

const FOLLOW_UP_COLUMNS: XlsxColumn[] = [
  { header: 'Son tarih', width: 12, date: true }, { header: 'Yapılacak iş', width: 48 }, { header: 'Kurum', width: 40 },
  { header: 'Görüşme', width: 40 }, { header: 'Görüşme türü', width: 16 }, { header: 'Görüşme tarihi', width: 14, date: true },
  { header: 'Süresi geçti', width: 12 }, { header: 'Tamamlandı', width: 12, date: true },
];

/** The follow-ups page as an Excel file: the same rows and order as `directory:followUps`. */
export function followUpsWorkbook(rows: Interaction[], today: string) {
  return listWorkbook('Takip işleri', today, FOLLOW_UP_COLUMNS, (function* () {
    for (const i of rows) {
      yield [i.followUpDue, i.followUp, i.organisationName, i.subject, INTERACTION_KIND_LABELS[i.kind], i.onDate, i.overdue ? 'Evet' : 'Hayır', i.followUpDoneOn];
    }
  })());
}
