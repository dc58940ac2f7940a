// Messages that are not a generate request. Patterns run on the folded words joined by single spaces
// and padded (" combien d images il me reste ": see toLine), so every alternative matches whole words only.
import type { SimpleIntentKind } from './types.js';

const QUOTA_WORD = / (quota|credit|woof|solde|balance|usage|consommation)s? /;
const QUOTA_ASK = / (combien|how (many|much)|what|quel|que) /;
/** Remaining or price: "combien il me reste", "how much does a video cost". */
const QUOTA_LEFT = / (rest(e|ent|ant)|left|remaining|encore|still|droit|coute?n?t?|costs?) /;
/** "Do I still have videos left?", "ai-je encore des crédits ?": a yes/no question about what remains. */
const QUOTA_YES_NO =
  /^ (\S+ ){0,3}(do (i|we)( still)? have|(j ai|ai je|on a) encore) .*(left|remaining|rest)/;
const LIBRARY_WORD = / (bibliotheque|library|galerie|gallery|historique|history|creations) /;
const THINGS =
  '(\\S+ )?(creation|commande|order|fichier|file|image|video|visuel|visual|carrousel|carousel|photo|picture|post|slide)s?';
/**
 * "Montre-moi mes vidéos", "Où sont mes images ?", "Ouvre la galerie", "Where are the visuals I already
 * generated?": a show verb among the first words (not "une affiche"), then "my <things>", "the library"
 * or "the <things> I made".
 */
const SHOW_LIBRARY = /* @__PURE__ */ new RegExp(
  `^ (\\S+ ){0,3}(?<! (une?|l|la|le|an?|the) )(montre|affiche|voir|ouvre|retrouve|show|see|view|open|display|ou|where) (.+ )?((ma|mon|mes|my|nos|notre|our|votre|your|la|l|the) (bibliotheque|library|galerie|gallery|historique|history|creations)|(mes|my|nos|our) ${THINGS}|(the|les|ces|those) ${THINGS} (that |que )?(i|we|j ai|on a)( \\S+)? (made|created|generated|fait|cre|gener)\\S*) `,
);
const HELP_ASK =
  / (tu |vous )?(peux|sais|pouvez|savez)( tu| vous)? faire( quoi| pour moi| d autre)? $| (what (can you|you can|do you) do|comment (ca|tu) (marche|fonctionnes?)|how (does|do) (this|it|you) work|tu sers|sers tu|c est quoi|qu est ce qu une?|what is an?|what can i (ask|say|do)|comment (je|on) (fais|fait)|how do i|expl(ai|iq)\S* (\S+ )?(what you|how (this|it|you)|ce que (tu|vous)|comment (ca|tu|vous))) /;
const CANCEL_FIRST =
  /^ ((non|no|please|wait|attends?|on|let s) )?(annule[rz]?|cancel|stop(pe[rz]?)?|arrete[rz]?|laisse tomber|oublie|forget|never ?mind|abort|scrap|ditch|discard|bin (it|that|this)|jette[rz]?(?! un)) /;
/** "Bonjour", "good morning": small talk alone, a polite opening before a request. */
export const GREETING =
  /^ (bonjour|bonsoir|salut|coucou|hello|hi|hey|hiya|yo|hola|bjr|slt|good (morning|afternoon|evening)|ca va|comment ca va|how are you|quoi de neuf)( |$)/;
/** "s'il te plaît" anywhere: "un reel de 20 secondes s'il vous plaît sur le vin". */
export const PLEASE = / s il (te|vous) plait /;
/** A closing courtesy, no part of the topic: "… merci d'avance", "… s'il vous plaît", "… thanks so much". */
export const CLOSING = /( (merci( d avance| beaucoup)?|thanks?( you)?( so much| in advance)?))+ $/;
/** No, not now, never mind: also a closing "no" ("finalement non", "actually no"). */
const REFUSE =
  /^ (non|no|nope|nan|nah|not now|pas maintenant|plus tard|later|pas la peine|tant pis|on oublie|rien|nothing|drop it|skip|efface[rz]?) | (annule[rz]?|cancel|veux plus|changed my mind|change d avis) | (non|no)( merci| thanks)? $/;
const CONFIRM =
  /^ (je |i )?(oui|ouais|ok(ay)?|alright|d accord|vas y|go|parfait|super|c est (bon|parti|parfait|tout bon|nickel|top|super)|(that|it|this)( s| is) (perfect|great|good|fine)|lance[rz]?|valider?|confirm(e|ed)?|yes|yeah|yep|sure|do it|((that|it|this) )?(looks|sounds|seems) (good|great|perfect|fine|nice|right)|perfect|great|let s (go|do)|bien sur|ca marche|on y va|allez|allons y|envoie|envoyez|ca me (va|plait)|nickel|banco|impec|top|fine|that works|good to go|proceed|ship it|go for it|exactement|exactly) /;
/** Someone to talk to: "je veux parler à un humain", "talk to a person", "un conseiller svp". */
const PERSON =
  / (humaine?|human|personne|person|conseillere?|agent|operateur|operator|support|service client|customer (service|support|care)|someone|somebody|anyone|quelqu un|representative|staff|vrai|real|equipe|team|manager|responsable|commercial|sales|vendeur) /;
const REACH =
  / (parler|discuter|echanger|contacter|joindre|ecrire|talk|speak|chat|contact|reach|transfere|transfer|relation|connect|passe moi|passez moi|get me|put me|avoir|help) /;

/** A way out to a person; never a message naming a format ("photo de l'équipe", "help our team"). */
export const asksForPerson = (line: string, hasFormat: boolean): boolean =>
  !hasFormat && PERSON.test(line) && (REACH.test(line) || line.trim().split(' ').length <= 4);

/** The folded words as one padded line, the form every pattern here reads. */
export const toLine = (words: string[]): string => ` ${words.join(' ')} `;

/**
 * Kinds that win over any format word, because they mention formats without asking for one:
 * "combien d'images il me reste ?", "montre mes vidéos", "que peux-tu faire ?", "annule la vidéo".
 */
export function earlyKind(line: string): SimpleIntentKind | undefined {
  // "combien… reste", "woofs… reste": quota even when a format is named ("combien d'images…").
  if (
    ((QUOTA_WORD.test(line) || / (combien|how (many|much)|any|il (me|nous)) /.test(line)) &&
      QUOTA_LEFT.test(line)) ||
    QUOTA_YES_NO.test(line)
  )
    return 'quota';
  if (
    SHOW_LIBRARY.test(line) ||
    / (what (i|we)( ve| have)? (already )?(made|created|generated)|ce que j ai (deja )?(fait|cree|genere)) /.test(
      line,
    )
  )
    return 'library';
  // "c'est quoi mon quota ?" asks for the quota, not what Alfie is.
  if (HELP_ASK.test(line) && !/ (quota|credit|woof)s? /.test(line)) return 'help';
  if (CANCEL_FIRST.test(line)) return 'cancel';
  return undefined;
}

/** Kinds for a message with no format word; undefined lets the caller try "create without a format". */
export function lateKind(line: string, creates: boolean): SimpleIntentKind | undefined {
  if ((QUOTA_WORD.test(line) || (QUOTA_ASK.test(line) && QUOTA_LEFT.test(line))) && !creates) return 'quota';
  if (LIBRARY_WORD.test(line) && !creates) return 'library';
  if (REFUSE.test(line)) return 'cancel';
  if (CONFIRM.test(line)) return 'confirm';
  if (/ (aide|help|tuto) /.test(line)) return 'help';
  return undefined;
}
