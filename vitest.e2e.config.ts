import { defineConfig } from 'vitest/config';

// End-to-end tests: playwright-core drives Debian's Chromium with the built extension loaded.
// One file at a time: two cores, and each file starts its own browser.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    // One more try for a test that fails: Chromium on two shared cores has slow spells (a page or service worker
    // answering seconds late). A test that fails twice fails the run; the output shows every retried test.
    retry: 1,
    hookTimeout: 120_000,
    environment: 'node',
  },
});
