/**
 * The dashboard's "stuck" and "problem" jobs read job rows through the queue's own indexes
 * (migration 0015). Each case below sits on one side of a boundary those queries draw: open or
 * ended, more or less than 10 minutes open, inside or outside the window, failed in the window.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listProblemJobs, readOverview } from '../../src/admin/stats.js';
import { READ_DB_STATS } from '../../src/sql/metrics/read-db-stats.js';
import { createTestDb, TEST_DB_KINDS, type TestDb } from '../helpers/db.js';

describe.each(TEST_DB_KINDS)('stuck and problem jobs on %s', (kind) => {
  let db: TestDb;
  const ids: Record<string, string> = {};

  /** A job created `ageMin` minutes ago, open or ended `ranMin` minutes after it was created. */
  async function job(name: string, status: string, ageMin: number, ranMin: number | null) {
    const { rows } = await db.query<{ id: string }>(
      `insert into job_queue (user_id, type, payload, status, attempts, created_at, updated_at, completed_at,
         locked_at, lease_expires_at)
       values (gen_random_uuid(), 'render_images', '{}', $1, 1, now() - make_interval(mins => $2),
         now() - make_interval(mins => $2 - coalesce($3, 0)),
         case when $3::int is null then null else now() - make_interval(mins => $2 - $3) end,
         case when $1 in ('running', 'waiting') then now() end,
         case when $1 in ('running', 'waiting') then now() + interval '1 minute' end)
       returning id`,
      [status, ageMin, ranMin],
    );
    ids[name] = rows[0]!.id;
  }

  beforeAll(async () => {
    db = await createTestDb(kind);
    await job('queued stuck', 'queued', 30, null);
    await job('queued fresh', 'queued', 5, null);
    await job('running stuck', 'running', 60, null);
    await job('waiting stuck', 'waiting', 120, null);
    await job('waiting fresh', 'waiting', 2, null);
    await job('completed after 20 min', 'completed', 180, 20);
    await job('completed after 1 min', 'completed', 180, 1);
    await job('failed after 15 min', 'failed', 300, 15);
    await job('failed 3 days ago', 'failed', 3 * 24 * 60, 1);
    await job('canceled after 11 min, 2 days ago', 'canceled', 2 * 24 * 60, 11);
    await job('queued stuck, out of the 24 h window', 'queued', 25 * 60, null);
  });
  afterAll(() => db.drop());

  it('counts a job open for more than 10 minutes once, open or ended, within the window', async () => {
    const day = await readOverview(db, '24h');
    // queued, running and waiting stuck; completed after 20 min; failed after 15 min.
    expect(day.stuckTotal).toBe(5);
    const month = await readOverview(db, '30d');
    // Same five, the canceled one of 2 days ago and the queued one of 25 hours ago.
    expect(month.stuckTotal).toBe(7);
  });

  it('lists failed jobs of the window and open jobs stuck for more than 10 minutes', async () => {
    const problems = await listProblemJobs(db, '24h');
    const named = (id: string) => Object.keys(ids).find((name) => ids[name] === id);
    expect(problems.map((p) => `${named(p.id)}: ${p.problem}`).sort()).toEqual([
      'failed after 15 min: failed',
      'queued stuck, out of the 24 h window: stuck',
      'queued stuck: stuck',
      'running stuck: stuck',
      'waiting stuck: stuck',
    ]);
  });

  it('reads open jobs by status and the oldest queued job for /metrics', async () => {
    const { rows } = await db.query<{ jobs: Record<string, number>; oldest_queued_seconds: number }>(
      READ_DB_STATS,
    );
    expect(rows[0]!.jobs).toEqual({ queued: 3, running: 1, waiting: 2 });
    expect(rows[0]!.oldest_queued_seconds).toBeGreaterThanOrEqual(25 * 3600);
  });
});
