import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    environment: 'node',
    // Months are bucketed in Asia/Bangkok explicitly; running tests in UTC proves we never rely on the host zone.
    env: { TZ: 'UTC' },
    // Timeouts only catch a hung test; they say nothing about speed (that is `npm run bench`), so
    // they are generous: on a 2-core machine shared with other work a browser test or a sign-in
    // lockout run can take a minute.
    testTimeout: 120_000,
    // expect.poll waits for a condition (never a fixed sleep); vitest's default of 1 s is too short
    // for a browser on a busy machine.
    expect: { poll: { timeout: 20_000 } },
    hookTimeout: 300_000,
    pool: 'forks',
  },
});
