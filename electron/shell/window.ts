import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { APP_URL } from './protocol';

export function windowOptions(preloadPath: string, packaged = true): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 640,
    title: 'Köprü',
    show: false,
    backgroundColor: '#f8f9fa',
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: !packaged,
    },
  };
}

/**
 * The page the app loads: the built renderer from the app:// scheme. The dev server's address
 * (ELECTRON_RENDERER_URL, set by `electron-vite dev`) is honoured only when the app is not packaged, so an
 * environment variable can never point the shipped app at another page.
 */
export function rendererUrl(packaged: boolean, devServerUrl: string | undefined): string {
  if (!packaged && devServerUrl) return devServerUrl;
  return APP_URL;
}

/** How long a window may take to be ready before the person is told something is wrong. */
export const READY_TIMEOUT_MS = 20_000;

/**
 * Creates the window, shows it when its page is ready, and never leaves it hidden for good: a page that fails
 * to load, or is not ready after READY_TIMEOUT_MS, is reported through `onNeverReady` and the window shown.
 */
export function createMainWindow(preloadPath: string, url: string, options: { packaged: boolean; onNeverReady: (reason: string) => void }): BrowserWindow {
  const window = new BrowserWindow(windowOptions(preloadPath, options.packaged));
  let shown = false;
  const show = () => {
    if (shown || window.isDestroyed()) return;
    shown = true;
    clearTimeout(timer);
    window.show();
  };
  const timer = setTimeout(() => {
    if (shown) return;
    show();
    options.onNeverReady('timeout');
  }, READY_TIMEOUT_MS);
  window.once('ready-to-show', show);
  window.webContents.on('did-fail-load', (_event, code, description, _url, isMainFrame) => {
    if (!isMainFrame) return;
    show();
    options.onNeverReady(`did-fail-load ${code} ${description}`);
  });
  window.on('closed', () => clearTimeout(timer));
  void window.loadURL(url);
  return window;
}
