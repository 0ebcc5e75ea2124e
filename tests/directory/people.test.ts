import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact, Interaction, OrganisationDetail } from '../../shared/contract/directory';
import { contactsSpec, interactionsSpec } from '../../db/directory/specs';
import { setupApp, type TestApp } from '../support/app';
import { count, expectError, snapshot } from '../integration/helpers';
import { createOrg, db, foreignRow, getOrg } from './support';

// People, relations with units, the interaction log and follow-ups. "Today" is fixed at 2026-03-15 (Istanbul).

let app: TestApp;
const NOW = Date.parse('2026-03-15T09:00:00.000Z');
beforeAll(async () => {
  app = await setupApp('youth-center', { now: () => NOW });
});
afterAll(() => app.close());

describe('contacts', () => {
  it('keeps the organisation a person left, with the old title, when the organisation changes', async () => {
    const first = await createOrg(app, { name: 'Birinci Gençlik Derneği' });
    const second = await createOrg(app, { name: 'İkinci Gençlik Vakfı', subtype: 'VAKIF' });
    const created = await app.ok<Contact>('directory:saveContact', { organisationId: first.id, fullName: 'Ayşe Yılmaz', title: 'Başkan', phone: '0532 123 45 67', email: 'Ayse@Ornek.org' });
    expect(created).toMatchObject({ organisationName: 'Birinci Gençlik Derneği', phone: '+905321234567', email: 'ayse@ornek.org', history: [] });
    // Editing the title only: no history.
    await app.ok('directory:saveContact', { id: created.id, organisationId: first.id, fullName: 'Ayşe Yılmaz', title: 'Onursal Başkan' });
    expect(count(app, 'contact_affiliations')).toBe(0);
    const moved = await app.ok<Contact>('directory:saveContact', { id: created.id, organisationId: second.id, fullName: 'Ayşe Yılmaz', title: 'Genel Sekreter' });
    expect(moved.organisationName).toBe('İkinci Gençlik Vakfı');
    expect(moved.history).toEqual([{ organisationId: first.id, organisationName: 'Birinci Gençlik Derneği', title: 'Onursal Başkan', untilOn: '2026-03-15' }]);
    const left = await app.ok<Contact>('directory:saveContact', { id: created.id, organisationId: null, fullName: 'Ayşe Yılmaz', title: null });
    expect(left.history.map((h) => h.organisationName)).toEqual(['İkinci Gençlik Vakfı', 'Birinci Gençlik Derneği']);
    // The organisation she left no longer finds her; the detail lists her nowhere.
    expect((await app.ok<{ total: number }>('directory:search', { query: 'ayse' })).total).toBe(0);
    expect((await getOrg(app, second.id)).contacts).toEqual([]);
  });

  it('finds people by folded name in Turkish order, optionally within an organisation', async () => {
    const org = await createOrg(app, { name: 'Kişiler Derneği' });
    for (const fullName of ['Çiğdem Öz', 'Cem Uçar', 'İlker Işık', 'Ilgın Ak']) await app.ok('directory:saveContact', { organisationId: org.id, fullName });
    await app.ok('directory:saveContact', { organisationId: null, fullName: 'Cengiz Bağımsız' });
    const names = (q: Record<string, unknown>) => app.ok<Contact[]>('directory:searchContacts', q).then((r) => r.map((c) => c.fullName));
    expect(await names({ organisationId: org.id })).toEqual(['Cem Uçar', 'Çiğdem Öz', 'Ilgın Ak', 'İlker Işık']);
    expect(await names({ query: 'CIGDEM' })).toEqual(['Çiğdem Öz']);
    expect(await names({ query: 'isik' })).toEqual(['İlker Işık']);
    expect(await names({ query: 'ce' })).toEqual(['Cem Uçar', 'Cengiz Bağımsız']);
    // The organisation's search text carries its people.
    expect((await app.ok<{ rows: { name: string }[] }>('directory:search', { query: 'ilgin' })).rows.map((r) => r.name)).toEqual(['Kişiler Derneği']);
  });

  it('only the unit that recorded a person edits or removes it', async () => {
    const org = await createOrg(app, { name: 'Sahiplik Derneği' });
    const foreign = foreignRow(app, contactsSpec, 'province:06', { organisation_id: org.id, full_name: 'İl Müdürlüğünün Kişisi' });
    const before = snapshot(app);
    expectError(await app.invoke('directory:saveContact', { id: foreign, organisationId: org.id, fullName: 'Değişmiş Ad' }), 'FORBIDDEN');
    expectError(await app.invoke('directory:removeContact', { id: foreign }), 'FORBIDDEN');
    expect(snapshot(app)).toEqual(before);
    const mine = await app.ok<Contact>('directory:saveContact', { organisationId: org.id, fullName: 'Silinecek Kişi' });
    await app.ok('directory:removeContact', { id: mine.id });
    expect((await getOrg(app, org.id)).contacts.map((c) => c.fullName)).toEqual(['İl Müdürlüğünün Kişisi']);
  });
});

