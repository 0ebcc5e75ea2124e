import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS } from '../../shared/contract';
import { CHOOSE_FILE_CHANNEL, type ChooseFileRequest } from '../../shared/fileDialog';

// The renderer's only door to main: `window.kopru.invoke(channel, input)` for contract channels, and
// `window.kopru.chooseFile(request)` for the native save/open dialog. ipcRenderer itself is never exposed.
const known = new Set<string>(CHANNELS);

export const kopruBridge = Object.freeze({
  invoke(channel: string, input: unknown): Promise<unknown> {
    if (!known.has(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `Bilinmeyen işlem: ${channel}` } });
    }
    return ipcRenderer.invoke(channel, input);
  },
  chooseFile(request: ChooseFileRequest): Promise<unknown> {
    return ipcRenderer.invoke(CHOOSE_FILE_CHANNEL, request);
  },
});

contextBridge.exposeInMainWorld('kopru', kopruBridge);
