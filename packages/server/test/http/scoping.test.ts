import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUserToken } from '../../src/auth/jwt.js';
import { createTestApp, TEST_JWT_SECRET, type TestApp, type TestUser } from '../helpers/app.js';
import { writeCounts } from '../helpers/counts.js';
import { TEST_DB_KINDS } from '../helpers/db.js';

/** Every route answers another user's ids with 404 (not 403, so ids do not leak) and changes nothing. */
describe.each(TEST_DB_KINDS)('cross-user access on %s', (kind) => {
  let t: TestApp;
  let alice: TestUser;
  let mallory: TestUser;
  let brandId: string;
  let orderId: string;
  let jobId: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    alice = await t.createUser();
    mallory = await t.createUser();
    await t.createBrand(mallory.userId, { name: 'Mallory brand' });
    brandId = String((await t.createBrand(alice.userId)).id);
    const res = await t.request('/v1/generate', {
      headers: alice.headers,
      json: { format: 'carousel', count: 2, topic: 'secret', brandId },
    });
    ({ orderId, jobId } = await res.json());
    const item = (
      await t.db.query<{ id: string }>('select id from order_items where order_id = $1 limit 1', [orderId])
    ).rows[0]!;
    await t.db.query(
      `insert into library_assets (user_id, brand_id, order_id, order_item_id, type, cloudinary_url, slide_index)
       values ($1, $2, $3, $4, 'carousel_slide', 'https://cdn.test/s.png', 0)`,
      [alice.userId, brandId, orderId, item.id],
    );
  });
  afterAll(() => t.drop());

  const routes: Array<[string, string, () => string, unknown?]> = [
    ['GET', 'order detail', () => `/v1/orders/${orderId}`],
    ['POST', 'cancel', () => `/v1/orders/${orderId}/cancel`],
    ['GET', 'order events', () => `/v1/orders/${orderId}/events`],
    ['GET', 'job', () => `/v1/jobs/${jobId}`],
    ['GET', 'quota', () => `/v1/quotas/${brandId}`],
    ['PATCH', 'brand', () => `/v1/brands/${brandId}`, { name: 'pwned' }],
    [
      'POST',
      'generate on the brand',
      () => '/v1/generate',
      { format: 'image', topic: 'x', brandId: 'BRAND' },
    ],
  ];

  it.each(routes)('%s %s is 404 for another user', async (method, _name, path, json) => {
    const counts = await writeCounts(t.db);
    const body = json === undefined ? undefined : JSON.stringify(json).replace('BRAND', brandId);
    const res = await t.app.request(path(), {
      method,
      headers: { ...mallory.headers, ...(body ? { 'content-type': 'application/json' } : {}) },
      body,
    });
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('NOT_FOUND');
    expect(await writeCounts(t.db)).toEqual(counts);
    // The owner still sees it as it was.
    const detail = await (await t.request(`/v1/orders/${orderId}`, { headers: alice.headers })).json();
    expect(detail.status).toBe('pending');
    const brand = await t.db.query<{ name: string }>('select name from brands where id = $1', [brandId]);
    expect(brand.rows[0]?.name).toBe('Test brand');
  });

  it('lists show only the caller’s rows', async () => {
    for (const path of ['/v1/orders', '/v1/library', '/v1/brands']) {
      const mine = await (await t.request(path, { headers: mallory.headers })).json();
      const text = JSON.stringify(mine);
      expect(text, path).not.toContain(orderId);
      expect(text, path).not.toContain(brandId);
    }
    const brands = await (await t.request('/v1/brands', { headers: mallory.headers })).json();
    expect(brands.data.map((b: { name: string }) => b.name)).toEqual(['Mallory brand']);
    const orders = await (
      await t.request(`/v1/orders?brandId=${brandId}`, { headers: mallory.headers })
    ).json();
    expect(orders.data).toEqual([]);
    const library = await (
      await t.request(`/v1/library?orderId=${orderId}`, { headers: mallory.headers })
    ).json();
    expect(library.data).toEqual([]);
    // A cursor made from someone else's order gives nothing either.
    const cursor = Buffer.from(`v1:${orderId}`).toString('base64url');
    const paged = await (await t.request(`/v1/orders?cursor=${cursor}`, { headers: mallory.headers })).json();
    expect(paged.data).toEqual([]);
  });

  it('a token restricted to some brands sees only those', async () => {
    const other = String((await t.createBrand(alice.userId, { name: 'Second' })).id);
    // Alice again, with a token restricted to her second brand (what POST /v1/tokens mints).
    const { token } = await signUserToken(TEST_JWT_SECRET, { userId: alice.userId, brandIds: [other] });
    const headers = { authorization: `Bearer ${token}` };
    expect((await t.request(`/v1/orders/${orderId}`, { headers })).status).toBe(404);
    expect((await t.request(`/v1/jobs/${jobId}`, { headers })).status).toBe(404);
    expect((await t.request(`/v1/quotas/${brandId}`, { headers })).status).toBe(404);
    expect((await t.request(`/v1/quotas/${other}`, { headers })).status).toBe(200);
    const brands = await (await t.request('/v1/brands', { headers })).json();
    expect(brands.data.map((b: { id: string }) => b.id)).toEqual([other]);
    const gen = await t.request('/v1/generate', { headers, json: { format: 'image', topic: 'x', brandId } });
    expect(gen.status).toBe(404);
    const ok = await t.request('/v1/generate', {
      headers,
      json: { format: 'image', topic: 'x', brandId: other },
    });
    expect(ok.status).toBe(202);
    expect((await t.request('/v1/brands', { headers, json: { name: 'New' } })).status).toBe(403);
  });

  it('unknown and malformed ids are 404', async () => {
    for (const path of ['/v1/orders/not-a-uuid', '/v1/jobs/123', '/v1/quotas/xyz', `/v1/orders/${jobId}`]) {
      const res = await t.request(path, { headers: alice.headers });
      expect(res.status, path).toBe(404);
      expect((await res.json()).error.code).toBe('NOT_FOUND');
    }
  });
});
