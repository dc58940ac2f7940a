/**
 * Property-based fuzzing of every route, with inputs derived from the contract's validating
 * schemas (valid values, near-misses and odd text mixed), under every kind of credential. Fixed
 * seed and a bounded run, so a failure replays exactly. Asserts: no answer >= 500, every 4xx has
 * the error shape, and a refused request changes no row.
 */
import { requestSchemas } from '@alfie/core/contract';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLimits } from '../../src/limits-config.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { TEST_DB_KINDS } from '../helpers/db.js';

type Schema = {
  type?: string | readonly string[];
  enum?: readonly unknown[];
  const?: unknown;
  format?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: readonly string[];
};

/** Text that has broken servers: NUL, lone surrogates, blanks, huge, markup, SQL. */
const oddText = fc.constantFrom(
  '',
  ' ',
  '\t\n',
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFFy',
  '\uD83D',
  '🎉',
  'x'.repeat(5000),
  "'; drop table brands; --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%00',
  '-1',
  '1e309',
);
const anyText = fc.oneof(oddText, fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 20 }));
/** Text as it travels in a URL: percent-encoded UTF-8, plus encodings that decode to odd text. */
const percent = (text: string) =>
  [...Buffer.from(text)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
const urlText = fc.oneof(
  anyText.map(percent),
  fc.constantFrom('%00', 'a%00b', '%ED%A0%80', '%FF', '%', '%%', '%zz', '..%2F..%2Fetc'),
);
const near = fc.oneof(anyText, fc.constant(null), fc.integer(), fc.double(), fc.boolean(), fc.constant([]));

/** An arbitrary for a schema: mostly values the schema allows, sometimes anything near it. */
function fromSchema(schema: Schema, ids: string[]): fc.Arbitrary<unknown> {
  const types = [schema.type ?? 'object'].flat();
  const valid: fc.Arbitrary<unknown>[] = [];
  if (schema.enum) valid.push(fc.constantFrom(...schema.enum));
  else if (schema.const !== undefined) valid.push(fc.constant(schema.const));
  else {
    for (const type of types) {
      if (type === 'null') valid.push(fc.constant(null));
      if (type === 'integer') {
        valid.push(fc.integer({ min: schema.minimum ?? -10, max: schema.maximum ?? 1000 }));
      }
      if (type === 'string') {
        if (schema.format === 'uuid') valid.push(fc.oneof(fc.uuid(), fc.constantFrom(...ids)));
        else if (schema.format === 'email') valid.push(fc.emailAddress());
        else if (schema.format === 'uri') valid.push(fc.webUrl());
        else valid.push(fc.string({ minLength: 1, maxLength: Math.min(schema.maxLength ?? 30, 30) }));
      }
      if (type === 'array' && schema.items) {
        valid.push(fc.array(fromSchema(schema.items, ids), { maxLength: (schema.maxItems ?? 3) + 1 }));
      }
      if (type === 'object') {
        const props = Object.entries(schema.properties ?? {});
        const record = fc.record(Object.fromEntries(props.map(([k, s]) => [k, fromSchema(s, ids)])), {
          requiredKeys: [...(schema.required ?? [])].filter((k) => props.some(([p]) => p === k)),
        });
        valid.push(
          fc.oneof(
            { weight: 4, arbitrary: record },
            { weight: 1, arbitrary: fc.tuple(record, anyText, near).map(([r, k, v]) => ({ ...r, [k]: v })) },
          ),
        );
      }
    }
  }
  return fc.oneof({ weight: 4, arbitrary: fc.oneof(...valid) }, { weight: 1, arbitrary: near });
}

const asQuery = (value: unknown) =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? `?${Object.entries(value)
        .map(([k, v]) => `${percent(k)}=${percent(String(v))}`)
        .join('&')}`
    : '';

describe.each(TEST_DB_KINDS)('fuzzing every route from the validating schemas on %s', (kind) => {
  let t: TestApp;
  let ids: string[];
  let credentials: Record<string, string>[];

  beforeAll(async () => {
    t = await createTestApp(kind, {
      replicateWebhookSecret: `whsec_${Buffer.from('fuzz-webhook-secret-0123456789').toString('base64')}`,
      limits: loadLimits({ RATE_LIMITS: 'off', MAX_BRANDS_PER_USER: '0' }),
    });
    const [alice, bob] = [await t.createUser(), await t.createUser({ email: 'bob@example.com' })];
    const brand = await t.createBrand(alice.userId);
    const key = await t.createApiKey();
    const order = await t.request('/v1/generate', {
      headers: alice.headers,
      json: { format: 'image', topic: 'seed order', brandId: brand.id },
    });
    const { orderId, jobId } = (await order.json()) as { orderId: string; jobId: string };
    ids = [String(brand.id), orderId, jobId, alice.userId, bob.userId];
    credentials = [
      {},
      alice.headers, // 1
      bob.headers, // 2
      key.headers, // 3
      { ...key.headers, 'x-alfie-user-id': alice.userId }, // 4
      { authorization: 'Bearer not.a.token' },
      { authorization: 'Bearer sk_wrong' },
      { authorization: 'Basic abc' },
    ];
    // The key's first use stamps last_used_at; later uses within a minute write nothing.
    await t.request('/v1/brands', { headers: key.headers });
  });
  afterAll(() => t.drop());

  /** Every table's content (api_keys without its usage stamp), to tell whether a row changed. */
  async function fingerprint(): Promise<string> {
    const { rows } = await t.db.query<{ f: string }>(`
      select concat_ws('|',
        (select md5(coalesce(string_agg(x::text, ',' order by x::text), '')) from brands x),
        (select md5(coalesce(string_agg(x::text, ',' order by x::text), '')) from orders x),
        (select md5(coalesce(string_agg(x::text, ',' order by x::text), '')) from order_items x),
        (select md5(coalesce(string_agg(x::text, ',' order by x::text), '')) from job_queue x),
        (select md5(coalesce(string_agg(x::text, ',' order by x::text), '')) from counters_monthly x),
        (select md5(coalesce(string_agg(x::text, ',' order by x::text), '')) from order_events x),
        (select md5(coalesce(string_agg(x::text, ',' order by x::text), '')) from library_assets x),
        (select md5(coalesce(string_agg(x::text, ',' order by x::text), '')) from profiles x),
        (select md5(coalesce(string_agg(x::text, ',' order by x::text), '')) from plans x),
        (select md5(coalesce(string_agg((x.id, x.revoked_at)::text, ',' order by x.id), '')) from api_keys x)
      ) as f`);
    return rows[0]!.f;
  }

  it('never answers >= 500, always with the error shape on 4xx, and refusals change nothing', async () => {
    const s = requestSchemas;
    const id = () => fc.oneof(fc.constantFrom(...ids), fc.uuid(), urlText);
    const body = (schema: Schema) => fromSchema(schema, ids);
    const json = (path: fc.Arbitrary<string>, method: string, schema: Schema) =>
      fc.record({ method: fc.constant(method), path, body: body(schema) });
    const bare = (path: fc.Arbitrary<string>, method = 'GET') =>
      fc.record({ method: fc.constant(method), path, body: fc.constant(undefined) });
    const route = fc.oneof(
      json(fc.constant('/v1/generate'), 'POST', s.generateRequestSchema as Schema),
      json(fc.constant('/v1/brands'), 'POST', s.createBrandSchema as Schema),
      json(
        id().map((i) => `/v1/brands/${i}`),
        'PATCH',
        s.updateBrandSchema as Schema,
      ),
      json(fc.constant('/v1/tokens'), 'POST', s.createTokenSchema as Schema),
      json(fc.constant('/admin/api/session'), 'POST', {
        type: 'object',
        properties: { credential: { type: 'string' } },
      }),
      json(fc.constant('/v1/webhooks/replicate'), 'POST', { type: 'object' }),
      bare(body(s.listOrdersQuerySchema as Schema).map((q) => `/v1/orders${asQuery(q)}`)),
      bare(body(s.listLibraryQuerySchema as Schema).map((q) => `/v1/library${asQuery(q)}`)),
      bare(body(s.listBrandsQuerySchema as Schema).map((q) => `/v1/brands${asQuery(q)}`)),
      bare(id().map((i) => `/v1/orders/${i}`)),
      bare(
        id().map((i) => `/v1/orders/${i}/cancel`),
        'POST',
      ),
      bare(
        id().map((i) => `/v1/orders/${i}`),
        'DELETE',
      ),
      bare(fc.tuple(id(), urlText).map(([i, after]) => `/v1/orders/${i}/events?lastEventId=${after}`)),
      bare(urlText.map((after) => `/v1/events?lastEventId=${after}`)),
      bare(id().map((i) => `/v1/jobs/${i}`)),
      bare(id().map((i) => `/v1/quotas/${i}`)),
      bare(urlText.map((f) => `/files/${f}`)),
      bare(urlText.map((f) => `/admin/assets/${f}`)),
      bare(urlText.map((r) => `/admin/api/overview?range=${r}`)),
      bare(
        id().map((i) => `/admin/api/jobs/${i}/retry`),
        'POST',
      ),
      bare(
        id().map((i) => `/admin/api/orders/${i}/cancel`),
        'POST',
      ),
      bare(fc.constantFrom('/admin', '/admin/api/me', '/v1/health', '/openapi.json', '/metrics')),
    );
    const contentType = fc.constantFrom(
      'application/json',
      'application/json',
      'application/json',
      'text/plain',
      undefined,
    );
    const raw = fc.option(fc.oneof(anyText, fc.constant('{"a":'), fc.constant('{"name":"\\u0000"}')), {
      freq: 6,
    });

    let requests = 0;
    await fc.assert(
      fc.asyncProperty(
        route,
        // Mostly valid credentials, so that most requests reach the validation behind them.
        fc.oneof(
          { weight: 6, arbitrary: fc.constantFrom(1, 4) },
          { weight: 2, arbitrary: fc.constantFrom(2, 3) },
          { weight: 2, arbitrary: fc.constantFrom(0, 5, 6, 7) },
        ),
        contentType,
        raw,
        async (r, who, type, rawBody) => {
          requests++;
          const headers: Record<string, string> = { ...credentials[who], 'x-alfie-admin': '1' };
          if (type) headers['content-type'] = type;
          const sendsBody = r.method !== 'GET' && r.method !== 'DELETE';
          const payload = rawBody ?? (r.body === undefined ? undefined : JSON.stringify(r.body));
          const before = await fingerprint();
          const res = await t.app.request(r.path, {
            method: r.method,
            headers,
            body: sendsBody ? payload : undefined,
          });
          // An accepted SSE request is a stream that never ends: its status is all there is to check.
          const stream = res.headers.get('content-type')?.includes('text/event-stream');
          if (stream) await res.body?.cancel();
          const text = stream ? '' : await res.text();
          const what = `${r.method} ${r.path} as #${who} -> ${res.status} ${text.slice(0, 300)}`;
          expect(res.status, what).toBeLessThan(500);
          if (res.status >= 400) {
            const error = JSON.parse(text).error;
            expect(typeof error?.code, what).toBe('string');
            expect(typeof error?.message, what).toBe('string');
            expect(await fingerprint(), what).toBe(before);
          }
        },
      ),
      { seed: 1414, numRuns: 800, endOnFailure: true },
    );
    expect(requests).toBe(800);
  }, 120_000);
});
