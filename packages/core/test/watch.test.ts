import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { createAlfieClient } from '../src/index.js';
import type { WatchConnection, WatchSnapshot } from '../src/watch/types.js';
import { api, BASE, until, useMswServer } from './helpers/msw.js';
import { orderServer } from './helpers/order-server.js';

const server = useMswServer();
const makeClient = (live: Parameters<typeof createAlfieClient>[0]['live'] = {}) =>
  createAlfieClient({
    baseUrl: BASE,
    token: 't',
    retry: { limit: 2, delay: () => 1 },
    live: { pollInterval: 20, ...live },
  });

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** Subscribes and records every snapshot and connection state the watcher went through. */
function record(watcher: { subscribe(listener: () => void): () => void; getSnapshot(): WatchSnapshot }) {
  const snapshots: WatchSnapshot[] = [];
  const connections: WatchConnection[] = [];
  const unsubscribe = watcher.subscribe(() => {
    const snapshot = watcher.getSnapshot();
    snapshots.push(snapshot);
    if (connections.at(-1) !== snapshot.connection) connections.push(snapshot.connection);
  });
  cleanups.push(unsubscribe);
  return { snapshots, connections, unsubscribe, last: () => watcher.getSnapshot() };
}

const assetIds = (snapshot: WatchSnapshot) => snapshot.assets.map((asset) => asset.id);

describe('orders.watch over SSE', () => {
  it('follows a carousel to completion: assets by slide, progress, then stops by itself', async () => {
    const order = orderServer(server);
    const watcher = makeClient().orders.watch('ord_1');
    expect(watcher.getSnapshot()).toMatchObject({
      orderId: 'ord_1',
      connection: 'closed',
      done: false,
      assets: [],
    });
    const seen = record(watcher);
    await until(() => seen.last().connection === 'live');

    order.sendNext(7); // processing, slides 0 and 1 delivered
    await until(() => seen.last().assets.length === 2);
    expect(seen.last()).toMatchObject({
      status: 'processing',
      progress: { completed: 2, expected: 4, ratio: 0.5 },
      done: false,
    });

    order.sendNext(100);
    await until(() => seen.last().done && seen.last().connection === 'closed');
    const final = seen.last();
    expect(assetIds(final)).toEqual(['asset_0', 'asset_1', 'asset_2', 'asset_3']);
    expect(final.assets.map((asset) => asset.slideIndex)).toEqual([0, 1, 2, 3]);
    expect(final).toMatchObject({
      status: 'completed',
      progress: { completed: 4, expected: 4, ratio: 1 },
      error: null,
    });
    expect(final.order?.status).toBe('completed');
    expect(final.items.every((item) => item.status === 'completed')).toBe(true);
    expect(seen.connections).toEqual(['connecting', 'live', 'closed']);
    expect(order.connections).toHaveLength(1);
    expect(Object.isFrozen(final)).toBe(true);
    // Snapshots are replaced, never mutated: the first one still shows its moment.
    expect(seen.snapshots[0]!.assets).toHaveLength(0);
  });

  it('resumes with Last-Event-ID after the stream is cut mid-order: no slide missed or doubled', async () => {
    const order = orderServer(server);
    const seen = record(makeClient().orders.watch('ord_1'));
    await until(() => order.connections.length === 1);
    order.sendNext(7); // up to id 7 = asset_1
    await until(() => seen.last().assets.length === 2);
    order.connections[0]!.stream.cut();

    await until(() => order.connections.length === 2);
    expect(order.connections[1]!.lastEventId).toBe('7');
    // A server may replay around the cursor; the watcher must not double a slide.
    order.resumeFrom(5);
    await until(() => seen.last().done);

    expect(assetIds(seen.last())).toEqual(['asset_0', 'asset_1', 'asset_2', 'asset_3']);
    expect(seen.snapshots.every((s) => new Set(assetIds(s)).size === s.assets.length)).toBe(true);
    expect(seen.connections).toContain('reconnecting');
    expect(seen.last().connection).toBe('closed');
    expect(order.connections).toHaveLength(2);
  });

  it('reconnects when the server closes the stream without an end event', async () => {
    const order = orderServer(server);
    const seen = record(makeClient().orders.watch('ord_1'));
    await until(() => order.connections.length === 1);
    order.sendNext(4);
    await until(() => seen.last().assets.length === 1);
    order.connections[0]!.stream.close();
    await until(() => order.connections.length === 2);
    expect(order.connections[1]!.lastEventId).toBe('4');
    order.sendNext(100);
    await until(() => seen.last().done);
    expect(assetIds(seen.last())).toHaveLength(4);
  });

  it('an order that already ended: the stream answers `end` at once and nothing stays open', async () => {
    const order = orderServer(server);
    order.advance(100);
    const seen = record(makeClient().orders.watch('ord_1'));
    await until(() => seen.last().done && seen.last().connection === 'closed');
    expect(assetIds(seen.last())).toHaveLength(4);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(order.connections.length).toBeLessThanOrEqual(1);
    expect(order.connections.every((c) => c.stream.state.cancelled || c.stream.state.closed)).toBe(true);
  });
});

