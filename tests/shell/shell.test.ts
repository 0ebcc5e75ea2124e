import type { IpcMain } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/contract';
import { CHOOSE_FILE_CHANNEL, INVOKE_CHANNEL } from '../../shared/bridge';

// The Electron shell, with `electron` mocked (its binary cannot be downloaded here): IPC registration and the
// sender check, the preload surface, window options and the navigation / permission guards.


const electron = vi.hoisted(() => {
  const ipcHandlers = new Map<string, (...args: unknown[]) => unknown>();
  const appListeners = new Map<string, (...args: unknown[]) => unknown>();
  const windows: { options: unknown; loadURL: ReturnType<typeof vi.fn>; once: ReturnType<typeof vi.fn>; show: ReturnType<typeof vi.fn> }[] = [];
  class BrowserWindow {
    static getAllWindows = vi.fn(() => windows);
    static fromWebContents = vi.fn(() => windows[0] ?? null);
    options: unknown;
    loadURL = vi.fn(async () => {});
    once = vi.fn();
    show = vi.fn();
    focus = vi.fn();
    constructor(options: unknown) {
      this.options = options;
      windows.push(this);
    }
  }
  return {
    ipcHandlers,
    appListeners,
    windows,
    ipcMain: {
      handle: vi.fn((channel: string, fn: (...args: unknown[]) => unknown) => {
        ipcHandlers.set(channel, fn);
      }),
    },
    ipcRenderer: { invoke: vi.fn(async (channel: string) => ({ ok: true, value: `answered ${channel}` })), on: vi.fn(), send: vi.fn() },
    contextBridge: { exposeInMainWorld: vi.fn() },
    shell: { openExternal: vi.fn(async () => {}) },
    dialog: {
      showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: false, filePath: '/media/usb/ankara.kopru' })),
      showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: false, filePaths: ['/media/usb/bakanlik.kopru'] })),
    },
    BrowserWindow,
    app: {
      isPackaged: false,
      requestSingleInstanceLock: vi.fn(() => true),
      quit: vi.fn(),
      whenReady: vi.fn(() => Promise.resolve()),
      on: vi.fn((event: string, fn: (...args: unknown[]) => unknown) => {
        appListeners.set(event, fn);
      }),
      getPath: vi.fn(() => '/nonexistent-user-data'),
      getAppPath: vi.fn(() => ''),
      getVersion: vi.fn(() => '9.9.9-test'),
    },
  };
});

vi.mock('electron', () => ({ ...electron, default: electron }));

beforeEach(() => {
  vi.clearAllMocks();
  electron.ipcHandlers.clear();
  electron.appListeners.clear();
  electron.windows.length = 0;
  vi.resetModules();
});

const APP_URL = 'file:///opt/kopru/resources/app/out/renderer/index.html';

function frameEvent(url: string, parent: unknown = null) {
  return { senderFrame: { url, parent } };
}

describe('registerIpc', () => {
  async function register(appUrl = APP_URL) {
    const { registerIpc } = await import('../../electron/shell/ipc');
    const invoke = vi.fn(async (channel: string, input: unknown) => ({ ok: true as const, value: { channel, input } }));
    registerIpc(electron.ipcMain as unknown as IpcMain, invoke, () => appUrl);
    const handler = electron.ipcHandlers.get(INVOKE_CHANNEL)!;
    return { invoke, call: (event: unknown, channel: unknown, input: unknown) => handler(event, channel, input) as Promise<{ ok: boolean; error?: { code: string; message: string } }> };
  }

  it('registers one ipcMain.handle, the invoke channel', async () => {
    await register();
    expect(electron.ipcMain.handle.mock.calls.map((c) => c[0])).toEqual([INVOKE_CHANNEL]);
  });

  it('passes calls from the app’s own top-level page to the dispatcher, channel and input unchanged', async () => {
    const { invoke, call } = await register();
    for (const channel of CHANNELS) {
      await expect(call(frameEvent(APP_URL), channel, { a: 1 })).resolves.toEqual({ ok: true, value: { channel, input: { a: 1 } } });
    }
    // Same page with a hash route or query is still the app.
    await call(frameEvent(`${APP_URL}#/merkezler?q=1`), 'settings:get', {});
    expect(invoke).toHaveBeenCalledTimes(CHANNELS.length + 1);
  });

  it('answers a channel name that is not text with UNKNOWN_CHANNEL, without calling the dispatcher', async () => {
    const { invoke, call } = await register();
    for (const channel of [undefined, null, 42, { toString: () => 'settings:get' }]) {
      const result = await call(frameEvent(APP_URL), channel, {});
      expect(result.error?.code).toBe('UNKNOWN_CHANNEL');
    }
    expect(invoke).not.toHaveBeenCalled();
  });

  it.each([
    ['a child frame of the app page', frameEvent(APP_URL, { url: APP_URL })],
    ['another website', frameEvent('https://evil.example/index.html')],
    ['another local file', frameEvent('file:///tmp/evil/index.html')],
    ['a page with an unparseable URL', frameEvent('not a url')],
    ['a destroyed frame', { senderFrame: null }],
    ['no frame at all', {}],
  ])('refuses %s with FORBIDDEN, without calling the dispatcher', async (_what, event) => {
    const { invoke, call } = await register();
    for (const channel of CHANNELS) {
      const result = await call(event, channel, {});
      expect(result.ok).toBe(false);
      expect(result.error?.code).toBe('FORBIDDEN');
      expect(result.error?.message.length).toBeGreaterThan(0);
    }
    expect(invoke).not.toHaveBeenCalled();
  });

  it('with the dev server, trusts only its origin', async () => {
    const { invoke, call } = await register('http://localhost:5173/');
    await call(frameEvent('http://localhost:5173/#/ayarlar'), 'settings:get', {});
    expect(invoke).toHaveBeenCalledTimes(1);
    for (const url of ['http://localhost:5174/', 'https://localhost:5173/', 'http://127.0.0.1:5173/', 'http://localhost.evil.com:5173/']) {
      const result = await call(frameEvent(url), 'settings:get', {});
      expect(result.error?.code, url).toBe('FORBIDDEN');
    }
    expect(invoke).toHaveBeenCalledTimes(1);
  });
});

