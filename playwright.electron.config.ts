import { defineConfig } from '@playwright/test';

// The real-Electron smoke test (tests/electron): the built app in the real Electron binary, not the browser
// harness. It needs that binary (`npx install-electron` fetches it from GitHub), `npm run build` first, and a
// display (on Linux without one: `xvfb-run -a npm run test:electron`). scripts/test-all.mjs runs it only where
// the binary is installed and otherwise reports it as not run. The Chromium suite stays in playwright.config.ts.
export default defineConfig({
  testDir: 'tests/electron',
  outputDir: 'test-results/electron',
  fullyParallel: false,
  workers: 1,
  // Two cold starts of Electron plus the first-run wizard.
  timeout: 180_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/electron-results.json' }]],
});
