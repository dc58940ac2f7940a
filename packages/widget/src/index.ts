export type { WidgetErrorCode, WidgetEvent, WidgetEventMap, WidgetListener } from './events.js';
export type { Catalogue, Locale } from './i18n/index.js';
export { type AlfieWidget, mountAlfieWidget } from './mount-with-panel.js';
export { optionsFromDataset, type WidgetOptions, type WidgetPosition, type WidgetTheme } from './options.js';
