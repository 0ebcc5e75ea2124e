import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { YouthCentre } from '../../shared/contract/orgUnits';
import { setupApp, type TestApp } from '../support/app';
import { unitOn, type Unit } from '../support/units';
import { clock, heldMeeting, organisation, plan } from '../meetings/fixture';
import { csvBase64 } from './registryFixture';

// Every list's Excel export (issue #17): the rows the list channel finds for the same filter — all of them,
// in the list's order — with Turkish headers, a frozen and autofiltered header row, real dates shown
// GG.AA.YYYY, and a province's file holding only its own rows. One ministry database; the provinces and a
// youth centre act on it as units.

interface XlsxFile { fileName: string; contentBase64: string; rows: number }

async function read(file: XlsxFile) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: unknown[][] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) rows.push((row.values as unknown[]).slice(1));
  });
  return { sheet, header, rows, column: (name: string) => rows.map((r) => r[header.indexOf(name)]) };
}

function expectListSheet(sheet: ExcelJS.Worksheet) {
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(sheet.autoFilter).toBeTruthy();
  expect(sheet.getRow(1).font?.bold).toBe(true);
}

let app: TestApp;
let ankara: Unit;
let izmir: Unit;
let n = 0;

async function importRegistered(unit: Unit, district: string, registeredOn = '15.03.2020'): Promise<void> {
  n += 1;
  const report = await unit.ok<{ totals: { new: number } }>('registry:importApply', {
    fileName: `kayit-${n}.csv`,
    contentBase64: csvBase64([['Dernek adı', 'İlçe', 'GSB tescil no', 'Tescil tarihi'], [`Dışa Aktarım ${n} Gençlik Kulübü Derneği`, district, `GSB-${unit.identity.provincePlate}-${registeredOn.slice(-4)}-${1000 + n}`, registeredOn]]),
  });
  if (report.totals.new !== 1) throw new Error(`not imported: ${JSON.stringify(report)}`);
}

beforeAll(async () => {
  app = await setupApp('ministry', { now: clock('2026-06-15').now });
  ankara = unitOn(app.ctx, 'province', '06');
  izmir = unitOn(app.ctx, 'province', '35');
  await importRegistered(ankara, 'Çankaya');
  await importRegistered(ankara, 'Mamak', '01.02.2021');
  await importRegistered(izmir, 'Konak');
});
afterAll(() => app.close());

describe('visa list export', () => {
  it("holds the same rows as the visa page's count, a province's file only its own, with real registration dates", async () => {
    const dashboard = await app.ok<{ counts: Record<string, number> }>('registry:visaDashboard', { year: 2026 });
    const status = (['GECIKMIS', 'VIZESIZ_N_YIL'] as const).find((s) => (dashboard.counts[s] ?? 0) > 0)!;
    expect(status, JSON.stringify(dashboard.counts)).toBeDefined();
    const all = await app.ok<XlsxFile>('registry:visaListXlsx', { year: 2026, visaStatus: status });
    const book = await read(all);
    expectListSheet(book.sheet);
    expect(book.header.slice(0, 5)).toEqual(['Dernek adı', 'İl', 'İlçe', 'GSB tescil no', 'Tescil tarihi']);
    expect(all.rows).toBe(dashboard.counts[status]);
    expect(book.rows).toHaveLength(all.rows);
    expect(new Set(book.column('İl'))).toEqual(new Set(['Ankara', 'İzmir']));
    expect(all.fileName).toMatch(/^(Vizesi gecikenler|Tescil iptali önerilenler) 2026 15\.06\.2026\.xlsx$/);

    const own = await read(await ankara.ok<XlsxFile>('registry:visaListXlsx', { year: 2026, visaStatus: status }));
    const ownCount = (await ankara.ok<{ counts: Record<string, number> }>('registry:visaDashboard', { year: 2026 })).counts[status];
    expect(own.rows).toHaveLength(ownCount!);
    expect(new Set(own.column('İl'))).toEqual(new Set(['Ankara']));
    const dates = own.column('Tescil tarihi') as Date[];
    expect(dates.every((d) => d instanceof Date)).toBe(true);
    expect(dates.map((d) => d.toISOString().slice(0, 10)).sort()).toEqual(['2020-03-15', '2021-02-01']);
    expect(own.sheet.getColumn(5).numFmt).toBe('dd.mm.yyyy');
  });

  it('refuses a list the page does not have, naming the field', async () => {
    const error = await ankara.fail('registry:visaListXlsx', { visaStatus: 'VIZELI' });
    expect(error.code).toBe('VALIDATION');
    expect(error.issues?.[0]?.path).toBe('visaStatus');
  });
});

