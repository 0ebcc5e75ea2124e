import path from 'node:path';
import { AppError, contract, isChannel, msgOf, type ChannelDef, type Envelope, type ErrorCode, type ErrorKey, type JobKind, msg, type Msg } from '../../shared/contract';
import type { BackendStatus, Health } from '../../shared/contract/backend';
import type { KeyFile } from '../../shared/contract/installation';
import { BackupRefused, backupsDir, createBackup, encryptPlainBackups, finishInterruptedRestore, listBackups, removeUnfinishedBackups, replaceWithBackup, rotateAutomatic, stageBackup, undoRestore, verifyBackup } from '../../db/backups';
import { checkIntegrity, type IntegrityResult } from '../../db/integrity';
import { acquireInstallationLock, LockRefused, type InstallationLock, type LockHolder } from '../../db/lock';
import { DATABASE_FILE, DbOpenError } from '../../db/open';
import { createAppContext, createReadContext, type AppContext, type AppOptions, type BackendRuntime } from '../app/context';
import { publicKeyOfKeyFile } from '../app/identity';
import { keepKeyCopies, restoreKeyCopies } from '../app/keyFiles';
import { FileKeyStore, resolveDataKey, restoreKeyringCopy } from '../app/keyring';
import type { DataKey } from '../../db/cipher';
import type { KeyLockReason } from '../../shared/contract/installation';
import { JobTracker } from '../app/jobs';
import { createDispatcher, DAMAGED, isDamageError, parseInput, type Invoke } from '../app/dispatch';
import { fillDemoData, type DemoOptions } from '../cli/demo';
import { runDestruction } from '../handlers/privacy';
import { readSetting, writeSetting } from '../../db/settings/queries';
import { encryptPlainBlobs } from '../registry/files';
import { startIncarnation } from '../sync/incarnation';
import { Session } from '../app/session';
import { carryAccount, countUsers, logAccess, userById, type StoredUser } from '../../db/users/queries';
import { sessionUserOf } from '../users/accounts';

// The backend: the one owner of the data folder's database. Every host runs it: the Electron app in a worker
// thread (electron/backend/worker.ts), the kopru command line and the browser harness, so what the tests
// exercise is what ships.
//
// One owner, one queue:
// - Reads (`writes: 'none'`) are answered at once from a second, read-only connection: the last committed
//   state, even while a job holds a write transaction on the writing connection.
// - Writes run one at a time, in arrival order, on the writing connection. A write that arrives during a job
//   waits for it (the window shows "waiting"); a second job is answered BUSY. Nothing ever joins another call's
//   transaction, so a dry run can never swallow a save.
// - Writes also wait for the background integrity check after start; a damaged file is never written again.

export interface BackendOptions extends AppOptions {
  /** Who holds the data folder (for the message another Köprü gets). */
  holder: LockHolder;
  /** How long to wait for another Köprü to let go of the folder before giving up. */
  lockWaitMs?: number;
  /** The background integrity check after opening (on by default). */
  integrity?: boolean;
  /** Daily automatic backups (at start when the last is a day old, hourly after) and one when closing. */
  automaticBackups?: boolean;
  /** Where the backend reports what it does; never personal data. */
  log?: (level: 'error' | 'warn' | 'info', event: string, details?: Record<string, string | number | boolean | null>) => void;
  /**
   * How the data key is unwrapped (electron/app/keyring.ts): a key the host has already unwrapped (the desktop
   * app, with safeStorage in its main thread), else the OS stand-in kept in `keyStoreDir` (harness, tests), else
   * the recovery passphrase (the command line). A folder with no keyring yet gets a new key wrapped by these.
   */
  dataKey?: DataKey;
  keyStoreDir?: string;
  passphrase?: string;
  /** Called when the recovery passphrase unwrapped the data key (`installation:unlock`). */
  unlocked?: (key: DataKey) => void;
  /** The clock idle time is measured on (a monotonic one by default; tests move it). */
  idleClock?: () => number;
}

