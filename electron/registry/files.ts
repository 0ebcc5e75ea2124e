import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError, msg, type Msg } from '../../shared/contract';
import { finishSealing, sealInPlace, wipeFile } from '../../db/dataFiles';
import { ATTACHMENT_TYPES, type AttachmentMime } from '../../shared/registry/fields';

// Content-addressed file store in the data folder: `files/<first 2 hex>/<sha256 of the content>`. The same
// content attached twice is stored once; writes go to a temporary name and are renamed into place (atomic).
// Every file is encrypted at rest (issue #16) with AES-256-GCM under a key derived from the installation's data
// key: `KPRF1` + IV (12) + tag (16) + ciphertext. Files stored before encryption are encrypted in place at the
// next start (encryptPlainBlobs); until then they are read as they are.

export function filesDir(dataDir: string): string {
  return path.join(dataDir, 'files');
}

export function blobPath(dataDir: string, sha256: string): string {
  return path.join(filesDir(dataDir), sha256.slice(0, 2), sha256);
}

/** Recognises an allowed type by its first bytes; the file name's extension is not trusted. */
export function sniffMime(content: Buffer, fileName: string): AttachmentMime | null {
  if (content.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff) return 'image/jpeg';
  if (content.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (content[0] === 0x50 && content[1] === 0x4b && content[2] === 0x03 && content[3] === 0x04) {
    // DOCX and XLSX are both zip files; their main part names tell them apart.
    const head = content.subarray(0, Math.min(content.length, 64 * 1024)).toString('latin1');
    if (head.includes('word/')) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    if (head.includes('xl/')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const ext = path.extname(fileName).toLowerCase();
    if (ext === '.docx') return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    if (ext === '.xlsx') return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  }
  return null;
}

export interface StoredBlob {
  sha256: string;
  mimeType: AttachmentMime;
  size: number;
}

export function decodeBase64(contentBase64: string, field = 'contentBase64'): Buffer {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(contentBase64)) {
    throw new AppError('VALIDATION', msg('registry.dosyaOkunamadiBozukIcerik'), [{ path: field, label: 'Dosya', message: msg('registry.dosyaOkunamadi') }]);
  }
  return Buffer.from(contentBase64, 'base64');
}

const SEALED = Buffer.from('KPRF1', 'latin1');

function filesKey(dataKey: Buffer): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', dataKey, Buffer.alloc(0), 'kopru files v1', 32));
}

function seal(dataKey: Buffer, content: Buffer): Buffer {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', filesKey(dataKey), iv);
  const data = Buffer.concat([cipher.update(content), cipher.final()]);
  return Buffer.concat([SEALED, iv, cipher.getAuthTag(), data]);
}

function isSealed(stored: Buffer): boolean {
  return stored.length >= SEALED.length + 28 && stored.subarray(0, SEALED.length).equals(SEALED);
}

/**
 * Whether a stored file is already sealed, by its header alone: every start checks every stored file, and
 * reading each one whole made a start cost as much as the attachments weigh.
 */
function sealedOnDisk(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(SEALED.length);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    return read === head.length && fs.fstatSync(fd).size >= SEALED.length + 28 && head.equals(SEALED);
  } finally {
    fs.closeSync(fd);
  }
}

function unseal(dataKey: Buffer, stored: Buffer): Buffer {
  const at = SEALED.length;
  const decipher = crypto.createDecipheriv('aes-256-gcm', filesKey(dataKey), stored.subarray(at, at + 12));
  decipher.setAuthTag(stored.subarray(at + 12, at + 28));
  return Buffer.concat([decipher.update(stored.subarray(at + 28)), decipher.final()]);
}

/** Writes a file's content, encrypted, under its SHA-256 (nothing when it is already there). */
export function writeBlob(dataDir: string, dataKey: Buffer, sha256: string, content: Buffer): void {
  const target = blobPath(dataDir, sha256);
  if (fs.existsSync(target)) return;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(temp, seal(dataKey, content), { mode: 0o600 });
  fs.renameSync(temp, target);
}

/**
 * Files stored before encryption at rest, encrypted in place (db/dataFiles.ts sealInPlace: a crash at any moment
 * leaves the plain or the sealed file whole; the next start finishes the step). Returns how many were encrypted.
 */
export function encryptPlainBlobs(dataDir: string, dataKey: Buffer): number {
  const dir = filesDir(dataDir);
  if (!fs.existsSync(dir)) return 0;
  let count = 0;
  // Each stored file once, whatever a crash left of it (`<sha>`, `<sha>.plain`, `<sha>.sealing`).
  const blobs = new Set<string>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (entry.name.endsWith('.tmp')) wipeFile(file);
    else if (/^[0-9a-f]{64}(\.(plain|sealing))?$/.test(entry.name)) blobs.add(file.replace(/\.(plain|sealing)$/, ''));
  }
  for (const blob of blobs) {
    finishSealing(blob);
    if (!fs.existsSync(blob) || sealedOnDisk(blob)) continue;
    sealInPlace(blob, seal(dataKey, fs.readFileSync(blob)));
    count++;
  }
  return count;
}

export function storeBlob(dataDir: string, dataKey: Buffer, content: Buffer, fileName: string, maxBytes: number): StoredBlob {
  const fail = (message: Msg) => new AppError('VALIDATION', message, [{ path: 'contentBase64', label: 'Dosya', message }]);
  if (content.length === 0) throw fail(msg('registry.dosyaBos'));
  if (content.length > maxBytes) {
    throw fail(msg('registry.dosyaCokBuyukValue', { value: (content.length / 1048576).toFixed(1), value2: (maxBytes / 1048576).toFixed(0) }));
  }
  const mimeType = sniffMime(content, fileName);
  if (!mimeType) {
    const allowed = Object.values(ATTACHMENT_TYPES).map((t) => t.label).join(', ');
    throw fail(msg('registry.buDosyaTuruKabul', { allowed }));
  }
  const sha256 = crypto.createHash('sha256').update(content).digest('hex');
  writeBlob(dataDir, dataKey, sha256, content);
  return { sha256, mimeType, size: content.length };
}

/** A stored file's content, decrypted and checked against its SHA-256. */
export function readBlob(dataDir: string, dataKey: Buffer, sha256: string): Buffer {
  const file = blobPath(dataDir, sha256);
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', msg('registry.dosyaninIcerigiBuKurulumda'));
  const stored = fs.readFileSync(file);
  let content: Buffer;
  try {
    content = isSealed(stored) ? unseal(dataKey, stored) : stored;
  } catch {
    content = Buffer.alloc(0);
  }
  if (crypto.createHash('sha256').update(content).digest('hex') !== sha256) {
    throw new AppError('CONFLICT', msg('registry.dosyaninBuKurulumdakiKopyasi'));
  }
  return content;
}

/** A file name safe for any file system; never carries personal identifiers (callers pass record names only). */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').replace(/\s+/g, ' ').trim().slice(0, 120) || 'dosya';
}
