import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // On CI, also keep machine-readable results, so .ci/run can print a plain closing count.
    reporters: process.env['CI'] ? ['default', ['json', { outputFile: '.ci/test-results.json' }]] : ['default'],
  },
});
