import type { SearchYouthCentresInput } from '../../shared/contract/orgUnits';
import { formatPhone } from '../../shared/identifiers';
import { iterateYouthCentres } from '../../db/orgUnits/queries';
import type { OpenDatabase } from '../../db/open';
import { listWorkbook, type XlsxColumn } from '../spreadsheets/workbook';

// The youth-centre list as an Excel file: the same filters and Turkish order as on screen, every row.

const COLUMNS: XlsxColumn[] = [
  { header: 'Gençlik merkezi', width: 44 }, { header: 'İl', width: 14 }, { header: 'İlçe', width: 16 }, { header: 'Durum', width: 12 },
  { header: 'Telefon', width: 18 }, { header: 'E-posta', width: 30 }, { header: 'Salon kapasitesi', width: 12 }, { header: 'Adres', width: 48 },
  { header: 'Kayıt tarihi', width: 12, date: true }, { header: 'Kaldırılma tarihi', width: 14, date: true },
];

function statusText(c: { status: string; retiredAt: string | null }): string {
  if (c.retiredAt) return 'Kaldırıldı';
  return c.status === 'active' ? 'Aktif' : 'Kapalı';
}

export function youthCentresWorkbook(db: OpenDatabase, input: SearchYouthCentresInput, today: string) {
  return listWorkbook('Gençlik merkezleri', today, COLUMNS, (function* () {
    for (const c of iterateYouthCentres(db, input)) {
      yield [c.name, c.provinceName, c.districtName, statusText(c), formatPhone(c.phone) || null, c.email, c.hallCapacity, c.address, c.createdAt, c.retiredAt];
    }
  })());
}
