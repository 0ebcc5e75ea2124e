import type { z } from 'zod';
import { backendContract } from './backend';
import { backupsContract } from './backups';
import type { ChannelDef } from './core';
import { directoryContract } from './directory';
import { documentsContract } from './documents';
import { homeContract } from './home';
import { installationContract } from './installation';
import { meetingsContract } from './meetings';
import { orgUnitsContract } from './orgUnits';
import { privacyContract } from './privacy';
import { registryContract } from './registry';
import { reportsContract } from './reports';
import { syncContract } from './sync';
import { usersContract } from './users';
import { settingsContract } from './settings';
import { workshopsContract } from './workshops';

export * from './core';
export * from './errors';

/** Every channel of the app. Adding a module means adding its contract here and its handlers in electron/. */
export const contract = {
  ...installationContract,
  ...homeContract,
  ...backendContract,
  ...backupsContract,
  ...settingsContract,
  ...orgUnitsContract,
  ...registryContract,
  ...syncContract,
  ...directoryContract,
  ...meetingsContract,
  ...workshopsContract,
  ...reportsContract,
  ...privacyContract,
  ...usersContract,
  ...documentsContract,
} satisfies Record<string, ChannelDef>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
