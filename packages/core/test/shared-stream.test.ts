/**
 * Watchers of `createAlfieClient({ live: { sharedStream: true } })` share the client's one
 * `GET /v1/events` stream, against the real server behind a proxy that records (and can cut) every
 * event stream.
 */

import { type RealServer, startRealServer } from '@alfie/test-kit/real-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlfieClient } from '../src/index.js';
import { cuttingProxy } from './helpers/cutting-proxy.js';
import { until } from './helpers/msw.js';

describe('one shared live stream for every watched order', () => {
  let real: RealServer;
  let proxy: Awaited<ReturnType<typeof cuttingProxy>>;
  beforeAll(async () => {
    real = await startRealServer({ db: 'pglite', latencyMs: 150 });
    proxy = await cuttingProxy(real.baseUrl);
  }, 60_000);
  afterAll(async () => {
    await proxy?.close();
    await real?.close();
  });

  it('follows three orders over one /v1/events connection, resumes after a cut, and survives a resubscribe', async () => {
    const client = createAlfieClient({
      baseUrl: proxy.url,
      token: real.user.token,
      live: { sharedStream: true, firstEventTimeout: 0 },
    });
    const orders = await Promise.all(
      [1, 2, 3].map((n) =>
        client.generate({ format: 'carousel', count: 3, topic: `Shared ${n}`, brandId: real.brandId }),
      ),
    );
    const watchers = orders.map(({ orderId }) => client.orders.watch(orderId));
    const stops = watchers.map((watcher) => watcher.subscribe(() => {}));
    await until(() => watchers.every((w) => w.getSnapshot().connection === 'live'), 10_000);

    // React StrictMode: unsubscribe and subscribe again at once keeps the same connection.
    stops[0]!();
    stops[0] = watchers[0]!.subscribe(() => {});
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(proxy.eventRequests.map((r) => r.path)).toEqual(['/v1/events']);

    // A dropped connection resumes where it stopped.
    await until(() => watchers.some((w) => w.getSnapshot().assets.length > 0), 10_000);
    expect(proxy.cutStreams()).toBe(1);
    await until(() => watchers.every((w) => w.getSnapshot().done), 20_000);
    expect(proxy.eventRequests.every((r) => r.path.startsWith('/v1/events'))).toBe(true);
    expect(proxy.eventRequests.length).toBeGreaterThanOrEqual(2);
    expect(proxy.eventRequests.at(-1)!.lastEventId).toMatch(/^\d+$/);
    for (const watcher of watchers) {
      const { status, assets } = watcher.getSnapshot();
      expect(status).toBe('completed');
      expect(assets.map((a) => a.slideIndex)).toEqual([0, 1, 2]); // every slide once, none missed
    }
    for (const stop of stops) stop();
  }, 40_000);
});
