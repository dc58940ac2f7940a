import type { OrderEvent } from '@alfie/core';
import { HttpResponse } from 'msw';

interface OpenStream {
  path: string;
  send(text: string): void;
}

/**
 * Server-Sent Event streams for msw handlers, with a live count of the ones a client holds open:
 * a stream leaves the count when the client aborts the request or cancels the body.
 */
export class EventStreams {
  readonly #open = new Set<OpenStream>();
  #nextId = 1;
  /** Every stream ever opened, by path (connections made, not just open ones). */
  readonly opened: string[] = [];

  respond(request: Request): Response {
    const path = new URL(request.url).pathname;
    this.opened.push(path);
    const encoder = new TextEncoder();
    let stream!: OpenStream;
    const close = () => {
      this.#open.delete(stream);
    };
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => {
        stream = {
          path,
          send: (text) => {
            try {
              controller.enqueue(encoder.encode(text));
            } catch {
              close();
            }
          },
        };
        this.#open.add(stream);
        controller.enqueue(encoder.encode(': ping\n\n'));
      },
      cancel: close,
    });
    request.signal.addEventListener('abort', close, { once: true });
    return new HttpResponse(body, {
      headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' },
    });
  }

  /** Sends the event on the order's stream and on the user-wide `/v1/events` stream. */
  push(event: OrderEvent): void {
    const id = this.#nextId++;
    for (const stream of this.#open) {
      if (stream.path === '/v1/events' || stream.path === `/v1/orders/${event.orderId}/events`) {
        stream.send(`id: ${id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
      }
    }
  }

  count(path?: string): number {
    return [...this.#open].filter((stream) => path === undefined || stream.path === path).length;
  }
}
