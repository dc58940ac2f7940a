import type { Format } from '@alfie/core/contract';

/**
 * French catalogue: the reference one, every other locale has the same shape (see `Catalogue`). The
 * extras' strings are in fr-extras.ts.
 */
export const fr = {
  title: 'Alfie',
  subtitle: 'Vos visuels marketing, à la demande',
  close: 'Fermer',
  inputLabel: 'Votre message',
  placeholder: 'Ex. : un carrousel de 5 slides sur le vélo',
  send: 'Envoyer',
  welcome: 'Bonjour ! Décrivez le visuel voulu : une image, un carrousel ou une vidéo, et son sujet.',
  suggestions: [
    'Un carrousel de 5 slides sur le vélo',
    'Une image Instagram sur le café',
    'Il me reste combien ?',
  ],
  unknown: "Je n'ai pas bien compris. Essayez : « Crée un carrousel de 5 slides sur le télétravail ».",
  askTopic: 'Sur quel sujet ? Écrivez-le ci-dessous ou dans la carte.',
  nothingToConfirm: "Il n'y a rien à confirmer pour l'instant. Que voulez-vous créer ?",
  canceled: "C'est annulé. Autre chose ?",
  thinking: 'Un instant…',
  greeting: 'Bonjour ! Je crée vos images, carrousels et vidéos. Par exemple :',
  thanks: 'Avec plaisir ! Autre chose ? Par exemple :',
  ack: 'Parfait. Dites-moi ce que vous voulez créer, par exemple :',
  question: 'Je crée des images, des carrousels et des vidéos. Essayez par exemple :',
  handoff: 'Je transmets votre demande à une personne de l’équipe, qui vous répondra ici ou par e-mail.',
  nothingToCancel: "Il n'y a rien en cours à annuler. Que voulez-vous créer ?",
  nothingToRedo: 'Je ne trouve pas cette slide dans votre dernier carrousel terminé.',
  canceledOrder: (kept: number, total: number) =>
    kept > 0
      ? `Commande annulée. ${kept} sur ${total} ${kept > 1 ? 'sont gardées' : 'est gardée'} ; le reste ne vous est pas décompté.`
      : 'Commande annulée. Rien ne vous est décompté.',
  redoing: (n: number) => `Je refais la slide ${n} (1 image décomptée)…`,
  countClamped: (max: number) => `Limité à ${max} au maximum.`,
  durationClamped: (max: number) => `Durée limitée à ${max} s au maximum.`,
  enlarge: (alt: string) => `Agrandir : ${alt}`,
  cancelOrder: 'Arrêter',
  slow: 'C’est plus long que d’habitude, mais ça avance.',
  conflict: 'Ce n’est plus possible : la commande a changé entre-temps.',
  // Proposal card
  proposalTitle: 'Voici ce que je propose',
  format: 'Format',
  formats: { image: 'Image', carousel: 'Carrousel', video: 'Vidéo' } as Record<Format, string>,
  count: (format: Format): string => (format === 'carousel' ? 'Slides' : 'Nombre'),
  ratio: 'Format (ratio)',
  duration: 'Durée (s)',
  topic: 'Sujet',
  topicPlaceholder: 'De quoi parle le visuel ?',
  confirm: 'Lancer la création',
  cancel: 'Annuler',
  canceledCard: 'Proposition annulée',
  cost: (amount: number, unit: 'images' | 'videos', remaining: number | null) => {
    const what = unit === 'images' ? (amount > 1 ? 'images' : 'image') : amount > 1 ? 'vidéos' : 'vidéo';
    if (remaining === null) return `${amount} ${what}`;
    return `${amount} ${what} · ${remaining} ${remaining > 1 ? 'restantes' : 'restante'} ce mois`;
  },
  unlimited: 'quota illimité',
  // Woofs pay for video length; said where they are charged.
  woofs: (n: number) => `${n} ${n > 1 ? 'Woofs' : 'Woof'} (crédits vidéo, selon la durée)`,
  overQuota: 'Cela dépasse ce qu’il vous reste ce mois-ci.',
  // Orders
  preparing: 'Préparation…',
  slideProgress: (done: number, total: number) => `${done} sur ${total} prête${done > 1 ? 's' : ''}`,
  videoProgress: (pct: number) => `Vidéo en cours : ${pct} %`,
  slideReady: (n: number, total: number) => `Slide ${n} sur ${total} prête`,
  done: {
    image: 'Votre image est prête.',
    carousel: 'Votre carrousel est prêt.',
    video: 'Votre vidéo est prête.',
  } as Record<Format, string>,
  multiDone: (n: number) => `Vos ${n} images sont prêtes.`,
  partial: (done: number, total: number) =>
    `${done} sur ${total} livrées : les autres ont échoué. Vos crédits non utilisés sont rendus.`,
  failed: 'La création a échoué. Vos crédits ont été rendus. Vous pouvez réessayer.',
  orderCanceled: 'Commande annulée.',
  retry: 'Réessayer',
  download: 'Télécharger',
  downloadSlide: (n: number) => `Télécharger la slide ${n}`,
  downloadZip: 'Toutes les slides (ZIP)',
  downloadPdf: 'PDF (LinkedIn)',
  downloadFailed: 'Échec du téléchargement, réessayez.',
  slideLabel: (n: number, total: number) => `Slide ${n} sur ${total}`,
  slidePending: (n: number) => `Slide ${n} en préparation`,
  carousel: 'carrousel',
  carouselLabel: (topic: string) => `Carrousel : ${topic}`,
  previous: 'Slide précédente',
  next: 'Slide suivante',
  goToSlide: (n: number) => `Aller à la slide ${n}`,
  imageAlt: (topic: string, n: number) => `Visuel ${n} : ${topic}`,
  videoLabel: (topic: string) => `Vidéo : ${topic}`,
  // Answers (the answers themselves: fr-extras.ts)
  quotaLine: (n: number, unit: 'images' | 'videos' | 'woofs') =>
    `${n} ${unit === 'images' ? 'image' : unit === 'videos' ? 'vidéo' : 'Woof'}${n > 1 ? 's' : ''}`,
  // Errors
  quotaExceeded: (remaining: string, date: string) =>
    `Quota dépassé : il vous reste ${remaining} ce mois-ci, renouvellement le ${date}. Réduisez la demande ou attendez le renouvellement.`,
  expired: 'Votre session a expiré. Reconnectez-vous ou rechargez la page, puis réessayez.',
  network: 'Impossible de joindre le serveur. Vérifiez votre connexion puis réessayez.',
  reconnecting: 'Connexion perdue, reconnexion…',
  generic: (message: string) => `Une erreur est survenue : ${message}`,
  // Reuse offer and variants (the offer and picker themselves: fr-extras.ts)
  variantCost: (n: number) => `${n} variantes = ${n} images`,
  reused: 'Réutilisé gratuitement',
  and: 'et',
};