const KEY_LOCK_MESSAGES: Record<KeyLockReason, ErrorKey> = {
  'needs-passphrase': 'backend.keyLock.needsPassphrase',
  'wrong-passphrase': 'backend.keyLock.wrongPassphrase',
  'no-way-in': 'backend.keyLock.noWayIn',
  'keyring-missing': 'backend.keyLock.keyringMissing',
  'keyring-damaged': 'backend.keyLock.keyringDamaged',
};

/** An error for the log: its name and code, never its message (it may quote what was written). */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown';
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `${error.name} ${code}` : error.name;
}

function fail(code: ErrorCode, message?: Msg | string): Envelope<never> {
  return { ok: false, error: new AppError(code, message).toBody() };
}

/** The writes a damaged database still takes: none of them writes into it. */
const ON_A_DAMAGED_DATABASE: ReadonlySet<string> = new Set(['backups:restore', 'settings:supportBundle']);

/**
 * The writes a key problem still takes: putting the key copies back (the way out), a support bundle (neither
 * writes into the database) and signing in and out. Everything else waits until the key files are sound (issue #16).
 */
const WITH_A_KEY_PROBLEM: ReadonlySet<string> = new Set([
  'installation:restoreKeys',
  'settings:supportBundle',
  // Signing in, locking and out write only this installation's access log: records stay readable meanwhile.
  'users:signIn',
  'users:lock',
  'users:signOut',
  'users:createFirstAdmin',
]);

/** The writes a locked database (its data key not unwrapped) takes: the ways to unlock it. */
const WHILE_KEY_LOCKED: ReadonlySet<string> = new Set(['installation:unlock', 'installation:restoreKeyring', 'settings:supportBundle']);

/** When the daily retention run last ran (local setting). */
const LAST_DESTRUCTION = 'privacy.lastDestruction';

const CLOSING_MESSAGE = 'Köprü kapanıyor; bu işlem yapılmadı. Uygulamayı yeniden açıp tekrar deneyin.';

/** What the running job is doing, as the BUSY message names it (a nested message: the reader's language). */
const JOB_NAMES: Record<JobKind, ErrorKey> = {
  'exchange-export': 'backend.running.exchange-export',
  'exchange-import': 'backend.running.exchange-import',
  'spreadsheet-import': 'backend.running.spreadsheet-import',
  backup: 'backend.running.backup',
  restore: 'backend.running.restore',
  demo: 'backend.running.demo',
};

export class Backend {
  private write!: AppContext;
  private read: AppContext | null = null;
  private writeInvoke!: Invoke;
  private readInvoke!: Invoke;
  private lock: InstallationLock | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private waiting = 0;
  private jobsQueued = 0;
  private healthState: Health = 'checking';
  private checked: Promise<void> = Promise.resolve();
  private openedFile: { path: string; name: string } | null = null;
  private closing = false;
  /** The integrity check's outcome, for tests and logs. */
  integrityResult: IntegrityResult | null = null;

  private constructor(private readonly options: BackendOptions) {
    this.session = new Session(options.idleClock);
  }

  /** Who is signed in (issue #16): one session per backend (one window), kept across a restore or an unlock. */
  private readonly session: Session;

  /** Opens the data folder: lock, database (migrating if needed), read-only twin, integrity check. */
  static open(options: BackendOptions): Backend {
    const backend = new Backend(options);
    backend.start();
    return backend;
  }

  private get log() {
    return this.options.log ?? (() => undefined);
  }

  private readonly jobs = new JobTracker();
  private backupTimer: NodeJS.Timeout | null = null;

  private start(): void {
    const dataDir = path.resolve(this.options.dataDir);
    let blocked: DbOpenError | undefined;
    try {
      this.lock = acquireInstallationLock(dataDir, this.options.holder, this.options.lockWaitMs ?? 0);
    } catch (error) {
      if (!(error instanceof LockRefused)) throw error;
      blocked = new DbOpenError(error.reason === 'held' ? 'locked' : 'unreadable', error.text, path.join(dataDir, DATABASE_FILE));
      this.log('warn', 'backend.lock-refused', { reason: error.reason });
    }
    if (this.lock) blocked = this.tidyFolder(dataDir) ?? this.unwrapKey(dataDir, null) ?? undefined;
    this.openContexts(blocked);
    this.scheduleBackups();
  }

