import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Identity, KeyError, KeyFile, KeyProblem, KeyProblemKind } from '../../shared/contract/installation';
import { BACKUPS_DIR } from '../../db/backups';
import { finishSealing, sealInPlace, wipeFile } from '../../db/dataFiles';
import type { OpenDatabase } from '../../db/open';
import { readSetting, writeSetting } from '../../db/settings/queries';
import { keyOf, msg, renderMsg, type ErrorKey, type MessageParams, type Msg } from '../../shared/contract';
import { KEY_FILE } from './identity';
import { isWrapped, unwrapKeyText, wrapKeyText } from './keyWrap';

// The installation's key files, checked every time the database opens (issue #16): a key is never silently
// created over one that existed, nor used when it is not this installation's.
//
// - identity.key (Ed25519) signs everything this installation sends; its public key is in `installation`.
// - box.key (X25519) is what other installations encrypt exchange files to; its public key is recorded in
//   `installation.box_public_key` when it is created (or, for an installation set up before that was
//   recorded, at the first open of this version).
// - secret.key (HMAC) keys the TC Kimlik No hashes used for duplicate detection; a check value (the HMAC of a
//   fixed label) is recorded in `local_settings` when it is created (or at the first open of this version).
//
// A file that is missing, is not a key, or is a sound key that does not match what the database recorded is
// reported (`KeyError`), and the backend writes nothing until it is put back. A key is created only where
// there never was one: box.key on an installation that has never published it (set up before the exchange
// existed), secret.key on one that has never hashed a TC Kimlik No. Every backup of the database also keeps
// a verified copy of the three files in `backups/keys/` (not encrypted, like the database backups beside
// them); the key screen offers to put a copy back.

export const BOX_KEY_FILE = 'box.key';
export const SECRET_FILE = 'secret.key';
/** Where the copies of the key files are kept: the keys never change, so one verified copy of each. */
export const KEY_COPIES_DIR = 'keys';

const SECRET_CHECK_SETTING = 'keys.secretCheck';
const SECRET_CHECK_LABEL = 'kopru secret.key check v1';

export function keyCopiesDir(dataDir: string): string {
  return path.join(dataDir, BACKUPS_DIR, KEY_COPIES_DIR);
}

// ------------------------------------------------------------------------------------------- reading keys

type Judged<T> = { ok: true; value: T } | { ok: false; problem: KeyProblemKind };

/** A public key's raw 32 bytes in base64, as intro cards and the node directory carry it. */
export function rawPublic(key: crypto.KeyObject): string {
  return key.export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64');
}

/** A PEM private key of the given type, or null when the text is not one. */
function privateKeyOf(text: string, type: 'ed25519' | 'x25519'): crypto.KeyObject | null {
  try {
    const key = crypto.createPrivateKey(text);
    return key.asymmetricKeyType === type ? key : null;
  } catch {
    return null;
  }
}

/** The secret as Köprü writes it: 32 random bytes in base64. Anything else is damage, never "a shorter key". */
function secretOf(text: string): Buffer | null {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/]{43}=$/.test(trimmed)) return null;
  return Buffer.from(trimmed, 'base64');
}

export function secretCheckOf(secret: Buffer): string {
  return crypto.createHmac('sha256', secret).update(SECRET_CHECK_LABEL).digest('hex');
}

function hmacHex(secret: Buffer, text: string): string {
  return crypto.createHmac('sha256', secret).update(text).digest('hex');
}

function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return null;
    throw error;
  }
}

/** What the database knows about this installation's keys, to judge the files by. */
interface Records {
  signPublicKey: string;
  /** box.key's public key, as recorded when it was created. */
  boxPublicKey: string | null;
  /** The box key has left this machine: in an introduction, an exchange file, or a parent's vouch for us. */
  boxPublished: boolean;
  secretCheck: string | null;
  /** A stored TC Kimlik No and its hash: proof of the secret for an installation without a check value yet. */
  secretSample: { tc: string; hash: string } | null;
  /** Some TC Kimlik No was hashed with the secret. */
  secretUsed: boolean;
  /** The data key the files are wrapped under (electron/app/keyWrap.ts). */
  dataKey: Buffer;
}

