import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { type SseSink, sseResponse } from './sse-sink.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('sseResponse', () => {
  it('web streams (no Node response): backlog counts the bytes the reader has not taken', async () => {
    let sink!: SseSink;
    let release!: () => void;
    const app = new Hono();
    app.get('/', (c) =>
      sseResponse(
        c,
        async (s) => {
          sink = s;
          s.write(bytes('a'.repeat(100)));
          s.write(bytes('b'.repeat(50)));
          await new Promise<void>((resolve) => {
            release = resolve;
          });
        },
        () => {},
      ),
    );
    const res = await app.request('/');
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    expect(sink.backlog).toBe(150);
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(first.value!.byteLength).toBe(100);
    expect(sink.backlog).toBe(50);
    await reader.read();
    expect(sink.backlog).toBe(0);
    release();
    expect((await reader.read()).done).toBe(true);
    expect(sink.closed).toBe(true);
  });

  it('under Node: writes go to the socket after the head, middleware headers kept, ends with run', async () => {
    const app = new Hono();
    let release!: () => void;
    app.use('*', async (c, next) => {
      await next();
      c.header('X-Request-Id', 'req-1');
    });
    app.get('/', (c) =>
      sseResponse(
        c,
        async (sink) => {
          sink.write(bytes(': connected\n\n'));
          sink.write(bytes('data: 1\n\n'));
          await new Promise<void>((resolve) => {
            release = resolve;
          });
          sink.write(bytes('data: 2\n\n'));
        },
        () => {},
      ),
    );
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}/`);
      expect(res.headers.get('x-request-id')).toBe('req-1');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      const reader = res.body!.getReader();
      let text = '';
      while (!text.includes('data: 1')) text += new TextDecoder().decode((await reader.read()).value);
      release();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
      expect(text).toBe(': connected\n\ndata: 1\n\ndata: 2\n\n');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
