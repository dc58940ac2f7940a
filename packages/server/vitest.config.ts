import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

export default defineProject({
  // The test kit reaches the server through its public entry; in the server's own tests that entry
  // is the source, so they never run against a stale build.
  resolve: {
    alias: [
      { find: /^@alfie\/server$/, replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
    ],
  },
  test: { name: 'server', include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'] },
});