function readRecords(db: OpenDatabase, identity: Identity): Records {
  const box = db.stmt('SELECT box_public_key AS key FROM installation WHERE id = 1').get() as { key: string | null } | undefined;
  const published =
    db.stmt("SELECT 1 FROM sync_ledger WHERE direction IN ('introduce', 'export', 'import') LIMIT 1").get() !== undefined ||
    db.stmt('SELECT 1 FROM sync_nodes WHERE sign_public_key = ? LIMIT 1').get(identity.publicKey) !== undefined;
  const secretCheck = readSetting(db, SECRET_CHECK_SETTING);
  const sample = secretCheck
    ? undefined
    : (db.stmt('SELECT tc_kimlik_no AS tc, tc_hash AS hash FROM association_people WHERE tc_hash IS NOT NULL AND tc_kimlik_no IS NOT NULL LIMIT 1').get() as
        | { tc: string; hash: string }
        | undefined);
  const hashed = secretCheck !== null || sample !== undefined || db.stmt('SELECT 1 FROM association_people WHERE tc_hash IS NOT NULL LIMIT 1').get() !== undefined;
  return {
    signPublicKey: identity.publicKey,
    boxPublicKey: box?.key ?? null,
    boxPublished: published,
    secretCheck,
    secretSample: sample ?? null,
    secretUsed: hashed,
    dataKey: db.key,
  };
}

/** Judges a key file's text (null: absent) against the records. `strict`: a key the records cannot vouch for is not accepted (copies). */
function judge(file: KeyFile, content: string | null, records: Records, strict = false): Judged<Buffer | string | null> {
  let text = content;
  if (content !== null) {
    const unwrapped = unwrapKeyText(records.dataKey, file, content);
    if (!unwrapped.ok) return { ok: false, problem: unwrapped.problem };
    text = unwrapped.text;
  }
  if (file === KEY_FILE) {
    if (text === null) return { ok: false, problem: 'missing' };
    const key = privateKeyOf(text, 'ed25519');
    if (!key) return { ok: false, problem: 'damaged' };
    return rawPublic(crypto.createPublicKey(key)) === records.signPublicKey ? { ok: true, value: text } : { ok: false, problem: 'replaced' };
  }
  if (file === BOX_KEY_FILE) {
    if (text === null) return records.boxPublicKey !== null || records.boxPublished ? { ok: false, problem: 'missing' } : { ok: true, value: null };
    const key = privateKeyOf(text, 'x25519');
    if (!key) return { ok: false, problem: 'damaged' };
    const publicKey = rawPublic(crypto.createPublicKey(key));
    if (records.boxPublicKey !== null) return publicKey === records.boxPublicKey ? { ok: true, value: publicKey } : { ok: false, problem: 'replaced' };
    return strict ? { ok: false, problem: 'replaced' } : { ok: true, value: publicKey };
  }
  if (text === null) return records.secretUsed ? { ok: false, problem: 'missing' } : { ok: true, value: null };
  const secret = secretOf(text);
  if (!secret) return { ok: false, problem: 'damaged' };
  if (records.secretCheck !== null) return secretCheckOf(secret) === records.secretCheck ? { ok: true, value: secret } : { ok: false, problem: 'replaced' };
  // No check value yet (an installation from before this version): a stored TC number and its hash prove the
  // secret; without one, nothing can tell this secret from another, and it becomes the recorded one.
  if (records.secretSample) return hmacHex(secret, records.secretSample.tc) === records.secretSample.hash ? { ok: true, value: secret } : { ok: false, problem: 'replaced' };
  return strict ? { ok: false, problem: 'replaced' } : { ok: true, value: secret };
}

const KEY_FILES_IN_ORDER: KeyFile[] = [KEY_FILE as KeyFile, BOX_KEY_FILE, SECRET_FILE];

