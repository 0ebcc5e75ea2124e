import fs from 'node:fs';

// Names and checks of the data folder's database file that need no SQLite driver: the Electron main thread
// (which never loads the driver) uses them to look after the data key (electron/app/keyring.ts).

export const DATABASE_FILE = 'kopru.sqlite';

/** The first 16 bytes of every unencrypted SQLite file; an encrypted one starts with random bytes. */
const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** True when the file is an unencrypted SQLite database (one written before encryption at rest). */
export function isPlainDatabase(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const head = Buffer.alloc(PLAIN_HEADER.length);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    return read === head.length && head.equals(PLAIN_HEADER);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * True when the file has the header of a database SQLite3 Multiple Ciphers encrypted: bytes 16–23 stay readable
 * (page size, file format versions, the 32 bytes each page reserves for its nonce and MAC, the fixed payload
 * fractions), everything else looks random. Tells an encrypted database whose key is lost from a file that is
 * no database at all.
 */
export function looksEncrypted(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const head = Buffer.alloc(24);
    if (fs.readSync(fd, head, 0, 24, 0) !== 24 || head.subarray(0, 16).equals(PLAIN_HEADER)) return false;
    const pageSize = head.readUInt16BE(16);
    const validSize = pageSize === 1 || (pageSize >= 512 && (pageSize & (pageSize - 1)) === 0);
    return validSize && head[18]! >= 1 && head[18]! <= 2 && head[19]! >= 1 && head[19]! <= 2 && head[20]! > 0 && head[21] === 64 && head[22] === 32 && head[23] === 32;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Overwrites a file with zeros, then removes it: a plain copy of data just encrypted must not stay readable in
 * the data folder. (On an SSD or a copy-on-write file system the old blocks may survive in the device; full-disk
 * encryption is what covers that, see docs/ARCHITECTURE.md.)
 */
export function wipeFile(file: string): void {
  if (!fs.existsSync(file)) return;
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r+');
  try {
    const zeros = Buffer.alloc(Math.min(size, 1 << 20));
    for (let at = 0; at < size; at += zeros.length) fs.writeSync(fd, zeros, 0, Math.min(zeros.length, size - at), at);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.rmSync(file, { force: true });
}

const SEALING = '.sealing';
const PLAIN_ASIDE = '.plain';

/**
 * Replaces a small file's plain content with its encrypted form so that a crash at any moment leaves one of the
 * two whole: the new content is written beside and fsynced, the plain file renamed aside, the new one into its
 * place, the plain one wiped. `finishSealing` completes or undoes a step cut short (run it before reading).
 */
export function sealInPlace(file: string, sealed: Buffer | string): void {
  const temp = file + SEALING;
  fs.rmSync(temp, { force: true });
  fs.writeFileSync(temp, sealed, { mode: 0o600 });
  const fd = fs.openSync(temp, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(file, file + PLAIN_ASIDE);
  fs.renameSync(temp, file);
  wipeFile(file + PLAIN_ASIDE);
}

/** What a crash during sealInPlace left: the plain file goes back if the sealed one never arrived, else is wiped. */
export function finishSealing(file: string): void {
  const aside = file + PLAIN_ASIDE;
  if (fs.existsSync(aside)) {
    if (fs.existsSync(file)) wipeFile(aside);
    else fs.renameSync(aside, file);
  }
  if (fs.existsSync(file + SEALING)) wipeFile(file + SEALING);
}
