import { AppError, msg } from '../../shared/contract';
import type { backupsContract } from '../../shared/contract/backups';
import { backupsDir, createBackup, KEEP_AUTOMATIC, listBackups } from '../../db/backups';
import { keepKeyCopies } from '../app/keyFiles';
import type { Handlers } from './types';

export const backupsHandlers: Handlers<keyof typeof backupsContract> = {
  'backups:list': (_input, ctx) => ({ folder: backupsDir(ctx.options.dataDir), keepAutomatic: KEEP_AUTOMATIC, backups: listBackups(ctx.options.dataDir) }),

  'backups:create': async (_input, ctx) => {
    if (!ctx.db) throw new AppError('DB_UNAVAILABLE', ctx.dbError?.reason);
    const job = ctx.jobs.current();
    const entry = await createBackup(ctx.db, ctx.options.dataDir, 'manual', new Date(ctx.now()), (done, total) => job?.progress('copy', done, total));
    // A backup holds the key files too: without them the database cannot send, receive or check TC numbers.
    if (ctx.identity) keepKeyCopies(ctx.options.dataDir, ctx.db, ctx.identity);
    return entry;
  },

  // Closing and reopening the database is the backend's to do: it owns both connections.
  'backups:restore': (input, ctx) => {
    if (!ctx.runtime) throw new AppError('INTERNAL', msg('backups.geriYuklemeYalnizcaUygulamanin'));
    return ctx.runtime.restoreBackup(input.name);
  },
};
