import type { ParseableSamples, SyncedCases } from './types';

export const meetingsSyncedCases: SyncedCases = {};

export const meetingsParseable: ParseableSamples = {};
