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
    // esbuild minifies first, then terser's second pass finds what esbuild leaves (inlining, dead
    // branches, shorter conditionals): about 0.7 KB gzipped. A terser failure must fail the build
    // rather than ship unminified code, hence the size check in the test command.
    minify: 'terser',
    minifyWhitespace: true,
    minifyIdentifiers: true,
    minifySyntax: true,
    terserOptions: {
      ecma: 2020,
      // No `unsafe*` options: they save ~30 bytes each and may change behaviour. A third pass makes gzip worse.
      compress: { passes: 2 },
      format: { comments: false },
    },
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
