import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import { createAppContext } from '../app/context';
import { createDispatcher } from '../app/dispatch';
import { registerFileDialog } from './dialogs';
import { registerIpc } from './ipc';
import { installAppSecurity } from './security';
import { createMainWindow, rendererUrl } from './window';

// The Electron shell: a window, security, and IPC wiring around the same handlers the CLI runs.
// Everything testable lives elsewhere; this file only boots.

function migrationsDir(): string {
  return app.isPackaged ? path.join(process.resourcesPath, 'migrations') : path.join(app.getAppPath(), 'db', 'migrations');
}

function dataDir(): string {
  return process.env.KOPRU_DATA_DIR ?? path.join(app.getPath('userData'), 'data');
}

const url = rendererUrl(path.join(import.meta.dirname, '..'), process.env.ELECTRON_RENDERER_URL);

if (!app.requestSingleInstanceLock()) {
  // Two processes writing one SQLite file is safe, but two windows on one installation confuses people.
  app.quit();
} else {
  installAppSecurity(app, () => url);
  void app.whenReady().then(() => {
    const ctx = createAppContext({ dataDir: dataDir(), migrationsDir: migrationsDir(), appVersion: app.getVersion() });
    registerIpc(ipcMain, createDispatcher(ctx), () => url);
    registerFileDialog(ipcMain, dialog, () => url, (event) => BrowserWindow.fromWebContents(event.sender));
    const preload = path.join(import.meta.dirname, '..', 'preload', 'index.cjs');
    createMainWindow(preload, url);
    app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
    app.on('window-all-closed', () => {
      ctx.close();
      app.quit();
    });
  });
}
