/**
 * The conversation panel and everything only it needs: core's conversation engine (detectIntent and
 * the dialog rules) bound to the widget's store, the catalogues, the proposal card, the results and
 * the carousel viewer. The script-tag build ships it as its own file (`dist/alfie-widget-panel-<locale>.js`)
 * that the launcher loads on demand; the ESM/CJS library imports it statically.
 */
export { catalogueFor } from './i18n/index.js';
export { createClient } from './state/client.js';
export { bindConversation } from './state/conversation-binding.js';
export { Panel } from './ui/Panel.js';

import { panelCss as cardsCss } from './ui/panel-styles.js';
import { REUSE_VARIANTS_CSS } from './ui/reuse-variants-styles.js';

/** The panel's rules, the reuse offer's and the variant picker's included. */
export const panelCss = cardsCss + REUSE_VARIANTS_CSS;
