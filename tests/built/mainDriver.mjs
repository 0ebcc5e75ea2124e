// Loads the built out/main/index.js under plain Node, with `electron` stood in (electronStub.mjs), from a
// folder that holds only what electron-builder packs: out/, the production dependencies and resources/migrations.
// Plays Electron's part: 'ready', a page at app://kopru calling over IPC, quitting. Prints one JSON line of what
// happened. Usage: node mainDriver.mjs <appDir> <userDataDir> <script.json>
// The script is a list of steps: { invoke: channel, input } calls from the app page, { forbidden: channel }
// calls from another page, { fetch: url } through the app:// protocol handler, { quit: true }.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [appDir, userData, scriptFile] = process.argv.slice(2);
// The "OS key" of this user: the same for every run of the driver on one user-data folder, as DPAPI's is.
const OS_KEY = crypto.createHash('sha256').update(`os key store of ${userData}`).digest();
const script = JSON.parse(fs.readFileSync(scriptFile, 'utf8'));
const events = new Map();
const ipc = new Map();
const protocols = new Map();
const windows = [];
const record = { privileged: null, menu: null, windows: [], dialogs: [], quit: false, steps: [] };
let resolveReady;
const ready = new Promise((resolve) => (resolveReady = resolve));

class BrowserWindow {
  constructor(options) {
    this.options = options;
    this.listeners = new Map();
    this.webContents = { on: () => this.webContents, send: () => undefined };
    windows.push(this);
    record.windows.push({ preload: options.webPreferences?.preload ?? null, sandbox: options.webPreferences?.sandbox ?? null, contextIsolation: options.webPreferences?.contextIsolation ?? null, devTools: options.webPreferences?.devTools ?? null });
  }
  static getAllWindows() { return windows; }
  static fromWebContents() { return windows[0] ?? null; }
  once(event, fn) { this.listeners.set(event, fn); return this; }
  on(event, fn) { this.listeners.set(event, fn); return this; }
  loadURL(url) { record.windows.at(-1).url = url; return Promise.resolve(); }
  show() {} focus() {} restore() {} reload() {}
  isDestroyed() { return false; } isMinimized() { return false; } isVisible() { return true; }
}

globalThis.__electronStub = {
  app: {
    isPackaged: true,
    getPath: (name) => path.join(userData, name),
    getAppPath: () => appDir,
    getVersion: () => '1.2.3-built',
    requestSingleInstanceLock: () => true,
    on: (event, fn) => { events.set(event, fn); },
    whenReady: () => ready,
    // Like Electron: 'before-quit' first; if a listener prevents it, main quits again once it is done.
    quit: () => {
      const fn = events.get('before-quit');
      if (record.quitPrevented || !fn) { record.quit = true; return; }
      fn({ preventDefault: () => { record.quitPrevented = true; } });
      if (!record.quitPrevented) record.quit = true;
    },
    exit: () => { record.exited = true; },
    relaunch: () => undefined,
  },
  protocol: {
    registerSchemesAsPrivileged: (list) => { record.privileged = list; },
    handle: (scheme, handler) => { protocols.set(scheme, handler); },
  },
  ipcMain: { handle: (channel, fn) => { ipc.set(channel, fn); }, on: () => undefined },
  Menu: { buildFromTemplate: (template) => template, setApplicationMenu: (menu) => { record.menu = menu; } },
  dialog: {
    showMessageBox: async (...args) => { record.dialogs.push(args.at(-1)?.message ?? ''); return { response: 0 }; },
    showErrorBox: (title, message) => { record.dialogs.push(message); },
    showSaveDialog: async () => ({ canceled: true }),
    showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
  },
  shell: { openExternal: async () => undefined },
  session: {},
  // Electron's OS key store, played with a key of this process (main wraps the data key with it, issue #16).
  safeStorage: {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => 'gnome_libsecret',
    encryptString: (text) => {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', OS_KEY, iv);
      const data = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      record.safeStorage = (record.safeStorage ?? 0) + 1;
      return Buffer.concat([iv, cipher.getAuthTag(), data]);
    },
    decryptString: (wrapped) => {
      const decipher = crypto.createDecipheriv('aes-256-gcm', OS_KEY, wrapped.subarray(0, 12));
      decipher.setAuthTag(wrapped.subarray(12, 28));
      record.safeStorage = (record.safeStorage ?? 0) + 1;
      return Buffer.concat([decipher.update(wrapped.subarray(28)), decipher.final()]).toString('utf8');
    },
  },
  BrowserWindow,
};
process.resourcesPath = path.join(appDir, 'resources');

const main = path.join(appDir, 'out', 'main', 'index.js');
await import(pathToFileURL(main).href);
resolveReady();
// Wait for main to open its window (after the backend answered the language question).
for (let i = 0; i < 400 && windows.length === 0; i++) await new Promise((r) => setTimeout(r, 25));

const page = { senderFrame: { url: record.windows[0]?.url ?? 'app://kopru/index.html', parent: null } };
const evil = { senderFrame: { url: 'app://evil/index.html', parent: null } };
for (const step of script) {
  // The backend answers with the envelope's JSON text; the shell's own refusals are objects.
  const answer = (value) => (typeof value === 'string' ? { ...JSON.parse(value), asText: true } : value);
  if (step.invoke) record.steps.push(answer(await ipc.get('kopru:invoke')(page, step.invoke, step.input ?? {})));
  else if (step.forbidden) record.steps.push(answer(await ipc.get('kopru:invoke')(evil, step.forbidden, step.input ?? {})));
  else if (step.fetch) {
    const response = await protocols.get('app')(new Request(step.fetch));
    const body = await response.text();
    record.steps.push({ status: response.status, csp: response.headers.get('content-security-policy'), type: response.headers.get('content-type'), length: body.length, hasRoot: body.includes('<div id="root">') });
  } else if (step.quit) {
    globalThis.__electronStub.app.quit();
    // main closes the backend (its worker ends), then quits for real.
    for (let i = 0; i < 400 && !record.quit; i++) await new Promise((r) => setTimeout(r, 25));
  }
}
record.ipcChannels = [...ipc.keys()].sort();
record.protocols = [...protocols.keys()];
record.events = [...events.keys()].sort();
process.stdout.write(JSON.stringify(record) + '\n');
process.exit(0);
