import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrganisationDetail, OrganisationSummary } from '../../shared/contract/directory';
import { contactsSpec, interactionsSpec, orgRelationsSpec } from '../../db/directory/specs';
import { namesSimilar } from '../../db/directory/queries';
import { messageText } from '../../shared/contract';
import { setupApp, type TestApp } from '../support/app';
import { count, districtId, expectError, snapshot } from '../integration/helpers';
import { createOrg, db, foreignOrganisation, foreignRow, getOrg, meetingWith, vkn, workshopWith } from './support';

// Organisations: records, Turkish search and order, duplicates, ownership, merge (nothing lost) and delete.

let app: TestApp;
beforeAll(async () => {
  app = await setupApp('province');
});
afterAll(() => app.close());

type Page = { total: number; rows: OrganisationSummary[] };
const search = (input: Record<string, unknown>) => app.ok<Page>('directory:search', input);

describe('records and Turkish search', () => {
  let names: string[];
  beforeAll(async () => {
    const cankaya = await districtId(app, '06', 'Çankaya');
    await createOrg(app, { name: 'Işık Gençlik Derneği', districtId: cankaya, activityAreas: ['SPOR'], youthFocus: true, phone: '0312 555 12 34', email: 'Isik@Ornek.org' });
    await createOrg(app, { name: 'İzmir Yolu Vakfı', subtype: 'VAKIF' });
    await createOrg(app, { name: 'Cadde Platformu', subtype: 'PLATFORM' });
    await createOrg(app, { name: 'Çağ Üniversitesi', kind: 'UNIVERSITE', subtype: null });
    await createOrg(app, { name: 'Keçiören Belediyesi', kind: 'BELEDIYE', subtype: 'ILCE_BELEDIYESI', provincePlate: '06' });
    await createOrg(app, { name: 'Trabzon Gençlik Derneği', provincePlate: '61' });
    names = (await search({ provincePlate: '06', limit: 500 })).rows.map((r) => r.name);
  });

  it('stores normalised values and answers the detail', async () => {
    const row = (await search({ query: 'ışık' })).rows[0]!;
    expect(row).toMatchObject({ name: 'Işık Gençlik Derneği', phone: '+903125551234', email: 'isik@ornek.org', activityAreas: ['SPOR'], youthFocus: true, districtName: 'Çankaya', provinceName: 'Ankara' });
    const detail = await getOrg(app, row.id);
    expect(detail.canEdit).toBe(true);
    expect(detail.mergedFrom).toEqual([]);
    const stored = db(app).prepare('SELECT activity_areas, youth_focus FROM organisations WHERE id = ?').get(row.id);
    expect(stored).toEqual({ activity_areas: '["SPOR"]', youth_focus: 1 });
  });

  it('finds regardless of case and diacritics (genclik → Gençlik, ISIK → Işık, IZMIR → İzmir)', async () => {
    expect((await search({ query: 'genclik' })).rows.map((r) => r.name)).toEqual(['Işık Gençlik Derneği', 'Trabzon Gençlik Derneği']);
    expect((await search({ query: 'ISIK' })).rows.map((r) => r.name)).toEqual(['Işık Gençlik Derneği']);
    expect((await search({ query: 'IZMIR' })).rows.map((r) => r.name)).toEqual(['İzmir Yolu Vakfı']);
    // Every token must match.
    expect((await search({ query: 'genclik trabzon' })).total).toBe(1);
    expect((await search({ query: 'genclik yok' })).total).toBe(0);
  });

  it('sorts in Turkish order (Cadde before Çağ, Işık before İzmir)', () => {
    expect(names).toEqual(['Cadde Platformu', 'Çağ Üniversitesi', 'Işık Gençlik Derneği', 'İzmir Yolu Vakfı', 'Keçiören Belediyesi']);
  });

  it('filters by kind, subtype, province, area and youth focus, with paging and the total', async () => {
    expect((await search({ kind: 'BELEDIYE' })).rows.map((r) => r.name)).toEqual(['Keçiören Belediyesi']);
    expect((await search({ subtype: 'VAKIF' })).rows.map((r) => r.name)).toEqual(['İzmir Yolu Vakfı']);
    expect((await search({ provincePlate: '61' })).rows.map((r) => r.name)).toEqual(['Trabzon Gençlik Derneği']);
    expect((await search({ activityArea: 'SPOR', youthFocus: true })).rows.map((r) => r.name)).toEqual(['Işık Gençlik Derneği']);
    const page = await search({ provincePlate: '06', limit: 2, offset: 2 });
    expect(page.total).toBe(5);
    expect(page.rows.map((r) => r.name)).toEqual(['Işık Gençlik Derneği', 'İzmir Yolu Vakfı']);
  });

  it('refuses a subtype that does not fit the kind and a district of another province, writing nothing', async () => {
    const before = snapshot(app);
    let error = expectError(await app.invoke('directory:create', { kind: 'KAMU', subtype: 'DERNEK', name: 'Uymayan Kurum', provincePlate: '06' }), 'VALIDATION');
    expect(error.issues![0]).toMatchObject({ path: 'subtype', label: 'Alt tür' });
    error = expectError(await app.invoke('directory:create', { kind: 'STK', name: 'Yanlış İlçe Derneği', provincePlate: '35', districtId: await districtId(app, '06', 'Çankaya') }), 'VALIDATION');
    expect(error.issues![0]).toMatchObject({ path: 'districtId', label: 'İlçe' });
    expect(error.message).toContain('İlçe');
    expect(snapshot(app)).toEqual(before);
  });

  it('updates only the fields given and keeps kind and subtype consistent', async () => {
    const org = await createOrg(app, { name: 'Güncelleme Derneği', shortName: 'GD' });
    const updated = await app.ok<OrganisationDetail>('directory:update', { id: org.id, website: 'https://gd.org.tr' });
    expect(updated).toMatchObject({ shortName: 'GD', website: 'https://gd.org.tr', subtype: 'DERNEK' });
    const error = expectError(await app.invoke('directory:update', { id: org.id, kind: 'KAMU' }), 'VALIDATION');
    expect(error.issues![0]!.path).toBe('subtype');
    expect((await app.ok<OrganisationDetail>('directory:update', { id: org.id, kind: 'KAMU', subtype: null })).kind).toBe('KAMU');
  });
});