/** The copy in backups/keys, when it is one this installation's records vouch for. */
function verifiedCopy(dataDir: string, file: KeyFile, records: Records): string | null {
  const copy = path.join(keyCopiesDir(dataDir), file);
  try {
    const text = readText(copy);
    if (text === null) return null;
    return judge(file, text, records, true).ok ? copy : null;
  } catch {
    return null;
  }
}

// ------------------------------------------------------------------------------------------ the messages

const WHAT: Record<KeyFile, ErrorKey> = {
  'identity.key': 'installation.keyFile.identity',
  'box.key': 'installation.keyFile.box',
  'secret.key': 'installation.keyFile.secret',
};

const WRONG: Record<KeyProblemKind, ErrorKey> = {
  missing: 'installation.keyWrong.missing',
  damaged: 'installation.keyWrong.damaged',
  replaced: 'installation.keyWrong.replaced',
};

const MEANS: Record<KeyFile, ErrorKey> = {
  'identity.key': 'installation.keyMeans.identity',
  'box.key': 'installation.keyMeans.box',
  'secret.key': 'installation.keyMeans.secret',
};

const WHOLE: ErrorKey[] = ['installation.keyError.1', 'installation.keyError.2', 'installation.keyError.3'];

/** The message (Turkish for the CLI, logs and envelopes; keyed for the screens): which file, what is wrong, what it means, what to do. */
export function keyErrorMessage(problems: KeyProblem[]): Msg {
  const params: MessageParams = {};
  problems.forEach((p, i) => {
    params[`p${i + 1}`] = msg('installation.keyProblem', { file: msg(WHAT[p.file]), problem: msg(WRONG[p.problem]), means: msg(MEANS[p.file]) });
  });
  params.fix = msg(problems.every((p) => p.copy !== null) ? 'installation.keyFix.copy' : 'installation.keyFix.fromBackup');
  return msg(WHOLE[problems.length - 1]!, params);
}

// --------------------------------------------------------------------------------------- opening the keys

export interface OpenedKeys {
  /** Set when a key file is missing, damaged or not this installation's: nothing may be written. */
  error: KeyError | null;
  /** The verified HMAC secret (null with an error). */
  secret: Buffer | null;
}

/**
 * Checks the three key files against the database's records. When all are sound it creates a key that never
 * existed, records what was not recorded yet, and refreshes the copies in backups/keys; with any problem it
 * writes nothing at all.
 */
export function openKeys(dataDir: string, db: OpenDatabase, identity: Identity): OpenedKeys {
  for (const file of KEY_FILES_IN_ORDER) finishSealing(path.join(dataDir, file));
  const records = readRecords(db, identity);
  const sound = new Map<KeyFile, Buffer | string | null>();
  const problems: KeyProblem[] = [];
  for (const file of KEY_FILES_IN_ORDER) {
    const target = path.join(dataDir, file);
    let verdict: Judged<Buffer | string | null>;
    try {
      verdict = judge(file, readText(target), records);
    } catch {
      verdict = { ok: false, problem: 'damaged' }; // there, but unreadable (permissions, a folder of that name)
    }
    if (verdict.ok) sound.set(file, verdict.value);
    else problems.push({ file, problem: verdict.problem, path: target, copy: verifiedCopy(dataDir, file, records) });
  }
  if (problems.length > 0) {
    const reason = keyErrorMessage(problems);
    return { error: { message: renderMsg(reason), ...keyOf(reason), problems }, secret: null };
  }

  // All sound: files from before wrapping are wrapped, what never existed is created, then what was not
  // recorded yet is recorded.
  for (const file of KEY_FILES_IN_ORDER) wrapInPlace(path.join(dataDir, file), file, db.key);
  const boxPublicKey = (sound.get(BOX_KEY_FILE) as string | null) ?? createBoxKey(dataDir, db.key);
  const secret = (sound.get(SECRET_FILE) as Buffer | null) ?? createSecret(dataDir, db.key);
  if (records.boxPublicKey === null || records.secretCheck === null) {
    db.sqlite.transaction(() => {
      if (records.boxPublicKey === null) db.stmt('UPDATE installation SET box_public_key = ? WHERE id = 1').run(boxPublicKey);
      if (records.secretCheck === null) writeSetting(db, SECRET_CHECK_SETTING, secretCheckOf(secret));
    })();
  }
  return { error: null, secret };
}

