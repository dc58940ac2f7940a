/**
 * The French strings of the extras (src/ui/extras.ts: quota, library and help answers, reuse offer,
 * variant picker). The library merges them into the catalogue; in the script tag they come with
 * alfie-widget-extras.js, which adds them to the panel's catalogue (see addExtrasStrings).
 */
export const frExtras = {
  quotaAnswer: 'Ce mois-ci, il vous reste :',
  resets: (date: string) => `Renouvellement le ${date}.`,
  quotaUnlimited: 'Votre compte n’a pas de limite de quota.',
  libraryTitle: 'Vos dernières créations',
  libraryEmpty: 'Rien encore. Demandez votre premier visuel !',
  helpTitle: 'Je sais créer pour vous :',
  helpItems: [
    'une ou plusieurs images (1 à 10), au format de votre réseau',
    'un carrousel de 2 à 10 slides',
    'une vidéo courte (4 à 60 s)',
    'et vous dire votre quota ou montrer vos créations',
  ],
  helpHint: 'Décrivez simplement votre idée, je vous propose une carte à valider.',
  reuseFound: (day: string) => `Vous avez déjà un visuel proche (${day})`,
  reuseFree: 'Réutiliser gratuitement',
  reuseNew: 'En créer un nouveau',
  reusePreview: 'Votre visuel précédent',
  variantsTitle: (n: number) => `${n} variantes`,
  variantLabel: (n: number, style: string) => `Variante ${n} (${style})`,
  choose: 'Choisir',
  chosen: 'Choisie',
  variantMissing: 'Variante non livrée',
};
