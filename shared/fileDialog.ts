import { z } from 'zod';

// The native save/open dialog of the desktop app: not a contract channel (no handler, no database), a
// capability of the Electron shell that the preload exposes next to `invoke`. The browser harness has no
// such dialog; there a path is typed.

export { CHOOSE_FILE_CHANNEL } from './bridge';

export const chooseFileRequest = z
  .object({
    /** A file to write (save dialog) or one to read (open dialog). */
    mode: z.enum(['save', 'open']),
    /** What the file is, for the dialog's filter: an exchange file (.kopru), an introduction or a support bundle (.json). */
    kind: z.enum(['exchange', 'introduction', 'support']),
    /** The suggested folder and name. */
    defaultPath: z.string().max(4096).optional(),
    /** The dialog's title and the name of its filter, in the interface's language. */
    title: z.string().max(200),
    filterName: z.string().max(200),
  })
  .strict();

export type ChooseFileRequest = z.infer<typeof chooseFileRequest>;

/** The extension of each kind of file. */
export const FILE_EXTENSIONS: Record<ChooseFileRequest['kind'], string> = { exchange: 'kopru', introduction: 'json', support: 'json' };

/** The chosen path, or null when the person closed the dialog without choosing. */
export type ChooseFileResult = { ok: true; value: string | null } | { ok: false; error: { code: 'FORBIDDEN' | 'VALIDATION'; message: string; key?: string } };
