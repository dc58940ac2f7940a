import { describe, expect, it } from 'vitest';
import { detectIntent } from './index.js';
import type { GenerateIntent } from './types.js';

const gen = (text: string): GenerateIntent => {
  const intent = detectIntent(text);
  if (intent.kind !== 'generate') throw new Error(`"${text}" gave ${intent.kind}`);
  return intent;
};

describe('format', () => {
  it('matches whole words only, accents optional', () => {
    expect(gen('Fais-moi un carrousel sur le freelancing').format).toBe('carousel');
    // Substring matching would find "reel" in "freelancing" before "carrousel".
    expect(gen('Conseils freelancing en carrousel').format).toBe('carousel');
    expect(gen('Crée une video sur notre produit')).toMatchObject({
      format: 'video',
      topic: 'notre produit',
    });
    expect(gen('Un visuel PRO pour notre produit').topic).toBe('notre produit');
  });

  it('takes the first format word', () => {
    expect(gen('Miniature YouTube pour ma vidéo de cuisine')).toMatchObject({
      format: 'image',
      ratio: '16:9',
    });
    expect(gen('Un carrousel vidéo sur le sport').format).toBe('carousel');
    expect(gen('Create a poster for the reel festival')).toMatchObject({
      format: 'image',
      topic: 'the reel festival',
    });
  });

  it('skips negated formats', () => {
    expect(gen('Pas de vidéo, juste une image du coucher de soleil')).toMatchObject({
      format: 'image',
      topic: 'coucher de soleil',
    });
    expect(gen("Je ne veux pas d'image, plutôt une vidéo sur le surf").format).toBe('video');
    expect(gen("I don't want a carousel, make a picture of a fox").format).toBe('image');
    expect(gen("Plutôt qu'une vidéo, fais un carrousel sur Rome").format).toBe('carousel');
  });

  it('reads "story" as a 9:16 image only when alone', () => {
    expect(gen('Story Instagram pour les soldes')).toMatchObject({ format: 'image', ratio: '9:16' });
    expect(gen('Une vidéo story sur notre équipe')).toMatchObject({
      format: 'video',
      ratio: '9:16',
      topic: 'notre équipe',
    });
  });

  it('falls back to an image for a bare request to create or a platform', () => {
    expect(gen('Crée un logo pour ma boulangerie')).toMatchObject({
      format: 'image',
      topic: 'un logo pour ma boulangerie',
    });
    expect(gen('Quelque chose pour Pinterest sur le jardin')).toMatchObject({
      format: 'image',
      ratio: '2:3',
    });
    expect(gen('I want a cat wearing sunglasses').confidence).toBeLessThan(0.9);
  });
});

describe('count', () => {
  it('attaches digits and words to the unit of the format', () => {
    expect(gen('Génère 3 visuels pour le lancement').count).toBe(3);
    expect(gen('Six slide LinkedIn carousel on remote work').count).toBe(6);
    expect(gen('Un diaporama de 6 pages sur le leadership').count).toBe(6);
    expect(gen('I need 4 square images of our sneakers').count).toBe(4);
    expect(gen('Carrousel de huit slides sur la gestion du temps').count).toBe(8);
  });

  it('leaves other numbers in the topic', () => {
    expect(gen('Carrousel Instagram 7 slides : 5 erreurs à éviter en SEO')).toMatchObject({
      count: 7,
      topic: '5 erreurs à éviter en SEO',
    });
    expect(gen('10 Python tricks carousel')).toMatchObject({ count: 5, topic: '10 Python tricks' });
    expect(gen('Une image sur les 30 ans de la boutique')).toMatchObject({
      count: 1,
      topic: 'les 30 ans de la boutique',
    });
  });

  it('clamps to the range and says so', () => {
    expect(gen('Crée 15 images sur le yoga')).toMatchObject({ count: 10, warnings: ['count_clamped'] });
    expect(gen('Carrousel de 1 slide sur le vélo').count).toBe(2);
    expect(gen('Carrousel de vingt-cinq slides sur le vélo').count).toBe(10);
    expect(gen('Une vidéo de 3 images sur le vélo').count).toBe(1);
  });

  it('finds the unit past platform and ratio words', () => {
    expect(gen('I want 2 Instagram stories about our launch')).toMatchObject({ count: 2, ratio: '9:16' });
    expect(gen('Carrousel en six parties sur le SEO')).toMatchObject({ count: 6, topic: 'le SEO' });
  });

  it('consumes but does not count numbers of whole videos or carousels, nor digits inside words', () => {
    expect(gen('Miniature pour une vidéo YouTube sur le camping').topic).toBe('une vidéo sur le camping');
    expect(gen('Crée 3 carrousels sur le sport')).toMatchObject({ count: 5, topic: 'le sport' });
    expect(gen('Deux vidéos sur le yoga')).toMatchObject({ count: 1, topic: 'le yoga' });
    expect(gen('Un flyer A5 pour la kermesse')).toMatchObject({
      count: 1,
      topic: expect.stringContaining('A5'),
    });
  });
});

