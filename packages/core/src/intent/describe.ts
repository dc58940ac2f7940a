import type { Intent, Language, SimpleIntentKind } from './types.js';

type Label = SimpleIntentKind | 'carousel' | 'video' | 'noTopic';

const LABELS: Record<Language, Record<Label, string>> = {
  fr: {
    carousel: 'Carrousel',
    video: 'Vidéo',
    noTopic: 'sujet à préciser',
    quota: 'Voir mon quota',
    library: 'Ouvrir ma bibliothèque',
    help: 'Aide',
    confirm: 'Confirmer',
    cancel: 'Annuler',
    unknown: "Je n'ai pas compris",
  },
  en: {
    carousel: 'Carousel',
    video: 'Video',
    noTopic: 'topic needed',
    quota: 'Show my quota',
    library: 'Open my library',
    help: 'Help',
    confirm: 'Confirm',
    cancel: 'Cancel',
    unknown: "I didn't understand",
  },
};

/** Display names that plain capitalisation would get wrong. */
const BRAND_CASE: Record<string, string> = {
  tiktok: 'TikTok',
  linkedin: 'LinkedIn',
  youtube: 'YouTube',
  x: 'X',
};

const capitalise = (s: string): string => s[0]!.toUpperCase() + s.slice(1);

/**
 * The short confirmation line the widget shows before generating, in French or English.
 *
 * @example
 * describeIntent(detectIntent('Crée un carrousel de 5 slides sur les tendances marketing 2025'), 'fr');
 * // 'Carrousel · 5 slides · 4:5 — Les tendances marketing 2025'
 * describeIntent(detectIntent('3 square images of our sneakers'), 'en'); // '3 images · 1:1 — Our sneakers'
 */
export function describeIntent(intent: Intent, locale: Language = 'fr'): string {
  const labels = LABELS[locale] ?? LABELS.fr;
  if (intent.kind !== 'generate') return labels[intent.kind];
  const { format, count, platform, topic } = intent;
  const parts =
    format === 'image'
      ? [count > 1 ? `${count} images` : 'Image']
      : [labels[format], format === 'video' ? `${intent.duration} s` : `${count} slides`];
  parts.push(intent.ratio);
  if (platform) parts.push(BRAND_CASE[platform] ?? capitalise(platform));
  return `${parts.join(' · ')} — ${topic ? capitalise(topic) : `(${labels.noTopic})`}`;
}
