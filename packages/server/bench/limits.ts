/**
 * `pnpm bench:limits`: what the rate limits cost, on real PostgreSQL. Two API processes of the real
 * app, one with every rate limit counted (limits set high enough that nothing is refused, so the
 * figure is the cost of counting) and one with RATE_LIMITS=off, loaded in turns, BENCH_ROUNDS
 * rounds each; prints the median requests/s of each (not a timed test):
 * - POST /v1/generate (5-slide carousel), one lane per user and brand, as in bench:pipeline;
 * - POST /v1/tokens with one secret API key (the key check and the minting).
 */
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { createApiKey } from '../src/auth/api-keys.js';
import { signUserToken } from '../src/auth/jwt.js';
import { migrate } from '../src/db/migrate.js';
import { fmt, openBenchRun, percentile, spawnBench } from './shared.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_LOAD_CONCURRENCY ?? 16);
const SECRET = 'bench-secret-that-is-at-least-32-characters';
const HIGH = String(1_000_000_000);

async function rps(
  url: string,
  requests: { headers: Record<string, string>; body: string }[],
  expect: number,
) {
  let next = 0;
  const result = await autocannon({
    url,
    method: 'POST',
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        setupRequest: (req) => {
          const lane = requests[next++ % requests.length]!;
          return {
            ...req,
            headers: { ...lane.headers, 'content-type': 'application/json' },
            body: lane.body,
          };
        },
      },
    ],
  });
  const wrong = result.requests.total - (result.statusCodeStats[String(expect) as '200']?.count ?? 0);
  if (wrong > 0) console.warn(`${url}: ${wrong} answers other than ${expect}`);
  return result.requests.average;
}

async function main() {
  const run = await openBenchRun();
  const { db, dataDir, children } = run;
  try {
    await migrate(db);
    await db.query(
      `insert into plans (name, quota_images, quota_videos, quota_woofs, priority) values ('bench', 1000000000, 1000, 1000, 0)`,
    );
    const lanes = await Promise.all(
      Array.from({ length: CONNECTIONS }, async (_, i) => {
        const userId = randomUUID();
        const { rows } = await db.query<{ id: string }>(
          `insert into brands (user_id, name, plan) values ($1, $2, 'bench') returning id`,
          [userId, `Load ${i}`],
        );
        const { token } = await signUserToken(SECRET, { userId });
        return {
          headers: { authorization: `Bearer ${token}` },
          body: JSON.stringify({
            format: 'carousel',
            count: 5,
            topic: 'Load test topic',
            brandId: rows[0]!.id,
          }),
        };
      }),
    );
    const { key } = await createApiKey(db, 'bench');
    const mint = [
      { headers: { authorization: `Bearer ${key}` }, body: JSON.stringify({ userId: randomUUID() }) },
    ];

    const start = async (limits: Record<string, string>) => {
      const child = spawnBench('limits-api.ts', {
        DATABASE_URL: run.url,
        BENCH_JWT_SECRET: SECRET,
        BENCH_DATA_DIR: dataDir,
        ...limits,
      });
      children.push(child);
      let port = '';
      child.onLine((line) => {
        if (line.startsWith('ready')) port = line.split(' ')[1]!;
      });
      await child.ready;
      return `http://127.0.0.1:${port}`;
    };
    const on = await start({
      RATE_LIMITS: 'on',
      RATE_LIMIT_USER: HIGH,
      RATE_LIMIT_API_KEY: HIGH,
      RATE_LIMIT_TOKENS: HIGH,
    });
    const off = await start({ RATE_LIMITS: 'off' });

    const figures = {
      generateOn: [] as number[],
      generateOff: [] as number[],
      tokensOn: [] as number[],
      tokensOff: [] as number[],
    };
    // Warm-up: JIT, connection pools, prepared statements.
    await rps(`${on}/v1/tokens`, mint, 201);
    await rps(`${off}/v1/tokens`, mint, 201);
    // Each round swaps which process goes first: orders pile up in the database as the bench
    // goes, so the later run of a round would otherwise always be the slower one.
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const);
      for (const which of order) {
        const base = which === 'on' ? on : off;
        figures[which === 'on' ? 'generateOn' : 'generateOff'].push(
          await rps(`${base}/v1/generate`, lanes, 202),
        );
      }
      for (const which of order) {
        const base = which === 'on' ? on : off;
        figures[which === 'on' ? 'tokensOn' : 'tokensOff'].push(await rps(`${base}/v1/tokens`, mint, 201));
      }
    }
    const median = (values: number[]) => percentile(values, 50);
    const list = (values: number[]) => values.map((v) => fmt(v, 0)).join(', ');
    console.log(
      `\nLimits bench: ${CONNECTIONS} connections, ${SECONDS} s per run, ${ROUNDS} rounds, one API process each`,
    );
    console.log('| metric | limits on | limits off | on / off |');
    console.log('|---|---|---|---|');
    const row = (name: string, a: number[], b: number[]) =>
      console.log(
        `| ${name}, median req/s (runs) | ${fmt(median(a), 0)} (${list(a)}) | ${fmt(median(b), 0)} (${list(b)}) | ${fmt(median(a) / median(b), 2)} |`,
      );
    row('POST /v1/generate (5-slide carousel)', figures.generateOn, figures.generateOff);
    row('POST /v1/tokens (one API key)', figures.tokensOn, figures.tokensOff);
  } finally {
    await run.close();
  }
}

await main();
process.exit(0);
