import { listDistricts, youthCentresSpec } from '../../../db/orgUnits/queries';
import type { Node } from '../../support/nodes';

const NAMES = ['Şehit Ömer Halisdemir', 'Yunus Emre', 'Mimar Sinan', 'Işıklar', 'Çamlıca', 'Öğretmenler', 'Ümit', 'Cumhuriyet', 'Barış Manço', 'Nene Hatun', 'İnönü', 'Gazi'];

/** Writes `count` youth centres in the province's own districts through its change writer, in one
 * transaction (as tests/bench/run.ts does): thousands of rows in well under a second. */
export function bulkYouthCentres(node: Node, plate: string, count: number): void {
  const db = node.ctx.db!;
  const districts = listDistricts(db, plate);
  db.sqlite.transaction(() => {
    for (let i = 0; i < count; i++) {
      const district = districts[i % districts.length]!;
      node.ctx.writer!.insert(youthCentresSpec, `province:${plate}`, {
        province_plate: plate,
        district_id: district.id,
        name: `${NAMES[i % NAMES.length]} ${district.name} ${i} Gençlik Merkezi`,
        address: `Atatürk Cad. No:${i % 200} ${district.name}`,
        phone: '+903125551234',
        email: `gm${i}@gsb.gov.tr`,
        hall_capacity: 50 + (i % 300),
        status: i % 13 === 0 ? 'closed' : 'active',
      });
    }
  })();
}
