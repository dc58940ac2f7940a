import { randomBytes, randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyApiKey } from '../../src/auth/api-keys.js';
import type { Queryable, QueryOptions } from '../../src/db/types.js';
import { loadLimits } from '../../src/limits-config.js';
import { PostgresRateLimitStore } from '../../src/rate-limit/postgres-store.js';
import { PRUNE_RATE_LIMITS } from '../../src/sql/rate-limits/prune-rate-limits.js';
import { signedWebhook } from '../engines/replicate-webhook.js';
import { createTestApp, TEST_JWT_SECRET, type TestApp } from '../helpers/app.js';
import { TEST_DB_KINDS } from '../helpers/db.js';

const DAY_WINDOW = { RATE_LIMIT_WINDOW_SECONDS: '86400' };
const apps: TestApp[] = [];
async function appWith(kind: (typeof TEST_DB_KINDS)[number], env: Record<string, string>, more = {}) {
  // A day-long window: a burst never straddles two windows, whatever the time the test runs.
  const t = await createTestApp(kind, { limits: loadLimits({ ...DAY_WINDOW, ...env }), ...more });
  apps.push(t);
  return t;
}
afterEach(async () => {
  await Promise.all(apps.splice(0).map((t) => t.drop()));
});

const statuses = (responses: Response[]) => responses.map((r) => r.status).sort();

