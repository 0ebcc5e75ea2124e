import type { Row } from '../../db/changeLog/writer';
import { organisationsSpec } from '../../db/directory/specs';
import { meetingDecisionsSpec, meetingParticipantsSpec, meetingRequestsSpec, meetingsSpec } from '../../db/meetings/specs';
import { youthCentresSpec } from '../../db/orgUnits/queries';
import { workshopParticipantsSpec, workshopsSpec } from '../../db/workshops/specs';
import type { AppContext } from '../../electron/app/context';

// A small hand-built data set whose figures are worked out by hand in the tests (see tests/reports). Written
// straight through the change writer, as if the rows had arrived from the provinces and centres.

export interface Seeded {
  centres: { A: string; B: string; C: string; D: string };
  orgs: { O1: string; O2: string; O3: string };
  workshops: { W1: string; W2: string; W3: string };
}

export function seedReportData(app: { ctx: AppContext }): Seeded {
  const { db, writer } = app.ctx;
  if (!db || !writer) throw new Error('not set up');
  return db.sqlite.transaction(() => {
    const district = (plate: string) => (db.stmt('SELECT id FROM districts WHERE plate = ? ORDER BY sort_key LIMIT 1').get(plate) as { id: string }).id;
    const centre = (plate: string, name: string) =>
      String(writer.insert(youthCentresSpec, `province:${plate}`, { province_plate: plate, district_id: district(plate), name, status: 'active' }).id);
    const A = centre('25', 'Palandöken Gençlik Merkezi');
    const B = centre('25', 'Yakutiye Gençlik Merkezi');
    const C = centre('24', 'Erzincan Gençlik Merkezi');
    const D = centre('06', 'Çankaya Gençlik Merkezi');

    const org = (name: string, plate: string, mergedInto: string | null = null) =>
      String(writer.insert(organisationsSpec, `province:${plate}`, { kind: 'STK', name, province_plate: plate, activity_areas: '[]', youth_focus: 1, merged_into: mergedInto }).id);
    const O1 = org('Erzurum Gençlik ve Kültür Derneği', '25');
    const O2 = org('Erzurum Genclik ve Kultur Dernegi', '25', O1); // a duplicate, merged into O1
    const O3 = org('Ankara Gönüllüler Derneği', '06');

    const meeting = (centreId: string, plate: string, date: string, state: string) =>
      String(writer.insert(meetingsSpec, centreId, { youth_centre_id: centreId, province_plate: plate, date, start_time: '14:00', end_time: '16:00', hall: 'Konferans salonu', state }).id);
    const person = (meetingId: string, owner: string, values: Row) =>
      String(writer.insert(meetingParticipantsSpec, owner, { meeting_id: meetingId, kind: 'STK', invited: 1, attended: 1, walk_in: 0, ...values }).id);

    // In the period 2024: M1 (first day), M2, M3 (last day), M4.
    const M1 = meeting(A, '25', '2024-01-01', 'YAPILDI');
    person(M1, A, { full_name: 'Ali Yılmaz', organisation_id: O1 });
    person(M1, A, { full_name: 'Ayşe Kaya', organisation_id: O2 });
    person(M1, A, { full_name: 'Veli Demir', kind: 'KAMU_PERSONELI' }); // not a CSO
    person(M1, A, { full_name: 'Zeynep Ak', organisation_id: O3, attended: 0 }); // invited, did not come
    const gone = person(M1, A, { full_name: 'Silinen Kişi', organisation_name: 'Silinen Dernek' });
    writer.tombstone(meetingParticipantsSpec, gone);
    const M2 = meeting(A, '25', '2024-06-10', 'YAPILDI');
    person(M2, A, { full_name: 'ALİ YILMAZ', organisation_id: O1 }); // the same person again
    person(M2, A, { full_name: 'Mehmet Öz', organisation_name: 'Gençlik Derneği' });
    person(M2, A, { full_name: 'Fatma Şen', organisation_name: 'GENÇLİK DERNEĞİ' }); // same free-text org
    const M3 = meeting(C, '24', '2024-12-31', 'YAPILDI');
    person(M3, C, { full_name: 'Hasan Çelik', organisation_id: O3 });
    const M4 = meeting(D, '06', '2024-03-01', 'YAPILDI');
    person(M4, D, { full_name: 'İpek Uçar', organisation_id: O3 });
    // Not counted: cancelled, planned, outside the period, deleted.
    const M5 = meeting(B, '25', '2024-05-01', 'IPTAL');
    person(M5, B, { full_name: 'İptal Katılımcı', organisation_id: O3 });
    meeting(B, '25', '2024-05-02', 'PLANLANDI');
    person(meeting(A, '25', '2025-01-01', 'YAPILDI'), A, { full_name: 'Sonra Gelen', organisation_id: O3 });
    person(meeting(A, '25', '2023-12-31', 'YAPILDI'), A, { full_name: 'Önce Gelen', organisation_id: O3 });
    const M9 = meeting(A, '25', '2024-07-01', 'YAPILDI');
    person(M9, A, { full_name: 'Silinen Toplantı', organisation_id: O3 });
    writer.tombstone(meetingsSpec, M9);

    const request = (meetingId: string, owner: string, category: string) =>
      String(writer.insert(meetingRequestsSpec, owner, { meeting_id: meetingId, category, text: 'Talep metni' }).id);
    request(M1, A, 'PROJE_DESTEGI');
    request(M1, A, 'MEKAN_KULLANIMI');
    writer.tombstone(meetingRequestsSpec, request(M1, A, 'MEVZUAT'));
    request(M3, C, 'PROJE_DESTEGI');
    request(M5, B, 'DIGER');
    const decision = (meetingId: string, owner: string, number: number, state: string) =>
      writer.insert(meetingDecisionsSpec, owner, { meeting_id: meetingId, youth_centre_id: owner, number, text: 'Karar', state });
    decision(M1, A, 1, 'TAMAMLANDI');
    decision(M1, A, 2, 'ACIK');
    decision(M4, D, 1, 'DEVAM');

    const workshop = (values: Row) => String(writer.insert(workshopsSpec, 'ministry', { programme: '[]', ...values }).id);
    const W1 = workshop({ kind: 'BOLGE_CALISTAYI', title: 'Doğu Anadolu Bölge Çalıştayı', region: 'Doğu Anadolu', host_plate: '25', start_on: '2024-04-10', end_on: '2024-04-11' });
    const W2 = workshop({ kind: 'ULUSAL_ZIRVE', title: 'Ulusal STK Zirvesi', region: null, host_plate: '06', start_on: '2024-11-01', end_on: '2024-11-02' });
    const W3 = workshop({ kind: 'BOLGE_CALISTAYI', title: 'Ege Bölge Çalıştayı', region: 'Ege', host_plate: '35', start_on: '2025-02-01', end_on: '2025-02-01' });
    const wp = (workshopId: string, values: Row) => String(writer.insert(workshopParticipantsSpec, 'ministry', { workshop_id: workshopId, ...values }).id);
    wp(W1, { full_name: 'Ali Yılmaz', organisation_id: O1, province_plate: '25' });
    wp(W1, { full_name: 'Ayşe Kaya', organisation_id: O2, province_plate: '24' });
    wp(W1, { full_name: 'Mehmet Öz', organisation_name: 'Gençlik Derneği', province_plate: '25' });
    wp(W1, { full_name: 'İpek Uçar', organisation_id: O3, province_plate: '06' });
    writer.tombstone(workshopParticipantsSpec, wp(W1, { full_name: 'Çıkarılan Kişi', organisation_name: 'Başka Dernek', province_plate: '34' }));
    wp(W2, { full_name: 'Ali Yılmaz', organisation_id: O1, province_plate: '25' });
    wp(W2, { full_name: 'Deniz Ege', organisation_name: 'gençlik derneği', province_plate: '35' });
    wp(W3, { full_name: 'Ege Katılımcı', organisation_name: 'İzmir Derneği', province_plate: '35' });

    return { centres: { A, B, C, D }, orgs: { O1, O2, O3 }, workshops: { W1, W2, W3 } };
  })();
}
