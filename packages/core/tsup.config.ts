import { defineConfig, type Options } from 'tsup';

// No `clean`: other packages type-check against dist while core rebuilds, so files are overwritten in
// place instead of vanishing for the ~30 s the declaration build takes.
const shared: Options = {
  entry: { index: 'src/index.ts', intent: 'src/intent/index.ts', contract: 'src/contract/index.ts' },
  dts: true,
  sourcemap: true,
  treeshake: true,
  target: 'es2022',
};

export default defineConfig([
  { ...shared, format: 'esm' },
  { ...shared, format: 'cjs' },
]);