describe.each(TEST_DB_KINDS)('abuse limits on %s', (kind) => {
  it('a burst of brand creations with a user token stops at MAX_BRANDS_PER_USER', async () => {
    const t = await appWith(kind, { MAX_BRANDS_PER_USER: '3' });
    const alice = await t.createUser();
    const burst = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.request('/v1/brands', { headers: alice.headers, json: { name: `Brand ${i}` } }),
      ),
    );
    expect(statuses(burst)).toEqual([...Array(3).fill(201), ...Array(17).fill(403)]);
    const refused = burst.find((r) => r.status === 403)!;
    expect((await refused.json()).error).toMatchObject({ code: 'FORBIDDEN', details: { max: 3 } });
    const { rows } = await t.db.query<{ n: number }>(
      'select count(*)::int as n from brands where user_id = $1',
      [alice.userId],
    );
    expect(rows[0]!.n).toBe(3);
    // The host app's backend, with its secret key, creates brands (and plans) for its customers.
    const key = await t.createApiKey();
    const billed = await t.request('/v1/brands', {
      headers: { ...key.headers, 'x-alfie-user-id': alice.userId },
      json: { name: 'Paid brand', plan: 'studio' },
    });
    expect(billed.status).toBe(201);
    expect(await billed.json()).toMatchObject({ plan: 'studio' });
  });

  it('answers bursts with 429 RATE_LIMITED and Retry-After, per user, per key and per IP', async () => {
    const t = await appWith(kind, { RATE_LIMIT_USER: '5', RATE_LIMIT_API_KEY: '4', RATE_LIMIT_IP: '3' });
    const [alice, bob] = [await t.createUser(), await t.createUser()];
    const burst: Response[] = [];
    for (let i = 0; i < 8; i++) burst.push(await t.request('/v1/brands', { headers: alice.headers }));
    expect(burst.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    const limited = burst[5]!;
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(86400);
    expect((await limited.json()).error.code).toBe('RATE_LIMITED');
    // Bob has his own count.
    expect((await t.request('/v1/brands', { headers: bob.headers })).status).toBe(200);

    const key = await t.createApiKey();
    const asUsers: number[] = [];
    for (let i = 0; i < 6; i++) {
      const headers = { ...key.headers, 'x-alfie-user-id': randomUUID() };
      asUsers.push((await t.request('/v1/brands', { headers })).status);
    }
    // Naming other users does not multiply a key's limit.
    expect(asUsers).toEqual([200, 200, 200, 200, 429, 429]);

    const anonymous: number[] = [];
    for (let i = 0; i < 5; i++) anonymous.push((await t.request('/openapi.json')).status);
    expect(anonymous).toEqual([200, 200, 200, 429, 429]);
    // Health probes are never limited.
    expect((await t.request('/v1/health')).status).toBe(200);
  });

  it('limits failed authentication per IP, and then stops looking keys up', async () => {
    const t = await appWith(kind, { RATE_LIMIT_AUTH_FAILURES: '3' });
    const wrong: number[] = [];
    for (let i = 0; i < 5; i++) {
      const headers = { authorization: `Bearer sk_${randomBytes(32).toString('base64url')}` };
      wrong.push((await t.request('/v1/brands', { headers })).status);
    }
    expect(wrong).toEqual([401, 401, 401, 429, 429]);
    const badToken = await t.request('/v1/brands', { headers: { authorization: 'Bearer not.a.jwt' } });
    expect(badToken.status).toBe(429);
    expect(badToken.headers.get('retry-after')).toMatch(/^\d+$/);
    // A valid user token is not a failure and is still served.
    const alice = await t.createUser();
    expect((await t.request('/v1/brands', { headers: alice.headers })).status).toBe(200);
  });

  it('has tighter limits on POST /v1/tokens and on the admin login', async () => {
    const t = await appWith(kind, { RATE_LIMIT_TOKENS: '2', RATE_LIMIT_ADMIN_LOGIN: '2' });
    const key = await t.createApiKey();
    const mints: number[] = [];
    for (let i = 0; i < 3; i++) {
      mints.push(
        (await t.request('/v1/tokens', { headers: key.headers, json: { userId: randomUUID() } })).status,
      );
    }
    expect(mints).toEqual([201, 201, 429]);
    const logins: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await t.request('/admin/api/session', {
        headers: { 'x-alfie-admin': '1' },
        json: { credential: `guess-${i}` },
      });
      logins.push(res.status);
    }
    expect(logins).toEqual([404, 404, 429]);
  });

  it('never answers 429 with RATE_LIMITS=off, nor for a limit set to 0', async () => {
    const settings: Record<string, string>[] = [
      { RATE_LIMITS: 'off', RATE_LIMIT_USER: '1' },
      { RATE_LIMIT_USER: '0' },
    ];
    for (const env of settings) {
      const t = await appWith(kind, env);
      const alice = await t.createUser();
      const answers: number[] = [];
      for (let i = 0; i < 12; i++)
        answers.push((await t.request('/v1/brands', { headers: alice.headers })).status);
      expect(answers).toEqual(Array(12).fill(200));
    }
  });

  it('refuses NUL and unpaired surrogates with 400 naming the field, and changes nothing', async () => {
    const secret = `whsec_${randomBytes(24).toString('base64')}`;
    const t = await appWith(kind, {}, { replicateWebhookSecret: secret });
    const alice = await t.createUser();
    const brand = await t.createBrand(alice.userId, { name: 'Before' });
    const expectRefused = async (res: Response, path: string) => {
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(body.error.details.issues.map((i: { path: string }) => i.path)).toContain(path);
    };
    const order = { format: 'image', brandId: brand.id };
    await expectRefused(
      await t.request('/v1/generate', { headers: alice.headers, json: { ...order, topic: 'a\u0000b' } }),
      '/topic',
    );
    await expectRefused(
      await t.request('/v1/generate', {
        headers: alice.headers,
        json: { ...order, topic: 'lone \uD83D here' },
      }),
      '/topic',
    );
    for (const name of ['x\u0000', '\uDC00x']) {
      await expectRefused(
        await t.request(`/v1/brands/${brand.id}`, {
          method: 'PATCH',
          headers: alice.headers,
          json: { name },
        }),
        '/name',
      );
    }
    await expectRefused(await t.request('/v1/orders?cursor=%00', { headers: alice.headers }), '/cursor');
    await expectRefused(
      await t.request('/v1/brands', { headers: alice.headers, json: { name: 'ok', fonts: ['a\u0000'] } }),
      '/fonts/0',
    );
    // A well-formed pair (an emoji) is fine.
    const emoji = await t.request(`/v1/brands/${brand.id}`, {
      method: 'PATCH',
      headers: alice.headers,
      json: { voice: 'fun 🎉' },
    });
    expect(emoji.status).toBe(200);

    const webhook = await t.request(
      '/v1/webhooks/replicate',
      signedWebhook({ id: 'pred-1', status: 'succeeded', output: 'a\u0000b' }, { secret }),
    );
    await expectRefused(webhook, '/output');

    const { rows } = await t.db.query<{ name: string; orders: number }>(
      'select name, (select count(*)::int from orders) as orders from brands where id = $1',
      [brand.id],
    );
    expect(rows[0]).toEqual({ name: 'Before', orders: 0 });
  });

  it('refuses the lax tokens over HTTP', async () => {
    const t = await appWith(kind, {});
    const { SignJWT } = await import('jose');
    const now = Math.floor(Date.now() / 1000);
    const sign = (claims: Record<string, unknown>) =>
      new SignJWT({ sub: randomUUID(), ...claims })
        .setProtectedHeader({ alg: 'HS256' })
        .sign(new TextEncoder().encode(TEST_JWT_SECRET));
    const lax = [
      await sign({ aud: 'authenticated', iat: now }),
      await sign({ aud: 'anything', iat: now, exp: now + 3600 }),
      await sign({ aud: 'authenticated', iat: now + 86400, exp: now + 90000 }),
      await sign({ aud: 'authenticated', iat: now, exp: now + 10 * 365 * 86400 }),
    ];
    for (const token of lax) {
      const res = await t.request('/v1/brands', { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(401);
    }
    const good = await sign({ aud: 'authenticated', iat: now, exp: now + 3600 });
    expect((await t.request('/v1/brands', { headers: { authorization: `Bearer ${good}` } })).status).toBe(
      200,
    );
  });

  it('lets ADMIN_EMAILS users into the dashboard, and no one else', async () => {
    const t = await appWith(kind, {}, { adminEmails: ['boss@example.com'] });
    const boss = await t.createUser({ email: 'Boss@Example.com' });
    const other = await t.createUser();
    expect((await t.request('/admin/api/me', { headers: boss.headers })).status).toBe(200);
    expect((await t.request('/admin/api/me', { headers: other.headers })).status).toBe(404);
    const login = await t.request('/admin/api/session', {
      headers: { 'x-alfie-admin': '1' },
      json: { credential: boss.token },
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    expect((await t.request('/admin/api/me', { headers: { cookie } })).status).toBe(200);
  });

  it('counts concurrent hits of one key exactly, and prunes callers not seen for a day', async () => {
    const t = await appWith(kind, {});
    const store = new PostgresRateLimitStore(t.db, 'test', 3600);
    const totals = await Promise.all(Array.from({ length: 50 }, () => store.increment('k')));
    expect(totals.map((x) => x.totalHits).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
    expect((await store.get('k'))?.totalHits).toBe(50);
    await t.db.query(
      `insert into rate_limits (key, window_start, hits) values ('test:old', now() - interval '2 days', 3)`,
    );
    await t.db.query(PRUNE_RATE_LIMITS, [3600]);
    const { rows } = await t.db.query<{ key: string }>('select key from rate_limits order by key');
    expect(rows.map((r) => r.key)).toEqual(['test:k']);
  });

  it('admits from leases without a statement per request, and processes never exceed the limit together', async () => {
    const t = await appWith(kind, {});
    let statements = 0;
    const counted: Queryable = {
      query<Row>(sql: string, params?: readonly unknown[], options?: QueryOptions) {
        statements++;
        return t.db.query<Row>(sql, params, options);
      },
      exec: (sql) => t.db.exec(sql),
    };
    const limitOf = () => 600;
    const alone = new PostgresRateLimitStore(counted, 'lease', 3600, { limitOf });
    const totals: number[] = [];
    for (let i = 0; i < 300; i++) totals.push((await alone.increment('solo')).totalHits);
    expect(totals).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    // 64 requests a statement while far from the limit (MAX_LEASE), fewer as it nears.
    expect(statements).toBeLessThanOrEqual(6);

    // Three "processes" (stores) sharing one caller, hits interleaved and concurrent: every hit
    // gets a distinct total, and exactly the limit is admitted, since each keeps asking.
    const limit = 50;
    const processes = [0, 1, 2].map(
      () => new PostgresRateLimitStore(t.db, 'shared', 3600, { limitOf: () => limit }),
    );
    const hits = await Promise.all(
      Array.from({ length: 150 }, (_, i) => processes[i % 3]!.increment('caller')),
    );
    const more = await Promise.all(
      Array.from({ length: 30 }, (_, i) => processes[i % 3]!.increment('caller')),
    );
    const all = [...hits, ...more].map((h) => h.totalHits);
    expect(new Set(all).size).toBe(all.length);
    expect(all.filter((total) => total <= limit)).toHaveLength(limit);
  });

  it('writes an API key’s last_used_at at most once a minute', async () => {
    const t = await appWith(kind, {});
    const { key } = await t.createApiKey();
    const lastUsed = async () =>
      (await t.db.query<{ at: Date | null }>('select last_used_at as at from api_keys')).rows[0]!.at;
    expect(await lastUsed()).toBeNull();
    expect(await verifyApiKey(t.db, key)).not.toBeNull();
    await t.db.query(`update api_keys set last_used_at = now() - interval '30 seconds'`);
    const recent = await lastUsed();
    expect(await verifyApiKey(t.db, key)).not.toBeNull();
    expect(await lastUsed()).toEqual(recent);
    await t.db.query(`update api_keys set last_used_at = now() - interval '2 minutes'`);
    const stale = await lastUsed();
    expect(await verifyApiKey(t.db, key)).not.toBeNull();
    expect((await lastUsed())!.getTime()).toBeGreaterThan(stale!.getTime());
  });
});
