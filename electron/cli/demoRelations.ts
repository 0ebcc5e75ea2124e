import type { Identity } from '../../shared/contract/installation';
import { DEFAULT_MEETING_TERMS, termOf, termRange, type TermRef } from '../../shared/meetings/terms';
import { PROVINCES, provinceByPlate, type RegionName } from '../../shared/regions';
import type { DemoWriter } from './demoAuthors';
import { AREA_CODES } from './demoPhones';
import { contactsSpec, organisationsSpec } from '../../db/directory/specs';
import {
  meetingAgendaSpec,
  meetingDecisionsSpec,
  meetingParticipantsSpec,
  meetingRequestsSpec,
  meetingsSpec,
} from '../../db/meetings/specs';
import { listDistricts } from '../../db/orgUnits/queries';
import type { OpenDatabase } from '../../db/open';
import { workshopParticipantsSpec, workshopsSpec } from '../../db/workshops/specs';

// The national relations data set of `kopru demo`: the directory (CSOs, municipalities, universities, public
// institutions and their representatives), the 2017–2018 regional workshops and the 2019 summit, and years of
// youth-centre consultation meetings. Built so that the department's published figures come out of the
// reports for the periods below (and keep growing after them, as the real series does):
//   - regional workshops, 07.11.2017–08.11.2018: 1,650 CSOs (one representative each) from 81 provinces,
//     in 7 regions and 21 host provinces, first in Güneydoğu Anadolu;
//   - consultation meetings, 2019: 46 provinces, 848 CSO representatives (each attended once that year, so
//     attendances and unique people agree), the first in Erzurum.

export const PUBLISHED = {
  workshops: { from: '2017-11-07', to: '2018-11-08', csos: 1650, provinces: 81, regions: 7, hostProvinces: 21 },
  meetings: { from: '2019-01-01', to: '2019-12-31', provinces: 46, csoRepresentatives: 848, firstProvince: 'Erzurum' },
} as const;

/** The workshop series: regions in the order they were held, three host provinces each. */
const WORKSHOP_HOSTS: readonly { region: RegionName; hosts: readonly string[] }[] = [
  { region: 'Güneydoğu Anadolu', hosts: ['27', '63', '21'] },
  { region: 'Akdeniz', hosts: ['07', '01', '33'] },
  { region: 'Marmara', hosts: ['34', '16', '41'] },
  { region: 'Ege', hosts: ['35', '45', '20'] },
  { region: 'Doğu Anadolu', hosts: ['25', '65', '44'] },
  { region: 'Karadeniz', hosts: ['55', '61', '52'] },
  { region: 'İç Anadolu', hosts: ['06', '42', '38'] },
];

