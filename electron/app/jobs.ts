import { AppError, type JobKind } from '../../shared/contract';
import type { JobPhase, JobState } from '../../shared/contract/backend';

// Long work (an exchange file written or read, a spreadsheet import, a backup…) runs as a job: one at a time,
// its progress readable at any moment, and stoppable between steps where stopping leaves nothing half done.
// The backend's queue guarantees one job at a time; this is where the job says how far it has got.

const NOT_CANCELLABLE: ReadonlySet<JobKind> = new Set(['backup', 'restore', 'demo']);

export class Job {
  phase: JobPhase = 'prepare';
  done = 0;
  total = 0;
  private cancelRequested = false;
  readonly startedAt: string;

  constructor(
    readonly kind: JobKind,
    now: number,
    readonly cancellable = !NOT_CANCELLABLE.has(kind),
  ) {
    this.startedAt = new Date(now).toISOString();
  }

  private source: { phase: JobPhase; done: number; total: number } | null = null;

  progress(phase: JobPhase, done = this.done, total = this.total): void {
    this.phase = phase;
    this.done = done;
    this.total = total;
  }

  /** Reads progress from an object the work keeps up to date itself (the exchange's counters). */
  follow(source: { phase: JobPhase; done: number; total: number }): void {
    this.source = source;
  }

  /** Called by the work between steps: throws CANCELLED once someone asked to stop. */
  checkCancelled(): void {
    if (this.cancelRequested) throw new AppError('CANCELLED');
  }

  requestCancel(): boolean {
    if (!this.cancellable) return false;
    this.cancelRequested = true;
    return true;
  }

  state(): JobState {
    const { phase, done, total } = this.source ?? this;
    return {
      kind: this.kind,
      phase,
      done,
      total,
      startedAt: this.startedAt,
      cancellable: this.cancellable,
      cancelRequested: this.cancelRequested,
    };
  }
}

export class JobTracker {
  private job: Job | null = null;

  current(): Job | null {
    return this.job;
  }

  /** Runs `work` as the current job; the job ends with it, whichever way. */
  async run<T>(kind: JobKind, now: number, work: (job: Job) => Promise<T> | T): Promise<T> {
    if (this.job) throw new AppError('BUSY');
    const job = new Job(kind, now);
    this.job = job;
    try {
      return await work(job);
    } finally {
      if (this.job === job) this.job = null;
    }
  }
}

/**
 * For long work on the backend's thread: `await breathe()` between steps stops the work if it was cancelled,
 * and every `everyMs` lets the thread's other calls in (reads answered from the read-only connection, the
 * window's status polls). Steps handed over as microtasks, or a plain loop, would otherwise hold the thread
 * until the work is done.
 */
export function breather(job: Job | null, everyMs = 25): () => Promise<void> {
  let last = performance.now();
  return async () => {
    job?.checkCancelled();
    if (performance.now() - last < everyMs) return;
    await new Promise((resolve) => setImmediate(resolve));
    last = performance.now();
    job?.checkCancelled();
  };
}
