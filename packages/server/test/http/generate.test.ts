import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../helpers/app.js';
import { writeCounts } from '../helpers/counts.js';
import { TEST_DB_KINDS } from '../helpers/db.js';

describe.each(TEST_DB_KINDS)('POST /v1/generate on %s', (kind) => {
  let t: TestApp;
  let alice: TestUser;
  let brandId: string;
  beforeAll(async () => {
    t = await createTestApp(kind, { adminEmails: ['boss@example.com'] });
    alice = await t.createUser();
    brandId = String((await t.createBrand(alice.userId)).id);
  });
  afterAll(() => t.drop());

  const generate = (json: unknown, headers: Record<string, string> = alice.headers) =>
    t.request('/v1/generate', { headers, json });

  async function reserved(id = brandId) {
    const { rows } = await t.db.query<{
      images_reserved: number;
      reels_reserved: number;
      woofs_reserved: number;
    }>('select images_reserved, reels_reserved, woofs_reserved from counters_monthly where brand_id = $1', [
      id,
    ]);
    return rows[0] ?? { images_reserved: 0, reels_reserved: 0, woofs_reserved: 0 };
  }

  it('creates a carousel: order, one item per slide, one job with the original schema payload, reserved quota', async () => {
    const before = await reserved();
    const res = await generate({
      format: 'carousel',
      count: 5,
      topic: 'Les tendances marketing 2025',
      brandId,
    });
    expect(res.status).toBe(202);
    const { orderId, jobId } = await res.json();
    const order = (await t.db.query('select * from orders where id = $1', [orderId])).rows[0]!;
    expect(order).toMatchObject({
      type: 'carousel',
      status: 'pending',
      count: 5,
      ratio: '4:5',
      reserved_images: 5,
    });
    const items = await t.db.query('select * from order_items where order_id = $1 order by sequence_number', [
      orderId,
    ]);
    expect(items.rows.map((i) => [i.sequence_number, i.type, i.status])).toEqual(
      [0, 1, 2, 3, 4].map((n) => [n, 'carousel_slide', 'pending']),
    );
    expect(items.rows[2]!.brief_json).toMatchObject({
      slideIndex: 2,
      slideCount: 5,
      topic: 'Les tendances marketing 2025',
    });
    const job = (await t.db.query('select * from job_queue where id = $1', [jobId])).rows[0]!;
    expect(job).toMatchObject({
      type: 'render_carousels',
      kind: 'carousel',
      status: 'queued',
      order_id: orderId,
    });
    expect(job.payload).toEqual({
      orderId,
      brandId,
      slideCount: 5,
      topic: 'Les tendances marketing 2025',
      ratio: '4:5',
      // No locale asked, none on the brand, no Accept-Language: English, written down.
      locale: 'en',
      // Correlates the worker's logs with the request that created the job.
      requestId: res.headers.get('x-request-id'),
    });
    expect((await reserved()).images_reserved).toBe(before.images_reserved + 5);
  });

  it('applies defaults: image count 1 and 1:1; video 9:16, 8 s, 1 reel and its Woofs', async () => {
    const imageRes = await generate({ format: 'image', topic: 'un chat sur une plage', brandId });
    const image = await imageRes.json();
    const imageOrder = (await t.db.query('select * from orders where id = $1', [image.orderId])).rows[0]!;
    expect(imageOrder).toMatchObject({ count: 1, ratio: '1:1', duration_seconds: null });
    const imageJob = (await t.db.query('select payload from job_queue where id = $1', [image.jobId]))
      .rows[0]!;
    expect(imageJob.payload).toEqual({
      orderId: image.orderId,
      brandId,
      items: [{ prompt: 'un chat sur une plage', ratio: '1:1' }],
      locale: 'en',
      requestId: imageRes.headers.get('x-request-id'),
    });

    const before = await reserved();
    const video = await generate({ format: 'video', topic: 'une vague qui déferle', brandId, duration: 15 });
    expect(video.status).toBe(202);
    const { orderId, jobId } = await video.json();
    const order = (await t.db.query('select * from orders where id = $1', [orderId])).rows[0]!;
    expect(order).toMatchObject({
      ratio: '9:16',
      duration_seconds: 15,
      reserved_reels: 1,
      reserved_woofs: 2,
    });
    const job = (await t.db.query('select type, payload from job_queue where id = $1', [jobId])).rows[0]!;
    expect(job.type).toBe('generate_video');
    expect(job.payload).toEqual({
      orderId,
      brandId,
      prompt: 'une vague qui déferle',
      duration: 15,
      ratio: '9:16',
      locale: 'en',
      requestId: video.headers.get('x-request-id'),
    });
    const after = await reserved();
    expect([
      after.reels_reserved - before.reels_reserved,
      after.woofs_reserved - before.woofs_reserved,
    ]).toEqual([1, 2]);

    const short = await (await generate({ format: 'video', topic: 'x', brandId })).json();
    expect(
      (await t.db.query('select duration_seconds, reserved_woofs from orders where id = $1', [short.orderId]))
        .rows[0],
    ).toEqual({
      duration_seconds: 8,
      reserved_woofs: 1,
    });
  });

  it('keeps the locale in every item brief and the job payload, and in the idempotency hash', async () => {
    const headers = { ...alice.headers, 'idempotency-key': `locale-${kind}` };
    const res = await generate(
      { format: 'carousel', count: 3, topic: 'Rentrée', brandId, locale: 'fr' },
      headers,
    );
    expect(res.status).toBe(202);
    const { orderId, jobId } = await res.json();
    const briefs = await t.db.query<{ brief_json: { locale?: string } }>(
      'select brief_json from order_items where order_id = $1 order by sequence_number',
      [orderId],
    );
    expect(briefs.rows.map((row) => row.brief_json.locale)).toEqual(['fr', 'fr', 'fr']);
    const job = (await t.db.query('select payload from job_queue where id = $1', [jobId])).rows[0]!;
    expect(job.payload).toMatchObject({ orderId, slideCount: 3, locale: 'fr' });
    // The same key with another locale is another request.
    const english = await generate(
      { format: 'carousel', count: 3, topic: 'Rentrée', brandId, locale: 'en' },
      headers,
    );
    expect(english.status).toBe(409);
    // Without a locale, the order still carries one: here the browser's (Accept-Language).
    const plainRes = await t.request('/v1/generate', {
      headers: { ...alice.headers, 'accept-language': 'fr-CH, fr;q=0.9, en;q=0.8' },
      json: { format: 'image', topic: 'sans langue', brandId },
    });
    const plain = await plainRes.json();
    const plainBrief = await t.db.query<{ brief_json: Record<string, unknown> }>(
      'select brief_json from order_items where order_id = $1',
      [plain.orderId],
    );
    expect(plainBrief.rows[0]!.brief_json).toHaveProperty('locale', 'fr');
    const bad = await generate({ format: 'image', topic: 'x', brandId, locale: 'de' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('VALIDATION_FAILED');
  });

  it('replays an Idempotency-Key without charging again, and refuses the key with another body', async () => {
    const headers = { ...alice.headers, 'idempotency-key': `key-${kind}` };
    const body = { format: 'image', count: 2, topic: 'idempotent', brandId };
    const first = await generate(body, headers);
    expect(first.status).toBe(202);
    const created = await first.json();
    const counts = await writeCounts(t.db);
    const again = await generate(body, headers);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(created);
    expect(await writeCounts(t.db)).toEqual(counts);

    const other = await generate({ ...body, count: 3 }, headers);
    expect(other.status).toBe(409);
    expect((await other.json()).error.code).toBe('CONFLICT');
    expect(await writeCounts(t.db)).toEqual(counts);
    // Keys belong to a user: another user may use the same key.
    const bob = await t.createUser();
    const bobBrand = await t.createBrand(bob.userId);
    const bobs = await generate(
      { ...body, brandId: bobBrand.id },
      { ...bob.headers, 'idempotency-key': `key-${kind}` },
    );
    expect(bobs.status).toBe(202);
  });

  it('refuses with QUOTA_EXCEEDED, saying what remains and when it resets, and writes nothing', async () => {
    const user = await t.createUser();
    const brand = await t.createBrand(user.userId);
    await t.db.query(
      `insert into counters_monthly (brand_id, period_yyyymm, images_used, images_reserved, reels_used, woofs_used)
       values ($1, to_char(now() at time zone 'utc', 'YYYYMM')::int, 140, 7, 15, 3)`,
      [brand.id],
    );
    const counts = await writeCounts(t.db);
    const res = await generate(
      { format: 'carousel', count: 4, topic: 'too many', brandId: brand.id },
      user.headers,
    );
    expect(res.status).toBe(402);
    const { error } = await res.json();
    expect(error.code).toBe('QUOTA_EXCEEDED');
    const now = new Date();
    expect(error.details).toEqual({
      remaining: { images: 3, videos: 0, woofs: 12 },
      requested: { images: 4, videos: 0, woofs: 0 },
      resetsAt: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString(),
    });
    expect(await writeCounts(t.db)).toEqual(counts);
    const video = await generate(
      { format: 'video', topic: 'no reels left', brandId: brand.id },
      user.headers,
    );
    expect((await video.json()).error.code).toBe('QUOTA_EXCEEDED');
    // Exactly what remains is accepted.
    expect(
      (await generate({ format: 'carousel', count: 3, topic: 'fits', brandId: brand.id }, user.headers))
        .status,
    ).toBe(202);
  });

  it('lets admins bypass quotas (ADMIN_EMAILS, user_roles, profiles.granted_by_admin) without reserving', async () => {
    const byEmail = await t.createUser({ email: 'Boss@Example.com' });
    const byRole = await t.createUser();
    await t.db.query(`insert into user_roles (user_id, role) values ($1, 'admin')`, [byRole.userId]);
    const byGrant = await t.createUser();
    await t.db.query('update profiles set granted_by_admin = true where id = $1', [byGrant.userId]);
    for (const admin of [byEmail, byRole, byGrant]) {
      const brand = await t.createBrand(admin.userId);
      await t.db.query(
        `insert into counters_monthly (brand_id, period_yyyymm, images_used) values ($1, to_char(now() at time zone 'utc', 'YYYYMM')::int, 150)`,
        [brand.id],
      );
      const res = await generate(
        { format: 'carousel', count: 10, topic: 'admin', brandId: brand.id },
        admin.headers,
      );
      expect(res.status).toBe(202);
      const { orderId } = await res.json();
      const order = (
        await t.db.query('select quota_bypass, reserved_images from orders where id = $1', [orderId])
      ).rows[0];
      expect(order).toEqual({ quota_bypass: true, reserved_images: 0 });
      expect((await reserved(String(brand.id))).images_reserved).toBe(0);
      const quota = await (await t.request(`/v1/quotas/${brand.id}`, { headers: admin.headers })).json();
      expect(quota.bypass).toBe(true);
    }
  });

  const invalid: Array<[string, unknown]> = [
    ['a missing format', { topic: 'x', brandId: 'B' }],
    ['a missing topic', { format: 'image', brandId: 'B' }],
    ['a missing brandId', { format: 'image', topic: 'x' }],
    ['an unknown format', { format: 'gif', topic: 'x', brandId: 'B' }],
    ['a string count', { format: 'image', count: '3', topic: 'x', brandId: 'B' }],
    ['a fractional count', { format: 'image', count: 1.5, topic: 'x', brandId: 'B' }],
    ['11 images', { format: 'image', count: 11, topic: 'x', brandId: 'B' }],
    ['0 images', { format: 'image', count: 0, topic: 'x', brandId: 'B' }],
    ['a 1-slide carousel', { format: 'carousel', count: 1, topic: 'x', brandId: 'B' }],
    ['an 11-slide carousel', { format: 'carousel', count: 11, topic: 'x', brandId: 'B' }],
    ['a 3 s video', { format: 'video', duration: 3, topic: 'x', brandId: 'B' }],
    ['a 61 s video', { format: 'video', duration: 61, topic: 'x', brandId: 'B' }],
    ['a string duration', { format: 'video', duration: '15', topic: 'x', brandId: 'B' }],
    ['a duration on an image', { format: 'image', duration: 15, topic: 'x', brandId: 'B' }],
    ['2 videos', { format: 'video', count: 2, topic: 'x', brandId: 'B' }],
    ['an unknown ratio', { format: 'image', ratio: '5:4', topic: 'x', brandId: 'B' }],
    ['an empty topic', { format: 'image', topic: '', brandId: 'B' }],
    ['a blank topic', { format: 'image', topic: '   ', brandId: 'B' }],
    ['a 2001-character topic', { format: 'image', topic: 'a'.repeat(2001), brandId: 'B' }],
    ['a number topic', { format: 'image', topic: 42, brandId: 'B' }],
    ['a brandId that is no UUID', { format: 'image', topic: 'x', brandId: 'nope' }],
    ['an unknown field', { format: 'image', topic: 'x', brandId: 'B', extra: 1 }],
    ['an array body', [{ format: 'image' }]],
    ['a null body', null],
  ];

  it.each(invalid)('refuses %s with 400 VALIDATION_FAILED and writes nothing', async (_name, body) => {
    const json = JSON.parse(JSON.stringify(body).replaceAll('"B"', JSON.stringify(brandId)));
    const counts = await writeCounts(t.db);
    const res = await generate(json);
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toEqual(expect.any(String));
    expect(await writeCounts(t.db)).toEqual(counts);
  });

  it('names each problem once, with its field', async () => {
    const res = await generate({ format: 'carousel', count: 50 });
    const { error } = await res.json();
    expect(error.details.issues).toEqual([
      { path: '/count', message: 'must be <= 10' },
      { path: '/topic', message: "must have required property 'topic'" },
      { path: '/brandId', message: "must have required property 'brandId'" },
    ]);
  });

  it('accepts the edges: 2001 is refused but 2000 characters, 10 slides, 4 s and 60 s pass', async () => {
    for (const body of [
      { format: 'image', topic: 'a'.repeat(2000), brandId },
      { format: 'carousel', count: 10, topic: 'x', brandId, ratio: '16:9' },
      { format: 'video', duration: 4, topic: 'x', brandId },
      { format: 'video', duration: 60, topic: 'x', brandId, count: 1, ratio: '1:1' },
    ]) {
      const res = await generate(body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(202);
    }
  });

  it('answers 404 for an unknown brand or another user’s brand, and writes nothing', async () => {
    const bob = await t.createUser();
    const bobBrand = await t.createBrand(bob.userId);
    const counts = await writeCounts(t.db);
    for (const id of ['00000000-0000-4000-8000-000000000000', bobBrand.id]) {
      const res = await generate({ format: 'image', topic: 'x', brandId: id });
      expect(res.status).toBe(404);
      expect((await res.json()).error.code).toBe('NOT_FOUND');
    }
    expect(await writeCounts(t.db)).toEqual(counts);
  });

  it('refuses malformed JSON, a wrong content type, a huge body and a bad Idempotency-Key with 4xx codes', async () => {
    const counts = await writeCounts(t.db);
    const send = (body: string, headers: Record<string, string>) =>
      t.app.request('/v1/generate', { method: 'POST', body, headers: { ...alice.headers, ...headers } });
    const cases: Array<[Response, number]> = [
      [await send('{"format": "image",', { 'content-type': 'application/json' }), 400],
      [await send('format=image', { 'content-type': 'application/x-www-form-urlencoded' }), 415],
      [
        await send(JSON.stringify({ format: 'image', topic: 'x'.repeat(70_000), brandId }), {
          'content-type': 'application/json',
        }),
        413,
      ],
      [await send('{}', {}), 415],
      [
        await send(JSON.stringify({ format: 'image', topic: 'x', brandId }), {
          'content-type': 'application/json',
          'idempotency-key': 'x'.repeat(201),
        }),
        400,
      ],
    ];
    for (const [res, status] of cases) {
      expect(res.status).toBe(status);
      expect((await res.json()).error.code).toBe('VALIDATION_FAILED');
    }
    expect(await writeCounts(t.db)).toEqual(counts);
  });

  it('needs a user: 401 without a token, with a bad token, and for a bare API key', async () => {
    const body = { format: 'image', topic: 'x', brandId };
    const key = await t.createApiKey();
    for (const headers of [
      {},
      { authorization: 'Bearer nope' },
      { authorization: 'Basic abc' },
      key.headers,
    ]) {
      const res = await generate(body, headers);
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe('UNAUTHORIZED');
    }
    // An API key acting for the user works.
    const res = await generate(body, { ...key.headers, 'x-alfie-user-id': alice.userId });
    expect(res.status).toBe(202);
  });
});
