import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,renderer,electron,server,scripts}/**/*.test.{ts,tsx}', 'test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/support/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    // A hub's database (PGlite) takes a few seconds to create in a test's set-up.
    hookTimeout: 60_000,
  },
});
