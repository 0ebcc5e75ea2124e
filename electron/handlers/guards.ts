import { AppError } from '../../shared/contract';
import type { Identity } from '../../shared/contract/installation';
import type { ChangeWriter } from '../../db/changeLog/writer';
import type { OpenDatabase } from '../../db/open';
import type { AppContext } from '../app/context';

/** For handlers whose channel requires a ready installation (the dispatcher has checked it already). */
export function ready(ctx: AppContext): { db: OpenDatabase; identity: Identity; writer: ChangeWriter } {
  if (!ctx.db) throw new AppError('DB_UNAVAILABLE', ctx.dbError?.reason);
  if (!ctx.identity || !ctx.writer) throw new AppError('NOT_INITIALISED');
  return { db: ctx.db, identity: ctx.identity, writer: ctx.writer };
}

export function requireDb(ctx: AppContext): OpenDatabase {
  if (!ctx.db) throw new AppError('DB_UNAVAILABLE', ctx.dbError?.reason);
  return ctx.db;
}
