import { defineConfig } from 'vitest/config';

// End-to-end tests: playwright-core drives Debian's Chromium with the built extension loaded.
// One file at a time: two cores, and each file starts its own browser.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    environment: 'node',
  },
});
