import { createTheme, Drawer, Modal, type MantineColorsTuple } from '@mantine/core';

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

export const theme = createTheme({
  fontFamily: SYSTEM_SANS,
  fontFamilyMonospace: SYSTEM_MONO,
  headings: { fontFamily: SYSTEM_SANS },
  primaryColor: 'gsb',
  primaryShade: 8,
  colors: { gsb },
  defaultRadius: 'sm',
  components: {
    Modal: Modal.extend({ styles: { title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } } }),
    Drawer: Drawer.extend({ styles: { title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } } }),
  },
});
