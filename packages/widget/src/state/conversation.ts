import { detectIntent } from '@alfie/core';
import type { Emitter } from '../events.js';
import type { Catalogue, Locale } from '../i18n/index.js';
import type { WidgetClient } from './client.js';
import { normalizeDraft } from './draft.js';
import { toChatError } from './errors.js';
import { messageId, pushMessage, updateMessage, type WidgetStore } from './store.js';
import type { BotLine, ChatMessage, Draft } from './types.js';
import { createOrderWatching } from './watch-orders.js';

export interface ConversationDeps {
  store: WidgetStore;
  client: WidgetClient;
  /** Resolves the brand once (option, or the user's first brand). */
  brandId: () => Promise<string>;
  locale: Locale;
  t: Catalogue;
  emitter: Emitter;
}

export type Conversation = ReturnType<typeof createConversation>;

type Proposal = Extract<ChatMessage, { type: 'proposal' }>;

/**
 * The chat's brain: turns each message into an intent, keeps the open proposal, creates orders and
 * answers quota, library and help questions. Everything it shows goes through the store.
 */
export function createConversation(deps: ConversationDeps) {
  const { store, client, emitter } = deps;
  const abort = new AbortController();
  const signal = abort.signal;
  const orders = createOrderWatching(deps, signal, () => void refreshQuota());

  const bot = (line: BotLine) => pushMessage(store, { id: messageId(), type: 'bot', line });
  const openProposal = () =>
    [...store.getState().messages]
      .reverse()
      .find((m): m is Proposal => m.type === 'proposal' && m.state === 'open');
  const removeMessage = (id: string) =>
    store.setState((s) => ({ messages: s.messages.filter((m) => m.id !== id) }));

  async function refreshQuota(): Promise<void> {
    try {
      const quota = await client.quotas.get(await deps.brandId(), { signal });
      if (!signal.aborted) store.setState({ quota });
    } catch {
      // The proposal card simply shows the cost without what remains.
    }
  }

  function fail(error: unknown, retry?: Draft): void {
    if (signal.aborted) return;
    const chatError = toChatError(error);
    pushMessage(store, { id: messageId(), type: 'error', error: chatError, ...(retry ? { retry } : {}) });
    emitter.emit('error', {
      code: chatError.code === 'OTHER' ? 'ERROR' : chatError.code,
      message: error instanceof Error ? error.message : String(error),
    });
    if (chatError.code === 'QUOTA_EXCEEDED') void refreshQuota();
  }

  /** Runs a request the user waits for, with the typing indicator on. */
  async function busy<T>(work: () => Promise<T>, retry?: Draft): Promise<T | undefined> {
    store.setState({ busy: true });
    try {
      return await work();
    } catch (error) {
      fail(error, retry);
      return undefined;
    } finally {
      if (!signal.aborted) store.setState({ busy: false });
    }
  }

  function propose(draft: Draft): void {
    const id = messageId();
    pushMessage(store, { id, type: 'proposal', draft: normalizeDraft(draft), state: 'open' });
    if (!draft.topic.trim()) bot('askTopic');
    void refreshQuota();
  }

  /** Creates the order and starts watching it; false when it was refused or could not be sent. */
  async function submit(draft: Draft): Promise<boolean> {
    const brandId = await deps.brandId().catch((error) => {
      fail(error, draft);
      return null;
    });
    if (!brandId) return false;
    const request = {
      brandId,
      format: draft.format,
      topic: draft.topic.trim(),
      ratio: draft.ratio,
      ...(draft.format === 'video' ? { duration: draft.duration } : { count: draft.count }),
    };
    // core sends a new Idempotency-Key per call and reuses it on its own retries, so a network retry
    // never creates the order twice.
    const created = await busy(() => client.generate(request, { signal }), draft);
    if (!created || signal.aborted) return false;
    pushMessage(store, { id: messageId(), type: 'order', orderId: created.orderId, draft });
    orders.start(created.orderId, draft);
    emitter.emit('order:created', { orderId: created.orderId });
    return true;
  }

  return {
    /** Handles one message typed by the user. */
    async send(rawText: string): Promise<void> {
      const text = rawText.trim();
      if (!text || signal.aborted) return;
      pushMessage(store, { id: messageId(), type: 'user', text });
      const intent = detectIntent(text, { locale: deps.locale });
      const pending = openProposal();
      const answersTopicQuestion =
        pending &&
        !pending.draft.topic.trim() &&
        !['confirm', 'cancel', 'quota', 'library', 'help'].includes(intent.kind);

      if (answersTopicQuestion && !(intent.kind === 'generate' && intent.topic)) {
        // The reply to "Sur quel sujet ?": the whole message is the topic. The card moves down to stay in view.
        removeMessage(pending.id);
        propose({ ...pending.draft, topic: text });
        return;
      }
      switch (intent.kind) {
        case 'generate':
          if (pending) removeMessage(pending.id); // A new request replaces the card not yet confirmed.
          propose({
            format: intent.format,
            count: intent.count,
            ratio: intent.ratio,
            duration: intent.duration,
            topic: intent.topic ?? '',
          });
          return;
        case 'confirm':
          if (pending?.draft.topic.trim()) return this.confirm(pending.id);
          return bot(pending ? 'askTopic' : 'nothingToConfirm');
        case 'cancel':
          if (pending) return this.cancel(pending.id);
          return bot('canceled');
        case 'quota': {
          const brandId = await deps.brandId().catch(() => null);
          const quota = brandId ? await busy(() => client.quotas.get(brandId, { signal })) : undefined;
          if (quota && !signal.aborted) {
            store.setState({ quota });
            pushMessage(store, { id: messageId(), type: 'quota', quota });
          }
          return;
        }
        case 'library': {
          const brandId = await deps.brandId().catch(() => null);
          const page = brandId
            ? await busy(() => client.library.list({ brandId, limit: 6 }, { signal }))
            : undefined;
          if (page && !signal.aborted)
            pushMessage(store, { id: messageId(), type: 'library', entries: page.data });
          return;
        }
        case 'help':
          return pushMessage(store, { id: messageId(), type: 'help' });
        default:
          return bot('unknown');
      }
    },

    /** Applies one edit made in a proposal card. */
    editDraft(id: string, patch: Partial<Draft>): void {
      updateMessage(store, id, (m) =>
        m.type === 'proposal' ? { ...m, draft: normalizeDraft({ ...m.draft, ...patch }, m.draft.format) } : m,
      );
    },

    async confirm(id: string): Promise<void> {
      const proposal = store
        .getState()
        .messages.find((m): m is Proposal => m.id === id && m.type === 'proposal');
      if (proposal?.state !== 'open' || !proposal.draft.topic.trim()) return;
      const setState = (state: 'open' | 'sent') =>
        updateMessage(store, id, (m) => ({ ...m, state }) as ChatMessage);
      setState('sent');
      // Refused (quota) or not sent: the card opens again so the request can be adjusted.
      if (!(await submit(proposal.draft)) && !signal.aborted) setState('open');
    },

    cancel(id: string): void {
      updateMessage(store, id, (m) => ({ ...m, state: 'canceled' }) as ChatMessage);
      bot('canceled');
    },

    /** Sends the same request again (failed order, network error). */
    retry: (draft: Draft) => submit(draft).then(() => undefined),

    refreshQuota,
    /** Watches again the orders a previous page left running. */
    resume: () => orders.resume(),

    dispose(): void {
      abort.abort();
      orders.stopAll();
    },
  };
}
