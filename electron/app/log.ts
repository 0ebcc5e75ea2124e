// Logging without personal data (DOMAIN.md §9, KVKK).
//
// THE RULE: log only codes, channel names, event names, error names and codes, SQLite codes, counts,
// durations and stack frames — never a handler's input or output, never a row, never a value the user typed.
// Board members' names, for example, cannot be recognised by any pattern, so the only protection for them is
// not to log them in the first place. `redact` is the last safety net, not a licence: it removes what *can*
// be recognised (TC Kimlik No, phone numbers, e-mail addresses, IBANs, quoted values, the user's name in a
// home-folder path) from every string that reaches a log line, including error messages from our code and
// from libraries (which tend to quote the offending value).
//
// This module is plain Node (no `electron`): the dispatcher, the worker threads, the CLI and the tests use it.
// The Electron shell writes the lines to rotated files (`electron/shell/logFile.ts`).

export type LogLevel = 'error' | 'warn' | 'info';

/** Where formatted, redacted lines go: stderr, a rotated file, or an array to hand to another thread. */
export interface LogSink {
  write(level: LogLevel, message: string): void;
}

export type LogValue = string | number | boolean | bigint | null | undefined;

/**
 * The fields of a log entry: primitives only. Any other value is logged as its type (`[object]`), never its
 * content — except `error`, which is logged through `describeError` (name, code, redacted message, frames).
 */
export interface LogDetails {
  channel?: string;
  code?: string;
  sqliteCode?: string;
  errorName?: string;
  ms?: number;
  count?: number;
  kind?: string;
  reason?: string;
  error?: unknown;
  [key: string]: unknown;
}

export interface Logger {
  error(event: string, details?: LogDetails): void;
  warn(event: string, details?: LogDetails): void;
  info(event: string, details?: LogDetails): void;
}

export interface ErrorDescription {
  /** `TypeError`, `SqliteError`, `AppError`…; `NonError` when something other than an error was thrown. */
  errorName: string;
  /** `error.code` when it looks like a code (`SQLITE_CONSTRAINT_UNIQUE`, `ENOENT`, `VALIDATION`). */
  errorCode?: string;
  /** The name of `error.cause`, when it is an error. */
  causeName?: string;
  /** The message, redacted, whitespace collapsed, at most MAX_VALUE_CHARS. */
  message: string;
  /** `file:line:column(function)` of each frame (base name of the file only), at most MAX_FRAMES. */
  frames: string[];
}

export const MAX_VALUE_CHARS = 300;
export const MAX_LINE_BYTES = 2048;
export const MAX_FRAMES = 10;
/** Strings longer than this are cut before redaction (the cut part is dropped by MAX_VALUE_CHARS anyway). */
const MAX_INPUT_CHARS = 20_000;

// ---------------------------------------------------------------------------------------------------------
// redact

const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