  private dataKey: DataKey | null = null;

  /**
   * The data key, unwrapped as the options say (a new one for a folder that never had one); the reason it
   * cannot be, as the locked-database error. Nothing in the folder changes when it cannot.
   */
  private unwrapKey(dataDir: string, passphrase: string | null): DbOpenError | null {
    if (this.options.dataKey) {
      this.dataKey = this.options.dataKey;
      return null;
    }
    const dbPath = path.join(dataDir, DATABASE_FILE);
    let resolution;
    try {
      const protector = this.options.keyStoreDir ? new FileKeyStore(this.options.keyStoreDir) : null;
      resolution = resolveDataKey(dataDir, { protector, passphrase: passphrase ?? this.options.passphrase ?? null });
    } catch (error) {
      this.log('error', 'backend.keyring-unreadable', { error: describe(error) });
      return new DbOpenError('unreadable', msg('backend.dbOpen.keyringUnreadable'), dbPath);
    }
    if (resolution.ok) {
      this.dataKey = resolution.key;
      this.log(resolution.created ? 'warn' : 'info', 'backend.data-key', { via: resolution.via });
      return null;
    }
    this.log('warn', 'backend.key-locked', { reason: resolution.reason, copy: resolution.hasCopy });
    return new DbOpenError('key-locked', msg(KEY_LOCK_MESSAGES[resolution.reason]), dbPath, { reason: resolution.reason, hasCopy: resolution.hasCopy });
  }

  /** From the queue (`installation:unlock`): the recovery passphrase unwraps the data key, and the database opens. */
  private async unlock(passphrase: string): Promise<void> {
    if (this.write.dbError?.kind !== 'key-locked') return;
    const dataDir = path.resolve(this.options.dataDir);
    const locked = this.unwrapKey(dataDir, passphrase);
    if (locked) {
      this.write.dbError = locked;
      const message = locked.reason;
      throw new AppError('VALIDATION', message, locked.keyLock?.reason === 'wrong-passphrase' ? [{ path: 'passphrase', label: 'Kurtarma parolası', message }] : undefined);
    }
    this.closeContexts();
    this.openContexts();
    this.scheduleBackups();
    this.log('info', 'backend.unlocked', { open: this.write.db !== null });
    if (this.dataKey) this.options.unlocked?.(this.dataKey);
  }

  /** From the queue (`installation:restoreKeyring`): keyring.json's copy goes back, and the key is unwrapped again. */
  private async restoreKeyring(): Promise<void> {
    if (this.write.dbError?.kind !== 'key-locked') return;
    const dataDir = path.resolve(this.options.dataDir);
    if (!restoreKeyringCopy(dataDir)) {
      throw new AppError('NOT_FOUND', msg('backend.yedeklerKlasorundeAnahtarliginKeyring'));
    }
    this.log('warn', 'backend.keyring-restored', {});
    const locked = this.unwrapKey(dataDir, null);
    this.closeContexts();
    this.openContexts(locked ?? undefined);
    this.scheduleBackups();
  }

  /**
   * Before opening: a restore cut short is finished, backups cut short are removed. A restore that cannot be
   * finished (its files held by another program) blocks the folder with a message instead of opening half.
   */
  private tidyFolder(dataDir: string): DbOpenError | null {
    try {
      const finished = finishInterruptedRestore(dataDir);
      if (finished) this.log('warn', 'backend.restore-finished-at-start', { outcome: finished });
      removeUnfinishedBackups(dataDir);
      return null;
    } catch (error) {
      this.log('error', 'backend.restore-unfinished', { error: error instanceof Error ? error.name : 'unknown' });
      return new DbOpenError(
        'unreadable',
        msg('backend.dbOpen.restoreUnfinished'),
        path.join(dataDir, DATABASE_FILE),
      );
    }
  }

