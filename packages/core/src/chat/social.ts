// Small talk and the way out to a person, read on the folded line (" bonjour alfie "; see toLine).
// They come before the intent rules: "je veux parler à un humain" must never become an image order.

const GREETING =
  /^ (bonjour|bonsoir|salut|coucou|hello|hi|hey|hiya|yo|hola|bjr|slt|good (morning|afternoon|evening)|ca va|comment ca va|how are you|quoi de neuf)( |$)/;
const THANKS =
  / (merci|thanks?|thank you|thx|ty|cheers|bravo|genial|cool|nice|awesome|top|j adore|love it|c est gentil|trop bien|impeccable|excellent|magnifique|wow|bonne journee|bonne soiree|a bientot|au revoir|bye|goodbye|see you) /;
/** Agreement that asks for nothing: "ça marche", "d'accord merci". */
const ACK = /^ (ca marche|entendu|compris|noted|got it)( |$)/;
const PERSON =
  / (humain|humaine|human|personne|person|conseiller|conseillere|agent|operateur|operator|support|service client|customer (service|support|care)|someone|somebody|quelqu un|representative|staff|vrai|real|equipe|team|manager|responsable) /;
const REACH =
  / (parler|discuter|contacter|joindre|ecrire|talk|speak|chat|contact|reach|transfere|transfer|relation|connect|passe moi|passez moi|get me|avoir) /;

/** Words that make a message more than small talk ("salut, fais-moi une image..."). */
const REQUEST_WORD =
  / (cree|creer|fais|faire|genere|make|create|generate|image|images|carrousel|carousel|video|slides?|visuel|post|reste|combien|quota|left|how many) /;

/** "oui merci", "non merci", "ok merci": an answer to the proposal, not small talk. */
const ANSWER =
  /^ (oui|ouais|ok|okay|yes|yeah|yep|non|no|nope|nan|d accord|vas y|go|parfait|c est bon|annule|cancel|stop) /;

/** Yes and no in the words detectIntent leaves to the conversation ("on y va", "pas maintenant"). */
export const MORE_YES =
  /^ (on y va|allez|allons y|envoie|envoyez|c est parfait|ca me va|ca me plait|nickel|banco|confirme|confirmed|confirm|fine|that works|looks good|good to go|proceed|ship it|go for it|exactement|exactly|oui oui|impec|valider?|lancer?|lancez|c est tout bon) /;
export const MORE_NO =
  /^ (pas maintenant|plus tard|later|no thanks|non merci|pas la peine|tant pis|oublie ca|on oublie|rien|nothing|cancel that|drop it|skip) /;

export type SocialKind = 'greeting' | 'thanks' | 'ack' | 'question';

/** "Bonjour !", "merci", "ça marche", "?": small talk, or undefined when the message asks for something. */
export function readSocial(line: string, raw: string): SocialKind | undefined {
  if (/^[\s?¿!.…]*\?[\s?¿!.…]*$/.test(raw)) return 'question';
  if (ANSWER.test(line) || REQUEST_WORD.test(line) || line.split(' ').length > 9) return undefined;
  if (GREETING.test(line)) return 'greeting';
  if (ACK.test(line)) return 'ack';
  if (THANKS.test(line)) return 'thanks';
  return undefined;
}

/** "je veux parler à un humain", "talk to a person", "un conseiller svp". */
export function asksForPerson(line: string): boolean {
  if (!PERSON.test(line)) return false;
  return REACH.test(line) || line.trim().split(' ').length <= 4;
}
