import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Firefox tests: the built Firefox extension (.output/firefox-mv2, `wxt build -b firefox`) in Debian's
// Firefox ESR, driven over WebDriver BiDi by puppeteer-core.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['tests/firefox/**/*.test.ts'],
    environment: 'node',
    // Firefox starts in a few seconds here, but the machine is shared: generous limits, no timing asserted.
    testTimeout: 90_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    globalSetup: ['tests/support/shared-fixtures-notice.ts'],
  },
});
