import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import provincesJson from '../../shared/provinces.json';
import type { DistrictRow, ProvinceRow, YouthCentre } from '../../shared/contract/orgUnits';
import { REGIONS } from '../../shared/regions';
import { compareTurkish, foldTurkish } from '../../shared/turkish';
import { youthCentresSpec } from '../../db/orgUnits/queries';
import { openApp, setupApp, type TestApp } from '../support/app';
import { count, createCentre, districtId, expectError, snapshot, sqlite } from './helpers';
import { TEST_ADMIN } from '../support/users';

// Youth centres and the province/district reference data (DOMAIN.md §2, §6, §8).

type Page = { total: number; items: YouthCentre[] };

const apps: TestApp[] = [];
afterAll(() => {
  for (const app of apps) app.close();
});
async function province(plate = '06') {
  const app = await setupApp('province', { plate });
  apps.push(app);
  return app;
}

/** Inserts a centre as if it had arrived from another province (owner = that province), through the writer. */
function insertForeignCentre(app: TestApp, plate: string, district: string, name: string): string {
  const db = app.ctx.db!;
  return db.sqlite.transaction(() => {
    const row = app.ctx.writer!.insert(youthCentresSpec, `province:${plate}`, {
      province_plate: plate,
      district_id: district,
      name,
      status: 'active',
    });
    return String(row.id);
  })();
}

