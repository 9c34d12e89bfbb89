import { defineConfig } from 'vitest/config';

// Two projects split by runtime:
//  - unit: pure shared/ domain, electron main modules with injected side effects,
//    renderer stores on fake-indexeddb, the platform server on loopback.
//  - e2e: the built renderer in browser mode, driven in Debian's Chromium by playwright-core.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
          exclude: ['tests/e2e/**'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
