import type { GenerateRequest, GenerateResponse } from '../contract/types.js';
import { type AnyAlfieError, isAlfieError } from '../errors/guards.js';
import { describeIntent } from '../intent/describe.js';
import { detectIntent } from '../intent/detect.js';
import type { GenerateIntent, Intent, IntentWarning, Language } from '../intent/types.js';
import { idleWatchSnapshot } from '../observers/idle.js';
import { Store } from '../observers/store.js';
import type { OrderWatcher, WatchSnapshot } from '../watch/types.js';
import { createConversation } from './conversation.js';
import { type DraftEdit, requestFromDraft } from './draft.js';
import type { ChatMessage } from './messages.js';
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
   * Reads one user message (DIALOGS.md, through core's conversation engine): a request becomes a
   * proposal, a correction edits it, "yes" confirms it, "no" drops it, and the message after a
   * topic-less request is taken as the topic. Returns the detected intent so the UI answers the rest
   * itself (`quota`, `library`, `help`, `unknown`).
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

type Proposal = Extract<ChatMessage, { type: 'proposal' }>;

/**
 * A one-proposal view of core's conversation engine (`createConversation`), for chat UIs that draw
 * their own transcript: the rules are the engine's; this keeps the pending proposal as an intent, a
 * request and a description, and follows the latest order while someone subscribes. A separate
 * function, not a client method, so bundles that never chat leave it (and the intent rules) out.
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
  let error: AnyAlfieError | null = null;
  let lastResponse: GenerateResponse | undefined;
  let observed = false;
  let watcher: OrderWatcher | null = null;
  let watched: string | null = null;
  let stopWatcher: (() => void) | null = null;

  const unavailable = () => Promise.reject(new Error('Not available to a chat session'));
  const engineClient = {
    generate: async (request: GenerateRequest, opts?: { idempotencyKey?: string }) => {
      try {
        lastResponse = await client.generate(request, opts);
        return lastResponse;
      } catch (failure) {
        error = isAlfieError(failure) ? failure : null;
        throw failure;
      }
    },
    orders: { watch: client.orders.watch, get: unavailable, cancel: unavailable, redo: unavailable },
    quotas: { get: unavailable },
  };

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

  let conversation = open();
  function open() {
    const engine = createConversation(engineClient, { brandId, locale, background: false });
    engine.subscribe(sync);
    return engine;
  }

  const pending = (): Proposal | undefined =>
    conversation
      .getSnapshot()
      .messages.findLast((m): m is Proposal => m.type === 'proposal' && m.state === 'open');

  function sync(): void {
    const open = pending();
    const lastOrder = conversation.getSnapshot().messages.findLast((m) => m.type === 'order');
    const orderId = lastOrder?.type === 'order' ? lastOrder.orderId : null;
    if (orderId !== watched) follow(orderId);
    const draft = open?.draft;
    const warnings: IntentWarning[] = [
      ...(open?.warnings ?? []),
      ...(draft?.topic ? [] : ['topic_missing' as const]),
    ];
    const intent: GenerateIntent | null = draft
      ? {
          kind: 'generate',
          ...draft,
          platform: draft.platform ?? null,
          topic: draft.topic || null,
          warnings,
          confidence: 0.9,
        }
      : null;
    const next = {
      intent,
      proposal: draft?.topic ? requestFromDraft(draft, brandId, locale) : null,
      description: intent && describeIntent(intent, locale),
      orderId,
      watch: watcher?.getSnapshot() ?? idleWatchSnapshot,
      error: open ? error : null,
    };
    store.set({ ...next, phase: phaseOf(next, submitting) });
  }

  function follow(orderId: string | null): void {
    detach();
    watcher?.close();
    watched = orderId;
    watcher = orderId ? client.orders.watch(orderId) : null;
    if (observed) attach();
  }
  function attach() {
    if (!watcher || stopWatcher) return;
    stopWatcher = watcher.subscribe(sync);
    sync();
  }
  function detach() {
    stopWatcher?.();
    stopWatcher = null;
  }

  async function confirm(): Promise<GenerateResponse | undefined> {
    if (!pending()?.draft.topic || submitting) return undefined;
    submitting = true;
    error = null;
    lastResponse = undefined;
    sync();
    await conversation.confirm();
    submitting = false;
    sync();
    return error ? undefined : lastResponse;
  }

  return {
    subscribe: store.subscribe,
    getSnapshot: store.get,
    send(text) {
      const intent = detectIntent(text, { locale });
      if (intent.kind === 'confirm' && pending()) void confirm();
      else {
        error = null;
        void conversation.send(text);
      }
      return intent;
    },
    confirm,
    cancel() {
      const open = pending();
      error = null;
      if (open) conversation.dropProposal(open.id);
    },
    update(fields) {
      const open = pending();
      if (!open) return;
      error = null;
      // A new format keeps the ratio shown unless the edit names one.
      const edit: DraftEdit = { ratio: fields.ratio ?? open.draft.ratio };
      for (const key of ['format', 'count', 'duration', 'topic'] as const)
        if (fields[key] !== undefined) Object.assign(edit, { [key]: fields[key] });
      conversation.editProposal(open.id, edit);
    },
    reset() {
      conversation.dispose();
      submitting = false;
      error = null;
      conversation = open();
      follow(null);
      sync();
    },
  };
}
