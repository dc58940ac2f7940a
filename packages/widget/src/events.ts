import type { AlfieErrorCode, ChatMessage, OrderDetail, OrderStatus } from '@alfie/core';

/** The codes of the widget's `error` event: core's error codes, plus the panel that did not load. */
export type WidgetErrorCode = AlfieErrorCode | 'PANEL_LOAD_FAILED';

/** What `widget.on(event, cb)` hands to listeners. */
export interface WidgetEventMap {
  open: undefined;
  close: undefined;
  'order:created': { orderId: string };
  'order:completed': { orderId: string; order: OrderDetail | null };
  'order:failed': { orderId: string; status: OrderStatus | null; order: OrderDetail | null };
  /** A running order was canceled from the chat or its card; `kept` slides were delivered and charged. */
  cancel: { orderId: string; kept: number; expected: number };
  /** The user asked for a person: route the transcript to your support. */
  handoff: { transcript: ChatMessage[] };
  error: { code: WidgetErrorCode; message: string };
}
export type WidgetEvent = keyof WidgetEventMap;
export type WidgetListener<E extends WidgetEvent> = (payload: WidgetEventMap[E]) => void;

export interface Emitter {
  on<E extends WidgetEvent>(event: E, listener: WidgetListener<E>): () => void;
  emit<E extends WidgetEvent>(event: E, payload: WidgetEventMap[E]): void;
  clear(): void;
}

/** A tiny typed emitter; a listener that throws never breaks the widget. */
export function createEmitter(): Emitter {
  const listeners = new Map<WidgetEvent, Set<(payload: unknown) => void>>();
  return {
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (payload: unknown) => void);
      return () => set.delete(listener as (payload: unknown) => void);
    },
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) {
        try {
          listener(payload);
        } catch (error) {
          console.error('[alfie-widget] listener failed', error);
        }
      }
    },
    clear: () => listeners.clear(),
  };
}
