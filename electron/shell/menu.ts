import type { MenuItemConstructorOptions } from 'electron';

// The application menu, as a template main.ts hands to `Menu.buildFromTemplate` and `Menu.setApplicationMenu`.
// A pure function of its options (a type-only import of Electron), so tests walk the real template.
//
// Why an explicit menu: Electron's default one has Reload, Force Reload and Toggle Developer Tools with their
// shortcuts. In the shipped app a clerk pressing Ctrl+R mid-form loses the form, and DevTools is a console
// into the page that holds the registry. So those three exist only in development, and the labels are
// Turkish first (the ministry's language) with complete English.

export type MenuLanguage = 'tr' | 'en';

export interface MenuOptions {
  /** `app.isPackaged`: the shipped app has no reload and no developer tools. */
  packaged: boolean;
  language: MenuLanguage;
  /** Shown in "Köprü Hakkında" / "About Köprü". */
  appName: string;
  /** The About item's action (main shows its own dialog). */
  onAbout: () => void;
  /** For the platform's usual shortcuts; `process.platform` when not given. */
  platform?: NodeJS.Platform;
}

export interface MenuLabels {
  file: string;
  quit: string;
  edit: string;
  undo: string;
  redo: string;
  cut: string;
  copy: string;
  paste: string;
  selectAll: string;
  view: string;
  zoomIn: string;
  zoomOut: string;
  resetZoom: string;
  fullScreen: string;
  reload: string;
  forceReload: string;
  devTools: string;
  help: string;
  about: (appName: string) => string;
}

export const MENU_LABELS: Readonly<Record<MenuLanguage, MenuLabels>> = Object.freeze({
  tr: {
    file: 'Dosya',
    quit: 'Çıkış',
    edit: 'Düzen',
    undo: 'Geri Al',
    redo: 'Yinele',
    cut: 'Kes',
    copy: 'Kopyala',
    paste: 'Yapıştır',
    selectAll: 'Tümünü Seç',
    view: 'Görünüm',
    zoomIn: 'Yakınlaştır',
    zoomOut: 'Uzaklaştır',
    resetZoom: 'Gerçek Boyut',
    fullScreen: 'Tam Ekran',
    reload: 'Yeniden Yükle',
    forceReload: 'Önbelleği Yok Sayarak Yeniden Yükle',
    devTools: 'Geliştirici Araçları',
    help: 'Yardım',
    about: (appName) => `${appName} Hakkında`,
  },
  en: {
    file: 'File',
    quit: 'Quit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    resetZoom: 'Actual Size',
    fullScreen: 'Toggle Full Screen',
    reload: 'Reload',
    forceReload: 'Force Reload',
    devTools: 'Developer Tools',
    help: 'Help',
    about: (appName) => `About ${appName}`,
  },
});

export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { packaged, language, appName, onAbout } = options;
  const platform = options.platform ?? process.platform;
  const mac = platform === 'darwin';
  const t = MENU_LABELS[language];

  // Zoom by the numeric keypad as well: on the Turkish Q keyboard "+" is Shift+4, so Ctrl+Plus is awkward,
  // and the keypad keys are the same on every layout. Hidden items carry the second shortcut.
  const alsoBy = (role: 'zoomIn' | 'zoomOut' | 'resetZoom', label: string, accelerator: string): MenuItemConstructorOptions => ({
    role,
    label,
    accelerator,
    visible: false,
    acceleratorWorksWhenHidden: true,
  });

  const view: MenuItemConstructorOptions[] = [
    { role: 'zoomIn', label: t.zoomIn, accelerator: 'CmdOrCtrl+Plus' },
    alsoBy('zoomIn', t.zoomIn, 'CmdOrCtrl+numadd'),
    { role: 'zoomOut', label: t.zoomOut, accelerator: 'CmdOrCtrl+-' },
    alsoBy('zoomOut', t.zoomOut, 'CmdOrCtrl+numsub'),
    { role: 'resetZoom', label: t.resetZoom, accelerator: 'CmdOrCtrl+0' },
    alsoBy('resetZoom', t.resetZoom, 'CmdOrCtrl+num0'),
    { type: 'separator' },
    { role: 'togglefullscreen', label: t.fullScreen, accelerator: mac ? 'Ctrl+Cmd+F' : 'F11' },
  ];
  if (!packaged) {
    view.push(
      { type: 'separator' },
      { role: 'reload', label: t.reload, accelerator: 'CmdOrCtrl+R' },
      { role: 'forceReload', label: t.forceReload, accelerator: 'CmdOrCtrl+Shift+R' },
      { role: 'toggleDevTools', label: t.devTools, accelerator: mac ? 'Alt+Cmd+I' : 'Ctrl+Shift+I' },
    );
  }

  return [
    {
      label: t.file,
      // Windows closes with Alt+F4 and has no Ctrl+Q convention; a stray Ctrl+Q there should not quit.
      submenu: [{ role: 'quit', label: t.quit, ...(platform === 'win32' ? {} : { accelerator: 'CmdOrCtrl+Q' }) }],
    },
    {
      label: t.edit,
      // Roles, so copy and paste work in text fields (on macOS they work only through the menu).
      submenu: [
        { role: 'undo', label: t.undo, accelerator: 'CmdOrCtrl+Z' },
        { role: 'redo', label: t.redo, accelerator: mac ? 'Shift+Cmd+Z' : 'Ctrl+Y' },
        { type: 'separator' },
        { role: 'cut', label: t.cut, accelerator: 'CmdOrCtrl+X' },
        { role: 'copy', label: t.copy, accelerator: 'CmdOrCtrl+C' },
        { role: 'paste', label: t.paste, accelerator: 'CmdOrCtrl+V' },
        { role: 'selectAll', label: t.selectAll, accelerator: 'CmdOrCtrl+A' },
      ],
    },
    { label: t.view, submenu: view },
    {
      label: t.help,
      submenu: [{ label: t.about(appName), click: () => onAbout() }],
    },
  ];
}
