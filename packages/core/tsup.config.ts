import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', intent: 'src/intent/index.ts', contract: 'src/contract/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  treeshake: true,
  target: 'es2022',
});
