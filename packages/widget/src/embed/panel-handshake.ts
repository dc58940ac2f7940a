import { HANDSHAKE, type PanelHandshake } from './shared.js';

// Runs first in alfie-widget-panel-<locale>.js: `document.currentScript` is the <script> element the entry
// inserted, carrying Preact and the widget's shared modules (see shared.ts). No global is involved.
const script = document.currentScript as (HTMLScriptElement & { [HANDSHAKE]?: PanelHandshake }) | null;
const handshake = script?.[HANDSHAKE];
if (!handshake)
  throw new Error('alfie-widget-panel-<locale>.js is loaded by alfie-widget.js, not by a tag of its own');

export const { modules, define } = handshake;
