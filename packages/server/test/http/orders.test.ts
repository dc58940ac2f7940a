import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../helpers/app.js';
import { TEST_DB_KINDS } from '../helpers/db.js';

describe.each(TEST_DB_KINDS)('orders, jobs, library and cancel on %s', (kind) => {
  let t: TestApp;
  let alice: TestUser;
  let brandId: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    alice = await t.createUser();
    brandId = String((await t.createBrand(alice.userId)).id);
  });
  afterAll(() => t.drop());

  async function order(json: Record<string, unknown>, user = alice, brand = brandId) {
    const res = await t.request('/v1/generate', { headers: user.headers, json: { brandId: brand, ...json } });
    expect(res.status).toBe(202);
    return (await res.json()) as { orderId: string; jobId: string };
  }

  /** Delivers slides the way the worker does: library_assets rows, items completed. */
  async function deliver(orderId: string, indexes: number[]) {
    for (const index of [...indexes].reverse()) {
      const { rows } = await t.db.query<{ id: string }>(
        `update order_items set status = 'completed' where order_id = $1 and sequence_number = $2 returning id`,
        [orderId, index],
      );
      await t.db.query(
        `insert into library_assets (user_id, brand_id, order_id, order_item_id, type, cloudinary_url, cloudinary_public_id, slide_index, text_json, width, height, mime_type)
         values ($1, $2, $3, $4, 'carousel_slide', $5, $6, $7, $8, 1080, 1350, 'image/png')`,
        [
          alice.userId,
          brandId,
          orderId,
          rows[0]!.id,
          `https://cdn.test/${index}.png`,
          `p/${index}`,
          index,
          { title: `Slide ${index}` },
        ],
      );
    }
  }

  it('returns the order detail with items, assets sorted by slide, counts and job summary', async () => {
    const { orderId, jobId } = await order({ format: 'carousel', count: 4, topic: 'detail' });
    await deliver(orderId, [2, 0, 3]);
    const res = await t.request(`/v1/orders/${orderId}`, { headers: alice.headers });
    expect(res.status).toBe(200);
    const detail = await res.json();
    expect(detail).toMatchObject({
      id: orderId,
      userId: alice.userId,
      brandId,
      type: 'carousel',
      status: 'pending',
      topic: 'detail',
      ratio: '4:5',
      count: 4,
      duration: null,
      expectedTotal: 4,
      completedCount: 3,
      job: { id: jobId, status: 'queued', attempts: 0, maxAttempts: 3, lastError: null },
    });
    expect(
      detail.items.map((i: { sequenceNumber: number; status: string }) => [i.sequenceNumber, i.status]),
    ).toEqual([
      [0, 'completed'],
      [1, 'pending'],
      [2, 'completed'],
      [3, 'completed'],
    ]);
    expect(detail.assets.map((a: { slideIndex: number }) => a.slideIndex)).toEqual([0, 2, 3]);
    expect(detail.assets[0]).toMatchObject({
      type: 'carousel_slide',
      url: 'https://cdn.test/0.png',
      publicId: 'p/0',
      width: 1080,
      mimeType: 'image/png',
      text: { title: 'Slide 0' },
      orderId,
      brandId,
    });
  });

  it('maps a delivered video from media_generations', async () => {
    const { orderId } = await order({ format: 'video', topic: 'vid', duration: 15 });
    const item = (
      await t.db.query<{ id: string }>('select id from order_items where order_id = $1', [orderId])
    ).rows[0]!;
    await t.db.query(
      `insert into media_generations (user_id, brand_id, order_id, order_item_id, type, output_url, thumbnail_url, woofs, duration_seconds, mime_type)
       values ($1, $2, $3, $4, 'video', 'https://cdn.test/v.webm', 'https://cdn.test/v.jpg', 2, 15, 'video/webm')`,
      [alice.userId, brandId, orderId, item.id],
    );
    const detail = await (await t.request(`/v1/orders/${orderId}`, { headers: alice.headers })).json();
    expect(detail.assets).toEqual([
      expect.objectContaining({
        type: 'video',
        url: 'https://cdn.test/v.webm',
        thumbnailUrl: 'https://cdn.test/v.jpg',
        durationSeconds: 15,
        slideIndex: 0,
        orderItemId: item.id,
        text: null,
      }),
    ]);
    expect(detail.completedCount).toBe(1);
  });

  it('lists orders newest first with an opaque cursor and filters', async () => {
    const user = await t.createUser();
    const brand = await t.createBrand(user.userId);
    const other = await t.createBrand(user.userId, { name: 'Other' });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push((await order({ format: 'image', topic: `o${i}` }, user, String(brand.id))).orderId);
    const onOther = (await order({ format: 'image', topic: 'other' }, user, String(other.id))).orderId;

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const res = await t.request(`/v1/orders?limit=2&brandId=${brand.id}${query}`, {
        headers: user.headers,
      });
      expect(res.status).toBe(200);
      const page = await res.json();
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((o: { id: string }) => o.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());

    const all = await (await t.request('/v1/orders', { headers: user.headers })).json();
    expect(all.data.map((o: { id: string }) => o.id)).toEqual([onOther, ...[...ids].reverse()]);
    expect(all.nextCursor).toBeNull();
    const pending = await (await t.request('/v1/orders?status=completed', { headers: user.headers })).json();
    expect(pending.data).toEqual([]);
    for (const bad of [
      'limit=0',
      'limit=101',
      'limit=abc',
      'status=done',
      'brandId=x',
      'cursor=zzz',
      'foo=1',
    ]) {
      const res = await t.request(`/v1/orders?${bad}`, { headers: user.headers });
      expect(res.status, bad).toBe(400);
      expect((await res.json()).error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('cancels a pending order: items and job canceled, quota released, status and end events', async () => {
    const { orderId, jobId } = await order({ format: 'carousel', count: 3, topic: 'cancel me' });
    await deliver(orderId, [0]);
    const reservedBefore = (
      await t.db.query<{ images_reserved: number }>(
        'select images_reserved from counters_monthly where brand_id = $1',
        [brandId],
      )
    ).rows[0]!.images_reserved;

    const res = await t.request(`/v1/orders/${orderId}/cancel`, { method: 'POST', headers: alice.headers });
    expect(res.status).toBe(200);
    const detail = await res.json();
    expect(detail.status).toBe('canceled');
    expect(detail.items.map((i: { status: string }) => i.status)).toEqual([
      'completed',
      'canceled',
      'canceled',
    ]);
    expect(detail.job).toMatchObject({ id: jobId, status: 'canceled' });

    const job = await (await t.request(`/v1/jobs/${jobId}`, { headers: alice.headers })).json();
    expect(job).toMatchObject({ id: jobId, orderId, type: 'render_carousels', status: 'canceled' });
    const after = (
      await t.db.query<{ images_reserved: number }>(
        'select images_reserved from counters_monthly where brand_id = $1',
        [brandId],
      )
    ).rows[0]!.images_reserved;
    // The whole reservation of 3 is gone from `reserved` (settlement decides what becomes `used`).
    expect(after).toBe(reservedBefore - 3);
    const events = await t.db.query<{ type: string; data: { status?: string } }>(
      'select type, data from order_events where order_id = $1 order by id',
      [orderId],
    );
    expect(events.rows.map((e) => [e.type, e.data.status])).toEqual([
      ['status', 'canceled'],
      ['end', 'canceled'],
    ]);

    const again = await t.request(`/v1/orders/${orderId}/cancel`, { method: 'POST', headers: alice.headers });
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe('CONFLICT');
  });

  it('groups the library by order with slides sorted, filters and paginates', async () => {
    const user = await t.createUser();
    const brand = String((await t.createBrand(user.userId)).id);
    const prev = alice;
    alice = user;
    const savedBrand = brandId;
    brandId = brand;
    try {
      const carousel = (await order({ format: 'carousel', count: 3, topic: 'lib carousel' }, user, brand))
        .orderId;
      await deliver(carousel, [2, 0, 1]);
      const image = (await order({ format: 'image', topic: 'lib image' }, user, brand)).orderId;
      await deliver(image, [0]);
      await order({ format: 'image', topic: 'undelivered' }, user, brand);

      const page = await (await t.request('/v1/library', { headers: user.headers })).json();
      expect(page.data.map((e: { orderId: string }) => e.orderId)).toEqual([image, carousel]);
      const entry = page.data[1];
      expect(entry).toMatchObject({
        orderId: carousel,
        brandId: brand,
        format: 'carousel',
        topic: 'lib carousel',
      });
      expect(entry.assets.map((a: { slideIndex: number }) => a.slideIndex)).toEqual([0, 1, 2]);

      const first = await (await t.request('/v1/library?limit=1', { headers: user.headers })).json();
      expect(first.data.map((e: { orderId: string }) => e.orderId)).toEqual([image]);
      const second = await (
        await t.request(`/v1/library?limit=1&cursor=${first.nextCursor}`, { headers: user.headers })
      ).json();
      expect(second.data.map((e: { orderId: string }) => e.orderId)).toEqual([carousel]);
      expect(second.nextCursor).toBeNull();

      const carousels = await (
        await t.request('/v1/library?type=carousel', { headers: user.headers })
      ).json();
      expect(carousels.data).toHaveLength(1);
      const byOrder = await (
        await t.request(`/v1/library?orderId=${image}`, { headers: user.headers })
      ).json();
      expect(byOrder.data.map((e: { orderId: string }) => e.orderId)).toEqual([image]);
      const otherBrand = await (
        await t.request('/v1/library?brandId=00000000-0000-4000-8000-000000000000', { headers: user.headers })
      ).json();
      expect(otherBrand.data).toEqual([]);
      expect((await t.request('/v1/library?type=gif', { headers: user.headers })).status).toBe(400);
    } finally {
      alice = prev;
      brandId = savedBrand;
    }
  });
});
