export { Commands, openCommandPalette } from './Commands';
export type { PaletteScreen } from './CommandPalette';
