import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// Three bundles: the Electron main process (thin shell + handlers), the sandboxed preload (CommonJS, as
// sandboxed preloads must be) and the React renderer, whose root is renderer/.
export default defineConfig({
  main: {
    build: {
      rolldownOptions: { input: { index: 'electron/shell/main.ts' } },
    },
  },
  preload: {
    build: {
      rolldownOptions: {
        input: { index: 'electron/shell/preload.ts' },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      rolldownOptions: { input: { index: 'renderer/index.html' } },
    },
  },
});
