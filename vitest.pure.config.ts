import { defineConfig } from 'vitest/config';

// Plain Node: no happy-dom, no fake browser, no fake IndexedDB, no WXT plugin. The pure modules of lib/ must
// load and run here unchanged, as the team server runs them.
export default defineConfig({
  test: {
    include: ['tests/pure/**/*.test.ts'],
    environment: 'node',
  },
});
