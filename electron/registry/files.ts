import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/contract';
import { ATTACHMENT_TYPES, type AttachmentMime } from '../../shared/registry/fields';

// Content-addressed file store in the data folder: `files/<first 2 hex>/<sha256>`. The same content
// attached twice is stored once; writes go to a temporary name and are renamed into place (atomic).

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
    throw new AppError('VALIDATION', 'Dosya okunamadı (bozuk içerik).', [{ path: field, label: 'Dosya', message: 'Dosya okunamadı.' }]);
  }
  return Buffer.from(contentBase64, 'base64');
}

export function storeBlob(dataDir: string, content: Buffer, fileName: string, maxBytes: number): StoredBlob {
  const fail = (message: string) => new AppError('VALIDATION', message, [{ path: 'contentBase64', label: 'Dosya', message }]);
  if (content.length === 0) throw fail('Dosya boş.');
  if (content.length > maxBytes) {
    throw fail(`Dosya çok büyük (${(content.length / 1048576).toFixed(1)} MB); en fazla ${(maxBytes / 1048576).toFixed(0)} MB olabilir.`);
  }
  const mimeType = sniffMime(content, fileName);
  if (!mimeType) {
    const allowed = Object.values(ATTACHMENT_TYPES).map((t) => t.label).join(', ');
    throw fail(`Bu dosya türü kabul edilmiyor. İzin verilen türler: ${allowed}.`);
  }
  const sha256 = crypto.createHash('sha256').update(content).digest('hex');
  const target = blobPath(dataDir, sha256);
  if (!fs.existsSync(target)) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const temp = `${target}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
    fs.writeFileSync(temp, content);
    fs.renameSync(temp, target);
  }
  return { sha256, mimeType, size: content.length };
}

export function readBlob(dataDir: string, sha256: string): Buffer {
  const file = blobPath(dataDir, sha256);
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', 'Dosyanın içeriği bu kurulumda yok (henüz veri değişimiyle gelmemiş olabilir).');
  return fs.readFileSync(file);
}

/** A file name safe for any file system; never carries personal identifiers (callers pass record names only). */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').replace(/\s+/g, ' ').trim().slice(0, 120) || 'dosya';
}
