import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests: pure lib/ code, components and the fake browser. Real Chromium tests live in vitest.browser.config.ts.
export default defineConfig({
  plugins: [WxtVitest()],
  resolve: {
    alias: [
      { find: /^wxt\/testing$/, replacement: 'wxt/testing/fake-browser' },
      {
        find: /^webextension-polyfill$/,
        replacement: new URL('./tests/support/polyfill-shim.ts', import.meta.url).pathname,
      },
    ],
  },
  test: {
    globals: true,
    environment: 'happy-dom',
    setupFiles: ['fake-indexeddb/auto'],
    // One line when the shared real pages (../shared/fixtures) are absent: their tests are then skipped.
    globalSetup: ['tests/support/shared-fixtures-notice.ts'],
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/browser/**', 'tests/pure/**', 'node_modules/**'],
  },
});
