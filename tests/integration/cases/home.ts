import type { Channel } from '../../../shared/contract';
import type { ParseableSamples } from './types';

// The home page's channel for the contract-wide suites: a read with no input.

export const homeParseable: ParseableSamples = {
  'home:today': () => ({}),
};

export const homeReadInputs: Partial<Record<Channel, () => unknown>> = {
  'home:today': () => ({}),
};
