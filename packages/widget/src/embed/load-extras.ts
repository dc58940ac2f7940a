import { addExtrasStrings } from '../i18n/index.js';
import type { Extras } from '../ui/extras-source.js';
import { besideScript, loadScript } from './load-script.js';
import { modules, nonce, src } from './panel-handshake.js';

// The script-tag panel's src/ui/extras-source.ts (tsup.config.ts swaps it in): the extras come in
// alfie-widget-extras.js, beside the panel file, the first time one is shown.

let extras: Extras | undefined;
let load: Promise<Extras> | undefined;

export const extrasNow = (): Extras | undefined => extras;

/** Their rules come with them: <Extra> adopts them into its shadow root; none go with the panel's. */
export const extrasApart = true;
export const cssWithPanel = '';

/** Fetches alfie-widget-extras.js once; a failed fetch is forgotten, so the next call tries again. */
export function loadExtras(): Promise<Extras> {
  load ??= loadScript<Extras>(besideScript('alfie-widget-extras.js', src), nonce, modules).then(
    (loaded) => {
      addExtrasStrings(loaded.strings);
      extras = loaded;
      return loaded;
    },
    (error: unknown) => {
      load = undefined;
      throw error;
    },
  );
  return load;
}
