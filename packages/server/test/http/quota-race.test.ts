import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';

/**
 * The defect to avoid: check-then-consume overspends under concurrency. 200 concurrent requests
 * through the real HTTP server against 10 remaining images must accept exactly 10.
 */
describe('quota reservation under concurrency (PostgreSQL, real HTTP server)', () => {
  let t: TestApp;
  let server: ReturnType<typeof serve>;
  let baseUrl: string;

  beforeAll(async () => {
    t = await createTestApp('postgres');
    await new Promise<void>((resolve) => {
      server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
    });
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await t.drop();
  });

  it('accepts exactly 10 of 200 concurrent single-image orders when 10 images remain', async () => {
    const user = await t.createUser();
    const brand = await t.createBrand(user.userId); // starter: 150 images
    await t.db.query(
      `insert into counters_monthly (brand_id, period_yyyymm, images_used, images_reserved)
       values ($1, to_char(now() at time zone 'utc', 'YYYYMM')::int, 135, 5)`,
      [brand.id],
    );
    const body = JSON.stringify({ format: 'image', count: 1, topic: 'race', brandId: brand.id });
    const responses = await Promise.all(
      Array.from({ length: 200 }, () =>
        fetch(`${baseUrl}/v1/generate`, {
          method: 'POST',
          headers: { ...user.headers, 'content-type': 'application/json' },
          body,
        }).then(async (res) => ({ status: res.status, body: await res.json() })),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 202)).toHaveLength(10);
    expect(statuses.filter((s) => s === 402)).toHaveLength(190);
    expect(
      responses.filter((r) => r.status === 402).every((r) => r.body.error.code === 'QUOTA_EXCEEDED'),
    ).toBe(true);

    const { rows } = await t.db.query<{ images_used: number; images_reserved: number }>(
      'select images_used, images_reserved from counters_monthly where brand_id = $1',
      [brand.id],
    );
    expect(rows).toEqual([{ images_used: 135, images_reserved: 15 }]);
    const orders = await t.db.query<{ n: number }>('select count(*) as n from orders where brand_id = $1', [
      brand.id,
    ]);
    expect(orders.rows[0]?.n).toBe(10);
    const quota = await (await fetch(`${baseUrl}/v1/quotas/${brand.id}`, { headers: user.headers })).json();
    expect(quota.remaining.images).toBe(0);
  });
  it('reserves race-free on a brand’s first order of the month too (no counters row yet)', async () => {
    const user = await t.createUser();
    const brand = await t.createBrand(user.userId); // starter: 150 images, no counters row
    const body = JSON.stringify({ format: 'carousel', count: 10, topic: 'first', brandId: brand.id });
    const statuses = await Promise.all(
      Array.from({ length: 40 }, () =>
        fetch(`${baseUrl}/v1/generate`, {
          method: 'POST',
          headers: { ...user.headers, 'content-type': 'application/json' },
          body,
        }).then(async (res) => {
          await res.arrayBuffer();
          return res.status;
        }),
      ),
    );
    expect(statuses.filter((s) => s === 202)).toHaveLength(15);
    expect(statuses.filter((s) => s === 402)).toHaveLength(25);
    const { rows } = await t.db.query(
      'select images_used, images_reserved from counters_monthly where brand_id = $1',
      [brand.id],
    );
    expect(rows).toEqual([{ images_used: 0, images_reserved: 150 }]);
  });

  it('creates one order for concurrent requests with one Idempotency-Key, and charges once', async () => {
    const user = await t.createUser();
    const brand = await t.createBrand(user.userId);
    const body = JSON.stringify({ format: 'image', count: 2, topic: 'same key', brandId: brand.id });
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        fetch(`${baseUrl}/v1/generate`, {
          method: 'POST',
          headers: { ...user.headers, 'content-type': 'application/json', 'idempotency-key': 'one-key' },
          body,
        }).then(async (res) => ({ status: res.status, body: await res.json() })),
      ),
    );
    expect(responses.filter((r) => r.status === 202)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 200)).toHaveLength(19);
    const created = responses.find((r) => r.status === 202)!.body;
    expect(responses.every((r) => r.body.orderId === created.orderId && r.body.jobId === created.jobId)).toBe(
      true,
    );
    const orders = await t.db.query('select count(*)::int as n from orders where brand_id = $1', [brand.id]);
    expect(orders.rows[0]).toEqual({ n: 1 });
    const counters = await t.db.query('select images_reserved from counters_monthly where brand_id = $1', [
      brand.id,
    ]);
    expect(counters.rows).toEqual([{ images_reserved: 2 }]);
  });
});
