/**
 * Entry of the script-tag bundle (`dist/alfie-widget.js`, global `AlfieWidget`). It mounts a widget by
 * itself from the data-* attributes of its own <script> tag. The launcher is all it draws; the
 * conversation panel (`alfie-widget-panel-<locale>.js`, next to this file or in `data-assets-url`) loads on
 * demand.
 *
 * @example
 * <script src="https://cdn.example.com/alfie-widget.js" data-api-url="https://alfie.example.com"
 *   data-brand-id="..." data-token="..." data-locale="fr" async></script>
 */

import { type AlfieWidget, createMount } from '../mount.js';
import { optionsFromDataset } from '../options.js';
import { panelLoader } from './load-panel.js';

// Read now: `document.currentScript` is only set while this script first runs.
const script = typeof document !== 'undefined' ? (document.currentScript as HTMLScriptElement | null) : null;
const mountAlfieWidget = createMount(panelLoader(script));

let autoMounted: AlfieWidget | null = null;

// The page-wide API. Assigned rather than exported: an IIFE with exports carries esbuild's
// CommonJS-interop helpers, which this bundle's size budget would pay for nothing.
(globalThis as { AlfieWidget?: unknown }).AlfieWidget = {
  mountAlfieWidget,
  optionsFromDataset,
  /** The widget this script tag mounted, if it had a data-api-url. */
  getWidget: (): AlfieWidget | null => autoMounted,
};

if (script?.dataset.apiUrl) {
  const dataset = script.dataset;
  const start = () => {
    autoMounted = mountAlfieWidget(optionsFromDataset(dataset));
    document.dispatchEvent(new CustomEvent('alfie:ready', { detail: autoMounted }));
  };
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start, { once: true });
}
