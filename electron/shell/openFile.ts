import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAGIC, MAX_FILE_BYTES } from '../sync/exchangeFile';

// A `.kopru` exchange file opened from the OS (double-click, "Open with", the file association): where its
// path is on the command line, and a first check of it before the app offers to import it.
//
// Plain Node, no 'electron' import, so tests run it on real files. main.ts passes `process.argv` at start,
// the `commandLine` (and `workingDirectory`) of 'second-instance' when the app is already open, and on macOS
// the path of the 'open-file' event straight to checkOpenedFile.
//
// The check only decides whether the file is worth showing to the import screen: the import itself verifies
// the header, sender, signature and everything else (electron/sync/exchangeFile.ts). Nothing here changes
// anything, and no message ever quotes the file's contents.

const EXTENSION = '.kopru';

/**
 * The exchange file named on the command line: the last argument that ends in `.kopru` (any case) and is not
 * a flag. argv[0] (the executable) is skipped; Electron's and Chromium's switches (`--flag`, `--flag=value`,
 * `-x`) are skipped, so a switch whose value ends in `.kopru` is never taken for a file; the app path (`.` or
 * the app folder in development) does not end in `.kopru`. After a bare `--` every argument is a file name,
 * even one starting with `-`: registering the association as `Köprü.exe -- "%1"` stops a crafted file name
 * from being read as a Chromium switch.
 */
export function exchangeFileFromArgv(argv: readonly string[]): string | null {
  let found: string | null = null;
  let onlyFilesFollow = false;
  for (const arg of argv.slice(1)) {
    if (typeof arg !== 'string') continue;
    if (!onlyFilesFollow && arg === '--') {
      onlyFilesFollow = true;
      continue;
    }
    if (!onlyFilesFollow && arg.startsWith('-')) continue;
    const file = fromFileUri(arg);
    if (file && file.toLowerCase().endsWith(EXTENSION) && file.length > EXTENSION.length) found = file;
  }
  return found;
}

/**
 * A Linux desktop entry with `%U` (the AppImage's, always) may pass `file:///media/usb/ankara%20il.kopru`
 * instead of a path: such a URI becomes its path; any other URI scheme is no file.
 */