describe('duplicates', () => {
  it('blocks the same VKN or kütük no on create and update, naming the existing record and the field', async () => {
    const number = vkn('123456789');
    const first = await createOrg(app, { name: 'Erzurum Gençlik Derneği', provincePlate: '25', vkn: number, kutukNo: '25/001/002' });
    const before = count(app, 'organisations');
    let error = expectError(await app.invoke('directory:create', { kind: 'STK', name: 'Başka Ad Derneği', provincePlate: '06', vkn: number }), 'CONFLICT');
    expect(error.message).toBe('Bu vergi kimlik numarası zaten kayıtlı: Erzurum Gençlik Derneği (Erzurum).');
    expect(error.issues![0]!.path).toBe('vkn');
    error = expectError(await app.invoke('directory:create', { kind: 'STK', name: 'Başka Ad Derneği', provincePlate: '06', kutukNo: '25-001-002' }), 'CONFLICT');
    expect(error.message).toContain('Bu kütük numarası zaten kayıtlı: Erzurum Gençlik Derneği (Erzurum)');
    expect(error.issues![0]!.path).toBe('kutukNo');
    expect(count(app, 'organisations')).toBe(before);
    const other = await createOrg(app, { name: 'Kars Gençlik Derneği', provincePlate: '36' });
    expectError(await app.invoke('directory:update', { id: other.id, vkn: number }), 'CONFLICT');
    // Its own number is not a duplicate of itself.
    await app.ok('directory:update', { id: first.id, vkn: number, name: 'Erzurum Gençlik Derneği' });
  });

  it('checkDuplicates: same identifier blocks, a similar folded name in the same province warns', async () => {
    const result = await app.ok<{ blocking: { name: string; field: string }[]; similar: { name: string }[] }>('directory:checkDuplicates', {
      name: 'ERZURUM GENCLIK DERNEGI', provincePlate: '25', kutukNo: '25-001-002',
    });
    expect(result.blocking).toEqual([expect.objectContaining({ name: 'Erzurum Gençlik Derneği', field: 'kutukNo' })]);
    expect(result.similar.map((s) => s.name)).toEqual(['Erzurum Gençlik Derneği']);
    // Another province, or only common words in common: no warning.
    expect((await app.ok<{ similar: unknown[] }>('directory:checkDuplicates', { name: 'Erzurum Gençlik Derneği', provincePlate: '36' })).similar).toEqual([]);
    expect((await app.ok<{ similar: unknown[] }>('directory:checkDuplicates', { name: 'Palandöken Gençlik Derneği', provincePlate: '25' })).similar).toEqual([]);
  });

  it('compares names without the common words, folded', () => {
    expect(namesSimilar('Erzurum Gençlik Derneği', 'ERZURUM GENCLIK DERNEGI')).toBe(true);
    expect(namesSimilar('Erzurum Gençlik Derneği', 'Erzurum Gençlik ve Spor Kulübü')).toBe(true);
    expect(namesSimilar('Dadaş Gençlik Vakfı', 'Dadas Genclik ve Kültür Vakfı')).toBe(true);
    expect(namesSimilar('Erzurum Gençlik Derneği', 'Kars Gençlik Derneği')).toBe(false);
    expect(namesSimilar('Gençlik Derneği', 'Spor Kulübü Derneği')).toBe(false);
  });
});

