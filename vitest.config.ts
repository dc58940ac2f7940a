import { defineConfig } from 'vitest/config';

// One vitest run covers every package; each package keeps its own config (environment, setup files).
export default defineConfig({
  test: {
    projects: ['packages/*', 'examples/*'],
  },
});
