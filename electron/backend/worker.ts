import { parentPort, workerData } from 'node:worker_threads';
import type { Envelope } from '../../shared/contract';
import { Backend } from './backend';
import type { HostMessage, WorkerBackendOptions, WorkerMessage } from './protocol';

// The backend's worker thread: built as out/main/backend.js and started by every host (startBackendWorker).
// The Electron main thread, which also runs the window's event loop, never waits for SQLite: it forwards a
// call here and gets the envelope back.

if (!parentPort) throw new Error('electron/backend/worker.ts runs as a worker thread (see host.ts)');
const port = parentPort;
const options = workerData as WorkerBackendOptions;
const post = (message: WorkerMessage) => port.postMessage(message);

const offset = options.clockOffsetMs ?? 0;
const { dataKeyHex, ...rest } = options;
const backend = Backend.open({
  ...rest,
  ...(dataKeyHex ? { dataKey: Buffer.from(dataKeyHex, 'hex') } : {}),
  ...(offset ? { now: () => Date.now() + offset } : {}),
  log: (level, event, details) => post({ type: 'log', level, event, ...(details ? { details } : {}) }),
  unlocked: (key) => post({ type: 'unlocked', dataKeyHex: key.toString('hex') }),
});

const INTERNAL: Envelope<never> = { ok: false, error: { code: 'INTERNAL', message: 'Beklenmeyen bir hata oluştu; hiçbir şey değiştirilmedi. Sorun sürerse yöneticinize bildirin.', key: 'code.INTERNAL' } };

async function answer(message: HostMessage): Promise<Envelope<unknown>> {
  switch (message.type) {
    case 'invoke':
      return backend.invoke(message.channel, message.input);
    case 'demo':
      return backend.fillDemo(message.options);
    case 'status':
      return { ok: true, value: backend.status() };
    case 'openedFile':
      backend.offerOpenedFile(message.path);
      return { ok: true, value: null };
    case 'close':
      await backend.close();
      return { ok: true, value: null };
  }
}

port.on('message', (message: HostMessage) => {
  void answer(message)
    .catch((error: unknown) => {
      post({ type: 'log', level: 'error', event: 'backend.message-failed', details: { type: message.type, error: error instanceof Error ? error.name : 'unknown' } });
      return INTERNAL;
    })
    .then((envelope) => {
      post({ type: 'reply', id: message.id, json: JSON.stringify(envelope) });
      // After closing, let the thread end: nothing is left to answer.
      if (message.type === 'close') port.close();
    });
});

post({ type: 'ready' });
