import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type MinifyOptions, minify } from 'terser';
import { defineConfig, type Options } from 'tsup';
import { SHARED_MODULES } from './src/embed/shared.js';
import { fr } from './src/i18n/fr.js';
import { frExtras } from './src/i18n/fr-extras.js';
import type { Locale } from './src/i18n/launcher.js';

type TsupPlugin = NonNullable<Options['plugins']>[number];
type EsbuildPlugin = NonNullable<Options['esbuildPlugins']>[number];

/**
 * Shortens catalogue keys (`t.topicPlaceholder` becomes `t.a`) in the panel and extras files: about
 * 0.2 KB gzipped. Property mangling renames a name everywhere in the file, so only keys that are provably
 * catalogue-only are mangled: a first, throwaway build lists the real inputs of the three script-tag
 * files, and a key qualifies only when every occurrence outside src/i18n/ reads `t.<key>`. Any other
 * use (an API field, a JSX attribute, a dynamic `t[line]` lookup whose keys appear as strings) keeps
 * the key as is.
 *
 * The extras file reads the panel's catalogue, and the three files are built apart: every build probes
 * the same three entries and names the keys alike (the most used first, then by name), rather than
 * leaving esbuild to name them per file.
 */
const mangleCatalogueKeys: EsbuildPlugin = {
  name: 'mangle-catalogue-keys',
  async setup(build) {
    // The script-tag entry is probed too: it makes data the panel looks up in the catalogue (the bot
    // line 'welcome', stored conversations).
    const entryPoints = ['script-tag', 'panel-script', 'extras-script'].map((name) =>
      fileURLToPath(new URL(`./src/embed/${name}.ts`, import.meta.url)),
    );
    const probe = await build.esbuild.build({
      ...build.initialOptions,
      entryPoints,
      outdir: 'probe',
      plugins: [],
      metafile: true,
      write: false,
    });
    const sources = Object.keys(probe.metafile.inputs)
      .filter((input) => !input.includes('src/i18n/'))
      .map((input) => readFileSync(input, 'utf8'));
    const uses = (key: string) =>
      sources.flatMap((text) => [...text.matchAll(new RegExp(`(.?.?)\\b${key}\\b`, 'g'))].map((m) => m[1]));
    const keys = Object.keys({ ...fr, ...frExtras });
    // The short names (shortName) are one or two letters: a key that short could meet one.
    const tooShort = keys.filter((key) => key.length <= 2);
    if (tooShort.length > 0) throw new Error(`catalogue keys need 3 letters or more: ${tooShort.join(', ')}`);
    const catalogueOnly = keys
      .map((key) => ({ key, uses: uses(key) }))
      .filter(({ uses }) => uses.every((before) => before === 't.'))
      .sort((a, b) => b.uses.length - a.uses.length || a.key.localeCompare(b.key))
      .map(({ key }) => key);
    if (catalogueOnly.length === 0) return;
    build.initialOptions.mangleProps = new RegExp(`^(${catalogueOnly.join('|')})$`);
    build.initialOptions.mangleCache = Object.fromEntries(catalogueOnly.map((key, i) => [key, shortName(i)]));
  },
};

/** a…z, A…Z, then two letters: never one of the catalogue's own keys (3 letters or more). */
function shortName(index: number): string {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  return index < letters.length
    ? (letters[index] as string)
    : `${letters[Math.floor(index / letters.length) - 1]}${letters[index % letters.length]}`;
}

const here = fileURLToPath(new URL('.', import.meta.url));
type SharedKey = keyof typeof SHARED_MODULES;
const isShared = (key: string): key is SharedKey => Object.hasOwn(SHARED_MODULES, key);

/**
 * The panel file takes Preact and the widget's shared modules from the entry instead of bundling them
 * (see src/embed/shared.ts): each such import becomes a module that reads the handshake the entry set
 * on the panel's <script> element. The build fails if a copy of Preact, zustand, the context or the
 * icons still gets in.
 */
const shareWithEntry: EsbuildPlugin = {
  name: 'share-with-entry',
  setup(build) {
    build.initialOptions.metafile = true;
    const handshake = fileURLToPath(new URL('./src/embed/panel-handshake.ts', import.meta.url));
    build.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData === 'resolving' || args.kind === 'entry-point') return undefined;
      if (isShared(args.path)) return { path: args.path, namespace: 'alfie-shared' };
      if (!args.path.startsWith('.')) return undefined;
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: 'resolving',
      });
      const key = relative(here, resolved.path).split('\\').join('/');
      return isShared(key) ? { path: key, namespace: 'alfie-shared' } : resolved;
    });
    build.onLoad({ filter: /.*/, namespace: 'alfie-shared' }, (args) => ({
      contents: `import { modules } from ${JSON.stringify(handshake)};
export const { ${SHARED_MODULES[args.path as SharedKey].join(', ')} } = modules[${JSON.stringify(args.path)}];`,
      loader: 'js',
      resolveDir: here,
    }));
    build.onEnd((result) => {
      const copies = Object.keys(result.metafile?.inputs ?? {}).filter(
        (input) =>
          !input.startsWith('alfie-shared:') &&
          /node_modules\/(preact|zustand)\/|src\/(ui\/context|state\/store)\.ts|src\/ui\/icons\.tsx/.test(
            input,
          ),
      );
      if (copies.length > 0) throw new Error(`the panel file must not bundle ${copies.join(', ')}`);
    });
  },
};

