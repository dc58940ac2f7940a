/**
 * `pnpm bench:queue`: Alfie's job queue against graphile-worker in its default mode and in its
 * batched local-queue mode (`localQueue.size` BENCH_LOCAL_QUEUE, default 500, with batched
 * completions), same machine, same PostgreSQL, same run, same no-op work (printed figures, not a
 * timed test).
 * - throughput: 10,000 jobs enqueued in one statement, drained by 1 and by 4 worker processes
 *   (concurrency 10 each), jobs/s from the enqueue's commit to the last completion;
 * - latency: single jobs enqueued while one worker is idle, enqueue call -> handler start, p50/p99
 *   (measured first, on a fresh queue, for both).
 * - CPU per job of the 1-process drain: the worker process plus the PostgreSQL backends serving it
 *   (from /proc), steadier than jobs/s on a shared machine: other load slows a queue down without
 *   making it do more work.
 * BENCH_JOBS (10000) and BENCH_SAMPLES (200) change the sizes.
 */
import { randomUUID } from 'node:crypto';
import { runMigrations } from 'graphile-worker';
import pg from 'pg';
import { migrate } from '../src/db/migrate.js';
import { createPgDb } from '../src/db/pg.js';
import {
  type BenchChild,
  createBenchDatabase,
  fmt,
  now,
  percentile,
  processCpuMs,
  sleep,
  spawnBench,
} from './shared.js';

const JOBS = Number(process.env.BENCH_JOBS ?? 10_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 200);
type Kind = 'alfie' | 'graphile' | 'graphile-lq';
const KINDS: readonly Kind[] = ['alfie', 'graphile', 'graphile-lq'];
/** graphile-worker's two modes share its SQL; only the worker process differs. */
const sqlOf = (kind: Kind) => (kind === 'alfie' ? 'alfie' : 'graphile');

const ENQUEUE_MANY: Record<'alfie' | 'graphile', string> = {
  alfie: `insert into job_queue (user_id, type, payload) select $1, 'render_images', '{}'::jsonb from generate_series(1, $2)`,
  // graphile-worker's own bulk API (one call for all jobs), its fastest way in.
  graphile: `select graphile_worker.add_jobs(array(
    select row('noop', '{}'::json, null, null, null, null, null, null)::graphile_worker.job_spec
    from generate_series(1, $2) where $1::text is not null))`,
};
const ENQUEUE_ONE: Record<'alfie' | 'graphile', string> = {
  alfie: `insert into job_queue (user_id, type, payload) values ($1, 'render_images', $2::jsonb)`,
  graphile: `select graphile_worker.add_job('noop', $2::json) where $1::text is not null`,
};
const REMAINING: Record<'alfie' | 'graphile', string> = {
  // One count per partial index (claim, lease): the probe stays an index read for both queues.
  alfie: `select (select count(*) from job_queue where status = 'queued')::int
    + (select count(*) from job_queue where status = 'running')::int as n`,
  graphile: `select count(*)::int as n from graphile_worker._private_jobs`,
};

async function workers(kind: Kind, count: number, url: string): Promise<BenchChild[]> {
  const children = Array.from({ length: count }, () =>
    spawnBench('queue-worker.ts', { DATABASE_URL: url, BENCH_KIND: kind }),
  );
  await Promise.all(children.map((c) => c.ready));
  await sleep(300); // let every worker settle into idle (startup claim, LISTEN)
  return children;
}

async function throughput(
  kind: Kind,
  processes: number,
  url: string,
  client: pg.Client,
): Promise<{ jobsPerSec: number; enqueueMs: number; cpuUsPerJob: { worker: number; database: number } }> {
  const children = await workers(kind, processes, url);
  const cpu = await cpuMeter(children, client);
  const userId = randomUUID();
  const t0 = now();
  await client.query(ENQUEUE_MANY[sqlOf(kind)], [userId, JOBS]);
  const enqueued = now();
  const enqueueMs = enqueued - t0;
  for (;;) {
    const { rows } = await client.query<{ n: number }>(REMAINING[sqlOf(kind)]);
    if (rows[0]!.n === 0) break;
    await sleep(5);
  }
  // Processing rate: from the enqueue's commit (no worker can see a job before) to the last completion.
  const elapsed = now() - enqueued;
  const spent = await cpu.spentMs();
  const cpuUsPerJob = { worker: (spent.worker * 1000) / JOBS, database: (spent.database * 1000) / JOBS };
  await Promise.all(children.map((c) => c.stop()));
  return { jobsPerSec: (JOBS / elapsed) * 1000, enqueueMs, cpuUsPerJob };
}

/**
 * CPU the workers and their database backends spend from now on (the bench's own connection, which
 * enqueues and polls, is left out; both queues pay the same for it). Backends are listed again at
 * the end: a pool opens connections as the drain needs them (completions, heartbeats), and a backend
 * born during the drain spent all of its CPU in it.
 */
