import { defineConfig } from 'vitest/config';

/** End-to-end tests: real chromium with the built extension against the fake hh.ru. One browser at a time. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
    retry: 0,
  },
});
