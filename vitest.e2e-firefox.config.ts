import { defineConfig } from 'vitest/config';

// End-to-end tests in Firefox: puppeteer-core drives Debian's firefox-esr over WebDriver BiDi with the Firefox
// e2e flavour of the extension installed (tests/e2e-firefox/harness.ts). One file at a time, as for Chromium.
export default defineConfig({
  test: {
    include: ['tests/e2e-firefox/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    // One more try for a test that fails on a slow spell of the two shared cores; the output lists retries.
    retry: 1,
    hookTimeout: 120_000,
    environment: 'node',
  },
});
