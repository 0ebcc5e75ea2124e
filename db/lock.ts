import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { makeFolder } from './folders';

// One Köprü at a time on a data folder. Two processes writing one SQLite file is safe for SQLite, but not for
// Köprü: each has its own change writer, clock and sequence counter, and writes from both came back
// "database is locked". The lock is an exclusive SQLite lock on a small file of its own, `kopru.lock`, held for
// as long as the process holds it: SQLite takes it through the operating system (fcntl on Linux, LockFileEx on
// Windows), so it is released when the process ends, even by a crash, and no stale lock ever needs clearing.
// Who holds it is written beside it (`kopru.lock.json`) so the message can say who.

export const LOCK_FILE = 'kopru.lock';
const INFO_FILE = 'kopru.lock.json';

export type LockHolder = 'app' | 'cli' | 'harness' | 'test';

const HOLDER_NAMES: Record<LockHolder, string> = {
  app: 'Köprü masaüstü uygulaması',
  cli: 'kopru komut satırı',
  harness: 'Köprü tarayıcı arayüzü',
  test: 'bir test',
};

export interface LockInfo {
  holder: LockHolder;
  pid: number;
  host: string;
  startedAt: string;
}

export interface InstallationLock {
  release(): void;
}

export class LockRefused extends Error {
  constructor(
    readonly reason: 'held' | 'unwritable',
    message: string,
  ) {
    super(message);
    this.name = 'LockRefused';
  }
}

function readInfo(dataDir: string): LockInfo | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(dataDir, INFO_FILE), 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}

/** "06.12.2026 22:40'tan beri", in Turkey's time. */
function sinceTr(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const text = new Intl.DateTimeFormat('tr-TR', { timeZone: 'Europe/Istanbul', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(date);
  return `${text.replace(',', '')} itibarıyla`;
}

export function heldMessage(info: LockInfo | null): string {
  const who = info
    ? `${HOLDER_NAMES[info.holder] ?? 'başka bir Köprü'}, süreç ${info.pid}` +
      (info.host && info.host !== os.hostname() ? `, bilgisayar ${info.host}` : '') +
      (info.startedAt ? `, ${sinceTr(info.startedAt)}` : '')
    : 'başka bir Köprü';
  return (
    `Bu veri klasörü başka bir Köprü tarafından kullanılıyor (${who}). ` +
    'O program kapandıktan sonra yeniden deneyin. Veriler korunuyor; hiçbir şey değiştirilmedi.'
  );
}

/**
 * Takes the data folder's lock, waiting up to `waitMs` for another holder to let go. Throws LockRefused with a
 * message a clerk understands when it cannot.
 */
export function acquireInstallationLock(dataDir: string, holder: LockHolder, waitMs = 0): InstallationLock {
  const lockPath = path.join(dataDir, LOCK_FILE);
  let db: Database.Database;
  try {
    makeFolder(dataDir);
    db = new Database(lockPath, { timeout: waitMs });
  } catch (error) {
    throw new LockRefused('unwritable', unwritableMessage(dataDir, error));
  }
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    // The first write transaction takes the exclusive lock; in EXCLUSIVE locking mode it is kept after COMMIT.
    db.exec('BEGIN EXCLUSIVE');
    db.exec('CREATE TABLE IF NOT EXISTS lock (held_since TEXT)');
    db.exec('COMMIT');
  } catch (error) {
    db.close();
    const code = (error as { code?: string }).code ?? '';
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') throw new LockRefused('held', heldMessage(readInfo(dataDir)));
    throw new LockRefused('unwritable', unwritableMessage(dataDir, error));
  }
  const info: LockInfo = { holder, pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
  try {
    fs.writeFileSync(path.join(dataDir, INFO_FILE), JSON.stringify(info) + '\n', { mode: 0o600 });
  } catch {
    // Who holds the lock is only for the message; the lock itself holds.
  }
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      if (readInfo(dataDir)?.pid === process.pid) fs.rmSync(path.join(dataDir, INFO_FILE), { force: true });
      db.close();
    },
  };
}

function unwritableMessage(dataDir: string, error: unknown): string {
  const code = (error as { code?: string }).code ?? '';
  const reason = code === 'EACCES' || code === 'EPERM' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' ? 'yazma izni yok' : code || 'bilinmeyen hata';
  return (
    `Veri klasörü kullanılamıyor (${reason}): ${dataDir}. ` +
    'Klasörün var olduğunu, bu kullanıcının yazma iznine sahip olduğunu ve diskte yer olduğunu kontrol edin; hiçbir şey değiştirilmedi.'
  );
}
