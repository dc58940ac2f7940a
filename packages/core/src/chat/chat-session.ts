import { clampToLimit, LIMITS } from '../contract/constants.js';
import type { GenerateRequest, GenerateResponse } from '../contract/types.js';
import { type AnyAlfieError, isAlfieError } from '../errors/guards.js';
import { newIdempotencyKey } from '../http/idempotency-key.js';
import { describeIntent } from '../intent/describe.js';
import { detectIntent } from '../intent/detect.js';
import { intentToRequest } from '../intent/request.js';
import type { GenerateIntent, Intent, Language } from '../intent/types.js';
import { idleWatchSnapshot } from '../observers/idle.js';
import { Store } from '../observers/store.js';
import type { OrderWatcher, WatchSnapshot } from '../watch/types.js';
import { type ChatPhase, phaseOf } from './phase.js';

export type { ChatPhase } from './phase.js';

/** What a chat session needs of a client: `createAlfieClient` and `createAlfieBaseClient` both fit. */
export interface ChatSessionClient {
  generate(request: GenerateRequest, options?: { idempotencyKey?: string }): Promise<GenerateResponse>;
  orders: { watch(orderId: string): OrderWatcher };
}

export interface ChatSessionOptions {
  /** The brand orders are made for. */
  brandId: string;
  /**
   * The conversation's language: of `description`, and sent as the request's `locale` so generated
   * texts match. Default: descriptions in French, no `locale` sent (the server's default).
   */
  locale?: Language;
}

/** The conversation as a chat UI draws it. Replaced, never mutated, on every change. */
export interface ChatSnapshot {
  phase: ChatPhase;
  /** The generate intent waiting for a yes (its topic filled in from the answer), null when none. */
  intent: GenerateIntent | null;
  /** The request a yes would send; null when nothing is pending or while the topic is missing. */
  proposal: GenerateRequest | null;
  /** One line for the pending intent, e.g. "Carousel · 5 slides · 4:5 — Coffee"; null when none. */
  description: string | null;
  /** The latest order placed from this chat. */
  orderId: string | null;
  /** That order, live (`idleWatchSnapshot` before the first order). */
  watch: WatchSnapshot;
  /** Why the last confirm failed (a QUOTA_EXCEEDED error carries `remaining` and `resetsAt`). */
  error: AnyAlfieError | null;
}

/** Request fields a UI may edit on a pending proposal (an edit button, a count stepper). */
export type ChatProposalEdit = Partial<Omit<GenerateRequest, 'brandId'>>;

export interface ChatSession {
  subscribe(listener: () => void): () => void;
  getSnapshot(): ChatSnapshot;
  /**
   * Reads one user message (SPEC.md): a request becomes a proposal, "yes" confirms it, "no" drops it,
   * and the message after a topic-less request is taken as the topic. Returns the detected intent so
   * the UI answers the rest itself (`quota`, `library`, `help`, `unknown`).
   */
  send(text: string): Intent;
  /** Orders the proposal. Resolves with `{ orderId, jobId }`, or undefined (the error is in `error`). */
  confirm(): Promise<GenerateResponse | undefined>;
  /** Drops the pending proposal; an order already sent keeps going. */
  cancel(): void;
  /** Edits the pending proposal (format, count, ratio, duration, topic). */
  update(fields: ChatProposalEdit): void;
  /** Back to idle: no proposal, no error, stops following the order. */
  reset(): void;
}

/** "about our new café" answers "what about?": keep what follows the preposition. */
const topicFrom = (text: string) => text.trim().replace(/^(about|on|sur|à propos de|a propos de)\s+/i, '');

/**
 * Chat-driven ordering without a framework: intent, then proposal, then confirm, then generate, then
 * live order. A separate function, not a client method, so bundles that never chat leave it (and the
 * intent rules) out. Nothing happens until `send`; the order is followed while someone subscribes.
 *
 * @example
 * const chat = createChatSession(client, { brandId, locale: 'en' });
 * chat.subscribe(() => render(chat.getSnapshot()));
 * chat.send('make a 5 slide carousel about coffee'); // phase 'proposing', description to show
 * chat.send('yes');                                  // submitting, then watching, then done
 */
