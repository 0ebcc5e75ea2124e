import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkshopDetail, WorkshopSummary } from '../../shared/contract/workshops';
import { organisationsSpec } from '../../db/directory/specs';
import { setupApp, type TestApp } from '../support/app';
import { pdfPages } from '../documents/pdfText';
import { workshopsMessages } from '../../shared/contract/errors/workshops';

// Workshops and summits: the ministry's validation rules, bulk participants (all or nothing), list counts and
// the printable documents.

let ministry: TestApp;
let org: string;
let merged: string;

const base = {
  kind: 'BOLGE_CALISTAYI',
  title: 'Doğu Anadolu Bölge Çalıştayı',
  region: 'Doğu Anadolu',
  hostPlate: '25',
  startOn: '2025-04-10',
  endOn: '2025-04-11',
  venue: 'Erzurum Gençlik Merkezi konferans salonu',
  programme: [{ time: '09:30', title: 'Açılış' }, { time: '10:00', title: 'Gençlik politikaları oturumu' }],
  findings: 'STK’lar mekân ihtiyacını öne çıkardı.',
};

function rowCount(app: TestApp, table: string): number {
  return (app.ctx.db!.stmt(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
}

beforeAll(async () => {
  ministry = await setupApp('ministry');
  const { db, writer } = ministry.ctx;
  const ids = db!.sqlite.transaction(() => {
    const a = String(writer!.insert(organisationsSpec, 'province:25', { kind: 'STK', name: 'Erzurum Gençlik Derneği', province_plate: '25', activity_areas: '[]', youth_focus: 1 }).id);
    const b = String(writer!.insert(organisationsSpec, 'province:25', { kind: 'STK', name: 'Erzurum Genclik Dernegi', province_plate: '25', activity_areas: '[]', youth_focus: 1, merged_into: a }).id);
    return [a, b] as const;
  })();
  [org, merged] = ids;
});
afterAll(() => ministry.close());

describe('workshops:save', () => {
  it('records a regional workshop with its programme and findings, editable by the ministry', async () => {
    const w = await ministry.ok<WorkshopDetail>('workshops:save', base);
    expect(w).toMatchObject({ kind: 'BOLGE_CALISTAYI', region: 'Doğu Anadolu', hostName: 'Erzurum', programme: base.programme, findings: base.findings, canEdit: true, participants: 0 });
    const edited = await ministry.ok<WorkshopDetail>('workshops:save', { ...base, id: w.id, title: 'Doğu Anadolu Bölge Çalıştayı 2025' });
    expect(edited.title).toBe('Doğu Anadolu Bölge Çalıştayı 2025');
    expect(edited.id).toBe(w.id);
  });

  it('requires a region for a regional workshop and none for a national summit', async () => {
    const noRegion = await ministry.invoke('workshops:save', { ...base, region: null });
    expect(noRegion.ok).toBe(false);
    if (!noRegion.ok) expect(noRegion.error.issues?.[0]).toMatchObject({ path: 'region', label: 'Bölge' });
    const summitWithRegion = await ministry.invoke('workshops:save', { ...base, kind: 'ULUSAL_ZIRVE' });
    expect(summitWithRegion.ok).toBe(false);
    const summit = await ministry.ok<WorkshopDetail>('workshops:save', { ...base, kind: 'ULUSAL_ZIRVE', title: 'Ulusal STK Zirvesi', region: null, hostPlate: '06' });
    expect(summit.region).toBeNull();
  });

  it('rejects a host province outside the region, naming the field, and an end before the start', async () => {
    const before = rowCount(ministry, 'workshops');
    const outside = await ministry.invoke('workshops:save', { ...base, hostPlate: '35' });
    expect(outside.ok).toBe(false);
    if (!outside.ok) {
      expect(outside.error.code).toBe('VALIDATION');
      expect(outside.error.message).toContain('Ev sahibi il');
      expect(outside.error.message).toContain('İzmir');
    }
    const reversed = await ministry.invoke('workshops:save', { ...base, startOn: '2025-04-12' });
    expect(reversed.ok).toBe(false);
    if (!reversed.ok) expect(reversed.error.issues?.[0]).toMatchObject({ path: 'endOn' });
    expect(rowCount(ministry, 'workshops')).toBe(before);
  });

  it('is refused to provinces (ministry only)', async () => {
    const province = await setupApp('province', { plate: '25' });
    try {
      const answer = await province.invoke('workshops:save', base);
      expect(answer.ok).toBe(false);
      if (!answer.ok) expect(answer.error.code).toBe('FORBIDDEN');
    } finally {
      province.close();
    }
  });
});

describe('workshops:saveParticipants', () => {
  it('adds participants in bulk and counts people, resolved organisations and provinces', async () => {
    const w = await ministry.ok<WorkshopDetail>('workshops:save', base);
    const saved = await ministry.ok<WorkshopDetail>('workshops:saveParticipants', {
      workshopId: w.id,
      participants: [
        { fullName: 'Zeynep Yıldız', title: 'Başkan', organisationId: org, provincePlate: '25' },
        { fullName: 'Ahmet Çelik', title: 'Üye', organisationId: merged, provincePlate: '25' },
        { fullName: 'Şule Ak', organisationName: 'Ağrı Gönüllüleri', provincePlate: '04' },
        { fullName: 'Can Işık', organisationName: 'AĞRI GÖNÜLLÜLERİ', provincePlate: '04' },
        { fullName: 'Ömer Er', organisationName: 'Bingöl Gençlik Kulübü', provincePlate: '12' },
      ],
    });
    expect(saved).toMatchObject({ participants: 5, organisations: 3, provinces: 3 });
    // By province in Turkish order (Ağrı, Bingöl, Erzurum), people alphabetically within.
    expect(saved.participantList.map((p) => p.fullName)).toEqual(['Can Işık', 'Şule Ak', 'Ömer Er', 'Ahmet Çelik', 'Zeynep Yıldız']);
    // The merged record is shown under the organisation it was merged into.
    expect(saved.participantList.find((p) => p.fullName === 'Ahmet Çelik')!.organisationName).toBe('Erzurum Gençlik Derneği');
    const list = await ministry.ok<WorkshopSummary[]>('workshops:list', {});
    expect(list.find((x) => x.id === w.id)).toMatchObject({ participants: 5, organisations: 3, provinces: 3 });

    const removed = await ministry.ok<WorkshopDetail>('workshops:removeParticipant', { id: saved.participantList[0]!.id });
    expect(removed.participants).toBe(4);
  });

  it('writes nothing when one row is wrong, and names the row', async () => {
    const w = await ministry.ok<WorkshopDetail>('workshops:save', base);
    const before = rowCount(ministry, 'workshop_participants');
    const rows = Array.from({ length: 12 }, (_, i) => ({ fullName: `Katılımcı ${i + 1}`, organisationName: 'Bir Dernek', provincePlate: '25' }));
    rows[11] = { fullName: 'Katılımcı 12', organisationName: '', provincePlate: '25' };
    const answer = await ministry.invoke('workshops:saveParticipants', { workshopId: w.id, participants: rows });
    expect(answer.ok).toBe(false);
    if (!answer.ok) {
      expect(answer.error.code).toBe('VALIDATION');
      expect(answer.error.message).toContain('12. satır: Kurum');
    }
    const unknownOrg = await ministry.invoke('workshops:saveParticipants', {
      workshopId: w.id,
      participants: [{ fullName: 'Ali Veli', organisationId: '0190a0a0-0000-7000-8000-000000000000', provincePlate: '25' }],
    });
    expect(unknownOrg.ok).toBe(false);
    if (!unknownOrg.ok) expect(unknownOrg.error.message).toContain('1. satır');
    expect(rowCount(ministry, 'workshop_participants')).toBe(before);
  });

  it('lists newest first and filters by kind and region', async () => {
    await ministry.ok('workshops:save', { ...base, title: 'Ege Bölge Çalıştayı', region: 'Ege', hostPlate: '35', startOn: '2026-05-01', endOn: '2026-05-01' });
    const all = await ministry.ok<WorkshopSummary[]>('workshops:list', {});
    expect(all[0]!.title).toBe('Ege Bölge Çalıştayı');
    const starts = all.map((w) => w.startOn);
    expect(starts).toEqual([...starts].sort().reverse());
    expect((await ministry.ok<WorkshopSummary[]>('workshops:list', { region: 'Ege' })).map((w) => w.title)).toEqual(['Ege Bölge Çalıştayı']);
    expect((await ministry.ok<WorkshopSummary[]>('workshops:list', { kind: 'ULUSAL_ZIRVE' })).every((w) => w.kind === 'ULUSAL_ZIRVE')).toBe(true);
  });
});

describe('workshops:document', () => {
  it('prints the programme and the participant list as PDFs', async () => {
    const w = (await ministry.ok<WorkshopSummary[]>('workshops:list', { region: 'Doğu Anadolu' })).find((x) => x.participants > 0)!;
    for (const kind of ['programme', 'participants'] as const) {
      const file = await ministry.ok<{ fileName: string; mimeType: string; contentBase64: string }>('workshops:document', { id: w.id, kind });
      const bytes = Buffer.from(file.contentBase64, 'base64');
      expect(file.mimeType).toBe('application/pdf');
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(file.fileName).toContain(kind === 'programme' ? 'Program' : 'Katılımcı Listesi');
    }
  });

  it('prints name badges for the participants on the meetings\' card sheet: ten to an A4 page, the event on each', async () => {
    const w = await ministry.ok<WorkshopDetail>('workshops:save', { ...base, title: 'Doğu Anadolu Gençlik Çalıştayı' });
    const people = Array.from({ length: 11 }, (_, i) => ({ fullName: `Katılımcı ${String(i + 1).padStart(2, '0')}`, organisationName: 'Kars Gençlik Derneği', provincePlate: '36' }));
    await ministry.ok('workshops:saveParticipants', {
      workshopId: w.id,
      participants: [
        { fullName: 'Zeynep Yıldız', title: 'Başkan', organisationId: org, provincePlate: '25' },
        { fullName: 'Şule Ak', organisationName: 'Ağrı Gençlik ve Gönüllülük Platformu Derneği Doğubayazıt Şubesi', provincePlate: '04' },
        ...people,
      ],
    });
    const file = await ministry.ok<{ fileName: string; mimeType: string; contentBase64: string }>('workshops:document', { id: w.id, kind: 'badges' });
    expect(file.mimeType).toBe('application/pdf');
    expect(file.fileName).toBe('Doğu Anadolu Gençlik Çalıştayı - Yaka Kartları.pdf');
    const pdf = Buffer.from(file.contentBase64, 'base64');
    // To look at the badges as pictures (pdftoppm): KOPRU_PDF_OUT=<folder>.
    if (process.env.KOPRU_PDF_OUT) fs.writeFileSync(path.join(process.env.KOPRU_PDF_OUT, 'workshop-badges.pdf'), pdf);
    const pages = pdfPages(pdf);
    // 13 participants: a full sheet of ten, then three.
    expect(pages).toHaveLength(2);
    const event = 'Doğu Anadolu Gençlik Çalıştayı · 10.04.2025 – 11.04.2025';
    expect(pages.map((p) => p.split(event).length - 1)).toEqual([10, 3]);
    // In the list's order (Ağrı, Erzurum, Kars); the organisation with its province; a long name whole, never cut.
    expect(pages[0]).toContain('Şule Ak Ağrı Gençlik ve Gönüllülük Platformu Derneği Doğubayazıt Şubesi (Ağrı)');
    expect(pages[0]).toContain('Zeynep Yıldız Başkan Erzurum Gençlik Derneği (Erzurum)');
    expect(pages[0]).toContain('Katılımcı 01 Kars Gençlik Derneği (Kars)');
    expect(pages[1]).toContain('Katılımcı 11 Kars Gençlik Derneği (Kars)');
    expect(pages.join(' ')).not.toContain('…');
  });

  it('refuses badges for a workshop without participants, saying what to do', async () => {
    const w = await ministry.ok<WorkshopDetail>('workshops:save', { ...base, title: 'Boş Çalıştay' });
    const answer = await ministry.invoke('workshops:document', { id: w.id, kind: 'badges' });
    expect(answer.ok).toBe(false);
    if (!answer.ok) {
      expect(answer.error.code).toBe('VALIDATION');
      expect(answer.error.message).toBe(workshopsMessages['workshops.noParticipantsForBadges'].tr);
    }
    expect(workshopsMessages['workshops.noParticipantsForBadges'].en).toContain('no participants');
  });
});
