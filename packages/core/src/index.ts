// Public surface of @alfie/core. Every export is named so bundlers can drop what an app does not use.
// The request JSON Schemas stay in '@alfie/core/contract' (their spreads defeat tree-shaking here).
export { fromSupabase } from './auth/from-supabase.js';
export type { SupabaseAuthSource } from './auth/from-supabase.js';
export { createAlfieClient } from './client.js';
export type { AlfieClient, AlfieClientOptions, GenerateOptions } from './client.js';
export {
  DEFAULT_RATIO,
  ERROR_CODES,
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
} from './contract/index.js';
export type {
  Asset,
  Brand,
  CreateBrandRequest,
  CreateTokenRequest,
  CreateTokenResponse,
  ErrorBody,
  ErrorCode,
  Format,
  GenerateRequest,
  GenerateResponse,
  Health,
  ItemStatus,
  ItemType,
  Job,
  JobStatus,
  JobType,
  LibraryEntry,
  ListLibraryQuery,
  ListOrdersQuery,
  Order,
  OrderDetail,
  OrderEvent,
  OrderEventType,
  OrderItem,
  OrderStatus,
  Page,
  PlanName,
  Quota,
  QuotaCounts,
  QuotaExceededDetails,
  Ratio,
  TerminalOrderStatus,
  UpdateBrandRequest,
  ValidationIssue,
} from './contract/index.js';
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
export type { AlfieErrorCode, AnyAlfieError } from './errors/index.js';
export type { RetryConfig } from './http/retry.js';
export type { TokenProvider } from './http/token.js';
export type { RequestOptions } from './http/transport.js';
export type { OrderEventListener } from './observers/events-hub.js';
export { createMutation } from './observers/mutation.js';
export type { MutationObserver, MutationSnapshot } from './observers/mutation.js';
export type { PagerObserver, PagerSnapshot } from './observers/pager.js';
export type { QuotaObserver, QuotaSnapshot } from './observers/quota.js';
export type {
  OrderWatcher,
  WatchConnection,
  WatchOptions,
  WatchProgress,
  WatchSnapshot,
} from './watch/types.js';
