import type { ParseableSamples, SyncedCases } from './types';

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
};

/** Read inputs that succeed on any installation (the defaults apply until the ministry edits them). */
export const privacyReadInputs = {
  'privacy:retentionRules': () => ({}),
  'privacy:notice': () => ({}),
  'privacy:noticePdf': () => ({}),
  'privacy:inventory': () => ({}),
  'privacy:inventoryXlsx': () => ({}),
};
