import { z } from 'zod';
import { channel, isoDateTime, JOB_KINDS } from './core';

// The backend's own state, for the window: the job that is running (exchange, spreadsheet import, backup…)
// with its progress, how many saves wait for it, the database's health, and a file the operating system
// asked the app to open. Answered at once, even while a job runs.

export const JOB_PHASES = ['prepare', 'verify', 'read', 'apply', 'write', 'copy', 'check'] as const;
export type JobPhase = (typeof JOB_PHASES)[number];

export const jobStateSchema = z.object({
  kind: z.enum(JOB_KINDS),
  phase: z.enum(JOB_PHASES),
  /** Units of work done of `total` (changes, rows, pages); `total` is 0 while unknown. */
  done: z.number().int(),
  total: z.number().int(),
  startedAt: isoDateTime,
  cancellable: z.boolean(),
  cancelRequested: z.boolean(),
});
export type JobState = z.infer<typeof jobStateSchema>;

/** `checking`: the background integrity check after start has not answered yet (saves wait for it). */
export const HEALTH_STATES = ['checking', 'ok', 'damaged'] as const;
export type Health = (typeof HEALTH_STATES)[number];

export const backendStatusSchema = z.object({
  job: jobStateSchema.nullable(),
  /** Saves queued behind the running job (or behind the integrity check). */
  waitingWrites: z.number().int(),
  health: z.enum(HEALTH_STATES),
  /** A `.kopru` file the operating system asked the app to open, checked and waiting for the import screen. */
  hasOpenedFile: z.boolean(),
});
export type BackendStatus = z.infer<typeof backendStatusSchema>;

export const openedFileSchema = z.object({ path: z.string(), name: z.string() });

export const backendContract = {
  'backend:status': channel({
    summary: 'The running job and its progress, saves waiting for it, the database health; answered at once.',
    input: z.object({}).strict(),
    output: backendStatusSchema,
    access: 'setup',
    writes: 'none',
  }),
  'backend:cancel': channel({
    summary: 'Asks the running job to stop; it rolls back and changes nothing. False when nothing can be cancelled.',
    input: z.object({}).strict(),
    output: z.object({ cancelling: z.boolean() }),
    access: 'anyone',
    user: 'specialist',
    writes: 'none',
  }),
  'backend:reopen': channel({
    summary: 'Tries again to open a data folder that another Köprü was using, or key files that were missing or damaged; true when it is now open and its keys sound.',
    input: z.object({}).strict(),
    output: z.object({ opened: z.boolean() }),
    access: 'setup',
    writes: 'none',
  }),
  'backend:takeOpenedFile': channel({
    summary: 'The exchange file the operating system asked the app to open (once), for the import screen.',
    input: z.object({}).strict(),
    output: openedFileSchema.nullable(),
    access: 'anyone',
    writes: 'none',
  }),
};
