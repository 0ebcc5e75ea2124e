import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    globalSetup: ['tests/support/build.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    // The OS key store's stand-in for every installation the tests make (tests/support/keyStore.ts).
    env: { KOPRU_KEYSTORE_DIR: process.env.KOPRU_KEYSTORE_DIR ?? path.join(os.tmpdir(), 'kopru-test-keystore') },
  },
});
