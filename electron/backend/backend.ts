import path from 'node:path';
import { contract, DEFAULT_MESSAGES, isChannel, type ChannelDef, type Envelope, type ErrorCode } from '../../shared/contract';
import type { BackendStatus, Health } from '../../shared/contract/backend';
import { checkIntegrity, type IntegrityResult } from '../../db/integrity';
import { acquireInstallationLock, LockRefused, type InstallationLock, type LockHolder } from '../../db/lock';
import { DATABASE_FILE, DbOpenError } from '../../db/open';
import { createAppContext, createReadContext, type AppContext, type AppOptions, type BackendRuntime } from '../app/context';
import { createDispatcher, DAMAGED_MESSAGE, withoutUndefined, type Invoke } from '../app/dispatch';
import { fillDemoData, type DemoOptions } from '../cli/demo';

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
  /** Where the backend reports what it does; never personal data. */
  log?: (level: 'error' | 'warn' | 'info', event: string, details?: Record<string, string | number | boolean | null>) => void;
}

function fail(code: ErrorCode, message?: string): Envelope<never> {
  return { ok: false, error: { code, message: message ?? DEFAULT_MESSAGES[code] } };
}

const CLOSING_MESSAGE = 'Köprü kapanıyor; bu işlem yapılmadı. Uygulamayı yeniden açıp tekrar deneyin.';

const JOB_NAMES: Record<string, string> = {
  'exchange-export': 'bir değişim dosyası hazırlanıyor',
  'exchange-import': 'bir değişim dosyası okunuyor',
  'spreadsheet-import': 'bir tablo içe aktarılıyor',
  backup: 'yedek alınıyor',
  restore: 'yedek geri yükleniyor',
  demo: 'örnek veri yükleniyor',
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

  private constructor(private readonly options: BackendOptions) {}

  /** Opens the data folder: lock, database (migrating if needed), read-only twin, integrity check. */
  static open(options: BackendOptions): Backend {
    const backend = new Backend(options);
    backend.start();
    return backend;
  }

  private get log() {
    return this.options.log ?? (() => undefined);
  }

  private start(): void {
    const dataDir = path.resolve(this.options.dataDir);
    let blocked: DbOpenError | undefined;
    try {
      this.lock = acquireInstallationLock(dataDir, this.options.holder, this.options.lockWaitMs ?? 0);
    } catch (error) {
      if (!(error instanceof LockRefused)) throw error;
      blocked = new DbOpenError(error.reason === 'held' ? 'locked' : 'unreadable', error.message, path.join(dataDir, DATABASE_FILE));
      this.log('warn', 'backend.lock-refused', { reason: error.reason });
    }
    this.write = createAppContext(this.options, blocked ? { blocked } : {});
    this.read = this.write.db ? createReadContext(this.write) : null;
    const runtime: BackendRuntime = {
      waitingWrites: () => this.waiting,
      health: () => this.healthState,
      hasOpenedFile: () => this.openedFile !== null,
      takeOpenedFile: () => {
        const file = this.openedFile;
        this.openedFile = null;
        return file;
      },
    };
    this.write.runtime = runtime;
    this.write.onDamage = () => this.markDamaged('statement');
    this.writeInvoke = createDispatcher(this.write);
    this.readInvoke = this.read ? createDispatcher(this.read) : this.writeInvoke;
    if (!this.write.db) {
      this.healthState = this.write.dbError?.kind === 'corrupt' ? 'damaged' : 'ok';
      return;
    }
    if (this.options.integrity === false) {
      this.healthState = 'ok';
      return;
    }
    const dbPath = this.write.db.path;
    this.checked = checkIntegrity(dbPath).then((result) => {
      this.integrityResult = result;
      this.log(result.verdict === 'damaged' ? 'error' : 'info', 'backend.integrity', { verdict: result.verdict, ms: result.ms, details: result.details.slice(0, 3).join(' | ') });
      if (result.verdict === 'damaged') this.markDamaged('check');
      else if (this.healthState === 'checking') this.healthState = 'ok';
    });
  }

  /** Damage found: from now on nothing is written, and the window shows the damaged-database screen. */
  private markDamaged(source: 'check' | 'statement'): void {
    if (this.healthState === 'damaged') return;
    this.healthState = 'damaged';
    this.log('error', 'backend.damaged', { source });
    this.write.dbError = new DbOpenError('corrupt', DAMAGED_MESSAGE, this.write.db?.path ?? path.join(this.options.dataDir, DATABASE_FILE));
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
      job: this.write.jobs.current()?.state() ?? null,
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
    if (!def.input.safeParse(withoutUndefined(input ?? {})).success) return this.writeInvoke(channel, input);
    if (this.healthState === 'damaged') return fail('DB_UNAVAILABLE', DAMAGED_MESSAGE);
    if (def.job && (this.write.jobs.current() || this.jobsQueued > 0)) return this.busy();
    return this.enqueue(Boolean(def.job), async () => {
      await this.checked;
      if (this.healthState === 'damaged') return fail('DB_UNAVAILABLE', DAMAGED_MESSAGE);
      return this.writeInvoke(channel, input);
    });
  };

  private busy(): Envelope<never> {
    const running = this.write.jobs.current();
    const what = running ? JOB_NAMES[running.kind] : 'başka bir uzun işlem sırada';
    return fail('BUSY', `Şu anda ${what}. O bitince yeniden deneyin; hiçbir şey değiştirilmedi.`);
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
    if (this.write.jobs.current() || this.jobsQueued > 0) return this.busy();
    return this.enqueue(true, async () => {
      await this.checked;
      if (this.healthState === 'damaged') return fail('DB_UNAVAILABLE', DAMAGED_MESSAGE);
      const value = await this.write.jobs.run('demo', this.write.now(), () => fillDemoData(this.write, options));
      return { ok: true as const, value };
    });
  }

  /**
   * Stops taking calls, lets the queue finish (a cancellable job is asked to stop), then closes both
   * connections and lets go of the data folder.
   */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    this.write.jobs.current()?.requestCancel();
    await this.queue;
    await this.checked;
    this.release();
  }

  /** Closes at once; for hosts (and tests) that know nothing is running. Throws if something is. */
  closeNow(): void {
    if (this.write.jobs.current() || this.waiting > 0) throw new Error('closeNow while the backend is working; use close()');
    this.closing = true;
    this.release();
  }

  private released = false;
  private release(): void {
    if (this.released) return;
    this.released = true;
    this.read?.close();
    this.write.close();
    this.lock?.release();
  }
}
