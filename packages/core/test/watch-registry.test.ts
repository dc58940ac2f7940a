import { afterEach, describe, expect, it } from 'vitest';
import { createAlfieClient } from '../src/index.js';
import type { OrderWatcher } from '../src/watch/types.js';
import { BASE, until, useMswServer } from './helpers/msw.js';
import { orderServer } from './helpers/order-server.js';

// createAlfieClient's registry keeps an order only while someone listens (React never calls close()).
const server = useMswServer();
const makeClient = () =>
  createAlfieClient({
    baseUrl: BASE,
    token: 't',
    retry: { limit: 2, delay: () => 1 },
    live: { pollInterval: 20 },
  });

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});
const listen = (watcher: OrderWatcher) => {
  const unsubscribe = watcher.subscribe(() => {});
  cleanups.push(unsubscribe);
  return unsubscribe;
};
const tick = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));

describe('watch registry of createAlfieClient', () => {
  it('forgets an order once its last listener left, without close()', async () => {
    const order = orderServer(server);
    const client = makeClient();
    const first = client.orders.watch('ord_1');
    const unsubscribe = listen(first);
    await until(() => first.getSnapshot().connection === 'live');
    order.sendNext(7);
    await until(() => first.getSnapshot().assets.length === 2);
    unsubscribe();
    await until(() => order.connections[0]!.stream.state.cancelled);
    await tick();
    // A new watcher starts from scratch: the old state (and its memory) is no longer held.
    const later = client.orders.watch('ord_1');
    expect(later.getSnapshot()).not.toBe(first.getSnapshot());
    expect(later.getSnapshot()).toMatchObject({ assets: [], connection: 'closed' });
  });

  it('does not keep a watcher nobody subscribed to (a render React threw away)', async () => {
    const client = makeClient();
    const discarded = client.orders.watch('ord_1');
    await tick();
    expect(client.orders.watch('ord_1').getSnapshot()).not.toBe(discarded.getSnapshot());
  });

  it('StrictMode-style unsubscribe/resubscribe keeps one connection and one entry', async () => {
    const order = orderServer(server);
    const client = makeClient();
    const watcher = client.orders.watch('ord_1');
    listen(watcher)();
    listen(watcher);
    await until(() => order.connections.length === 1);
    await tick(30);
    const other = client.orders.watch('ord_1');
    expect(other.getSnapshot()).toBe(watcher.getSnapshot()); // same shared entry
    listen(other);
    order.sendNext(100);
    await until(() => other.getSnapshot().done);
    expect(order.connections).toHaveLength(1);
  });

  it('a forgotten watcher subscribed again registers again, resumes, and is shared', async () => {
    const order = orderServer(server);
    const client = makeClient();
    const watcher = client.orders.watch('ord_1');
    const unsubscribe = listen(watcher);
    await until(() => order.connections.length === 1);
    order.sendNext(7);
    await until(() => watcher.getSnapshot().assets.length === 2);
    unsubscribe();
    await until(() => order.connections[0]!.stream.state.cancelled);
    await tick();

    listen(watcher);
    await until(() => order.connections.length === 2);
    expect(order.connections[1]!.lastEventId).toBe('7'); // its state came back with it
    const joined = client.orders.watch('ord_1');
    listen(joined);
    expect(joined.getSnapshot()).toBe(watcher.getSnapshot());
    order.resumeFrom(8);
    await until(() => joined.getSnapshot().done);
    expect(watcher.getSnapshot().assets.map((asset) => asset.slideIndex)).toEqual([0, 1, 2, 3]);
    expect(order.connections).toHaveLength(2);
  });

  it('close() still ends a watcher for good', async () => {
    const order = orderServer(server);
    const watcher = makeClient().orders.watch('ord_1');
    listen(watcher);
    await until(() => order.connections.length === 1);
    watcher.close();
    await until(() => order.connections[0]!.stream.state.cancelled);
    expect(watcher.subscribe(() => {})()).toBeUndefined();
    await tick();
    expect(order.connections).toHaveLength(1);
    expect(watcher.getSnapshot().connection).toBe('closed');
  });
});
