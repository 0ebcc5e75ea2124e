import crypto from 'node:crypto';
import { promisify } from 'node:util';

// Password hashes (issue #16): scrypt from node:crypto, memory-hard (N = 2^15, r = 8: 32 MiB and ~0.2 s per
// try), with a random salt per account, stored as `scrypt$N$r$p$salt$hash` so the cost can rise later without
// losing the accounts hashed before.

const scrypt = promisify(crypto.scrypt) as (password: string, salt: Buffer, keylen: number, options: crypto.ScryptOptions) => Promise<Buffer>;

const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const maxmem = (n: number, r: number) => 256 * n * r;

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const hash = await scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { N, r: R, p: P, maxmem: maxmem(N, R) });
  return ['scrypt', N, R, P, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** True when the password matches; a damaged or unknown hash never matches. Constant time in the comparison. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [n, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![n, r, p].every((v) => Number.isInteger(v) && v > 0) || n > 2 ** 20 || r > 32 || p > 16) return false;
  const salt = Buffer.from(parts[4]!, 'base64');
  const expected = Buffer.from(parts[5]!, 'base64');
  if (salt.length < 8 || expected.length !== KEY_LENGTH) return false;
  const actual = await scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { N: n, r, p, maxmem: maxmem(n, r) });
  return crypto.timingSafeEqual(actual, expected);
}

/** A hash no password matches, checked for names without an account: a wrong name takes as long as a wrong password. */
let decoy: Promise<string> | null = null;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(crypto.randomBytes(18).toString('base64'));
  return decoy;
}
