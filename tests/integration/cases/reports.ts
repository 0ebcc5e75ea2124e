import type { ParseableSamples, SyncedCases } from './types';

// Reports read, except publishing: the ministry stores a computed report for every installation (issue #15).
export const reportsSyncedCases: SyncedCases = {
  'reports:publish': {
    role: 'ministry',
    input: async (app) => {
      // Something to count in the period: a report with nothing in it is not sent.
      await app.ok('workshops:save', {
        kind: 'BOLGE_CALISTAYI', title: 'Ege Bölge Çalıştayı', region: 'Ege', hostPlate: '35', startOn: '2025-04-02', endOn: '2025-04-03', programme: [],
      });
      return { from: '2025-01-01', to: '2025-12-31', scope: { level: 'region', region: 'Ege' }, title: 'Ege 2025' };
    },
  },
};

export const reportsParseable: ParseableSamples = {
  'reports:figures': () => ({ from: '2024-01-01', to: '2024-12-31', scope: { level: 'region', region: 'Doğu Anadolu' } }),
  'reports:provinces': () => ({ from: '2024-01-01', to: '2024-12-31' }),
  'reports:export': () => ({ from: '2024-01-01', to: '2024-12-31', scope: { level: 'province', provincePlate: '25' }, format: 'xlsx' }),
  'reports:publish': () => ({ from: '2024-01-01', to: '2024-12-31', scope: { level: 'national' } }),
  'reports:published': () => ({}),
};