/**
 * A terser pass after esbuild's minification: its two compress passes find what esbuild leaves
 * (inlining, dead branches, shorter conditionals), about 0.5 KB gzipped on the script-tag bundle.
 * Run here rather than through tsup's `minify: 'terser'` so that terser composes the source map with
 * esbuild's (tsup's own terser step ships a map that no longer fits the code), and so that a terser
 * error fails the build.
 */
function terserPass(options: MinifyOptions): TsupPlugin {
  return {
    name: 'terser-pass',
    async renderChunk(code, chunk) {
      if (!chunk.path.endsWith('.js')) return undefined;
      const result = await minify(code, {
        ...options,
        sourceMap: chunk.map ? { content: chunk.map as string, asObject: true } : false,
      });
      if (!result.code) throw new Error(`terser produced nothing for ${chunk.path}`);
      return { code: result.code, map: result.map as object | undefined };
    },
  };
}

/** The options both script-tag files share: a self-contained IIFE, no eval, so it runs under a strict CSP. */
function scriptTagBuild(entry: Record<string, string>, esbuildPlugins: EsbuildPlugin[]): Options {
  return {
    entry,
    format: ['iife'],
    outExtension: () => ({ js: '.js' }),
    minify: true,
    plugins: [
      terserPass({
        ecma: 2020,
        toplevel: true,
        // Two `unsafe*` options, ~60 bytes gzipped on entry + panel: function expressions that never
        // read `this` become arrows, and object-literal functions become methods. Both only break code
        // that calls such a function with `new` or reads its `prototype`: neither file does (Preact
        // tests `prototype.render` on component types, which our function components never have). The
        // other `unsafe*`, `pure_getters` and `module` save under 20 bytes each and may change
        // behaviour (`module` drops "use strict"); a third pass makes gzip worse.
        compress: { passes: 2, unsafe_arrows: true, unsafe_methods: true },
        // ASCII only, like esbuild's output: "é" stays "\xE9", so the text survives a host page that
        // is not UTF-8 served without a charset (and it gzips slightly smaller).
        format: { comments: false, ascii_only: true },
      }),
    ],
    esbuildPlugins,
    noExternal: [/.*/],
    platform: 'browser',
    // ES2022 keeps core's #private fields native instead of WeakMap helpers (Safari 15.4+, Chrome 94+).
    target: 'es2022',
    sourcemap: true,
    clean: false,
    dts: false,
    esbuildOptions(options) {
      options.legalComments = 'none';
      options.alias = {
        // Core from its sources rather than its one-file dist: esbuild then drops what the widget does
        // not use module by module (0.4 KB gzipped off the entry), and the panel can take core modules
        // from the entry by path (SHARED_MODULES).
        '@alfie/core': fileURLToPath(new URL('../core/src/index.ts', import.meta.url)),
      };
    },
  };
}

/**
 * Swaps src/i18n/catalogues.ts for a module holding only `locale`'s panel strings: each panel file
 * carries one language (about 1.3 KB gzipped less than both), and not the extras' strings, which come
 * with alfie-widget-extras.js. Listed before shareWithEntry so it resolves first.
 */
function onlyCatalogue(locale: Locale): EsbuildPlugin {
  return {
    name: `only-catalogue-${locale}`,
    setup(build) {
      build.onResolve({ filter: /^\.\/catalogues\.js$/ }, (args) =>
        args.importer.includes('src/i18n/') ? { path: locale, namespace: 'alfie-catalogue' } : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: 'alfie-catalogue' }, () => ({
        contents: `import { ${locale} } from './${locale}.js'; export const catalogues = { ${locale} };`,
        loader: 'js',
        resolveDir: fileURLToPath(new URL('./src/i18n/', import.meta.url)),
      }));
    },
  };
}

/**
 * Swaps src/ui/extras-source.ts (the extras bundled, for the library) for src/embed/load-extras.ts,
 * which fetches alfie-widget-extras.js on first use: the panel file leaves out what a first
 * conversation never shows. Listed before shareWithEntry so it resolves first.
 */
const extrasOnDemand: EsbuildPlugin = {
  name: 'extras-on-demand',
  setup(build) {
    const loader = fileURLToPath(new URL('./src/embed/load-extras.ts', import.meta.url));
    build.onResolve({ filter: /\/extras-source\.js$/ }, (args) =>
      args.importer.includes('/widget/src/') ? { path: loader } : undefined,
    );
  },
};

const LOCALES: Locale[] = ['fr', 'en'];

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
  // The script-tag entry: launcher, mount API, client, watch and stored conversation, with Preact and
  // zustand inside. It loads the panel file below on demand.
  scriptTagBuild({ 'alfie-widget': 'src/embed/script-tag.ts' }, []),
  // The conversation panel, one file per locale (alfie-widget-panel-fr.js, -en.js): takes Preact and
  // the shared modules from the entry (shareWithEntry). The catalogue lives here only, so its keys can
  // be shortened.
  ...LOCALES.map((locale) =>
    scriptTagBuild({ [`alfie-widget-panel-${locale}`]: 'src/embed/panel-script.ts' }, [
      onlyCatalogue(locale),
      extrasOnDemand,
      shareWithEntry,
      mangleCatalogueKeys,
    ]),
  ),
  // What a first conversation never shows (src/ui/extras.ts), loaded by the panel on first use, with
  // its strings in both languages: it adds them to the panel's catalogue, whose keys it names alike
  // (mangleCatalogueKeys).
  scriptTagBuild({ 'alfie-widget-extras': 'src/embed/extras-script.ts' }, [
    shareWithEntry,
    mangleCatalogueKeys,
  ]),
]);
