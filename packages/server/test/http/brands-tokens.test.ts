import { randomUUID } from 'node:crypto';
import { decodeJwt, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_JWT_SECRET, type TestApp, type TestUser } from '../helpers/app.js';
import { TEST_DB_KINDS } from '../helpers/db.js';

describe.each(TEST_DB_KINDS)('brands, API keys and tokens on %s', (kind) => {
  let t: TestApp;
  let alice: TestUser;
  beforeAll(async () => {
    t = await createTestApp(kind, { defaultPlan: 'pro' });
    alice = await t.createUser();
  });
  afterAll(() => t.drop());

  it('creates a brand owned by the caller with the configured default plan, refusing a user-chosen plan', async () => {
    const json = {
      name: 'Acme',
      palette: ['#0B3D91'],
      fonts: ['Inter'],
      logoUrl: 'https://acme.test/logo.png',
    };
    const chosen = await t.request('/v1/brands', {
      headers: alice.headers,
      json: { ...json, plan: 'studio' },
    });
    expect(chosen.status).toBe(403);
    expect((await chosen.json()).error.code).toBe('FORBIDDEN');
    const res = await t.request('/v1/brands', { headers: alice.headers, json });
    expect(res.status).toBe(201);
    const brand = await res.json();
    expect(brand).toMatchObject({
      userId: alice.userId,
      name: 'Acme',
      plan: 'pro',
      palette: ['#0B3D91'],
      fonts: ['Inter'],
      logoUrl: 'https://acme.test/logo.png',
      voice: null,
      niche: null,
    });
    const list = await (await t.request('/v1/brands', { headers: alice.headers })).json();
    expect(list.data.map((b: { id: string }) => b.id)).toContain(brand.id);
    for (const bad of [
      {},
      { name: '' },
      { name: ' ' },
      { name: 'x'.repeat(121) },
      { name: 'x', palette: ['red'] },
      { name: 'x', logoUrl: 'nope' },
      { name: 1 },
    ]) {
      const r = await t.request('/v1/brands', { headers: alice.headers, json: bad });
      expect(r.status, JSON.stringify(bad)).toBe(400);
    }
  });

  it('lets a backend with an API key create a brand for a user, with a plan', async () => {
    const key = await t.createApiKey();
    const userId = randomUUID();
    const res = await t.request('/v1/brands', {
      headers: { ...key.headers, 'x-alfie-user-id': userId },
      json: { name: 'Client brand', plan: 'studio' },
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ userId, plan: 'studio' });
    // Without naming a user, a brand has no owner: refused.
    expect((await t.request('/v1/brands', { headers: key.headers, json: { name: 'x' } })).status).toBe(401);
    const badUser = await t.request('/v1/brands', {
      headers: { ...key.headers, 'x-alfie-user-id': 'nope' },
      json: { name: 'x' },
    });
    expect(badUser.status).toBe(400);
  });

  it('patches a brand; only a secret API key changes its plan', async () => {
    const brand = await t.createBrand(alice.userId);
    const patch = (json: unknown, headers = alice.headers) =>
      t.request(`/v1/brands/${brand.id}`, { method: 'PATCH', headers, json });
    const renamed = await patch({ name: 'Renamed', voice: 'bold', logoUrl: null });
    expect(renamed.status).toBe(200);
    expect(await renamed.json()).toMatchObject({
      name: 'Renamed',
      voice: 'bold',
      logoUrl: null,
      plan: 'starter',
    });

    const refused = await patch({ plan: 'studio' });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe('FORBIDDEN');
    expect((await patch({})).status).toBe(400);

    const key = await t.createApiKey();
    const upgraded = await patch({ plan: 'studio' }, key.headers);
    expect(upgraded.status).toBe(200);
    expect(await upgraded.json()).toMatchObject({ plan: 'studio', name: 'Renamed' });
    const quota = await (await t.request(`/v1/quotas/${brand.id}`, { headers: alice.headers })).json();
    expect(quota.limits).toEqual({ images: 1000, videos: 100, woofs: 100 });
    expect(quota.plan).toBe('studio');
    const missing = await t.request(`/v1/brands/${randomUUID()}`, {
      method: 'PATCH',
      headers: key.headers,
      json: { plan: 'pro' },
    });
    expect(missing.status).toBe(404);
  });

  it('reads a quota: limits, used, reserved, remaining, period and reset', async () => {
    const brand = await t.createBrand(alice.userId);
    const now = new Date();
    const period = now.getUTCFullYear() * 100 + now.getUTCMonth() + 1;
    await t.db.query(
      `insert into counters_monthly (brand_id, period_yyyymm, images_used, images_reserved, reels_used, woofs_reserved)
       values ($1, $2, 20, 5, 3, 4)`,
      [brand.id, period],
    );
    const quota = await (await t.request(`/v1/quotas/${brand.id}`, { headers: alice.headers })).json();
    expect(quota).toEqual({
      brandId: brand.id,
      plan: 'starter',
      period,
      resetsAt: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString(),
      limits: { images: 150, videos: 15, woofs: 15 },
      used: { images: 20, videos: 3, woofs: 0 },
      reserved: { images: 5, videos: 0, woofs: 4 },
      remaining: { images: 125, videos: 12, woofs: 11 },
      bypass: false,
    });
  });

  it('mints short-lived user tokens with an API key only, optionally restricted to brands', async () => {
    const key = await t.createApiKey();
    const userId = randomUUID();
    const brandId = randomUUID();
    const res = await t.request('/v1/tokens', {
      headers: key.headers,
      json: { userId, email: 'widget@host.test', brandIds: [brandId], expiresIn: 600 },
    });
    expect(res.status).toBe(201);
    const { token, expiresAt } = await res.json();
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({
      sub: userId,
      email: 'widget@host.test',
      role: 'authenticated',
      brandIds: [brandId],
    });
    expect(Math.abs(new Date(expiresAt).getTime() - Date.now() - 600_000)).toBeLessThan(5_000);
    const brands = await (
      await t.request('/v1/brands', { headers: { authorization: `Bearer ${token}` } })
    ).json();
    expect(brands.data).toEqual([]);

    expect((await t.request('/v1/tokens', { headers: alice.headers, json: { userId } })).status).toBe(403);
    expect((await t.request('/v1/tokens', { json: { userId } })).status).toBe(401);
    expect((await t.request('/v1/tokens', { headers: key.headers, json: { userId: 'x' } })).status).toBe(400);
    expect(
      (await t.request('/v1/tokens', { headers: key.headers, json: { userId, expiresIn: 10 } })).status,
    ).toBe(400);
    const bogus = await t.request('/v1/tokens', {
      headers: { authorization: 'Bearer sk_not_a_key' },
      json: { userId },
    });
    expect(bogus.status).toBe(401);
  });

  it('stores API keys only as hashes and refuses revoked ones', async () => {
    const key = await t.createApiKey();
    const { rows } = await t.db.query<{ key_hash: string; prefix: string }>(
      'select key_hash, prefix from api_keys',
    );
    expect(JSON.stringify(rows)).not.toContain(key.key);
    expect(rows.some((r) => r.key_hash.length === 64 && key.key.startsWith(r.prefix))).toBe(true);
    await t.db.query('update api_keys set revoked_at = now()');
    const res = await t.request('/v1/tokens', { headers: key.headers, json: { userId: randomUUID() } });
    expect(res.status).toBe(401);
  });

  it('accepts Supabase session tokens and refuses expired, foreign-signed and sub-less ones', async () => {
    const sign = (claims: Record<string, unknown>, secret = TEST_JWT_SECRET, exp = '1h') =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuedAt()
        .setExpirationTime(exp)
        .sign(new TextEncoder().encode(secret));
    const supabase = await sign({
      sub: alice.userId,
      email: alice.email,
      role: 'authenticated',
      aud: 'authenticated',
      iss: 'https://abc.supabase.co/auth/v1',
      session_id: randomUUID(),
    });
    expect((await t.request('/v1/brands', { headers: { authorization: `Bearer ${supabase}` } })).status).toBe(
      200,
    );
    for (const token of [
      await sign({ sub: alice.userId }, TEST_JWT_SECRET, '-1m'),
      await sign({ sub: alice.userId }, 'another-secret-another-secret-another-secret'),
      await sign({ role: 'anon' }),
      await sign({ sub: 'not-a-uuid' }),
    ]) {
      const res = await t.request('/v1/brands', { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe('UNAUTHORIZED');
    }
  });
});