// `C:\Users\<name>\…`, `C:/Users/<name>/…`, `C:\\Users\\<name>` (JSON-escaped), `C:\Documents and Settings\<name>`.
// A Windows user name may hold spaces, so the segment runs to the next separator (over-redacting is safe).
const WINDOWS_HOME = /([A-Za-z]:(?:[\\/]+)(?:Users|Documents and Settings)[\\/]+)[^\\/\r\n"'`‘’“”«»‹›<>|:*?]+/giu;
// `/home/<name>/…` (Linux, Pardus), `/Users/<name>/…` (macOS, WSL's /mnt/c/Users/<name>).
const POSIX_HOME = /(\/(?:home|Users)\/)[^/\s"'`‘’“”«»‹›<>|:*?]+/gu;

// TR + 24 digits, optionally in groups of four.
const IBAN = /(?<![\p{L}\p{N}])TR ?\d{2}(?: ?\d{4}){5} ?\d{2}(?!\d)/giu;

// Turkish phone numbers: +90 / 0090 / 0 prefix (optional), area or mobile code (optionally in parentheses,
// optionally with its 0), then 3-2-2 or 3-4 digits with optional single separators.
const SEP = '[ \\u00a0.\\-]?';
const PHONE = new RegExp(
  '(?<![\\d+])' +
    `(?:(?:\\+|00) ?90${SEP}|0${SEP})?` +
    `(?:\\( ?0? ?[2-58]\\d{2} ?\\)${SEP}|[2-58]\\d{2}${SEP})` +
    `\\d{3}${SEP}\\d{2}${SEP}\\d{2}` +
    '(?!\\d)',
  'gu',
);

// Exactly 11 digits in a row (TC Kimlik No; also an 11-digit phone number that escaped PHONE).
const ELEVEN_DIGITS = /(?<!\d)\d{11}(?!\d)/g;
// Digit groups of 2–5 joined by one consistent separator (space, no-break space or dot): `123 456 789 01`,
// `123.456.789.01`, `1234 5678 901`. Groups that add up to exactly 11 digits are a TC Kimlik No. A consistent
// separator keeps `06.12.2026 100` (a date and a count) intact.
const DIGIT_GROUPS = /(?<!\d)\d{2,5}([ \u00a0.])\d{2,5}(?:\1\d{2,5})*(?!\d)/g;

function redactDigitGroups(match: string, sep: string): string {
  const groups = match.split(sep);
  const out: string[] = [];
  let i = 0;
  while (i < groups.length) {
    let sum = 0;
    let j = i;
    while (j < groups.length && sum < 11) sum += groups[j++]!.length;
    if (sum === 11) {
      out.push('[TC]');
      i = j;
    } else {
      out.push(groups[i]!);
      i += 1;
    }
  }
  return out.join(sep);
}

function redactPhone(match: string): string {
  const prefixed = /^(?:\+|00|0|\()/.test(match);
  const separated = /[ \u00a0.\-()]/.test(match);
  // Ten bare digits without a prefix may be a VKN (tax number of a legal entity, not personal data); only a
  // mobile number (5xx) is taken as a phone number then.
  if (!prefixed && !separated && !match.startsWith('5')) return match;
  return '[TEL]';
}

// Quotes: an opening mark must start the text or follow a non-alphanumeric character, and its closing mark
// must end the text or precede a non-alphanumeric character, so Turkish apostrophes (`Ankara'da`, `TC'si`,
// `Köprü’nün`) are not taken for quotes. `»` and `›` do not open (breadcrumbs: `Ayarlar » Destek`).
const QUOTE_CLOSERS: Record<string, string> = {
  '"': '"',
  "'": "'",
  '`': "`'",
  '‘': '’‘',
  '’': '’',
  '“': '”“',
  '”': '”',
  '„': '“”',
  '«': '»',
  '‹': '›',
};
const QUOTED = '"[…]"';
const ALNUM = /[\p{L}\p{N}]/u;

function isAlnum(ch: string | undefined): boolean {
  return ch !== undefined && ALNUM.test(ch);
}

function redactQuotes(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const closers = QUOTE_CLOSERS[ch];
    if (!closers || isAlnum(text[i - 1])) {
      out += ch;
      i += 1;
      continue;
    }
    let end = -1;
    for (let k = i + 1; k < text.length; k++) {
      const c = text[k]!;
      if (c === '\n' || c === '\r') break;
      if (closers.includes(c) && !isAlnum(text[k + 1])) {
        end = k;
        break;
      }
    }
    if (end === -1) {
      // No closing mark on this line: the rest of the line may be the quoted value.
      let eol = i + 1;
      while (eol < text.length && text[eol] !== '\n' && text[eol] !== '\r') eol++;
      if (eol - (i + 1) > 1) {
        out += QUOTED;
        i = eol;
      } else {
        out += ch;
        i += 1;
      }
      continue;
    }
    if (end - (i + 1) > 1) {
      out += QUOTED;
      i = end + 1;
    } else {
      out += text.slice(i, end + 1);
      i = end + 1;
    }
  }
  return out;
}

/**
 * Removes recognisable personal data from free text before it is logged. Idempotent.
 * - e-mail addresses → `[E-POSTA]`
 * - anything in quotes ('…', "…", `…`, ‘…’, “…”, „…“, «…», ‹…›) longer than one character → `"[…]"`
 * - the user segment of a home-folder path (`C:\Users\ayse.yilmaz\…`, `/home/ayse/…`, `/Users/ayse/…`) →
 *   `[KULLANICI]`; the rest of the path (the app's own folders) is kept for support
 * - Turkish IBANs → `[IBAN]`
 * - Turkish phone numbers (+90 532 123 45 67, 0532 123 45 67, 0 (312) 123 45 67, 05321234567, 5321234567…) →
 *   `[TEL]`; ten bare digits not starting with 5 are kept (a VKN is not personal data)
 * - every run of exactly 11 digits, also written in groups (`123 456 789 01`, `123.456.789.01`) → `[TC]`
 * Over-redaction is accepted: an 11-digit run inside a hash is replaced too.
 */
export function redact(text: string): string {
  if (!text) return text;
  let out = text.replace(EMAIL, '[E-POSTA]');
  out = redactQuotes(out);
  out = out.replace(WINDOWS_HOME, '$1[KULLANICI]').replace(POSIX_HOME, '$1[KULLANICI]');
  out = out.replace(IBAN, '[IBAN]');
  out = out.replace(PHONE, redactPhone);
  out = out.replace(ELEVEN_DIGITS, '[TC]');
  out = out.replace(DIGIT_GROUPS, redactDigitGroups);
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// describeError

function truncate(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1) + '…';
}

/** Collapses whitespace, redacts, then truncates (redaction first, so no TC is cut into a shorter run). */
function cleanText(text: string, max = MAX_VALUE_CHARS): string {
  return truncate(redact(text.slice(0, MAX_INPUT_CHARS).replace(/\s+/g, ' ').trim()), max);
}

function codeLike(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return redact(String(value));
  if (typeof value !== 'string') return undefined;
  return /^[\w.:-]{1,64}$/.test(value) ? redact(value) : undefined;
}

function nameLike(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const name = value.replace(/[^\w$.-]/g, '').slice(0, 60);
  return name || undefined;
}

// `    at fn (/path/file.js:12:5)`, `    at /path/file.js:12:5`, `    at async fn (file:///C:/x/file.js:1:2)`.
const FRAME = /^\s*at (?:(.+?) \()?(.+?):(\d+):(\d+)\)?\s*$/;

function stackFrames(stack: unknown): string[] {
  if (typeof stack !== 'string') return [];
  const frames: string[] = [];
  for (const line of stack.split('\n')) {
    if (frames.length >= MAX_FRAMES) break;
    const m = FRAME.exec(line);
    if (!m) continue;
    const fn = (m[1] ?? '').replace(/^(?:async|new) /, '').replace(/[^\w$.<>]/g, '').slice(0, 60);
    const file = (m[2] ?? '').split(/[\\/]/).pop()!.slice(0, 60);
    const frame = `${file}:${m[3]}:${m[4]}${fn ? `(${fn})` : ''}`;
    frames.push(redact(frame));
  }
  return frames;
}

function read(obj: object, key: string): unknown {
  try {
    return (obj as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

/**
 * What may be logged of a thrown value: its name, its code, the name of its cause, its message (redacted) and
 * the file:line of its stack frames — never the message lines of the stack, never other properties
 * (an AppError's `issues`, a SqliteError's SQL text).
 */
export function describeError(error: unknown): ErrorDescription {
  if (typeof error === 'object' && error !== null && ('message' in error || 'stack' in error)) {
    const message = read(error, 'message');
    const cause = read(error, 'cause');
    const code = codeLike(read(error, 'code'));
    const causeName =
      typeof cause === 'object' && cause !== null && 'message' in cause ? nameLike(read(cause, 'name')) ?? 'Error' : undefined;
    return {
      errorName: nameLike(read(error, 'name')) ?? 'Error',
      ...(code ? { errorCode: code } : {}),
      ...(causeName ? { causeName } : {}),
      message: typeof message === 'string' ? cleanText(message) : '',
      frames: stackFrames(read(error, 'stack')),
    };
  }
  if (typeof error === 'string') return { errorName: 'NonError', message: cleanText(error), frames: [] };
  return { errorName: 'NonError', message: error === null ? 'null' : typeof error, frames: [] };
}

// ---------------------------------------------------------------------------------------------------------
// formatting

function formatValue(value: unknown): string | undefined {
  let text: string;
  switch (typeof value) {
    case 'undefined':
      return undefined;
    case 'string':
      text = cleanText(value);
      break;
    case 'number':
      text = Number.isInteger(value) || !Number.isFinite(value) ? String(value) : String(Math.round(value * 100) / 100);
      text = redact(text);
      break;
    case 'bigint':
      text = redact(String(value));
      break;
    case 'boolean':
      text = String(value);
      break;
    case 'object':
      if (value === null) text = 'null';
      else if (value instanceof Error) text = nameLike(value.name) ?? 'Error';
      else text = Array.isArray(value) ? `[array:${value.length}]` : '[object]';
      break;
    default:
      text = `[${typeof value}]`;
  }
  if (text === '') return '""';
  // No quotation marks around values: `redact` would take a quoted value for personal data.
  return /[\s=]/.test(text) ? `{${text}}` : text;
}

function pair(key: string, value: unknown): string | null {
  const k = key.replace(/[^\w.-]/g, '').slice(0, 40);
  const v = formatValue(value);
  return k && v !== undefined ? `${k}=${v}` : null;
}

/** `errorName=… errorCode=… causeName=… message={…} frames=x.js:1:2(fn),y.js:3:4` */
export function formatError(error: unknown): string {
  const d = describeError(error);
  const parts = [
    pair('errorName', d.errorName),
    d.errorCode ? pair('errorCode', d.errorCode) : null,
    d.causeName ? pair('causeName', d.causeName) : null,
    d.message ? pair('message', d.message) : null,
    d.frames.length ? `frames=${d.frames.join(',')}` : null,
  ];
  return parts.filter((p): p is string => p !== null).join(' ');
}

function truncateBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  const cut = Buffer.from(text, 'utf8').subarray(0, maxBytes - 3).toString('utf8').replace(/\uFFFD+$/, '');
  return cut + '…';
}

/** `event key=value key={value with spaces} … errorName=… message={…} frames=…`, redacted, at most 2 KB. */
export function formatEntry(event: string, details?: LogDetails): string {
  const parts = [cleanText(event, 100).replace(/\s/g, '_') || 'event'];
  let error: unknown;
  let hasError = false;
  if (details) {
    for (const [key, value] of Object.entries(details)) {
      if (key === 'error') {
        error = value;
        hasError = value !== undefined;
        continue;
      }
      const p = pair(key, value);
      if (p) parts.push(p);
    }
  }
  if (hasError) parts.push(formatError(error));
  return truncateBytes(parts.join(' '), MAX_LINE_BYTES);
}

// ---------------------------------------------------------------------------------------------------------
// logger and sinks

/** A logger that formats `event key=value …` entries, redacted and bounded, and never throws. */
export function createLogger(sink: LogSink): Logger {
  const emit = (level: LogLevel, event: string, details?: LogDetails): void => {
    let line: string;
    try {
      line = formatEntry(event, details);
    } catch {
      line = 'log.formatFailed';
    }
    try {
      sink.write(level, line);
    } catch {
      // A failing log must never fail the operation that logged.
    }
  };
  return {
    error: (event, details) => emit('error', event, details),
    warn: (event, details) => emit('warn', event, details),
    info: (event, details) => emit('info', event, details),
  };
}

/** Lines to stderr, for the CLI and the harness (stdout carries their output). */
export const consoleSink: LogSink = {
  write(level, message) {
    try {
      process.stderr.write(`${new Date().toISOString()} [${level}] ${redact(message)}\n`);
    } catch {
      // stderr closed: nothing to do.
    }
  },
};

export interface LogEntry {
  level: LogLevel;
  message: string;
}

export interface MemorySink extends LogSink {
  /** The entries written so far, oldest first; at most `limit` (the oldest are dropped). */
  readonly entries: LogEntry[];
  /** Returns the entries and empties the sink (to post them to another thread). */
  drain(): LogEntry[];
}

/** Entries in an array: for tests, and to carry a worker thread's entries to the thread that writes files. */
export function memorySink(limit = 1000): MemorySink {
  const entries: LogEntry[] = [];
  return {
    entries,
    write(level, message) {
      entries.push({ level, message: redact(message) });
      if (entries.length > limit) entries.splice(0, entries.length - limit);
    },
    drain() {
      return entries.splice(0, entries.length);
    },
  };
}
