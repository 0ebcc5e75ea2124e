import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FigureKey, ProvinceFigures, Report, ReportScope } from '../../shared/contract/reports';
import { REGIONS } from '../../shared/regions';
import { reportQueryPlans } from '../../db/reports/queries';
import { setupApp, type TestApp } from '../support/app';
import { seedReportData, type Seeded } from './seed';

// The figures against a hand-built data set (tests/reports/seed.ts): every expected number is worked out by
// hand from the rows there, so a changed definition fails here.

let app: TestApp;
let seeded: Seeded;

beforeAll(async () => {
  app = await setupApp('ministry');
  seeded = seedReportData(app);
});
afterAll(() => app.close());

const YEAR = { from: '2024-01-01', to: '2024-12-31' };

async function figures(scope: ReportScope, period = YEAR) {
  const report = await app.ok<Report>('reports:figures', { ...period, scope });
  const values = Object.fromEntries(report.figures.map((f) => [f.key, f.value])) as Record<FigureKey, number>;
  return { report, values };
}

describe('reports:figures — meeting figures', () => {
  it('counts held meetings, STK attendances, unique people and unique organisations nationally', async () => {
    const { values, report } = await figures({ level: 'national' });
    expect(values).toMatchObject({
      meetingsHeld: 4, // M1–M4; cancelled, planned, deleted and out-of-period meetings are not counted
      provincesWithMeeting: 3,
      youthCentresWithMeeting: 3,
      csoAttendances: 7, // Ali twice, Ayşe, Mehmet, Fatma, Hasan, İpek; not the civil servant, the no-show or the deleted one
      csoRepresentatives: 6, // Ali counted once
      uniqueCsos: 3, // O1 (with O2 merged into it), "Gençlik Derneği" (two spellings), O3
      requests: 3,
      decisions: 3,
      decisionsCompleted: 1,
    });
    expect(report.scopeLabel).toBe('Türkiye geneli');
    expect(report.firstMeeting).toEqual({ date: '2024-01-01', provinceName: 'Erzurum', youthCentreName: 'Palandöken Gençlik Merkezi' });
    for (const f of report.figures) {
      expect(f.label.length).toBeGreaterThan(3);
      expect(f.definition.length).toBeGreaterThan(30);
    }
  });

  it('includes both period boundaries and nothing outside them', async () => {
    expect((await figures({ level: 'national' }, { from: '2024-01-02', to: '2024-12-30' })).values.meetingsHeld).toBe(2);
    expect((await figures({ level: 'national' }, { from: '2024-01-01', to: '2024-01-01' })).values.meetingsHeld).toBe(1);
    expect((await figures({ level: 'national' }, { from: '2017-01-01', to: '2026-11-25' })).values.meetingsHeld).toBe(6);
  });

  it('breaks national figures down by region, every region listed', async () => {
    const { report } = await figures({ level: 'national' });
    expect(report.breakdown?.level).toBe('region');
    expect(report.breakdown?.rows.map((r) => r.name)).toEqual([...REGIONS]);
    const row = (name: string) => report.breakdown!.rows.find((r) => r.name === name)!;
    expect(row('Doğu Anadolu')).toMatchObject({ meetingsHeld: 3, csoAttendances: 6, csoRepresentatives: 5, uniqueCsos: 3 });
    expect(row('İç Anadolu')).toMatchObject({ meetingsHeld: 1, csoAttendances: 1, csoRepresentatives: 1, uniqueCsos: 1 });
    expect(row('Ege')).toMatchObject({ meetingsHeld: 0, csoAttendances: 0 });
  });

  it('scopes to a region, broken down by its provinces in Turkish order', async () => {
    const { values, report } = await figures({ level: 'region', region: 'Doğu Anadolu' });
    expect(values).toMatchObject({ meetingsHeld: 3, provincesWithMeeting: 2, csoAttendances: 6, csoRepresentatives: 5, uniqueCsos: 3, requests: 3, decisions: 2, decisionsCompleted: 1 });
    expect(report.scopeLabel).toBe('Doğu Anadolu Bölgesi');
    const names = report.breakdown!.rows.map((r) => r.name);
    expect(names).toContain('Ağrı');
    expect(names.indexOf('Ağrı')).toBeLessThan(names.indexOf('Bingöl'));
    expect(names.indexOf('Elazığ')).toBeLessThan(names.indexOf('Erzincan'));
    expect(report.breakdown!.rows.find((r) => r.id === '25')).toMatchObject({ meetingsHeld: 2, csoAttendances: 5, csoRepresentatives: 4, uniqueCsos: 2 });
    expect(report.breakdown!.rows.find((r) => r.id === '24')).toMatchObject({ meetingsHeld: 1, csoAttendances: 1, csoRepresentatives: 1, uniqueCsos: 1 });
  });

  it('scopes to a province, broken down by its youth centres (zero rows included)', async () => {
    const { values, report } = await figures({ level: 'province', provincePlate: '25' });
    expect(values).toMatchObject({ meetingsHeld: 2, youthCentresWithMeeting: 1, csoAttendances: 5, csoRepresentatives: 4, uniqueCsos: 2, requests: 2, decisions: 2 });
    expect(report.breakdown?.level).toBe('youthCentre');
    expect(report.breakdown!.rows.map((r) => [r.name, r.meetingsHeld])).toEqual([['Palandöken Gençlik Merkezi', 2], ['Yakutiye Gençlik Merkezi', 0]]);
  });

  it('scopes to a youth centre, with no breakdown and no workshops', async () => {
    const { values, report } = await figures({ level: 'youthCentre', youthCentreId: seeded.centres.C });
    expect(values).toMatchObject({ meetingsHeld: 1, csoAttendances: 1, requests: 1, decisions: 0, workshops: 0, workshopParticipants: 0 });
    expect(report.breakdown).toBeNull();
    expect(report.workshopsByRegion).toEqual([]);
    expect(report.scopeLabel).toBe('Erzincan Gençlik Merkezi (Erzincan)');
  });

  it('gives per-term rows and requests by category', async () => {
    const { report } = await figures({ level: 'national' });
    expect(report.perTerm.reduce((s, r) => s + r.meetingsHeld, 0)).toBe(4);
    expect(report.perTerm.every((r) => r.year === 2024)).toBe(true);
    expect(report.requestsByCategory).toEqual([
      { category: 'Proje desteği', count: 2 },
      { category: 'Gençlik merkezi mekânının kullanımı', count: 1 },
    ]);
  });

  it('answers a clear Turkish error for a reversed period or an unknown centre', async () => {
    const reversed = await app.invoke('reports:figures', { from: '2024-12-31', to: '2024-01-01', scope: { level: 'national' } });
    expect(reversed.ok).toBe(false);
    if (!reversed.ok) expect(reversed.error.message).toContain('Bitiş');
    const unknown = await app.invoke('reports:figures', { ...YEAR, scope: { level: 'youthCentre', youthCentreId: 'yok' } });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error.code).toBe('NOT_FOUND');
  });
});

