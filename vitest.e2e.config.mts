import { defineConfig } from 'vitest/config';

// End-to-end: Chromium against browser mode. One file at a time (2 shared cores), long timeouts.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
