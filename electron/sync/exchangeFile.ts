import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { unpackChanges } from '../../db/sync/engine';
import { decodeExchange, DecoderFailure, type DecodedItem, type DecodeFailure } from './exchangeDecoder';
import { ed25519Public, x25519Public } from './keys';
import { AppError, msg, renderMsg, type ErrorKey, type MessageParams, type Msg } from '../../shared/contract';

// The `.kopru` exchange file, written and read as streams so memory does not grow with its size:
//
//   "KOPRU-EXCHANGE 1\n"                      magic
//   <header JSON>\n                          sender, recipient, created at, ephemeral X25519 key, IV
//   <AES-256-GCM ciphertext of gzip(NDJSON)> the manifest line, change lines, blob lines, an end line
//   <16-byte GCM tag><64-byte Ed25519 signature over SHA-256 of everything before it>
//
// Encrypted for the recipient (ephemeral-static X25519 → HKDF-SHA-256 → AES-256-GCM), signed by the
// sender. Reading verifies the signature over the whole file before a single line is decrypted.

export const MAGIC = 'KOPRU-EXCHANGE 1\n';
/** 2: each origin's changes come in signed segments (origins.ts); files of version 1 carry none. */
export const FORMAT_VERSION = 2;
const TAG_BYTES = 16;
const SIGNATURE_BYTES = 64;
export const MAX_FILE_BYTES = 4 * 1024 * 1024 * 1024;
export const MAX_PLAINTEXT_BYTES = 16 * 1024 * 1024 * 1024;
export const MAX_LINE_BYTES = 64 * 1024 * 1024;

export interface FileHeader {
  format: number;
  sender: string;
  recipient: string;
  createdAt: string;
  ephemeralKey: string;
  iv: string;
}

/** Why a file is refused. Every kind gets a message (a catalogue key) that says what to do; nothing was changed. */
export type RefusalKind = 'not-kopru' | 'damaged' | 'bad-signature' | 'forged' | 'wrong-recipient' | 'unknown-sender' | 'newer-schema' | 'too-large' | 'stale-format';

/** `message` is the Turkish (logs, the CLI); `reason` travels to the screens, which word it in their language. */
export class ExchangeRefusal extends Error {
  constructor(
    readonly kind: RefusalKind,
    readonly reason: Msg,
  ) {
    super(renderMsg(reason));
    this.name = 'ExchangeRefusal';
  }
}

/** A refusal as the envelope carries it: a VALIDATION error on the file the person chose. */
export function refusalError(refused: ExchangeRefusal): AppError {
  return new AppError('VALIDATION', refused.reason, [{ path: 'path', label: 'Dosya', message: refused.reason }]);
}

const refusal = (kind: RefusalKind, key: ErrorKey, params?: MessageParams) => new ExchangeRefusal(kind, msg(key, params));

function deriveKey(shared: Buffer, header: Omit<FileHeader, 'iv'> & { iv?: string }): Buffer {
  const info = Buffer.from(`kopru-exchange-v1|${header.sender}|${header.recipient}|${header.createdAt}`);
  return Buffer.from(crypto.hkdfSync('sha256', shared, Buffer.from(header.ephemeralKey, 'base64'), info, 32));
}

export interface WriteOptions {
  header: Omit<FileHeader, 'format' | 'ephemeralKey' | 'iv'>;
  recipientBoxKey: string;
  signingKey: crypto.KeyObject;
  /**
   * The plaintext lines (objects), produced lazily; an array is a batch of lines (an async iterable costs a
   * promise per item: a batch of a thousand changes costs one).
   */
  lines: AsyncIterable<unknown> | Iterable<unknown>;
}

/** Plaintext bytes per chunk handed to gzip while a file is written. */
const CHUNK_BYTES = 256 * 1024;

