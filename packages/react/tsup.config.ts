import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2020',
  // Hooks and a context provider: Next.js App Router must treat the whole bundle as client code.
  banner: { js: "'use client';" },
});