  /**
   * Daily automatic backups and the daily retention run (the desktop app): once the integrity check has answered,
   * then checked every hour.
   */
  private scheduleBackups(): void {
    if (!this.options.automaticBackups || !this.lock || this.backupTimer) return;
    const daily = async () => {
      await this.automaticBackup('daily');
      await this.dailyDestruction();
    };
    void this.checked.then(daily);
    this.backupTimer = setInterval(() => void daily(), 60 * 60 * 1000);
    this.backupTimer.unref();
  }

  /**
   * The retention rules applied once a day (issue #16; electron/handlers/privacy.ts runDestruction), as a write
   * in the queue like any other, never in a user's way; what it did goes to the destruction log.
   */
  private async dailyDestruction(): Promise<void> {
    const write = this.write;
    if (this.closing || !write.db || !write.identity || this.healthState !== 'ok' || write.keyError || this.jobs.current()) return;
    const last = readSetting(write.db, LAST_DESTRUCTION);
    if (last && Date.parse(last) > write.now() - 20 * 60 * 60 * 1000) return;
    await this.enqueue(false, async () => {
      if (this.write !== write || !write.db || this.healthState !== 'ok') return;
      try {
        const { lines } = runDestruction(write, 'periodic');
        writeSetting(write.db, LAST_DESTRUCTION, new Date(write.now()).toISOString());
        this.log('info', 'backend.retention', { records: lines.reduce((n, l) => n + l.records, 0), copies: lines.reduce((n, l) => n + l.copies, 0) });
      } catch (error) {
        if (isDamageError(error)) this.markDamaged('statement');
        else this.log('error', 'backend.retention-failed', { error: describe(error) });
      }
    }).catch(() => undefined);
  }

  private runtime(): BackendRuntime {
    return {
      waitingWrites: () => this.waiting,
      health: () => this.healthState,
      hasOpenedFile: () => this.openedFile !== null,
      takeOpenedFile: () => {
        const file = this.openedFile;
        this.openedFile = null;
        return file;
      },
      restoreBackup: (name) => this.restoreBackup(name),
      reopen: () => this.reopen(),
      restoreKeys: () => this.restoreKeys(),
      unlock: (passphrase) => this.unlock(passphrase),
      restoreKeyring: () => this.restoreKeyring(),
    };
  }

  /**
   * The data folder was held by another Köprü: take it now if it was let go. Or a key file was missing or
   * damaged: check the key files again (in the queue, between writes), so a file put back is used at once.
   */
  private async reopen(): Promise<boolean> {
    if (this.lock) {
      if (this.closing || !this.write.db || !this.write.identity) return this.write.db !== null;
      return this.enqueue(false, async () => {
        this.recheckKeys();
        return !this.write.keyError;
      });
    }
    if (this.closing) return false;
    const dataDir = path.resolve(this.options.dataDir);
    try {
      this.lock = acquireInstallationLock(dataDir, this.options.holder, 0);
    } catch (error) {
      if (error instanceof LockRefused) {
        this.write.dbError = new DbOpenError(error.reason === 'held' ? 'locked' : 'unreadable', error.text, path.join(dataDir, DATABASE_FILE));
        return false;
      }
      throw error;
    }
    const blocked = this.tidyFolder(dataDir) ?? this.unwrapKey(dataDir, null) ?? undefined;
    this.closeContexts();
    this.openContexts(blocked);
    this.scheduleBackups();
    this.log('info', 'backend.reopened', {});
    return this.write.db !== null && !this.write.keyError;
  }

  /** Checks the key files again on the writing context; a failure to read is reported, never thrown. */
  private recheckKeys(): void {
    try {
      const keyError = this.write.recheckKeys();
      this.log(keyError ? 'warn' : 'info', 'backend.keys-checked', { problems: keyError?.problems.map((p) => `${p.file}:${p.problem}`).join(' ') ?? null });
    } catch (error) {
      if (isDamageError(error)) this.markDamaged('statement');
      else this.log('error', 'backend.keys-check-failed', { error: describe(error) });
    }
  }

