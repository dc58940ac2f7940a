import { imagesCharged } from '../contract/reuse-variants.js';
import type { GenerateRequest, Quota } from '../contract/types.js';
import { newIdempotencyKey } from '../http/idempotency-key.js';
import { Store } from '../observers/store.js';
import { isRetryable, toChatError } from './chat-error.js';
import type { ConversationClient, ConversationOptions } from './conversation-options.js';
import { applyEdit, type Draft, type DraftEdit, requestFromDraft } from './draft.js';
import type {
  BotLine,
  ChatMessage,
  ConversationEvent,
  ConversationEventMap,
  ConversationSnapshot,
} from './messages.js';
import { readTurn } from './read-turn.js';
import { reuseAndVariants } from './reuse-and-variants.js';
import { trackOrders } from './track-orders.js';

export type { ConversationClient, ConversationOptions } from './conversation-options.js';

type Proposal = Extract<ChatMessage, { type: 'proposal' }>;
type Listener<E extends ConversationEvent> = (payload: ConversationEventMap[E]) => void;

let sequence = 0;
const messageId = () => `${Date.now().toString(36)}-${(++sequence).toString(36)}`;

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
        void loadVariants(view.orderId);
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

  const policy = options.reuse ?? 'offer';
  const offers = reuseAndVariants({ client, options, brandId, signal, state, patch, setProposal, busy });
  const { lookUpReuse, lookUpSoon, loadVariants, chooseVariant } = offers;

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

  function propose(drafts: Array<{ draft: Draft; warnings?: Proposal['warnings'] }>, repeat?: boolean): void {
    for (const open of proposals().filter((m) => m.state === 'open'))
      setProposal(open.id, { state: 'canceled' });
    const group = drafts.length > 1 ? messageId() : undefined;
    for (const { draft, warnings } of drafts) {
      const id = messageId();
      push({
        id,
        type: 'proposal',
        draft,
        state: 'open',
        ...(group ? { group } : {}),
        ...(warnings?.length ? { warnings } : {}),
        ...(repeat ? { repeat } : {}),
      });
      void lookUpReuse(id);
    }
    if (drafts.some(({ draft }) => !draft.topic)) bot('askTopic');
    if (background) void refreshQuota();
  }
  /** Edits proposals in place; an edit naming the format applies to the last part only. */
  function editOpen(group: Proposal[], edit: DraftEdit): void {
    const targets =
      edit.format || edit.count !== undefined || edit.duration !== undefined ? group.slice(-1) : group;
    for (const proposal of targets) {
      const { draft, warnings } = applyEdit(proposal.draft, edit);
      keys.delete(proposal.id); // an edited proposal is a new request: a new idempotency key
      keys.delete(`${proposal.id}:reuse`);
      // The card moves down to stay in view, as a new answer would.
      patch({ messages: state().messages.filter((m) => m.id !== proposal.id) });
      push({
        ...proposal,
        draft,
        reuse: undefined,
        ...(warnings.length ? { warnings } : { warnings: undefined }),
      });
      void lookUpReuse(proposal.id);
    }
    if (targets.some((p) => !applyEdit(p.draft, edit).draft.topic)) bot('askTopic');
  }

  /**
   * Creates the order and follows it; false when refused or not sent. A confirmed proposal is a new
   * render (the user saw any offer and chose), unless it names the order to reuse.
   */
  async function submit(draft: Draft, key: string, reuseOf?: string): Promise<boolean> {
    const id = await busy(brandId, draft);
    if (!id || signal.aborted) return false;
    const request: GenerateRequest = {
      ...requestFromDraft(draft, id, locale),
      // Without `reuse`, the API renders anew (its default, `never`).
      ...(reuseOf ? { reuseOf } : policy === 'auto' ? { reuse: 'auto' as const } : {}),
    };
    const created = await busy(() => client.generate(request, { idempotencyKey: key }), draft);
    if (!created || signal.aborted) return false;
    const reusedFrom = created.reusedFromOrderId;
    push({
      id: messageId(),
      type: 'order',
      orderId: created.orderId,
      draft,
      ...(reusedFrom ? { reusedFrom } : {}),
    });
    if (background) tracker.start(created.orderId, draft.format === 'video' ? 1 : imagesCharged(draft));
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

  /** Takes the open proposal's offer: a new order with the earlier files, free and completed at once. */
  async function reuseProposal(id?: string): Promise<void> {
    const proposal = id ? proposals().find((m) => m.id === id) : openGroup().find((m) => m.reuse);
    const match = proposal?.reuse;
    if (proposal?.state !== 'open' || !match) return;
    setProposal(proposal.id, { state: 'sent' });
    const key = keys.get(`${proposal.id}:reuse`) ?? newIdempotencyKey();
    keys.set(`${proposal.id}:reuse`, key);
    // Refused (the match changed since): the proposal opens again without the offer.
    if (!(await submit(proposal.draft, key, match.orderId)) && !signal.aborted)
      setProposal(proposal.id, { state: 'open', reuse: undefined });
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

  /** Reads one user message and does what DIALOGS.md says for it (the rules are in read-turn.ts). */
  async function send(raw: string): Promise<void> {
    const text = raw.trim();
    if (!text || signal.aborted) return;
    push({ id: messageId(), type: 'user', text });
    const open = openGroup();
    const last = lastOrder();
    const turn = readTurn(text, {
      locale,
      open: open.map((p) => p.draft),
      last: last && { draft: last.draft, expected: state().orders[last.orderId]?.expected },
      running: running().length > 0,
      offer: open.some((p) => p.reuse),
    });
    switch (turn.kind) {
      case 'handoff':
        bot('handoff');
        return emit('handoff', { transcript: state().messages });
      case 'reply':
        return bot(turn.line);
      case 'quota':
        return answerQuota();
      case 'library':
        return answerLibrary();
      case 'help':
        return push({ id: messageId(), type: 'help' });
      case 'confirm':
        return confirm();
      case 'drop':
        for (const proposal of open) setProposal(proposal.id, { state: 'canceled' });
        return bot('canceled');
      case 'cancelOrder':
        return cancelOrder(running()[0] as string);
      case 'redo':
        return redo((last as { orderId: string }).orderId, turn.slide);
      case 'edit':
        return editOpen(open, turn.edit);
      case 'reuse':
        return reuseProposal();
      case 'propose':
        return propose(turn.drafts, turn.repeat);
    }
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
    /** Takes the offer of an open proposal (the latest one by default): the earlier files, free. */
    reuseProposal,
    /** Stores which of an ended order's variants the user picked (0-based). */
    chooseVariant,
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
      keys.delete(`${id}:reuse`);
      setProposal(id, { draft, warnings: warnings.length ? warnings : undefined, reuse: undefined });
      lookUpSoon(id);
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
      offers.dispose();
      tracker.stopAll();
      listeners.clear();
    },
  };
}

export type Conversation = ReturnType<typeof createConversation>;
