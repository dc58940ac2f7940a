import { createStore, type StoreApi } from 'zustand/vanilla';
import type { WidgetState } from './types.js';

export type WidgetStore = StoreApi<WidgetState>;

export function createWidgetStore(initial?: Partial<WidgetState>): WidgetStore {
  return createStore<WidgetState>()(() => ({
    open: false,
    busy: false,
    messages: [],
    orders: {},
    quota: null,
    announcement: '',
    unseen: 0,
    ...initial,
  }));
}

let sequence = 0;
/** Message ids only need to be unique within one conversation. */
export function messageId(): string {
  sequence += 1;
  return `${Date.now().toString(36)}-${sequence.toString(36)}`;
}
