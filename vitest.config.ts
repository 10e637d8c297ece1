import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  plugins: [vue()],
  test: {
    // A poll that succeeds returns at once; one that waits on a save gets time on a busy machine.
    expect: { poll: { timeout: 5_000 } },
    projects: [
      {
        extends: true,
        test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'happy-dom',
          include: ['tests/component/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.spec.ts'],
          // One browser at a time on a 2-core machine; each spec drives a real Chromium.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // What a person sees may take a while to settle on a busy machine; a poll that
          // succeeds returns at once, so only a failure waits this long.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
})
