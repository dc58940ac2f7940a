import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/helpers/db.js';
import { createOrder, readJob, seedBrand, waitFor } from '../../test/pipeline/fixtures.js';
import { recoverStuckJobs } from '../worker/cleanup.js';
import { QueueRunner } from './runner.js';
import type { AbortReason, ParkingJobHandler } from './types.js';
import { silentLogger } from './types.js';

/** Heartbeat-renewed leases on real PostgreSQL: a live worker keeps its job, a lost lease stops it. */
describe('job leases and their heartbeat (PostgreSQL)', () => {
  let db: TestDb;
  const runners: QueueRunner[] = [];

  beforeEach(async () => {
    db = await createTestDb('postgres');
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop()));
    await db.drop();
  });

  function runner(handler: ParkingJobHandler) {
    const r = new QueueRunner({
      db,
      handlers: { render_images: handler },
      leaseMs: 3_000,
      pollIntervalMs: 200,
      shutdownGraceMs: 200,
    });
    runners.push(r);
    return r;
  }

  it('a job running three times longer than its lease keeps it while the worker lives', async () => {
    const { userId, brandId } = await seedBrand(db);
    const { jobId } = await createOrder(db, { userId, brandId, format: 'image' });
    const holder = runner(async (_job, ctx) => {
      await new Promise((resolve) => setTimeout(resolve, 9_000));
      return ctx.signal.aborted ? { status: 'released' } : { status: 'completed' };
    });
    await holder.start();
    await waitFor(async () => (await readJob(db, jobId)).status === 'running');
    // Another worker's stuck-job recovery, every 200 ms, never finds this one past its lease.
    const recovered: string[] = [];
    await waitFor(async () => {
      recovered.push(...(await recoverStuckJobs(db, silentLogger)).requeued);
      return (await readJob(db, jobId)).status === 'completed';
    }, 20_000);
    expect(recovered).toEqual([]);
    expect(await readJob(db, jobId)).toMatchObject({ status: 'completed', attempts: 1 });
  }, 30_000);

  it('a job whose lease was taken back is aborted at the next heartbeat and never written as its own', async () => {
    const { userId, brandId } = await seedBrand(db);
    const { jobId } = await createOrder(db, { userId, brandId, format: 'image' });
    let reason: AbortReason | null = null;
    const r = runner(
      (_job, ctx) =>
        new Promise((resolve) => {
          ctx.signal.addEventListener('abort', () => {
            reason = ctx.abortReason();
            resolve({ status: 'retry', error: 'INTERNAL: interrupted' });
          });
        }),
    );
    await r.start();
    await waitFor(async () => (await readJob(db, jobId)).status === 'running');
    // What a stalled worker meets: its lease expired and another worker claimed the job meanwhile.
    await db.query(`update job_queue set locked_by = 'other-worker', attempts = attempts + 1 where id = $1`, [
      jobId,
    ]);
    await waitFor(async () => reason !== null, 5_000);
    expect(reason).toBe('lease-lost');
    await waitFor(async () => r.inFlight === 0);
    // The other worker's claim is untouched: no requeue, no release, no failure written over it.
    expect(await readJob(db, jobId)).toMatchObject({ status: 'running', attempts: 2, last_error: null });
  }, 30_000);
});
