// What one message means in the conversation's current state (intents/DIALOGS.md), decided
// offline and without side effects; the conversation then does it.
import { detectIntent } from '../intent/detect.js';
import { formatAt } from '../intent/format.js';
import { asksForPerson, toLine } from '../intent/kinds.js';
import { MAKE_VERBS, WANT_VERBS } from '../intent/lexicon.js';
import { tokenize } from '../intent/normalize.js';
import type { GenerateIntent, Language } from '../intent/types.js';
import { applyEdit, type Draft, type DraftEdit, type DraftWarning, draftFromIntent } from './draft.js';
import { isEmptyEdit, readEdit, readSwap } from './edit.js';
import { asksAgain, readRedo } from './follow-up.js';
import type { BotLine } from './messages.js';
import { readParts } from './parts.js';
import { readVariants } from './read-variants.js';
import { readSocial } from './social.js';

export interface TurnState {
  locale?: Language;
  /** The drafts of the open proposal (several for a multi-part request); empty when none. */
  open: Draft[];
  /** The last order's brief and how many items it has. */
  last?: { draft: Draft; expected?: number } | undefined;
  /** An order of this conversation is still running. */
  running: boolean;
  /** The open proposal offers to reuse an earlier visual. */
  offer?: boolean;
}

export type Turn =
  | { kind: 'handoff' | 'quota' | 'library' | 'help' | 'confirm' | 'drop' | 'cancelOrder' | 'reuse' }
  | { kind: 'reply'; line: BotLine }
  | { kind: 'redo'; slide: number }
  | { kind: 'edit'; edit: DraftEdit }
  | {
      kind: 'propose';
      drafts: Array<{ draft: Draft; warnings?: DraftWarning[] }>;
      /** The last order's brief again ("encore", "une variante en 9:16"): a new render, no reuse offer. */
      repeat?: boolean;
    };

/** The topic follows a preposition ("une vidéo pour la fête", "a video on yoga"), so it was asked for. */
const introduced = (text: string, topic: string) =>
  /(^|\s)(sur|about|on|pour|for|de|d|du|des|of|propos|autour)[\s'’]*$/i.test(
    text.slice(0, text.indexOf(topic)),
  );

/** "sur notre café" answers "what about?": the topic is what follows the preposition. */
const topicAnswer = (text: string) => text.trim().replace(/^(about|on|sur|[aà] propos de|de|du)\s+/i, '');

/** "crée quelque chose pour la fête des mères": the topic is what the something is for. */
const SOMETHING = /^(quelque chose|un truc|something|anything)\s+((à propos )?de|sur|pour|about|for|on)?\s*/i;

const fromIntent = (intent: GenerateIntent) => ({
  draft: draftFromIntent({ ...intent, topic: intent.topic?.replace(SOMETHING, '') || null }),
  warnings: intent.warnings.filter((w): w is DraftWarning => w !== 'topic_missing'),
});

const variant = (draft: Draft, edit: DraftEdit): Turn => ({
  kind: 'propose',
  drafts: [applyEdit(draft, edit)],
  repeat: true,
});

/** "réutilise-le", "reuse it", "garde l'ancien": take the reuse the open proposal offers. */
const REUSE =
  / (reutilise[rz]?|reutiliser|reutilisez|reuse|reprends l ancien|garde l ancien|l ancien|the old one|the earlier one|the previous one) /;

/**
 * @example
 * readTurn('plutôt 3 slides', { open: [carousel], running: false }) // { kind: 'edit', edit: { format: 'carousel', count: 3 } }
 * readTurn('avec 3 variantes', { open: [image], running: false }) // { kind: 'edit', edit: { variants: 3 } }
 */
export function readTurn(text: string, state: TurnState): Turn {
  if (state.offer && REUSE.test(toLine(tokenize(text).map((t) => t.w)))) return { kind: 'reuse' };
  const { variants, rest } = readVariants(text);
  if (variants === undefined) return readPlainTurn(text, state);
  // Nothing but the variants ("avec 2 variantes"): the number is theirs, not a count.
  const turn: Turn = rest.trim() ? readPlainTurn(rest, state) : { kind: 'reply', line: 'unknown' };
  const current = state.open.at(-1);
  if (turn.kind === 'propose')
    return {
      ...turn,
      drafts: turn.drafts.map(({ draft, warnings }) => ({
        draft: applyEdit(draft, { variants }).draft,
        ...(warnings ? { warnings } : {}),
      })),
    };
  if (turn.kind === 'edit') return { kind: 'edit', edit: { ...turn.edit, variants } };
  // "fais-en 3 variantes": the rest says nothing more, so it is about the open proposal or the last order.
  if (current) return { kind: 'edit', edit: { variants } };
  if (state.last) return variant(state.last.draft, { variants });
  return turn;
}