const FIRST_NAMES = [
  'Ahmet', 'Mehmet', 'Ayşe', 'Fatma', 'Zeynep', 'Elif', 'Mustafa', 'Emre', 'Büşra', 'Çağrı', 'İbrahim', 'Hüseyin',
  'Şeyma', 'Gökhan', 'Özge', 'Ümran', 'Işıl', 'Oğuz', 'Merve', 'Yusuf', 'Esra', 'Kübra', 'Burak', 'Sümeyye', 'Furkan',
  'Gülşen', 'Serkan', 'Tuğba', 'Ömer', 'Hatice', 'Enes', 'Rabia', 'Kadir', 'Derya', 'Ali', 'İrem', 'Selin', 'Berk',
];
const SURNAMES = [
  'Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Yıldırım', 'Öztürk', 'Aydın', 'Özdemir', 'Arslan', 'Doğan',
  'Kılıç', 'Aslan', 'Çetin', 'Kara', 'Koç', 'Kurt', 'Özkan', 'Şimşek', 'Polat', 'Korkmaz', 'Erdoğan', 'Güneş', 'Işık',
  'Ünal', 'Karaca', 'Bulut', 'Çakır', 'Türkmen', 'Güler', 'Akın', 'Taş', 'Uçar', 'İnce', 'Bozkurt', 'Ekinci', 'Sarı',
];
const CSO_THEMES: readonly { name: string; subtype: 'DERNEK' | 'VAKIF' | 'PLATFORM' | 'FEDERASYON' | 'KOOPERATIF'; areas: string[] }[] = [
  { name: 'Gençlik ve Kültür Derneği', subtype: 'DERNEK', areas: ['KULTUR_SANAT'] },
  { name: 'Gönüllü Gençler Derneği', subtype: 'DERNEK', areas: ['GONULLULUK'] },
  { name: 'Doğa Sporları ve İzcilik Derneği', subtype: 'DERNEK', areas: ['DOGA_IZCILIK', 'SPOR'] },
  { name: 'Eğitim ve Dayanışma Vakfı', subtype: 'VAKIF', areas: ['EGITIM'] },
  { name: 'Gençlik Platformu', subtype: 'PLATFORM', areas: ['GONULLULUK'] },
  { name: 'Bilim ve Teknoloji Derneği', subtype: 'DERNEK', areas: ['BILIM_TEKNOLOJI'] },
  { name: 'Engelsiz Yaşam Derneği', subtype: 'DERNEK', areas: ['ENGELLI_GENCLER'] },
  { name: 'Çevre Gönüllüleri Derneği', subtype: 'DERNEK', areas: ['CEVRE'] },
  { name: 'Genç Girişimciler Derneği', subtype: 'DERNEK', areas: ['GIRISIMCILIK'] },
  { name: 'Spor Kulübü Derneği', subtype: 'DERNEK', areas: ['SPOR'] },
  { name: 'Halk Oyunları ve Folklor Derneği', subtype: 'DERNEK', areas: ['KULTUR_SANAT'] },
  { name: 'Sağlıklı Yaşam Derneği', subtype: 'DERNEK', areas: ['SAGLIK'] },
  { name: 'Gençlik Spor Kulüpleri Federasyonu', subtype: 'FEDERASYON', areas: ['SPOR'] },
  { name: 'Medya ve İletişim Derneği', subtype: 'DERNEK', areas: ['MEDYA'] },
  { name: 'Uluslararası Gençlik Değişimi Derneği', subtype: 'DERNEK', areas: ['ULUSLARARASI'] },
  { name: 'Kadın ve Genç Girişimciler Kooperatifi', subtype: 'KOOPERATIF', areas: ['GIRISIMCILIK'] },
  { name: 'İlim Yayma Vakfı', subtype: 'VAKIF', areas: ['EGITIM'] },
];
const AGENDA = [
  'Açılış ve yoklama',
  'Önceki toplantı kararlarının gözden geçirilmesi',
  'Gençlik merkezi dönem programının sunulması',
  'STK proje önerileri ve ortak etkinlik takvimi',
  'Gençlik merkezi mekânlarının STK kullanımına açılması',
  'Gönüllülük faaliyetleri ve kapasite geliştirme eğitimleri',
  'Dilek ve temenniler',
];
const REQUESTS: readonly { category: string; text: string }[] = [
  { category: 'PROJE_DESTEGI', text: 'Gençlik projeleri destek programına başvuru sürecinde danışmanlık talep edildi.' },
  { category: 'MEKAN_KULLANIMI', text: 'Hafta sonları çok amaçlı salonun dernek etkinlikleri için kullanımı istendi.' },
  { category: 'EGITIM_KAPASITE', text: 'Proje yazma ve hibe yönetimi eğitimi düzenlenmesi önerildi.' },
  { category: 'MEVZUAT', text: 'Dernek tescil ve vize işlemlerinde belge sayısının azaltılması önerildi.' },
  { category: 'ORTAK_ETKINLIK', text: 'Gençlik Haftası kapsamında ortak bir etkinlik düzenlenmesi önerildi.' },
  { category: 'DIGER', text: 'STK temsilcileri için bir iletişim grubu kurulması istendi.' },
];
const DECISIONS = [
  'Dönem etkinlik takvimi STK önerileriyle birlikte güncellenecek.',
  'Çok amaçlı salonun hafta sonu kullanım esasları belirlenecek.',
  'Proje yazma eğitimi gençlik merkezinde düzenlenecek.',
  'Gençlik Haftası ortak etkinliği için çalışma grubu kurulacak.',
  'Gönüllülük faaliyetleri için STK ile protokol taslağı hazırlanacak.',
];
const HALLS = ['Toplantı Salonu', 'Konferans Salonu', 'Çok Amaçlı Salon'];

