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
  /** Daily automatic backups and one at close (the desktop app). */
  automaticBackups?: boolean;
  /** Where the host writes its log files, for the support bundle. */
  logDir?: string;
  /** The data key (hex) the host unwrapped itself (the desktop app, with safeStorage); see BackendOptions. */
  dataKeyHex?: string;
  /** The OS key store's stand-in (harness, tests): a folder outside the data folder. */
  keyStoreDir?: string;
  /** The recovery passphrase (the command line). */
  passphrase?: string;
}

export type HostMessage =
  | { id: number; type: 'invoke'; channel: string; input: unknown }
  | { id: number; type: 'demo'; options: DemoOptions }
  | { id: number; type: 'status' }
  | { id: number; type: 'openedFile'; path: string }
  | { id: number; type: 'close' };

export type WorkerMessage =
  | { type: 'ready' }
  /** The envelope as JSON text: a string crosses threads (and, in Electron, on to the window) as one copy, where a
   * large object (a 10,000-row import report) would be cloned field by field on the window's thread. */
  | { type: 'reply'; id: number; json: string }
  | { type: 'log'; level: 'error' | 'warn' | 'info'; event: string; details?: Record<string, string | number | boolean | null> }
  /** The recovery passphrase opened the data key where the host's OS key store could not: the host may rewrap it. */
  | { type: 'unlocked'; dataKeyHex: string };

/** The backend as a host sees it, in this thread or behind a worker. */
export interface BackendConnection {
  invoke(channel: string, input: unknown): Promise<Envelope<unknown>>;
  /** The same call, answered as the envelope's JSON text, for transports that pass it on unread. */
  invokeJson(channel: string, input: unknown): Promise<string>;
  fillDemo(options?: DemoOptions): Promise<Envelope<DemoSummary>>;
  status(): Promise<BackendStatus>;
  offerOpenedFile(path: string): Promise<void>;
  close(): Promise<void>;
}
