import { Worker } from 'node:worker_threads';
import type { Envelope } from '../../shared/contract';
import type { BackendStatus } from '../../shared/contract/backend';
import type { DemoOptions, DemoSummary } from '../cli/demo';
import type { BackendConnection, HostMessage, WorkerBackendOptions, WorkerMessage } from './protocol';

// A host's side of the backend worker. Calls never throw and never hang on a worker that died: they are
// answered with an envelope saying the backend stopped, and the host decides what the person sees.

export interface BackendWorker extends BackendConnection {
  /** Resolves when the worker has opened the data folder (or found why it cannot). */
  readonly ready: Promise<void>;
  /** Called once if the worker ends without being closed (a crash); the host shows it and logs it. */
  onUnexpectedExit(listener: (details: { code: number; error: string | null }) => void): void;
  readonly worker: Worker;
}

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

export const BACKEND_GONE_MESSAGE = 'Uygulamanın arka planı beklenmedik biçimde durdu; bu işlem yapılmadı. Köprü’yü yeniden başlatın.';

// The keys (shared/contract/errors) let the screens say these in the interface language; the texts are the catalogue's Turkish.
const GONE: Envelope<never> = { ok: false, error: { code: 'DB_UNAVAILABLE', message: BACKEND_GONE_MESSAGE, key: 'backend.gone' } };
const GONE_JSON = JSON.stringify(GONE);
const UNCLONABLE_JSON = JSON.stringify({ ok: false, error: { code: 'VALIDATION', message: 'İstek okunamadı.', key: 'backend.requestUnreadable' } });

export interface HostHooks {
  log?: (level: 'error' | 'warn' | 'info', event: string, details?: Record<string, string | number | boolean | null>) => void;
  /** The recovery passphrase unwrapped the data key (the desktop app then wraps it for its OS key store again). */
  unlocked?: (dataKey: Buffer) => void;
}

/** Starts the backend worker from its built file (`out/main/backend.js` beside the host's bundle). */
export function startBackendWorker(entry: string, options: WorkerBackendOptions, hooks: HostHooks = {}): BackendWorker {
  const worker = new Worker(entry, { workerData: options });
  const pending = new Map<number, (json: string) => void>();
  let nextId = 1;
  let gone = false;
  let closing = false;
  let lastError: string | null = null;
  const exitListeners: ((details: { code: number; error: string | null }) => void)[] = [];
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  worker.on('message', (message: WorkerMessage) => {
    if (message.type === 'ready') markReady();
    else if (message.type === 'reply') {
      const resolve = pending.get(message.id);
      pending.delete(message.id);
      resolve?.(message.json);
    } else if (message.type === 'log') hooks.log?.(message.level, message.event, message.details);
    else if (message.type === 'unlocked') hooks.unlocked?.(Buffer.from(message.dataKeyHex, 'hex'));
  });
  worker.on('error', (error) => {
    lastError = error.name;
    hooks.log?.('error', 'backend.worker-error', { error: error.name });
  });
  worker.on('exit', (code) => {
    gone = true;
    markReady();
    for (const resolve of pending.values()) resolve(GONE_JSON);
    pending.clear();
    if (!closing) {
      hooks.log?.('error', 'backend.worker-exit', { code, error: lastError });
      for (const listener of exitListeners) listener({ code, error: lastError });
    }
  });

  const sendJson = (message: DistributiveOmit<HostMessage, 'id'>): Promise<string> => {
    if (gone) return Promise.resolve(GONE_JSON);
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      try {
        worker.postMessage({ ...message, id });
      } catch {
        // An input that cannot be cloned (a function, a symbol) is no valid input.
        pending.delete(id);
        resolve(UNCLONABLE_JSON);
      }
    });
  };
  const send = async (message: DistributiveOmit<HostMessage, 'id'>): Promise<Envelope<unknown>> => JSON.parse(await sendJson(message)) as Envelope<unknown>;

  return {
    worker,
    ready,
    invoke: (channel, input) => send({ type: 'invoke', channel, input }),
    invokeJson: (channel, input) => sendJson({ type: 'invoke', channel, input }),
    fillDemo: (demo: DemoOptions = {}) => send({ type: 'demo', options: demo }) as Promise<Envelope<DemoSummary>>,
    async status() {
      const envelope = await send({ type: 'status' });
      return envelope.ok ? (envelope.value as BackendStatus) : { job: null, waitingWrites: 0, health: 'damaged', hasOpenedFile: false };
    },
    async offerOpenedFile(file) {
      await send({ type: 'openedFile', path: file });
    },
    async close() {
      if (gone) return;
      closing = true;
      await send({ type: 'close' });
      await new Promise<void>((resolve) => {
        if (gone) resolve();
        else worker.once('exit', () => resolve());
      });
    },
    onUnexpectedExit(listener) {
      exitListeners.push(listener);
    },
  };
}
