import { Backend, type BackendOptions } from './backend';
import type { BackendConnection } from './protocol';

/** The backend in this thread, behind the same interface as the worker: for tests and tools. */
export function openInProcess(options: BackendOptions): BackendConnection & { backend: Backend } {
  const backend = Backend.open(options);
  return {
    backend,
    invoke: backend.invoke,
    invokeJson: async (channel, input) => JSON.stringify(await backend.invoke(channel, input)),
    fillDemo: (demo) => backend.fillDemo(demo),
    status: async () => backend.status(),
    offerOpenedFile: async (file) => backend.offerOpenedFile(file),
    close: () => backend.close(),
  };
}
