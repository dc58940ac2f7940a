import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createPgDb } from '../src/db/pg.ts';
import { migrate } from '../src/db/migrate.ts';
import { CLAIM_JOBS } from '../src/sql/queue/claim-jobs.ts';
import { COMPLETE_JOBS } from '../src/sql/queue/complete-jobs.ts';
import { createBenchDatabase } from './shared.ts';
const bench = await createBenchDatabase();
const db = createPgDb({ connectionString: bench.url, max: 2 });
await migrate(db);
await db.query(`insert into job_queue (user_id, type, payload) select $1, 'render_images', '{}'::jsonb from generate_series(1, 10000)`, [randomUUID()]);
await db.query('analyze job_queue');
let claimMs = 0, completeMs = 0, n = 0;
const t0 = performance.now();
for (;;) {
  let t = performance.now();
  const { rows } = await db.query<{ id: string; attempts: number }>(CLAIM_JOBS, ['w', 10, 60000]);
  claimMs += performance.now() - t;
  if (rows.length === 0) break;
  t = performance.now();
  await db.query(COMPLETE_JOBS, [JSON.stringify(rows.map((r) => ({ id: r.id, attempts: r.attempts }))), 'w']);
  completeMs += performance.now() - t;
  n += rows.length;
}
const total = performance.now() - t0;
console.log({ n, total, perSec: n / total * 1000, claimAvg: claimMs / (n / 10), completeAvg: completeMs / (n / 10) });
const ex = await db.query(`explain analyze ${CLAIM_JOBS.replace('$1', "'w'").replace('$2', '10').replace('$3', '60000')}`);
console.log(ex.rows.map((r: any) => r['QUERY PLAN']).join('\n'));
await db.close(); await bench.drop();
