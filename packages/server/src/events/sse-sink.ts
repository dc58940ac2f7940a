import type { ServerResponse } from 'node:http';
import type { Context } from 'hono';

/**
 * Where an SSE session writes: straight to the client's socket under Node, a web stream elsewhere.
 * Writes never wait: the session checks `backlog` and drops a client that cannot keep up, so one
 * slow reader neither slows the others nor holds memory without limit.
 */
export interface SseSink {
  write(chunk: Uint8Array): void;
  /** Bytes written but not yet taken by the client (the memory this client holds on the server). */
  readonly backlog: number;
  readonly closed: boolean;
  onClose(listener: () => void): void;
  /** Ends the stream after what was written is flushed. */
  end(): void;
  /** Ends a client that cannot keep up: what it had not read is discarded with the connection. */
  destroy(): void;
}

const SSE_HEADERS = {
  'Content-Type': 'text/event-stream',
  'Cache-Control': 'no-cache',
  Connection: 'keep-alive',
  // Nginx and friends must not buffer a live stream.
  'X-Accel-Buffering': 'no',
  // Also keeps @hono/node-server from reading the body ahead before it writes the head (below).
  'Transfer-Encoding': 'chunked',
};

/**
 * A streaming SSE response whose body `run` writes through a sink, ending it when `run` settles.
 * Headers set by middleware (CORS, request id) are kept: the response goes back through Hono.
 *
 * Under @hono/node-server the body stream only says "headers are out": its first read, which the
 * server makes right after writing the head, starts `run`, and from then on bytes go to the
 * socket with one `write` per message, as a bare `res.write` fan-out does. The web-stream path
 * (a TransformStream, a read and a pump per message per client) cost several times that at 1,000
 * clients.
 *
 * @example
 * return sseResponse(c, async (sink) => { sink.write(frameComment('connected')); await until(end); });
 */
export function sseResponse(
  c: Context,
  run: (sink: SseSink) => Promise<void>,
  onError: (error: unknown) => void,
): Response {
  const outgoing = (c.env as { outgoing?: unknown } | undefined)?.outgoing;
  // A session that fails (its database went away) ends its stream; the client reconnects.
  const guarded = (sink: SseSink) => run(sink).catch(onError);
  const body = isNodeResponse(outgoing) ? nodeBody(outgoing, guarded) : webBody(guarded);
  return c.body(body, 200, SSE_HEADERS);
}

function isNodeResponse(value: unknown): value is ServerResponse {
  const res = value as Partial<ServerResponse> | undefined;
  return !!res && typeof res.write === 'function' && typeof res.writableLength === 'number';
}

function nodeBody(res: ServerResponse, run: (sink: SseSink) => Promise<void>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>(new NodeSink(res, run), { highWaterMark: 0 });
}

/**
 * The sink and the body's underlying source in one object (a class, not closures: thousands of
 * streams stay open at once).
 */
class NodeSink implements SseSink, UnderlyingDefaultSource<Uint8Array> {
  private controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  private started = false;
  private ended = false;
  private listeners: (() => void)[] = [];

  constructor(
    private readonly res: ServerResponse,
    private readonly run: (sink: SseSink) => Promise<void>,
  ) {
    res.once('close', () => this.close());
  }

  start(controller: ReadableStreamDefaultController<Uint8Array>): void {
    this.controller = controller;
  }

  pull(): void {
    if (this.started) return;
    this.started = true;
    void this.run(this).finally(() => this.end());
  }

  cancel(): void {
    this.close();
  }

  write(chunk: Uint8Array): void {
    if (!this.ended && !this.res.destroyed) this.res.write(chunk);
  }

  get backlog(): number {
    return this.res.writableLength;
  }

  get closed(): boolean {
    return this.ended || this.res.destroyed;
  }

  onClose(listener: () => void): void {
    if (this.ended) listener();
    else this.listeners.push(listener);
  }

  end(): void {
    // Closing the body makes the server end the response, after the bytes already written.
    if (this.ended) return;
    try {
      this.controller?.close();
    } catch {}
  }

  destroy(): void {
    this.res.destroy();
    this.close();
  }

  private close(): void {
    if (this.ended) return;
    this.ended = true;
    const listeners = this.listeners;
    this.listeners = [];
    for (const listener of listeners) listener();
  }
}

function webBody(run: (sink: SseSink) => Promise<void>): ReadableStream<Uint8Array> {
  let closed = false;
  const listeners: (() => void)[] = [];
  const close = () => {
    if (closed) return;
    closed = true;
    for (const listener of listeners.splice(0)) listener();
  };
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const sink: SseSink = {
          write(chunk) {
            if (!closed) controller.enqueue(chunk);
          },
          get backlog() {
            // Byte-length strategy with a high-water mark of 0: the bytes not yet read.
            return Math.max(0, -(controller.desiredSize ?? 0));
          },
          get closed() {
            return closed;
          },
          onClose(listener) {
            if (closed) listener();
            else listeners.push(listener);
          },
          end() {
            if (closed) return;
            close();
            try {
              controller.close();
            } catch {}
          },
          destroy() {
            if (closed) return;
            close();
            controller.error(new Error('SSE client dropped'));
          },
        };
        void run(sink).finally(() => sink.end());
      },
      cancel: close,
    },
    new ByteLengthQueuingStrategy({ highWaterMark: 0 }),
  );
}