function fromFileUri(arg: string): string | null {
  if (!/^[a-z][a-z0-9+.-]+:\/\//i.test(arg)) return arg;
  if (!arg.toLowerCase().startsWith('file://')) return null;
  try {
    return fileURLToPath(arg);
  } catch {
    return null;
  }
}

export type OpenedFileRefusal = 'missing' | 'not-a-file' | 'wrong-extension' | 'empty' | 'too-large' | 'not-kopru' | 'unreadable';

export type OpenedFileCheck =
  | { ok: true; path: string }
  | { ok: false; reason: OpenedFileRefusal; message: { tr: string; en: string } };

/** What the clerk reads. Each says the file was not opened and that nothing changed, which is true. */
export const OPENED_FILE_MESSAGES: Readonly<Record<OpenedFileRefusal, { tr: string; en: string }>> = Object.freeze({
  missing: {
    tr: 'Dosya bulunamadı. Taşınmış, silinmiş ya da çıkarılmış bir USB bellekte olabilir; hiçbir şey değiştirilmedi.',
    en: 'The file could not be found. It may have been moved or deleted, or be on a USB stick that was removed; nothing was changed.',
  },
  'not-a-file': {
    tr: 'Açılmak istenen öğe bir dosya değil (bir klasör olabilir); açılmadı ve hiçbir şey değiştirilmedi.',
    en: 'What was opened is not a file (it may be a folder); it was not opened and nothing was changed.',
  },
  'wrong-extension': {
    tr: 'Yalnızca .kopru uzantılı Köprü değişim dosyaları açılabilir; bu dosya açılmadı ve hiçbir şey değiştirilmedi.',
    en: 'Only Köprü exchange files ending in .kopru can be opened; this file was not opened and nothing was changed.',
  },
  empty: {
    tr: 'Dosya boş; kopyalama yarım kalmış olabilir. Dosyayı gönderenden yeniden isteyin. Hiçbir şey değiştirilmedi.',
    en: 'The file is empty; copying may not have finished. Ask the sender for the file again. Nothing was changed.',
  },
  'too-large': {
    tr: 'Dosya bir Köprü değişim dosyası için fazla büyük (en fazla 4 GB); açılmadı ve hiçbir şey değiştirilmedi.',
    en: 'The file is too large for a Köprü exchange file (4 GB at most); it was not opened and nothing was changed.',
  },
  'not-kopru': {
    tr: 'Bu dosya bir Köprü değişim dosyası değil; açılmadı ve hiçbir şey değiştirilmedi.',
    en: 'This file is not a Köprü exchange file; it was not opened and nothing was changed.',
  },
  unreadable: {
    tr: 'Dosya okunamadı; erişim izniniz olmayabilir ya da dosya başka bir programda açık olabilir. Hiçbir şey değiştirilmedi.',
    en: 'The file could not be read; you may not have permission, or another program may have it open. Nothing was changed.',
  },
});

function refuse(reason: OpenedFileRefusal): OpenedFileCheck {
  return { ok: false, reason, message: OPENED_FILE_MESSAGES[reason] };
}

function refusalForError(error: unknown): OpenedFileRefusal {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unreadable';
}

function sizeRefusal(stats: fs.Stats): OpenedFileRefusal | null {
  if (!stats.isFile()) return 'not-a-file';
  if (stats.size === 0) return 'empty';
  if (stats.size > MAX_FILE_BYTES) return 'too-large'; // the reader's own limit, so both refuse the same files
  return null;
}

// O_NONBLOCK where the OS has it: if the path is swapped for a FIFO between the check and the open, opening
// it must not hang the main process waiting for a writer. Windows has no such flag and no such files.
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/**
 * Checks a file the OS asked the app to open. Resolves it to an absolute path (against `cwd`: the
 * 'second-instance' event's `workingDirectory` for a second launch), and accepts it only if it exists, is a
 * regular file (symlinks are followed; folders, FIFOs and devices are not files), ends in `.kopru`, is
 * not empty and at most 4 GiB, and begins with the exchange file's magic line. Only the first bytes are read.
 */
export async function checkOpenedFile(file: string, options: { cwd?: string } = {}): Promise<OpenedFileCheck> {
  if (typeof file !== 'string' || file.trim() === '') return refuse('missing');
  // A NUL cannot be in a file name; Node would throw, and a name cut at the NUL could be another file.
  if (file.includes('\0')) return refuse('unreadable');
  const absolute = path.resolve(options.cwd ?? process.cwd(), file);

  let stats: fs.Stats;
  try {
    stats = await fs.promises.stat(absolute);
  } catch (error) {
    return refuse(refusalForError(error));
  }
  if (!stats.isFile()) return refuse('not-a-file');
  if (path.extname(absolute).toLowerCase() !== EXTENSION) return refuse('wrong-extension');
  const bySize = sizeRefusal(stats);
  if (bySize) return refuse(bySize);

  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(absolute, OPEN_FLAGS);
    // Checked again on what was actually opened, in case the path changed since the stat above.
    const opened = sizeRefusal(await handle.stat());
    if (opened) return refuse(opened);
    const expected = Buffer.from(MAGIC, 'utf8');
    const head = Buffer.alloc(expected.length);
    let filled = 0;
    while (filled < head.length) {
      const { bytesRead } = await handle.read(head, filled, head.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (filled < head.length || !head.equals(expected)) return refuse('not-kopru');
  } catch (error) {
    return refuse(refusalForError(error));
  } finally {
    await handle?.close().catch(() => {});
  }
  return { ok: true, path: absolute };
}