describe('creating, editing and retiring youth centres', () => {
  let app: TestApp;
  let cankaya: string;
  let kecioren: string;
  beforeAll(async () => {
    app = await province();
    cankaya = await districtId(app, '06', 'Çankaya');
    kecioren = await districtId(app, '06', 'Keçiören');
  });

  it('creates a centre owned by the province, with normalised contact data', async () => {
    const centre = await app.ok<YouthCentre>('orgUnits:createYouthCentre', {
      name: '  Kızılay Gençlik Merkezi  ',
      districtId: cankaya,
      address: 'Atatürk Bulvarı No:1',
      phone: '0 (312) 555 12 34',
      email: 'Kizilay@GSB.gov.tr',
      hallCapacity: 150,
      status: 'active',
    });
    expect(centre).toMatchObject({
      name: 'Kızılay Gençlik Merkezi',
      ownerUnit: 'province:06',
      provincePlate: '06',
      provinceName: 'Ankara',
      districtId: cankaya,
      districtName: 'Çankaya',
      phone: '+903125551234',
      email: 'kizilay@gsb.gov.tr',
      hallCapacity: 150,
      status: 'active',
      retiredAt: null,
    });
    expect(await app.ok('orgUnits:getYouthCentre', { id: centre.id })).toEqual(centre);
  });

  it('edits only the fields given', async () => {
    const centre = await createCentre(app, { name: 'Aktepe Gençlik Merkezi', districtId: kecioren, address: 'Eski adres', hallCapacity: 40 });
    const edited = await app.ok<YouthCentre>('orgUnits:updateYouthCentre', { id: centre.id, hallCapacity: 90, status: 'closed' });
    expect(edited).toMatchObject({ name: centre.name, address: 'Eski adres', hallCapacity: 90, status: 'closed', districtId: kecioren });
    expect(edited.updatedAt >= centre.updatedAt).toBe(true);
    const moved = await app.ok<YouthCentre>('orgUnits:updateYouthCentre', { id: centre.id, districtId: cankaya, address: null });
    expect(moved).toMatchObject({ districtId: cankaya, districtName: 'Çankaya', address: null, hallCapacity: 90 });
  });

  it('retires a centre: hidden from the list, still readable, not editable, not retirable twice', async () => {
    const centre = await createCentre(app, { name: 'Geçici Gençlik Merkezi', districtId: cankaya });
    const retired = await app.ok<YouthCentre>('orgUnits:retireYouthCentre', { id: centre.id });
    expect(retired.retiredAt).not.toBeNull();
    const list = await app.ok<Page>('orgUnits:searchYouthCentres', { query: 'Geçici' });
    expect(list.items.map((c) => c.id)).not.toContain(centre.id);
    expect((await app.ok<YouthCentre>('orgUnits:getYouthCentre', { id: centre.id })).retiredAt).toBe(retired.retiredAt);
    const before = snapshot(app);
    expectError(await app.invoke('orgUnits:updateYouthCentre', { id: centre.id, name: 'Diriltilmiş Gençlik Merkezi' }), 'CONFLICT');
    expectError(await app.invoke('orgUnits:retireYouthCentre', { id: centre.id }), 'CONFLICT');
    expect(snapshot(app)).toEqual(before);
    // Its name is free again in that district.
    await createCentre(app, { name: 'Geçici Gençlik Merkezi', districtId: cankaya });
  });

  it('refuses a second live centre with the same name in the same district (CONFLICT), in any spelling', async () => {
    await createCentre(app, { name: 'Çiğdem Gençlik Merkezi', districtId: cankaya });
    for (const name of ['Çiğdem Gençlik Merkezi', 'ÇİĞDEM GENÇLİK MERKEZİ', 'Cigdem Genclik Merkezi', 'çiğdem  gençlik merkezi']) {
      const before = count(app, 'youth_centres');
      const error = expectError(await app.invoke('orgUnits:createYouthCentre', { name, districtId: cankaya, status: 'active' }), 'CONFLICT');
      expect(error.issues?.[0]).toMatchObject({ path: 'name', label: 'Ad' });
      expect(count(app, 'youth_centres')).toBe(before);
    }
    // Same name in another district is fine; so is a name that only starts the same.
    await createCentre(app, { name: 'Çiğdem Gençlik Merkezi', districtId: kecioren });
    await createCentre(app, { name: 'Çiğdem Gençlik Merkezi Ek Binası', districtId: cankaya });
  });

  it('refuses renaming or moving a centre onto another centre’s name (CONFLICT) but allows keeping its own', async () => {
    await createCentre(app, { name: 'Dikmen Gençlik Merkezi', districtId: cankaya });
    const other = await createCentre(app, { name: 'Dikmen Gençlik Merkezi', districtId: kecioren });
    expectError(await app.invoke('orgUnits:updateYouthCentre', { id: other.id, districtId: cankaya }), 'CONFLICT');
    const second = await createCentre(app, { name: 'Öveçler Gençlik Merkezi', districtId: cankaya });
    expectError(await app.invoke('orgUnits:updateYouthCentre', { id: second.id, name: 'DİKMEN Gençlik Merkezi' }), 'CONFLICT');
    await app.ok('orgUnits:updateYouthCentre', { id: second.id, name: 'Öveçler Gençlik Merkezi', hallCapacity: 10 });
  });

  it('refuses a district of another province or an unknown district (VALIDATION on districtId)', async () => {
    for (const district of [await districtId(app, '34', 'Kadıköy'), await districtId(app, '35', 'Konak'), '06-atlantis', '']) {
      const before = count(app, 'youth_centres');
      const error = expectError(
        await app.invoke('orgUnits:createYouthCentre', { name: 'Uzak Gençlik Merkezi', districtId: district, status: 'active' }),
        'VALIDATION',
      );
      expect(error.issues?.[0]).toMatchObject({ path: 'districtId', label: 'İlçe' });
      expect(count(app, 'youth_centres')).toBe(before);
    }
  });

  it('another province’s centre can be read but not edited or retired (FORBIDDEN)', async () => {
    const id = insertForeignCentre(app, '34', await districtId(app, '34', 'Kadıköy'), 'Kadıköy Gençlik Merkezi');
    const centre = await app.ok<YouthCentre>('orgUnits:getYouthCentre', { id });
    expect(centre).toMatchObject({ ownerUnit: 'province:34', provinceName: 'İstanbul' });
    const before = snapshot(app);
    expectError(await app.invoke('orgUnits:updateYouthCentre', { id, name: 'Ele Geçirilmiş Gençlik Merkezi' }), 'FORBIDDEN');
    expectError(await app.invoke('orgUnits:updateYouthCentre', { id, hallCapacity: 1 }), 'FORBIDDEN');
    expectError(await app.invoke('orgUnits:retireYouthCentre', { id }), 'FORBIDDEN');
    expect(snapshot(app)).toEqual(before);
  });

  it('answers NOT_FOUND for an id that does not exist', async () => {
    const id = '01900000-0000-7000-8000-000000000000';
    expectError(await app.invoke('orgUnits:getYouthCentre', { id }), 'NOT_FOUND');
    expectError(await app.invoke('orgUnits:updateYouthCentre', { id, hallCapacity: 3 }), 'NOT_FOUND');
    expectError(await app.invoke('orgUnits:retireYouthCentre', { id }), 'NOT_FOUND');
  });
});

