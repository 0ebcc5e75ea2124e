import { PROVINCES } from '../../shared/regions';
import { DEFAULT_REGISTRY_POLICY } from '../../shared/registry/policy';
import { formatRegistrationNo, type RegistrationState } from '../../shared/registry/registration';
import { ACTIVITY_AREAS } from '../../shared/registry/fields';
import type { Identity } from '../../shared/contract/installation';
import type { Row } from '../../db/changeLog/writer';
import type { DemoWriter } from './demoAuthors';
import type { OpenDatabase } from '../../db/open';
import { listDistricts } from '../../db/orgUnits/queries';
import {
  associationDocumentsSpec,
  associationHistorySpec,
  associationPeopleSpec,
  associationsSpec,
  derbisSnapshotsSpec,
  visaApplicationsSpec,
} from '../../db/registry/specs';

// Demo registry: associations in every state with people, checklists, DERBİS snapshots and visa history,
// written through the change writer like real entries. Deterministic for a given seed.

const THEMES = ['Doğa Sporları', 'Kültür ve Sanat', 'İzcilik', 'Gönüllülük', 'Bilim ve Teknoloji', 'Satranç', 'Dağcılık', 'Halk Oyunları', 'Münazara', 'Çevre ve Doğa', 'Gençlik ve Spor', 'Okçuluk', 'Engelsiz Yaşam', 'Girişimcilik', 'Tiyatro', 'Müzik', 'Kick Boks', 'Yüzme', 'Medya', 'Dostluk'];
const FIRST = ['Ayşe', 'Mehmet', 'Zeynep', 'Mustafa', 'Elif', 'Ahmet', 'Şule', 'İbrahim', 'Gülşen', 'Ömer', 'Çağla', 'Hüseyin', 'Özge', 'Emre', 'Işıl', 'Burak', 'Büşra', 'Uğur', 'Ümran', 'Serkan', 'İrem', 'Oğuz'];
const LAST = ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Yıldırım', 'Öztürk', 'Aydın', 'Özdemir', 'Arslan', 'Doğan', 'Kılıç', 'Aslan', 'Çetin', 'Kara', 'Koç', 'Kurt', 'Özkan', 'Şimşek', 'Işık', 'Güneş'];

// Weighted states: most records are registered, some in every other state.
const STATES: [RegistrationState, number][] = [
  ['TASLAK', 8], ['BASVURU_ALINDI', 7], ['EKSIK_EVRAK', 5], ['ONAYDA', 7], ['TESCILLI', 58], ['REDDEDILDI', 4], ['ASKIDA', 4], ['TESCIL_IPTAL', 7],
];

const PATHS: Record<RegistrationState, [string, RegistrationState][]> = {
  TASLAK: [],
  BASVURU_ALINDI: [['logApplication', 'BASVURU_ALINDI']],
  EKSIK_EVRAK: [['logApplication', 'BASVURU_ALINDI'], ['markMissing', 'EKSIK_EVRAK']],
  ONAYDA: [['logApplication', 'BASVURU_ALINDI'], ['sendForApproval', 'ONAYDA']],
  TESCILLI: [['logApplication', 'BASVURU_ALINDI'], ['sendForApproval', 'ONAYDA'], ['approve', 'TESCILLI']],
  REDDEDILDI: [['logApplication', 'BASVURU_ALINDI'], ['sendForApproval', 'ONAYDA'], ['reject', 'REDDEDILDI']],
  ASKIDA: [['logApplication', 'BASVURU_ALINDI'], ['sendForApproval', 'ONAYDA'], ['approve', 'TESCILLI'], ['suspend', 'ASKIDA']],
  TESCIL_IPTAL: [['logApplication', 'BASVURU_ALINDI'], ['sendForApproval', 'ONAYDA'], ['approve', 'TESCILLI'], ['cancel', 'TESCIL_IPTAL']],
  AKTARILDI: [],
};