  /**
   * From inside the queue (the `installation:restoreKeys` call): puts back the verified copies of the key files
   * the key problem names (a damaged file goes aside, never deleted), then checks them again.
   */
  private restoreKeys(): { restored: KeyFile[]; keptAside: string[] } {
    const keyError = this.write.keyError;
    if (!keyError) return { restored: [], keptAside: [] };
    if (!keyError.problems.some((p) => p.copy)) {
      throw new AppError('NOT_FOUND', msg('backend.keys.noCopy'));
    }
    let result: { restored: KeyFile[]; keptAside: string[] } | null = null;
    let failure: unknown = null;
    try {
      result = restoreKeyCopies(path.resolve(this.options.dataDir), keyError.problems, new Date(this.write.now()));
    } catch (error) {
      failure = error;
    }
    // Either way the files are checked again: what is there now is what the key screen shows.
    this.recheckKeys();
    if (!result) {
      this.log('error', 'backend.keys-restore-failed', { error: describe(failure) });
      throw new AppError('CONFLICT', msg('backend.keys.restoreFailed'));
    }
    this.log('warn', 'backend.keys-restored', { files: result.restored.join(' '), keptAside: result.keptAside.length, sound: !this.write.keyError });
    return result;
  }

  /** Opens both contexts over the data folder's database (or a blocked one) and starts the integrity check. */
  private openContexts(blocked?: DbOpenError, verified = false): void {
    this.write = createAppContext({ ...this.options, dataKey: this.dataKey }, { ...(blocked ? { blocked } : {}), jobs: this.jobs, session: this.session });
    if (this.write.db) {
      if (this.write.db.encryptedAtOpen) this.log('warn', 'backend.encrypted-at-open', {});
      try {
        const backups = encryptPlainBackups(path.resolve(this.options.dataDir), this.write.db.key);
        if (backups) this.log('warn', 'backend.backups-encrypted', { count: backups });
        const files = encryptPlainBlobs(path.resolve(this.options.dataDir), this.write.db.key);
        if (files) this.log('warn', 'backend.files-encrypted', { count: files });
      } catch (error) {
        this.log('error', 'backend.backups-encrypt-failed', { error: describe(error) });
      }
    }
    this.read = null;
    if (this.write.db) {
      try {
        this.read = createReadContext(this.write);
      } catch (error) {
        // Without its read-only twin the backend answers reads on the writing connection, between writes.
        this.log('error', 'backend.read-connection-failed', { error: error instanceof Error ? error.name : 'unknown' });
      }
    }
    this.write.runtime = this.runtime();
    this.write.log = this.log;
    this.write.onDamage = () => this.markDamaged('statement');
    if (this.write.keyError) this.log('error', 'backend.keys', { problems: this.write.keyError.problems.map((p) => `${p.file}:${p.problem}`).join(' ') });
    this.writeInvoke = createDispatcher(this.write);
    this.readInvoke = this.read ? createDispatcher(this.read) : this.writeInvoke;
    this.healthState = 'checking';
    if (!this.write.db) {
      this.healthState = this.write.dbError?.kind === 'corrupt' ? 'damaged' : 'ok';
      this.checked = Promise.resolve();
      return;
    }
    // A restored backup has just passed a full integrity check.
    if (this.options.integrity === false || verified) {
      this.healthState = 'ok';
      this.checked = Promise.resolve();
      return;
    }
    const dbPath = this.write.db.path;
    const write = this.write;
    this.checked = checkIntegrity(dbPath, this.write.db.key).then((result) => {
      if (this.write !== write) return; // the database was replaced meanwhile (a restore)
      this.integrityResult = result;
      this.log(result.verdict === 'damaged' ? 'error' : 'info', 'backend.integrity', { verdict: result.verdict, ms: result.ms, details: result.details.slice(0, 3).join(' | ') });
      if (result.verdict === 'damaged') this.markDamaged('check');
      else if (this.healthState === 'checking') this.healthState = 'ok';
    });
  }

  private closeContexts(): void {
    this.read?.close();
    this.read = null;
    this.write.close();
  }

