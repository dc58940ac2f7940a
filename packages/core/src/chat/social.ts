// Small talk, read on the folded line (" bonjour alfie "; see toLine), before the intent rules. The way
// out to a person (asksForPerson) lives with the intent kinds, so detectIntent never makes it an order.

import { GREETING } from '../intent/kinds.js';

const THANKS =
  / (merci+|thanks?|thx|appreciated|ty|cheers|bravo|genial|cool|nice|awesome|top|j adore|love it|c est gentil|trop bien|impeccable|excellent|magnifique|wow|bonne journee|bonne soiree|a bientot|au revoir|bye|goodbye|see you) /;
/** Agreement that asks for nothing: "ça marche", "d'accord merci". */
const ACK = /^ (ca marche|entendu|compris|noted|got it)( |$)/;
/** Quota words that make a message more than small talk ("merci, il m'en reste combien ?"). */
const QUOTA_ASK = / (reste|combien|quota|left|how many) /;

/** "oui merci", "non merci", "ok merci": an answer to the proposal, not small talk. */
const ANSWER =
  /^ (oui|ouais|ok|okay|yes|yeah|yep|nope|nan|d accord|vas y|go|parfait|c est bon|annule|cancel|stop) | (non|no|lance|go) /;

export type SocialKind = 'greeting' | 'thanks' | 'ack' | 'question';

/**
 * "Bonjour !", "merci", "ça marche", "?": small talk, or undefined when the message asks for something
 * (`asks`: it names a format or a command verb, "salut, fais-moi une image…").
 */
export function readSocial(line: string, raw: string, asks = false): SocialKind | undefined {
  if (/^[\s?¿!.…]*\?[\s?¿!.…]*$/.test(raw)) return 'question';
  if (asks || ANSWER.test(line) || QUOTA_ASK.test(line) || line.split(' ').length > 9) return undefined;
  if (GREETING.test(line)) return 'greeting';
  if (ACK.test(line)) return 'ack';
  if (THANKS.test(line)) return 'thanks';
  return undefined;
}
