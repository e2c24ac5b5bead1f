import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/build.ts'],
    // Dates must not depend on the machine: every test file runs with the process
    // in a zone that is neither UTC nor the spreadsheets' zones (SPEC §3).
    env: { TZ: 'America/Los_Angeles' },
    pool: 'forks',
    testTimeout: 60_000,
    reporters: ['default'],
  },
});
