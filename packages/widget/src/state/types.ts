import type { ChatMessage, OrderView, Quota } from '@alfie/core';

// The conversation's data comes from core's engine; the widget only shows it.
export type { BotLine, ChatError, ChatMessage, Draft, OrderView } from '@alfie/core';

export interface WidgetState {
  open: boolean;
  /** True while a request the user is waiting for is in flight. */
  busy: boolean;
  messages: ChatMessage[];
  orders: Record<string, OrderView>;
  quota: Quota | null;
  /** Last polite announcement for screen readers (progress). */
  announcement: string;
  /** Orders that ended while the panel was closed: the launcher shows a badge. */
  unseen: number;
}
