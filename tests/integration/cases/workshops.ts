import type { ParseableSamples, SyncedCases } from './types';

export const workshopsSyncedCases: SyncedCases = {};

export const workshopsParseable: ParseableSamples = {};
