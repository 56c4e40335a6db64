import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,renderer,electron,server,scripts}/**/*.test.{ts,tsx}', 'test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/support/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