/** Writes the file atomically: to a temporary name, fsync, then rename; an existing file is never replaced. */
export async function writeExchangeFile(target: string, options: WriteOptions): Promise<{ bytes: number; sha256: string }> {
  if (fs.existsSync(target)) throw new Error(`Bu adla bir dosya zaten var: ${path.basename(target)}. Değişim dosyaları üzerine yazılmaz; başka bir ad seçin.`);
  const ephemeral = crypto.generateKeyPairSync('x25519');
  const ephemeralKey = ephemeral.publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64');
  const iv = crypto.randomBytes(12);
  const header: FileHeader = { format: FORMAT_VERSION, ...options.header, ephemeralKey, iv: iv.toString('base64') };
  const shared = crypto.diffieHellman({ privateKey: ephemeral.privateKey, publicKey: x25519Public(options.recipientBoxKey) });
  const cipher = crypto.createCipheriv('aes-256-gcm', deriveKey(shared, header), iv);
  const temp = `${target}.${crypto.randomBytes(6).toString('hex')}.part`;
  const hash = crypto.createHash('sha256');
  const fileHash = crypto.createHash('sha256');
  const out = fs.createWriteStream(temp, { flags: 'wx', mode: 0o600 });
  let bytes = 0;
  const write = (chunk: Buffer) => {
    hash.update(chunk);
    fileHash.update(chunk);
    bytes += chunk.length;
    return chunk;
  };
  try {
    const prefix = Buffer.from(MAGIC + JSON.stringify(header) + '\n');
    // Lines are batched into 256 KiB chunks: one stream chunk per line would cost more than the JSON. Each
    // line is written into the chunk's buffer at once, so its text dies young; a string of the whole chunk
    // built line by line lived through collections and was promoted, growing the heap with the file.
    const source = Readable.from(
      (async function* () {
        let chunk = Buffer.allocUnsafe(CHUNK_BYTES);
        let used = 0;
        for await (const item of options.lines) {
          for (const line of Array.isArray(item) ? item : [item]) {
            const text = JSON.stringify(line) + '\n';
            // A UTF-16 unit takes at most three bytes in UTF-8.
            if (used > 0 && used + text.length * 3 > CHUNK_BYTES) {
              yield chunk.subarray(0, used);
              chunk = Buffer.allocUnsafe(CHUNK_BYTES);
              used = 0;
            }
            if (text.length * 3 > CHUNK_BYTES) yield Buffer.from(text);
            else used += chunk.write(text, used);
          }
        }
        if (used > 0) yield chunk.subarray(0, used);
      })(),
    );
    const tap = new Transform({ transform: (chunk: Buffer, _e, done) => done(null, write(chunk)) });
    out.write(write(prefix));
    await pipeline(source, zlib.createGzip({ level: 6 }), cipher, tap, out, { end: false });
    const tag = write(cipher.getAuthTag());
    const signature = crypto.sign(null, hash.digest(), options.signingKey);
    fileHash.update(signature);
    await new Promise<void>((resolve, reject) => out.end(Buffer.concat([tag, signature]), () => resolve()).on('error', reject));
    bytes += SIGNATURE_BYTES;
    const fd = fs.openSync(temp, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    if (fs.existsSync(target)) throw new Error(`Bu adla bir dosya zaten var: ${path.basename(target)}.`);
    fs.renameSync(temp, target);
  } catch (error) {
    out.destroy();
    fs.rmSync(temp, { force: true });
    throw error;
  }
  return { bytes, sha256: fileHash.digest('hex') };
}

/** Reads the magic and header line without trusting anything else yet. */
export function readHeader(file: string): { header: FileHeader; offset: number; size: number } {
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new Error('not a file');
    size = stat.size;
  } catch {
    throw refusal('not-kopru', 'sync.refusal.cannotOpen');
  }
  if (size > MAX_FILE_BYTES) throw refusal('too-large', 'sync.refusal.tooLarge');
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(Math.min(size, 8192));
    fs.readSync(fd, head, 0, head.length, 0);
    if (!head.subarray(0, MAGIC.length).equals(Buffer.from(MAGIC))) throw refusal('not-kopru', 'sync.refusal.notKopru');
    const end = head.indexOf(10, MAGIC.length);
    if (end < 0) throw refusal('damaged', 'sync.refusal.headerBrokenOrShort');
    let header: FileHeader;
    try {
      header = JSON.parse(head.subarray(MAGIC.length, end).toString('utf8')) as FileHeader;
    } catch {
      throw refusal('damaged', 'sync.refusal.headerBroken');
    }
    const b64Bytes = (v: unknown) => (typeof v === 'string' && /^[A-Za-z0-9+/]+={0,2}$/.test(v) ? Buffer.from(v, 'base64').length : -1);
    if (
      typeof header !== 'object' || !header || Array.isArray(header) || typeof header.sender !== 'string' || typeof header.recipient !== 'string' ||
      typeof header.createdAt !== 'string' || b64Bytes(header.ephemeralKey) !== 32 || b64Bytes(header.iv) !== 12 || typeof header.format !== 'number'
    ) {
      throw refusal('damaged', 'sync.refusal.headerIncomplete');
    }
    if (header.format < FORMAT_VERSION) {
      throw refusal('stale-format', 'sync.refusal.olderFormat', { format: String(header.format) });
    }
    if (header.format !== FORMAT_VERSION) throw refusal('stale-format', 'sync.refusal.unknownFormat', { format: String(header.format) });
    const offset = end + 1;
    if (size <= offset + TAG_BYTES + SIGNATURE_BYTES) throw refusal('damaged', 'sync.refusal.truncated');
    return { header, offset, size };
  } finally {
    fs.closeSync(fd);
  }
}

