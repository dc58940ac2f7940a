import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { type Child, killChild, spawnChild } from './children.js';
import { waitFor } from './fixtures.js';

describe('batched claims across worker processes (real PostgreSQL)', () => {
  let db: TestDb;
  const children: Child[] = [];

  beforeEach(async () => {
    db = await createTestDb('postgres');
  });
  afterEach(async () => {
    await Promise.all(children.splice(0).map((c) => killChild(c, 'SIGKILL')));
    await db.drop();
  });

  function worker(): Child {
    const child = spawnChild('noop-worker-child.ts', { DATABASE_URL: db.url! });
    children.push(child);
    return child;
  }

  function runs(child: Child): { id: string; ahead: number }[] {
    return child
      .output()
      .split('\n')
      .filter((line) => line.startsWith('ran '))
      .map((line) => {
        const [, id, ahead] = line.split(' ');
        return { id: id!, ahead: Number(ahead) };
      });
  }

  it('never runs a job twice, even when a worker stops holding jobs it claimed ahead', async () => {
    const JOBS = 6_000;
    const workers = [worker(), worker(), worker()];
    await Promise.all(workers.map((w) => w.ready));
    const { rows } = await db.query<{ id: string }>(
      `insert into job_queue (user_id, type, payload) select $1, 'render_images', '{}'::jsonb
       from generate_series(1, $2) returning id`,
      [randomUUID(), JOBS],
    );
    // One worker stops mid-drain: the jobs it had claimed ahead and not started go back to the queue.
    await waitFor(async () => runs(workers[0]!).length > 300, 20_000);
    await killChild(workers[0]!, 'SIGTERM');
    expect(await workers[0]!.exited).toBe(0);
    await waitFor(async () => {
      const { rows: left } = await db.query<{ n: number }>(
        `select count(*)::int as n from job_queue where status <> 'completed'`,
      );
      return left[0]!.n === 0;
    }, 60_000);
    await Promise.all(workers.slice(1).map((w) => killChild(w, 'SIGTERM')));

    const all = workers.flatMap(runs);
    expect(all).toHaveLength(JOBS);
    expect(new Set(all.map((r) => r.id))).toEqual(new Set(rows.map((r) => r.id)));
    // The queue was deep and the jobs short: jobs were held claimed beyond the 10 slots of a worker.
    expect(Math.max(...all.map((r) => r.ahead))).toBeGreaterThan(0);
    // A released job had its attempt given back: every job ran on its first attempt.
    const attempts = await db.query<{ attempts: number; n: number }>(
      'select attempts, count(*)::int as n from job_queue group by attempts',
    );
    expect(attempts.rows).toEqual([{ attempts: 1, n: JOBS }]);
  }, 120_000);

  it('runs a batch in the claim order: highest priority (plan) first, then oldest', async () => {
    const w = worker();
    await w.ready;
    const { rows } = await db.query<{ id: string; priority: number }>(
      `insert into job_queue (user_id, type, payload, priority)
       select $1, 'render_images', '{}'::jsonb, (i * 7919 % 3) * 10 from generate_series(1, 3000) i
       returning id, priority`,
      [randomUUID()],
    );
    await waitFor(async () => runs(w).length === rows.length, 30_000);
    // One statement: one created_at, so the id breaks ties (uuid order is its hex text's order).
    const expected = [...rows]
      .sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : 1))
      .map((r) => r.id);
    expect(runs(w).map((r) => r.id)).toEqual(expected);
    expect(Math.max(...runs(w).map((r) => r.ahead))).toBeGreaterThan(0);
  }, 60_000);

  it('an idle worker claims only what it can start: a lone job is not held behind a batch', async () => {
    const [a, b] = [worker(), worker()];
    await Promise.all([a.ready, b.ready]);
    const userId = randomUUID();
    for (let i = 0; i < 20; i++) {
      await db.query(`insert into job_queue (user_id, type, payload) values ($1, 'render_images', '{}')`, [
        userId,
      ]);
      await waitFor(async () => runs(a).length + runs(b).length === i + 1, 10_000);
    }
    expect([...runs(a), ...runs(b)].every((r) => r.ahead === 0)).toBe(true);
  }, 60_000);
});
