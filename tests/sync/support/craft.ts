import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { FORMAT_VERSION, MAGIC } from '../../../electron/sync/exchangeFile';
import { x25519Public } from '../../../electron/sync/keys';

// Taking `.kopru` files apart and putting them back together, for tests that need files no honest
// installation would write: re-signed after tampering, signed by the wrong node, or carrying bad content
// under a valid signature and valid encryption.

export const TAG_BYTES = 16;
export const SIGNATURE_BYTES = 64;

export interface FileParts {
  /** Magic plus header line, including its newline. */
  prefix: Buffer;
  header: Record<string, unknown>;
  headerText: string;
  ciphertext: Buffer;
  tag: Buffer;
  signature: Buffer;
}

export function parseParts(file: Buffer): FileParts {
  if (!file.subarray(0, MAGIC.length).equals(Buffer.from(MAGIC))) throw new Error('not a .kopru file');
  const end = file.indexOf(10, MAGIC.length);
  const headerText = file.subarray(MAGIC.length, end).toString('utf8');
  const tagStart = file.length - SIGNATURE_BYTES - TAG_BYTES;
  return {
    prefix: file.subarray(0, end + 1),
    header: JSON.parse(headerText) as Record<string, unknown>,
    headerText,
    ciphertext: file.subarray(end + 1, tagStart),
    tag: file.subarray(tagStart, file.length - SIGNATURE_BYTES),
    signature: file.subarray(file.length - SIGNATURE_BYTES),
  };
}

export function prefixFor(headerText: string): Buffer {
  return Buffer.from(MAGIC + headerText + '\n');
}

/** Appends an Ed25519 signature over SHA-256 of `unsigned` (what the format signs). */
export function sign(unsigned: Buffer, key: crypto.KeyObject): Buffer {
  const digest = crypto.createHash('sha256').update(unsigned).digest();
  return Buffer.concat([unsigned, crypto.sign(null, digest, key)]);
}

/** Everything but the signature. */
export function unsignedPart(file: Buffer): Buffer {
  return file.subarray(0, Math.max(0, file.length - SIGNATURE_BYTES));
}

export interface CraftOptions {
  sender: string;
  recipient: string;
  createdAt: string;
  recipientBoxKey: string;
  signingKey: crypto.KeyObject;
  /** The bytes that are encrypted (normally gzip of NDJSON; anything for tests). */
  payload: Buffer;
  /** Further header fields (senderKey, senderCard). */
  extraHeader?: Record<string, unknown>;
}

/** A correctly encrypted and signed file around an arbitrary payload. */
export function craftFile(options: CraftOptions): Buffer {
  const ephemeral = crypto.generateKeyPairSync('x25519');
  const ephemeralKey = ephemeral.publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64');
  const iv = crypto.randomBytes(12);
  const header = { format: FORMAT_VERSION, sender: options.sender, recipient: options.recipient, createdAt: options.createdAt, ...options.extraHeader, ephemeralKey, iv: iv.toString('base64') };
  const shared = crypto.diffieHellman({ privateKey: ephemeral.privateKey, publicKey: x25519Public(options.recipientBoxKey) });
  const info = Buffer.from(`kopru-exchange-v1|${header.sender}|${header.recipient}|${header.createdAt}`);
  const key = Buffer.from(crypto.hkdfSync('sha256', shared, Buffer.from(ephemeralKey, 'base64'), info, 32));
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(options.payload), cipher.final()]);
  return sign(Buffer.concat([prefixFor(JSON.stringify(header)), ciphertext, cipher.getAuthTag()]), options.signingKey);
}

export function ndjson(lines: readonly unknown[]): Buffer {
  return Buffer.from(lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l)) + '\n').join(''));
}

export const gzip = (data: Buffer): Buffer => zlib.gzipSync(data, { level: 6 });

/** Seeded PRNG (mulberry32): the same seed gives the same variants on every machine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Rng {
  next(): number;
  int(maxExclusive: number): number;
  range(min: number, maxInclusive: number): number;
  pick<T>(items: readonly T[]): T;
  bytes(n: number): Buffer;
  chance(p: number): boolean;
}

export function rng(seed: number): Rng {
  const next = mulberry32(seed);
  const int = (max: number) => Math.floor(next() * max);
  return {
    next,
    int,
    range: (min, max) => min + int(max - min + 1),
    pick: (items) => items[int(items.length)]!,
    bytes: (n) => Buffer.from(Array.from({ length: n }, () => int(256))),
    chance: (p) => next() < p,
  };
}
