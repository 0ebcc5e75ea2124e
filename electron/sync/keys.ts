import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { KEY_FILE } from '../app/identity';

// This installation's keys: Ed25519 (identity.key) signs what it sends; X25519 (box.key) is what senders
// encrypt exchange files to. Both private keys stay in the data folder (mode 0600).

export const BOX_KEY_FILE = 'box.key';

export function signingKey(dataDir: string): crypto.KeyObject {
  return crypto.createPrivateKey(fs.readFileSync(path.join(dataDir, KEY_FILE), 'utf8'));
}

export function rawPublic(key: crypto.KeyObject): string {
  return key.export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64');
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

/** The X25519 key pair, created on first use (installations set up before the exchange existed get one too). */
export function boxKeyPair(dataDir: string): { privateKey: crypto.KeyObject; publicKey: string } {
  const file = path.join(dataDir, BOX_KEY_FILE);
  if (!fs.existsSync(file)) {
    const { privateKey } = crypto.generateKeyPairSync('x25519');
    try {
      fs.writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
    }
  }
  const privateKey = crypto.createPrivateKey(fs.readFileSync(file, 'utf8'));
  return { privateKey, publicKey: rawPublic(crypto.createPublicKey(privateKey)) };
}
