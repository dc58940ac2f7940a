import {
  type ChatSession,
  type ChatSessionOptions,
  type ChatSnapshot,
  createChatSession,
  type WatchSnapshot,
} from '@alfie/core';
import { useMemo } from 'react';
import { useAlfieClient } from './useAlfieClient.js';
import { useObserver } from './useObserver.js';
import { useOnceWhenDone } from './useOnceWhenDone.js';

export interface UseGenerateFromChatOptions extends ChatSessionOptions {
  /** Called once when the ordered visual is finished, with its final state. */
  onCompleted?: (snapshot: WatchSnapshot) => void;
}

/** The conversation (`phase`, `proposal`, `description`, `orderId`, live `watch`, `error`) and its actions. */
export type UseGenerateFromChatResult = ChatSnapshot & Omit<ChatSession, 'subscribe' | 'getSnapshot'>;

/**
 * Chat-driven ordering for apps that draw their own chat UI: intent, then proposal, then confirm,
 * then generate, then the order live. The conversation is core's `createChatSession`; a new brand or
 * locale starts a new conversation.
 *
 * @example
 * const chat = useGenerateFromChat({ brandId, locale: 'en' });
 * chat.send('make a 5 slide carousel about marketing trends'); // chat.phase 'proposing', chat.description
 * chat.send('yes');                                              // then chat.watch is the order, live
 */
export function useGenerateFromChat(options: UseGenerateFromChatOptions): UseGenerateFromChatResult {
  const client = useAlfieClient();
  const { brandId, locale } = options;
  const session = useMemo(() => createChatSession(client, { brandId, locale }), [client, brandId, locale]);
  const snapshot = useObserver(session);
  useOnceWhenDone(snapshot.watch, options.onCompleted);
  return useMemo(() => {
    const { send, confirm, cancel, update, reset } = session;
    return { ...snapshot, send, confirm, cancel, update, reset };
  }, [snapshot, session]);
}