  /**
   * Replaces the database with a verified backup, from inside the queue (the restore job): the backup passes a
   * full integrity check and belongs to this installation, both connections close, the current file goes aside,
   * the backup takes its place and both connections reopen (migrating an older backup as any start would).
   */
  private async restoreBackup(name: string): Promise<{ restored: string; keptAside: string | null; schemaVersion: number }> {
    const dataDir = path.resolve(this.options.dataDir);
    if (!this.lock || !this.dataKey) throw new AppError('DB_UNAVAILABLE', this.write.dbError?.reason);
    const key = this.dataKey;
    const entry = listBackups(dataDir).find((b) => b.name === name);
    const field = (message: Msg | string) => [{ path: 'name', label: 'Yedek', message }];
    if (!entry) {
      const message = msg('backend.buAdlaBirYedek');
      throw new AppError('NOT_FOUND', message, field(message));
    }
    const file = path.join(backupsDir(dataDir), entry.name);
    const expectedKey = this.write.identity?.publicKey ?? publicKeyOfKeyFile(dataDir, key);
    let schemaVersion: number;
    try {
      this.jobs.current()?.progress('check');
      ({ schemaVersion } = verifyBackup(file, key, this.write.shippedSchemaVersion, expectedKey));
    } catch (error) {
      if (error instanceof BackupRefused) throw new AppError('VALIDATION', error.reason, field(error.reason));
      throw error;
    }
    // The integrity check after start reads the file on a thread of its own: it must be done before the file moves.
    await this.checked;
    this.jobs.current()?.progress('copy');
    await stageBackup(dataDir, file, key);
    const restorer = this.write.db && this.session.user ? userById(this.write.db, this.session.user.id) : null;
    this.closeContexts();
    let keptAside: string | null;
    try {
      keptAside = replaceWithBackup(dataDir, new Date(this.write.now()));
    } catch (error) {
      // A file another program holds (Windows) stopped it part way: everything goes back as it was.
      this.log('error', 'backend.restore-failed', { error: error instanceof Error ? error.name : 'unknown' });
      let blocked: DbOpenError | undefined;
      try {
        undoRestore(dataDir);
      } catch {
        blocked = new DbOpenError(
          'unreadable',
          msg('backend.dbOpen.restoreStuck'),
          path.join(dataDir, DATABASE_FILE),
        );
      }
      this.openContexts(blocked);
      throw new AppError('CONFLICT', msg('backend.yedekGeriYuklenemediVeritabani'));
    }
    this.openContexts(undefined, true);
    this.log('warn', 'backend.restored', { kind: entry.kind, keptAside: keptAside !== null });
    this.keepSessionAfterRestore(restorer);
    // The restored database numbers its changes from where the backup stopped, and the numbers after that
    // may already be with other installations: it goes on as a new incarnation, so none is used twice.
    const restored = this.write;
    if (restored.db && restored.identity && !restored.dbError) {
      const incarnation = restored.db.sqlite.transaction(() => startIncarnation(restored))();
      this.log('warn', 'backend.new-incarnation', { from: incarnation.from, to: incarnation.to });
    }
    return { restored: entry.name, keptAside, schemaVersion };
  }

  /**
   * The restored database has its own accounts: the administrator who restored stays signed in when the same
   * account is there (with the role it had then), and is carried over into a backup from before accounts
   * existed (else anyone at the PC could claim the first account); otherwise they sign in again.
   */
  private keepSessionAfterRestore(restorer: StoredUser | null): void {
    const db = this.write.db;
    if (!db || !restorer) {
      this.session.signOut();
      return;
    }
    try {
      if (countUsers(db) === 0) {
        db.sqlite.transaction(() => {
          carryAccount(db, restorer);
          logAccess(db, new Date(this.write.now()).toISOString(), 'account-created', restorer.id, restorer.id);
        })();
      }
      const same = userById(db, restorer.id);
      if (same && same.usernameKey === restorer.usernameKey && !same.disabledAt) this.session.signIn(sessionUserOf(same));
      else this.session.signOut();
    } catch (error) {
      this.log('error', 'backend.session-after-restore', { error: describe(error) });
      this.session.signOut();
    }
  }

