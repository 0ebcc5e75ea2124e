import type { ParseableSamples, SyncedCases } from './types';

export const directorySyncedCases: SyncedCases = {};

export const directoryParseable: ParseableSamples = {};
