import type { ParseableSamples, SyncedCases } from './types';

export const reportsSyncedCases: SyncedCases = {};

export const reportsParseable: ParseableSamples = {};
