import type { ParseableSamples, SyncedCases } from './types';

// Reports only read: no synced channels.
export const reportsSyncedCases: SyncedCases = {};

export const reportsParseable: ParseableSamples = {
  'reports:figures': () => ({ from: '2024-01-01', to: '2024-12-31', scope: { level: 'region', region: 'Doğu Anadolu' } }),
  'reports:export': () => ({ from: '2024-01-01', to: '2024-12-31', scope: { level: 'province', provincePlate: '25' }, format: 'xlsx' }),
};
