import crypto from 'node:crypto';

// The key files (identity.key, box.key, secret.key) wrapped under the installation's data key (issue #16): a
// copy of the data folder without the keyring's passphrase or the OS key store yields no signing key, no
// exchange decryption key and no TC Kimlik No hashing secret. AES-256-GCM with the file's name as associated
// data (so one key file cannot be passed off as another), under a key derived from the data key:
//
//   KOPRU-WRAPPED-KEY v1 <key id>\n<base64(IV | tag | ciphertext)>\n
//
// The key id (from the data key) tells a file wrapped by another installation ("not this installation's") from
// a file whose bytes were damaged. Files written before wrapping (PEM or base64 text) are still read, and are
// wrapped in place once they have been checked (electron/app/keyFiles.ts).

const HEADER = 'KOPRU-WRAPPED-KEY v1';

function wrappingKey(dataKey: Buffer): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', dataKey, Buffer.alloc(0), 'kopru key files v1', 32));
}

function keyId(dataKey: Buffer): string {
  return crypto.createHmac('sha256', dataKey).update('kopru key files id v1').digest('hex').slice(0, 16);
}

export function isWrapped(content: string): boolean {
  return content.startsWith(`${HEADER} `);
}

export function wrapKeyText(dataKey: Buffer, fileName: string, text: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', wrappingKey(dataKey), iv);
  cipher.setAAD(Buffer.from(fileName));
  const data = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return `${HEADER} ${keyId(dataKey)}\n${Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64')}\n`;
}

export type Unwrapped = { ok: true; text: string; wrapped: boolean } | { ok: false; problem: 'damaged' | 'replaced' };

/** The key file's text: unwrapped, or as it is when it was written before wrapping. */
export function unwrapKeyText(dataKey: Buffer, fileName: string, content: string): Unwrapped {
  if (!isWrapped(content)) return { ok: true, text: content, wrapped: false };
  const [head, body] = content.split('\n');
  const id = head!.slice(HEADER.length + 1).trim();
  if (!/^[0-9a-f]{16}$/.test(id) || !body) return { ok: false, problem: 'damaged' };
  if (id !== keyId(dataKey)) return { ok: false, problem: 'replaced' };
  try {
    const bytes = Buffer.from(body.trim(), 'base64');
    const decipher = crypto.createDecipheriv('aes-256-gcm', wrappingKey(dataKey), bytes.subarray(0, 12));
    decipher.setAAD(Buffer.from(fileName));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return { ok: true, text: Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8'), wrapped: true };
  } catch {
    return { ok: false, problem: 'damaged' };
  }
}
