import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // test/e2e belongs to Playwright (a real Chromium against `hooklab serve`), never to vitest.
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    // Child processes: better-sqlite3 and process.kill(pid, 0) behave as in the real CLI.
    pool: 'forks',
    // Integration tests start real servers and CLI children; a slow CI box must not turn that red.
    testTimeout: 20_000,
    hookTimeout: 20_000,
    teardownTimeout: 10_000,
    restoreMocks: true,
  },
});
