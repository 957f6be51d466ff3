// Unit and integration tests (Node; renderer data layer runs on fake-indexeddb).
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import SummaryReporter from './tests/support/summary-reporter.ts';

export default defineConfig({
  resolve: { alias: { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) } },
  test: {
    reporters: ['default', new SummaryReporter('unit')],
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx', 'tests/integration/**/*.test.ts', 'tests/server/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
