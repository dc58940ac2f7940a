/**
 * Entry of `dist/alfie-widget-extras.js`: what a first conversation never shows (see src/ui/extras.ts),
 * loaded by the panel file the first time one of them is shown. Preact and the widget's shared modules
 * come from the entry (see shared.ts). Its strings, in both languages, join the panel's catalogue on
 * arrival (see load-extras.ts).
 */

import * as extras from '../ui/extras.js';
import { define } from './panel-handshake.js';

define(extras);
