/**
 * Contract suite: the whole client against the REAL server, in-process (the test kit's real-server starter),
 * over PGlite and PostgreSQL test databases. No mocks: real SQL, real SSE, real PNG files.
 */

import type { TestApp, TestUser } from '@alfie/test-kit/app';
import { type RealServer, startRealServer } from '@alfie/test-kit/real-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AlfieClient,
  createAlfieClient,
  isAlfieError,
  isQuotaExceededError,
  type WatchSnapshot,
} from '../src/index.js';
import { cuttingProxy } from './helpers/cutting-proxy.js';
import { until } from './helpers/msw.js';

const topic = 'Les tendances marketing 2025';

describe.each(['pglite', 'postgres'] as const)('client ⇄ real server on %s', (kind) => {
  let real: RealServer;
  let baseUrl: string;
  let t: TestApp;
  let user: TestUser;
  let brandId: string;
  let client: AlfieClient;

  beforeAll(async () => {
    real = await startRealServer({ db: kind });
    ({ baseUrl, app: t, user, brandId } = real);
    client = createAlfieClient({ baseUrl, getToken: () => user.token });
  }, 60_000);

  afterAll(() => real?.close());

  it('generate → watch live to completion → assets served → quota charged', async () => {
    const before = await client.quotas.get(brandId);
    const quota = client.quotas.observe(brandId);
    quota.subscribe(() => {});
    await until(() => quota.getSnapshot().status === 'success', 10_000);

    const { orderId, jobId } = await client.generate({ format: 'carousel', count: 4, topic, brandId });
    const watcher = client.orders.watch(orderId);
    const snapshots: WatchSnapshot[] = [];
    watcher.subscribe(() => snapshots.push(watcher.getSnapshot()));
    await until(() => watcher.getSnapshot().done, 60_000);
    await until(() => watcher.getSnapshot().connection === 'closed', 5000);

    const final = watcher.getSnapshot();
    expect(final).toMatchObject({
      status: 'completed',
      error: null,
      progress: { completed: 4, expected: 4, ratio: 1 },
    });
    expect(final.assets.map((asset) => asset.slideIndex)).toEqual([0, 1, 2, 3]);
    expect(new Set(final.assets.map((asset) => asset.id)).size).toBe(4);
    expect(final.items.every((item) => item.status === 'completed')).toBe(true);
    // Live over SSE (never fell back to polling), with slides arriving one by one.
    const connections = snapshots.map((s) => s.connection);
    expect(connections).toContain('live');
    expect(connections).not.toContain('polling');
    expect(snapshots.some((s) => s.assets.length > 0 && s.assets.length < 4)).toBe(true);

    // The delivered files are real PNGs, served by the server.
    for (const asset of final.assets) {
      const response = await fetch(asset.url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('image/png');
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect([...bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
    }

    const detail = await client.orders.get(orderId);
    expect(detail.assets.map((asset) => asset.id)).toEqual(final.assets.map((asset) => asset.id));
    expect((await client.jobs.get(jobId!)).status).toBe('completed');
    expect((await client.orders.list({ brandId })).data.map((order) => order.id)).toContain(orderId);
    const entries = [];
    for await (const entry of client.library.iterate({ brandId, orderId })) entries.push(entry);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.assets).toHaveLength(4);

    const after = await client.quotas.get(brandId);
    expect(after.used.images).toBe(before.used.images + 4);
    expect(after.reserved.images).toBe(0);
    expect(after.remaining.images).toBe(before.remaining.images - 4);
    // The quota observer caught up by itself (order end / generate).
    await until(() => quota.getSnapshot().quota?.used.images === after.used.images, 10_000);
    quota.close();
    watcher.close();
  }, 90_000);

  it('resumes with Last-Event-ID when the stream is cut mid-order: every slide once, none missed', async () => {
    const proxy = await cuttingProxy(baseUrl);
    try {
      const viaProxy = createAlfieClient({ baseUrl: proxy.url, getToken: () => user.token });
      const { orderId } = await viaProxy.generate({ format: 'carousel', count: 5, topic, brandId });
      const watcher = viaProxy.orders.watch(orderId);
      const snapshots: WatchSnapshot[] = [];
      watcher.subscribe(() => snapshots.push(watcher.getSnapshot()));
      await until(() => watcher.getSnapshot().assets.length >= 1, 60_000);
      expect(watcher.getSnapshot().done).toBe(false);
      expect(proxy.cutStreams()).toBe(1);
      await until(() => watcher.getSnapshot().done && watcher.getSnapshot().connection === 'closed', 60_000);

      const final = watcher.getSnapshot();
      expect(final.status).toBe('completed');
      expect(final.assets.map((asset) => asset.slideIndex)).toEqual([0, 1, 2, 3, 4]);
      expect(snapshots.every((s) => new Set(s.assets.map((a) => a.id)).size === s.assets.length)).toBe(true);
      const orderStreams = proxy.eventRequests.filter((r) => r.path.includes(orderId));
      expect(orderStreams.length).toBeGreaterThanOrEqual(2);
      expect(orderStreams[0]!.lastEventId).toBeNull();
      expect(orderStreams[1]!.lastEventId).toMatch(/^\d+$/);
      const connections = snapshots.map((s) => s.connection);
      expect(connections).toContain('reconnecting');
      expect(connections).not.toContain('polling');
      watcher.close();
    } finally {
      await proxy.close();
    }
  }, 90_000);

  it('a retried generate with the same Idempotency-Key gives the same order and charges once', async () => {
    const before = await client.quotas.get(brandId);
    const request = { format: 'image', count: 1, topic: 'Affiche soldes', brandId } as const;
    const first = await client.generate(request, { idempotencyKey: `contract-${kind}-1` });
    const again = await client.generate(request, { idempotencyKey: `contract-${kind}-1` });
    expect(again).toEqual(first);
    const watcher = client.orders.watch(first.orderId);
    watcher.subscribe(() => {});
    await until(() => watcher.getSnapshot().done, 60_000);
    const after = await client.quotas.get(brandId);
    expect(after.used.images).toBe(before.used.images + 1);
    watcher.close();
  }, 90_000);

  it("the server's errors arrive as the SDK's typed errors", async () => {
    const invalid = await client
      .generate({ format: 'carousel', count: 40, topic, brandId })
      .catch((e: unknown) => e);
    expect(isAlfieError(invalid) && invalid.code).toBe('VALIDATION_FAILED');
    expect(
      isAlfieError(invalid) && invalid.code === 'VALIDATION_FAILED' && invalid.issues.length,
    ).toBeGreaterThan(0);

    const missing = await client.orders.get('00000000-0000-4000-8000-000000000000').catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: 'NOT_FOUND', status: 404 });

    // Spend the brand's woofs (15 on starter) the way past orders would have.
    const period = Number(new Date().toISOString().slice(0, 7).replace('-', ''));
    await t.db.query(
      `insert into counters_monthly (brand_id, period_yyyymm, woofs_used) values ($1, $2, 14)
       on conflict (brand_id, period_yyyymm) do update set woofs_used = 14`,
      [brandId, period],
    );
    const refused = await client
      .generate({ format: 'video', topic, brandId, duration: 30 })
      .catch((e: unknown) => e);
    expect(isQuotaExceededError(refused)).toBe(true);
    if (!isQuotaExceededError(refused)) return;
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.remaining.woofs).toBe(1);
    expect(Date.parse(refused.resetsAt)).toBeGreaterThan(Date.now());

    const stranger = createAlfieClient({ baseUrl, token: 'not-a-token', retry: 0 });
    await expect(stranger.quotas.get(brandId)).rejects.toMatchObject({ code: 'UNAUTHORIZED', status: 401 });
  });

  it('a watcher opened after the order ended gets the final state at once', async () => {
    const { orderId } = await client.generate({ format: 'image', topic: 'Logo', brandId });
    const first = client.orders.watch(orderId);
    first.subscribe(() => {});
    await until(() => first.getSnapshot().done, 60_000);
    first.close();
    const late = createAlfieClient({ baseUrl, getToken: () => user.token }).orders.watch(orderId);
    late.subscribe(() => {});
    await until(() => late.getSnapshot().done && late.getSnapshot().connection === 'closed', 10_000);
    expect(late.getSnapshot()).toMatchObject({
      status: 'completed',
      progress: { completed: 1, expected: 1 },
    });
    expect(late.getSnapshot().assets).toHaveLength(1);
  }, 90_000);
});