describe('ratio', () => {
  it.each([
    ['Image 4:5 de mon chat', '4:5'],
    ['Image 4/5 de mon chat', '4:5'],
    ['Image 4-5 de mon chat', '4:5'],
    ['Image en 4 : 5 de mon chat', '4:5'],
    ['Carrousel en 1:1 sur le sommeil', '1:1'],
    ['Vidéo 16/9 pour notre appli', '16:9'],
  ])('reads the explicit ratio in %s', (text, ratio) => {
    expect(gen(text)).toMatchObject({ ratio, topic: expect.not.stringMatching(/\d/) });
  });

  it.each([
    ['Un visuel format carré pour la fête des mères', '1:1'],
    ['Portrait visual for our summer sale', '4:5'],
    ['Image plein écran sur la méditation', '9:16'],
    ['Une image horizontale pour le site', '16:9'],
    ['Une vidéo verticale sur le sport', '9:16'],
    ['Make a square video about our brand', '1:1'],
  ])('reads the ratio word in %s', (text, ratio) => {
    expect(gen(text).ratio).toBe(ratio);
  });

  it('explicit beats words beats platform beats format', () => {
    expect(gen('Story TikTok en 1:1 sur le café').ratio).toBe('1:1');
    expect(gen('Post Pinterest carré sur le café').ratio).toBe('1:1');
    expect(gen('Post Pinterest sur le café').ratio).toBe('2:3');
    expect(gen('Post sur le café').ratio).toBe('1:1');
  });

  it.each([
    ['Image Instagram sur le thé', '1:1'],
    ['Carrousel Instagram sur le thé', '4:5'],
    ['Vidéo Instagram sur le thé', '9:16'],
    ['Image TikTok sur le thé', '9:16'],
    ['Vidéo LinkedIn sur le thé', '1:1'],
    ['Carrousel Pinterest sur le thé', '2:3'],
    ['Vidéo YouTube sur le thé', '16:9'],
    ['Image Facebook sur le thé', '1:1'],
    ['Vidéo Facebook sur le thé', '9:16'],
    ['Image Twitter sur le thé', '16:9'],
  ])('follows the platform default in %s', (text, ratio) => {
    expect(gen(text).ratio).toBe(ratio);
  });
});

describe('duration', () => {
  it.each([
    ['Vidéo de 15 s sur la mer', 15],
    ['Vidéo de 15s sur la mer', 15],
    ['Vidéo de 15 sec sur la mer', 15],
    ['Vidéo de 15 secondes sur la mer', 15],
    ['A 30 second reel about the sea', 30],
    ['Make a twenty five second video about the sea', 25],
    ["Vidéo d'une minute sur la mer", 60],
    ['A one minute video on the sea', 60],
    ['Vidéo de 2 minutes sur la mer', 60],
    ['Vidéo de 2 secondes sur la mer', 4],
    ['Vidéo sur la mer', 8],
    // Seconds after the minutes: 90 s, clamped to 60, and "trente" leaves the topic.
    ["Vidéo d'une minute trente sur la mer", 60],
    ['Video of 0 min 45 s about the sea', 45],
  ])('%s lasts %i s', (text, duration) => {
    expect(gen(text)).toMatchObject({ duration, topic: expect.stringMatching(/(la|the) (mer|sea)$/) });
  });

  it('is null for images and carousels', () => {
    expect(gen('Carrousel de 30 secondes sur la mer').duration).toBeNull();
  });

  it('adds the seconds after the minutes, but not a count', () => {
    expect(gen("Vidéo d'une minute trente sur la mer").warnings).toContain('duration_clamped');
    expect(gen('A video of 1 min 5 tips on sleep').topic).toBe('5 tips on sleep');
    expect(gen('une vidéo de une minute et demie sur le vin')).toMatchObject({
      duration: 60,
      topic: 'le vin',
    });
  });

  it('never reads the elided "s\'" of "s\'il te plaît" as seconds', () => {
    expect(gen("Une vidéo de 12 s'il te plaît sur la mer")).toMatchObject({ duration: 8 });
  });
});

describe('platform', () => {
  it.each([
    ['Un reel Insta sur la mode', 'instagram'],
    ['An image for Twitter about the launch', 'x'],
    ['Un post pour X sur notre levée de fonds', 'x'],
    ['Un post LinkedIn sur le recrutement', 'linkedin'],
  ])('%s is for %s', (text, platform) => {
    expect(gen(text).platform).toBe(platform);
  });

  it('is null when none is named, and a lower-case x is just a letter', () => {
    expect(gen('Une image de la lettre x').platform).toBeNull();
  });
});

