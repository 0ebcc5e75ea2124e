import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { makeFolder } from './folders';
import { msg, renderMsg, type ErrorKey, type Msg } from '../shared/contract/errors';

// One Köprü at a time on a data folder. Two processes writing one SQLite file is safe for SQLite, but not for
// Köprü: each has its own change writer, clock and sequence counter, and writes from both came back
// "database is locked". The lock is an exclusive SQLite lock on a small file of its own, `kopru.lock`, held for
// as long as the process holds it: SQLite takes it through the operating system (fcntl on Linux, LockFileEx on
// Windows), so it is released when the process ends, even by a crash, and no stale lock ever needs clearing.
// Who holds it is written beside it (`kopru.lock.json`) so the message can say who.

export const LOCK_FILE = 'kopru.lock';
const INFO_FILE = 'kopru.lock.json';

export type LockHolder = 'app' | 'cli' | 'harness' | 'test';

const HOLDER_NAMES: Record<LockHolder, ErrorKey> = {
  app: 'backend.lock.holder.app',
  cli: 'backend.lock.holder.cli',
  harness: 'backend.lock.holder.harness',
  test: 'backend.lock.holder.test',
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

/** `message` is the Turkish (logs, the CLI); `text` is the catalogue message the screens word in their language. */
export class LockRefused extends Error {
  constructor(
    readonly reason: 'held' | 'unwritable',
    readonly text: Msg,
  ) {
    super(renderMsg(text));
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

/** ", 06.12.2026 22:40 itibarıyla" (since when), in Turkey's time; empty when the time is unknown. */
function since(iso: string): Msg | '' {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const text = new Intl.DateTimeFormat('tr-TR', { timeZone: 'Europe/Istanbul', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(date);
  return msg('backend.lock.since', { at: text.replace(',', '') });
}

export function heldMessage(info: LockInfo | null): Msg {
  const holder = info ? HOLDER_NAMES[info.holder] : undefined;
  const who = info
    ? msg('backend.lock.holder', {
        holder: msg(holder ?? 'backend.lock.otherKopru'),
        pid: String(info.pid),
        host: info.host && info.host !== os.hostname() ? msg('backend.lock.host', { host: info.host }) : '',
        since: info.startedAt ? since(info.startedAt) : '',
      })
    : msg('backend.lock.otherKopru');
  return msg('backend.lock.held', { who });
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

function unwritableMessage(dataDir: string, error: unknown): Msg {
  const code = (error as { code?: string }).code ?? '';
  const noAccess = code === 'EACCES' || code === 'EPERM' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY';
  const reason = noAccess ? msg('backend.lock.noWriteAccess') : code || msg('backend.dbOpen.unknownError');
  return msg('backend.lock.unwritable', { reason, dir: dataDir });
}