describe('youth-centre list export', () => {
  beforeAll(async () => {
    await ankara.ok('orgUnits:createYouthCentre', { name: 'Çankaya Gençlik Merkezi', districtId: '06-cankaya', status: 'active' });
    await ankara.ok('orgUnits:createYouthCentre', { name: 'Cebeci Gençlik Merkezi', districtId: '06-cankaya', status: 'active' });
    await ankara.ok('orgUnits:createYouthCentre', { name: 'Mamak Gençlik Merkezi', districtId: '06-mamak', status: 'closed' });
    await izmir.ok('orgUnits:createYouthCentre', { name: 'Konak Gençlik Merkezi', districtId: '35-konak', status: 'active' });
  });

  it('exports every centre the list finds, in its Turkish order, and only those the filter keeps', async () => {
    const list = await app.ok<{ total: number; items: YouthCentre[] }>('orgUnits:searchYouthCentres', { limit: 500 });
    const all = await app.ok<XlsxFile>('orgUnits:youthCentresXlsx', {});
    const book = await read(all);
    expectListSheet(book.sheet);
    expect(book.header.slice(0, 4)).toEqual(['Gençlik merkezi', 'İl', 'İlçe', 'Durum']);
    expect(all.rows).toBe(list.total);
    expect(book.column('Gençlik merkezi')).toEqual(list.items.map((c) => c.name));

    const filter = { provincePlate: '06', status: 'active' as const };
    const filtered = await app.ok<{ total: number; items: YouthCentre[] }>('orgUnits:searchYouthCentres', filter);
    const file = await read(await app.ok<XlsxFile>('orgUnits:youthCentresXlsx', filter));
    expect(file.rows).toHaveLength(filtered.total);
    expect(file.column('Gençlik merkezi')).toEqual(['Cebeci Gençlik Merkezi', 'Çankaya Gençlik Merkezi']);
    expect(new Set(file.column('Durum'))).toEqual(new Set(['Aktif']));
    expect(file.column('Kayıt tarihi').every((d) => d instanceof Date && d.toISOString().startsWith('2026-06-15'))).toBe(true);
  });
});

describe('meetings planner and board exports', () => {
  beforeAll(async () => {
    const centres = await ankara.ok<{ items: YouthCentre[] }>('orgUnits:searchYouthCentres', { provincePlate: '06', status: 'active' });
    const [cebeci, cankaya] = centres.items as [YouthCentre, YouthCentre];
    await heldMeeting(ankara as unknown as TestApp, cebeci.id, '2026-02-10');
    await plan(ankara as unknown as TestApp, cankaya.id, { date: '2026-06-01' }); // term 1 missing, term 2 late: overdue
  });

  it("the planner file has the grid's rows and states, the meeting's date a real date, and only the overdue on demand", async () => {
    const planner = await ankara.ok<{ centres: { name: string; overdue: boolean }[] }>('meetings:planner', { year: 2026 });
    const file = await ankara.ok<XlsxFile>('meetings:plannerXlsx', { year: 2026 });
    const book = await read(file);
    expectListSheet(book.sheet);
    expect(book.header.slice(0, 4)).toEqual(['Gençlik merkezi', 'İlçe', '2026/1 dönemi', '2026/1 toplantı tarihi']);
    expect(file.rows).toBe(planner.centres.length);
    expect(book.column('Gençlik merkezi')).toEqual(planner.centres.map((c) => c.name));
    const cebeci = book.rows[book.column('Gençlik merkezi').indexOf('Cebeci Gençlik Merkezi')]!;
    expect(cebeci[2]).toBe('Yapıldı');
    expect((cebeci[3] as Date).toISOString().slice(0, 10)).toBe('2026-02-10');

    const overdue = await read(await ankara.ok<XlsxFile>('meetings:plannerXlsx', { year: 2026, overdueOnly: true }));
    expect(overdue.column('Gençlik merkezi')).toEqual(planner.centres.filter((c) => c.overdue).map((c) => c.name));
    expect(overdue.column('Gecikmiş')).toEqual(['Evet']);
  });

  it('the board file has a row per province as on screen, a region filter, and is refused to a youth centre', async () => {
    const file = await app.ok<XlsxFile>('meetings:boardXlsx', { year: 2026 });
    const book = await read(file);
    expectListSheet(book.sheet);
    expect(book.header).toEqual(['Plaka', 'İl', 'Bölge', 'Gençlik merkezi', '2026/1 toplantı yapan', '2026/2 toplantı yapan', '2026/3 toplantı yapan', 'Gecikmiş merkez']);
    expect(file.rows).toBe(81);
    expect(book.rows.find((r) => r[0] === '06')).toEqual(['06', 'Ankara', 'İç Anadolu', 2, 1, 0, 0, 1]);

    const board = await app.ok<{ provinces: unknown[] }>('meetings:board', { year: 2026, region: 'Ege' });
    const ege = await app.ok<XlsxFile>('meetings:boardXlsx', { year: 2026, region: 'Ege' });
    expect(ege.rows).toBe(board.provinces.length);
    expect((await read(ege)).column('Bölge').every((r) => r === 'Ege')).toBe(true);

    const centre = unitOn(app.ctx, 'youth-center', '06');
    expect((await centre.fail('meetings:boardXlsx', { year: 2026 })).code).toBe('FORBIDDEN');
  });
});