describe('searching and listing youth centres', () => {
  let app: TestApp;
  let cankaya: string;
  let kecioren: string;
  let sincan: string;
  // Deliberately created out of order.
  const ORDERED = ['Cadde', 'Çağ', 'Işık', 'İzmir', 'Sahil', 'Şafak', 'Uzun', 'Ümit'];
  beforeAll(async () => {
    app = await province();
    cankaya = await districtId(app, '06', 'Çankaya');
    kecioren = await districtId(app, '06', 'Keçiören');
    sincan = await districtId(app, '06', 'Sincan');
    for (const [i, word] of ['Ümit', 'Şafak', 'İzmir', 'Cadde', 'Uzun', 'Işık', 'Sahil', 'Çağ'].entries()) {
      await createCentre(app, { name: `${word} Gençlik Merkezi`, districtId: [cankaya, kecioren][i % 2]!, status: i % 3 === 0 ? 'closed' : 'active' });
    }
    await createCentre(app, { name: 'Öğrenci Gençlik Merkezi', districtId: sincan });
    await createCentre(app, { name: 'Işıklar Gençlik Merkezi', districtId: sincan, address: 'Ümit Sokak' });
    const retired = await createCentre(app, { name: 'Eski Gençlik Merkezi', districtId: cankaya });
    await app.ok('orgUnits:retireYouthCentre', { id: retired.id });
    // Another province's centre, as after a file exchange.
    insertForeignCentre(app, '35', await districtId(app, '35', 'Konak'), 'Konak Gençlik Merkezi');
  });

  const search = (input: Record<string, unknown>) => app.ok<Page>('orgUnits:searchYouthCentres', input);
  const names = (page: Page) => page.items.map((c) => c.name);

  it('lists in Turkish alphabetical order (Cadde < Çağ < Işık < İzmir < Sahil < Şafak < Uzun < Ümit)', async () => {
    const page = await search({ provincePlate: '06', limit: 500 });
    const firstWords = names(page).map((n) => n.split(' ')[0]!).filter((w) => ORDERED.includes(w));
    expect(firstWords).toEqual(ORDERED);
    expect(names(page)).toEqual([...names(page)].sort(compareTurkish));
  });

  it.each([
    ['genclik', 'Gençlik'],
    ['GENÇLİK', 'Gençlik'],
    ['isik', 'Işık'],
    ['IŞIK', 'Işık'],
    ['izmir', 'İzmir'],
    ['IZMIR', 'İzmir'],
    ['ogrenci', 'Öğrenci'],
    ['safak', 'Şafak'],
    ['umit', 'Ümit'],
  ])('finds %j in centres whose text contains %j, and only those', async (query, word) => {
    const page = await search({ query, limit: 500 });
    expect(page.total).toBe(page.items.length);
    if (word !== 'Gençlik') expect(names(page)).toContain(`${word} Gençlik Merkezi`);
    for (const c of page.items) expect(foldTurkish([c.name, c.districtName, c.address, c.provinceName].join(' '))).toContain(foldTurkish(word));
  });

  it('matches prefixes of words: isik finds Işık and Işıklar', async () => {
    expect(names(await search({ query: 'isik' })).sort(compareTurkish)).toEqual(['Işık Gençlik Merkezi', 'Işıklar Gençlik Merkezi']);
    expect(names(await search({ query: 'işıkl' }))).toEqual(['Işıklar Gençlik Merkezi']);
  });

  it('finds centres by district name (CANKAYA) and address words', async () => {
    const byDistrict = await search({ query: 'CANKAYA', limit: 500 });
    expect(byDistrict.total).toBeGreaterThan(0);
    for (const c of byDistrict.items) expect(c.districtName).toBe('Çankaya');
    expect(byDistrict.total).toBe((await search({ districtId: cankaya, limit: 500 })).total);
    expect(names(await search({ query: 'ümit sokak' }))).toEqual(['Işıklar Gençlik Merkezi']);
  });

  it('finds centres by their province’s name, typed any way (issue #17: "istanbul" found nothing)', async () => {
    const ankara = await search({ query: 'ANKARA', limit: 500 });
    expect(ankara.total).toBe((await search({ provincePlate: '06', limit: 500 })).total);
    expect(names(await search({ query: 'konak izmir' }))).toEqual(['Konak Gençlik Merkezi']);
  });

  it('requires every word typed (AND), in any order', async () => {
    expect(names(await search({ query: 'merkezi sahil' }))).toEqual(['Sahil Gençlik Merkezi']);
    expect((await search({ query: 'sahil şafak' })).total).toBe(0);
  });

  it('keeps Turkish order within search results', async () => {
    const page = await search({ query: 'gençlik merkezi', limit: 500 });
    expect(names(page)).toEqual([...names(page)].sort(compareTurkish));
  });

  it('filters by district, status and province, and hides retired centres unless asked', async () => {
    const inCankaya = await search({ districtId: cankaya, limit: 500 });
    expect(inCankaya.total).toBeGreaterThan(0);
    for (const c of inCankaya.items) expect(c.districtId).toBe(cankaya);

    const closed = await search({ status: 'closed', limit: 500 });
    expect(closed.total).toBeGreaterThan(0);
    for (const c of closed.items) expect(c.status).toBe('closed');
    const active = await search({ status: 'active', limit: 500 });
    const all = await search({ limit: 500 });
    expect(closed.total + active.total).toBe(all.total);

    const izmir = await search({ provincePlate: '35', limit: 500 });
    expect(names(izmir)).toEqual(['Konak Gençlik Merkezi']);

    expect(names(all)).not.toContain('Eski Gençlik Merkezi');
    for (const c of all.items) expect(c.retiredAt).toBeNull();
    const withRetired = await search({ includeRetired: true, limit: 500 });
    expect(withRetired.total).toBe(all.total + 1);
    expect(withRetired.items.find((c) => c.name === 'Eski Gençlik Merkezi')?.retiredAt).not.toBeNull();
    expect(names(withRetired)).toEqual([...names(withRetired)].sort(compareTurkish));

    const combined = await search({ districtId: cankaya, status: 'closed', query: 'merkezi', limit: 500 });
    for (const c of combined.items) expect(c).toMatchObject({ districtId: cankaya, status: 'closed' });
  });

  it('pages in SQL: totals stay the same and pages join up into the full list', async () => {
    const full = await search({ limit: 500 });
    expect(full.total).toBe(full.items.length);
    expect(full.total).toBeGreaterThan(5);
    const pages: YouthCentre[] = [];
    for (let offset = 0; offset < full.total + 3; offset += 3) {
      const page = await search({ limit: 3, offset });
      expect(page.total).toBe(full.total);
      expect(page.items.length).toBe(Math.max(0, Math.min(3, full.total - offset)));
      pages.push(...page.items);
    }
    expect(pages.map((c) => c.id)).toEqual(full.items.map((c) => c.id));
    expect((await search({})).items.length).toBe(Math.min(50, full.total)); // default page size
  });

  it('treats a query with nothing searchable as no filter and never fails on odd input', async () => {
    const all = await search({ limit: 500 });
    expect((await search({ query: '  --  ', limit: 500 })).total).toBe(all.total);
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 60 }), async (query) => {
        const envelope = await app.invoke('orgUnits:searchYouthCentres', { query });
        expect(envelope.ok, JSON.stringify(envelope)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('can be searched by every role (ministry and youth centre too)', async () => {
    const ministry = await setupApp('ministry');
    apps.push(ministry);
    expect((await ministry.ok<Page>('orgUnits:searchYouthCentres', {})).total).toBe(0);
    const youth = await setupApp('youth-center');
    apps.push(youth);
    expect((await youth.ok<Page>('orgUnits:searchYouthCentres', { query: 'gençlik' })).total).toBe(0);
  });
});

describe('provinces and districts (reference data)', () => {
  let app: TestApp;
  beforeAll(() => {
    // Reference data is available before setup (the setup screen needs it).
    app = openApp();
    apps.push(app);
  });

  it('lists the 81 provinces in Turkish order with their regions', async () => {
    const provinces = await app.ok<ProvinceRow[]>('orgUnits:listProvinces', {});
    expect(provinces).toHaveLength(81);
    expect(new Set(provinces.map((p) => p.plate)).size).toBe(81);
    expect(provinces.map((p) => p.name)).toEqual(provincesJson.map((p) => p.name).sort(compareTurkish));
    const names = provinces.map((p) => p.name);
    expect(names.indexOf('Iğdır')).toBeLessThan(names.indexOf('İstanbul'));
    expect(names.indexOf('Çanakkale')).toBeGreaterThan(names.indexOf('Bursa'));
    expect(names.indexOf('Şanlıurfa')).toBeGreaterThan(names.indexOf('Sivas'));
    for (const p of provinces) expect(p.youthCentreCount).toBe(0);
  });

  it('groups them into the 7 regions with DOMAIN §6 counts', async () => {
    const provinces = await app.ok<ProvinceRow[]>('orgUnits:listProvinces', {});
    const byRegion: Record<string, number> = {};
    for (const p of provinces) byRegion[p.region] = (byRegion[p.region] ?? 0) + 1;
    expect(Object.keys(byRegion).sort()).toEqual([...REGIONS].sort());
    expect(byRegion).toEqual({
      Marmara: 11,
      Ege: 8,
      Akdeniz: 8,
      'İç Anadolu': 13,
      Karadeniz: 18,
      'Doğu Anadolu': 14,
      'Güneydoğu Anadolu': 9,
    });
  });

  it.each([
    ['izmir', ['İzmir']],
    ['İZMİR', ['İzmir']],
    ['35', ['İzmir']],
    ['istanbul', ['İstanbul']],
    ['igdir', ['Iğdır']],
    ['canak', ['Çanakkale']],
    ['sanliurfa', ['Şanlıurfa']],
    ['kara', ['Karabük', 'Karaman']],
  ])('search %j → %j', async (query, expected) => {
    const found = await app.ok<ProvinceRow[]>('orgUnits:listProvinces', { query });
    expect(found.map((p) => p.name)).toEqual(expected);
  });

  it('has the 973 districts, each province’s list matching provinces.json and in Turkish order', async () => {
    let total = 0;
    const ids = new Set<string>();
    for (const p of provincesJson) {
      const districts = await app.ok<DistrictRow[]>('orgUnits:listDistricts', { provincePlate: p.plate });
      expect(districts.length, p.name).toBe(p.districtCount);
      expect(districts.map((d) => d.name), p.name).toEqual(districts.map((d) => d.name).sort(compareTurkish));
      for (const d of districts) {
        expect(d.plate).toBe(p.plate);
        ids.add(d.id);
      }
      total += districts.length;
    }
    expect(total).toBe(973);
    expect(ids.size).toBe(973);
  });

  it('counts live youth centres per province', async () => {
    const prov = await province('07');
    const muratpasa = await districtId(prov, '07', 'Muratpaşa');
    await createCentre(prov, { name: 'Bir Gençlik Merkezi', districtId: muratpasa });
    const two = await createCentre(prov, { name: 'İki Gençlik Merkezi', districtId: muratpasa });
    await createCentre(prov, { name: 'Üç Gençlik Merkezi', districtId: muratpasa });
    await prov.ok('orgUnits:retireYouthCentre', { id: two.id });
    const [antalya] = await prov.ok<ProvinceRow[]>('orgUnits:listProvinces', { query: '07' });
    expect(antalya).toMatchObject({ name: 'Antalya', youthCentreCount: 2 });
  });
});

describe('setup for each role', () => {
  it('ministry: bound to the central department', async () => {
    const app = openApp();
    apps.push(app);
    const identity = await app.ok<Record<string, unknown>>('installation:setup', { admin: TEST_ADMIN, role: 'ministry' });
    expect(identity).toMatchObject({ role: 'ministry', unitId: 'ministry', provincePlate: null, districtName: null });
    expect(identity.nodeId).toMatch(/^[0-9a-f]{16}$/);
    expect(identity.fingerprint).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
    expect(fs.existsSync(path.join(app.dataDir, 'identity.key'))).toBe(true);
    expect((await app.ok<{ state: string }>('installation:status')).state).toBe('ready');
  });

  it('province: bound to its İl Müdürlüğü', async () => {
    const app = openApp();
    apps.push(app);
    const identity = await app.ok<Record<string, unknown>>('installation:setup', { admin: TEST_ADMIN, role: 'province', provincePlate: '35' });
    expect(identity).toMatchObject({ role: 'province', unitId: 'province:35', provincePlate: '35', districtName: null });
    expect(identity.unitName).toContain('İzmir');
  });

  it('youth centre: district matched Turkish-insensitively and stored with its proper name', async () => {
    const app = openApp();
    apps.push(app);
    const identity = await app.ok<Record<string, unknown>>('installation:setup', {
      admin: TEST_ADMIN,
      role: 'youth-center',
      provincePlate: '06',
      name: 'Keçiören Gençlik Merkezi',
      districtName: 'KECIOREN',
    });
    expect(identity).toMatchObject({ role: 'youth-center', provincePlate: '06', districtName: 'Keçiören', unitName: 'Keçiören Gençlik Merkezi' });
    expect(identity.unitId).toMatch(/^youth-center:/);
  });

  it.each([
    ['a district that does not exist', 'Atlantis'],
    ['a district of another province', 'Kadıköy'],
  ])('youth centre with %s → VALIDATION, no identity, no key, and a correct setup still works', async (_what, districtName) => {
    const app = openApp();
    apps.push(app);
    const error = expectError(
      await app.invoke('installation:setup', { admin: TEST_ADMIN, role: 'youth-center', provincePlate: '06', name: 'Yanlış Gençlik Merkezi', districtName }),
      'VALIDATION',
    );
    expect(error.issues?.[0]).toMatchObject({ path: 'districtName', label: 'İlçe' });
    expect(error.message).toContain(districtName);
    expect(count(app, 'installation')).toBe(0);
    expect(fs.existsSync(path.join(app.dataDir, 'identity.key'))).toBe(false);
    expect(sqlite(app).prepare('SELECT count(*) AS n FROM change_log').get()).toEqual({ n: 0 });
    expect((await app.ok<{ state: string }>('installation:status')).state).toBe('setup-required');
    await app.ok('installation:setup', { admin: TEST_ADMIN, role: 'youth-center', provincePlate: '06', name: 'Doğru Gençlik Merkezi', districtName: 'Çankaya' });
  });
});