function readPlainTurn(text: string, state: TurnState): Turn {
  const tokens = tokenize(text);
  const line = toLine(tokens.map((t) => t.w));
  const { open, last, locale } = state;
  const current = open.at(-1);

  const makes = tokens.some((t) => MAKE_VERBS.has(t.w));
  const names = tokens.some((_, i) => formatAt(tokens, i));
  if (asksForPerson(line, names)) return { kind: 'handoff' };
  const social = readSocial(line, text, names || makes);
  if (social) return { kind: 'reply', line: social };

  const intent = detectIntent(text, { locale });
  if (intent.kind === 'quota' || intent.kind === 'library' || intent.kind === 'help')
    return { kind: intent.kind };
  // "focus on blues instead", "non, plutôt des chiens": a new topic with no field named ("non, annule
  // plutôt" still cancels).
  const base = current ?? last?.draft;
  const swap =
    base &&
    (intent.kind !== 'cancel' || /^ (non|no|nope|nan) (?!(.* )?(annule[rz]?|cancel|stop) )/.test(line))
      ? readSwap(text, base.format)
      : undefined;
  if (swap) return current ? { kind: 'edit', edit: { topic: swap } } : variant(base!, { topic: swap });
  // "encore", "do it again", "une autre version", "make another one about Y" after a result.
  if (last && !current && asksAgain(line) && readRedo(tokens, last.draft.count) === undefined)
    return variant(last.draft, readEdit(text, last.draft.format).edit);
  if (intent.kind === 'confirm')
    return current ? { kind: 'confirm' } : { kind: 'reply', line: 'nothingToConfirm' };
  if (intent.kind === 'cancel') {
    // "non, plutôt en carré": a correction that starts with no, not a cancel.
    const correction = current && /^ (non|no|nope|nan) /.test(line) && readEdit(text, current.format);
    if (correction && !isEmptyEdit(correction.edit) && correction.leftover.length === 0)
      return { kind: 'edit', edit: correction.edit };
    if (current) return { kind: 'drop' };
    return state.running ? { kind: 'cancelOrder' } : { kind: 'reply', line: 'nothingToCancel' };
  }

  if (last && last.draft.format !== 'video') {
    const slide = readRedo(tokens, last.expected ?? last.draft.count);
    if (slide !== undefined) return { kind: 'redo', slide };
  }

  const parts = readParts(text, locale);
  if (parts) return { kind: 'propose', drafts: parts.map(fromIntent) };

  const fullRequest = intent.kind === 'generate' && !!intent.topic && makes;
  if (current) {
    const { edit, leftover } = readEdit(text, current.format);
    // "make it 3 slides" is a correction even though "make" could start a request; so is "use 5
    // slides" or "trop long, 3 slides suffiront": a word or two left over, but no topic of their own.
    const ownTopic = intent.kind === 'generate' && !!intent.topic && introduced(text, intent.topic);
    // While the topic is still asked for, words left over are the answer ("Instagram tips").
    const correction =
      !isEmptyEdit(edit) &&
      (leftover.length === 0 || (!fullRequest && leftover.length < 3 && !ownTopic && !!current.topic));
    if (correction || (!fullRequest && edit.topic)) return { kind: 'edit', edit };
    const explicitRequest = intent.kind === 'generate' && intent.confidence >= 0.9 && !!intent.topic;
    if (!current.topic && !fullRequest && !explicitRequest)
      return { kind: 'edit', edit: { topic: topicAnswer(text) } };
  }
  if (last && !current && !fullRequest) {
    const { edit, leftover } = readEdit(text, last.draft.format);
    // "une variante en 9:16", "pareil mais sur Y", or a bare correction after a result.
    if (asksAgain(line) || (!isEmptyEdit(edit) && leftover.length === 0)) return variant(last.draft, edit);
  }
  // A request needs a format word, a platform, or a command verb with a subject ("crée quelque chose
  // sur le yoga"): "je veux une pizza" and "fais-moi rire" stay small talk.
  const aboutSomething = / (sur|about|on|pour|for|autour|propos|theme|sujet|topic) /.test(line);
  const draws = / (dessine[rz]?|draw|illustre[rz]?|illustrate|imagine[rz]?|design) /.test(line);
  const asks = makes || tokens.some((t) => WANT_VERBS.has(t.w));
  if (
    intent.kind === 'generate' &&
    (intent.confidence >= 0.9 || intent.platform || draws || (asks && aboutSomething))
  )
    return { kind: 'propose', drafts: [fromIntent(intent)] };
  return { kind: 'reply', line: 'unknown' };
}
