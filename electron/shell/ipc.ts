import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { INVOKE_CHANNEL } from '../../shared/bridge';
import { isAppDocument } from './security';

/**
 * Registers the one IPC channel that carries contract calls `(channel, input)`. The sender frame is checked
 * first: only the app's own top-level page may call; anything else (an injected frame, a navigated page) gets
 * FORBIDDEN. The channel name and the input are then checked by the backend's dispatcher, like every transport's.
 * The backend answers with the envelope's JSON text, which goes to the window as it is (one string copy).
 */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, invoke: (channel: string, input: unknown) => Promise<unknown>, appUrl: () => string): void {
  ipcMain.handle(INVOKE_CHANNEL, (event: IpcMainInvokeEvent, channel: unknown, input: unknown) => {
    if (!isTrustedSender(event, appUrl())) return NOT_FROM_APP_PAGE;
    if (typeof channel !== 'string') return UNKNOWN_CHANNEL;
    return invoke(channel, input);
  });
}

/** The answer to a call from anything but the app's own top-level page. */
export const NOT_FROM_APP_PAGE = Object.freeze({ ok: false, error: Object.freeze({ code: 'FORBIDDEN', message: 'Bu istek uygulamanın kendi sayfasından gelmiyor.' }) } as const);

const UNKNOWN_CHANNEL = Object.freeze({ ok: false, error: Object.freeze({ code: 'UNKNOWN_CHANNEL', message: 'Bilinmeyen işlem.', key: 'code.UNKNOWN_CHANNEL' }) } as const);

/**
 * The sender is the app's own page (app://kopru/index.html, any hash route) in a top-level frame. Compared part
 * by part (isAppDocument): Node gives app: and data: URLs the origin "null", so an origin check would trust
 * any of them.
 */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>, appUrl: string): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent) return false;
  return isAppDocument(frame.url, appUrl);
}
