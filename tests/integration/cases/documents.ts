import type { ParseableSamples, SyncedCases } from './types';

// Official documents (issue #18): each installation saves its own unit's letterhead.

const LETTERHEAD = {
  institution: 'Ankara Valiliği', unitTitle: 'Gençlik ve Spor İl Müdürlüğü', detsisNo: '12345678', address: 'Çankaya/ANKARA',
  phone: '0312 000 00 00', email: 'ankara@gsb.gov.tr', kep: null, contact: null, signatoryName: 'Mehmet Işık', signatoryTitle: 'İl Müdürü',
  signatoryOnBehalfOf: 'Vali', fileCodes: { meetingInvitation: '903.07.02' },
};

export const documentsSyncedCases: SyncedCases = {
  'documents:saveLetterhead': { input: async () => LETTERHEAD },
};

export const documentsParseable: ParseableSamples = {
  'documents:letterhead': () => ({}),
  'documents:saveLetterhead': () => LETTERHEAD,
};

export const documentsReadInputs = {
  'documents:letterhead': () => ({}),
};
