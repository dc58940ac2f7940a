import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUserToken } from '../../src/auth/jwt.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { type Child, killChild, spawnChild } from './children.js';
import { seedBrand } from './fixtures.js';
import { openSse } from './sse-client.js';

const SECRET = 'sse-test-secret-that-is-at-least-32-chars';

interface Row {
  id: number;
  type: string;
}

/**
 * The end-to-end proof: an API process and a separate worker process share one PostgreSQL;
 * an SSE client of the API sees every slide of a 5-slide carousel the worker delivers, in order.
 */
describe('live events across processes (real PostgreSQL)', () => {
  let db: TestDb;
  let dir: string;
  let api: Child;
  let worker: Child;
  let base: string;
  let headers: Record<string, string>;
  let brandId: string;

  beforeAll(async () => {
    db = await createTestDb('postgres');
    dir = mkdtempSync(join(tmpdir(), 'alfie-sse-'));
    api = spawnChild('api-child.ts', {
      DATABASE_URL: db.url!,
      CHILD_JWT_SECRET: SECRET,
      CHILD_DATA_DIR: dir,
    });
    worker = spawnChild('worker-child.ts', {
      DATABASE_URL: db.url!,
      CHILD_DATA_DIR: dir,
      CHILD_LATENCY_MS: '150',
      CHILD_ITEM_CONCURRENCY: '2',
    });
    const [ready] = await Promise.all([api.ready, worker.ready]);
    base = `http://127.0.0.1:${ready.split(' ')[1]}`;
    const seeded = await seedBrand(db, 'pro');
    brandId = seeded.brandId;
    const { token } = await signUserToken(SECRET, { userId: seeded.userId });
    headers = { authorization: `Bearer ${token}` };
  }, 60_000);

  afterAll(async () => {
    await Promise.all([api && killChild(api), worker && killChild(worker)]);
    await db?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function generate(count: number): Promise<string> {
    const res = await fetch(`${base}/v1/generate`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ format: 'carousel', count, topic: 'Tendances marketing 2025', brandId }),
    });
    expect(res.status).toBe(202);
    return ((await res.json()) as { orderId: string }).orderId;
  }

  it('an SSE client sees every slide event of a 5-slide carousel, in order, then end', async () => {
    const all = await openSse(`${base}/v1/events`, headers);
    const orderId = await generate(5);
    const stream = await openSse(`${base}/v1/orders/${orderId}/events`, headers);
    expect(stream.status).toBe(200);
    await stream.closed; // the order stream closes by itself after `end`
    const ids = stream.messages.map((m) => Number(m.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const assets = stream.messages.filter((m) => m.event === 'asset').map((m) => JSON.parse(m.data).asset);
    expect(assets.map((a) => a.slideIndex).sort()).toEqual([0, 1, 2, 3, 4]);
    expect(
      assets.every((a) => a.type === 'carousel_slide' && a.url.includes(`/slide-${a.slideIndex}.png`)),
    ).toBe(true);
    const last = stream.messages.at(-1)!;
    expect(last.event).toBe('end');
    expect(JSON.parse(last.data)).toMatchObject({
      orderId,
      status: 'completed',
      completedCount: 5,
      expectedTotal: 5,
    });
    // Exactly what the table holds, nothing missing, nothing twice.
    const rows = await db.query<Row>('select id, type from order_events where order_id = $1 order by id', [
      orderId,
    ]);
    expect(stream.messages.map((m) => Number(m.id))).toEqual(rows.rows.map((r) => Number(r.id)));

    // The user stream, opened before the order existed, carried the same events live.
    await all.waitFor((m) => m.event === 'end' && JSON.parse(m.data).orderId === orderId);
    const live = all.messages.filter((m) => JSON.parse(m.data).orderId === orderId).map((m) => Number(m.id));
    expect(live).toEqual(rows.rows.map((r) => Number(r.id)));
    all.close();
  }, 30_000);

  it('Last-Event-ID resumes after the given event without losing or repeating any', async () => {
    const orderId = await generate(4);
    const first = await openSse(`${base}/v1/orders/${orderId}/events`, headers);
    const secondAsset = await first.waitFor(
      (m) => m.event === 'asset' && first.messages.filter((x) => x.event === 'asset').length >= 2,
    );
    first.close();
    const resumed = await openSse(`${base}/v1/orders/${orderId}/events`, {
      ...headers,
      'last-event-id': secondAsset.id!,
    });
    await resumed.closed;
    const rows = await db.query<Row>(
      'select id, type from order_events where order_id = $1 and id > $2 order by id',
      [orderId, Number(secondAsset.id)],
    );
    expect(resumed.messages.map((m) => Number(m.id))).toEqual(rows.rows.map((r) => Number(r.id)));
    expect(resumed.messages.at(-1)!.event).toBe('end');
    const seen = new Set(
      [...first.messages, ...resumed.messages].filter((m) => m.event === 'asset').map((m) => m.id),
    );
    expect(seen.size).toBe(4);

    // A stream opened after the end (and past it) gets the final state at once, then closes.
    const endId = rows.rows.at(-1)!.id;
    const late = await openSse(`${base}/v1/orders/${orderId}/events`, {
      ...headers,
      'last-event-id': String(endId),
    });
    await late.closed;
    expect(late.messages.map((m) => m.event)).toEqual(['status', 'end']);
    expect(JSON.parse(late.messages[1]!.data)).toMatchObject({
      status: 'completed',
      completedCount: 4,
      expectedTotal: 4,
    });
  }, 30_000);

  it("answers 404 for another user's order and 401 without a token", async () => {
    const orderId = await generate(2);
    const { token } = await signUserToken(SECRET, { userId: randomUUID() });
    const res = await fetch(`${base}/v1/orders/${orderId}/events`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    expect((await fetch(`${base}/v1/orders/${orderId}/events`)).status).toBe(401);
  });
});