describe('ownership', () => {
  it('another unit\'s record is readable but not editable, deletable or mergeable (FORBIDDEN, nothing written)', async () => {
    const foreign = foreignOrganisation(app, 'province:35', 'İzmir Kordon Derneği');
    const mine = await createOrg(app, { name: 'Kordon Dostları Derneği' });
    const detail = await getOrg(app, foreign);
    expect(detail.canEdit).toBe(false);
    const before = snapshot(app);
    for (const [channel, input] of [
      ['directory:update', { id: foreign, name: 'Yeni Ad' }],
      ['directory:delete', { id: foreign }],
      ['directory:merge', { keepId: mine.id, mergeId: foreign }],
    ] as const) {
      const error = expectError(await app.invoke(channel, input), 'FORBIDDEN');
      expect(error.message).toMatch(/başka bir birimin kaydı/);
    }
    expect(snapshot(app)).toEqual(before);
  });
});

describe('merge', () => {
  it('keeps every contact, relation, interaction, meeting, workshop and contact history of both records', async () => {
    const centre = await app.ok<{ id: string }>('orgUnits:createYouthCentre', { name: 'Birleşme Gençlik Merkezi', districtId: await districtId(app, '06', 'Mamak'), status: 'active' });
    const keep = await createOrg(app, { name: 'Mamak Gençlik Derneği', shortName: null });
    const merge = await createOrg(app, { name: 'MAMAK GENCLIK DERNEGI', shortName: 'MGD', website: 'https://mgd.org.tr', vkn: vkn('987654321') });
    const earlier = foreignOrganisation(app, 'gm-1', 'Mamak Genç Derneği', { merged_into: merge.id });

    const add = async (orgId: string, tag: string) => {
      const contact = await app.ok<{ id: string }>('directory:saveContact', { organisationId: orgId, fullName: `Kişi ${tag}`, title: 'Başkan' });
      await app.ok('directory:saveRelation', { organisationId: orgId, relationType: 'PROJE', startOn: '2025-01-01', note: `İlişki ${tag}` });
      await app.ok('directory:saveInteraction', { organisationId: orgId, kind: 'ZIYARET', onDate: '2025-05-05', subject: `Ziyaret ${tag}` });
      meetingWith(app, centre.id, orgId, { name: `Katılımcı ${tag}` });
      workshopWith(app, orgId, `Çalıştay ${tag}`);
      return contact.id;
    };
    await add(keep.id, 'K');
    const movedContact = await add(merge.id, 'M');
    // A person who earlier worked elsewhere and then joined the merged record: their history survives.
    const other = await createOrg(app, { name: 'Eski İşyeri Derneği' });
    const mover = await app.ok<{ id: string }>('directory:saveContact', { organisationId: other.id, fullName: 'Gezgin Kişi', title: 'Üye' });
    await app.ok('directory:saveContact', { id: mover.id, organisationId: merge.id, fullName: 'Gezgin Kişi', title: 'Sekreter' });
    // Rows of other units that point at the merged record stay theirs and still count.
    foreignRow(app, orgRelationsSpec, 'gm-1', { organisation_id: merge.id, unit_id: 'gm-1', unit_name: 'Mamak GM', relation_type: 'ETKINLIK' });
    foreignRow(app, interactionsSpec, 'gm-1', { organisation_id: earlier, kind: 'TELEFON', on_date: '2025-06-01', subject: 'Eski kayıtla görüşme' });
    foreignRow(app, contactsSpec, 'gm-1', { organisation_id: merge.id, full_name: 'Başka Birimin Kişisi' });
    meetingWith(app, centre.id, earlier, { name: 'Eski Kayıt Katılımcısı' });

    const kept = await app.ok<OrganisationDetail>('directory:merge', { keepId: keep.id, mergeId: merge.id });
    expect(kept.id).toBe(keep.id);
    expect(kept.contacts.map((c) => c.fullName).sort()).toEqual(['Başka Birimin Kişisi', 'Gezgin Kişi', 'Kişi K', 'Kişi M']);
    expect(kept.relations.map((r) => r.note ?? r.unitName).sort()).toEqual(['Mamak GM', 'İlişki K', 'İlişki M']);
    expect(kept.interactions.map((i) => i.subject).sort()).toEqual(['Eski kayıtla görüşme', 'Ziyaret K', 'Ziyaret M']);
    expect(kept.interactions.every((i) => i.organisationId === keep.id && i.organisationName === 'Mamak Gençlik Derneği')).toBe(true);
    expect(kept.meetings).toHaveLength(3);
    expect(kept.meetingCount).toBe(3);
    expect(kept.workshops.map((w) => w.title).sort()).toEqual(['Çalıştay K', 'Çalıştay M']);
    expect(kept.mergedFrom.map((m) => m.name).sort()).toEqual(['MAMAK GENCLIK DERNEGI', 'Mamak Genç Derneği']);
    expect(kept.contacts.find((c) => c.fullName === 'Gezgin Kişi')!.history).toEqual([
      expect.objectContaining({ organisationName: 'Eski İşyeri Derneği', title: 'Üye' }),
    ]);
    // Empty fields of the kept record are filled from the merged one.
    expect(kept).toMatchObject({ shortName: 'MGD', website: 'https://mgd.org.tr', vkn: merge.vkn });
    // This unit's rows moved; the other unit's rows stay where they were.
    expect(db(app).prepare('SELECT organisation_id FROM contacts WHERE id = ?').get(movedContact)).toEqual({ organisation_id: keep.id });
    expect(db(app).prepare(`SELECT count(*) AS n FROM org_relations WHERE organisation_id = ? AND owner_unit = 'gm-1'`).get(merge.id)).toEqual({ n: 1 });

    // The merged records resolve to the kept one and leave the search.
    expect((await getOrg(app, merge.id)).id).toBe(keep.id);
    expect((await getOrg(app, earlier)).id).toBe(keep.id);
    const found = await search({ query: 'mamak' });
    expect(found.rows.map((r) => r.id)).toEqual([keep.id]);
    expect(found.rows[0]!.contactCount).toBe(4);
    // The merged record stays readable in the table (not a tombstone) and points at the kept one.
    expect(db(app).prepare('SELECT merged_into, deleted_at FROM organisations WHERE id = ?').get(merge.id)).toEqual({ merged_into: keep.id, deleted_at: null });
    // Its VKN no longer blocks (the kept record now holds it, and it is reported as that one).
    const dup = await app.ok<{ blocking: { id: string }[] }>('directory:checkDuplicates', { vkn: merge.vkn! });
    expect(dup.blocking.map((b) => b.id)).toEqual([keep.id]);
    // A merged record cannot be merged or edited again.
    expectError(await app.invoke('directory:update', { id: merge.id, name: 'Tekrar' }), 'CONFLICT');
  });

  it('a later merge resolves through the chain (A into B, then B into C)', async () => {
    const a = await createOrg(app, { name: 'Zincir A Derneği' });
    const b = await createOrg(app, { name: 'Zincir B Derneği' });
    const c = await createOrg(app, { name: 'Zincir C Derneği' });
    await app.ok('directory:saveRelation', { organisationId: a.id, relationType: 'DESTEK' });
    await app.ok('directory:merge', { keepId: b.id, mergeId: a.id });
    const final = await app.ok<OrganisationDetail>('directory:merge', { keepId: c.id, mergeId: b.id });
    expect(final.mergedFrom.map((m) => m.id).sort()).toEqual([a.id, b.id].sort());
    expect(final.relations).toHaveLength(1);
    expect((await getOrg(app, a.id)).id).toBe(c.id);
    expect(db(app).prepare('SELECT merged_into FROM organisations WHERE id = ?').get(a.id)).toEqual({ merged_into: c.id });
    expectError(await app.invoke('directory:merge', { keepId: b.id, mergeId: c.id }), 'CONFLICT');
    expectError(await app.invoke('directory:merge', { keepId: c.id, mergeId: c.id }), 'VALIDATION');
  });
});

