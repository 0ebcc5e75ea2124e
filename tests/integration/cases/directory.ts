import { isValidVkn } from '../../../shared/identifiers';
import type { Contact, OrganisationDetail } from '../../../shared/contract/directory';
import type { TestApp } from '../../support/app';
import type { ParseableSamples, SyncedCases } from './types';

// Directory cases for the contract-wide suites: one valid call per synced channel (preparing what it needs)
// and a schema-valid sample per channel.

let counter = 0;
const unique = (base: string) => `${base} ${++counter}`;

/** A valid VKN that no earlier case used (check digit computed, prefix from a counter). */
function freshVkn(): string {
  const prefix = String(700_000_000 + ++counter * 7919).slice(0, 9);
  for (let d = 0; d <= 9; d++) if (isValidVkn(`${prefix}${d}`)) return `${prefix}${d}`;
  return freshVkn();
}

async function organisation(app: TestApp, extra: Record<string, unknown> = {}): Promise<OrganisationDetail> {
  return app.ok<OrganisationDetail>('directory:create', { kind: 'STK', subtype: 'DERNEK', name: unique('Örnek Gençlik Derneği'), provincePlate: '06', ...extra });
}

const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(';')).join('\r\n') + '\r\n', 'utf8').toString('base64');

export const directorySyncedCases: SyncedCases = {
  'directory:create': {
    input: async () => ({
      kind: 'STK', subtype: 'VAKIF', name: unique('Işık Gençlik Vakfı'), shortName: 'IGV', provincePlate: '06', districtId: '06-cankaya',
      activityAreas: ['SPOR', 'EGITIM'], youthFocus: true, vkn: freshVkn(), kutukNo: `06/${900 + (counter % 100)}/001`,
      phone: '0312 555 12 34', email: 'Vakif@Ornek.org.tr', website: 'https://ornek.org.tr', address: 'Kızılay, Ankara', notes: 'Not',
    }),
  },
  'directory:update': {
    input: async (app) => {
      const org = await organisation(app);
      return { id: org.id, name: unique('Yeni Adlı Gençlik Derneği'), youthFocus: true, kind: 'STK', vkn: freshVkn() };
    },
  },
  'directory:delete': { input: async (app) => ({ id: (await organisation(app)).id }) },
  'directory:merge': {
    input: async (app) => {
      const keep = await organisation(app);
      const merge = await organisation(app, { shortName: 'KSA', website: 'https://mukerrer.org.tr' });
      await app.ok('directory:saveContact', { organisationId: merge.id, fullName: 'Taşınan Kişi' });
      await app.ok('directory:saveRelation', { organisationId: merge.id, relationType: 'PROJE', startOn: '2025-01-01' });
      await app.ok('directory:saveInteraction', { organisationId: merge.id, kind: 'ZIYARET', onDate: '2025-02-02', subject: 'Tanışma ziyareti' });
      return { keepId: keep.id, mergeId: merge.id };
    },
  },
  'directory:saveContact': {
    input: async (app) => {
      const from = await organisation(app);
      const to = await organisation(app);
      const contact = await app.ok<Contact>('directory:saveContact', { organisationId: from.id, fullName: 'Ayşe Yılmaz', title: 'Başkan' });
      // Moving to another organisation also writes the affiliation history row.
      return { id: contact.id, organisationId: to.id, fullName: 'Ayşe Yılmaz Öztürk', title: 'Sekreter', phone: '0532 123 45 67', email: 'Ayse@Ornek.org' };
    },
  },
  'directory:removeContact': {
    input: async (app) => ({ id: (await app.ok<Contact>('directory:saveContact', { organisationId: (await organisation(app)).id, fullName: 'Silinecek Kişi' })).id }),
  },
  'directory:saveRelation': {
    input: async (app) => ({ organisationId: (await organisation(app)).id, relationType: 'PROTOKOL', startOn: '2025-01-01', endOn: '2026-12-31', note: 'Protokol' }),
  },
  'directory:removeRelation': {
    input: async (app) => {
      const detail = await app.ok<OrganisationDetail>('directory:saveRelation', { organisationId: (await organisation(app)).id, relationType: 'DESTEK' });
      return { id: detail.relations[0]!.id };
    },
  },
  'directory:saveInteraction': {
    input: async (app) => ({
      organisationId: (await organisation(app)).id, kind: 'RESMI_YAZI', onDate: '2025-03-01', subject: 'Protokol teklifi', note: 'Not',
      letterDate: '2025-03-01', letterNo: 'E-12345', followUp: 'Cevabı takip et', followUpDue: '2025-03-15',
    }),
  },
  'directory:removeInteraction': {
    input: async (app) => {
      const detail = await app.ok<OrganisationDetail>('directory:saveInteraction', { organisationId: (await organisation(app)).id, kind: 'TELEFON', onDate: '2025-03-01', subject: 'Arama' });
      return { id: detail.interactions[0]!.id };
    },
  },
  'directory:importApply': {
    input: async () => ({
      fileName: 'stk.csv',
      contentBase64: csv([
        ['Kurum adı', 'Tür', 'İl', 'İlçe', 'Faaliyet alanları', 'Gençlik odaklı', 'Temsilci ad soyad', 'Temsilci unvan'],
        [unique('Aktarılan Gençlik Derneği'), 'Dernek', 'Ankara', 'Mamak', 'Spor, Eğitim', 'evet', 'Mehmet Öz', 'Başkan'],
        [unique('Aktarılan Belediye'), 'İlçe belediyesi', '06', 'Sincan', '', 'hayır', '', ''],
      ]),
    }),
  },
};

const ID = '0190a0a0-0000-7000-8000-000000000001';
const ID2 = '0190a0a0-0000-7000-8000-000000000002';
const IMPORT = () => ({ fileName: 'stk.csv', contentBase64: csv([['Kurum adı', 'İl'], ['Örnek Derneği', 'Ankara']]) });

export const directoryParseable: ParseableSamples = {
  'directory:search': () => ({ query: 'gençlik', kind: 'STK', provincePlate: '06', limit: 20, offset: 0 }),
  'directory:get': () => ({ id: ID }),
  'directory:checkDuplicates': () => ({ name: 'Örnek Gençlik Derneği', provincePlate: '06', vkn: '4540536920', kutukNo: '06-123-456' }),
  'directory:create': () => ({ kind: 'STK', subtype: 'DERNEK', name: 'Örnek Gençlik Derneği', provincePlate: '06' }),
  'directory:update': () => ({ id: ID, name: 'Yeni Ad Derneği' }),
  'directory:delete': () => ({ id: ID }),
  'directory:merge': () => ({ keepId: ID, mergeId: ID2 }),
  'directory:addFromRegistry': () => ({ associationId: ID }),
  'directory:saveContact': () => ({ organisationId: ID, fullName: 'Ayşe Yılmaz' }),
  'directory:removeContact': () => ({ id: ID }),
  'directory:searchContacts': () => ({ query: 'ayse' }),
  'directory:saveRelation': () => ({ organisationId: ID, relationType: 'PROJE', startOn: '2025-01-01' }),
  'directory:removeRelation': () => ({ id: ID }),
  'directory:saveInteraction': () => ({ organisationId: ID, kind: 'ZIYARET', onDate: '2025-01-01', subject: 'Ziyaret' }),
  'directory:removeInteraction': () => ({ id: ID }),
  'directory:followUps': () => ({}),
  'directory:followUpsXlsx': () => ({}),
  'directory:exportXlsx': () => ({ provincePlate: '06' }),
  'directory:importPreview': IMPORT,
  'directory:importApply': IMPORT,
};
