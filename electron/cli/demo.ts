import { AppError } from '../../shared/contract';
import { PROVINCES, provinceByPlate } from '../../shared/regions';
import { listDistricts, youthCentresSpec } from '../../db/orgUnits/queries';
import { fillDemoRegistry } from './demoRegistry';
import { fillDemoRelations, type DemoRelationsSummary } from './demoRelations';
import type { AppContext } from '../app/context';
import { breather } from '../app/jobs';
import { createDispatcher } from '../app/dispatch';
import { demoAuthors } from './demoAuthors';
import { AREA_CODES } from './demoPhones';

// Realistic Turkish demo data for training and screenshots. Deterministic (seeded), so screenshots and
// walkthroughs look the same on every machine. Later modules add their own part here.

const NAMESAKES = [
  'Şehit Ömer Halisdemir', '15 Temmuz Demokrasi', 'Mehmet Akif Ersoy', 'Yunus Emre', 'Mimar Sinan',
  'Fatih Sultan Mehmet', 'Barış Manço', 'Âşık Veysel', 'Nene Hatun', 'Cahit Arf', 'Aziz Sancar',
  'Ertuğrul Gazi', 'Kâzım Karabekir', 'Gazi Mustafa Kemal', 'İsmet İnönü', 'Nasreddin Hoca',
  'Hacı Bektaş-ı Veli', 'Mevlânâ', 'Piri Reis', 'Ulubatlı Hasan', 'Cumhuriyet', 'Işıklar', 'Çamlıca',
  'Öğretmenler', 'Şafak', 'Ümit', 'Gençlik Parkı',
];
const STREETS = ['Atatürk Cad.', 'Cumhuriyet Mah. İnönü Sok.', 'Gazi Bulvarı', 'Hürriyet Cad.', 'Şehitler Cad.', 'Yeşilyurt Mah. Çınar Sok.'];

/** Small deterministic PRNG (mulberry32) so demo data is the same everywhere. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function centreValues(plate: string, districts: { id: string; name: string }[], random: () => number, index: number) {
  const district = districts[Math.floor(random() * districts.length)]!;
  const base = index === 0 ? `${district.name}` : NAMESAKES[Math.floor(random() * NAMESAKES.length)]!;
  const area = AREA_CODES[Math.floor(random() * AREA_CODES.length)]!;
  return {
    name: `${base} Gençlik Merkezi`,
    districtId: district.id,
    address: `${STREETS[Math.floor(random() * STREETS.length)]} No:${1 + Math.floor(random() * 120)} ${district.name}/${provinceByPlate(plate)!.name}`,
    phone: `0${area} ${String(200 + Math.floor(random() * 799)).padStart(3, '0')} ${String(10 + Math.floor(random() * 89))} ${String(10 + Math.floor(random() * 89))}`,
    email: `gm${index + 1}@${plate}gsb.gov.tr`,
    hallCapacity: 40 + Math.floor(random() * 16) * 10,
    status: random() < 0.93 ? ('active' as const) : ('closed' as const),
  };
}

export interface DemoSummary {
  youthCentres: number;
  associations: number;
  relations: DemoRelationsSummary;
}

/** How much demo data: smaller sets for tests. Each falls back to an environment variable, then the default. */
export interface DemoOptions {
  /** Associations per province (KOPRU_DEMO_ASSOCIATIONS_PER_PROVINCE). */
  associationsPerProvince?: number;
  /** The last year with meetings (KOPRU_DEMO_MEETINGS_UNTIL), for tests that need only the 2019 figures. */
  meetingsUntil?: number;
}

/** Associations per province: hundreds for a province installation, fewer per province at the ministry. */
function associationsPerProvince(role: string, given?: number): number {
  if (given !== undefined && Number.isInteger(given) && given >= 0) return given;
  const fromEnv = Number(process.env.KOPRU_DEMO_ASSOCIATIONS_PER_PROVINCE);
  if (Number.isInteger(fromEnv) && fromEnv >= 0) return fromEnv;
  return role === 'province' ? 240 : role === 'ministry' ? 60 : 0;
}

export async function fillDemoData(ctx: AppContext, options: DemoOptions = {}): Promise<DemoSummary> {
  const { db, identity } = ctx;
  if (!db || !identity || !ctx.writer) throw new Error('Kurulum tamamlanmamış; önce "kopru init" çalıştırın.');
  // Each unit's rows written as its own installation would have (see demoAuthors.ts).
  const writer = demoAuthors(ctx);
  const random = prng(20261125);
  let created = 0;
  // Three parts (centres, registry, relations and meetings), each one transaction; between them the backend
  // answers the window's status and reads, and the job says how far it has got.
  const job = ctx.jobs.current();
  const breathe = breather(job, 0);
  const step = async (done: number) => {
    job?.progress('apply', done, 3);
    await breathe();
  };

  if (identity.role === 'province') {
    // Through the real handlers, exactly as a clerk would enter them.
    const invoke = createDispatcher(ctx);
    const districts = listDistricts(db, identity.provincePlate!);
    const count = Math.max(6, Math.min(40, districts.length * 2));
    for (let i = 0; i < count; i++) {
      const envelope = await invoke('orgUnits:createYouthCentre', centreValues(identity.provincePlate!, districts, random, i));
      if (envelope.ok) created++;
      // A name the demo drew twice is refused (and skipped); a database that stopped taking writes stops the demo.
      else if (envelope.error.code === 'DB_UNAVAILABLE' || envelope.error.code === 'INTERNAL') throw new AppError(envelope.error.code, envelope.error.message);
    }
    await step(1);
    const associations = db.sqlite.transaction(() => fillDemoRegistry(db, writer, identity, random, ctx.today(), associationsPerProvince(identity.role, options.associationsPerProvince)))();
    await step(2);
    const relations = fillDemoRelations(db, writer, identity, prng(20170711), ctx.today(), options.meetingsUntil);
    return { youthCentres: created, associations, relations };
  }

  // Ministry and youth-centre installations see other units' centres; the demo writes them as if they had
  // arrived from each province (owner = that province, written by its stand-in), so lists and screens have
  // realistic content.
  const plates = identity.role === 'ministry' ? PROVINCES.map((p) => p.plate) : [identity.provincePlate!];
  db.sqlite.transaction(() => {
    for (const plate of plates) {
      const districts = listDistricts(db, plate);
      const seen = new Set<string>();
      const count = identity.role === 'ministry' ? 2 + Math.floor(random() * 6) : 12;
      for (let i = 0; i < count; i++) {
        const values = centreValues(plate, districts, random, i);
        const key = `${values.districtId}|${values.name}`;
        if (seen.has(key)) continue;
        seen.add(key);
        writer.insert(youthCentresSpec, `province:${plate}`, {
          province_plate: plate,
          district_id: values.districtId,
          name: values.name,
          address: values.address,
          phone: null,
          email: values.email,
          hall_capacity: values.hallCapacity,
          status: values.status,
        });
        created++;
      }
    }
  })();
  await step(1);
  const associations = db.sqlite.transaction(() => fillDemoRegistry(db, writer, identity, random, ctx.today(), associationsPerProvince(identity.role, options.associationsPerProvince)))();
  await step(2);
  const relations = fillDemoRelations(db, writer, identity, prng(20170711), ctx.today(), options.meetingsUntil);
  return { youthCentres: created, associations, relations };
}
