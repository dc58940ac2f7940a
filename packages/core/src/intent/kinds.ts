// Messages that are not a generate request. Patterns run on the folded words joined by single spaces
// and padded (" combien d images il me reste "), so every alternative matches whole words only.
import { ARTICLES, FORMAT_WORDS } from './lexicon.js';
import { lookup } from './normalize.js';
import type { SimpleIntentKind } from './types.js';

const QUOTA_ASK = / (combien|how (many|much)|quota|credit|woof|solde)s? /;
/** Weaker asks, trusted only when no format word is there: "what do I have left?". */
const QUOTA_WHAT = / (what|quel|quelle|que) /;
const QUOTA_LEFT = / (rest(e|ent|ant)|left|remaining|encore|still|disponibles?|available) /;
const QUOTA_WORD = / (quota|credit|woof|solde|balance|remaining|restant)s? /;
const LIBRARY_WORD = / (bibliotheque|library|galerie|gallery|historique|history|creations) /;
const SHOW_VERB = /^(montre|affiche|voir|ouvre|show|see|view|open|display|list|ou|where|retrouve)$/;
const HELP_ASK =
  / ((que|quoi|qu est ce que) (tu|vous) (peux|sais|pouvez|savez) faire|(peux|sais|pouvez|savez) (tu|vous) faire|what (can|do) you do|comment (ca|tu) (marche|fonctionne)|how (does|do) (this|it|you) work|how (do|can) i use) /;
const HELP_WORD = / (aide|help|tuto) /;
const CANCEL_FIRST = /^ ((non|no) )?(annule[rz]?|cancel|stop|arrete|laisse tomber|oublie|forget|never ?mind) /;
const REFUSE = /^ (non|no|nope|nan|pas maintenant|not now) | (annule[rz]?|cancel) /;
const CONFIRM =
  /^ (oui|ouais|ok|okay|d accord|vas y|go|allez|parfait|super|c est (bon|parti)|lance|valide|confirme|yes|yeah|yep|sure|do it|sounds good|perfect|great|confirm|let s (go|do)|alright|bien sur|top|ca marche|why not|pourquoi pas) /;

/**
 * Kinds that win over any format word, because they mention formats without asking for one:
 * "combien d'images il me reste ?", "montre mes vidéos", "que peux-tu faire ?", "annule la vidéo".
 */
export function earlyKind(words: string[]): SimpleIntentKind | undefined {
  const line = ` ${words.join(' ')} `;
  if (QUOTA_ASK.test(line) && QUOTA_LEFT.test(line)) return 'quota';
  if (showsLibrary(words)) return 'library';
  if (HELP_ASK.test(line)) return 'help';
  if (CANCEL_FIRST.test(line)) return 'cancel';
  return undefined;
}

/** Kinds for a message with no format word; undefined lets the caller try "create without a format". */
export function lateKind(words: string[], creates: boolean): SimpleIntentKind | undefined {
  const line = ` ${words.join(' ')} `;
  if ((QUOTA_WORD.test(line) || (QUOTA_WHAT.test(line) && QUOTA_LEFT.test(line))) && !creates) return 'quota';
  if (LIBRARY_WORD.test(line) && !creates) return 'library';
  if (REFUSE.test(line)) return 'cancel';
  if (CONFIRM.test(line)) return 'confirm';
  if (HELP_WORD.test(line)) return 'help';
  return undefined;
}

/** "Montre-moi mes vidéos", "Où sont mes images ?": a show verb near the start, then "my <things>". */
function showsLibrary(words: string[]): boolean {
  const verb = words.findIndex((w, i) => i < 4 && SHOW_VERB.test(w) && !ARTICLES.has(words[i - 1] ?? ''));
  if (verb < 0) return false;
  const line = ` ${words.slice(verb).join(' ')} `;
  if (LIBRARY_WORD.test(line)) return true;
  const mine = words.findIndex((w, i) => i > verb && /^(mes|my|nos|our)$/.test(w));
  // One adjective may sit in between: "my previous videos", "mes anciennes vidéos".
  return mine > 0 && words.slice(mine + 1, mine + 3).some((w) => !!lookup(FORMAT_WORDS, w) || /^(creation|fichier|file)s?$/.test(w));
}
