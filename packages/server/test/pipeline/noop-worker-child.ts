/**
 * A queue runner in its own process with a no-op handler, for the batched-claim tests (run with
 * `node --import tsx`). Env: DATABASE_URL, CHILD_CONCURRENCY (10), CHILD_CLAIM_AHEAD (500).
 * Prints `ready`, then `ran <jobId> <claimed ahead>` for each job it runs, where "claimed ahead"
 * is how many jobs this process held claimed beyond its slots at that moment. SIGTERM stops it.
 */
import { createPgDb } from '../../src/db/pg.js';
import { QueueRunner } from '../../src/queue/runner.js';

const env = process.env;
const db = createPgDb({ connectionString: env.DATABASE_URL!, max: 4 });
let out = '';
const flush = () => {
  if (out) process.stdout.write(out);
  out = '';
};
const runner: QueueRunner = new QueueRunner({
  db,
  concurrency: Number(env.CHILD_CONCURRENCY ?? 10),
  claimAheadMax: Number(env.CHILD_CLAIM_AHEAD ?? 500),
  pollIntervalMs: 500,
  handlers: {
    render_images: async (job) => {
      out += `ran ${job.id} ${runner.claimedAhead}\n`;
      if (out.length > 16_000) flush();
      return { status: 'completed' };
    },
  },
});
await runner.start();
const flusher = setInterval(flush, 20);
process.stdout.write('ready\n');
process.once('SIGTERM', () => {
  void runner
    .stop()
    .then(() => db.close())
    .then(() => {
      clearInterval(flusher);
      flush();
      process.exit(0);
    });
});
