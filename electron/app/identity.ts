import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { unwrapKeyText, wrapKeyText } from './keyWrap';

// The installation's signing identity: an Ed25519 key pair. The public key and its fingerprint go in the
// database (and, later, into exchange files); the private key stays in a file only this user can read.

export const KEY_FILE = 'identity.key';

export interface KeyPair {
  publicKey: string;
  fingerprint: string;
}

/** SHA-256 of the raw public key, first 16 bytes as 8 groups of 4 hex digits: easy to read aloud and compare. */
export function fingerprintOf(publicKeyBase64: string): string {
  const digest = crypto.createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex');
  return digest.slice(0, 32).toUpperCase().match(/.{4}/g)!.join(' ');
}

export function newNodeId(): string {
  return crypto.randomBytes(8).toString('hex');
}

/**
 * Creates the key pair and writes the private key wrapped under the data key (electron/app/keyWrap.ts), mode
 * 0600; refuses to replace an existing key.
 */
export function createKeyPair(dataDir: string, dataKey: Buffer): KeyPair {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  const keyPath = path.join(dataDir, KEY_FILE);
  fs.writeFileSync(keyPath, wrapKeyText(dataKey, KEY_FILE, privateKey.export({ format: 'pem', type: 'pkcs8' }) as string), { mode: 0o600, flag: 'wx' });
  const publicKeyBase64 = raw.toString('base64');
  return { publicKey: publicKeyBase64, fingerprint: fingerprintOf(publicKeyBase64) };
}

export function hasKeyFile(dataDir: string): boolean {
  return fs.existsSync(path.join(dataDir, KEY_FILE));
}

/** The public key (raw, base64) of the data folder's signing key file, or null when there is none or it is unreadable. */
export function publicKeyOfKeyFile(dataDir: string, dataKey: Buffer): string | null {
  try {
    const unwrapped = unwrapKeyText(dataKey, KEY_FILE, fs.readFileSync(path.join(dataDir, KEY_FILE), 'utf8'));
    if (!unwrapped.ok) return null;
    const privateKey = crypto.createPrivateKey(unwrapped.text);
    return crypto.createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64');
  } catch {
    return null;
  }
}
