import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The chat platforms are registered by the composition root; tests get the same ones.
    setupFiles: ['test/helpers/register-platforms.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Integration files share one Redis and one PostgreSQL: run files one at a time (as BullMQ does).
    fileParallelism: false,
  },
});
