import type { OrderEvent } from '../contract/types.js';
import type { Transport } from '../http/transport.js';
import { runEventStream } from '../sse/run-event-stream.js';
import { sleep } from '../sse/sleep.js';

export type OrderEventListener = (event: OrderEvent) => void;

/** Where the shared stream stands: `unavailable` when /v1/events does not work here (watchers fall back). */
export type EventsHubState = 'connecting' | 'live' | 'reconnecting' | 'unavailable';

export interface EventsSubscribeOptions {
  signal?: AbortSignal;
  /** Called with the stream's state now and on every change. */
  onState?: (state: EventsHubState) => void;
}

export type EventsHub = (listener: OrderEventListener, options?: EventsSubscribeOptions) => () => void;

/** When /v1/events is unavailable (a buffering proxy, an old server), try again this much later. */
const UNAVAILABLE_RETRY_MS = 30_000;

/**
 * One shared `GET /v1/events` stream for the whole client (every order of the caller), opened with the
 * first listener and closed one tick after the last one leaves, so React StrictMode's unsubscribe and
 * resubscribe keep the same connection. Resumes after a drop with Last-Event-ID.
 */
export function createEventsHub(transport: Transport, maxFailures: number): EventsHub {
  const listeners = new Map<OrderEventListener, ((state: EventsHubState) => void) | undefined>();
  let controller: AbortController | null = null;
  let lastEventId: string | undefined;
  let state: EventsHubState = 'connecting';

  const setState = (next: EventsHubState) => {
    state = next;
    for (const onState of [...listeners.values()]) onState?.(next);
  };

  async function run(signal: AbortSignal) {
    while (!signal.aborted) {
      setState('connecting');
      const result = await runEventStream({
        transport,
        path: 'v1/events',
        signal,
        lastEventId,
        // This stream is legitimately silent until one of the caller's orders moves: no buffering test.
        firstEventTimeout: 0,
        maxFailures,
        onConnection: setState,
        onMessage(message) {
          if (message.id) lastEventId = message.id;
          let event: OrderEvent;
          try {
            event = JSON.parse(message.data) as OrderEvent;
          } catch {
            return false;
          }
          for (const listener of [...listeners.keys()]) listener(event);
          return false;
        },
      });
      if (result.outcome !== 'unavailable') return;
      setState('unavailable');
      await sleep(UNAVAILABLE_RETRY_MS, signal).catch(() => {});
    }
  }

  /**
   * @example
   * const stop = client.events.subscribe((event) => { if (event.type === 'end') refreshQuota(); });
   */
  return function subscribe(listener, options = {}) {
    if (options.signal?.aborted) return () => {};
    listeners.set(listener, options.onState);
    if (!controller) {
      controller = new AbortController();
      void run(controller.signal);
    }
    options.onState?.(state);
    const unsubscribe = () => {
      options.signal?.removeEventListener('abort', unsubscribe);
      if (!listeners.delete(listener)) return;
      setTimeout(() => {
        if (listeners.size > 0 || !controller) return;
        controller.abort();
        controller = null;
        state = 'connecting';
      }, 0);
    };
    options.signal?.addEventListener('abort', unsubscribe, { once: true });
    return unsubscribe;
  };
}
