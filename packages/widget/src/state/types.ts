import type { Asset, Format, LibraryEntry, OrderStatus, Quota, Ratio } from '@alfie/core/contract';

/** The editable fields of a proposal card; becomes a GenerateRequest once confirmed. */
export interface Draft {
  format: Format;
  count: number;
  ratio: Ratio;
  duration: number | null;
  topic: string;
}

/** Errors the conversation knows how to explain. Stored as data so they render in the current locale. */
export type ChatError =
  | { code: 'QUOTA_EXCEEDED'; remaining: { images: number; videos: number; woofs: number }; resetsAt: string }
  | { code: 'UNAUTHORIZED' }
  | { code: 'NETWORK_ERROR' }
  | { code: 'OTHER'; message: string };

/** Fixed bot lines, by catalogue key. */
export type BotLine = 'welcome' | 'unknown' | 'askTopic' | 'nothingToConfirm' | 'canceled';

export type ChatMessage =
  | { id: string; type: 'user'; text: string }
  | { id: string; type: 'bot'; line: BotLine }
  | { id: string; type: 'proposal'; draft: Draft; state: 'open' | 'sent' | 'canceled' }
  | { id: string; type: 'order'; orderId: string; draft: Draft }
  | { id: string; type: 'quota'; quota: Quota }
  | { id: string; type: 'library'; entries: LibraryEntry[] }
  | { id: string; type: 'help' }
  | { id: string; type: 'error'; error: ChatError; retry?: Draft };

/** What the widget keeps of a watched order. */
export interface OrderView {
  orderId: string;
  status: OrderStatus | null;
  assets: Asset[];
  expected: number;
  completed: number;
  /** 0..1, includes the video's render progress. */
  ratio: number;
  done: boolean;
  reconnecting: boolean;
  /** Why watching stopped before the order ended (expired token, network gone for good). */
  failure: ChatError | null;
}

export interface WidgetState {
  open: boolean;
  /** True while a request the user is waiting for is in flight. */
  busy: boolean;
  messages: ChatMessage[];
  orders: Record<string, OrderView>;
  quota: Quota | null;
  /** Last polite announcement for screen readers (progress). */
  announcement: string;
}
