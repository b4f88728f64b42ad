import { defineConfig } from 'vitest/config';

// The team server's tests (issue 12): plain Node, on both engines (embedded PGlite and the real PostgreSQL
// that .ci/run starts). Files run one after the other: each holds a PGlite instance and opens databases.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/server/**/*.spec.ts'],
    globalSetup: ['tests/server/support/postgres-setup.ts'],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 180_000,
  },
});
