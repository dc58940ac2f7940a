import type { OrderEvent } from '@alfie/core/contract';

const encoder = new TextEncoder();

/** One Server-Sent Event as the server writes it. */
export function sseFrame(id: number, event: OrderEvent): string {
  return `id: ${id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

export type LiveStream = ReturnType<typeof liveStream>;

/**
 * A text/event-stream response the test writes to as it goes, and can cut (error) mid-stream like a
 * dropped connection. `cancelled` tells whether the client hung up: pass the request's signal, since
 * msw hands the client a copy of the body and a hang-up only shows on that signal.
 *
 * @example
 * http.get(url, ({ request }) => { const stream = liveStream(request.signal); return stream.response(); });
 */
export function liveStream(requestSignal?: AbortSignal) {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const state = { cancelled: false, closed: false };
  const onEnd: Array<() => void> = [];
  const ended = () => {
    for (const listener of onEnd.splice(0)) listener();
  };
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
    cancel() {
      state.cancelled = true;
      ended();
    },
  });
  requestSignal?.addEventListener(
    'abort',
    () => {
      state.cancelled = true;
      ended();
    },
    { once: true },
  );
  const open = () => !state.closed && !state.cancelled;
  const write = (text: string) => {
    if (!open()) return;
    try {
      controller.enqueue(encoder.encode(text));
    } catch {
      // The body was torn down without a cancel (the client's side went away): it is over.
      state.closed = true;
      ended();
    }
  };
  return {
    state,
    /** Whether the client may still read what is written. */
    open,
    /** Calls `listener` once, when the stream closes, is cut, or the client hangs up. */
    onEnd(listener: () => void) {
      if (open()) onEnd.push(listener);
      else listener();
    },
    response: () =>
      new Response(stream, { headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' } }),
    send(id: number, event: OrderEvent) {
      write(sseFrame(id, event));
    },
    ping: () => write(': ping\n\n'),
    raw: write,
    close() {
      if (!open()) return;
      state.closed = true;
      controller.close();
      ended();
    },
    /** A dropped connection: the client's read rejects. */
    cut() {
      if (!open()) return;
      state.closed = true;
      controller.error(new TypeError('terminated'));
      ended();
    },
  };
}

/**
 * Every event stream a fake server holds, like the real server's hub: each opened stream shows it is
 * alive (`: ping`), `push` numbers events once across streams and sends each to its order's stream
 * and to the user-wide `/v1/events` stream, and `count` tells how many streams the clients still hold.
 *
 * @example
 * const streams = new EventStreams();
 * http.get(`${BASE}/v1/orders/:id/events`, ({ request }) => streams.respond(request));
 * streams.push({ type: 'status', orderId, status: 'processing' });
 */
export class EventStreams {
  readonly #open = new Set<{ path: string; stream: LiveStream }>();
  #nextId = 1;
  /** Every stream ever opened, by path (connections made, not just open ones). */
  readonly opened: string[] = [];

  respond(request: Request): Response {
    const path = new URL(request.url).pathname;
    this.opened.push(path);
    const stream = liveStream(request.signal);
    const entry = { path, stream };
    this.#open.add(entry);
    stream.onEnd(() => this.#open.delete(entry));
    stream.ping();
    return stream.response();
  }

  /** Sends the event on the order's stream and on the user-wide `/v1/events` stream. */
  push(event: OrderEvent): void {
    const id = this.#nextId++;
    for (const { path, stream } of this.#open) {
      if (path === '/v1/events' || path === orderEventsPath(event.orderId)) stream.send(id, event);
    }
  }

  /** Closes the order's streams, as the server does after an order's `end` event. */
  closeOrder(orderId: string): void {
    for (const { path, stream } of [...this.#open]) {
      if (path === orderEventsPath(orderId)) stream.close();
    }
  }

  count(path?: string): number {
    return [...this.#open].filter((entry) => path === undefined || entry.path === path).length;
  }
}

const orderEventsPath = (orderId: string) => `/v1/orders/${orderId}/events`;
