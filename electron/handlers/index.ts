import type { Channel } from '../../shared/contract';
import { installationHandlers } from './installation';
import { orgUnitsHandlers } from './orgUnits';
import { registryHandlers } from './registry';
import { syncHandlers } from './sync';
import { settingsHandlers } from './settings';
import type { Handlers } from './types';

/** One handler per contract channel; the type makes a missing one a compile error. */
export const handlers: Handlers<Channel> = {
  ...installationHandlers,
  ...settingsHandlers,
  ...orgUnitsHandlers,
  ...registryHandlers,
  ...syncHandlers,
};
