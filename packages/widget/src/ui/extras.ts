/**
 * The panel's parts that a first conversation (greeting → proposal → confirm → live order card) never
 * shows: the quota, library and help answers, the reuse offer (it needs an earlier visual), the
 * variant picker (it needs an order with variants) and the enlarged view of an image (it needs a click). The script-tag build ships them as
 * `alfie-widget-extras.js`, fetched the first time one of them is shown (src/embed/load-extras.ts);
 * the ESM/CJS library has them with the panel (extras-source.ts). Components show them through <Extra>.
 */

export { extrasCatalogues as strings } from '../i18n/extras-catalogues.js';
export { HelpAnswer, LibraryAnswer, QuotaAnswer } from './Answers.js';
export { Enlarged } from './Enlarge.js';
export { extrasCss as css } from './extras-styles.js';
export { ReuseOffer } from './ReuseOffer.js';
export { VariantPicker } from './VariantPicker.js';