async function cpuMeter(children: BenchChild[], client: pg.Client) {
  const backends = async () =>
    (
      await client.query<{ pid: number }>(
        `select pid from pg_stat_activity
         where datname = current_database() and backend_type = 'client backend' and pid <> pg_backend_pid()`,
      )
    ).rows.map((r) => r.pid);
  const cpuOf = (pids: number[]) => new Map(pids.map((pid) => [pid, processCpuMs(pid) ?? 0]));
  const spent = (before: Map<number, number>, after: Map<number, number>) =>
    [...after].reduce((sum, [pid, ms]) => sum + ms - (before.get(pid) ?? 0), 0);
  const workerPids = children.map((c) => c.process.pid!);
  const worker = cpuOf(workerPids);
  const database = cpuOf(await backends());
  return {
    spentMs: async () => ({
      worker: spent(worker, cpuOf(workerPids)),
      database: spent(database, cpuOf(await backends())),
    }),
  };
}

async function latency(
  kind: Kind,
  url: string,
  client: pg.Client,
): Promise<{ samples: number[]; inserts: number[] }> {
  const [child] = await workers(kind, 1, url);
  const started = new Map<string, (at: number) => void>();
  child!.onLine((line) => {
    const [word, key, at] = line.split(' ');
    if (word === 'start' && key) started.get(key)?.(Number(at));
  });
  const samples: number[] = [];
  const inserts: number[] = [];
  const userId = randomUUID();
  for (let i = 0; i < SAMPLES; i++) {
    const key = `k${i}`;
    const start = new Promise<number>((resolve) => started.set(key, resolve));
    const t0 = now();
    await client.query(ENQUEUE_ONE[sqlOf(kind)], [userId, JSON.stringify({ key })]);
    inserts.push(now() - t0);
    samples.push((await start) - t0);
    await sleep(15);
  }
  await child!.stop();
  return { samples, inserts };
}

async function main() {
  const bench = await createBenchDatabase();
  const db = createPgDb({ connectionString: bench.url, max: 2 });
  const client = new pg.Client({ connectionString: bench.url });
  try {
    await migrate(db);
    await runMigrations({
      connectionString: bench.url,
      logger: new (await import('graphile-worker')).Logger(() => () => {}),
    });
    await client.connect();
    const results: Record<
      Kind,
      {
        tp1: number;
        tp4: number;
        cpuWorker: number;
        cpuDatabase: number;
        enqueueMs: number;
        p50: number;
        p99: number;
        insertP50: number;
      }
    > = {} as never;
    for (const kind of KINDS) {
      // Latency first, on a fresh queue (the idle case), then throughput.
      const lat = await latency(kind, bench.url, client);
      const one = await throughput(kind, 1, bench.url, client);
      const four = await throughput(kind, 4, bench.url, client);
      results[kind] = {
        tp1: one.jobsPerSec,
        tp4: four.jobsPerSec,
        cpuWorker: one.cpuUsPerJob.worker,
        cpuDatabase: one.cpuUsPerJob.database,
        enqueueMs: one.enqueueMs,
        p50: percentile(lat.samples, 50),
        p99: percentile(lat.samples, 99),
        insertP50: percentile(lat.inserts, 50),
      };
      console.log(`${kind}: done`);
    }
    const a = results.alfie;
    const g = results.graphile;
    const l = results['graphile-lq'];
    console.log(
      `\nQueue bench: ${JOBS} no-op jobs, concurrency 10 per process, PostgreSQL ${(await client.query('show server_version')).rows[0].server_version}`,
    );
    console.log(
      '| metric | alfie | graphile-worker | graphile-worker, local queue | alfie / graphile | alfie / graphile local queue |',
    );
    console.log('|---|---|---|---|---|---|');
    const row = (label: string, pick: (r: (typeof results)[Kind]) => number, digits: number, x = '') =>
      console.log(
        `| ${label} | ${fmt(pick(a), digits)} | ${fmt(pick(g), digits)} | ${fmt(pick(l), digits)} | ${fmt(pick(a) / pick(g), 2)}${x} | ${fmt(pick(a) / pick(l), 2)}${x} |`,
      );
    row(`enqueue ${JOBS} jobs (one statement), ms`, (r) => r.enqueueMs, 0);
    row('jobs/s, 1 worker process', (r) => r.tp1, 0, '×');
    row('jobs/s, 4 worker processes', (r) => r.tp4, 0, '×');
    row('CPU per job, 1 process: the worker, µs', (r) => r.cpuWorker, 1);
    row('CPU per job, 1 process: its PostgreSQL backends, µs', (r) => r.cpuDatabase, 1);
    row('enqueue -> start p50, ms (idle)', (r) => r.p50, 2);
    row('of which the enqueue call, p50, ms', (r) => r.insertP50, 2);
    row('enqueue -> start p99, ms (idle)', (r) => r.p99, 2);
  } finally {
    await client.end().catch(() => {});
    await db.close();
    await bench.drop();
  }
}

await main();
// Keep-alive sockets of fetch and the SSE client must not hold the process open.
process.exit(0);