describe('delete', () => {
  it('refuses while a meeting, workshop, relation or interaction refers to it, suggesting a merge', async () => {
    const centre = await app.ok<{ id: string }>('orgUnits:createYouthCentre', { name: 'Silme Gençlik Merkezi', districtId: await districtId(app, '06', 'Sincan'), status: 'active' });
    const withMeeting = await createOrg(app, { name: 'Toplantılı Derneği' });
    meetingWith(app, centre.id, withMeeting.id);
    const withWorkshop = await createOrg(app, { name: 'Çalıştaylı Derneği' });
    workshopWith(app, withWorkshop.id);
    const withRelation = await createOrg(app, { name: 'İlişkili Derneği' });
    await app.ok('directory:saveRelation', { organisationId: withRelation.id, relationType: 'PROTOKOL' });
    const withInteraction = await createOrg(app, { name: 'Görüşmeli Derneği' });
    await app.ok('directory:saveInteraction', { organisationId: withInteraction.id, kind: 'TELEFON', onDate: '2026-01-02', subject: 'Tanışma' });
    const said: Record<string, [string, string]> = {};
    for (const org of [withMeeting, withWorkshop, withRelation, withInteraction]) {
      const before = snapshot(app);
      const error = expectError(await app.invoke('directory:delete', { id: org.id }), 'CONFLICT');
      expect(error.message).toMatch(/birleştirin/);
      said[org.name] = [error.message, messageText(error.key!, error.params, 'en')!];
      expect(snapshot(app)).toEqual(before);
    }
    // What refers to the record is named in the reader's language: no Turkish count inside the English sentence.
    expect(said['Toplantılı Derneği']![0]).toBe('"Toplantılı Derneği" silinemez: 1 toplantı katılımı bu kayda bağlı. Mükerrer bir kayıtsa silmek yerine doğru kayıtla birleştirin.');
    expect(said['Toplantılı Derneği']![1]).toMatch(/^"Toplantılı Derneği" cannot be deleted: meeting attendances \(1\) refer to this record\./);
    expect(said['Görüşmeli Derneği']![1]).toMatch(/: interaction records \(1\) refer/);
  });

  it('tombstones an unreferenced record: it leaves search and detail', async () => {
    const org = await createOrg(app, { name: 'Silinecek Derneği' });
    await app.ok('directory:delete', { id: org.id });
    expect(db(app).prepare('SELECT deleted_at IS NOT NULL AS gone FROM organisations WHERE id = ?').get(org.id)).toEqual({ gone: 1 });
    expect((await search({ query: 'silinecek' })).total).toBe(0);
    expectError(await app.invoke('directory:get', { id: org.id }), 'NOT_FOUND');
  });
});

describe('registry link', () => {
  it('links the registry association with the same kütük no and shows its name', async () => {
    const report = await app.ok<{ totals: { new: number } }>('registry:importApply', {
      fileName: 'sicil.csv',
      contentBase64: Buffer.from('Dernek adı;İlçe;Kütük no\r\nSicilli Gençlik Kulübü Derneği;Çankaya;06-555-001\r\n').toString('base64'),
    });
    expect(report.totals.new).toBe(1);
    const org = await createOrg(app, { name: 'Sicilli Gençlik Kulübü', kutukNo: '06/555/001' });
    expect(org.associationId).not.toBeNull();
    expect(org.associationName).toBe('Sicilli Gençlik Kulübü Derneği');
    expect(org.kutukNo).toBe('06-555-001');
  });
});
