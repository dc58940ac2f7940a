import type { OrderStatus } from '../contract/constants.js';
import type { ReuseMatch, VariantsReport } from '../contract/reuse-variants.js';
import type { Asset, LibraryEntry, OrderDetail, Quota } from '../contract/types.js';
import type { AlfieErrorCode } from '../errors/alfie-error.js';
import type { Draft, DraftWarning } from './draft.js';
import type { SocialKind } from './social.js';

/** An error as the conversation shows it: data, so each surface words it in its own language. */
export type ChatError =
  | { code: 'QUOTA_EXCEEDED'; remaining: { images: number; videos: number; woofs: number }; resetsAt: string }
  | { code: Exclude<AlfieErrorCode, 'QUOTA_EXCEEDED'>; message: string };

/** Fixed answers, by key; surfaces turn them into words (the widget's catalogues). */
export type BotLine =
  | 'welcome'
  | SocialKind
  | 'unknown'
  | 'askTopic'
  | 'nothingToConfirm'
  | 'nothingToCancel'
  | 'nothingToRedo'
  | 'canceled'
  | 'handoff';

/** One entry of the transcript. Stored as data (a restored conversation renders in any locale). */
export type ChatMessage =
  | { id: string; type: 'user'; text: string }
  | { id: string; type: 'bot'; line: BotLine }
  | {
      id: string;
      type: 'proposal';
      draft: Draft;
      state: 'open' | 'sent' | 'canceled';
      /** Parts of one multi-part request share a group: one confirmation orders them all. */
      group?: string;
      /** What clamping changed ("20 slides" became 10). */
      warnings?: DraftWarning[];
      /** An earlier visual of the brand this request matches: reuse it for free, or make a new one. */
      reuse?: ReuseMatch;
      /** The last order's brief again ("encore"): the user asked for a new render, no reuse is offered. */
      repeat?: boolean;
    }
  | {
      id: string;
      type: 'order';
      orderId: string;
      draft: Draft;
      /** The earlier order whose files this one reused (free, completed at once). */
      reusedFrom?: string;
    }
  | { id: string; type: 'orderCanceled'; orderId: string; kept: number; expected: number }
  | { id: string; type: 'redo'; orderId: string; slide: number }
  | { id: string; type: 'quota'; quota: Quota }
  | { id: string; type: 'library'; entries: LibraryEntry[] }
  | { id: string; type: 'help' }
  | { id: string; type: 'error'; error: ChatError; retry?: Draft };

/** What the conversation keeps of an order it started. */
export interface OrderView {
  orderId: string;
  status: OrderStatus | null;
  assets: Asset[];
  expected: number;
  completed: number;
  /** 0..1, the video's render progress included. */
  ratio: number;
  done: boolean;
  /** The live connection dropped and is being retried, or fell back to polling. */
  reconnecting: boolean;
  /** Why watching stopped before the order ended (expired token, network gone for good). */
  failure: ChatError | null;
  /** Slides being redone (1-based). */
  redoing?: number[];
  /** An ended order's A/B variants, their files and the user's choice. */
  variants?: VariantsReport;
}

export interface ConversationSnapshot {
  messages: ChatMessage[];
  orders: Record<string, OrderView>;
  quota: Quota | null;
  /** A request the user waits for is in flight (typing indicator). */
  busy: boolean;
}

/** What `conversation.on(event, …)` hands to listeners. */
export interface ConversationEventMap {
  'order:created': { orderId: string; draft: Draft };
  'order:progress': { orderId: string; view: OrderView };
  'order:completed': { orderId: string; view: OrderView; order: OrderDetail | null };
  /** Ended partial, failed or canceled. */
  'order:failed': { orderId: string; view: OrderView; order: OrderDetail | null };
  /** The user asked for a person: the host routes the transcript to its support. */
  handoff: { transcript: ChatMessage[] };
  /** A running order was canceled from the chat or its card. */
  cancel: { orderId: string; kept: number; expected: number };
  error: { code: AlfieErrorCode; message: string };
}
export type ConversationEvent = keyof ConversationEventMap;
