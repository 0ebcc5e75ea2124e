import { contextBridge, ipcRenderer } from 'electron';
import { CHOOSE_FILE_CHANNEL, INVOKE_CHANNEL, looksLikeChannel, type Bridge } from '../../shared/bridge';

// The renderer's only door to main: `window.kopru.invoke(channel, input)` for contract calls and
// `window.kopru.chooseFile(request)` for the native save/open dialog. ipcRenderer itself is never exposed.
//
// This runs as a sandboxed preload, whose `require` knows only `electron`, `events`, `timers` and `url`:
// it imports nothing else (shared/bridge.ts is plain constants, bundled in). tests/shell/builtPreload.test.ts
// loads the built file under exactly those rules.

const kopruBridge: Required<Bridge> = Object.freeze({
  invoke(channel: string, input: unknown): Promise<unknown> {
    if (!looksLikeChannel(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'Bilinmeyen işlem.', key: 'code.UNKNOWN_CHANNEL' } });
    }
    return ipcRenderer.invoke(INVOKE_CHANNEL, channel, input);
  },
  chooseFile(request: unknown): Promise<unknown> {
    return ipcRenderer.invoke(CHOOSE_FILE_CHANNEL, request);
  },
});

contextBridge.exposeInMainWorld('kopru', kopruBridge);
