import { defineConfig } from 'vitest/config';

// Real feed readers from Debian's packages over built output (see tests/interop/).
export default defineConfig({
  test: {
    include: ['tests/interop/**/*.test.ts'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
