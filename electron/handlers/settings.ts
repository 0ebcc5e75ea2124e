import type { Language, Settings, settingsContract } from '../../shared/contract/settings';
import { readSetting, writeSetting } from '../../db/settings/queries';
import type { AppContext } from '../app/context';
import { writeSupportBundle } from '../settings/supportBundle';
import { requireDb } from './guards';
import type { Handlers } from './types';

function currentSettings(ctx: AppContext): Settings {
  const language = (ctx.db ? readSetting(ctx.db, 'language') : null) as Language | null;
  return {
    language: language ?? 'tr',
    dataDir: ctx.options.dataDir,
    databasePath: ctx.db?.path ?? ctx.dbError?.path ?? '',
    appVersion: ctx.options.appVersion,
    schemaVersion: ctx.db?.schemaVersion ?? ctx.shippedSchemaVersion,
  };
}

export const settingsHandlers: Handlers<keyof typeof settingsContract> = {
  'settings:get': (_input, ctx) => currentSettings(ctx),
  'settings:setLanguage': (input, ctx) => {
    writeSetting(requireDb(ctx), 'language', input.language);
    return currentSettings(ctx);
  },
  'settings:supportBundle': (input, ctx) => writeSupportBundle(ctx, input.path, ctx.options.logDir ?? null),
};
