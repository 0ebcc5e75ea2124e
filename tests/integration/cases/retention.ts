import type { ParseableSamples, SyncedCases } from './types';

// Retention and destruction cases for the contract-wide suites: the run erases, as the owner, the values of a
// board member whose term ended long ago (tests/privacy/destruction.test.ts tries it in full).

export const retentionSyncedCases: SyncedCases = {
  'privacy:runDestruction': {
    input: async (app) => {
      const association = await app.ok<{ id: string }>('registry:create', { name: 'Eski Kurul Gençlik Kulübü', clubType: 'GENCLIK_KULUBU', districtId: '06-mamak' });
      await app.ok('registry:savePerson', { associationId: association.id, kind: 'YONETIM', membership: 'ASIL', fullName: 'Eski Üye', phone: '+903125551234', termStart: '2010-01-01', termEnd: '2012-12-31' });
      return {};
    },
  },
};

export const retentionParseable: ParseableSamples = {
  'privacy:destructionPreview': () => ({}),
  'privacy:runDestruction': () => ({}),
  'privacy:destructionLog': () => ({}),
};

export const retentionReadInputs = {
  'privacy:destructionPreview': () => ({}),
  'privacy:destructionLog': () => ({}),
};
