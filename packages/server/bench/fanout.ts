/**
 * `pnpm bench:fanout`: live updates to many SSE clients, Alfie's API process against a bare
 * fan-out (one LISTEN, each notification written as-is to every open response), same machine,
 * same PostgreSQL, same clients, same events, same run (printed figures, not a timed test).
 *
 * For each client count (BENCH_FANOUT_CLIENTS, default "1000,5000"): a server process, then a
 * client process that opens that many streams (`/v1/events` of one user for Alfie). Events are
 * committed by a separate connection in BENCH_BURSTS (10) bursts of BENCH_BURST (10) back-to-back
 * INSERTs into order_events, BENCH_BURST_GAP_MS apart (default: 1 ms per 2 clients, at least
 * 500). Each carries the time taken just before its INSERT; the clients measure commit -> receipt
 * of every delivery, count what each client got, and count repeats. Memory per client is the
 * server's growth (after a GC) from no client to every client connected.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { signUserToken } from '../src/auth/jwt.js';
import { migrate } from '../src/db/migrate.js';
import { createPgDb } from '../src/db/pg.js';
import { periodOf } from '../src/quota/period.js';
import { INSERT_ORDER_EVENT } from '../src/sql/events/insert-order-event.js';
import { INSERT_ORDER } from '../src/sql/orders/insert-order.js';
import { type BenchChild, createBenchDatabase, fmt, now, sleep, spawnBench } from './shared.js';

const COUNTS = (process.env.BENCH_FANOUT_CLIENTS ?? '1000,5000').split(',').map(Number);
const BURSTS = Number(process.env.BENCH_BURSTS ?? 10);
const BURST = Number(process.env.BENCH_BURST ?? 10);
const SECRET = 'bench-secret-that-is-at-least-32-characters';
type Kind = 'alfie' | 'bare';
const KINDS = (process.env.BENCH_KINDS ?? 'bare,alfie').split(',') as Kind[];

interface Report {
  clients: number;
  closed: number;
  minReceived: number;
  maxReceived: number;
  repeated: number;
  deliveries: number;
  p50: number;
  p99: number;
  max: number;
}

interface Result extends Report {
  connectMs: number;
  bytesPerClient: { rss: number; heap: number; external: number };
}

function nextLine(child: BenchChild, prefix: string): Promise<string> {
  return new Promise((resolve) => {
    let done = false;
    child.onLine((line) => {
      if (!done && line.startsWith(prefix)) {
        done = true;
        resolve(line.slice(prefix.length).trim());
      }
    });
  });
}

async function memory(server: BenchChild): Promise<number[]> {
  const line = nextLine(server, 'mem ');
  server.process.kill('SIGUSR2');
  return (await line).split(' ').map(Number);
}

async function run(
  kind: Kind,
  clients: number,
  ctx: {
    url: string;
    dataDir: string;
    token: string;
    orderId: string;
    producer: pg.Client;
    seq: { n: number };
  },
): Promise<Result> {
  const server = spawnBench(
    'fanout-server.ts',
    { DATABASE_URL: ctx.url, BENCH_KIND: kind, BENCH_JWT_SECRET: SECRET, BENCH_DATA_DIR: ctx.dataDir },
    /^ready/,
    // BENCH_CPU_PROF=dir writes a V8 CPU profile of each server process there (node --cpu-prof).
    [
      '--expose-gc',
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
    ],
  );
  const port = nextLine(server, 'ready ');
  await server.ready;
  const base = `http://127.0.0.1:${await port}`;
  // Warm the process (JIT, pool, LISTEN) with one client, so the memory baseline is a running server.
  const warm = spawnBench('fanout-clients.ts', {
    BENCH_URL: kind === 'alfie' ? `${base}/v1/events` : base,
    BENCH_TOKEN: ctx.token,
    BENCH_CLIENTS: '1',
  });
  await warm.ready;
  await warm.stop();
  await sleep(300);
  const before = await memory(server);
  const probe = spawnBench('fanout-clients.ts', {
    BENCH_URL: kind === 'alfie' ? `${base}/v1/events` : base,
    BENCH_TOKEN: ctx.token,
    BENCH_CLIENTS: String(clients),
  });
  const connectMs = Number(await nextLine(probe, 'ready '));
  await sleep(500);
  const after = await memory(server);
  const gap = Number(process.env.BENCH_BURST_GAP_MS ?? Math.max(500, clients / 2));
  for (let b = 0; b < BURSTS; b++) {
    for (let i = 0; i < BURST; i++) {
      const seq = ++ctx.seq.n;
      const data = { type: 'status', orderId: ctx.orderId, status: 'processing', seq, at: now() };
      await ctx.producer.query(INSERT_ORDER_EVENT, [ctx.orderId, 'status', JSON.stringify(data)]);
    }
    await sleep(gap);
  }
  await sleep(1000);
  const reportLine = nextLine(probe, 'report ');
  probe.send('report');
  const report = JSON.parse(await reportLine) as Report;
  await probe.stop();
  await server.stop();
  const per = (i: number) => (after[i]! - before[i]!) / clients;
  return { ...report, connectMs, bytesPerClient: { rss: per(0), heap: per(1), external: per(2) } };
}

async function main() {
  const bench = await createBenchDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'alfie-fanout-'));
  const db = createPgDb({ connectionString: bench.url, max: 2 });
  const producer = new pg.Client({ connectionString: bench.url });
  try {
    await migrate(db);
    await producer.connect();
    const userId = randomUUID();
    const brand = await db.query<{ id: string }>(
      `insert into brands (user_id, name) values ($1, 'Fan-out') returning id`,
      [userId],
    );
    const period = periodOf(new Date());
    const order = await db.query<{ id: string }>(INSERT_ORDER, [
      userId,
      brand.rows[0]!.id,
      'carousel',
      'fan-out',
      '4:5',
      10,
      null,
      period,
      0,
      0,
      0,
      false,
      null,
      null,
    ]);
    const { token } = await signUserToken(SECRET, { userId });
    const ctx = { url: bench.url, dataDir, token, orderId: order.rows[0]!.id, producer, seq: { n: 0 } };
    const rows: string[] = [];
    for (const clients of COUNTS) {
      const results = {} as Record<Kind, Result>;
      for (const kind of KINDS) {
        results[kind] = await run(kind, clients, ctx);
        console.log(`${kind} ${clients}: ${JSON.stringify(results[kind])}`);
      }
      const a = results.alfie;
      const b = results.bare;
      if (!a || !b) continue;
      const events = BURSTS * BURST;
      const delivered = (r: Result) =>
        `${r.minReceived === events && r.repeated === 0 && r.closed === 0 ? 'all' : 'NOT ALL'} (${r.minReceived}–${r.maxReceived}/${events}, ${r.repeated} repeated, ${r.closed} closed)`;
      rows.push(
        `| ${clients} | ${fmt(b.p50, 1)} / ${fmt(b.p99, 1)} | ${fmt(a.p50, 1)} / ${fmt(a.p99, 1)} | ${fmt(a.p50 / b.p50, 2)}× / ${fmt(a.p99 / b.p99, 2)}× | ${delivered(b)} | ${delivered(a)} | ${fmt(b.bytesPerClient.rss / 1024, 1)} / ${fmt(a.bytesPerClient.rss / 1024, 1)} | ${fmt(a.bytesPerClient.heap / 1024, 1)} | ${fmt(b.connectMs / 1000, 1)} / ${fmt(a.connectMs / 1000, 1)} |`,
      );
    }
    console.log(`\nFan-out bench: ${BURSTS} bursts of ${BURST} events, commit -> client, ms`);
    console.log(
      '| clients | bare p50 / p99 | alfie p50 / p99 | alfie / bare | bare delivered | alfie delivered | RSS per client, KiB (bare / alfie) | alfie heap per client, KiB | connect all, s (bare / alfie) |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|');
    for (const row of rows) console.log(row);
  } finally {
    await producer.end().catch(() => {});
    await db.close();
    await bench.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
process.exit(0);
