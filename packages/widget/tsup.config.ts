import { fileURLToPath } from 'node:url';
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
    // ES2022 keeps core's #private fields native instead of WeakMap helpers (Safari 15.4+, Chrome 94+).
    target: 'es2022',
    sourcemap: true,
    clean: false,
    dts: false,
    esbuildOptions(options) {
      options.legalComments = 'none';
      // Budget: a lean ky stand-in (see src/embed/ky-lite.ts) replaces ky inside this bundle only.
      options.alias = { ky: fileURLToPath(new URL('./src/embed/ky-lite.ts', import.meta.url)) };
    },
  },
]);
