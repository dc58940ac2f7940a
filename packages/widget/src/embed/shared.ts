/**
 * What the panel file (`alfie-widget-panel-<locale>.js`) takes from the entry (`alfie-widget.js`) instead of
 * bundling its own copy: Preact (one copy per page, and hooks only work with the Preact that renders
 * them), the widget's context (the same object, or the panel would not find its provider) and the
 * icons (drawn by both). Keys are module specifiers, or source paths for the widget's own modules.
 *
 * The panel build (tsup.config.ts) turns each of these imports into a read of the entry's handshake,
 * exporting exactly these names: a panel import of any other name from them fails the build.
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
} as const;

export type SharedModules = {
  [M in keyof typeof SHARED_MODULES]: Record<(typeof SHARED_MODULES)[M][number], unknown>;
};

/** The property of the panel's <script> element through which entry and panel meet. */
export const HANDSHAKE = 'alfieWidgetPanel';

/** Set by the entry on the panel's <script> element; read by the panel while it runs. */
export interface PanelHandshake {
  modules: SharedModules;
  /** The panel hands over what it exports (see src/panel.ts). */
  define(panel: unknown): void;
}
