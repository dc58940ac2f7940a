import type {
  GenerateRequest,
  GenerateResponse,
  LibraryEntry,
  ListLibraryQuery,
  OrderDetail,
  Page,
  Quota,
  RedoItemResponse,
} from '../contract/types.js';
import { newIdempotencyKey } from '../http/idempotency-key.js';
import { detectIntent } from '../intent/detect.js';
import { toLine } from '../intent/kinds.js';
import { MAKE_VERBS } from '../intent/lexicon.js';
import { tokenize } from '../intent/normalize.js';
import type { GenerateIntent, Language } from '../intent/types.js';
import { Store } from '../observers/store.js';
import type { OrderWatcher } from '../watch/types.js';
import { isRetryable, toChatError } from './chat-error.js';
import { applyEdit, type Draft, type DraftEdit, draftFromIntent, requestFromDraft } from './draft.js';
import { isEmptyEdit, readEdit } from './edit.js';
import { asksAgain, readRedo } from './follow-up.js';
import type {
  BotLine,
  ChatMessage,
  ConversationEvent,
  ConversationEventMap,
  ConversationSnapshot,
} from './messages.js';
import { readParts } from './parts.js';
import { asksForPerson, MORE_NO, MORE_YES, readSocial } from './social.js';
import { trackOrders } from './track-orders.js';

/** What a conversation needs of a client: `createAlfieClient` and `createAlfieBaseClient` both fit. */
export interface ConversationClient {
  generate(request: GenerateRequest, options?: { idempotencyKey?: string }): Promise<GenerateResponse>;
  orders: {
    watch(orderId: string, options?: { signal?: AbortSignal }): OrderWatcher;
    get(orderId: string): Promise<OrderDetail>;
    cancel(orderId: string): Promise<OrderDetail>;
    redo(orderId: string, slide: number): Promise<RedoItemResponse>;
  };
  quotas: { get(brandId: string): Promise<Quota> };
  library?: { list(query?: ListLibraryQuery): Promise<Page<LibraryEntry>> };
}

export interface ConversationOptions {
  /** The brand orders are made for, or a function resolving it (the user's first brand). */
  brandId: string | (() => Promise<string>);
  /** The conversation's language: every order carries it, so slide texts are written in it. */
  locale?: Language;
  /** A conversation restored from storage. */
  initial?: Partial<Pick<ConversationSnapshot, 'messages' | 'orders'>>;
  /** Older messages are dropped past this many. Default 60. */
  maxMessages?: number;
  /** How often a redone slide is checked for, in ms. Default 1000. */
  redoPollInterval?: number;
  /**
   * False when the surface follows orders and quota itself (createChatSession): the conversation
   * then starts no watcher and fetches no quota on its own. Default true.
   */
  background?: boolean;
}

type Proposal = Extract<ChatMessage, { type: 'proposal' }>;
type Listener<E extends ConversationEvent> = (payload: ConversationEventMap[E]) => void;

const SOMETHING = /^(quelque chose|un truc|something|anything)\s+((à propos )?de|sur|pour|about|for|on)?\s*/i;

let sequence = 0;
const messageId = () => `${Date.now().toString(36)}-${(++sequence).toString(36)}`;

/** "sur notre café" answers "what about?": the topic is what follows the preposition. */
const topicAnswer = (text: string) =>
  text.trim().replace(/^(about|on|sur|à propos de|a propos de|de|du)\s+/i, '');

/**
 * One conversation, whatever shows it (the widget, React hooks, a script): the transcript, the open
 * proposal and its corrections, confirm and cancel, the orders it started and their live state,
 * quota, library and help answers, retries, redo of one slide, hand-off to a person. It follows
 * intents/DIALOGS.md; surfaces only render `getSnapshot()` and call its methods.
 *
 * @example
 * const chat = createConversation(client, { brandId, locale: 'fr' });
 * chat.subscribe(() => render(chat.getSnapshot().messages));
 * chat.on('handoff', ({ transcript }) => support.open(transcript));
 * await chat.send('Crée un carrousel de 5 slides sur le vélo en ville');
 * await chat.send('plutôt 3 slides');
 * await chat.send('oui'); // one order, 3 slides, locale 'fr'
 */