describe('file dialog', () => {
  async function register() {
    const { registerFileDialog } = await import('../../electron/shell/dialogs');
    const owner = { id: 'main-window' };
    registerFileDialog(electron.ipcMain as unknown as IpcMain, electron.dialog as never, () => APP_URL, () => owner as never);
    const handler = electron.ipcHandlers.get(CHOOSE_FILE_CHANNEL)!;
    return { owner, choose: (event: unknown, input: unknown) => handler(event, input) as Promise<{ ok: boolean; value?: string | null; error?: { code: string; message: string } }> };
  }
  const save = { mode: 'save', kind: 'exchange', defaultPath: '/media/usb/degisim/ankara.kopru', title: 'Değişim dosyasını kaydet', filterName: 'Köprü değişim dosyası' };

  it('shows the save dialog over the app window with the suggested path and the .kopru filter, and returns the chosen path', async () => {
    const { owner, choose } = await register();
    await expect(choose(frameEvent(APP_URL), save)).resolves.toEqual({ ok: true, value: '/media/usb/ankara.kopru' });
    expect(electron.dialog.showSaveDialog).toHaveBeenCalledTimes(1);
    const [window, options] = electron.dialog.showSaveDialog.mock.calls[0]! as [unknown, Record<string, unknown>];
    expect(window).toBe(owner);
    expect(options).toMatchObject({ title: save.title, defaultPath: save.defaultPath, filters: [{ name: save.filterName, extensions: ['kopru'] }] });
    expect(options.properties).not.toContain('showOverwriteConfirmation');
  });

  it('opens an introduction (.json) with the open dialog, one file', async () => {
    const { choose } = await register();
    const result = await choose(frameEvent(APP_URL), { mode: 'open', kind: 'introduction', title: 'Tanıtım dosyasını aç', filterName: 'Köprü tanıtım dosyası' });
    expect(result).toEqual({ ok: true, value: '/media/usb/bakanlik.kopru' });
    const [, options] = electron.dialog.showOpenDialog.mock.calls[0]! as [unknown, Record<string, unknown>];
    expect(options).toMatchObject({ properties: ['openFile'], filters: [{ extensions: ['json'] }] });
    expect(options).not.toHaveProperty('defaultPath');
  });

  it('answers null when the person closes the dialog without choosing', async () => {
    const { choose } = await register();
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    await expect(choose(frameEvent(APP_URL), save)).resolves.toEqual({ ok: true, value: null });
    await expect(choose(frameEvent(APP_URL), { ...save, mode: 'open' })).resolves.toEqual({ ok: true, value: null });
  });

  it.each([
    ['another website', frameEvent('https://evil.example/index.html')],
    ['a child frame of the app page', frameEvent(APP_URL, { url: APP_URL })],
    ['no frame at all', {}],
  ])('refuses %s with FORBIDDEN and shows no dialog', async (_what, event) => {
    const { choose } = await register();
    const result = await choose(event, save);
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('FORBIDDEN');
    expect(electron.dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it.each([
    ['an unknown mode', { ...save, mode: 'delete' }],
    ['an unknown kind of file', { ...save, kind: 'sqlite' }],
    ['an extra option', { ...save, properties: ['openDirectory'] }],
    ['no title', { mode: 'save', kind: 'exchange', filterName: 'x' }],
    ['a path that is not text', { ...save, defaultPath: 42 }],
    ['nothing', undefined],
  ])('refuses a request with %s (VALIDATION, in Turkish) and shows no dialog', async (_what, input) => {
    const { choose } = await register();
    const result = await choose(frameEvent(APP_URL), input);
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('VALIDATION');
    expect(result.error?.message).toMatch(/geçersiz/);
    expect(electron.dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(electron.dialog.showOpenDialog).not.toHaveBeenCalled();
  });
});

describe('preload (source; tests/built/preload.test.ts loads the built file under the sandbox rules)', () => {
  async function loadPreload() {
    await import('../../electron/shell/preload');
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [key, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0]! as unknown as [string, Record<string, unknown>];
    return { key, api };
  }

  it('exposes exactly one object, window.kopru, with only invoke and chooseFile', async () => {
    const { key, api } = await loadPreload();
    expect(key).toBe('kopru');
    expect(Object.keys(api)).toEqual(['invoke', 'chooseFile']);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('never hands out ipcRenderer or any of its methods', async () => {
    const { api } = await loadPreload();
    const leaked = new Set<unknown>([electron.ipcRenderer, ...Object.values(electron.ipcRenderer)]);
    for (const value of Object.values(api)) expect(leaked.has(value)).toBe(false);
    expect(leaked.has(api)).toBe(false);
  });

  it('forwards every contract channel over the invoke channel', async () => {
    const { api } = await loadPreload();
    const invoke = api.invoke as (channel: string, input: unknown) => Promise<unknown>;
    for (const channel of CHANNELS) {
      await invoke(channel, { x: 1 });
      expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(INVOKE_CHANNEL, channel, { x: 1 });
    }
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledTimes(CHANNELS.length);
  });

  it.each(['nope', '', 'ELECTRON_BROWSER_WINDOW_ALERT', 'ELECTRON_GUEST_VIEW_MANAGER_CALL', '__proto__', 'toString', 'shell:chooseFile:x'])(
    'refuses %j, which is no channel name, without touching ipcRenderer',
    async (channel) => {
      const { api } = await loadPreload();
      const result = (await (api.invoke as (c: string, i: unknown) => Promise<unknown>)(channel, {})) as { ok: boolean; error: { code: string } };
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
      expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
    },
  );
});

describe('window', () => {
  it('isolates the renderer: sandbox, context isolation, no Node, no webview, web security; no DevTools when packaged', async () => {
    const { windowOptions } = await import('../../electron/shell/window');
    const options = windowOptions('/opt/kopru/out/preload/index.cjs', true);
    expect(options.webPreferences).toMatchObject({
      preload: '/opt/kopru/out/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      devTools: false,
    });
    expect(options.webPreferences).not.toHaveProperty('nodeIntegrationInSubFrames', true);
    expect(options.webPreferences).not.toHaveProperty('experimentalFeatures', true);
    expect(windowOptions('/p.cjs', false).webPreferences?.devTools).toBe(true);
  });

  it('loads app://kopru; the dev server only when the app is not packaged', async () => {
    const { rendererUrl } = await import('../../electron/shell/window');
    expect(rendererUrl(true, undefined)).toBe('app://kopru/index.html');
    expect(rendererUrl(true, 'http://localhost:5173/')).toBe('app://kopru/index.html');
    expect(rendererUrl(false, 'http://localhost:5173/')).toBe('http://localhost:5173/');
    expect(rendererUrl(false, undefined)).toBe('app://kopru/index.html');
  });
});

describe('the IPC sender check under app://', () => {
  it('trusts only the app page itself, whatever its hash route', async () => {
    const { isTrustedSender } = await import('../../electron/shell/ipc');
    const app = 'app://kopru/index.html';
    expect(isTrustedSender(frameEvent('app://kopru/index.html#/registry') as never, app)).toBe(true);
    for (const url of ['app://evil/index.html', 'app://kopru/other.html', 'app://kopru/index.html?x=1', 'data:text/html,<script>', 'file:///opt/kopru/index.html', 'http://kopru/index.html']) {
      expect(isTrustedSender(frameEvent(url) as never, app), url).toBe(false);
    }
  });
});

// Navigation, window.open and permission guards: tests/shell/security.test.ts. Booting the built main with
// the real backend worker: tests/built/main.test.ts.
