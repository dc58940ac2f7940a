// Public surface of @alfie/react: one hook per file, each a thin binding over a @alfie/core observer.

// Types the hooks return, so apps need no direct @alfie/core import to annotate them.
export type {
  AlfieClient,
  AnyAlfieError,
  Asset,
  ChatMessage,
  ChatPhase,
  ChatSnapshot,
  ConversationSnapshot,
  Draft,
  GenerateRequest,
  LibraryEntry,
  Order,
  OrderDetail,
  OrderView,
  Quota,
  ReuseMatch,
  VariantsReport,
  WatchSnapshot,
} from '@alfie/core';
export type { AlfieProviderProps } from './AlfieProvider.js';
export { AlfieProvider } from './AlfieProvider.js';
export { useAlfieClient } from './useAlfieClient.js';
export type { UseConversationOptions, UseConversationResult } from './useConversation.js';
export { useConversation } from './useConversation.js';
export type { OrderRequest, UseGenerateResult } from './useGenerate.js';
export { useGenerate } from './useGenerate.js';
export type { UseGenerateFromChatOptions, UseGenerateFromChatResult } from './useGenerateFromChat.js';
export { useGenerateFromChat } from './useGenerateFromChat.js';
export { useIntent } from './useIntent.js';
export type { UseLibraryQuery } from './useLibrary.js';
export { useLibrary } from './useLibrary.js';
export type { UseOrderOptions } from './useOrder.js';
export { useOrder } from './useOrder.js';
export type { UseOrdersQuery, UsePagerResult } from './useOrders.js';
export { useOrders } from './useOrders.js';
export type { UseQuotaResult } from './useQuota.js';
export { useQuota } from './useQuota.js';
export type { UseReuseMatchResult } from './useReuseMatch.js';
export { useReuseMatch } from './useReuseMatch.js';
export type { UseVariantsResult } from './useVariants.js';
export { useVariants } from './useVariants.js';