export function createConversation(client: ConversationClient, options: ConversationOptions) {
  const { locale } = options;
  const background = options.background !== false;
  const max = options.maxMessages ?? 60;
  const abort = new AbortController();
  const { signal } = abort;
  const keys = new Map<string, string>();
  const listeners = new Map<ConversationEvent, Set<(payload: never) => void>>();
  const store = new Store<ConversationSnapshot>({
    messages: options.initial?.messages ?? [],
    orders: options.initial?.orders ?? {},
    quota: null,
    busy: false,
  });
  const state = store.get;
  const patch = (next: Partial<ConversationSnapshot>) => store.set({ ...state(), ...next });

  function emit<E extends ConversationEvent>(event: E, payload: ConversationEventMap[E]): void {
    for (const listener of listeners.get(event) ?? []) {
      try {
        (listener as Listener<E>)(payload);
      } catch (error) {
        console.error('[alfie] conversation listener failed', error);
      }
    }
  }

  const push = (message: ChatMessage) => patch({ messages: [...state().messages, message].slice(-max) });
  const bot = (line: BotLine) => push({ id: messageId(), type: 'bot', line });
  const update = (id: string, change: (m: ChatMessage) => ChatMessage) =>
    patch({ messages: state().messages.map((m) => (m.id === id ? change(m) : m)) });
  const setProposal = (id: string, fields: Partial<Proposal>) =>
    update(id, (m) => (m.type === 'proposal' ? { ...m, ...fields } : m));

  const tracker = trackOrders(
    {
      watch: (orderId, opts) => client.orders.watch(orderId, opts),
      getView: (orderId) => state().orders[orderId],
      putView: (view) => patch({ orders: { ...state().orders, [view.orderId]: view } }),
      onChange(view, ended, order) {
        emit('order:progress', { orderId: view.orderId, view });
        if (!ended) return;
        emit(view.status === 'completed' ? 'order:completed' : 'order:failed', {
          orderId: view.orderId,
          view,
          order,
        });
        void refreshQuota();
      },
    },
    signal,
  );

  let brand: Promise<string> | null = null;
  const brandId = () => {
    const source = options.brandId;
    brand ??= typeof source === 'string' ? Promise.resolve(source) : source();
    // A failed lookup is tried again on the next request instead of failing forever.
    brand.catch(() => {
      brand = null;
    });
    return brand;
  };

  function fail(error: unknown, retry?: Draft): void {
    if (signal.aborted) return;
    const chatError = toChatError(error);
    const canRetry = retry && isRetryable(chatError);
    push({ id: messageId(), type: 'error', error: chatError, ...(canRetry ? { retry } : {}) });
    emit('error', {
      code: chatError.code,
      message: chatError.code === 'QUOTA_EXCEEDED' ? 'Quota exceeded' : chatError.message,
    });
    if (chatError.code === 'QUOTA_EXCEEDED' && background) void refreshQuota();
  }

  /** Runs a request the user waits for, with `busy` on; undefined (and an error answer) when it fails. */
  let inFlight = 0;
  async function busy<T>(work: () => Promise<T>, retry?: Draft): Promise<T | undefined> {
    patch({ busy: ++inFlight > 0 });
    try {
      return await work();
    } catch (error) {
      fail(error, retry);
      return undefined;
    } finally {
      if (!signal.aborted) patch({ busy: --inFlight > 0 });
    }
  }

  async function refreshQuota(): Promise<Quota | undefined> {
    try {
      const quota = await client.quotas.get(await brandId());
      if (!signal.aborted) patch({ quota });
      return quota;
    } catch {
      return undefined; // Proposal cards then show the cost without what remains.
    }
  }

  const proposals = () => state().messages.filter((m): m is Proposal => m.type === 'proposal');
  /** The open proposals of the latest request (several for a multi-part request). */
  function openGroup(): Proposal[] {
    const open = proposals().filter((m) => m.state === 'open');
    const last = open.at(-1);
    if (!last) return [];
    return last.group ? open.filter((m) => m.group === last.group) : [last];
  }
  const lastOrder = () =>
    [...state().messages]
      .reverse()
      .find((m): m is Extract<ChatMessage, { type: 'order' }> => m.type === 'order');
  const running = () =>
    [...state().messages]
      .reverse()
      .filter((m): m is Extract<ChatMessage, { type: 'order' }> => m.type === 'order')
      .map((m) => m.orderId)
      .filter((orderId) => state().orders[orderId] && !state().orders[orderId]?.done);

  function propose(drafts: Array<{ draft: Draft; warnings?: Proposal['warnings'] }>): void {
    for (const open of proposals().filter((m) => m.state === 'open'))
      setProposal(open.id, { state: 'canceled' });
    const group = drafts.length > 1 ? messageId() : undefined;
    for (const { draft, warnings } of drafts) {
      push({
        id: messageId(),
        type: 'proposal',
        draft,
        state: 'open',
        ...(group ? { group } : {}),
        ...(warnings?.length ? { warnings } : {}),
      });
    }
    if (drafts.some(({ draft }) => !draft.topic)) bot('askTopic');
    if (background) void refreshQuota();
  }
  const fromIntent = (intent: GenerateIntent) => ({
    // "crée quelque chose pour la fête des mères": the topic is what the something is for.
    draft: draftFromIntent({
      ...intent,
      topic: intent.topic?.replace(SOMETHING, '') || null,
    }),
    warnings: intent.warnings.filter((w) => w !== 'topic_missing') as Proposal['warnings'],
  });

  /** Edits proposals in place; an edit naming the format applies to the last part only. */
  function editOpen(group: Proposal[], edit: DraftEdit): void {
    const targets =
      edit.format || edit.count !== undefined || edit.duration !== undefined ? group.slice(-1) : group;
    for (const proposal of targets) {
      const { draft, warnings } = applyEdit(proposal.draft, edit);
      keys.delete(proposal.id); // an edited proposal is a new request: a new idempotency key
      // The card moves down to stay in view, as a new answer would.
      patch({ messages: state().messages.filter((m) => m.id !== proposal.id) });
      push({ ...proposal, draft, ...(warnings.length ? { warnings } : { warnings: undefined }) });
    }
    if (targets.some((p) => !applyEdit(p.draft, edit).draft.topic)) bot('askTopic');
  }

  /** Creates the order and follows it; false when refused or not sent. */
  async function submit(draft: Draft, key: string): Promise<boolean> {
    const id = await busy(brandId, draft);
    if (!id || signal.aborted) return false;
    const created = await busy(
      () => client.generate(requestFromDraft(draft, id, locale), { idempotencyKey: key }),
      draft,
    );
    if (!created || signal.aborted) return false;
    push({ id: messageId(), type: 'order', orderId: created.orderId, draft });
    if (background) tracker.start(created.orderId, draft.format === 'video' ? 1 : draft.count);
    emit('order:created', { orderId: created.orderId, draft });
    return true;
  }

  async function confirm(id?: string): Promise<void> {
    const chosen = id ? proposals().find((m) => m.id === id) : openGroup()[0];
    if (chosen?.state !== 'open') return;
    const group = chosen.group ? openGroup().filter((m) => m.group === chosen.group) : [chosen];
    if (group.some((p) => !p.draft.topic.trim())) return bot('askTopic');
    // Marked sent first: a double click or a second "oui" finds nothing open and orders nothing.
    for (const proposal of group) setProposal(proposal.id, { state: 'sent' });
    for (const proposal of group) {
      // One key per proposal: confirming again after a network error cannot order twice.
      const key = keys.get(proposal.id) ?? newIdempotencyKey();
      keys.set(proposal.id, key);
      // Refused (quota) or not sent: the card opens again so the request can be adjusted.
      if (!(await submit(proposal.draft, key)) && !signal.aborted)
        setProposal(proposal.id, { state: 'open' });
    }
  }

  async function cancelOrder(orderId: string): Promise<void> {
    const detail = await busy(() => client.orders.cancel(orderId));
    if (!detail || signal.aborted) return;
    tracker.stop(orderId);
    const view = tracker.apply(detail);
    const kept = detail.completedCount;
    push({ id: messageId(), type: 'orderCanceled', orderId, kept, expected: view.expected });
    emit('cancel', { orderId, kept, expected: view.expected });
    void refreshQuota();
  }

  async function redo(orderId: string, slide: number): Promise<void> {
    const view = state().orders[orderId];
    if (!view?.done || slide < 1 || slide > view.expected) return bot('nothingToRedo');
    const started = await busy(() => client.orders.redo(orderId, slide));
    if (!started || signal.aborted) return;
    push({ id: messageId(), type: 'redo', orderId, slide });
    patch({ orders: { ...state().orders, [orderId]: { ...view, redoing: [slide] } } });
    const interval = options.redoPollInterval ?? 1000;
    // The redone slide arrives through the order's detail: the live stream of an ended order would
    // replay its first end. Polled until the order has ended again.
    while (!signal.aborted) {
      await new Promise((resolve) => setTimeout(resolve, interval));
      const detail = await client.orders.get(orderId).catch(() => null);
      if (signal.aborted) return;
      if (detail && ['completed', 'partial', 'failed', 'canceled'].includes(detail.status)) {
        tracker.apply(detail);
        void refreshQuota();
        return;
      }
    }
  }

  async function answerQuota(): Promise<void> {
    const id = await busy(brandId);
    const quota = id ? await busy(() => client.quotas.get(id)) : undefined;
    if (!quota || signal.aborted) return;
    patch({ quota });
    push({ id: messageId(), type: 'quota', quota });
  }

  async function answerLibrary(): Promise<void> {
    const list = client.library?.list;
    if (!list) return push({ id: messageId(), type: 'help' });
    const id = await busy(brandId);
    const page = id ? await busy(() => list({ brandId: id, limit: 6 })) : undefined;
    if (page && !signal.aborted) push({ id: messageId(), type: 'library', entries: page.data });
  }

  /** Reads one user message and does what DIALOGS.md says for it. */
  async function send(raw: string): Promise<void> {
    const text = raw.trim();
    if (!text || signal.aborted) return;
    push({ id: messageId(), type: 'user', text });
    const tokens = tokenize(text);
    const line = toLine(tokens.map((t) => t.w));

    if (asksForPerson(line)) {
      bot('handoff');
      return emit('handoff', { transcript: state().messages });
    }
    const social = readSocial(line, text);
    if (social) return bot(social);

    const group = openGroup();
    const detected = detectIntent(text, { locale });
    const intent =
      detected.kind === 'unknown' && MORE_YES.test(line)
        ? { kind: 'confirm' as const }
        : detected.kind === 'unknown' && MORE_NO.test(line)
          ? { kind: 'cancel' as const }
          : detected;
    if (intent.kind === 'quota') return answerQuota();
    if (intent.kind === 'library') return answerLibrary();
    if (intent.kind === 'help') return push({ id: messageId(), type: 'help' });
    const last = lastOrder();
    // "encore", "do it again", "une autre version", "make another one about Y" after a result.
    if (last && group.length === 0 && asksAgain(line) && readRedo(tokens, last.draft.count) === undefined) {
      const { draft, warnings } = applyEdit(last.draft, readEdit(text, last.draft.format).edit);
      return propose([{ draft, warnings }]);
    }
    if (intent.kind === 'confirm') return group.length > 0 ? confirm() : bot('nothingToConfirm');
    if (intent.kind === 'cancel') {
      // "non, plutôt en carré": a correction that starts with no, not a cancel.
      const current = group.at(-1);
      const correction = current && /^ (non|no|nope|nan) /.test(line) && readEdit(text, current.draft.format);
      if (correction && !isEmptyEdit(correction.edit) && correction.leftover.length === 0)
        return editOpen(group, correction.edit);
      if (group.length > 0) {
        for (const proposal of group) setProposal(proposal.id, { state: 'canceled' });
        return bot('canceled');
      }
      const orderId = running()[0];
      return orderId ? cancelOrder(orderId) : bot('nothingToCancel');
    }

    const lastView = last && state().orders[last.orderId];
    if (last && last.draft.format !== 'video') {
      const slide = readRedo(tokens, lastView?.expected ?? last.draft.count);
      if (slide !== undefined) return redo(last.orderId, slide);
    }

    const parts = readParts(text, locale);
    if (parts) return propose(parts.map(fromIntent));

    const makes = tokens.some((t) => MAKE_VERBS.has(t.w));
    const fullRequest = intent.kind === 'generate' && !!intent.topic && makes;
    const current = group.at(-1);
    if (current) {
      const { edit, leftover } = readEdit(text, current.draft.format);
      // "make it 3 slides" is a correction even though "make" could start a request.
      const correction = !isEmptyEdit(edit) && leftover.length === 0;
      if (correction || (!fullRequest && edit.topic)) return editOpen(group, edit);
      const waitsForTopic = !current.draft.topic;
      if (
        waitsForTopic &&
        !fullRequest &&
        !(intent.kind === 'generate' && intent.confidence >= 0.9 && intent.topic)
      )
        return editOpen(group, { topic: topicAnswer(text) });
    }
    if (last && !current && !fullRequest) {
      const { edit, leftover } = readEdit(text, last.draft.format);
      // "encore", "une variante en 9:16", "pareil mais sur Y", or a bare correction after a result.
      if (asksAgain(line) || (!isEmptyEdit(edit) && leftover.length === 0)) {
        const { draft, warnings } = applyEdit(last.draft, edit);
        return propose([{ draft, warnings }]);
      }
    }
    // A request needs a format word, a platform, or a command verb with a subject ("crée quelque chose
    // sur le yoga"): "je veux une pizza" and "fais-moi rire" stay small talk.
    const aboutSomething = / (sur|about|on|pour|for|autour|propos|theme|sujet|topic) /.test(line);
    const draws = / (dessine[rz]?|draw|illustre[rz]?|illustrate|imagine[rz]?|design) /.test(line);
    const wants = / (veux|voudrais|aimerais|want|need|besoin) /.test(line);
    if (
      intent.kind === 'generate' &&
      (intent.confidence >= 0.9 || intent.platform || draws || ((makes || wants) && aboutSomething))
    )
      return propose([fromIntent(intent)]);
    return bot('unknown');
  }

  return {
    subscribe: store.subscribe,
    getSnapshot: store.get,
    /** Subscribes to order:created, order:progress, order:completed, order:failed, handoff, cancel, error. */
    on<E extends ConversationEvent>(event: E, listener: Listener<E>): () => void {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (payload: never) => void);
      return () => set.delete(listener as (payload: never) => void);
    },
    send,
    /** Orders an open proposal (its whole group for a multi-part request); the latest one by default. */
    confirm,
    /** Drops an open proposal; nothing is ordered. */
    dropProposal(id: string): void {
      const proposal = proposals().find((m) => m.id === id);
      if (proposal?.state !== 'open') return;
      setProposal(id, { state: 'canceled' });
      bot('canceled');
    },
    /** Applies an edit made on a proposal card (format, count, ratio, duration, topic). */
    editProposal(id: string, edit: DraftEdit): void {
      const proposal = proposals().find((m) => m.id === id);
      if (proposal?.state !== 'open') return;
      const { draft, warnings } = applyEdit(proposal.draft, edit);
      keys.delete(id); // an edited proposal is a new request: a new idempotency key
      setProposal(id, { draft, warnings: warnings.length ? warnings : undefined });
    },
    /** Cancels a running order through the API: what was not delivered is not charged. */
    cancelOrder,
    /** Draws one slide of an ended order again (1-based), charged one image. */
    redo,
    /** Sends a request again after a network error or a failed order. */
    retry: (draft: Draft) => submit(draft, newIdempotencyKey()).then(() => undefined),
    refreshQuota,
    /**
     * Puts a stored conversation back before what was said since (a page reload), then follows
     * again the orders it left running.
     */
    restore(saved: Partial<Pick<ConversationSnapshot, 'messages' | 'orders'>>): void {
      patch({
        messages: [...(saved.messages ?? []), ...state().messages].slice(-max),
        orders: { ...saved.orders, ...state().orders },
      });
    },
    /** Follows again the orders a restored conversation left running. */
    resume(): void {
      for (const m of state().messages) {
        const view = m.type === 'order' ? state().orders[m.orderId] : undefined;
        if (view && !view.done && m.type === 'order') tracker.start(m.orderId, view.expected);
      }
    },
    /** Stops every watcher and request; the conversation answers nothing after this. */
    dispose(): void {
      abort.abort();
      tracker.stopAll();
      listeners.clear();
    },
  };
}

export type Conversation = ReturnType<typeof createConversation>;