export function createChatSession(client: ChatSessionClient, options: ChatSessionOptions): ChatSession {
  const { brandId, locale } = options;
  let submitting = false;
  let call = 0;
  let observed = false;
  let watcher: OrderWatcher | null = null;
  let stopWatcher: (() => void) | null = null;
  // One key per proposal, so confirming again after a network error cannot order twice.
  let idempotency: { proposal: GenerateRequest; key: string } | null = null;

  const initial: ChatSnapshot = {
    phase: 'idle',
    intent: null,
    proposal: null,
    description: null,
    orderId: null,
    watch: idleWatchSnapshot,
    error: null,
  };
  const store = new Store<ChatSnapshot>(initial, (count) => {
    observed = count > 0;
    if (observed) attach();
    else detach();
  });

  const set = (patch: Partial<ChatSnapshot>) =>
    store.set({ ...patch, phase: phaseOf({ ...store.get(), ...patch }, submitting) });

  const sync = () => watcher && set({ watch: watcher.getSnapshot() });
  function attach() {
    if (!watcher || stopWatcher) return;
    stopWatcher = watcher.subscribe(sync);
    sync();
  }
  function detach() {
    stopWatcher?.();
    stopWatcher = null;
  }

  function propose(intent: GenerateIntent | null) {
    const proposal = intent?.topic?.trim() ? intentToRequest(intent, { brandId }) : null;
    // Slide titles and any drawn text then come out in the language of the conversation.
    if (proposal && locale) proposal.locale = locale;
    set({ intent, proposal, description: intent && describeIntent(intent, locale), error: null });
  }

  function follow(orderId: string, submitted: GenerateRequest) {
    detach();
    watcher?.close();
    watcher = client.orders.watch(orderId);
    const pendingSent = store.get().proposal === submitted;
    set({
      orderId,
      watch: watcher.getSnapshot(),
      ...(pendingSent && { intent: null, proposal: null, description: null }),
    });
    if (observed) attach();
  }

  async function confirm(): Promise<GenerateResponse | undefined> {
    const { proposal } = store.get();
    if (!proposal || submitting) return undefined;
    if (idempotency?.proposal !== proposal) idempotency = { proposal, key: newIdempotencyKey() };
    const current = ++call;
    submitting = true;
    set({ error: null });
    try {
      const response = await client.generate(proposal, { idempotencyKey: idempotency.key });
      if (current !== call) return response;
      submitting = false;
      follow(response.orderId, proposal);
      return response;
    } catch (error) {
      if (current !== call) return undefined;
      submitting = false;
      set({ error: isAlfieError(error) ? error : null });
      return undefined;
    }
  }

  const cancel = () => set({ intent: null, proposal: null, description: null, error: null });

  return {
    subscribe: store.subscribe,
    getSnapshot: store.get,
    send(text) {
      const intent = detectIntent(text, { locale });
      const { intent: pending, proposal } = store.get();
      // While "what about?" is open, only an explicit new request (a format word) replaces the question.
      const asksTopic = pending && !proposal;
      if (intent.kind === 'generate' && !(asksTopic && intent.confidence < 0.9)) propose(intent);
      else if (intent.kind === 'confirm') void confirm();
      else if (intent.kind === 'cancel') cancel();
      else if (asksTopic && topicFrom(text))
        propose({
          ...pending,
          topic: topicFrom(text),
          warnings: pending.warnings.filter((w) => w !== 'topic_missing'),
        });
      return intent;
    },
    confirm,
    cancel,
    update(fields) {
      const { intent } = store.get();
      if (!intent) return;
      const format = fields.format ?? intent.format;
      const video = format === 'video';
      const count = fields.count ?? intent.count;
      propose({
        ...intent,
        format,
        count: video
          ? 1
          : clampToLimit(count, format === 'carousel' ? LIMITS.carouselSlides : LIMITS.imageCount),
        ratio: fields.ratio ?? intent.ratio,
        duration: video
          ? clampToLimit(
              fields.duration ?? intent.duration ?? LIMITS.videoDuration.default,
              LIMITS.videoDuration,
            )
          : null,
        topic: fields.topic ?? intent.topic,
      });
    },
    reset() {
      call++;
      submitting = false;
      detach();
      watcher?.close();
      watcher = null;
      set(initial);
    },
  };
}