describe('topic', () => {
  it('drops command, format, count, ratio, platform and duration phrases, and the leading preposition', () => {
    expect(gen('Crée un carrousel de 5 slides sur les tendances marketing 2025').topic).toBe(
      'les tendances marketing 2025',
    );
    expect(gen('Make me a TikTok video about budgeting, 20 seconds').topic).toBe('budgeting');
    expect(gen("Fais-moi un diaporama de dix pages à propos de l'écologie").topic).toBe("l'écologie");
    expect(gen('Une vidéo de 15 secondes d’une vague qui déferle').topic).toBe('une vague qui déferle');
  });

  it('drops the polite wrapper before the format word, and a closing courtesy', () => {
    expect(gen('Would you kindly make a banner about our bakery?').topic).toBe('our bakery');
    expect(gen('I was wondering whether you could create a poster about dogs').topic).toBe('dogs');
    expect(gen('Our bakery, would you kindly make a banner').topic).toBe('Our bakery');
    expect(gen("une image de chat s'il vous plaît").topic).toBe('chat');
    expect(gen("Une affiche sur le vin, merci d'avance !").topic).toBe('le vin');
    expect(gen('A poster about our sale, thank you so much').topic).toBe('our sale');
    expect(gen('Make a freelancing tips carousel').topic).toBe('a freelancing tips');
    expect(gen("un reel de 20 secondes s'il vous plaît sur le vin").topic).toBe('le vin');
  });

  it('drops a first clause that only asks, whatever its words, but not one that names something', () => {
    expect(gen('Any chance you could whip up a banner for our spring sale?').topic).toBe('our spring sale');
    expect(gen('Tu me ferais une image de notre terrasse ?').topic).toBe('notre terrasse');
    expect(gen('Would it be possible to make a poster about our gym?').topic).toBe('our gym');
    expect(gen('I want my dog on a poster').topic).toBe('my dog');
    expect(gen('I love dogs, make a poster').topic).toBe('dogs');
  });

  it('reads the common misspellings of command and glue words', () => {
    expect(gen('fai moi un carrousel sur la pâtisserie').topic).toBe('la pâtisserie');
    expect(gen('creat 2 images abot our cleaning service')).toMatchObject({
      count: 2,
      topic: 'our cleaning service',
    });
    expect(gen('make a carousel wiht 6 slides abut dog walking')).toMatchObject({
      count: 6,
      topic: 'dog walking',
    });
  });

  it('is null when nothing is left', () => {
    expect(gen('Fais-moi un carrousel')).toMatchObject({ topic: null, warnings: ['topic_missing'] });
    expect(gen('Make a carousel').topic).toBeNull();
  });
});

describe('other kinds', () => {
  it.each([
    ["Combien d'images il me reste ce mois-ci ?", 'quota'],
    ['How many videos can I still make?', 'quota'],
    ['Check my quota', 'quota'],
    ['Montre-moi mes créations', 'library'],
    ['Où sont mes images ?', 'library'],
    ['Open my gallery', 'library'],
    ['Que peux-tu faire ?', 'help'],
    ['How does this work?', 'help'],
    ['Oui vas-y', 'confirm'],
    ['Sounds good', 'confirm'],
    ['Non, annule la vidéo', 'cancel'],
    ['Never mind', 'cancel'],
    ['Do I still have videos left this month?', 'quota'],
    ['Ai-je encore des visuels restants ?', 'quota'],
    ['Do I still have the logo you made?', 'unknown'],
    ['Where are the visuals I already generated?', 'library'],
    ['Show me the images I generated yesterday', 'library'],
    ["Can you show me what I've created?", 'library'],
    ["Retrouve les images que j'ai faites hier", 'library'],
    ["C'est nickel, vas-y", 'confirm'],
    ["That's perfect, go ahead", 'confirm'],
    ["Montre-moi les vidéos que j'ai créées", 'library'],
    ['Make an image like the one I made', 'generate'],
    ['Can you explain what you do?', 'help'],
    ['Could you explain how this works?', 'help'],
    ['Explain how to bake bread in a carousel', 'generate'],
    ['Looks perfect, proceed', 'confirm'],
    ['That looks great, proceed', 'confirm'],
    ['scrap that', 'cancel'],
    ['Ditch the video', 'cancel'],
    ['discard it', 'cancel'],
    ['bin it', 'cancel'],
    ['jette-la', 'cancel'],
    ['efface tout', 'cancel'],
    ['Peux-tu faire une affiche pour notre concert ?', 'generate'],
    ['Il fait beau aujourd’hui', 'unknown'],
    ['Merci beaucoup', 'unknown'],
    ['Hi there', 'unknown'],
    ['', 'unknown'],
  ])('%s is %s', (text, kind) => {
    expect(detectIntent(text).kind).toBe(kind);
  });
});
