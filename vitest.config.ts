import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Each file starts its own host on its own port and data folder; two cores, so two at a time.
          maxWorkers: 2,
          // Unit tests first, then these, each group with its own worker count.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