describe('relations', () => {
  it('records this unit on the other side, refuses an end before the start, and tells whether it is active today', async () => {
    const org = await createOrg(app, { name: 'İlişki Derneği' });
    const identity = app.ctx.identity!;
    const before = snapshot(app);
    const error = expectError(await app.invoke('directory:saveRelation', { organisationId: org.id, relationType: 'PROTOKOL', startOn: '2026-02-01', endOn: '2026-01-01' }), 'VALIDATION');
    expect(error.issues![0]).toMatchObject({ path: 'endOn', label: 'Bitiş' });
    expect(error.message).toContain('Bitiş');
    expect(snapshot(app)).toEqual(before);

    await app.ok<OrganisationDetail>('directory:saveRelation', { organisationId: org.id, relationType: 'PROTOKOL', startOn: '2026-01-01', endOn: '2026-12-31' });
    await app.ok('directory:saveRelation', { organisationId: org.id, relationType: 'PROJE', startOn: '2024-01-01', endOn: '2025-12-31' });
    let detail = await app.ok<OrganisationDetail>('directory:saveRelation', { organisationId: org.id, relationType: 'DANISMA', startOn: '2026-04-01' });
    const byType = Object.fromEntries(detail.relations.map((r) => [r.relationType, r]));
    expect(byType.PROTOKOL).toMatchObject({ active: true, unitId: identity.unitId, unitName: identity.unitName });
    expect(byType.PROJE!.active).toBe(false);
    expect(byType.DANISMA!.active).toBe(false);
    // Edit and remove.
    detail = await app.ok<OrganisationDetail>('directory:saveRelation', { id: byType.PROJE!.id, organisationId: org.id, relationType: 'PROJE', startOn: '2024-01-01', endOn: null });
    expect(detail.relations.find((r) => r.relationType === 'PROJE')!.active).toBe(true);
    detail = await app.ok<OrganisationDetail>('directory:removeRelation', { id: byType.DANISMA!.id });
    expect(detail.relations.map((r) => r.relationType).sort()).toEqual(['PROJE', 'PROTOKOL']);
  });
});

describe('interactions and follow-ups', () => {
  it('lists this unit\'s open follow-ups earliest due first, flags overdue ones, and drops done ones', async () => {
    const org = await createOrg(app, { name: 'Takip Derneği' });
    const log = (subject: string, extra: Record<string, unknown>) =>
      app.ok<OrganisationDetail>('directory:saveInteraction', { organisationId: org.id, kind: 'ZIYARET', onDate: '2026-03-01', subject, ...extra });
    await log('Geç kalan', { followUp: 'Protokol taslağını gönder', followUpDue: '2026-03-10' });
    await log('Yaklaşan', { followUp: 'Toplantıya davet et', followUpDue: '2026-03-20' });
    await log('Bugün', { followUp: 'Ara', followUpDue: '2026-03-15' });
    const detail = await log('Takipsiz', { note: 'Yalnızca not', letterDate: '2026-03-01', letterNo: 'E-123' });
    // Another unit's follow-up is not in this unit's list.
    foreignRow(app, interactionsSpec, 'province:06', { organisation_id: org.id, kind: 'TELEFON', on_date: '2026-03-01', subject: 'İl takibi', follow_up: 'İl işi', follow_up_due: '2026-03-02' });

    let open = await app.ok<Interaction[]>('directory:followUps', {});
    expect(open.map((i) => [i.subject, i.overdue])).toEqual([['Geç kalan', true], ['Bugün', false], ['Yaklaşan', false]]);
    expect(open[0]!.organisationName).toBe('Takip Derneği');
    expect(detail.interactions.find((i) => i.subject === 'Takipsiz')).toMatchObject({ letterNo: 'E-123', overdue: false, followUp: null });

    const late = open[0]!;
    await app.ok('directory:saveInteraction', { id: late.id, organisationId: org.id, kind: 'ZIYARET', onDate: '2026-03-01', subject: late.subject, followUp: late.followUp, followUpDue: late.followUpDue, followUpDoneOn: '2026-03-14' });
    open = await app.ok<Interaction[]>('directory:followUps', {});
    expect(open.map((i) => i.subject)).toEqual(['Bugün', 'Yaklaşan']);
    const all = await app.ok<Interaction[]>('directory:followUps', { includeDone: true });
    expect(all.map((i) => i.subject)).toEqual(['Bugün', 'Yaklaşan', 'Geç kalan']);
    expect(all[2]).toMatchObject({ followUpDoneOn: '2026-03-14', overdue: false });
  });

  it('refuses a due date without a task or before the interaction, writing nothing', async () => {
    const org = await createOrg(app, { name: 'Hatalı Takip Derneği' });
    const before = snapshot(app);
    let error = expectError(await app.invoke('directory:saveInteraction', { organisationId: org.id, kind: 'TELEFON', onDate: '2026-03-01', subject: 'Arama', followUpDue: '2026-03-05' }), 'VALIDATION');
    expect(error.issues![0]!.label).toBe('Takip işi');
    error = expectError(await app.invoke('directory:saveInteraction', { organisationId: org.id, kind: 'TELEFON', onDate: '2026-03-01', subject: 'Arama', followUp: 'Ara', followUpDue: '2026-02-05' }), 'VALIDATION');
    expect(error.issues![0]!.label).toBe('Takip son tarihi');
    expect(snapshot(app)).toEqual(before);
  });

  it('another unit\'s interaction cannot be edited or removed here', async () => {
    const org = await createOrg(app, { name: 'Yabancı Görüşme Derneği' });
    const foreign = foreignRow(app, interactionsSpec, 'province:06', { organisation_id: org.id, kind: 'TELEFON', on_date: '2026-03-01', subject: 'İl görüşmesi' });
    const before = snapshot(app);
    expectError(await app.invoke('directory:removeInteraction', { id: foreign }), 'FORBIDDEN');
    expectError(await app.invoke('directory:saveInteraction', { id: foreign, organisationId: org.id, kind: 'TELEFON', onDate: '2026-03-01', subject: 'Değişti' }), 'FORBIDDEN');
    expect(snapshot(app)).toEqual(before);
    expect(db(app).prepare('SELECT subject FROM interactions WHERE id = ?').get(foreign)).toEqual({ subject: 'İl görüşmesi' });
  });
});
