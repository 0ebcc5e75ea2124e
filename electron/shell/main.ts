import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol } from 'electron';
import electronLog from 'electron-log/node';
import { createLogger, type Logger } from '../app/log';
import { startBackendWorker, type BackendWorker } from '../backend/host';
import { dataKeyForBackend, rewrapForThisMachine } from './dataKey';
import { registerFileDialog } from './dialogs';
import { registerIpc } from './ipc';
import { configureLogFile } from './logFile';
import { menuTemplate } from './menu';
import { aboutText, notice, type NoticeLanguage } from './notices';
import { checkOpenedFile, exchangeFileFromArgv } from './openFile';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, appProtocolHandler } from './protocol';
import { installAppSecurity } from './security';
import { createMainWindow, rendererUrl } from './window';

// The Electron shell, and nothing more: windows, menu, dialogs, the app:// protocol, the IPC sender check,
// logs and crash handling. The database and every handler run in the backend worker thread
// (out/main/backend.js), so this thread, which also runs the window's event loop, never waits for SQLite.
// Logs use electron-log's Node file transport: its Electron entry would also open an IPC channel for renderer
// logs, which the sandboxed window cannot reach and nothing should offer.

const packaged = app.isPackaged;
// Before 'ready': the renderer is served from app://kopru as a standard, secure scheme (see protocol.ts).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

const logger: Logger = createLogger(configureLogFile(electronLog, app.getPath('logs'), { console: !packaged }));
const url = rendererUrl(packaged, process.env.ELECTRON_RENDERER_URL);
const preload = path.join(import.meta.dirname, '..', 'preload', 'index.cjs');

function migrationsDir(): string {
  return packaged ? path.join(process.resourcesPath, 'migrations') : path.join(app.getAppPath(), 'db', 'migrations');
}

function dataDir(): string {
  // An empty KOPRU_DATA_DIR is no folder (path.resolve('') would be the working directory).
  return process.env.KOPRU_DATA_DIR || path.join(app.getPath('userData'), 'data');
}

let backend: BackendWorker | null = null;
let mainWindow: BrowserWindow | null = null;
let pendingFile: { file: string; cwd?: string } | null = null;
let quitting = false;

/** The interface language for main's own dialogs and menu; Turkish if the backend cannot say within 2 s. */
async function language(): Promise<NoticeLanguage> {
  if (!backend) return 'tr';
  const answer = backend.invoke('settings:get', {}).then((envelope) => (envelope.ok && (envelope.value as { language?: string }).language === 'en' ? 'en' : 'tr'));
  const late = new Promise<NoticeLanguage>((resolve) => setTimeout(() => resolve('tr'), 2_000).unref());
  return Promise.race([answer, late]);
}

function setMenu(lang: NoticeLanguage): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ packaged, language: lang, appName: 'Köprü', onAbout: () => void showAbout() })));
}

async function ask(kind: Parameters<typeof notice>[0], type: 'error' | 'warning' = 'error'): Promise<number> {
  const text = notice(kind, await language());
  const options = { type, title: text.title, message: text.message, detail: text.detail, buttons: text.buttons, defaultId: 0, cancelId: text.buttons.length - 1, noLink: true };
  const result = mainWindow && !mainWindow.isDestroyed() ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options);
  return result.response;
}

function focusWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  if (!mainWindow.isVisible()) mainWindow.show();
  mainWindow.focus();
}

/** A `.kopru` file the OS asked us to open: checked here, then offered to the import screen. */
async function offerFile(file: string, cwd?: string): Promise<void> {
  if (!backend) {
    pendingFile = { file, ...(cwd ? { cwd } : {}) };
    return;
  }
  const check = await checkOpenedFile(file, cwd ? { cwd } : {});
  focusWindow();
  if (!check.ok) {
    logger.warn('shell.opened-file-refused', { reason: check.reason });
    const lang = await language();
    const options = { type: 'warning' as const, title: 'Köprü', message: check.message[lang], buttons: [lang === 'tr' ? 'Tamam' : 'OK'], noLink: true };
    if (mainWindow && !mainWindow.isDestroyed()) await dialog.showMessageBox(mainWindow, options);
    else await dialog.showMessageBox(options);
    return;
  }
  logger.info('shell.opened-file', {});
  await backend.offerOpenedFile(check.path);
}

async function showAbout(): Promise<void> {
  const text = aboutText(await language(), { app: app.getVersion(), electron: process.versions.electron ?? '', chrome: process.versions.chrome ?? '', node: process.versions.node });
  const options = { type: 'info' as const, title: text.title, message: text.message, detail: text.detail, buttons: text.buttons, noLink: true };
  if (mainWindow) await dialog.showMessageBox(mainWindow, options);
  else await dialog.showMessageBox(options);
}

