import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';

describe('app plumbing (PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('postgres', { allowedOrigins: ['https://host.test'] });
  });
  afterAll(() => t.drop());

  it('reports health without auth', async () => {
    const res = await t.request('/v1/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, version: expect.any(String), database: 'postgres' });
  });

  it('publishes /openapi.json built from the validation schemas', async () => {
    const doc = await (await t.request('/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.schemas.GenerateRequest.properties.ratio.enum).toEqual([
      '1:1',
      '4:5',
      '3:4',
      '2:3',
      '9:16',
      '16:9',
    ]);
    expect(doc.paths['/v1/generate'].post.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/GenerateRequest',
    });
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/orders',
        '/v1/orders/{id}/cancel',
        '/v1/library',
        '/v1/brands',
        '/v1/tokens',
      ]),
    );
  });

  it('answers unknown routes with a NOT_FOUND error body', async () => {
    for (const [method, path] of [
      ['GET', '/v1/nope'],
      ['DELETE', '/v1/orders'],
      ['GET', '/'],
    ] as const) {
      const res = await t.app.request(path, { method });
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
    }
  });

  it('mounts provider webhooks with a larger body limit than the API', async () => {
    const big = JSON.stringify({ id: 'p1', status: 'succeeded', logs: 'x'.repeat(100_000) });
    const res = await t.app.request('/v1/webhooks/replicate', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: big,
    });
    // Not configured in tests (no REPLICATE_WEBHOOK_SECRET): the route answers, the body limit did not.
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('NOT_FOUND');
  });

  it('takes or makes a request id and returns it', async () => {
    const given = await t.request('/v1/health', { headers: { 'x-request-id': 'abc-123' } });
    expect(given.headers.get('x-request-id')).toBe('abc-123');
    const made = await t.request('/v1/health', { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    // Refusals carry it too: they are built by the error handler, not by a route.
    const refused = await t.request('/v1/orders', { headers: { 'x-request-id': 'refused-1' } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('x-request-id')).toBe('refused-1');
    const unknown = await t.request('/v1/nowhere', { headers: { 'x-request-id': 'lost-1' } });
    expect(unknown.headers.get('x-request-id')).toBe('lost-1');
  });

  it('allows only the configured origins', async () => {
    const preflight = await t.app.request('/v1/generate', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://host.test',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type,idempotency-key',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://host.test');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('idempotency-key');
    const evil = await t.request('/v1/health', { headers: { origin: 'https://evil.test' } });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    // A page of the host reads answers and refusals alike, and the headers it needs.
    for (const path of ['/v1/health', '/v1/orders']) {
      const res = await t.request(path, { headers: { origin: 'https://host.test' } });
      expect(res.headers.get('access-control-allow-origin')).toBe('https://host.test');
      expect(res.headers.get('access-control-expose-headers')).toContain('Retry-After');
      expect(res.headers.get('vary')).toContain('Origin');
    }
  });

  it('answers 401 with the error body for missing or malformed credentials', async () => {
    for (const headers of [{}, { authorization: 'Bearer' }, { authorization: 'Token x' }] as Record<
      string,
      string
    >[]) {
      const res = await t.request('/v1/orders', { headers });
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe('UNAUTHORIZED');
    }
  });
});
