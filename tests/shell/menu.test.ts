import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { MENU_LABELS, menuTemplate, type MenuLanguage, type MenuOptions } from '../../electron/shell/menu';

// The application menu template (pure data; nothing of Electron runs): no reload or developer tools in the
// shipped app, every label in both languages, and shortcuts Electron can parse, none used twice.

const DEV_ONLY_ROLES = ['toggleDevTools', 'forceReload', 'reload'];
const LANGUAGES: MenuLanguage[] = ['tr', 'en'];
const PLATFORMS: NodeJS.Platform[] = ['win32', 'linux', 'darwin'];

function walk(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? walk(item.submenu) : [])]);
}

function template(overrides: Partial<MenuOptions> = {}) {
  return menuTemplate({ packaged: true, language: 'tr', appName: 'Köprü', onAbout: () => {}, platform: 'win32', ...overrides });
}

describe('menuTemplate', () => {
  it.each(LANGUAGES.flatMap((language) => PLATFORMS.map((platform) => [language, platform] as const)))(
    'has no reload, force reload or developer tools anywhere when packaged (%s, %s)',
    (language, platform) => {
      const items = walk(template({ packaged: true, language, platform }));
      const roles = items.map((item) => item.role).filter(Boolean);
      for (const role of DEV_ONLY_ROLES) expect(roles).not.toContain(role);
      // Nor a hand-made stand-in with the same shortcut.
      const accelerators = items.map((item) => String(item.accelerator ?? ''));
      expect(accelerators.filter((a) => /(^|\+)(R|I|F5|F12)$/.test(a))).toEqual([]);
    },
  );

  it('has reload, force reload and developer tools in development', () => {
    const roles = walk(template({ packaged: false })).map((item) => item.role);
    for (const role of DEV_ONLY_ROLES) expect(roles).toContain(role);
  });

  it('has File, Edit, View and Help, in Turkish and in English', () => {
    expect(template({ language: 'tr' }).map((m) => m.label)).toEqual(['Dosya', 'Düzen', 'Görünüm', 'Yardım']);
    expect(template({ language: 'en' }).map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
  });

  it('has the edit roles, zoom and full screen, and quit under File', () => {
    const [file, edit, view] = template();
    expect(walk([file!]).map((i) => i.role).filter(Boolean)).toEqual(['quit']);
    expect(walk([edit!]).map((i) => i.role).filter(Boolean)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    expect(new Set(walk([view!]).map((i) => i.role).filter(Boolean))).toEqual(new Set(['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']));
  });

  it.each(LANGUAGES.flatMap((language) => [true, false].map((packaged) => [language, packaged] as const)))(
    'labels every item in %s (packaged: %s), none left to Electron’s English default',
    (language, packaged) => {
      const items = walk(template({ language, packaged })).filter((item) => item.type !== 'separator');
      for (const item of items) expect(item.label, JSON.stringify(item.role)).toMatch(/\S/);
      if (language === 'tr') {
        const labels = items.map((item) => item.label);
        for (const expected of ['Çıkış', 'Geri Al', 'Yinele', 'Kes', 'Kopyala', 'Yapıştır', 'Tümünü Seç', 'Yakınlaştır', 'Uzaklaştır', 'Tam Ekran', 'Köprü Hakkında']) {
          expect(labels).toContain(expected);
        }
      }
    },
  );

  it('has a label for every key in both languages, and the two differ', () => {
    const keys = Object.keys(MENU_LABELS.tr).sort();
    expect(Object.keys(MENU_LABELS.en).sort()).toEqual(keys);
    for (const key of keys) {
      const tr = MENU_LABELS.tr[key as keyof typeof MENU_LABELS.tr];
      const en = MENU_LABELS.en[key as keyof typeof MENU_LABELS.en];
      const [trText, enText] = typeof tr === 'function' ? [tr('Köprü'), (en as (n: string) => string)('Köprü')] : [tr, en];
      expect(trText, key).toMatch(/\S/);
      expect(enText, key).toMatch(/\S/);
      expect(trText, key).not.toBe(enText);
    }
    expect(MENU_LABELS.tr.about('Köprü')).toBe('Köprü Hakkında');
    expect(MENU_LABELS.en.about('Köprü')).toBe('About Köprü');
  });

  it('calls onAbout from Help → About', () => {
    const onAbout = vi.fn();
    const help = template({ onAbout, language: 'en' })[3]!;
    const about = walk([help]).find((item) => item.label === 'About Köprü');
    expect(about).toBeDefined();
    (about!.click as () => void)();
    expect(onAbout).toHaveBeenCalledTimes(1);
  });

  const MODIFIER = '(CmdOrCtrl|CommandOrControl|Cmd|Command|Ctrl|Control|Alt|Option|Shift|Super|Meta)';
  const KEY = '([A-Z0-9]|F([1-9]|1[0-9]|2[0-4])|Plus|-|=|num[0-9]|numadd|numsub)';
  const ACCELERATOR = new RegExp(`^(${MODIFIER}\\+)*${KEY}$`);

  it.each(PLATFORMS.flatMap((platform) => [true, false].map((packaged) => [platform, packaged] as const)))(
    'uses well-formed shortcuts, letters always with a modifier, none twice (%s, packaged: %s)',
    (platform, packaged) => {
      const accelerators = walk(template({ platform, packaged }))
        .map((item) => item.accelerator)
        .filter((a): a is string => typeof a === 'string');
      expect(accelerators.length).toBeGreaterThanOrEqual(10);
      for (const accelerator of accelerators) {
        expect(accelerator).toMatch(ACCELERATOR);
        if (/(^|\+)[A-Z0-9]$/.test(accelerator)) expect(accelerator, accelerator).toContain('+');
      }
      expect(new Set(accelerators).size).toBe(accelerators.length);
    },
  );

  it('follows each platform’s conventions for quit, redo and full screen', () => {
    const find = (platform: NodeJS.Platform, role: string) => walk(template({ platform })).find((item) => item.role === role);
    expect(find('win32', 'quit')?.accelerator).toBeUndefined();
    expect(find('linux', 'quit')?.accelerator).toBe('CmdOrCtrl+Q');
    expect(find('win32', 'redo')?.accelerator).toBe('Ctrl+Y');
    expect(find('darwin', 'redo')?.accelerator).toBe('Shift+Cmd+Z');
    expect(find('win32', 'togglefullscreen')?.accelerator).toBe('F11');
  });
});