describe('orders.watch falls back to polling', () => {
  it('when the events route answers 404', async () => {
    const order = orderServer(server, { events: 404 });
    const seen = record(makeClient().orders.watch('ord_1'));
    await until(() => seen.last().connection === 'polling');
    for (let step = 0; step < 16; step += 4) {
      order.advance(4);
      await until(() => seen.last().assets.length === Math.min(4, step / 4 + 1));
    }
    order.advance(100);
    await until(() => seen.last().done);
    expect(seen.last()).toMatchObject({ status: 'completed', connection: 'closed' });
    expect(assetIds(seen.last())).toEqual(['asset_0', 'asset_1', 'asset_2', 'asset_3']);
    const calls = order.detailCalls();
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(order.detailCalls()).toBe(calls); // stopped polling by itself
  });

  it('when a buffering proxy holds every byte back while the order moves', async () => {
    const order = orderServer(server);
    const watcher = makeClient({ firstEventTimeout: 100 }).orders.watch('ord_1');
    // The server wrote events, but a buffering proxy passes no byte on.
    server.use(
      http.get(
        api('/v1/orders/ord_1/events'),
        () => new Response(new ReadableStream(), { headers: { 'content-type': 'text/event-stream' } }),
      ),
    );
    order.advance(4);
    const seen = record(watcher);
    await until(() => seen.last().connection === 'polling');
    order.advance(100);
    await until(() => seen.last().done);
    expect(assetIds(seen.last())).toHaveLength(4);
  });

  it('but not while the order is still pending: a quiet stream is normal then', async () => {
    const order = orderServer(server, { quiet: true });
    const seen = record(makeClient({ firstEventTimeout: 50 }).orders.watch('ord_1'));
    await until(() => order.connections.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(seen.last().connection).toBe('connecting');
    expect(order.detailCalls()).toBeGreaterThan(2); // it checked, each time the stream was quiet
    order.sendNext(100);
    await until(() => seen.last().done);
    expect(seen.connections).toEqual(['connecting', 'live', 'closed']);
  });

  it('after repeated failures', async () => {
    const order = orderServer(server, { events: 503 });
    const seen = record(makeClient({ maxFailures: 2 }).orders.watch('ord_1'));
    await until(() => seen.last().connection === 'polling', 4000);
    expect(seen.connections).toEqual(['connecting', 'reconnecting', 'polling']);
    order.advance(100);
    await until(() => seen.last().done);
  });

  it('a poll that learns nothing keeps the same snapshot (no re-render)', async () => {
    const order = orderServer(server, { events: 404 });
    order.advance(4);
    const seen = record(makeClient().orders.watch('ord_1'));
    await until(() => seen.last().connection === 'polling' && seen.last().assets.length === 1);
    const calls = order.detailCalls();
    const count = seen.snapshots.length;
    const snapshot = seen.last();
    await until(() => order.detailCalls() >= calls + 3);
    expect(seen.snapshots).toHaveLength(count);
    expect(seen.last()).toBe(snapshot);
    order.advance(3);
    await until(() => seen.last().assets.length === 2);
    expect(seen.last().items[1]).not.toBe(snapshot.items[1]);
    expect(seen.last().items[2]).toBe(snapshot.items[2]); // unchanged items keep their identity
  });

  it('stops with the error when the order does not exist', async () => {
    server.use(
      http.get('http://alfie.test/v1/orders/missing', () =>
        HttpResponse.json({ error: { code: 'NOT_FOUND', message: 'Order not found' } }, { status: 404 }),
      ),
      http.get('http://alfie.test/v1/orders/missing/events', () =>
        HttpResponse.json({ error: { code: 'NOT_FOUND', message: 'Order not found' } }, { status: 404 }),
      ),
    );
    const seen = record(makeClient().orders.watch('missing'));
    await until(() => seen.last().error !== null && seen.last().connection === 'closed');
    expect(seen.last()).toMatchObject({ done: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('shared connections and closing', () => {
  it('many watchers of one order share one connection, closed with the last one', async () => {
    const order = orderServer(server);
    const client = makeClient();
    const first = client.orders.watch('ord_1');
    const second = client.orders.watch('ord_1');
    const a = record(first);
    const b = record(second);
    await until(() => a.last().connection === 'live');
    order.sendNext(4);
    await until(() => a.last().assets.length === 1);
    expect(order.connections).toHaveLength(1);
    expect(first.getSnapshot()).toBe(second.getSnapshot());

    first.close();
    expect(first.getSnapshot().connection).toBe('closed');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(order.connections[0]!.stream.state.cancelled).toBe(false);
    order.sendNext(3);
    await until(() => b.last().assets.length === 2);
    expect(a.snapshots.at(-1)!.assets).toHaveLength(1); // the closed watcher heard nothing more

    second.close();
    await until(() => order.connections[0]!.stream.state.cancelled);
    expect(order.connections).toHaveLength(1);
  });

  it('a watcher opened later joins the live connection and sees what is known', async () => {
    const order = orderServer(server);
    const client = makeClient();
    const a = record(client.orders.watch('ord_1'));
    await until(() => order.connections.length === 1);
    order.sendNext(7);
    await until(() => a.last().assets.length === 2);
    const late = client.orders.watch('ord_1');
    expect(late.getSnapshot().assets).toHaveLength(2);
    record(late);
    expect(order.connections).toHaveLength(1);
  });

  it('the AbortSignal closes the watcher and, with no one left, the connection', async () => {
    const order = orderServer(server);
    const controller = new AbortController();
    const watcher = makeClient().orders.watch('ord_1', { signal: controller.signal });
    const seen = record(watcher);
    await until(() => seen.last().connection === 'live');
    controller.abort();
    await until(() => order.connections[0]!.stream.state.cancelled);
    const count = seen.snapshots.length;
    order.sendNext(4);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(seen.snapshots).toHaveLength(count);
    expect(watcher.getSnapshot().connection).toBe('closed');
  });

  it('unsubscribe then subscribe at once (React StrictMode) keeps the same connection', async () => {
    const order = orderServer(server);
    const watcher = makeClient().orders.watch('ord_1');
    const first = record(watcher);
    await until(() => order.connections.length === 1);
    first.unsubscribe();
    const second = record(watcher);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(order.connections).toHaveLength(1);
    expect(order.connections[0]!.stream.state.cancelled).toBe(false);
    order.sendNext(100);
    await until(() => second.last().done);
  });
});
