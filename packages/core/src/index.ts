// Public surface of @alfie/core. Every export is named so bundlers can drop what an app does not use.
// The lists look alike on purpose: one `export type` and one `export` list per module (never
// `export *`), so this file is the one place where the public surface is reviewed.
// The request JSON Schemas stay in '@alfie/core/contract' (their spreads defeat tree-shaking here).

export type { SupabaseAuthSource } from './auth/from-supabase.js';
export { fromSupabase } from './auth/from-supabase.js';
export type { AlfieBaseClient } from './base-client.js';
export { createAlfieBaseClient } from './base-client.js';
export type { ChatError } from './chat/chat-error.js';
export { toChatError } from './chat/chat-error.js';
export type {
  ChatPhase,
  ChatProposalEdit,
  ChatSession,
  ChatSessionClient,
  ChatSessionOptions,
  ChatSnapshot,
} from './chat/chat-session.js';
export { createChatSession } from './chat/chat-session.js';
export type { Conversation, ConversationClient, ConversationOptions } from './chat/conversation.js';
export { createConversation } from './chat/conversation.js';
export type { Draft, DraftEdit, DraftWarning } from './chat/draft.js';
export type {
  BotLine,
  ChatMessage,
  ConversationEvent,
  ConversationEventMap,
  ConversationSnapshot,
  OrderView,
} from './chat/messages.js';
export type { AlfieClient, AlfieClientOptions, GenerateOptions } from './client.js';
export { createAlfieClient } from './client.js';
export type {
  Format,
  ItemStatus,
  ItemType,
  JobStatus,
  JobType,
  OrderStatus,
  PlanName,
  Ratio,
  TerminalOrderStatus,
} from './contract/constants.js';
export {
  clampToLimit,
  DEFAULT_RATIO,
  FORMATS,
  ITEM_STATUSES,
  ITEM_TYPES,
  isTerminalOrderStatus,
  JOB_STATUSES,
  JOB_TYPE_BY_FORMAT,
  JOB_TYPES,
  LIMITS,
  ORDER_STATUSES,
  PLANS,
  RATIOS,
  TERMINAL_ORDER_STATUSES,
  woofsCost,
} from './contract/constants.js';
export type {
  ErrorBody,
  ErrorCode,
  ErrorStatus,
  QuotaCounts,
  QuotaExceededDetails,
  ValidationIssue,
} from './contract/errors.js';
export { codeForStatus, ERROR_CODES, ERROR_STATUSES, statusForCode } from './contract/errors.js';
export type {
  ChooseVariantRequest,
  ReportPerformanceRequest,
  ReuseMatch,
  ReuseMatchResponse,
  ReuseOffer,
  ReusePolicy,
  VariantCounts,
  VariantStyle,
  VariantsReport,
  VariantVerdict,
  VariantView,
} from './contract/reuse-variants.js';
export { imagesCharged, REUSE_POLICIES, VARIANT_LIMITS, VARIANT_STYLES } from './contract/reuse-variants.js';
export type {
  Asset,
  Brand,
  CreateBrandRequest,
  CreateTokenRequest,
  CreateTokenResponse,
  GenerateRequest,
  GenerateResponse,
  Health,
  Job,
  LibraryEntry,
  ListLibraryQuery,
  ListOrdersQuery,
  Order,
  OrderDetail,
  OrderEvent,
  OrderEventType,
  OrderItem,
  Page,
  Quota,
  RedoItemResponse,
  UpdateBrandRequest,
} from './contract/types.js';
export type { AlfieErrorCode, AnyAlfieError } from './errors/index.js';
export {
  AlfieError,
  AlfieHttpError,
  AlfieNetworkError,
  AlfieTimeoutError,
  AlfieValidationError,
  isAlfieError,
  isAlfieHttpError,
  isQuotaExceededError,
  QuotaExceededError,
} from './errors/index.js';
export type { FileDownload } from './http/file-download.js';
export { fileNameOf } from './http/file-download.js';
export type { RetryConfig } from './http/retry.js';
export type { TokenProvider } from './http/token.js';
export type { RequestOptions } from './http/transport.js';
export type {
  DetectOptions,
  GenerateIntent,
  Intent,
  IntentKind,
  IntentToRequestOptions,
  IntentWarning,
  Language,
  Platform,
  SimpleIntent,
  SimpleIntentKind,
} from './intent/index.js';
export { describeIntent, detectIntent, intentToRequest } from './intent/index.js';
export type { OrderEventListener } from './observers/events-hub.js';
export {
  idleQuotaObserver,
  idleQuotaSnapshot,
  idleWatcher,
  idleWatchSnapshot,
} from './observers/idle.js';
export type { MutationObserver, MutationSnapshot } from './observers/mutation.js';
export { createMutation } from './observers/mutation.js';
export type { PagerObserver, PagerOptions, PagerSnapshot } from './observers/pager.js';
export type { QuotaObserver, QuotaSnapshot } from './observers/quota.js';
export type { VariantsObserver, VariantsSnapshot } from './observers/variants.js';
export { idleVariantsSnapshot } from './observers/variants.js';
export type { GenerateMethod } from './reuse-variants-client.js';
export { isReuseOffer } from './reuse-variants-client.js';
export type {
  OrderWatcher,
  WatchConnection,
  WatchOptions,
  WatchProgress,
  WatchSnapshot,
} from './watch/types.js';
