import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError, msg } from '../../shared/contract';
import { KEY_FILE } from '../app/identity';
import { BOX_KEY_FILE, rawPublic } from '../app/keyFiles';
import { unwrapKeyText } from '../app/keyWrap';

// This installation's keys: Ed25519 (identity.key) signs what it sends; X25519 (box.key) is what senders
// encrypt exchange files to. Both private keys stay in the data folder (mode 0600), wrapped under the data key. They are created at setup
// (box.key, for an installation set up before the exchange existed, at its first open) and checked at every
// open (electron/app/keyFiles.ts); here they are only read, never created.

export { BOX_KEY_FILE, rawPublic };

/** A key file that went missing or bad while the app ran: a clear refusal, never INTERNAL (checked again at the next start). */
function readKey(dataDir: string, dataKey: Buffer, file: string, type: 'ed25519' | 'x25519'): crypto.KeyObject {
  let key: crypto.KeyObject | null;
  try {
    const unwrapped = unwrapKeyText(dataKey, file, fs.readFileSync(path.join(dataDir, file), 'utf8'));
    key = unwrapped.ok ? crypto.createPrivateKey(unwrapped.text) : null;
  } catch {
    key = null;
  }
  if (!key || key.asymmetricKeyType !== type) {
    throw new AppError('KEYS_UNAVAILABLE', msg('sync.keyFileUnusable', { file }));
  }
  return key;
}

/** The data key the key files are wrapped under is the database's (db.key). */
export function signingKey(dataDir: string, dataKey: Buffer): crypto.KeyObject {
  return readKey(dataDir, dataKey, KEY_FILE, 'ed25519');
}


/** X25519 public key object from its raw base64 form. */
export function x25519Public(raw: string): crypto.KeyObject {
  const prefix = Buffer.from('302a300506032b656e032100', 'hex');
  return crypto.createPublicKey({ key: Buffer.concat([prefix, Buffer.from(raw, 'base64')]), format: 'der', type: 'spki' });
}

export function ed25519Public(raw: string): crypto.KeyObject {
  const prefix = Buffer.from('302a300506032b6570032100', 'hex');
  return crypto.createPublicKey({ key: Buffer.concat([prefix, Buffer.from(raw, 'base64')]), format: 'der', type: 'spki' });
}

/** The X25519 key pair in box.key. */
export function boxKeyPair(dataDir: string, dataKey: Buffer): { privateKey: crypto.KeyObject; publicKey: string } {
  const privateKey = readKey(dataDir, dataKey, BOX_KEY_FILE, 'x25519');
  return { privateKey, publicKey: rawPublic(crypto.createPublicKey(privateKey)) };
}
