/**
 * `pnpm bench:pipeline`: the full pipeline on real PostgreSQL, with an API process and a worker
 * process whose local engines are slowed to a simulated latency L (BENCH_LATENCY_MS, default 2000).
 * Prints (not a timed test):
 * - wall time of a 5-slide carousel from POST /v1/generate to its last slide at an SSE client, as a
 *   multiple of L (slides render in parallel, so the floor is 1 L);
 * - commit -> SSE client delay, p50/p99: events committed by a separate connection, received by a
 *   client of the API process (INSERT -> trigger -> NOTIFY -> the API's one LISTEN -> SSE);
 * - POST /v1/generate requests/s against a bare Hono handler running only the route's createOrder.
 */
import { randomUUID } from 'node:crypto';
import { signUserToken } from '../src/auth/jwt.js';
import { migrate } from '../src/db/migrate.js';
import { appendOrderEvent } from '../src/events/append.js';
import { openSse } from '../test/pipeline/sse-client.js';
import { fmt, now, openBenchRun, percentile, processCpuMs, sleep, spawnBench } from './shared.js';

const L = Number(process.env.BENCH_LATENCY_MS ?? 2000);
const CAROUSELS = Number(process.env.BENCH_CAROUSELS ?? 5);
const SSE_SAMPLES = Number(process.env.BENCH_SSE_SAMPLES ?? 300);
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 5);
const LOAD_CONCURRENCY = Number(process.env.BENCH_LOAD_CONCURRENCY ?? 16);
const SECRET = 'bench-secret-that-is-at-least-32-characters';

/**
 * Requests/s of `LOAD_CONCURRENCY` clients posting for LOAD_SECONDS. Each client orders for its own
 * brand: orders of one brand serialise on its quota row by design (race-free reservation), and the
 * figure wanted is the server's, not one brand's.
 */
async function load(
  url: string,
  lanes: { headers: Record<string, string>; body: string }[],
  serverPid: number,
  seconds = LOAD_SECONDS,
): Promise<{ rps: number; cpuMsPerRequest: number | null }> {
  let ok = 0;
  let failed = 0;
  const deadline = now() + seconds * 1000;
  const lane = async (index: number) => {
    const { headers, body } = lanes[index % lanes.length]!;
    while (now() < deadline) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body,
      });
      await res.arrayBuffer();
      if (res.status === 202) ok++;
      else failed++;
    }
  };
  const t0 = now();
  const cpu0 = processCpuMs(serverPid);
  await Promise.all(Array.from({ length: LOAD_CONCURRENCY }, (_, i) => lane(i)));
  const cpu1 = processCpuMs(serverPid);
  if (failed > 0) console.warn(`${url}: ${failed} non-202 answers`);
  return {
    rps: (ok / (now() - t0)) * 1000,
    cpuMsPerRequest: cpu0 === null || cpu1 === null ? null : (cpu1 - cpu0) / (ok + failed),
  };
}

