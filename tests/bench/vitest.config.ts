// The benchmarks: run on demand, never by `npm test` (the root config's projects do not include them).
//   npm run build:node && npx vitest run --config tests/bench/vitest.config.ts
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['tests/bench/**/*.bench.ts'],
    environment: 'node',
    // One at a time: they measure the machine, and two at once would measure each other.
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 120_000,
    // Tables straight to the terminal, not wrapped in vitest's per-test console blocks.
    disableConsoleIntercept: true,
  },
});