  /** An automatic backup: daily (when the newest is a day old), or at close; one per day is kept, 14 days. */
  private async automaticBackup(reason: 'daily' | 'closing'): Promise<void> {
    // With a key problem nothing is written, and older backups are not rotated away either.
    if (!this.write.db || !this.write.identity || this.healthState !== 'ok' || this.write.keyError) return;
    if (reason === 'daily') {
      if (this.closing) return;
      let newest;
      try {
        newest = listBackups(this.options.dataDir).find((b) => b.kind === 'auto');
      } catch {
        return; // the backups folder cannot be read now; the next hour tries again
      }
      if (newest && Date.parse(newest.createdAt) > this.write.now() - 20 * 60 * 60 * 1000) return;
      // Never in a user's way: a busy backend tries again within the hour.
      if (this.jobs.current() || this.waiting > 0) return;
    }
    const run = async () => {
      const db = this.write.db;
      if (!db || this.healthState !== 'ok') return;
      try {
        await this.jobs.run('backup', this.write.now(), (job) =>
          createBackup(db, this.options.dataDir, 'auto', new Date(this.write.now()), (done, total) => job.progress('copy', done, total)),
        );
        if (this.write.identity) keepKeyCopies(this.options.dataDir, db, this.write.identity);
        rotateAutomatic(this.options.dataDir);
        this.log('info', 'backend.backup', { reason });
      } catch (error) {
        this.log('error', 'backend.backup-failed', { reason, error: error instanceof Error ? error.name : 'unknown' });
      }
    };
    if (reason === 'closing') await run();
    else await this.enqueue(true, run).catch(() => undefined);
  }

  /** Damage found: from now on nothing is written, and the window shows the damaged-database screen. */
  private markDamaged(source: 'check' | 'statement'): void {
    if (this.healthState === 'damaged') return;
    this.healthState = 'damaged';
    this.log('error', 'backend.damaged', { source });
    // A job still running stops at its next step and rolls back, rather than commit into a damaged file.
    this.jobs.current()?.requestCancel();
    this.write.dbError = new DbOpenError('corrupt', DAMAGED, this.write.db?.path ?? path.join(this.options.dataDir, DATABASE_FILE));
  }

  /** Resolves once the integrity check after start has answered (writes wait for it anyway). */
  whenChecked(): Promise<void> {
    return this.checked;
  }

  /** The writing context, for hosts and tests that read the database directly. */
  get context(): AppContext {
    return this.write;
  }

  status(): BackendStatus {
    return {
      job: this.jobs.current()?.state() ?? null,
      waitingWrites: this.waiting,
      health: this.healthState,
      hasOpenedFile: this.openedFile !== null,
    };
  }

  /** A `.kopru` file the operating system asked the app to open (already checked by the shell). */
  offerOpenedFile(file: string): void {
    this.openedFile = { path: file, name: path.basename(file) };
  }

  /** Every transport's entry: the same dispatcher, behind the queue. Never throws. */
  invoke: Invoke = async (channel, input) => {
    if (this.closing) return fail('DB_UNAVAILABLE', CLOSING_MESSAGE);
    if (typeof channel !== 'string' || !isChannel(channel)) return this.readInvoke(channel, input);
    const def = contract[channel] as ChannelDef;
    if (def.writes === 'none') return this.readInvoke(channel, input);
    // Bad input is answered at once, without waiting for the queue: the dispatcher refuses it before any work.
    if (!parseInput(def, input).ok) return this.writeInvoke(channel, input);
    // A damaged database is never written again; restoring a backup over it is the way out, and a support
    // bundle (a file of its own) is most useful exactly then.
    const restoring = ON_A_DAMAGED_DATABASE.has(channel);
    if (this.healthState === 'damaged' && !restoring) return fail('DB_UNAVAILABLE', DAMAGED);
    if (this.write.dbError?.kind === 'key-locked' && !WHILE_KEY_LOCKED.has(channel)) return fail('DB_UNAVAILABLE', this.write.dbError.message);
    const refusedForKeys = () => (this.write.keyError && !WITH_A_KEY_PROBLEM.has(channel) ? fail('KEYS_UNAVAILABLE', msgOf(this.write.keyError)) : null);
    const keys = refusedForKeys();
    if (keys) return keys;
    if (def.job && (this.jobs.current() || this.jobsQueued > 0)) return this.busy();
    return this.enqueue(Boolean(def.job), async () => {
      if (!restoring) await this.checked;
      if (this.healthState === 'damaged' && !restoring) return fail('DB_UNAVAILABLE', DAMAGED);
      // A restore just done may have opened with a key problem.
      const keysNow = refusedForKeys();
      if (keysNow) return keysNow;
      // Always the current writing context: a restore replaces it.
      return this.writeInvoke(channel, input);
    });
  };

