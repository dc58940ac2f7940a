/**
 * The pipeline bench's API process: the real app on one port and, for comparison, a bare Hono
 * handler on another that runs only what POST /v1/generate writes: the same `createOrder` of
 * src/orders/create.ts (one statement: quota reservation, order, items, job), with no auth, no
 * validation and no logging. Env: DATABASE_URL, BENCH_JWT_SECRET, BENCH_DATA_DIR.
 * Prints `ready <appPort> <barePort>`.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createOrder } from '../src/orders/create.js';
import { normalizeGenerate, requestHash } from '../src/orders/plan.js';
import { periodOf } from '../src/quota/period.js';
import { appFromEnv } from '../test/helpers/api-process.js';

// Limits come from the environment, so `RATE_LIMITS=off pnpm bench:pipeline` shows what counting costs.
const { db, config, app } = appFromEnv({ prefix: 'BENCH', maxConnections: 20, limits: true });

const bare = new Hono();
bare.post('/generate', async (c) => {
  const body = (await c.req.json()) as { brandId: string; userId: string; count: number; topic: string };
  const request = normalizeGenerate({
    format: 'carousel',
    topic: body.topic,
    brandId: body.brandId,
    count: body.count,
  });
  const created = await createOrder(
    db,
    { config },
    {
      user: { kind: 'user', userId: body.userId, email: null, role: null, brandIds: null, viaApiKey: false },
      request,
      idempotencyKey: null,
      requestHash: requestHash(request),
      period: periodOf(new Date()),
    },
  );
  return c.json({ orderId: created.orderId, jobId: created.jobId }, 202);
});

let appPort = 0;
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  appPort = info.port;
  serve({ fetch: bare.fetch, port: 0, hostname: '127.0.0.1' }, (bareInfo) => {
    process.stdout.write(`ready ${appPort} ${bareInfo.port}\n`);
  });
});
process.once('SIGTERM', () => {
  // Open SSE streams would hold the pool's close: give it a moment, then leave anyway.
  setTimeout(() => process.exit(0), 1000).unref();
  void db.close().then(() => process.exit(0));
});
