/**
 * What the local planner writes, per language. Every line is built from the topic (`t`, the
 * topic's subject without its leading article) or the brand, so no two topics get the same
 * slides, and nothing is English on a French order. Angles are the usual beats of an
 * educational carousel; the planner picks them in an order drawn from the topic.
 */
export interface PlannerPhrases {
  intro: (t: string, count: number) => string;
  angles: ReadonlyArray<{ title: (t: string) => string; subtitle: (t: string) => string }>;
  closing: { title: (t: string) => string; subtitle: (t: string, brand: string) => string };
  /** Leading articles and determiners dropped to get the subject of the topic. */
  articles: readonly string[];
}

export const FRENCH: PlannerPhrases = {
  intro: (t, count) => `${t} : l’essentiel en ${count} slides`,
  angles: [
    {
      title: (t) => `${t} : pourquoi maintenant`,
      subtitle: (t) => `Ce qui change avec ${t}, et ce que vous y gagnez.`,
    },
    {
      title: (t) => `${t} : les bases`,
      subtitle: (t) => `Les trois notions à connaître avant de vous lancer dans ${t}.`,
    },
    {
      title: () => 'L’erreur la plus courante',
      subtitle: (t) => `Ce qui freine la plupart des débuts avec ${t}, et comment l’éviter.`,
    },
    { title: () => 'Un exemple concret', subtitle: (t) => `${t}, appliqué pas à pas sur un cas réel.` },
    {
      title: (t) => `${t} : la méthode`,
      subtitle: () => 'Trois étapes simples, dans l’ordre, à tester cette semaine.',
    },
    {
      title: () => 'Les bons outils',
      subtitle: (t) => `Ce qu’il vous faut pour ${t}, sans budget démesuré.`,
    },
    {
      title: () => 'Mesurer les résultats',
      subtitle: (t) => `Les indicateurs qui disent si ${t} fonctionne pour vous.`,
    },
    {
      title: (t) => `${t} : aller plus loin`,
      subtitle: () => 'Les leviers avancés, une fois les bases en place.',
    },
    { title: () => 'Le mythe à oublier', subtitle: (t) => `Une idée reçue sur ${t} qui coûte du temps.` },
    {
      title: () => 'Le conseil express',
      subtitle: (t) => `Une action de cinq minutes pour progresser sur ${t} dès aujourd’hui.`,
    },
  ],
  closing: {
    title: () => 'À vous de jouer',
    subtitle: (t, brand) => `Enregistrez ce carrousel sur ${t} et suivez ${brand} pour la suite.`,
  },
  articles: ['les', 'le', 'la', 'l’', "l'", 'des', 'du', 'un', 'une', 'nos', 'vos', 'mes', 'ses'],
};

export const ENGLISH: PlannerPhrases = {
  intro: (t, count) => `${t}: the essentials in ${count} slides`,
  angles: [
    {
      title: (t) => `${t}: why now`,
      subtitle: (t) => `What is changing with ${t}, and what you gain from it.`,
    },
    { title: (t) => `${t}: the basics`, subtitle: (t) => `Three ideas to know before you start with ${t}.` },
    {
      title: () => 'The most common mistake',
      subtitle: (t) => `What holds most people back with ${t}, and how to avoid it.`,
    },
    { title: () => 'A real example', subtitle: (t) => `${t}, applied step by step to a real case.` },
    { title: (t) => `${t}: the method`, subtitle: () => 'Three simple steps, in order, to try this week.' },
    { title: () => 'The right tools', subtitle: (t) => `What you need for ${t}, without a huge budget.` },
    {
      title: () => 'Measuring results',
      subtitle: (t) => `The numbers that tell you whether ${t} works for you.`,
    },
    { title: (t) => `${t}: going further`, subtitle: () => 'Advanced levers, once the basics are in place.' },
    { title: () => 'The myth to drop', subtitle: (t) => `A common belief about ${t} that wastes your time.` },
    { title: () => 'The quick win', subtitle: (t) => `A five-minute action to improve your ${t} today.` },
  ],
  closing: {
    title: () => 'Your turn',
    subtitle: (t, brand) => `Save this carousel on ${t} and follow ${brand} for more.`,
  },
  articles: ['the', 'a', 'an', 'our', 'your', 'my'],
};