describe('reports:provinces — the figures the ministry\'s map colours', () => {
  it('gives every province its meeting figures, by the report\'s definitions, zeros included', async () => {
    const { provinces } = await app.ok<ProvinceFigures>('reports:provinces', YEAR);
    expect(provinces).toHaveLength(81);
    expect(provinces.map((p) => p.plate)).toEqual(Array.from({ length: 81 }, (_, i) => String(i + 1).padStart(2, '0')));
    const row = (plate: string) => provinces.find((p) => p.plate === plate)!;
    // Erzurum: M1 and M2 at Palandöken; Ali twice, Ayşe, Mehmet, Fatma; O1 (O2 merged in) and "Gençlik Derneği".
    expect(row('25')).toMatchObject({ name: 'Erzurum', region: 'Doğu Anadolu', meetingsHeld: 2, youthCentresWithMeeting: 1, csoAttendances: 5, csoRepresentatives: 4, uniqueCsos: 2 });
    expect(row('24')).toMatchObject({ name: 'Erzincan', meetingsHeld: 1, youthCentresWithMeeting: 1, csoAttendances: 1, csoRepresentatives: 1, uniqueCsos: 1 });
    expect(row('06')).toMatchObject({ name: 'Ankara', meetingsHeld: 1, csoAttendances: 1, csoRepresentatives: 1, uniqueCsos: 1 });
    // Cancelled and planned meetings (Yakutiye) and other provinces count nothing.
    expect(provinces.filter((p) => !['25', '24', '06'].includes(p.plate)).every((p) => p.meetingsHeld === 0 && p.csoAttendances === 0)).toBe(true);
  });

  it('adds up to the national figures and to each region\'s row of the national breakdown', async () => {
    const { provinces } = await app.ok<ProvinceFigures>('reports:provinces', { from: '2017-01-01', to: '2026-11-25' });
    const { values, report } = await figures({ level: 'national' }, { from: '2017-01-01', to: '2026-11-25' });
    expect(provinces.reduce((sum, p) => sum + p.meetingsHeld, 0)).toBe(values.meetingsHeld);
    expect(provinces.reduce((sum, p) => sum + p.csoAttendances, 0)).toBe(values.csoAttendances);
    expect(provinces.filter((p) => p.meetingsHeld > 0)).toHaveLength(values.provincesWithMeeting);
    for (const region of report.breakdown!.rows) {
      const inRegion = provinces.filter((p) => p.region === region.name);
      expect(inRegion.reduce((sum, p) => sum + p.meetingsHeld, 0), region.name).toBe(region.meetingsHeld);
    }
  });

  it('refuses a reversed period, and a province (which holds only its own rows) may not ask', async () => {
    const reversed = await app.invoke('reports:provinces', { from: '2024-12-31', to: '2024-01-01' });
    expect(reversed.ok || reversed.error).toMatchObject({ code: 'VALIDATION', message: 'Bitiş: Bitiş tarihi başlangıçtan önce olamaz.' });
    const province = await setupApp('province', { plate: '25' });
    try {
      const envelope = await province.invoke('reports:provinces', YEAR);
      expect(envelope.ok || envelope.error.code).toBe('FORBIDDEN');
    } finally {
      province.close();
    }
  });
});

