import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Browser tests: the built extension (.output/chrome-mv3) in Debian's real Chromium, driven by playwright-core.
export default defineConfig({
  // Some tests build their files with the product's own code (`@/lib/…`), as the benches do.
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['tests/browser/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    // One line when the shared real pages (../shared/fixtures) are absent: their tests are then skipped.
    globalSetup: ['tests/support/shared-fixtures-notice.ts'],
  },
});
