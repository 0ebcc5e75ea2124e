import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE, looksEncrypted } from '../../db/dataFiles';
import { MIN_PASSPHRASE, type KeyLockReason, type KeyringStatus } from '../../shared/contract/installation';

// The data key and how it is kept (issue #16; the key hierarchy is drawn in docs/ARCHITECTURE.md).
//
// One data key per installation (32 random bytes) encrypts the database, its WAL and its backups (db/cipher.ts).
// It never rests in the clear: keyring.json, in the data folder, holds it wrapped twice, and either wrapping
// opens it:
// - the OS slot, wrapped by the operating system's key store for this user (Electron's safeStorage: DPAPI on
//   Windows, the secret service on Linux), so the app opens without a question on the machine it was set up on;
// - the recovery slot, wrapped under a key derived from the administrator's recovery passphrase (scrypt,
//   memory-hard), for the kopru command line, for a new Windows profile or a reinstalled machine, and for a
//   copy of the data folder restored elsewhere.
// Losing one of the two loses nothing. The keyring carries no secret in the clear, so a copy of it is kept
// beside the key files in backups/keys (a folder copied without it cannot be opened).

export const KEYRING_FILE = 'keyring.json';
export const KEYRING_COPY = path.join('backups', 'keys', KEYRING_FILE);

/** Wraps and unwraps secrets with a key the operating system keeps for the user. */
export interface KeyProtector {
  /** What protects the OS slot: `safeStorage` in the desktop app, `stand-in` in the harness and tests. */
  readonly kind: 'safeStorage' | 'stand-in';
  protect(secret: Buffer): Buffer;
  unprotect(wrapped: Buffer): Buffer;
}

interface RecoverySlot {
  kdf: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  iv: string;
  tag: string;
  data: string;
}

interface KeyringFile {
  format: 'kopru-keyring';
  version: 1;
  /** HMAC of a fixed label under the data key: tells the right key from a wrong one before the database is read. */
  check: string;
  createdAt: string;
  os: { kind: KeyProtector['kind']; blob: string } | null;
  recovery: (RecoverySlot & { setAt: string }) | null;
}

export type { KeyLockReason };

/** The installation's data key: 32 bytes (db/cipher.ts). */
type DataKey = Buffer;

export type KeyResolution =
  | { ok: true; key: DataKey; created: boolean; via: 'os' | 'passphrase' | 'new' }
  | { ok: false; reason: KeyLockReason; hasCopy: boolean };

export interface KeySource {
  protector?: KeyProtector | null;
  passphrase?: string | null;
}


// OWASP's scrypt setting (N = 2^17, r = 8, p = 1): 128 MiB and about a third of a second per try here.
const SCRYPT = { N: 1 << 17, r: 8, p: 1 };
const CHECK_LABEL = 'kopru keyring check v1';

function keyringPath(dataDir: string): string {
  return path.join(dataDir, KEYRING_FILE);
}

function checkOf(key: DataKey): string {
  return crypto.createHmac('sha256', key).update(CHECK_LABEL).digest('hex');
}

function derive(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }): Buffer {
  return crypto.scryptSync(passphrase.normalize('NFC'), salt, 32, { ...params, maxmem: 256 * params.N * params.r });
}

function sealRecovery(key: DataKey, passphrase: string, now: Date): KeyringFile['recovery'] {
  const salt = crypto.randomBytes(16);
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', derive(passphrase, salt, SCRYPT), iv);
  cipher.setAAD(Buffer.from('kopru recovery slot v1'));
  const data = Buffer.concat([cipher.update(key), cipher.final()]);
  return {
    kdf: 'scrypt',
    ...SCRYPT,
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
    setAt: now.toISOString(),
  };
}

