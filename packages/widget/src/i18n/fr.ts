import type { Format } from '@alfie/core/contract';

/** French catalogue: the reference one, every other locale has the same shape (see `Catalogue`). */
export const fr = {
  lang: 'fr',
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
  woofs: (n: number) => `${n} Woofs`,
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
  // Answers
  quotaAnswer: 'Ce mois-ci, il vous reste :',
  quotaLine: (n: number, unit: 'images' | 'videos' | 'woofs') =>
    `${n} ${unit === 'images' ? 'images' : unit === 'videos' ? 'vidéos' : 'Woofs'}`,
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
  // Errors
  quotaExceeded: (remaining: string, date: string) =>
    `Quota dépassé : il vous reste ${remaining} ce mois-ci, renouvellement le ${date}. Réduisez la demande ou attendez le renouvellement.`,
  expired: 'Votre session a expiré. Reconnectez-vous ou rechargez la page, puis réessayez.',
  network: 'Impossible de joindre le serveur. Vérifiez votre connexion puis réessayez.',
  reconnecting: 'Connexion perdue, reconnexion…',
  generic: (message: string) => `Une erreur est survenue : ${message}`,
  and: 'et',
};
