import {
  type Conversation,
  type ConversationEventMap,
  type ConversationSnapshot,
  createConversation,
  type Language,
} from '@alfie/core';
import { useEffect, useMemo, useRef } from 'react';
import { useAlfieClient } from './useAlfieClient.js';
import { useObserver } from './useObserver.js';

export interface UseConversationOptions {
  brandId: string;
  /** The conversation's language; every order carries it, so slide texts are written in it. */
  locale?: Language;
  /** The user asked for a person: route the transcript to your support. */
  onHandoff?: (payload: ConversationEventMap['handoff']) => void;
  /** A running order was canceled from the chat (`kept` slides were delivered and charged). */
  onCancel?: (payload: ConversationEventMap['cancel']) => void;
}

/** The transcript, the orders it started, the quota, `busy`, and the conversation's actions. */
export type UseConversationResult = ConversationSnapshot &
  Omit<Conversation, 'subscribe' | 'getSnapshot' | 'on' | 'dispose'>;

/**
 * The whole chat for apps that draw their own UI: core's conversation engine (the one the widget
 * uses), following intents/DIALOGS.md: proposals and their corrections, confirm, cancel of a running
 * order, "encore" and variants, redo of one slide, several orders at once, quota and help answers,
 * hand-off to a person. A new brand or locale starts a new conversation.
 *
 * @example
 * const chat = useConversation({ brandId, locale: 'fr', onHandoff: ({ transcript }) => openSupport(transcript) });
 * chat.messages.map((m) => <Bubble key={m.id} message={m} order={m.type === 'order' ? chat.orders[m.orderId] : undefined} />);
 * <form onSubmit={() => chat.send(text)}>…</form>
 */
export function useConversation(options: UseConversationOptions): UseConversationResult {
  const client = useAlfieClient();
  const { brandId, locale } = options;
  const conversation = useMemo(
    () => createConversation(client, { brandId, locale }),
    [client, brandId, locale],
  );
  const snapshot = useObserver(conversation);
  const handlers = useRef(options);
  handlers.current = options;
  const mounted = useRef(0);

  useEffect(() => {
    mounted.current++;
    const stops = [
      conversation.on('handoff', (payload) => handlers.current.onHandoff?.(payload)),
      conversation.on('cancel', (payload) => handlers.current.onCancel?.(payload)),
    ];
    return () => {
      for (const stop of stops) stop();
      mounted.current--;
      // Deferred: StrictMode unmounts and mounts again at once, and must keep the same conversation.
      setTimeout(() => {
        if (mounted.current === 0) conversation.dispose();
      }, 0);
    };
  }, [conversation]);

  return useMemo(() => {
    const { subscribe: _s, getSnapshot: _g, on: _o, dispose: _d, ...actions } = conversation;
    return { ...snapshot, ...actions };
  }, [snapshot, conversation]);
}
