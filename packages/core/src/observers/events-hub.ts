import type { OrderEvent } from '../contract/types.js';
import type { Transport } from '../http/transport.js';
import { runEventStream } from '../sse/run-event-stream.js';
import { sleep } from '../sse/sleep.js';

export type OrderEventListener = (event: OrderEvent) => void;

/** When /v1/events is unavailable (a buffering proxy, an old server), try again this much later. */
const UNAVAILABLE_RETRY_MS = 30_000;

/**
 * One shared `GET /v1/events` stream for the whole client (every order of the caller), opened with the
 * first listener and closed with the last one.
 */
export function createEventsHub(transport: Transport, maxFailures: number) {
  const listeners = new Set<OrderEventListener>();
  let controller: AbortController | null = null;
  let lastEventId: string | undefined;

  async function run(signal: AbortSignal) {
    while (!signal.aborted) {
      const result = await runEventStream({
        transport,
        path: 'v1/events',
        signal,
        lastEventId,
        // This stream is legitimately silent until one of the caller's orders moves: no buffering test.
        firstEventTimeout: 0,
        maxFailures,
        onConnection() {},
        onMessage(message) {
          if (message.id) lastEventId = message.id;
          let event: OrderEvent;
          try {
            event = JSON.parse(message.data) as OrderEvent;
          } catch {
            return false;
          }
          for (const listener of [...listeners]) listener(event);
          return false;
        },
      });
      if (result.outcome !== 'unavailable') return;
      await sleep(UNAVAILABLE_RETRY_MS, signal).catch(() => {});
    }
  }

  /**
   * @example
   * const stop = client.events.subscribe((event) => { if (event.type === 'end') refreshQuota(); });
   */
  return function subscribe(
    listener: OrderEventListener,
    options: { signal?: AbortSignal } = {},
  ): () => void {
    if (options.signal?.aborted) return () => {};
    listeners.add(listener);
    if (!controller) {
      controller = new AbortController();
      void run(controller.signal);
    }
    const unsubscribe = () => {
      options.signal?.removeEventListener('abort', unsubscribe);
      if (!listeners.delete(listener) || listeners.size > 0) return;
      controller?.abort();
      controller = null;
    };
    options.signal?.addEventListener('abort', unsubscribe, { once: true });
    return unsubscribe;
  };
}
