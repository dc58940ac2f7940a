import { createConversation } from '@alfie/core';
import type { Emitter } from '../events.js';
import type { Catalogue, Locale } from '../i18n/index.js';
import type { WidgetClient } from './client-types.js';
import type { WidgetStore } from './store.js';

export interface BindingDeps {
  store: WidgetStore;
  client: WidgetClient;
  /** Resolves the brand once (option, or the user's first brand). */
  brandId: () => Promise<string>;
  locale: Locale;
  t: Catalogue;
  emitter: Emitter;
}

/** How long an order may run before the card says it is taking longer than usual. */
export const SLOW_ORDER_MS = 45_000;

/**
 * The widget's side of core's conversation engine: every rule lives in core; this mirrors its
 * snapshot into the widget's store, forwards its events to `widget.on(...)`, and words the screen
 * reader announcements and the launcher badge. The store's messages at bind time (a restored
 * conversation) are the engine's starting point.
 */
export function bindConversation(deps: BindingDeps) {
  const { store, emitter, t } = deps;
  const { messages, orders } = store.getState();
  const conversation = createConversation(deps.client, {
    brandId: deps.brandId,
    locale: deps.locale,
    initial: { messages, orders },
  });
  const sync = () => {
    const { messages, orders, quota, busy } = conversation.getSnapshot();
    store.setState((s) => ({ messages, orders, busy, quota: quota ?? s.quota }));
  };
  const announced = new Map<string, number>();
  const stops = [
    conversation.subscribe(sync),
    conversation.on('order:created', ({ orderId }) => emitter.emit('order:created', { orderId })),
    conversation.on('order:progress', ({ orderId, view }) => {
      if (view.done || view.assets.length <= (announced.get(orderId) ?? 0)) return;
      announced.set(orderId, view.assets.length);
      const video = view.assets[0]?.type === 'video';
      store.setState({
        announcement: video
          ? t.videoProgress(Math.round(view.ratio * 100))
          : t.slideReady(view.assets.length, view.expected),
      });
    }),
    conversation.on('order:completed', ({ orderId, view, order }) => {
      emitter.emit('order:completed', { orderId, order });
      const format = order?.type ?? 'image';
      store.setState((s) => ({
        announcement: format === 'image' && view.expected > 1 ? t.multiDone(view.expected) : t.done[format],
        unseen: s.open ? 0 : s.unseen + 1,
      }));
    }),
    conversation.on('order:failed', ({ orderId, view, order }) => {
      emitter.emit('order:failed', { orderId, status: view.status, order });
      store.setState((s) => ({
        announcement: view.status === 'partial' ? t.partial(view.completed, view.expected) : t.failed,
        unseen: s.open ? 0 : s.unseen + 1,
      }));
    }),
    conversation.on('cancel', (payload) => emitter.emit('cancel', payload)),
    conversation.on('handoff', (payload) => emitter.emit('handoff', payload)),
    conversation.on('error', (payload) => emitter.emit('error', payload)),
  ];
  sync();

  return {
    ...conversation,
    dispose(): void {
      for (const stop of stops) stop();
      conversation.dispose();
    },
  };
}

export type BoundConversation = ReturnType<typeof bindConversation>;
