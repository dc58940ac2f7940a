import type { OrderEvent } from '../../src/contract/types.js';

/**
 * A text/event-stream response the test writes to as it goes, and can cut (error) mid-stream like a
 * dropped connection. `cancelled` tells whether the client hung up.
 */
export function liveStream() {
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
