import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS } from '../../shared/contract';

// The renderer's only door to main: `window.kopru.invoke(channel, input)` for contract channels.
// ipcRenderer itself is never exposed.
const known = new Set<string>(CHANNELS);

export const kopruBridge = Object.freeze({
  invoke(channel: string, input: unknown): Promise<unknown> {
    if (!known.has(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `Bilinmeyen işlem: ${channel}` } });
    }
    return ipcRenderer.invoke(channel, input);
  },
});

contextBridge.exposeInMainWorld('kopru', kopruBridge);
