import fs from 'node:fs';
import path from 'node:path';
import { inspect } from 'node:util';
import type { LogFile, LogMessage, NodeLogger } from 'electron-log';
import { formatError, redact, type LogLevel, type LogSink } from '../app/log';

// The log files: `<dir>/kopru.log`, rotated by electron-log at `maxBytes` into kopru.1.log … kopru.<keep>.log
// (kopru.1.log the newest archive; the oldest is dropped). A hook redacts every part of every message before
// any transport sees it, so even a stray `log.error(userInput)` or a library's error carries no TC Kimlik No,
// phone, e-mail or quoted value into a file (see electron/app/log.ts for the rule of what may be logged).
//
// Electron main passes `electron-log/main`; tests pass `electron-log/node` (same API, no Electron needed).

export const LOG_FILE_NAME = 'kopru.log';
export const DEFAULT_MAX_BYTES = 1024 * 1024;
export const DEFAULT_KEEP = 5;
/** A single message part is cut at this length after redaction. */
const MAX_PART_CHARS = 16_000;

export interface LogFileOptions {
  /** Rotate when kopru.log exceeds this size (default 1 MiB). */
  maxBytes?: number;
  /** Archives kept: kopru.1.log … kopru.<keep>.log (default 5). */
  keep?: number;
  /** Keep the console transport (default true); the packaged app passes `!app.isPackaged`. */
  console?: boolean;
  /** Lowest level written to the file (default 'info'). */
  level?: LogLevel;
}

/** kopru.log → kopru.1.log, kopru.<n>.log → kopru.<n+1>.log; the one beyond `keep` is deleted. */
export function archivePath(dir: string, index: number): string {
  return index === 0 ? path.join(dir, LOG_FILE_NAME) : path.join(dir, `kopru.${index}.log`);
}

function rotate(file: LogFile, dir: string, keep: number): void {
  const current = file.path;
  try {
    if (keep < 1) {
      file.clear();
      return;
    }
    fs.rmSync(archivePath(dir, keep), { force: true });
    for (let i = keep - 1; i >= 1; i--) {
      const from = archivePath(dir, i);
      if (fs.existsSync(from)) fs.renameSync(from, archivePath(dir, i + 1));
    }
    fs.renameSync(current, archivePath(dir, 1));
  } catch {
    // A locked file (antivirus, another process): copy what we can and start the file again, so it never
    // grows without bound.
    try {
      fs.copyFileSync(current, archivePath(dir, 1));
    } catch {
      // Losing the archive is better than an unbounded file.
    }
    file.clear();
  }
}

function redactPart(part: unknown): unknown {
  if (typeof part === 'string') return cap(redact(part));
  if (typeof part === 'number' || typeof part === 'bigint') {
    const text = String(part);
    const clean = redact(text);
    return clean === text ? part : clean;
  }
  if (part === null || part === undefined || typeof part === 'boolean') return part;
  if (part instanceof Error) return formatError(part);
  if (typeof part === 'object' || typeof part === 'function' || typeof part === 'symbol') {
    try {
      return cap(redact(inspect(part, { depth: 3, breakLength: Infinity, maxArrayLength: 20, maxStringLength: 2000 })));
    } catch {
      return '[unprintable]';
    }
  }
  return '[unknown]';
}

function cap(text: string): string {
  return text.length <= MAX_PART_CHARS ? text : text.slice(0, MAX_PART_CHARS - 1) + '…';
}

const REDACT_HOOK = Symbol.for('kopru.log.redactHook');
type TaggedHook = ((message: LogMessage) => LogMessage | false) & { [REDACT_HOOK]?: true };

/**
 * Points an electron-log instance at `<dir>/kopru.log` with rotation and redaction, and returns a sink for
 * `createLogger` (electron/app/log.ts). Calling it again on the same instance reconfigures it.
 */
export function configureLogFile(log: NodeLogger, dir: string, options: LogFileOptions = {}): LogSink {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const keep = Math.max(0, Math.floor(options.keep ?? DEFAULT_KEEP));
  fs.mkdirSync(dir, { recursive: true });

  const file = log.transports.file;
  file.resolvePathFn = () => path.join(dir, LOG_FILE_NAME);
  file.maxSize = maxBytes;
  file.level = options.level ?? 'info';
  file.archiveLogFn = (oldFile) => rotate(oldFile, dir, keep);
  if (options.console === false) log.transports.console.level = false;

  const hook: TaggedHook = (message) => ({ ...message, data: message.data.map(redactPart) });
  hook[REDACT_HOOK] = true;
  log.hooks = log.hooks.filter((h) => !(h as TaggedHook)[REDACT_HOOK]);
  log.hooks.push(hook);

  return {
    write(level, message) {
      try {
        log[level](message);
      } catch {
        // Never let logging fail the caller.
      }
    },
  };
}

function readTail(file: string, maxBytes: number): Buffer {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const size = fs.fstatSync(fd).size;
    const length = Math.min(size, maxBytes);
    const buffer = Buffer.alloc(length);
    const read = fs.readSync(fd, buffer, 0, length, size - length);
    return buffer.subarray(0, read);
  } catch {
    return Buffer.alloc(0);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Drops bytes up to and including the first newline (a partial line, perhaps a cut UTF-8 character). */
function fromLineStart(buffer: Buffer): Buffer {
  const nl = buffer.indexOf(0x0a);
  return nl === -1 ? Buffer.alloc(0) : buffer.subarray(nl + 1);
}

/**
 * The last `maxBytes` (UTF-8) of the log: kopru.1.log then kopru.log, starting at a whole line, redacted
 * once more — for the support bundle.
 */
export function readRecentLog(dir: string, maxBytes: number): string {
  if (maxBytes <= 0) return '';
  // One byte more than needed is read from each file: if it arrives, the first line read is partial.
  let current: Buffer = readTail(archivePath(dir, 0), maxBytes + 1);
  let previous: Buffer = Buffer.alloc(0);
  if (current.length > maxBytes) {
    current = fromLineStart(current);
  } else {
    const need = maxBytes - current.length;
    previous = need > 0 ? readTail(archivePath(dir, 1), need + 1) : previous;
    if (previous.length > need) previous = fromLineStart(previous);
  }
  const tail = Buffer.concat([previous, current]);
  let text = redact(tail.toString('utf8'));
  while (Buffer.byteLength(text, 'utf8') > maxBytes) {
    // Redaction can lengthen a line (`"ab"` → `"[…]"`): drop whole lines from the start until it fits.
    const nl = text.indexOf('\n');
    text = nl === -1 ? '' : text.slice(nl + 1);
  }
  return text;
}
