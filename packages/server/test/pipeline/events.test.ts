import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendOrderEvent } from '../../src/events/append.js';
import { eventHubFor, OrderEventHub } from '../../src/events/hub.js';
import type { StoredOrderEvent } from '../../src/events/types.js';
import type { AppEnv } from '../../src/http/env.js';
import { authenticate } from '../../src/http/middleware/auth.js';
import { eventsRoutes } from '../../src/http/routes/events.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { anOrderOf, waitFor } from './fixtures.js';

describe.each(['postgres', 'pglite'] as const)('order events on %s', (kind) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(kind);
  });
  afterEach(() => t.drop());

  it('fans a NOTIFY out to subscribers, reading big events (over 7,900 bytes) back by id', async () => {
    const { user, orderId } = await anOrderOf(t);
    const hub = new OrderEventHub(t.db);
    const received: StoredOrderEvent[] = [];
    const unsubscribe = await hub.subscribe(user.userId, { onEvent: (e) => received.push(e), onGap() {} });
    const bigError = 'x'.repeat(10_000);
    await t.db.transaction(async (tx) => {
      await appendOrderEvent(tx, { type: 'status', orderId, status: 'processing' });
      await appendOrderEvent(tx, {
        type: 'item',
        orderId,
        item: {
          id: orderId,
          orderId,
          sequenceNumber: 0,
          type: 'carousel_slide',
          status: 'failed',
          error: bigError,
          updatedAt: '',
        },
      });
      await appendOrderEvent(tx, { type: 'status', orderId, status: 'failed' });
    });
    await waitFor(async () => received.length === 3);
    expect(received.map((e) => e.type)).toEqual(['status', 'item', 'status']);
    expect(received[1]!.data).toMatchObject({ item: { error: bigError } });
    expect(received[0]!.id).toBeLessThan(received[1]!.id);
    unsubscribe();
    await hub.close();
  });

  it('sends `: ping` heartbeats on an idle stream', async () => {
    const { user, orderId } = await anOrderOf(t);
    const app = new Hono<AppEnv>();
    app.use('*', authenticate(t.deps));
    app.route('/', eventsRoutes({ ...t.deps, sseHeartbeatMs: 30 }));
    const controller = new AbortController();
    const res = await app.request(`/v1/orders/${orderId}/events`, {
      headers: user.headers,
      signal: controller.signal,
    });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    let text = '';
    while (!text.includes(': ping')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    expect(text).toContain(': ping');
    controller.abort();
    await reader.cancel();
  });

  it('opens both streams with a `: connected` comment before any event or heartbeat', async () => {
    const { user, orderId } = await anOrderOf(t);
    const app = new Hono<AppEnv>();
    app.use('*', authenticate(t.deps));
    // Heartbeats far away and a queued order with no event yet: only the opening comment can arrive.
    app.route('/', eventsRoutes({ ...t.deps, sseHeartbeatMs: 60_000 }));
    for (const path of [`/v1/orders/${orderId}/events`, '/v1/events']) {
      const controller = new AbortController();
      const res = await app.request(path, { headers: user.headers, signal: controller.signal });
      expect(res.status).toBe(200);
      const reader = res.body!.getReader();
      const first = await Promise.race([
        reader.read(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${path}: no bytes`)), 5_000)),
      ]);
      expect(new TextDecoder().decode(first.value)).toBe(': connected\n\n');
      controller.abort();
      await reader.cancel();
    }
  });

  it('releases a stream (hub subscription, heartbeat) when its client disconnects', async () => {
    const { user, orderId } = await anOrderOf(t);
    const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    const hub = eventHubFor(t.db);
    try {
      const controller = new AbortController();
      const res = await fetch(`http://127.0.0.1:${port}/v1/orders/${orderId}/events`, {
        headers: user.headers,
        signal: controller.signal,
      });
      expect(res.status).toBe(200);
      await waitFor(async () => hub.size === 1);
      controller.abort();
      await waitFor(async () => hub.size === 0);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