export function validTc(random: () => number): string {
  const d = [1 + Math.floor(random() * 9), ...Array.from({ length: 8 }, () => Math.floor(random() * 10))];
  const odd = d[0]! + d[2]! + d[4]! + d[6]! + d[8]!;
  const even = d[1]! + d[3]! + d[5]! + d[7]!;
  d.push((((odd * 7 - even) % 10) + 10) % 10);
  d.push(d.reduce((a, b) => a + b, 0) % 10);
  return d.join('');
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

function weighted(random: () => number): RegistrationState {
  let r = random() * STATES.reduce((n, [, w]) => n + w, 0);
  for (const [state, w] of STATES) if ((r -= w) < 0) return state;
  return 'TESCILLI';
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

export function fillDemoRegistry(db: OpenDatabase, writer: DemoWriter, identity: Identity, random: () => number, today: string, perProvince: number): number {
  const plates = identity.role === 'ministry' ? PROVINCES.map((p) => p.plate) : [identity.provincePlate!];
  const thisYear = Number(today.slice(0, 4));
  const counters = new Map<string, number>();
  let created = 0;
  const usedNames = new Set<string>();
  for (const plate of plates) {
    const districts = listDistricts(db, plate);
    const owner = `province:${plate}`;
    // Decisions are the approver's steps under the default policy (ministry approves); a province's own
    // approval would not count (shared/registry/workflow.ts).
    const approver = 'ministry';
    for (let i = 0; i < perProvince; i++) {
      const district = pick(random, districts);
      let name = `${district.name} ${pick(random, THEMES)} Gençlik Kulübü Derneği`;
      if (usedNames.has(name)) name = `${district.name} ${pick(random, FIRST)} ${pick(random, THEMES)} Gençlik Kulübü Derneği`;
      if (usedNames.has(name)) continue;
      usedNames.add(name);
      const state = weighted(random);
      const foundedYear = thisYear - 1 - Math.floor(random() * 9);
      const areas = [...new Set([pick(random, ACTIVITY_AREAS), pick(random, ACTIVITY_AREAS)])];
      const kutuk = `${plate}-${String(1 + Math.floor(random() * 999)).padStart(3, '0')}-${String(Math.floor(random() * 1000)).padStart(3, '0')}`;
      const a = writer.insert(associationsSpec, owner, {
        province_plate: plate, district_id: district.id, neighbourhood: `${pick(random, ['Cumhuriyet', 'Yeni', 'Fatih', 'Atatürk', 'Çamlık', 'İstiklal'])} Mah.`,
        street: `${pick(random, ['Gazi Cad.', 'Okul Sok.', 'Şehitler Cad.', 'Gül Sok.'])} No:${1 + Math.floor(random() * 90)}`,
        name, short_name: null, club_type: random() < 0.45 ? 'GENCLIK_VE_SPOR_KULUBU' : 'GENCLIK_KULUBU',
        kutuk_no: random() < 0.97 ? kutuk : null, vkn: null, tax_office: `${district.name} Vergi Dairesi`,
        founded_on: iso(foundedYear, 1 + Math.floor(random() * 12), 1 + Math.floor(random() * 28)),
        // 53x–55x: mobile prefixes in use, so demo numbers pass the phone check.
        phone: `+905${String(300000000 + Math.floor(random() * 299999999))}`, email: null, website: null,
        activity_areas: JSON.stringify(areas), member_count: 7 + Math.floor(random() * 240), activity_place: `${district.name} Gençlik Merkezi salonu`,
        activity_place_document: pick(random, ['TAPU', 'KIRA', 'TAHSIS'] as const), transferred_from: null,
      });
      const id = String(a.id);
      created++;
      // Board: president, members, substitutes, an auditor, a youth leader.
      const board: [string, string | null, string | null][] = [['YONETIM', 'ASIL', 'Başkan'], ['YONETIM', 'ASIL', 'Başkan yardımcısı'], ['YONETIM', 'ASIL', 'Sayman'], ['YONETIM', 'YEDEK', null], ['DENETIM', 'ASIL', null], ['LIDER', null, 'Gençlik lideri']];
      for (const [kind, membership, role] of board) {
        writer.insert(associationPeopleSpec, owner, {
          association_id: id, kind, membership, role, full_name: `${pick(random, FIRST)} ${pick(random, LAST)}`,
          tc_kimlik_no: kind === 'YONETIM' && role === 'Başkan' ? validTc(random) : null, phone: null, email: null, profession: null,
          certificate_no: kind === 'LIDER' ? `GL-${plate}-${1000 + Math.floor(random() * 9000)}` : null,
          term_start: iso(thisYear - 2, 3, 1), term_end: iso(thisYear + 1, 3, 1),
        });
      }
      const path = PATHS[state];
      let year = Math.max(foundedYear, thisYear - 8);
      let from: RegistrationState = 'TASLAK';
      if (path.length) {
        for (const item of DEFAULT_REGISTRY_POLICY.registrationChecklist) {
          const received = item.mandatory ? state !== 'EKSIK_EVRAK' || random() < 0.6 : random() < 0.5;
          writer.insert(associationDocumentsSpec, owner, { association_id: id, step: 'TESCIL', visa_year: null, item_key: item.key, received: received ? 1 : 0, received_on: received ? iso(year, 2, 10) : null, letter_date: null, letter_no: null, note: null });
        }
      }
      let registeredYear: number | null = null;
      path.forEach(([action, to], step) => {
        const at = `${iso(year, 2 + step, 10 + step)}T09:00:00.000Z`;
        const actor = ['approve', 'reject', 'suspend', 'cancel'].includes(action) ? approver : owner;
        const data: Row = {};
        if (action === 'approve') {
          const key = `${plate}-${year}`;
          const seq = (counters.get(key) ?? 0) + 1;
          counters.set(key, seq);
          data.registrationNo = formatRegistrationNo(plate, year, seq);
          data.registeredOn = at.slice(0, 10);
          registeredYear = year;
        }
        if (action === 'cancel') data.cancellationReason = 'VIZESIZLIK';
        writer.insert(associationHistorySpec, actor, {
          association_id: id, kind: 'REGISTRATION', action, from_state: from, to_state: to, at, actor_unit: actor, actor_name: null,
          letter_date: at.slice(0, 10), letter_no: `E-${plate}-${Math.floor(random() * 90000) + 10000}`,
          reason: action === 'reject' ? 'Tüzük gençlik kulübü niteliği taşımıyor.' : action === 'markMissing' ? 'Faaliyet yeri belgesi eksik.' : action === 'suspend' ? 'Denetim sürüyor.' : action === 'cancel' ? 'Vize yapılmayan yıllar.' : null,
          data: JSON.stringify(data),
        });
        from = to;
        if (action === 'approve' && state !== 'TESCILLI') year = Math.min(thisYear, year + 2);
      });
      if (registeredYear !== null && (state === 'TESCILLI' || state === 'ASKIDA')) {
        // Visa history: most years approved, some missed, this year's window in various states.
        for (let y = registeredYear + 1; y <= thisYear; y++) {
          const r = random();
          if (r < 0.12) continue;
          const current = y === thisYear;
          const visaState = current ? pick(random, ['ONAY', 'ONAY', 'INCELEME', 'BASVURU', 'EKSIK'] as const) : r < 0.2 ? 'RED' : 'ONAY';
          writer.insert(visaApplicationsSpec, owner, {
            association_id: id, year: y, state: visaState, applied_on: iso(y, 2, 1 + Math.floor(random() * 27)),
            letter_date: iso(y, 2, 1), letter_no: `V-${y}-${Math.floor(random() * 9000) + 1000}`,
            decided_on: visaState === 'ONAY' || visaState === 'RED' ? iso(y, 4, 15) : null, reason: visaState === 'RED' ? 'Faaliyet raporu sunulmadı.' : null,
          });
        }
        writer.insert(derbisSnapshotsSpec, owner, {
          association_id: id, as_of: iso(thisYear, 1, 15), source: 'DERBİS çıktısı', legal_status: 'Faal',
          last_general_assembly_on: iso(thisYear - 1 - Math.floor(random() * 3), 4, 20), organs_elected_on: iso(thisYear - 1, 4, 20),
          organs_notified_on: random() < 0.9 ? iso(thisYear - 1, 5, 10) : null, declaration_year: thisYear - 1, note: null,
        });
      }
    }
  }
  return created;
}
