/**
 * What the local planner writes, per language. Titles are built from the topic's subject (`t`,
 * without its leading article); subtitles quote the topic as asked (`q`, in the language's
 * quotation marks, so any topic reads grammatically inside the sentence). No two topics get the
 * same slides, and nothing is English on a French order. Angles are the usual beats of an
 * educational carousel; the planner picks them in an order drawn from the topic.
 */
export interface PlannerPhrases {
  /** The topic as written by the user, quoted the way this language quotes. */
  quote: (topic: string) => string;
  intro: (t: string, count: number) => string;
  angles: ReadonlyArray<{ title: (t: string) => string; subtitle: (t: string) => string }>;
  closing: { title: (t: string) => string; subtitle: (t: string, brand: string) => string };
  /** Leading articles and determiners dropped to get the subject of the topic. */
  articles: readonly string[];
}

export const FRENCH: PlannerPhrases = {
  quote: (topic) => `« ${topic} »`,
  intro: (t, count) => `${t} : l’essentiel en ${count} slides`,
  angles: [
    {
      title: (t) => `${t} : pourquoi maintenant`,
      subtitle: (q) => `Ce qui change avec ${q}, et ce que vous y gagnez.`,
    },
    {
      title: (t) => `${t} : les bases`,
      subtitle: (q) => `Les trois notions à connaître sur ${q} avant de vous lancer.`,
    },
    {
      title: () => 'L’erreur la plus courante',
      subtitle: (q) => `Ce qui freine la plupart des débuts sur ${q}, et comment l’éviter.`,
    },
    { title: () => 'Un exemple concret', subtitle: (q) => `${q}, appliqué pas à pas sur un cas réel.` },
    {
      title: (t) => `${t} : la méthode`,
      subtitle: () => 'Trois étapes simples, dans l’ordre, à tester cette semaine.',
    },
    {
      title: () => 'Les bons outils',
      subtitle: (q) => `Ce qu’il vous faut pour ${q}, sans budget démesuré.`,
    },
    {
      title: () => 'Mesurer les résultats',
      subtitle: (q) => `Les indicateurs qui disent si ${q} fonctionne pour vous.`,
    },
    {
      title: (t) => `${t} : aller plus loin`,
      subtitle: () => 'Les leviers avancés, une fois les bases en place.',
    },
    { title: () => 'Le mythe à oublier', subtitle: (q) => `Une idée reçue sur ${q} qui coûte du temps.` },
    {
      title: () => 'Le conseil express',
      subtitle: (q) => `Une action de cinq minutes sur ${q}, dès aujourd’hui.`,
    },
  ],
  closing: {
    title: () => 'À vous de jouer',
    subtitle: (q, brand) => `Enregistrez ce carrousel sur ${q} et suivez ${brand} pour la suite.`,
  },
  articles: ['les', 'le', 'la', 'l’', "l'", 'des', 'du', 'un', 'une', 'nos', 'vos', 'mes', 'ses'],
};

export const ENGLISH: PlannerPhrases = {
  quote: (topic) => `“${topic}”`,
  intro: (t, count) => `${t}: the essentials in ${count} slides`,
  angles: [
    {
      title: (t) => `${t}: why now`,
      subtitle: (q) => `What is changing with ${q}, and what you gain from it.`,
    },
    { title: (t) => `${t}: the basics`, subtitle: (q) => `Three ideas to know about ${q} before you start.` },
    {
      title: () => 'The most common mistake',
      subtitle: (q) => `What holds most people back with ${q}, and how to avoid it.`,
    },
    { title: () => 'A real example', subtitle: (q) => `${q}, applied step by step to a real case.` },
    { title: (t) => `${t}: the method`, subtitle: () => 'Three simple steps, in order, to try this week.' },
    { title: () => 'The right tools', subtitle: (q) => `What you need for ${q}, without a huge budget.` },
    {
      title: () => 'Measuring results',
      subtitle: (q) => `The numbers that tell you whether ${q} works for you.`,
    },
    { title: (t) => `${t}: going further`, subtitle: () => 'Advanced levers, once the basics are in place.' },
    { title: () => 'The myth to drop', subtitle: (q) => `A common belief about ${q} that wastes your time.` },
    { title: () => 'The quick win', subtitle: (q) => `A five-minute action on ${q}, today.` },
  ],
  closing: {
    title: () => 'Your turn',
    subtitle: (q, brand) => `Save this carousel on ${q} and follow ${brand} for more.`,
  },
  articles: ['the', 'a', 'an', 'our', 'your', 'my'],
};
