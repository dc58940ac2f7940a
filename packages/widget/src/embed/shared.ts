/**
 * What the panel file (`alfie-widget-panel-<locale>.js`) and the extras file (`alfie-widget-extras.js`,
 * see src/ui/extras.ts) take from the entry (`alfie-widget.js`) instead of bundling their own copy:
 * Preact (one copy per page, and hooks only work with the Preact that renders them), the widget's
 * context (the same object, or the panel would not find its provider), the icons (drawn by both), the
 * script loader and the stylesheet adopter (the panel loads the extras as the entry loads the panel).
 * Keys are module specifiers, or source paths for the widget's own modules.
 *
 * The panel and extras builds (tsup.config.ts) turn each of these imports into a read of the entry's
 * handshake, exporting exactly these names: an import of any other name from them fails the build.
 */
export const SHARED_MODULES = {
  'preact/hooks': ['useEffect', 'useLayoutEffect', 'useRef', 'useState'],
  'preact/jsx-runtime': ['Fragment', 'jsx', 'jsxs'],
  'src/ui/context.ts': ['WidgetContext', 'useWidget', 'useWidgetState'],
  // The launcher draws two of them: the panel takes all from the entry rather than a second copy.
  'src/ui/icons.tsx': [
    'ChatIcon',
    'CloseIcon',
    'DownloadIcon',
    'NextIcon',
    'PrevIcon',
    'SendIcon',
    'SparkIcon',
  ],
  'src/embed/load-script.ts': ['besideScript', 'loadScript'],
  // The extras adopt their rules as the entry adopts the panel's.
  'src/styles.ts': ['adoptStyles'],
} as const;

export type SharedModules = {
  [M in keyof typeof SHARED_MODULES]: Record<(typeof SHARED_MODULES)[M][number], unknown>;
};

/** The property of a panel's or the extras' <script> element through which the files meet. */
export const HANDSHAKE = 'alfieWidgetPanel';

/** Set on the <script> element of the file loaded (see loadScript); read by that file while it runs. */
export interface PanelHandshake {
  modules: SharedModules;
  /** The file hands over what it exports (src/panel.ts, src/ui/extras.ts). */
  define(panel: unknown): void;
}
