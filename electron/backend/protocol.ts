import type { Envelope } from '../../shared/contract';
import type { BackendStatus } from '../../shared/contract/backend';
import type { LockHolder } from '../../db/lock';
import type { DemoOptions, DemoSummary } from '../cli/demo';

// The messages between a host (Electron main, the kopru CLI, the browser harness) and the backend worker.
// Everything crosses by structured clone; a call is answered by the message with its id.

/** What a host passes to the worker (workerData): plain data only, no functions. */
export interface WorkerBackendOptions {
  dataDir: string;
  migrationsDir: string;
  appVersion: string;
  holder: LockHolder;
  lockWaitMs?: number;
  integrity?: boolean;
  /** Shifts the backend's clock (tests of an installation whose clock runs ahead). */
  clockOffsetMs?: number;
}

export type HostMessage =
  | { id: number; type: 'invoke'; channel: string; input: unknown }
  | { id: number; type: 'demo'; options: DemoOptions }
  | { id: number; type: 'status' }
  | { id: number; type: 'openedFile'; path: string }
  | { id: number; type: 'close' };

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'reply'; id: number; envelope: Envelope<unknown> }
  | { type: 'log'; level: 'error' | 'warn' | 'info'; event: string; details?: Record<string, string | number | boolean | null> };

/** The backend as a host sees it, in this thread or behind a worker. */
export interface BackendConnection {
  invoke(channel: string, input: unknown): Promise<Envelope<unknown>>;
  fillDemo(options?: DemoOptions): Promise<Envelope<DemoSummary>>;
  status(): Promise<BackendStatus>;
  offerOpenedFile(path: string): Promise<void>;
  close(): Promise<void>;
}
