import { createRequire } from 'node:module';
import { GlobalFonts } from '@napi-rs/canvas';

/** Family name the local engines draw with; registered from files shipped in @fontsource/inter. */
export const FONT_FAMILY = 'Alfie Inter';

let registered = false;

/**
 * Registers Inter (regular and bold, Latin subset: covers French and English) from the npm package,
 * so every machine draws the same pixels whatever fonts the system has (the machine we checked has
 * only DejaVu). Skia reads the woff2 files directly; checked with @napi-rs/canvas 1.1.
 */
export function ensureFontRegistered(): void {
  if (registered) return;
  const require = createRequire(import.meta.url);
  const filesDir = require.resolve('@fontsource/inter/package.json').replace(/package\.json$/, 'files/');
  for (const weight of [400, 700]) {
    const key = GlobalFonts.registerFromPath(`${filesDir}inter-latin-${weight}-normal.woff2`, FONT_FAMILY);
    if (!key) throw new Error(`Could not register the Inter ${weight} font from @fontsource/inter`);
  }
  registered = true;
}