/** Writes a new key file, wrapped under the data key; never over an existing file. */
export function writePrivate(file: string, text: string, dataKey: Buffer): void {
  fs.writeFileSync(file, wrapKeyText(dataKey, path.basename(file), text), { mode: 0o600, flag: 'wx' });
}

/** A new X25519 key pair in box.key (only where none ever existed); its raw public key. */
function createBoxKey(dataDir: string, dataKey: Buffer): string {
  const { privateKey } = crypto.generateKeyPairSync('x25519');
  writePrivate(path.join(dataDir, BOX_KEY_FILE), privateKey.export({ format: 'pem', type: 'pkcs8' }) as string, dataKey);
  return rawPublic(crypto.createPublicKey(privateKey));
}

function createSecret(dataDir: string, dataKey: Buffer): Buffer {
  const secret = crypto.randomBytes(32);
  writePrivate(path.join(dataDir, SECRET_FILE), secret.toString('base64'), dataKey);
  return secret;
}

/**
 * A sound key file written before wrapping, wrapped in place (db/dataFiles.ts sealInPlace: a crash at any
 * moment leaves the plain or the wrapped file whole, and finishSealing completes the step at the next open).
 */
function wrapInPlace(file: string, name: KeyFile, dataKey: Buffer): void {
  const content = readText(file);
  if (content === null || isWrapped(content)) return;
  sealInPlace(file, wrapKeyText(dataKey, name, content));
}

/** Writes `content` to `target` through a temporary file (mode 0600), so a copy is whole or absent. */
function replaceFile(target: string, content: Buffer): void {
  const temp = `${target}.${crypto.randomBytes(4).toString('hex')}.part`;
  fs.writeFileSync(temp, content, { mode: 0o600, flag: 'wx' });
  try {
    const fd = fs.openSync(temp, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * With every backup of the database: copies the key files into backups/keys, each only if it is this
 * installation's (checked again now: a file spoilt since the start must never overwrite a good copy) and the
 * copy is absent or differs. Best effort: a copy that cannot be written now is tried with the next backup.
 */
export function keepKeyCopies(dataDir: string, db: OpenDatabase, identity: Identity): KeyFile[] {
  const kept: KeyFile[] = [];
  try {
    const records = readRecords(db, identity);
    const dir = keyCopiesDir(dataDir);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    for (const file of KEY_FILES_IN_ORDER) {
      const source = path.join(dataDir, file);
      if (!judge(file, readText(source), records, true).ok || !fs.existsSync(source)) continue;
      const content = fs.readFileSync(source);
      const copy = path.join(dir, file);
      if (!fs.existsSync(copy) || !fs.readFileSync(copy).equals(content)) {
        // A copy from before wrapping holds the key in the clear: wiped before the wrapped one replaces it.
        if (fs.existsSync(copy) && !isWrapped(fs.readFileSync(copy, 'utf8'))) wipeFile(copy);
        replaceFile(copy, content);
      }
      kept.push(file);
    }
  } catch {
    // A backups folder that cannot be written now: the next backup tries again.
  }
  return kept;
}

function stamp(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}

/**
 * Puts back the verified copies of the files in `problems`; a file in the way (damaged or another
 * installation's) is moved into backups/keys under a `.set-aside-<time>` name, never deleted.
 */
export function restoreKeyCopies(dataDir: string, problems: KeyProblem[], at: Date): { restored: KeyFile[]; keptAside: string[] } {
  const restored: KeyFile[] = [];
  const keptAside: string[] = [];
  for (const problem of problems) {
    if (!problem.copy) continue;
    const target = path.join(dataDir, problem.file);
    if (fs.existsSync(target)) {
      const aside = path.join(keyCopiesDir(dataDir), `${problem.file}.set-aside-${stamp(at)}`);
      fs.renameSync(target, aside);
      keptAside.push(aside);
    }
    replaceFile(target, fs.readFileSync(problem.copy));
    restored.push(problem.file);
  }
  return { restored, keptAside };
}
