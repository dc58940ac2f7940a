import { defineConfig } from 'tsup';

export default defineConfig([
  // The library: ESM + CJS for bundlers, dependencies stay external.
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: false,
    sourcemap: true,
    target: 'es2020',
  },
  // The script-tag bundle: one self-contained IIFE with Preact, zustand and core inside. No eval, so it
  // runs under a strict CSP.
  {
    entry: { 'alfie-widget': 'src/embed/script-tag.ts' },
    format: ['iife'],
    globalName: 'AlfieWidget',
    outExtension: () => ({ js: '.js' }),
    minify: true,
    noExternal: [/.*/],
    platform: 'browser',
    target: 'es2020',
    sourcemap: true,
    clean: false,
    dts: false,
    esbuildOptions(options) {
      options.legalComments = 'none';
    },
  },
]);
