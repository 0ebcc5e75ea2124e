import { z } from 'zod';
import { channel, isoDateTime } from './core';

// Backups of this installation's database: automatic (one a day and at every quit, the last 14 days kept),
// taken by hand, and the copies kept aside before a migration or a restore. Restoring verifies the backup
// first and keeps the current database aside; it is offered in Settings and on the damaged-database screen.

export const BACKUP_KINDS = ['auto', 'manual', 'before-migration', 'before-restore'] as const;

export const backupEntrySchema = z.object({
  name: z.string(),
  kind: z.enum(BACKUP_KINDS),
  createdAt: isoDateTime,
  bytes: z.number().int(),
});
export type BackupEntry = z.infer<typeof backupEntrySchema>;

/** A backup's file name as listed (never a path: restore takes only names from the backups folder). */
const backupName = z
  .string()
  .regex(/^kopru-[a-z0-9-]+(-[0-9TZ-]+)?\.sqlite$/i, { message: 'Yedek adı geçersiz.' })
  .max(120)
  .describe('Yedek');

export const backupsContract = {
  'backups:list': channel({
    summary: 'The backups in the data folder, newest first, and where they are.',
    input: z.object({}).strict(),
    output: z.object({ folder: z.string(), keepAutomatic: z.number().int(), backups: z.array(backupEntrySchema) }),
    access: 'setup',
    writes: 'none',
  }),
  'backups:create': channel({
    summary: 'Takes a backup now (SQLite online backup of the committed state).',
    input: z.object({}).strict(),
    output: backupEntrySchema,
    access: 'anyone',
    writes: 'local',
    job: 'backup',
  }),
  'backups:restore': channel({
    summary: 'Replaces the database with a verified backup; the current database is kept aside in the backups folder.',
    input: z.object({ name: backupName }).strict(),
    output: z.object({ restored: z.string(), keptAside: z.string().nullable(), schemaVersion: z.number().int() }),
    access: 'setup',
    user: 'admin',
    writes: 'local',
    job: 'restore',
  }),
};
