import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Servers the suite starts (in process or as children) host without accounts on either store, as before
    // accounts existed; the account tests turn open mode off where they test it.
    env: { OPEN_MODE: '1' },
  },
});
