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

import { cssWithPanel } from './ui/extras-source.js';
import { panelCss as cardsCss } from './ui/panel-styles.js';

/** The panel's rules, and in the library the extras' (the script tag's come with alfie-widget-extras.js). */
export const panelCss = cardsCss + cssWithPanel;