  private busy(): Envelope<never> {
    const running = this.jobs.current();
    return fail('BUSY', msg('backend.suAndaWhatO', { what: msg(running ? JOB_NAMES[running.kind] : 'backend.running.other') }));
  }

  private enqueue<T>(isJob: boolean, work: () => Promise<T>): Promise<T> {
    this.waiting++;
    if (isJob) this.jobsQueued++;
    const run = this.queue.then(() => {
      this.waiting--;
      if (isJob) this.jobsQueued--;
      return work();
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** `kopru demo`: the realistic demo data, as a job on the queue like any other write. */
  async fillDemo(options: DemoOptions = {}): Promise<Envelope<Awaited<ReturnType<typeof fillDemoData>>>> {
    if (this.closing) return fail('DB_UNAVAILABLE', CLOSING_MESSAGE);
    if (!this.write.db) return fail('DB_UNAVAILABLE', this.write.dbError?.message);
    if (!this.write.identity) return fail('NOT_INITIALISED');
    if (this.write.keyError) return fail('KEYS_UNAVAILABLE', msgOf(this.write.keyError));
    if (this.healthState === 'damaged') return fail('DB_UNAVAILABLE', DAMAGED);
    const user = this.session.current();
    if (!user) return fail('SIGNED_OUT');
    if (user.role === 'viewer') return fail('FORBIDDEN', msg('backend.goruntuleyiciRolundekiKullanicilarOrnek'));
    if (this.jobs.current() || this.jobsQueued > 0) return this.busy();
    return this.enqueue(true, async () => {
      await this.checked;
      if (this.healthState === 'damaged') return fail('DB_UNAVAILABLE', DAMAGED);
      if (this.write.keyError) return fail('KEYS_UNAVAILABLE', msgOf(this.write.keyError));
      try {
        const value = await this.jobs.run('demo', this.write.now(), () => fillDemoData(this.write, options));
        return { ok: true as const, value };
      } catch (error) {
        if (error instanceof AppError) return fail(error.code, error.message);
        if (isDamageError(error)) {
          this.markDamaged('statement');
          return fail('DB_UNAVAILABLE', DAMAGED);
        }
        this.log('error', 'backend.demo-failed', { error: describe(error) });
        return fail('INTERNAL');
      }
    });
  }

  /**
   * Stops taking calls, lets the queue finish (a cancellable job is asked to stop), then closes both
   * connections and lets go of the data folder.
   */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    if (this.backupTimer) clearInterval(this.backupTimer);
    this.jobs.current()?.requestCancel();
    await this.queue;
    await this.checked;
    if (this.options.automaticBackups && this.lock) await this.automaticBackup('closing');
    this.release();
  }

  /** Closes at once; for hosts (and tests) that know nothing is running. Throws if something is. */
  closeNow(): void {
    if (this.jobs.current() || this.waiting > 0) throw new Error('closeNow while the backend is working; use close()');
    this.closing = true;
    if (this.backupTimer) clearInterval(this.backupTimer);
    this.release();
  }

  private released = false;
  private release(): void {
    if (this.released) return;
    this.released = true;
    this.closeContexts();
    this.lock?.release();
  }
}
