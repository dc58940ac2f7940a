import type { OrderDetail, OrderEvent } from '../contract/types.js';
import type { AnyAlfieError } from '../errors/guards.js';
import { isAlfieError } from '../errors/guards.js';
import type { Transport } from '../http/transport.js';
import { Store } from '../observers/store.js';
import { runEventStream } from '../sse/run-event-stream.js';
import { sleep } from '../sse/sleep.js';
import { applyDetail, applyEvent, emptyOrderState, orderView, sameSnapshot } from './order-state.js';
import type { WatchConnection, WatchSnapshot } from './types.js';

export interface OrderWatchConfig {
  transport: Transport;
  pollInterval: number;
  firstEventTimeout: number;
  maxFailures: number;
  /** Called once the order reached a terminal status (the client refreshes quota observers). */
  onDone?(snapshot: WatchSnapshot): void;
  /**
   * Follows the order on the client's shared `/v1/events` stream (watch/follow-shared.ts), so a page
   * watching many orders holds one connection; the order's own stream is the fallback. Passed in,
   * so bundles without the shared stream (the widget's script tag) leave it out.
   */
  shared?: (watch: SharedWatch, signal: AbortSignal) => Promise<'ended' | 'aborted' | 'unavailable'>;
}

/** What the shared stream needs of one order's watch. */
export interface SharedWatch {
  orderId: string;
  firstEventTimeout: number;
  apply(event: OrderEvent): void;
  connection(state: WatchConnection): void;
  fetchDetail(signal: AbortSignal): Promise<OrderDetail | null>;
  done(): boolean;
}

/** Statuses that polling cannot fix: stop instead of hammering the server. */
const isFatal = (error: AnyAlfieError) =>
  error.status === 401 || error.status === 403 || error.status === 404;

/**
 * One order's live state and its single connection: SSE first, polling when SSE is unavailable.
 * Shared by every watcher of the order (see watch-registry.ts); runs while it has listeners.
 */
export class OrderWatch {
  readonly store: Store<WatchSnapshot>;
  readonly #state = emptyOrderState();
  readonly #config: OrderWatchConfig;
  readonly #orderId: string;
  #controller: AbortController | null = null;
  #lastEventId: string | undefined;
  #mode: 'sse' | 'polling' = 'sse';
  #listeners = 0;

  constructor(orderId: string, config: OrderWatchConfig) {
    this.#orderId = orderId;
    this.#config = config;
    this.store = new Store<WatchSnapshot>(
      { orderId, ...orderView(this.#state), connection: 'closed', error: null, done: false },
      (count) => {
        this.#listeners = count;
        if (count > 0) this.start();
        else this.#stopSoon();
      },
    );
  }

  start(): void {
    if (this.#controller || this.store.get().done) return;
    const controller = new AbortController();
    this.#controller = controller;
    this.#publish({ connection: this.#mode === 'sse' ? 'connecting' : 'polling' });
    void this.#run(controller.signal);
  }

  stop(): void {
    this.#controller?.abort();
    this.#controller = null;
    if (this.store.get().connection !== 'closed') this.#publish({ connection: 'closed' });
  }

  /** Deferred so an unsubscribe followed at once by a subscribe (React StrictMode) keeps the stream. */
  #stopSoon(): void {
    setTimeout(() => {
      if (this.#listeners === 0) this.stop();
    }, 0);
  }

  #publish(patch: Partial<WatchSnapshot>): void {
    const previous = this.store.get();
    const next = { ...previous, ...orderView(this.#state), ...patch };
    if (!sameSnapshot(previous, next)) this.store.set(next);
  }

  async #fetchDetail(signal: AbortSignal): Promise<OrderDetail | null> {
    try {
      const detail = await this.#config.transport.json<OrderDetail>(
        `v1/orders/${encodeURIComponent(this.#orderId)}`,
        {
          signal,
          retry: true,
        },
      );
      applyDetail(this.#state, detail);
      this.#publish({ error: null });
      return detail;
    } catch (error) {
      if (signal.aborted || !isAlfieError(error)) return null;
      this.#publish({ error });
      if (isFatal(error)) this.#finish();
      return null;
    }
  }

  #finish(): void {
    if (!this.#controller) return;
    const { done } = orderView(this.#state);
    this.#controller.abort();
    this.#controller = null;
    this.#publish({ connection: 'closed', done });
    if (done) this.#config.onDone?.(this.store.get());
  }

  async #run(signal: AbortSignal): Promise<void> {
    if (this.#mode === 'sse' && this.#config.shared) {
      const outcome = await this.#config.shared(
        {
          orderId: this.#orderId,
          firstEventTimeout: this.#config.firstEventTimeout,
          apply: (event) => {
            applyEvent(this.#state, event);
            this.#publish({ error: null });
          },
          connection: (connection) => this.#publish({ connection }),
          fetchDetail: (s) => this.#fetchDetail(s),
          done: () => orderView(this.#state).done,
        },
        signal,
      );
      if (outcome === 'aborted') return;
      if (outcome === 'ended') {
        await this.#fetchDetail(signal);
        if (!signal.aborted) this.#finish();
        return;
      }
    }
    // The GET gives the full picture (order, earlier assets) while the stream brings what follows.
    void this.#fetchDetail(signal).then(() => {
      if (!signal.aborted && orderView(this.#state).done) this.#finish();
    });
    if (this.#mode === 'sse') {
      const result = await runEventStream({
        transport: this.#config.transport,
        path: `v1/orders/${encodeURIComponent(this.#orderId)}/events`,
        signal,
        lastEventId: this.#lastEventId,
        firstEventTimeout: this.#config.firstEventTimeout,
        maxFailures: this.#config.maxFailures,
        // The server replays an order's events from the start, so silence only means buffering once
        // the order has moved; a job still waiting in the queue has nothing to say yet.
        silenceExpected: async () => (await this.#fetchDetail(signal))?.status === 'pending',
        onConnection: (connection: WatchConnection) => this.#publish({ connection }),
        onMessage: (message) => {
          if (message.id) this.#lastEventId = message.id;
          let event: OrderEvent;
          try {
            event = JSON.parse(message.data) as OrderEvent;
          } catch {
            return false;
          }
          applyEvent(this.#state, event);
          // A live event proves the connection works: an earlier failed GET is no longer news.
          this.#publish({ error: null });
          return event.type === 'end';
        },
      });
      if (result.outcome === 'aborted') return;
      if (result.outcome === 'ended') {
        await this.#fetchDetail(signal);
        if (!signal.aborted) this.#finish();
        return;
      }
      this.#mode = 'polling';
    }
    await this.#poll(signal);
  }

  async #poll(signal: AbortSignal): Promise<void> {
    this.#publish({ connection: 'polling' });
    let failures = 0;
    while (!signal.aborted) {
      const detail = await this.#fetchDetail(signal);
      if (signal.aborted) return;
      if (orderView(this.#state).done) return this.#finish();
      failures = detail ? 0 : failures + 1;
      try {
        await sleep(this.#config.pollInterval * 2 ** Math.min(failures, 4), signal);
      } catch {
        return;
      }
    }
  }
}
