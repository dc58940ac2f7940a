import { defineConfig } from 'tsup';

/**
 * The operator dashboard (Preact + uPlot) as one ES module and one stylesheet in dist/admin-ui,
 * served by the server at /admin/assets/. No eval, no inline style: it runs under a strict CSP.
 * Run after the server's own build (whose `clean` empties dist).
 */
export default defineConfig({
  entry: { admin: 'admin-ui/main.tsx' },
  outDir: 'dist/admin-ui',
  format: ['esm'],
  outExtension: () => ({ js: '.js' }),
  platform: 'browser',
  target: 'es2022',
  minify: true,
  noExternal: [/.*/],
  sourcemap: false,
  clean: true,
  dts: false,
  esbuildOptions(options) {
    options.jsx = 'automatic';
    options.jsxImportSource = 'preact';
    options.legalComments = 'none';
  },
});
