import type { Channel, Role } from '../../../shared/contract';
import type { TestApp } from '../../support/app';

// Per-module cases for the contract-wide suites (changeLog.test.ts, contract.test.ts), so each module keeps
// its cases next to its own name.

export interface SyncedCase {
  /** The role whose installation makes the call (default: the Ankara province). */
  role?: Role;
  /** Prepares whatever the call needs and returns a valid input. */
  input(app: TestApp): Promise<unknown>;
}

export type SyncedCases = Partial<Record<Channel, SyncedCase>>;

/** A schema-valid input per channel (ids may point nowhere). */
export type ParseableSamples = Partial<Record<Channel, () => unknown>>;