describe('follow-ups and workshops exports', () => {
  it("the follow-up file lists this unit's open tasks in the page's order, not another unit's", async () => {
    const org = organisation(app, 'Takip Gençlik Derneği', '06-cankaya');
    await ankara.ok('directory:saveInteraction', { organisationId: org, kind: 'ZIYARET', onDate: '2026-06-01', subject: 'Ziyaret', followUp: 'Proje dosyası istenecek', followUpDue: '2026-06-10' });
    await ankara.ok('directory:saveInteraction', { organisationId: org, kind: 'TELEFON', onDate: '2026-06-02', subject: 'Telefon', followUp: 'Salon ayarlanacak', followUpDue: '2026-07-01' });
    await izmir.ok('directory:saveInteraction', { organisationId: org, kind: 'ZIYARET', onDate: '2026-06-03', subject: 'Başka il', followUp: 'İzmir işi', followUpDue: '2026-06-20' });
    const list = await ankara.ok<{ followUp: string }[]>('directory:followUps', {});
    const file = await ankara.ok<XlsxFile>('directory:followUpsXlsx', {});
    const book = await read(file);
    expectListSheet(book.sheet);
    expect(book.header.slice(0, 3)).toEqual(['Son tarih', 'Yapılacak iş', 'Kurum']);
    expect(book.column('Yapılacak iş')).toEqual(list.map((i) => i.followUp));
    expect(book.column('Yapılacak iş')).toEqual(['Proje dosyası istenecek', 'Salon ayarlanacak']);
    expect(book.column('Süresi geçti')).toEqual(['Evet', 'Hayır']);
    expect((book.column('Son tarih')[0] as Date).toISOString().slice(0, 10)).toBe('2026-06-10');
  });

  it('the workshop file has the rows the list has for the same filter', async () => {
    const base = { startOn: '2026-03-10', endOn: '2026-03-11', programme: [], venue: 'Salon' };
    await app.ok('workshops:save', { ...base, kind: 'BOLGE_CALISTAYI', title: 'Ege Bölge Çalıştayı', region: 'Ege', hostPlate: '35' });
    await app.ok('workshops:save', { ...base, kind: 'ULUSAL_ZIRVE', title: 'Ulusal Gençlik Zirvesi', startOn: '2026-05-05', endOn: '2026-05-05' });
    const all = await read(await app.ok<XlsxFile>('workshops:listXlsx', {}));
    expectListSheet(all.sheet);
    expect(all.column('Başlık')).toEqual((await app.ok<{ title: string }[]>('workshops:list', {})).map((w) => w.title));
    const regional = await read(await app.ok<XlsxFile>('workshops:listXlsx', { kind: 'BOLGE_CALISTAYI' }));
    expect(regional.column('Başlık')).toEqual(['Ege Bölge Çalıştayı']);
    expect(regional.column('Bölge')).toEqual(['Ege']);
    expect((regional.column('Başlangıç')[0] as Date).toISOString().slice(0, 10)).toBe('2026-03-10');
  });
});
