import { shell, type App, type WebContents } from 'electron';

// Electron security checklist: no navigation away from the app, no new windows, no permissions,
// external links only to an allow-list of official sites, opened in the system browser.

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

export function hardenWebContents(contents: WebContents, appUrl: () => string): void {
  contents.on('will-navigate', (event, url) => {
    if (url !== appUrl()) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

export function installAppSecurity(app: App, appUrl: () => string): void {
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, appUrl);
    contents.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  });
}
