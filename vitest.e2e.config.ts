// End-to-end tests: Playwright drives Debian's Chromium against the built web host.
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import SummaryReporter from './tests/support/summary-reporter.ts';

export default defineConfig({
  resolve: { alias: { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) } },
  test: {
    reporters: ['default', new SummaryReporter('e2e')],
    include: ['tests/e2e/**/*.e2e.ts'],
    setupFiles: ['tests/support/e2e-setup.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // What the app does after a click may take more than a second on a loaded CI machine; a poll
    // that is about timing says its own timeout.
    expect: { poll: { timeout: 10_000 } },
    fileParallelism: false,
  },
});