function openWindow(): void {
  mainWindow = createMainWindow(preload, url, {
    packaged,
    onNeverReady: (reason) => {
      logger.error('shell.window-never-ready', { reason });
      void ask('neverReady').then((choice) => (choice === 0 ? mainWindow?.reload() : app.quit()));
    },
  });
  mainWindow.on('closed', () => (mainWindow = null));
}

if (!app.requestSingleInstanceLock()) {
  // One window per installation: the second launch hands its file (if any) to the first and leaves.
  app.quit();
} else {
  installAppSecurity(app, () => url, { packaged });

  app.on('second-instance', (_event, argv, workingDirectory) => {
    // The window was closed (macOS keeps the app running without one): a second launch opens it again.
    if (app.isReady() && (!mainWindow || mainWindow.isDestroyed())) openWindow();
    focusWindow();
    const file = exchangeFileFromArgv(argv);
    if (file) void offerFile(file, workingDirectory);
  });
  // macOS hands opened files to the running app this way (also before 'ready').
  app.on('open-file', (event, file) => {
    event.preventDefault();
    void offerFile(file);
  });

  app.on('render-process-gone', (_event, _contents, details) => {
    logger.error('shell.renderer-gone', { reason: details.reason, exitCode: details.exitCode });
    if (details.reason === 'clean-exit' || quitting) return;
    void ask('rendererGone').then((choice) => {
      if (choice !== 0) return app.quit();
      if (mainWindow && !mainWindow.isDestroyed()) mainWindow.reload();
      else openWindow();
    });
  });
  app.on('child-process-gone', (_event, details) => {
    logger.error('shell.child-gone', { kind: details.type, reason: details.reason, exitCode: details.exitCode, name: details.name ?? null });
  });
  process.on('uncaughtException', (error) => {
    logger.error('shell.uncaught', { error });
    void ask('mainError');
  });
  process.on('unhandledRejection', (reason) => logger.error('shell.unhandled-rejection', { error: reason }));

  void app.whenReady().then(async () => {
    protocol.handle(APP_SCHEME, appProtocolHandler(path.join(import.meta.dirname, '..', 'renderer')));
    const folder = dataDir();
    const keyLog = (event: string, details: Record<string, string>) => logger.warn(event, details);
    backend = startBackendWorker(
      path.join(import.meta.dirname, 'backend.js'),
      {
        dataDir: folder,
        migrationsDir: migrationsDir(),
        appVersion: app.getVersion(),
        holder: 'app',
        lockWaitMs: 3_000,
        automaticBackups: true,
        logDir: app.getPath('logs'),
        ...dataKeyForBackend(folder, keyLog),
      },
      { log: (level, event, details) => logger[level](event, details), unlocked: (key) => rewrapForThisMachine(folder, key, keyLog) },
    );
    backend.onUnexpectedExit(() => {
      if (quitting) return;
      void ask('backendGone').then((choice) => {
        if (choice === 0) app.relaunch();
        app.exit(0);
      });
    });
    registerIpc(ipcMain, (channel, input) => backend!.invokeJson(channel, input), () => url);
    registerFileDialog(ipcMain, dialog, () => url, (event) => BrowserWindow.fromWebContents(event.sender));
    // The window at once (it shows its own loading state while the backend opens the database, which may
    // migrate or wait for another Köprü), the menu in Turkish until the stored language is known.
    setMenu('tr');
    openWindow();
    void language().then((lang) => lang !== 'tr' && setMenu(lang));
    const file = pendingFile ?? (exchangeFileFromArgv(process.argv) ? { file: exchangeFileFromArgv(process.argv)! } : null);
    pendingFile = null;
    if (file) void offerFile(file.file, file.cwd);
  });

  app.on('window-all-closed', () => app.quit());
  // Quitting waits for the backend: the running job is asked to stop, queued saves finish, today's backup is
  // taken, the database closes. If that takes over a minute, the app leaves anyway: with WAL and synchronous
  // FULL every acknowledged save is already on disk, and an unfinished job rolls back at the next start.
  app.on('before-quit', (event) => {
    if (quitting || !backend) return;
    event.preventDefault();
    quitting = true;
    const tooLong = setTimeout(() => {
      logger.error('shell.quit-timeout', {});
      app.exit(0);
    }, 60_000);
    void backend.close().finally(() => {
      clearTimeout(tooLong);
      app.quit();
    });
  });
}
