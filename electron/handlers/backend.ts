import type { backendContract } from '../../shared/contract/backend';
import type { Handlers } from './types';

// The backend's own state for the window. These read memory only, so they answer at once even while a job
// holds the database.

export const backendHandlers: Handlers<keyof typeof backendContract> = {
  'backend:status': (_input, ctx) => ({
    job: ctx.jobs.current()?.state() ?? null,
    waitingWrites: ctx.runtime?.waitingWrites() ?? 0,
    health: ctx.runtime?.health() ?? 'ok',
    hasOpenedFile: ctx.runtime?.hasOpenedFile() ?? false,
  }),
  'backend:cancel': (_input, ctx) => ({ cancelling: ctx.jobs.current()?.requestCancel() ?? false }),
  'backend:reopen': async (_input, ctx) => ({ opened: (await ctx.runtime?.reopen()) ?? false }),
  'backend:takeOpenedFile': (_input, ctx) => ctx.runtime?.takeOpenedFile() ?? null,
};
