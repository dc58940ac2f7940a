/**
 * Entry of `dist/alfie-widget-panel-<locale>.js`: the conversation panel, loaded by `alfie-widget.js` on demand.
 * Preact and the widget's shared modules come from the entry (see shared.ts), so they exist once.
 */

import { bindConversation, catalogueFor, Panel, panelCss } from '../panel.js';
import { define } from './panel-handshake.js';

define({ bindConversation, catalogueFor, Panel, panelCss });
