import { shell, type App, type WebContents } from 'electron';

// Electron security checklist: no navigation away from the app, no new windows, no permissions (asked for or
// merely checked), no devices, external links only to an allow-list of official sites, opened in the system
// browser, and no developer tools in the shipped app.

export const EXTERNAL_LINK_ALLOW_LIST = [
  'https://www.gsb.gov.tr',
  'https://gsb.gov.tr',
  'https://www.siviltoplum.gov.tr',
  'https://www.kvkk.gov.tr',
] as const;

export function isAllowedExternal(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && EXTERNAL_LINK_ALLOW_LIST.some((allowed) => parsed.origin === allowed);
  } catch {
    return false;
  }
}

/**
 * Whether `target` is the app's own page, whatever its hash: the app routes by hash
 * (`app://kopru/index.html#/merkezler`), so only the fragment may differ. Compared part by part, not by
 * `URL.origin`: Node gives every non-special scheme (app:, and data:, blob: …) the origin "null", so
 * comparing origins would make any `app://anything` or `data:` page look like the app.
 */
export function isAppDocument(target: string, appUrl: string): boolean {
  let actual: URL;
  let expected: URL;
  try {
    actual = new URL(target);
    expected = new URL(appUrl);
  } catch {
    return false;
  }
  return (
    actual.protocol === expected.protocol &&
    actual.username === expected.username &&
    actual.password === expected.password &&
    actual.host === expected.host &&
    actual.pathname === expected.pathname &&
    actual.search === expected.search
  );
}

/** Electron 45 passes the URL on the event (`details.url`); the positional argument is deprecated. */
function navigationUrl(event: unknown, legacyUrl: unknown): string {
  const url = (event as { url?: unknown } | null)?.url;
  if (typeof url === 'string') return url;
  return typeof legacyUrl === 'string' ? legacyUrl : '';
}

export function hardenWebContents(contents: WebContents, appUrl: () => string): void {
  // A link or `location =` that leaves the app page would give that page the preload bridge's window.
  // Hash changes within the page do not fire this event; a full load of the page itself (same URL, another
  // hash) is allowed, anything else is stopped.
  contents.on('will-navigate', (event, legacyUrl) => {
    if (!isAppDocument(navigationUrl(event, legacyUrl), appUrl())) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/**
 * In the shipped app, DevTools is a console into the page that holds the registry (and its IPC bridge), so
 * it is closed as soon as anything opens it (a leftover shortcut, `webContents.openDevTools()`). In
 * development it stays.
 */
export function installDevToolsGuard(contents: Pick<WebContents, 'on' | 'closeDevTools'>, packaged: boolean): void {
  if (!packaged) return;
  contents.on('devtools-opened', () => contents.closeDevTools());
}

export interface AppSecurityOptions {
  /** Whether this is the shipped app (no DevTools); `app.isPackaged` when not given. */
  packaged?: boolean;
}

export function installAppSecurity(app: App, appUrl: () => string, options: AppSecurityOptions = {}): void {
  const packaged = options.packaged ?? app.isPackaged;
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, appUrl);
    installDevToolsGuard(contents, packaged);
    // Both handlers: a request handler alone still lets pages *check* permissions (navigator.permissions,
    // some APIs consult the check only), and Electron grants by default. The app needs none (no camera,
    // notifications, clipboard API, geolocation, devices). Setting them again for a session already set is
    // harmless, and it covers sessions other than the default one.
    contents.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    contents.session.setPermissionCheckHandler(() => false);
    // WebHID, Web Serial and WebUSB device access is decided here, not by the permission handlers.
    contents.session.setDevicePermissionHandler(() => false);
  });
}