/** Verifies the Ed25519 signature over the whole file (streamed). */
export async function verifySignature(file: string, size: number, signPublicKey: string): Promise<void> {
  const hash = crypto.createHash('sha256');
  await pipeline(fs.createReadStream(file, { start: 0, end: size - SIGNATURE_BYTES - 1 }), hash);
  const signature = Buffer.alloc(SIGNATURE_BYTES);
  const fd = fs.openSync(file, 'r');
  fs.readSync(fd, signature, 0, SIGNATURE_BYTES, size - SIGNATURE_BYTES);
  fs.closeSync(fd);
  let ok: boolean;
  try {
    ok = crypto.verify(null, hash.digest(), ed25519Public(signPublicKey), signature);
  } catch {
    ok = false;
  }
  if (!ok) throw refusal('bad-signature', 'sync.refusal.badSignature');
}

/** Files from this size on are decoded on a worker thread (see exchangeDecoder.ts). */
export const WORKER_DECODE_MIN_BYTES = 1024 * 1024;

const FAILURES: Record<DecodeFailure, () => ExchangeRefusal> = {
  'too-large': () => refusal('too-large', 'sync.refusal.contentTooLarge'),
  'line-too-long': () => refusal('too-large', 'sync.refusal.lineTooLong'),
  unreadable: () => refusal('damaged', 'sync.refusal.unreadableRecord'),
  unexpected: () => refusal('damaged', 'sync.refusal.unexpectedRecord'),
  'bad-change': () => refusal('damaged', 'sync.refusal.badChange'),
  'bad-segment': () =>
    refusal('forged', 'sync.refusal.badSegment'),
  undecryptable: () => refusal('damaged', 'sync.refusal.undecryptable'),
};

/**
 * Decrypts and yields the plaintext lines in batches: line objects, and change lines packed (PackedChanges),
 * already checked for shape. The GCM tag is checked when the stream
 * ends; callers apply inside a transaction and roll back if iteration throws. A line that cannot be read is refused after the
 * lines before it.
 */
export async function* readExchange(
  file: string, header: FileHeader, offset: number, size: number, boxPrivateKey: crypto.KeyObject,
  options: { worker?: boolean } = {},
): AsyncGenerator<DecodedItem[]> {
  let shared: Buffer;
  try {
    shared = crypto.diffieHellman({ privateKey: boxPrivateKey, publicKey: x25519Public(header.ephemeralKey) });
  } catch {
    throw refusal('damaged', 'sync.refusal.badKey');
  }
  const tag = Buffer.alloc(TAG_BYTES);
  const fd = fs.openSync(file, 'r');
  fs.readSync(fd, tag, 0, TAG_BYTES, size - SIGNATURE_BYTES - TAG_BYTES);
  fs.closeSync(fd);
  const input = {
    file, start: offset, end: size - SIGNATURE_BYTES - TAG_BYTES - 1, key: deriveKey(shared, header), iv: Buffer.from(header.iv, 'base64'), tag,
    maxPlaintextBytes: MAX_PLAINTEXT_BYTES, maxLineBytes: MAX_LINE_BYTES,
  };
  try {
    yield* decodeExchange(input, { worker: options.worker ?? size >= WORKER_DECODE_MIN_BYTES });
  } catch (error) {
    if (error instanceof DecoderFailure) throw FAILURES[error.kind]();
    throw error;
  }
}

/**
 * readExchange with every line as an object, as written (change lines as { t: 'c', table, row, … }; a
 * segment line as { t: 's', origin, first, last, signature } with the `digest` the decoder computed).
 */
export async function* readLines(file: string, header: FileHeader, offset: number, size: number, boxPrivateKey: crypto.KeyObject, options: { worker?: boolean } = {}): AsyncGenerator<Record<string, unknown>> {
  for await (const batch of readExchange(file, header, offset, size, boxPrivateKey, options)) {
    for (const item of batch) {
      if (!Array.isArray(item)) {
        yield item.t === 'd' ? { ...item, t: 's' } : item;
        continue;
      }
      const changes: Record<string, unknown>[] = [];
      unpackChanges(item, (e) => changes.push({ t: 'c', ...e }));
      yield* changes;
    }
  }
}

/** SHA-256 of a whole file, streamed (for the ledger and duplicate-file recognition). */
export async function fileSha256(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}
