import { defineConfig } from 'vitest/config';

// One vitest run covers every package; each package keeps its own config (environment, setup files).
// React's hooks run twice: once on React 19 (packages/react) and once on React 18.
export default defineConfig({
  test: {
    projects: ['packages/*', 'packages/react/vitest.react18.config.ts', 'examples/react-vite'],
  },
});
