import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests: pure lib/ code, components and the fake browser. Real Chromium tests live in vitest.browser.config.ts.
export default defineConfig({
  plugins: [WxtVitest()],
  resolve: {
    alias: [{ find: /^wxt\/testing$/, replacement: 'wxt/testing/fake-browser' }],
  },
  test: {
    globals: true,
    environment: 'happy-dom',
    // Generous: a test waits for the state it needs, never a timer; the timeout only catches a hang, and a
    // busy machine (CI beside other work) must not turn a slow pass into a failure.
    testTimeout: 30_000,
    setupFiles: ['fake-indexeddb/auto', 'tests/support/async-waits.ts'],
    // One line when the shared real pages (../shared/fixtures) are absent: their tests are then skipped.
    globalSetup: ['tests/support/shared-fixtures-notice.ts'],
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/browser/**', 'tests/firefox/**', 'tests/pure/**', 'node_modules/**'],
  },
});
