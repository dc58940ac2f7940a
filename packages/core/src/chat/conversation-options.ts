import type { ReuseMatchResponse, ReusePolicy, VariantsReport } from '../contract/reuse-variants.js';
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
import type { Language } from '../intent/types.js';
import type { OrderWatcher } from '../watch/types.js';
import type { ConversationSnapshot } from './messages.js';

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
  /** Without it, no reuse is offered. */
  reuse?: { match(request: GenerateRequest): Promise<ReuseMatchResponse> };
  /** Without it, an order's variants are not shown to choose from. */
  variants?: {
    get(orderId: string): Promise<VariantsReport>;
    choose(orderId: string, variant: number): Promise<VariantsReport>;
  };
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
  /**
   * What a proposal does when the brand already has a matching visual. `offer` (the default): the
   * proposal shows it, to reuse for free or to make a new one ("oui" or the confirm button makes a
   * new one; "réutilise-le" or the reuse button reuses). `never`: no look-up. `auto`: a confirmed
   * request that matches is reused by the server, free.
   */
  reuse?: ReusePolicy;
  /** How long a card edit waits for the typing to pause before looking for a reuse, in ms. Default 400. */
  reuseLookupDelay?: number;
}