interface Org {
  id: string;
  plate: string;
  name: string;
  contacts: { id: string; fullName: string; title: string }[];
}

export interface DemoRelationsSummary {
  organisations: number;
  contacts: number;
  workshops: number;
  workshopParticipants: number;
  meetings: number;
  participants: number;
}

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Writes the relations data set for the provinces this installation holds (all 81 at the ministry, its own at a
 * province or youth centre). Runs one transaction per province so the WAL stays small.
 */
export function fillDemoRelations(db: OpenDatabase, writer: DemoWriter, identity: Identity, random: () => number, today: string, meetingsUntil?: number): DemoRelationsSummary {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const summary: DemoRelationsSummary = { organisations: 0, contacts: 0, workshops: 0, workshopParticipants: 0, meetings: 0, participants: 0 };
  const national = identity.role === 'ministry';
  const plates = national ? PROVINCES.map((p) => p.plate) : [identity.provincePlate!];
  const usedNames = new Set<string>();
  const personName = () => {
    for (;;) {
      const name = `${pick(FIRST_NAMES)} ${pick(SURNAMES)}`;
      if (!usedNames.has(name) || usedNames.size > 1300) {
        usedNames.add(name);
        return name;
      }
    }
  };

  // The directory: per province, 20–21 CSOs that went to the regional workshops (1,650 in all) and more
  // organisations that come to youth-centre meetings.
  const orgsByPlate = new Map<string, Org[]>();
  const workshopOrgs = new Map<string, Org[]>();
  for (const [index, plate] of PROVINCES.map((p) => p.plate).entries()) {
    if (!plates.includes(plate)) continue;
    db.sqlite.transaction(() => {
      const province = provinceByPlate(plate)!;
      const districts = listDistricts(db, plate);
      const owner = `province:${plate}`;
      const orgs: Org[] = [];
      const names = new Set<string>();
      const workshopCount = index < PUBLISHED.workshops.csos - 20 * 81 ? 21 : 20;
      const addOrg = (kind: string, subtype: string | null, name: string, areas: string[], youthFocus: boolean, districtId: string | null) => {
        const row = writer.insert(organisationsSpec, owner, {
          kind, subtype, name, short_name: null, province_plate: plate, district_id: districtId, activity_areas: JSON.stringify(areas),
          youth_focus: youthFocus ? 1 : 0, vkn: null, kutuk_no: null, association_id: null,
          phone: `+90${AREA_CODES[Math.floor(random() * AREA_CODES.length)]}${String(1_000_000 + Math.floor(random() * 8_999_999))}`,
          email: null, website: null, address: null, notes: null, merged_into: null,
        });
        summary.organisations++;
        const org: Org = { id: String(row.id), plate, name, contacts: [] };
        orgs.push(org);
        return org;
      };
      let attempt = 0;
      while (orgs.length < workshopCount + 10) {
        const theme = CSO_THEMES[attempt % CSO_THEMES.length]!;
        const place = attempt < CSO_THEMES.length ? province.name : districts[(attempt * 7) % districts.length]!.name;
        attempt++;
        const name = `${place} ${theme.name}`;
        if (names.has(name)) continue;
        names.add(name);
        const district = place === province.name ? null : districts.find((d) => d.name === place)!.id;
        addOrg('STK', theme.subtype, name, theme.areas, true, district);
      }
      workshopOrgs.set(plate, orgs.slice(0, workshopCount));
      addOrg('BELEDIYE', plate === '06' || plate === '34' || plate === '35' ? 'BUYUKSEHIR_BELEDIYESI' : 'IL_BELEDIYESI', `${province.name} Belediyesi`, [], false, null);
      addOrg('KAMU', null, `${province.name} İl Milli Eğitim Müdürlüğü`, ['EGITIM'], true, null);
      addOrg('UNIVERSITE', null, `${province.name} Üniversitesi Gençlik Topluluğu`, ['EGITIM'], true, null);
      orgsByPlate.set(plate, orgs);
    })();
  }

  const newContact = (org: Org, title = pick(['Başkan', 'Başkan Yardımcısı', 'Genel Sekreter', 'Yönetim Kurulu Üyesi', 'Gönüllü Koordinatörü'])) => {
    const fullName = personName();
    const row = writer.insert(contactsSpec, `province:${org.plate}`, { organisation_id: org.id, full_name: fullName, title, phone: null, email: null, notes: null });
    summary.contacts++;
    const contact = { id: String(row.id), fullName, title };
    org.contacts.push(contact);
    return contact;
  };

  // Regional workshops and the national summit: organised by the ministry, so only the ministry holds them.
  if (national) {
    const first = Date.parse(`${PUBLISHED.workshops.from}T00:00:00Z`);
    const last = Date.parse(`${PUBLISHED.workshops.to}T00:00:00Z`);
    const step = (last - first) / 20;
    let n = 0;
    for (const { region, hosts } of WORKSHOP_HOSTS) {
      const regionPlates = PROVINCES.filter((p) => p.region === region).map((p) => p.plate);
      for (const [h, host] of hosts.entries()) {
        db.sqlite.transaction(() => {
          const startOn = new Date(first + Math.round(step * n)).toISOString().slice(0, 10);
          const endOn = n === 20 ? startOn : addDays(startOn, 1);
          n++;
          const hostName = provinceByPlate(host)!.name;
          const workshop = writer.insert(workshopsSpec, 'ministry', {
            kind: 'BOLGE_CALISTAYI',
            title: `${region} Bölgesi STK İşbirliği Çalıştayı (${hostName})`,
            region, host_plate: host, start_on: startOn, end_on: endOn, venue: `${hostName} Gençlik Merkezi`,
            programme: JSON.stringify([
              { time: '09:30', title: 'Açılış konuşmaları' },
              { time: '10:30', title: 'Gençlik alanında STK-kamu işbirliği: mevcut durum' },
              { time: '13:30', title: 'Atölye çalışmaları (proje, gönüllülük, mekân, mevzuat)' },
              { time: '16:00', title: 'Atölye sonuçlarının sunulması ve kapanış' },
            ]),
            findings: `${region} bölgesindeki STK'lar proje desteği, gençlik merkezi mekânlarının kullanımı ve kapasite geliştirme eğitimlerini öncelikli ihtiyaç olarak belirtti.`,
          });
          summary.workshops++;
          // Each province of the region sends its CSOs to one of the region's three workshops.
          for (const [i, plate] of regionPlates.entries()) {
            if (i % hosts.length !== h) continue;
            for (const org of workshopOrgs.get(plate) ?? []) {
              const contact = newContact(org, 'Başkan');
              writer.insert(workshopParticipantsSpec, 'ministry', {
                workshop_id: workshop.id, organisation_id: org.id, organisation_name: null, province_plate: plate, full_name: contact.fullName, title: contact.title,
              });
              summary.workshopParticipants++;
            }
          }
        })();
      }
    }
    db.sqlite.transaction(() => {
      const summit = writer.insert(workshopsSpec, 'ministry', {
        kind: 'ULUSAL_ZIRVE', title: '2019 Yılı Gençlik Zirvesi', region: null, host_plate: '06', start_on: '2019-02-05', end_on: '2019-02-05',
        venue: 'Gençlik ve Spor Bakanlığı, Ankara',
        programme: JSON.stringify([{ time: '10:00', title: 'Açılış' }, { time: '11:00', title: 'Bölge çalıştaylarının ulusal raporu' }, { time: '14:00', title: 'Paneller' }]),
        findings: 'Bölge çalıştaylarının bulguları ulusal raporda birleştirildi.',
      });
      summary.workshops++;
      for (const plate of PROVINCES.map((p) => p.plate)) {
        const org = workshopOrgs.get(plate)![0]!;
        const contact = org.contacts[0]!;
        writer.insert(workshopParticipantsSpec, 'ministry', { workshop_id: summit.id, organisation_id: org.id, organisation_name: null, province_plate: plate, full_name: contact.fullName, title: contact.title });
        summary.workshopParticipants++;
      }
    })();
  }

  // Consultation meetings. Erzurum first (2019/1), 46 provinces by the end of 2019, every province by 2021.
  const order = adoptionOrder(random);
  const adoptedIn = new Map<string, TermRef>();
  order.forEach((plate, i) => {
    if (i === 0) adoptedIn.set(plate, { year: 2019, no: 1 });
    else if (i < 20) adoptedIn.set(plate, { year: 2019, no: 2 });
    else if (i < PUBLISHED.meetings.provinces) adoptedIn.set(plate, { year: 2019, no: 3 });
    else adoptedIn.set(plate, { year: 2020 + Math.floor((i - 46) / 18), no: 1 + ((i - 46) % 3) });
  });
  // 2019: one pilot meeting per adopting province and term, 848 CSO representatives in all, each new.
  const pilots = order.slice(0, PUBLISHED.meetings.provinces).flatMap((plate) => {
    const from = adoptedIn.get(plate)!;
    return [1, 2, 3].filter((no) => no >= from.no).map((no) => ({ plate, no }));
  });
  const perPilot = Math.floor(PUBLISHED.meetings.csoRepresentatives / pilots.length);
  const extra = PUBLISHED.meetings.csoRepresentatives - perPilot * pilots.length;

  // KOPRU_DEMO_MEETINGS_UNTIL caps the meeting years (tests that only need the published 2019 figures).
  const until = meetingsUntil ?? Number(process.env.KOPRU_DEMO_MEETINGS_UNTIL);
  const current = Number.isInteger(until) && until >= 2019 && until < Number(today.slice(0, 4)) ? { year: until, no: DEFAULT_MEETING_TERMS.length } : termOf(today);
  for (const plate of plates) {
    // A centre closed today may well have held the 2019 pilot; later terms only at active centres.
    const allCentres = db
      .stmt(`SELECT id, name, status FROM youth_centres WHERE province_plate = ? AND deleted_at IS NULL ORDER BY sort_key`)
      .all(plate) as { id: string; name: string; status: string }[];
    const centres = allCentres.filter((c) => c.status === 'active');
    if (allCentres.length === 0) continue;
    const orgs = orgsByPlate.get(plate) ?? [];
    const csos = orgs.filter((o) => !o.name.endsWith('Belediyesi') && !o.name.includes('Müdürlüğü') && !o.name.includes('Üniversitesi'));
    const from = adoptedIn.get(plate)!;
    db.sqlite.transaction(() => {
      let decisionCarry: { id: string; centre: string }[] = [];
      for (let year = from.year; year <= current.year; year++) {
        for (const term of DEFAULT_MEETING_TERMS) {
          if (year === from.year && term.no < from.no) continue;
          if (year > current.year || (year === current.year && term.no > current.no)) continue;
          const range = termRange({ year, no: term.no });
          const centresThisTerm = year === 2019 ? [centres[0] ?? allCentres[0]!] : centres;
          for (const centre of centresThisTerm) {
            if (year > 2019 && random() > 0.8) continue; // missed terms: the planner shows them
            const pilotIndex = year === 2019 ? pilots.findIndex((p) => p.plate === plate && p.no === term.no) : -1;
            const date = plate === order[0] && year === 2019 && term.no === 1 ? '2019-03-14' : addDays(range.from, 20 + Math.floor(random() * 80));
            const past = date < today;
            const state = past ? (random() < 0.04 && year > 2019 ? 'IPTAL' : 'YAPILDI') : random() < 0.5 ? 'DAVET_GONDERILDI' : 'PLANLANDI';
            const meeting = writer.insert(meetingsSpec, `province:${plate}`, {
              youth_centre_id: centre.id, province_plate: plate, date, start_time: '14:00', end_time: '16:30', hall: pick(HALLS),
              chair: `${personName()} (Gençlik ve Spor İl Müdürü)`, rapporteur: `${personName()} (Gençlik Lideri)`, state,
              letter_date: state === 'PLANLANDI' ? null : addDays(date, -10), letter_no: state === 'PLANLANDI' ? null : `E-${plate}${String(100000 + Math.floor(random() * 899999))}`,
              state_reason: state === 'IPTAL' ? 'Olumsuz hava koşulları nedeniyle iptal edildi.' : null,
              minutes: state === 'YAPILDI' ? 'Toplantı gençlik merkezi müdürünün açılış konuşmasıyla başladı; gündem maddeleri sırasıyla görüşüldü.' : null,
            });
            summary.meetings++;
            const items = [AGENDA[1]!, pick(AGENDA.slice(2, 6)), AGENDA[6]!];
            items.forEach((title, i) =>
              writer.insert(meetingAgendaSpec, `province:${plate}`, {
                meeting_id: meeting.id, position: i + 1, title, minutes: state === 'YAPILDI' && i === 1 ? 'Katılımcılar önerilerini paylaştı; öneriler karar bölümüne yansıtıldı.' : null,
              }),
            );
            if (state === 'IPTAL') continue;
            const held = state === 'YAPILDI';
            const participant = (kind: string, fullName: string, title: string | null, org: Org | null, contactId: string | null, attended: boolean) => {
              writer.insert(meetingParticipantsSpec, `province:${plate}`, {
                meeting_id: meeting.id, kind, full_name: fullName, title, organisation_id: org?.id ?? null, organisation_name: null, contact_id: contactId,
                invited: 1, attended: held && attended ? 1 : 0, walk_in: 0, phone: null, email: null,
              });
              summary.participants++;
            };
            participant('KAMU_PERSONELI', personName(), 'Gençlik ve Spor İl Müdür Yardımcısı', null, null, true);
            participant('GENCLIK_MERKEZI', personName(), 'Gençlik Merkezi Müdürü', null, null, true);
            // CSO representatives: in 2019 each is a new person (the published 848); later, regulars return.
            const reps = pilotIndex >= 0 ? perPilot + (pilotIndex < extra ? 1 : 0) : 2 + Math.floor(random() * 5);
            for (let r = 0; r < reps; r++) {
              const org = csos[(r + Math.floor(random() * csos.length)) % csos.length]!;
              const contact = year === 2019 || org.contacts.length === 0 || random() < 0.3 ? newContact(org) : pick(org.contacts);
              participant('STK', contact.fullName, contact.title, org, contact.id, true);
            }
            if (held) {
              // One invited CSO representative did not come: invited, not an attendance.
              const absent = pick(csos);
              participant('STK', personName(), 'Üye', absent, null, false);
              for (const request of [pick(REQUESTS)]) {
                writer.insert(meetingRequestsSpec, `province:${plate}`, { meeting_id: meeting.id, category: request.category, organisation_id: pick(csos).id, text: request.text });
              }
              // The follow-up loop: this meeting reviews the centre's earlier open decisions, then takes new ones.
              for (const earlier of decisionCarry.filter((d) => d.centre === centre.id)) {
                writer.update(meetingDecisionsSpec, earlier.id, { state: random() < 0.75 ? 'TAMAMLANDI' : 'DEVAM', state_note: 'Toplantıda gözden geçirildi.', reviewed_in_meeting_id: meeting.id });
              }
              decisionCarry = decisionCarry.filter((d) => d.centre !== centre.id);
              const count = 1 + Math.floor(random() * 2);
              for (let k = 1; k <= count; k++) {
                const decision = writer.insert(meetingDecisionsSpec, `province:${plate}`, {
                  meeting_id: meeting.id, youth_centre_id: centre.id, number: k, text: pick(DECISIONS), responsible: 'Gençlik Merkezi Müdürlüğü',
                  due_on: addDays(date, 60), state: 'ACIK', state_note: null, reviewed_in_meeting_id: null,
                });
                decisionCarry.push({ id: String(decision.id), centre: centre.id });
              }
            }
          }
        }
      }
    })();
  }
  return summary;
}

/** Erzurum first, then the other 80 provinces in a fixed shuffled order. */
function adoptionOrder(random: () => number): string[] {
  const rest = PROVINCES.map((p) => p.plate).filter((p) => p !== '25');
  for (let i = rest.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [rest[i], rest[j]] = [rest[j]!, rest[i]!];
  }
  return ['25', ...rest];
}
