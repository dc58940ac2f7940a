import { http } from 'msw';
import type { OrderEvent } from '../../src/contract/types.js';
import { api } from './msw.js';

/**
 * A text/event-stream response the test writes to as it goes, and can cut (error) mid-stream like a
 * dropped connection. `cancelled` tells whether the client hung up: pass the request's signal, since
 * msw hands the client a copy of the body and a hang-up only shows on that signal.
 */
export function liveStream(requestSignal?: AbortSignal) {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const state = { cancelled: false, closed: false };
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
    cancel() {
      state.cancelled = true;
    },
  });
  requestSignal?.addEventListener('abort', () => {
    state.cancelled = true;
  });
  const write = (text: string) => {
    if (!state.closed && !state.cancelled) controller.enqueue(encoder.encode(text));
  };
  return {
    state,
    response: () =>
      new Response(stream, { headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' } }),
    send(id: number, event: OrderEvent) {
      write(`id: ${id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
    },
    ping: () => write(': ping\n\n'),
    raw: write,
    close() {
      if (state.closed || state.cancelled) return;
      state.closed = true;
      controller.close();
    },
    /** A dropped connection: the client's read rejects. */
    cut() {
      if (state.closed || state.cancelled) return;
      state.closed = true;
      controller.error(new TypeError('terminated'));
    },
  };
}

/**
 * GET /v1/events (the client's shared stream): every connection gets a live stream, kept in `streams`
 * in the order they opened, already showing it is alive (`: ping`).
 */
export function eventsStreams() {
  const streams: Array<ReturnType<typeof liveStream>> = [];
  const handler = http.get(api('/v1/events'), ({ request }) => {
    const stream = liveStream(request.signal);
    streams.push(stream);
    stream.ping();
    return stream.response();
  });
  return { streams, handler };
}

/** The `end` event of a one-item order that completed. */
export const completedEnd = (orderId: string): OrderEvent => ({
  type: 'end',
  orderId,
  status: 'completed',
  completedCount: 1,
  expectedTotal: 1,
});
