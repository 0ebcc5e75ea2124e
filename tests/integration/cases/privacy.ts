import type { ParseableSamples, SyncedCases } from './types';

// The person report and the lost-file report (read only). A fresh province's ledger holds its own introduction
// (written by sync:introduce in the read fixture, the ledger's first entry): a file that carries no personal
// data, which the lost-file report answers for as for any other.
const reportParseable: ParseableSamples = {
  'privacy:findPerson': () => ({ query: 'ozlem isikci' }),
  'privacy:personReport': () => ({ fullName: 'Özlem Işıkçı', requestedOn: '2026-05-15' }),
  'privacy:personReportPdf': () => ({ tcKimlikNo: '10000000146' }),
  'privacy:lostFileCandidates': () => ({}),
  'privacy:lostFileReport': () => ({ ledgerId: 1 }),
  'privacy:lostFileReportPdf': () => ({ path: '/tmp/kayip.kopru' }),
};

const reportReadInputs = {
  'privacy:findPerson': () => ({ query: 'okuma' }),
  'privacy:personReport': () => ({ fullName: 'Okuma Kişisi' }),
  'privacy:personReportPdf': () => ({ fullName: 'Hiç Kayıtlı Olmayan Kişi' }),
  'privacy:lostFileCandidates': () => ({}),
  'privacy:lostFileReport': () => ({ ledgerId: 1 }),
  'privacy:lostFileReportPdf': () => ({ ledgerId: 1 }),
};

// Personal-data cases for the contract-wide suites: only the ministry writes retention rules and the notice.

export const privacySyncedCases: SyncedCases = {
  'privacy:setRetentionRules': {
    role: 'ministry',
    input: async () => ({ years: { meetingParticipantContact: 3, revealLog: 4 } }),
  },
  'privacy:setNotice': {
    role: 'ministry',
    input: async () => ({ title: 'Aydınlatma Metni', body: '## Veri sorumlusu\nGençlik ve Spor Bakanlığı.' }),
  },
};

export const privacyParseable: ParseableSamples = {
  'privacy:retentionRules': () => ({}),
  'privacy:setRetentionRules': () => ({ years: { boardMemberTcKimlikNo: 5 } }),
  'privacy:notice': () => ({}),
  'privacy:setNotice': () => ({ title: 'Aydınlatma Metni', body: 'Metin.' }),
  'privacy:noticePdf': () => ({}),
  'privacy:inventory': () => ({}),
  'privacy:inventoryXlsx': () => ({}),
  ...reportParseable,
};

/** Read inputs that succeed on any installation (the defaults apply until the ministry edits them). */
export const privacyReadInputs = {
  'privacy:retentionRules': () => ({}),
  'privacy:notice': () => ({}),
  'privacy:noticePdf': () => ({}),
  'privacy:inventory': () => ({}),
  'privacy:inventoryXlsx': () => ({}),
  ...reportReadInputs,
};