/** The data key from the recovery slot, or null when the passphrase is not the one it was sealed with. */
function openRecovery(slot: RecoverySlot, passphrase: string): DataKey | null {
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', derive(passphrase, Buffer.from(slot.salt, 'base64'), slot), Buffer.from(slot.iv, 'base64'));
    decipher.setAAD(Buffer.from('kopru recovery slot v1'));
    decipher.setAuthTag(Buffer.from(slot.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(slot.data, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

function isKeyring(value: unknown): value is KeyringFile {
  const k = value as Partial<KeyringFile> | null;
  return !!k && k.format === 'kopru-keyring' && k.version === 1 && typeof k.check === 'string' && /^[0-9a-f]{64}$/.test(k.check);
}

function readKeyring(file: string): KeyringFile | 'missing' | 'damaged' {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return 'missing';
    throw error;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return isKeyring(parsed) ? parsed : 'damaged';
  } catch {
    return 'damaged';
  }
}

/** Writes the keyring atomically (temporary file, fsync, rename), owner-only where the OS has modes. */
function writeKeyring(file: string, keyring: KeyringFile): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.part`;
  fs.writeFileSync(temp, `${JSON.stringify(keyring, null, 2)}\n`, { mode: 0o600 });
  const fd = fs.openSync(temp, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
}

function keyringCopyPath(dataDir: string): string {
  return path.join(dataDir, KEYRING_COPY);
}

/** Keeps the copy in backups/keys equal to the keyring (it holds nothing in the clear). */
function keepCopy(dataDir: string, keyring: KeyringFile): void {
  writeKeyring(keyringCopyPath(dataDir), keyring);
}

function copyMatches(dataDir: string, check: string | null): boolean {
  const copy = readKeyring(keyringCopyPath(dataDir));
  return typeof copy === 'object' && (check === null || copy.check === check);
}

function unwrapOs(keyring: KeyringFile, protector: KeyProtector | null | undefined): DataKey | null {
  if (!keyring.os || !protector || keyring.os.kind !== protector.kind) return null;
  try {
    const key = protector.unprotect(Buffer.from(keyring.os.blob, 'base64'));
    return key.length === 32 && checkOf(key) === keyring.check ? key : null;
  } catch {
    return null;
  }
}

/**
 * The data folder's data key: unwrapped by the OS slot, else by the recovery passphrase; created (with the slots
 * the source can fill) for a folder that has never had one. Never creates a key where an encrypted database
 * already exists: a lost keyring is reported, not replaced.
 */
export function resolveDataKey(dataDir: string, source: KeySource, now = new Date()): KeyResolution {
  const file = keyringPath(dataDir);
  const keyring = readKeyring(file);
  const hasCopy = copyMatches(dataDir, typeof keyring === 'object' ? keyring.check : null);
  if (keyring === 'damaged') return { ok: false, reason: 'keyring-damaged', hasCopy };
  if (keyring === 'missing') {
    const dbPath = path.join(dataDir, DATABASE_FILE);
    // Never a new key for an encrypted database: its keyring is lost, and only a copy of it can open it.
    if (looksEncrypted(dbPath)) return { ok: false, reason: 'keyring-missing', hasCopy };
    if (!source.protector && !source.passphrase) return { ok: false, reason: 'needs-passphrase', hasCopy: false };
    if (source.passphrase && source.passphrase.length < MIN_PASSPHRASE) return { ok: false, reason: 'wrong-passphrase', hasCopy: false };
    const key = crypto.randomBytes(32);
    const created: KeyringFile = {
      format: 'kopru-keyring',
      version: 1,
      check: checkOf(key),
      createdAt: now.toISOString(),
      os: source.protector ? { kind: source.protector.kind, blob: source.protector.protect(key).toString('base64') } : null,
      recovery: source.passphrase ? sealRecovery(key, source.passphrase, now) : null,
    };
    writeKeyring(file, created);
    keepCopy(dataDir, created);
    return { ok: true, key, created: true, via: 'new' };
  }
  const viaOs = unwrapOs(keyring, source.protector);
  if (viaOs) return { ok: true, key: viaOs, created: false, via: 'os' };
  if (!keyring.recovery) return { ok: false, reason: 'no-way-in', hasCopy };
  if (!source.passphrase) return { ok: false, reason: 'needs-passphrase', hasCopy };
  const key = openRecovery(keyring.recovery, source.passphrase);
  if (!key || checkOf(key) !== keyring.check) return { ok: false, reason: 'wrong-passphrase', hasCopy };
  // Opened by the passphrase where the OS slot failed (a new profile, a restored folder): the OS slot is
  // rewrapped for this machine, so the next start asks nothing.
  if (source.protector) setOsSlot(dataDir, key, source.protector);
  return { ok: true, key, created: false, via: 'passphrase' };
}

export function keyringStatus(dataDir: string): KeyringStatus {
  const keyring = readKeyring(keyringPath(dataDir));
  if (typeof keyring !== 'object') return { osProtected: false, protector: null, recoverySetAt: null };
  return { osProtected: keyring.os !== null, protector: keyring.os?.kind ?? null, recoverySetAt: keyring.recovery?.setAt ?? null };
}

/** Sets (or changes) the recovery passphrase; the key must be this keyring's. */
export function setRecoveryPassphrase(dataDir: string, key: DataKey, passphrase: string, now = new Date()): void {
  const file = keyringPath(dataDir);
  const keyring = readKeyring(file);
  if (typeof keyring !== 'object' || keyring.check !== checkOf(key)) throw new Error('keyring does not hold this key');
  const updated: KeyringFile = { ...keyring, recovery: sealRecovery(key, passphrase, now) };
  writeKeyring(file, updated);
  keepCopy(dataDir, updated);
}

/** Wraps the data key for this machine's OS key store (after the recovery passphrase opened it). */
export function setOsSlot(dataDir: string, key: DataKey, protector: KeyProtector): void {
  const file = keyringPath(dataDir);
  const keyring = readKeyring(file);
  if (typeof keyring !== 'object' || keyring.check !== checkOf(key)) throw new Error('keyring does not hold this key');
  const updated: KeyringFile = { ...keyring, os: { kind: protector.kind, blob: protector.protect(key).toString('base64') } };
  writeKeyring(file, updated);
  keepCopy(dataDir, updated);
}

/** Puts the keyring's copy from backups/keys back in place (the keyring was lost or damaged). */
export function restoreKeyringCopy(dataDir: string): boolean {
  const copy = readKeyring(keyringCopyPath(dataDir));
  if (typeof copy !== 'object') return false;
  const file = keyringPath(dataDir);
  if (fs.existsSync(file)) fs.renameSync(file, `${file}.damaged-${Date.now()}`);
  writeKeyring(file, copy);
  return true;
}

/**
 * The stand-in for the OS key store where Electron's safeStorage does not exist: the browser harness and the
 * tests. A 32-byte key in a file outside the data folder (like the OS keeps its key outside it) wraps the data
 * key with AES-256-GCM. It is never used by the desktop app.
 */
export class FileKeyStore implements KeyProtector {
  readonly kind = 'stand-in' as const;
  constructor(private readonly dir: string) {}

  private machineKey(): Buffer {
    const file = path.join(this.dir, 'keystore.key');
    try {
      const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
      if (key.length !== 32) throw new Error(`${file} is not a key store key`);
      return key;
    } catch (error) {
      if ((error as { code?: string }).code !== 'ENOENT') throw error;
    }
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    // Written whole under a name of its own, then linked into place: two processes starting at once agree on
    // one key (the second link fails and it reads the first's), and nobody ever reads half a file.
    const key = crypto.randomBytes(32);
    const temp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}`;
    fs.writeFileSync(temp, key.toString('base64'), { mode: 0o600 });
    try {
      fs.linkSync(temp, file);
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
      return this.machineKey();
    } finally {
      fs.rmSync(temp, { force: true });
    }
    return key;
  }

  protect(secret: Buffer): Buffer {
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.machineKey(), iv);
    const data = Buffer.concat([cipher.update(secret), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), data]);
  }

  unprotect(wrapped: Buffer): Buffer {
    const decipher = crypto.createDecipheriv('aes-256-gcm', this.machineKey(), wrapped.subarray(0, 12));
    decipher.setAuthTag(wrapped.subarray(12, 28));
    return Buffer.concat([decipher.update(wrapped.subarray(28)), decipher.final()]);
  }
}
