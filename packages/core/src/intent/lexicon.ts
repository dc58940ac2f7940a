// The vocabulary, kept as space-separated lists: they are most of the bundle, so every word must earn
// its place. Words are accent-free and lower-case (see fold()); plurals are found via singular().
// Every list is built through a /* @__PURE__ */ call so bundlers drop the ones a caller never reaches.
import type { Format, Ratio } from '../contract/constants.js';
import { indexWords, wordSet } from './normalize.js';
import type { Platform } from './types.js';

/** Words that name what to make (SPEC "Format"). "story" is handled apart: see STORY. */
export const FORMAT_WORDS = /* @__PURE__ */ indexWords<Format>({
  carousel: 'carrousel carousel caroussel carroussel slide diaporama diapo diapositive',
  video: 'video reel clip short animation',
  image:
    'image picture pic visuel visual post photo illustration banniere banner affiche poster flyer pin miniature thumbnail',
});

/** A 9:16 ratio word that also names an image when no other format word is there. */
export const STORY = /* @__PURE__ */ wordSet('story storie');

/** Units a count can attach to besides image words: "6 pages", "7 slides". */
export const COUNT_UNITS = /* @__PURE__ */ wordSet(
  'slide diapo diapositive page partie part carte card story storie',
);

export const PLATFORM_WORDS = /* @__PURE__ */ indexWords<Platform>({
  instagram: 'instagram insta ig',
  tiktok: 'tiktok',
  linkedin: 'linkedin',
  pinterest: 'pinterest',
  youtube: 'youtube yt',
  facebook: 'facebook fb',
  x: 'twitter',
});

export const RATIO_WORDS = /* @__PURE__ */ indexWords<Ratio>({
  '1:1': 'carre carree square',
  '4:5': 'portrait',
  '9:16': 'vertical verticale verticaux story storie fullscreen',
  '16:9': 'paysage landscape horizontal horizontale horizontaux widescreen',
});

/** Seconds per unit after a number: "15 s", "30 seconds", "2 minutes". */
export const DURATION_UNITS = /* @__PURE__ */ indexWords<'1' | '60'>({
  '1': 's sec seconde second',
  '60': 'minute min mn',
});

/** Words that cancel the format word just after them: "pas de vidéo", "instead of a video", "au lieu d'une image". */
export const NEGATORS = /* @__PURE__ */ wordSet(
  'pas sans no not without never jamais ni aucun aucune don non instead than lieu',
);

/** Verbs asking to create: with no format word they still mean "make an image". */
export const MAKE_VERBS = /* @__PURE__ */ wordSet(
  'cree creer creez crees fais faire faites genere generer generez make create generate design dessine dessiner draw produce imagine prepare preparer preparez realise realiser fai creat',
);

/** Weaker asks ("je veux", "I need"): enough for an image, not enough to outrank "mon quota". */
export const WANT_VERBS = /* @__PURE__ */ wordSet(
  'veux voudrais aimerais souhaite souhaiterais want need besoin give donne',
);

/**
 * Glue trimmed off the edges of the topic: prepositions, pronouns, politeness, fillers and command
 * verbs. Only edges are trimmed, so "how to make bread" keeps its "make".
 */
export const EDGE_WORDS = /* @__PURE__ */ wordSet(
  'de d du sur au aux en et and t que qu est ce ca il y mais but non do environ ne n pour par avec about on of for with in to me moi m tu je j i u we you svp stp pls plz please merci obtenir avoir get have ai like love can could peux pourrais pourriez pouvez vous aurais faudrait juste just only simple plutot rather instead seul seule single pro professionnel professional new petit petite court courte sympa nice beautiful anime animee animated format ratio salut bonjour hello hi hey ok oui yes wiht whit abut abot demie',
);

/**
 * Words that only wrap a request ("Would you kindly make…", "I was wondering whether you could…", "Permets-moi
 * de solliciter…"): trimmed off a topic's edges like the glue above, but no gap between a number and its unit.
 */
/** Words that open a request ("Tu me ferais…", "Any chance you could…", "Est-ce que…"), never a topic. */
export const OPENERS = /* @__PURE__ */ wordSet(
  'i j je tu you we nous can could would will do peux pourrais pourriez pouvez est is please pls svp stp merci any serait help aide let',
);

export const POLITE_WORDS = /* @__PURE__ */ wordSet(
  'would kindly possibly wondering whether if was it be possible serait permets permettez solliciter demandais pouvais pourrait pourrions',
);

/** Articles and possessives: kept at the start of a topic ("les tendances"), trimmed at its end. */
export const ARTICLES = /* @__PURE__ */ wordSet(
  'le la les l un une des mon ma mes notre nos votre vos a the an my your our this',
);

/** Words that introduce the topic, article included: "Le sujet : la cybersécurité", "à propos de". */
export const TOPIC_LABELS = /* @__PURE__ */ wordSet('sujet theme topic subject propos');