async function main() {
  const run = await openBenchRun();
  const { db, dataDir, children } = run;
  try {
    await migrate(db);
    // A plan big enough that the load test never runs out of quota.
    await db.query(
      `insert into plans (name, quota_images, quota_videos, quota_woofs, priority) values ('bench', 100000000, 1000, 1000, 0)`,
    );
    const userId = randomUUID();
    const brand = await db.query<{ id: string }>(
      `insert into brands (user_id, name, palette, plan) values ($1, 'Bench', '["#0B3D91","#F2A900","#FFFFFF"]', 'bench') returning id`,
      [userId],
    );
    const brandId = brand.rows[0]!.id;
    const { token } = await signUserToken(SECRET, { userId });
    const headers = { authorization: `Bearer ${token}` };

    const api = spawnBench('api-server.ts', {
      DATABASE_URL: run.url,
      BENCH_JWT_SECRET: SECRET,
      BENCH_DATA_DIR: dataDir,
    });
    children.push(api);
    let ports: string[] = [];
    api.onLine((line) => {
      if (line.startsWith('ready')) ports = line.split(' ').slice(1);
    });
    const startWorker = async (engine: 'local' | 'latency') => {
      const child = spawnBench('pipeline-worker.ts', {
        DATABASE_URL: run.url,
        BENCH_DATA_DIR: dataDir,
        LOCAL_ENGINE_LATENCY_MS: String(L),
        BENCH_ENGINE: engine,
      });
      children.push(child);
      await child.ready;
      return child;
    };
    let worker = await startWorker('local');
    await api.ready;
    const base = `http://127.0.0.1:${ports[0]}`;
    const bareBase = `http://127.0.0.1:${ports[1]}`;

    // 1. Carousel wall time, POST -> last slide seen over SSE.
    // The SSE client stamps messages with performance.now(): measure against the same clock.
    const carousel = async () => {
      const t0 = performance.now();
      const res = await fetch(`${base}/v1/generate`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({
          format: 'carousel',
          count: 5,
          topic: 'Les tendances marketing 2025',
          brandId,
        }),
      });
      const { orderId } = (await res.json()) as { orderId: string };
      const stream = await openSse(`${base}/v1/orders/${orderId}/events`, headers);
      await stream.closed;
      const slides = stream.messages.filter((m) => m.event === 'asset');
      if (slides.length !== 5) throw new Error(`expected 5 slides, got ${slides.length}`);
      const first = stream.messages.find((m) => m.event === 'status');
      breakdown.push(
        `pickup ${fmt((first?.receivedAt ?? t0) - t0, 0)} ms, slides at ${slides.map((m) => fmt(m.receivedAt - t0, 0)).join(', ')} ms`,
      );
      return Math.max(...slides.map((m) => m.receivedAt)) - t0;
    };
    const breakdown: string[] = [];
    const carousels = async () => {
      await carousel(); // warm-up: fonts, canvas, connections
      breakdown.length = 0;
      const walls: number[] = [];
      for (let i = 0; i < CAROUSELS; i++) walls.push(await carousel());
      return walls;
    };
    const walls = await carousels();
    const localBreakdown = [...breakdown];
    await worker.stop();
    worker = await startWorker('latency');
    const latencyWalls = await carousels();

    // 2. Commit -> SSE client delay.
    const orderId = (
      (await (
        await fetch(`${base}/v1/generate`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({ format: 'image', count: 1, topic: 'sse probe', brandId }),
        })
      ).json()) as { orderId: string }
    ).orderId;
    const stream = await openSse(`${base}/v1/events`, headers);
    await sleep(200);
    const delays: number[] = [];
    for (let i = 0; i < SSE_SAMPLES; i++) {
      const id = await db.transaction(
        async (tx) =>
          (await appendOrderEvent(tx, {
            type: 'progress',
            orderId,
            itemId: orderId,
            progress: i / SSE_SAMPLES,
          }))!.id,
      );
      const committed = performance.now();
      const message = await stream.waitFor((m) => m.id === String(id));
      delays.push(message.receivedAt - committed);
      await sleep(3);
    }
    stream.close();

    // 3. POST /v1/generate req/s vs the bare handler (worker stopped: the API alone is measured).
    await worker.stop();
    const lanes = await Promise.all(
      Array.from({ length: LOAD_CONCURRENCY }, async (_, i) => {
        const laneUser = randomUUID();
        const laneBrand = await db.query<{ id: string }>(
          `insert into brands (user_id, name, plan) values ($1, $2, 'bench') returning id`,
          [laneUser, `Load ${i}`],
        );
        const { token: laneToken } = await signUserToken(SECRET, { userId: laneUser });
        return { userId: laneUser, brandId: laneBrand.rows[0]!.id, token: laneToken };
      }),
    );
    const topic = 'Load test topic';
    const appLanes = lanes.map((l) => ({
      headers: { authorization: `Bearer ${l.token}` },
      body: JSON.stringify({ format: 'carousel', count: 5, topic, brandId: l.brandId }),
    }));
    const bareLanes = lanes.map((l) => ({
      headers: {},
      body: JSON.stringify({ userId: l.userId, brandId: l.brandId, count: 5, topic }),
    }));
    // A second of each first, so that neither is measured while the JIT is still compiling it.
    const apiPid = api.process.pid!;
    await load(`${base}/v1/generate`, appLanes, apiPid, 1);
    await load(`${bareBase}/generate`, bareLanes, apiPid, 1);
    const app = await load(`${base}/v1/generate`, appLanes, apiPid);
    const bare = await load(`${bareBase}/generate`, bareLanes, apiPid);

    const p50wall = percentile(walls, 50);
    console.log(
      `\nPipeline bench: local engines with L = ${L} ms, ${CAROUSELS} carousels, ${SSE_SAMPLES} SSE samples, ${LOAD_CONCURRENCY} concurrent clients for ${LOAD_SECONDS} s`,
    );
    console.log('| metric | value |');
    console.log('|---|---|');
    console.log(
      `| 5-slide carousel, POST -> last slide at SSE client, median | ${fmt(p50wall, 0)} ms = ${fmt(p50wall / L, 2)} L |`,
    );
    console.log(
      `| 5-slide carousel, worst of ${CAROUSELS} | ${fmt(Math.max(...walls), 0)} ms = ${fmt(Math.max(...walls) / L, 2)} L |`,
    );
    const lp50 = percentile(latencyWalls, 50);
    console.log(
      `| same, latency-only engine (no local render CPU), median | ${fmt(lp50, 0)} ms = ${fmt(lp50 / L, 2)} L |`,
    );
    console.log(
      `| same, latency-only engine, worst of ${CAROUSELS} | ${fmt(Math.max(...latencyWalls), 0)} ms = ${fmt(Math.max(...latencyWalls) / L, 2)} L |`,
    );
    console.log(`| commit -> SSE client, p50 | ${fmt(percentile(delays, 50), 2)} ms |`);
    console.log(`| commit -> SSE client, p99 | ${fmt(percentile(delays, 99), 2)} ms |`);
    console.log(`| POST /v1/generate (5-slide carousel), req/s | ${fmt(app.rps, 0)} |`);
    console.log(`| bare Hono handler, same createOrder, req/s | ${fmt(bare.rps, 0)} |`);
    console.log(`| API / bare | ${fmt(app.rps / bare.rps, 2)} |`);
    if (app.cpuMsPerRequest !== null && bare.cpuMsPerRequest !== null) {
      console.log(`| API process CPU per request, POST /v1/generate | ${fmt(app.cpuMsPerRequest, 3)} ms |`);
      console.log(`| API process CPU per request, bare handler | ${fmt(bare.cpuMsPerRequest, 3)} ms |`);
      console.log(`| bare / API, CPU per request | ${fmt(bare.cpuMsPerRequest / app.cpuMsPerRequest, 2)} |`);
    }
    console.log(`\nLocal engine carousels: ${localBreakdown.join(' | ')}`);
    console.log(`Latency-only carousels: ${breakdown.join(' | ')}`);
  } finally {
    await run.close();
  }
}

await main();
// Keep-alive sockets of fetch and the SSE client must not hold the process open.
process.exit(0);
