import { enExtras } from './en-extras.js';
import { frExtras } from './fr-extras.js';
import type { ExtrasCatalogue } from './index.js';
import type { Locale } from './launcher.js';

/** The extras' strings in every locale: alfie-widget-extras.js carries both (about 0.35 kB gzipped each). */
export const extrasCatalogues: Record<Locale, ExtrasCatalogue> = { fr: frExtras, en: enExtras };
