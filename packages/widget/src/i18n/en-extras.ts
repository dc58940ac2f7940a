import type { ExtrasCatalogue } from './index.js';

/** The English strings of the extras (see fr-extras.ts). */
export const enExtras: ExtrasCatalogue = {
  quotaAnswer: 'This month you have left:',
  resets: (date) => `Resets on ${date}.`,
  quotaUnlimited: 'Your account has no quota limit.',
  libraryTitle: 'Your latest creations',
  libraryEmpty: 'Nothing yet. Ask for your first visual!',
  helpTitle: 'I can create for you:',
  helpItems: [
    'one or more images (1 to 10), sized for your network',
    'a carousel of 2 to 10 slides',
    'a short video (4 to 60 s)',
    'and tell you your quota or show your creations',
  ],
  helpHint: 'Just describe your idea; I will propose a card for you to check.',
  reuseFound: (day) => `You already have a similar visual (${day})`,
  reuseFree: 'Reuse it for free',
  reuseNew: 'Make a new one',
  reusePreview: 'Your earlier visual',
  variantsTitle: (n) => `${n} variants`,
  variantLabel: (n, style) => `Variant ${n} (${style})`,
  choose: 'Choose',
  chosen: 'Chosen',
  variantMissing: 'Variant not delivered',
};
