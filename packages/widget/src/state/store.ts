import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ChatMessage, OrderView, WidgetState } from './types.js';

export type WidgetStore = StoreApi<WidgetState>;

export function createWidgetStore(initial?: Partial<WidgetState>): WidgetStore {
  return createStore<WidgetState>()(() => ({
    open: false,
    busy: false,
    messages: [],
    orders: {},
    quota: null,
    announcement: '',
    ...initial,
  }));
}

let sequence = 0;
/** Message ids only need to be unique within one conversation. */
export function messageId(): string {
  sequence += 1;
  return `${Date.now().toString(36)}-${sequence.toString(36)}`;
}

/** Keeps the stored conversation short: older messages are dropped. */
const MAX_MESSAGES = 60;

export function pushMessage(store: WidgetStore, message: ChatMessage): void {
  store.setState((state) => ({ messages: [...state.messages, message].slice(-MAX_MESSAGES) }));
}

export function updateMessage(store: WidgetStore, id: string, patch: (m: ChatMessage) => ChatMessage): void {
  store.setState((state) => ({ messages: state.messages.map((m) => (m.id === id ? patch(m) : m)) }));
}

export function putOrder(store: WidgetStore, view: OrderView): void {
  store.setState((state) => ({ orders: { ...state.orders, [view.orderId]: view } }));
}
