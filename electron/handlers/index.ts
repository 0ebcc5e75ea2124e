import type { Channel } from '../../shared/contract';
import { backendHandlers } from './backend';
import { backupsHandlers } from './backups';
import { directoryHandlers } from './directory';
import { documentsHandlers } from './documents';
import { homeHandlers } from './home';
import { installationHandlers } from './installation';
import { meetingsHandlers } from './meetings';
import { orgUnitsHandlers } from './orgUnits';
import { privacyHandlers } from './privacy';
import { registryHandlers } from './registry';
import { reportsHandlers } from './reports';
import { syncHandlers } from './sync';
import { settingsHandlers } from './settings';
import type { Handlers } from './types';
import { usersHandlers } from './users';
import { workshopsHandlers } from './workshops';

/** One handler per contract channel; the type makes a missing one a compile error. */
export const handlers: Handlers<Channel> = {
  ...installationHandlers,
  ...homeHandlers,
  ...backendHandlers,
  ...backupsHandlers,
  ...settingsHandlers,
  ...orgUnitsHandlers,
  ...registryHandlers,
  ...syncHandlers,
  ...directoryHandlers,
  ...meetingsHandlers,
  ...workshopsHandlers,
  ...reportsHandlers,
  ...privacyHandlers,
  ...usersHandlers,
  ...documentsHandlers,
};
