import { createTheme, darken, Drawer, Modal, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';
import { Spotlight } from '@mantine/spotlight';
import { CLOSING_DIALOG_CLASS } from '../features/commands/shortcuts';

// Offline app: system fonts only (every target OS ships one with full Turkish coverage).
const SYSTEM_SANS =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", "DejaVu Sans", Arial, sans-serif';
const SYSTEM_MONO = 'ui-monospace, "Cascadia Mono", Consolas, "DejaVu Sans Mono", "Liberation Mono", Menlo, monospace';

// A sober navy close to the ministry's identity, so red stays reserved for errors and destructive actions.
const gsb: MantineColorsTuple = [
  '#edf2fa',
  '#d9e2f1',
  '#afc2e3',
  '#83a0d5',
  '#5e84c9',
  '#4772c2',
  '#3a69c0',
  '#2c58a9',
  '#234e98',
  '#153f86',
];

// A dialog told to close stays in the page while it fades out (about 200 ms), still a `role="dialog"`: its root
// gets a class saying so, and the shortcut listener does not count it as open (a Ctrl+N right after Esc acts).
// `opened` is checked for `false` only: the palette's own outer component has no such prop.
const markClosing = (_theme: unknown, props: object) => ({ root: (props as { opened?: boolean }).opened === false ? CLOSING_DIALOG_CLASS : '' });

export const theme = createTheme({
  fontFamily: SYSTEM_SANS,
  fontFamilyMonospace: SYSTEM_MONO,
  headings: { fontFamily: SYSTEM_SANS },
  primaryColor: 'gsb',
  primaryShade: 8,
  colors: { gsb },
  defaultRadius: 'sm',
  // A ring on the element the keyboard reached (not on mouse clicks), in the primary navy: 9:1 on white.
  focusRing: 'auto',
  components: {
    Modal: Modal.extend({ styles: { title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }, classNames: markClosing }),
    Drawer: Drawer.extend({ styles: { title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }, classNames: markClosing }),
    Spotlight: Spotlight.extend({ classNames: markClosing }),
  },
});

// Text contrast (WCAG AA, 4.5:1 for the small text of badges, table cells and hints). Mantine's coloured text
// (`c="red"`), its light variants (badges, light buttons: text on a tint) and "dimmed" use shades that pass on
// white only for some colours (orange text 3.6:1, a green badge 3.8:1, dimmed grey 3.3:1). Each colour's text
// shade is darkened just enough to pass on the palest grey the app puts behind text (gray.1, table headers).

function channel(hex: string, at: number): number {
  const v = parseInt(hex.slice(at, at + 2), 16) / 255;
  return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}

function luminance(hex: string): number {
  return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `#rrggbb` of Mantine's `darken` (it answers in `rgba(…)`). */
function hexOf(color: string): string {
  const m = color.match(/rgba?\((\d+),\s*(\d+),\s*(\d+)/);
  if (!m) return color;
  return `#${[m[1], m[2], m[3]].map((n) => Number(n).toString(16).padStart(2, '0')).join('')}`;
}

const PALEST_BACKGROUND = '#eef1f4';
const WANTED_CONTRAST = 4.8;

/** The shade itself when it is readable on `against`, else it darkened in small steps until it is. */
export function readable(color: string, against = PALEST_BACKGROUND): string {
  let result = color;
  for (let step = 1; contrast(result, against) < WANTED_CONTRAST && step <= 12; step++) result = hexOf(darken(color, step * 0.05));
  return result;
}

export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7],
    ...Object.fromEntries(
      Object.entries(t.colors).flatMap(([name, shades]) => [
        [`--mantine-color-${name}-text`, readable(shades[8])],
        [`--mantine-color-${name}-light-color`, readable(shades[9])],
        // White text on a filled button or badge (an orange badge was 3.6:1).
        [`--mantine-color-${name}-filled`, readable(shades[8], '#ffffff')],
        [`--mantine-color-${name}-filled-hover`, readable(shades[9], '#ffffff')],
      ]),
    ),
  },
  dark: {},
});
