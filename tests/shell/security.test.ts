import type { App, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// The navigation, permission and DevTools guards of electron/shell/security.ts, with `electron` mocked (its
// binary cannot be downloaded here), for the app served at app://kopru/index.html with hash routes.

type Listener = (...args: unknown[]) => unknown;

const electron = vi.hoisted(() => {
  const appListeners = new Map<string, (...args: unknown[]) => unknown>();
  return {
    appListeners,
    shell: { openExternal: vi.fn(async () => {}) },
    app: {
      isPackaged: false,
      on: vi.fn((event: string, fn: (...args: unknown[]) => unknown) => {
        appListeners.set(event, fn);
      }),
    },
  };
});

vi.mock('electron', () => ({ ...electron, default: electron }));

beforeEach(() => {
  vi.clearAllMocks();
  electron.appListeners.clear();
  electron.app.isPackaged = false;
});

const APP_URL = 'app://kopru/index.html';

function fakeContents() {
  const listeners = new Map<string, Listener>();
  const handlers: {
    request?: (wc: unknown, permission: string, callback: (granted: boolean) => void, details?: unknown) => void;
    check?: (wc: unknown, permission: string, origin: string, details: unknown) => boolean;
    device?: (details: unknown) => boolean;
    open?: (details: { url: string }) => { action: string };
  } = {};
  const contents = {
    on: vi.fn((event: string, fn: Listener) => {
      listeners.set(event, fn);
      return contents;
    }),
    closeDevTools: vi.fn(),
    setWindowOpenHandler: vi.fn((fn: typeof handlers.open) => {
      handlers.open = fn;
    }),
    session: {
      setPermissionRequestHandler: vi.fn((fn: typeof handlers.request) => {
        handlers.request = fn;
      }),
      setPermissionCheckHandler: vi.fn((fn: typeof handlers.check) => {
        handlers.check = fn;
      }),
      setDevicePermissionHandler: vi.fn((fn: typeof handlers.device) => {
        handlers.device = fn;
      }),
    },
  };
  return {
    contents: contents as unknown as WebContents,
    raw: contents,
    handlers,
    listeners,
    /** Electron 45's shape: the URL on the event, the positional URL deprecated (still passed). */
    navigate(url: string) {
      const preventDefault = vi.fn();
      listeners.get('will-navigate')!({ url, isSameDocument: false, isMainFrame: true, preventDefault }, url);
      return preventDefault;
    },
    /** The older shape: the URL only as the second argument. */
    navigateLegacy(url: string) {
      const preventDefault = vi.fn();
      listeners.get('will-navigate')!({ preventDefault }, url);
      return preventDefault;
    },
    emit(event: string) {
      const preventDefault = vi.fn();
      listeners.get(event)!({ preventDefault });
      return preventDefault;
    },
  };
}

const SAME_DOCUMENT = [APP_URL, `${APP_URL}#/`, `${APP_URL}#/merkezler`, `${APP_URL}#/dernekler/0190f0a2?sekme=vize`, `${APP_URL}#`];

const ELSEWHERE = [
  'app://kopru/',
  'app://kopru',
  'app://kopru/other.html',
  'app://kopru/index.html?debug=1',
  'app://kopru/index.html/',
  'app://kopru/assets/index.js',
  'app://evil/index.html',
  'app://kopru.evil/index.html',
  'app://kopru:8080/index.html',
  'app://user@kopru/index.html',
  'https://kopru/index.html',
  'https://www.gsb.gov.tr/',
  'file:///index.html',
  'file:///etc/passwd',
  'data:text/html,<script>alert(1)</script>',
  'blob:app://kopru/0190f0a2-0000-7000-8000-000000000000',
  'javascript:alert(1)',
  'about:blank',
  'not a url',
  '',
];

describe('isAppDocument', () => {
  it('accepts the app page with any hash route', async () => {
    const { isAppDocument } = await import('../../electron/shell/security');
    for (const url of SAME_DOCUMENT) expect(isAppDocument(url, APP_URL), url).toBe(true);
  });

  it('refuses every other page, including other app:// addresses and opaque-origin URLs', async () => {
    const { isAppDocument } = await import('../../electron/shell/security');
    for (const url of ELSEWHERE) expect(isAppDocument(url, APP_URL), url).toBe(false);
  });

  it('works the same for the dev server and for a file:// page', async () => {
    const { isAppDocument } = await import('../../electron/shell/security');
    expect(isAppDocument('http://localhost:5173/#/ayarlar', 'http://localhost:5173/')).toBe(true);
    for (const url of ['http://localhost:5173/other', 'http://localhost:5174/', 'http://127.0.0.1:5173/']) {
      expect(isAppDocument(url, 'http://localhost:5173/'), url).toBe(false);
    }
    const file = 'file:///opt/kopru/resources/app/out/renderer/index.html';
    expect(isAppDocument(`${file}#/merkezler`, file)).toBe(true);
    expect(isAppDocument('file:///tmp/evil/index.html', file)).toBe(false);
  });
});

describe('hardenWebContents at app://kopru', () => {
  it('lets the app page reload itself with another hash route, and stops every other navigation', async () => {
    const { hardenWebContents } = await import('../../electron/shell/security');
    const wc = fakeContents();
    hardenWebContents(wc.contents, () => APP_URL);
    for (const url of SAME_DOCUMENT) {
      expect(wc.navigate(url), url).not.toHaveBeenCalled();
      expect(wc.navigateLegacy(url), url).not.toHaveBeenCalled();
    }
    for (const url of ELSEWHERE) {
      expect(wc.navigate(url), url).toHaveBeenCalledTimes(1);
      expect(wc.navigateLegacy(url), url).toHaveBeenCalledTimes(1);
    }
  });

  it('trusts the URL on the event over the deprecated positional one', async () => {
    const { hardenWebContents } = await import('../../electron/shell/security');
    const wc = fakeContents();
    hardenWebContents(wc.contents, () => APP_URL);
    const preventDefault = vi.fn();
    wc.listeners.get('will-navigate')!({ url: 'https://evil.example/', preventDefault }, APP_URL);
    expect(preventDefault).toHaveBeenCalled();
  });

  it('stops redirects and webviews, and denies window.open, opening only allow-listed links outside', async () => {
    const { hardenWebContents } = await import('../../electron/shell/security');
    const wc = fakeContents();
    hardenWebContents(wc.contents, () => APP_URL);
    expect(wc.emit('will-redirect')).toHaveBeenCalled();
    expect(wc.emit('will-attach-webview')).toHaveBeenCalled();
    for (const url of ['https://www.gsb.gov.tr/', APP_URL, `${APP_URL}#/x`, 'app://kopru/other.html']) {
      expect(wc.handlers.open!({ url })).toEqual({ action: 'deny' });
    }
    expect(electron.shell.openExternal.mock.calls.map((c) => (c as unknown[])[0])).toEqual(['https://www.gsb.gov.tr/']);
  });
});

describe('installDevToolsGuard', () => {
  it('closes DevTools whenever they open in the packaged app', async () => {
    const { installDevToolsGuard } = await import('../../electron/shell/security');
    const wc = fakeContents();
    installDevToolsGuard(wc.contents, true);
    expect(wc.listeners.has('devtools-opened')).toBe(true);
    wc.listeners.get('devtools-opened')!();
    wc.listeners.get('devtools-opened')!();
    expect(wc.raw.closeDevTools).toHaveBeenCalledTimes(2);
  });

  it('leaves DevTools alone in development', async () => {
    const { installDevToolsGuard } = await import('../../electron/shell/security');
    const wc = fakeContents();
    installDevToolsGuard(wc.contents, false);
    expect(wc.raw.on).not.toHaveBeenCalled();
    expect(wc.raw.closeDevTools).not.toHaveBeenCalled();
  });
});

describe('installAppSecurity', () => {
  const PERMISSIONS = ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal', 'fileSystem', 'hid', 'serial', 'usb', 'midi', 'fullscreen', 'persistent-storage', 'unknown'];

  async function created(options?: { packaged?: boolean }) {
    const { installAppSecurity } = await import('../../electron/shell/security');
    installAppSecurity(electron.app as unknown as App, () => APP_URL, options);
    const listener = electron.appListeners.get('web-contents-created');
    expect(listener).toBeDefined();
    const wc = fakeContents();
    listener!({}, wc.contents);
    return wc;
  }

  it('refuses every permission request', async () => {
    const wc = await created();
    for (const permission of PERMISSIONS) {
      const callback = vi.fn();
      wc.handlers.request!({}, permission, callback, {});
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(callback).not.toHaveBeenCalledWith(true);
    }
  });

  it('answers every permission check with false, from the app page and from anywhere else', async () => {
    const wc = await created();
    expect(wc.raw.session.setPermissionCheckHandler).toHaveBeenCalledTimes(1);
    for (const permission of PERMISSIONS) {
      for (const origin of ['app://kopru', 'https://evil.example', '']) {
        expect(wc.handlers.check!(wc.contents, permission, origin, { isMainFrame: true, requestingUrl: APP_URL }), `${permission} ${origin}`).toBe(false);
      }
      expect(wc.handlers.check!(null, permission, 'app://kopru', { isMainFrame: false })).toBe(false);
    }
  });

  it('refuses every HID, serial and USB device', async () => {
    const wc = await created();
    expect(wc.raw.session.setDevicePermissionHandler).toHaveBeenCalledTimes(1);
    for (const deviceType of ['hid', 'serial', 'usb']) {
      expect(wc.handlers.device!({ deviceType, origin: 'app://kopru', device: {} }), deviceType).toBe(false);
    }
  });

  it('hardens navigation for every web contents', async () => {
    const wc = await created();
    expect(wc.navigate('https://evil.example/')).toHaveBeenCalled();
    expect(wc.navigate(`${APP_URL}#/ayarlar`)).not.toHaveBeenCalled();
    expect(wc.raw.setWindowOpenHandler).toHaveBeenCalledTimes(1);
  });

  it('guards DevTools when the app is packaged (app.isPackaged, or said explicitly), not in development', async () => {
    electron.app.isPackaged = true;
    expect((await created()).listeners.has('devtools-opened')).toBe(true);
    electron.app.isPackaged = false;
    expect((await created()).listeners.has('devtools-opened')).toBe(false);
    expect((await created({ packaged: true })).listeners.has('devtools-opened')).toBe(true);
    electron.app.isPackaged = true;
    expect((await created({ packaged: false })).listeners.has('devtools-opened')).toBe(false);
  });
});
