import * as extras from './extras.js';

export type Extras = typeof extras;

// The library has the extras with the panel, at once. The script-tag panel build swaps this module for
// src/embed/load-extras.ts (same exports), which fetches alfie-widget-extras.js on first use.

/** The extras when they are here already (always, in the library). */
export const extrasNow = (): Extras | undefined => extras;

/** The extras, fetched first where they come in a file of their own. */
export const loadExtras = (): Promise<Extras> => Promise.resolve(extras);

/** The extras' rules go with the panel's (src/panel.ts): nothing for <Extra> to adopt. */
export const extrasApart = false;
export const cssWithPanel = extras.css;