describe('reports:figures — workshop figures', () => {
  it('counts workshops, participants, organisations and provinces nationally', async () => {
    const { values, report } = await figures({ level: 'national' });
    expect(values).toMatchObject({ workshops: 2, workshopParticipants: 6, workshopOrganisations: 3, workshopProvincesCovered: 4, workshopHostProvinces: 2, workshopRegions: 1 });
    const east = report.workshopsByRegion.find((r) => r.region === 'Doğu Anadolu')!;
    expect(east).toEqual({ region: 'Doğu Anadolu', workshops: 1, participants: 4, organisations: 3, provinces: 3, hostProvinces: 1 });
    const summit = report.workshopsByRegion.find((r) => r.region.startsWith('Ulusal'))!;
    expect(summit).toMatchObject({ workshops: 1, participants: 2, organisations: 2, provinces: 2, hostProvinces: 1 });
    expect(report.workshopsByRegion).toHaveLength(REGIONS.length + 1);
  });

  it('region scope counts the region’s workshops only', async () => {
    const { values } = await figures({ level: 'region', region: 'Doğu Anadolu' });
    expect(values).toMatchObject({ workshops: 1, workshopParticipants: 4, workshopOrganisations: 3, workshopProvincesCovered: 3, workshopHostProvinces: 1, workshopRegions: 1 });
  });

  it('province scope counts workshops with a participant from the province and that province’s participants', async () => {
    const { values } = await figures({ level: 'province', provincePlate: '25' });
    expect(values).toMatchObject({ workshops: 2, workshopParticipants: 3, workshopOrganisations: 2, workshopProvincesCovered: 1, workshopHostProvinces: 2, workshopRegions: 1 });
  });
});

describe('reports:export', () => {
  it('writes an Excel workbook whose sheets re-read with the figures and definitions', async () => {
    const file = await app.ok<{ fileName: string; contentBase64: string }>('reports:export', { ...YEAR, scope: { level: 'national' }, format: 'xlsx' });
    expect(file.fileName).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Göstergeler', 'Kırılım', 'Dönemler', 'Bölge çalıştayları', 'Talep kategorileri']);
    const sheet = workbook.getWorksheet('Göstergeler')!;
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    const attendance = rows.find((r) => r[1] === 'STK katılımı')!;
    expect(attendance[2]).toBe(7);
    expect(String(attendance[3])).toContain('2 katılım');
    expect(rows.find((r) => r[1] === 'Kapsam')![2]).toBe('Türkiye geneli');
    const east = (workbook.getWorksheet('Kırılım')!.getSheetValues().filter(Boolean) as unknown[][]).find((r) => r[1] === 'Doğu Anadolu')!;
    expect(east.slice(2, 6)).toEqual([3, 6, 5, 3]);
  });

  it('writes a PDF', async () => {
    const file = await app.ok<{ fileName: string; mimeType: string; contentBase64: string }>('reports:export', { ...YEAR, scope: { level: 'province', provincePlate: '25' }, format: 'pdf' });
    const bytes = Buffer.from(file.contentBase64, 'base64');
    expect(file.mimeType).toBe('application/pdf');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(5000);
  });
});

describe('query plans', () => {
  it('drives the meeting figures from the meetings indexes and joins children by meeting id', () => {
    const db = app.ctx.db!;
    const national = reportQueryPlans(db, { level: 'national' });
    expect(national.held.join('\n')).toMatch(/meetings_date/);
    expect(national.attendances.join('\n')).toMatch(/meeting_participants_meeting/);
    expect(national.requests.join('\n')).toMatch(/meeting_requests_meeting/);
    expect(national.decisions.join('\n')).toMatch(/meeting_decisions_meeting/);
    expect(reportQueryPlans(db, { level: 'youthCentre', youthCentreId: 'x' }).held.join('\n')).toMatch(/meetings_centre_date/);
    expect(reportQueryPlans(db, { level: 'province', provincePlate: '25' }).held.join('\n')).toMatch(/USING INDEX meetings_/);
    expect(national.workshops.join('\n')).toMatch(/workshops_start|workshop_participants_workshop/);
  });
});

describe('province scope workshops by region', () => {
  it('lists regions in their order with national summits last', async () => {
    const { report } = await figures({ level: 'province', provincePlate: '25' });
    expect(report.workshopsByRegion.map((r) => r.region)).toEqual(['Doğu Anadolu', 'Ulusal zirve (bölgesiz)']);
    expect(report.workshopsByRegion[0]).toMatchObject({ workshops: 1, participants: 2, organisations: 2, provinces: 1 });
  });
});
