import { defineProject } from 'vitest/config';

// The example's only tests: a real server, the built app and Chromium (see test/app.e2e.test.ts).
export default defineProject({
  test: {
    name: 'example-react-vite',
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});
