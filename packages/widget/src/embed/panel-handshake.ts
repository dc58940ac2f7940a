import { HANDSHAKE, type PanelHandshake } from './shared.js';

// Runs first in alfie-widget-panel-<locale>.js and in alfie-widget-extras.js: `document.currentScript`
// is the <script> element loadScript inserted, carrying Preact and the widget's shared modules (see
// shared.ts). No global is involved.
const script = document.currentScript as (HTMLScriptElement & { [HANDSHAKE]?: PanelHandshake }) | null;
const handshake = script?.[HANDSHAKE];
if (!handshake || !script)
  throw new Error(`${script?.src ?? 'this file'} is loaded by alfie-widget.js, not by a tag of its own`);

export const { modules, define } = handshake;

/** Where this file came from and the nonce it ran with: the panel loads the extras beside it, alike. */
export const { src, nonce } = script;
