import type { WidgetStore } from './store.js';
import type { ChatMessage, OrderView } from './types.js';

interface Saved {
  v: 1;
  messages: ChatMessage[];
  orders: Record<string, OrderView>;
}

/** Who the stored conversation belongs to: the JWT subject, never the token itself. */
export function userKeyFromToken(token: string | null | undefined): string {
  if (!token) return 'anonymous';
  if (token.startsWith('sk_')) return 'api-key';
  try {
    const payload = token.split('.')[1] ?? '';
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
    return typeof json.sub === 'string' ? json.sub : 'anonymous';
  } catch {
    return 'anonymous';
  }
}

export function storageKey(brandId: string, userKey: string, instanceId = 'default'): string {
  return `alfie-widget:v1:${brandId}:${userKey}:${instanceId}`;
}

function safeStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // Blocked third-party storage: the widget still works, it just forgets.
  }
}

export function loadConversation(key: string): Saved | null {
  try {
    const raw = safeStorage()?.getItem(key);
    if (!raw) return null;
    const saved = JSON.parse(raw) as Saved;
    if (saved.v !== 1 || !Array.isArray(saved.messages)) return null;
    // A connection state from the previous page means nothing now.
    for (const order of Object.values(saved.orders ?? {})) order.reconnecting = false;
    return saved;
  } catch {
    return null;
  }
}

/**
 * Writes the conversation whenever messages or orders change. Returns the unsubscribe function.
 */
export function persistConversation(store: WidgetStore, key: string): () => void {
  return store.subscribe((state, previous) => {
    if (state.messages === previous.messages && state.orders === previous.orders) return;
    // Only the orders the kept messages still show: old ones leave with their messages.
    const orders: Record<string, OrderView> = {};
    for (const m of state.messages) {
      const order = m.type === 'order' ? state.orders[m.orderId] : undefined;
      if (order) orders[order.orderId] = order;
    }
    const saved: Saved = { v: 1, messages: state.messages, orders };
    try {
      safeStorage()?.setItem(key, JSON.stringify(saved));
    } catch {
      // Quota full or storage blocked: keep going without persistence.
    }
  });
}
