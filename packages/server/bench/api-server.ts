/**
 * The pipeline bench's API process: the real app on one port and, for comparison, a bare Hono
 * handler on another that runs only the inserts of POST /v1/generate (same SQL, one transaction,
 * no auth, no validation, no logging). Env: DATABASE_URL, BENCH_JWT_SECRET, BENCH_DATA_DIR.
 * Prints `ready <appPort> <barePort>`.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { defineConfig } from '../src/config.js';
import { createPgDb } from '../src/db/pg.js';
import { createApp } from '../src/http/app.js';
import { createLogger } from '../src/logger.js';
import { periodOf } from '../src/quota/period.js';
import { FIND_OWNED_BRAND } from '../src/sql/brands/find-owned-brand.js';
import { INSERT_JOB } from '../src/sql/jobs/insert-job.js';
import { INSERT_ORDER } from '../src/sql/orders/insert-order.js';
import { INSERT_ORDER_ITEMS } from '../src/sql/orders/insert-order-items.js';
import { ENSURE_COUNTERS } from '../src/sql/quota/ensure-counters.js';
import { RESERVE_QUOTA } from '../src/sql/quota/reserve-quota.js';

const env = process.env;
const db = createPgDb({ connectionString: env.DATABASE_URL!, max: 20 });
const config = defineConfig({
  databaseUrl: env.DATABASE_URL!,
  jwtSecret: env.BENCH_JWT_SECRET!,
  dataDir: env.BENCH_DATA_DIR!,
  logLevel: 'warn',
});
const app = createApp({ db, config, logger: createLogger({ level: 'warn' }) });

const bare = new Hono();
bare.post('/generate', async (c) => {
  const body = (await c.req.json()) as { brandId: string; userId: string; count: number; topic: string };
  const period = periodOf(new Date());
  const ids = await db.transaction(async (tx) => {
    const brand = await tx.query<{ plan_priority: number }>(FIND_OWNED_BRAND, [
      body.brandId,
      body.userId,
      null,
    ]);
    await tx.query(ENSURE_COUNTERS, [body.brandId, period]);
    await tx.query(RESERVE_QUOTA, [body.brandId, period, body.count, 0, 0]);
    const order = await tx.query<{ id: string }>(INSERT_ORDER, [
      body.userId,
      body.brandId,
      'carousel',
      body.topic,
      '4:5',
      body.count,
      null,
      period,
      body.count,
      0,
      0,
      false,
      null,
      null,
    ]);
    const orderId = order.rows[0]!.id;
    const briefs = Array.from({ length: body.count }, (_, i) => ({
      topic: body.topic,
      ratio: '4:5',
      slideIndex: i,
      slideCount: body.count,
    }));
    await tx.query(INSERT_ORDER_ITEMS, [orderId, 'carousel_slide', JSON.stringify(briefs)]);
    const job = await tx.query<{ id: string }>(INSERT_JOB, [
      body.userId,
      body.brandId,
      orderId,
      'render_carousels',
      'carousel',
      JSON.stringify({ orderId, slideCount: body.count, topic: body.topic }),
      brand.rows[0]!.plan_priority,
    ]);
    return { orderId, jobId: job.rows[0]!.id };
  });
  return c.json(ids, 202);
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
