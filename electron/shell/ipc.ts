import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../shared/contract';
import type { Invoke } from '../app/dispatch';

/**
 * Registers one `ipcMain.handle` per contract channel. The sender frame is checked first: only the app's
 * own top-level page may call; anything else (an injected frame, a navigated page) gets FORBIDDEN.
 */
export function registerIpc(ipcMain: IpcMain, invoke: Invoke, appUrl: () => string): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown) => {
      if (!isTrustedSender(event, appUrl())) return NOT_FROM_APP_PAGE;
      return invoke(channel, input);
    });
  }
}

/** The answer to a call from anything but the app's own top-level page. */
export const NOT_FROM_APP_PAGE = Object.freeze({ ok: false, error: Object.freeze({ code: 'FORBIDDEN', message: 'Bu istek uygulamanın kendi sayfasından gelmiyor.' }) } as const);

export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>, appUrl: string): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent) return false;
  const expected = new URL(appUrl);
  let actual: URL;
  try {
    actual = new URL(frame.url);
  } catch {
    return false;
  }
  if (expected.protocol === 'file:') return actual.protocol === 'file:' && actual.pathname === expected.pathname;
  return actual.origin === expected.origin;
}
