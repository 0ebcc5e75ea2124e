import events from 'node:events';
import timers from 'node:timers';
import url from 'node:url';
import vm from 'node:vm';

// Electron's sandboxed preload, reproduced for the built file: the script body is compiled as a function of
// (require, process, exports, module, Buffer, global, setImmediate, clearImmediate) in a context that has no
// Node globals, and its `require` knows only `electron`, `events`, `timers` and `url` (Electron's
// lib/sandboxed_renderer/preload.ts and the sandbox tutorial). Anything else throws "module not found", as it
// does in the real renderer.

export const SANDBOX_MODULES = ['electron', 'events', 'timers', 'url'] as const;

export interface FakeElectron {
  exposed: { key: string; api: unknown }[];
  ipcCalls: unknown[][];
  module: Record<string, unknown>;
}

export function fakeElectron(answer: (...args: unknown[]) => unknown = () => ({ ok: true, value: null })): FakeElectron {
  const exposed: FakeElectron['exposed'] = [];
  const ipcCalls: unknown[][] = [];
  return {
    exposed,
    ipcCalls,
    module: {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.push({ key, api }) },
      ipcRenderer: {
        invoke: (...args: unknown[]) => {
          ipcCalls.push(args);
          return Promise.resolve(answer(...args));
        },
      },
      webFrame: {},
      crashReporter: {},
      nativeImage: {},
      webUtils: {},
    },
  };
}

/** Runs a preload script's source the way a sandboxed renderer does; throws what the preload would throw. */
export function runSandboxedPreload(source: string, electron: FakeElectron): void {
  const loadable: Record<string, unknown> = { electron: electron.module, events, timers, url };
  const preloadRequire = (name: string) => {
    if (Object.prototype.hasOwnProperty.call(loadable, name)) return loadable[name];
    throw new Error(`module not found: ${name}`);
  };
  // A bare context: JavaScript's built-ins and a console, no require, no process, no Node modules.
  const context = vm.createContext({ console });
  const global = vm.runInContext('globalThis', context) as object;
  const params = ['require', 'process', 'exports', 'module', 'Buffer', 'global', 'setImmediate', 'clearImmediate'];
  const fn = vm.compileFunction(source, params, { parsingContext: context, filename: 'preload/index.cjs' });
  const exports = {};
  const preloadProcess = new events.EventEmitter();
  fn(preloadRequire, preloadProcess, exports, { exports }, Buffer, global, timers.setImmediate, timers.clearImmediate);
}
