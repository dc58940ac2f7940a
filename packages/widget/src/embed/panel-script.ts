/**
 * Entry of `dist/alfie-widget-panel-<locale>.js`: the conversation panel, loaded by `alfie-widget.js` on demand.
 * Preact and the widget's shared modules come from the entry (see shared.ts), so they exist once.
 */

import type { PanelModule } from '../mount.js';
import { bindConversation, catalogueFor, createClient, Panel, panelCss } from '../panel.js';
import { define } from './panel-handshake.js';

define({ bindConversation, catalogueFor, createClient, Panel, panelCss } satisfies PanelModule);
