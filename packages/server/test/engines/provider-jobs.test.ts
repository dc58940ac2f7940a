import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARK_PROVIDER_JOB } from '../../src/sql/providers/park-provider-job.js';
import { RESUME_PROVIDER_JOB } from '../../src/sql/providers/resume-provider-job.js';
import { WAKE_DUE_WAITING_JOBS } from '../../src/sql/providers/wake-due-waiting-jobs.js';
import { CLAIM_JOBS } from '../../src/sql/queue/claim-jobs.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { createOrder, seedBrand } from '../pipeline/fixtures.js';

/** The statements of a parked render: park, then resume by webhook or by the scheduled poll. */
describe.each(['postgres', 'pglite'] as const)(
  'provider job statements on %s',
  { timeout: 30_000 },
  (kind) => {
    let db: TestDb;
    beforeAll(async () => {
      db = await createTestDb(kind);
    }, 60_000);
    afterAll(() => db.drop());

    async function runningJob() {
      const { userId, brandId } = await seedBrand(db);
      const { jobId } = await createOrder(db, { userId, brandId, format: 'video' });
      // Claim everything due so the claim returns this job (each test leaves nothing else queued).
      const { rows } = await db.query<{ id: string; attempts: number }>(CLAIM_JOBS, ['w1', 10, 60_000]);
      const claimed = rows.find((r) => r.id === jobId)!;
      return { jobId, attempts: claimed.attempts };
    }
    const state = async (id: string) =>
      (
        await db.query<{ status: string; provider_ref: string | null; locked_by: string | null }>(
          'select status, provider_ref, locked_by from job_queue where id = $1',
          [id],
        )
      ).rows[0]!;

    it('parks a running job with its claim token, and only then', async () => {
      const { jobId, attempts } = await runningJob();
      expect(
        (
          await db.query(PARK_PROVIDER_JOB, [
            jobId,
            attempts + 1,
            'replicate',
            'p-x',
            30_000,
            600_000,
            null,
            ['p-x'],
          ])
        ).rowCount,
      ).toBe(0);
      expect(
        (
          await db.query(PARK_PROVIDER_JOB, [
            jobId,
            attempts,
            'replicate',
            'p-1',
            30_000,
            600_000,
            null,
            ['p-1'],
          ])
        ).rowCount,
      ).toBe(1);
      expect(await state(jobId)).toEqual({ status: 'waiting', provider_ref: 'p-1', locked_by: null });
    });

    it('is resumed by the webhook once, or by the poll when its time has come', async () => {
      const a = await runningJob();
      await db.query(PARK_PROVIDER_JOB, [
        a.jobId,
        a.attempts,
        'replicate',
        'p-2',
        60_000,
        600_000,
        null,
        ['p-2'],
      ]);
      expect(
        (await db.query(RESUME_PROVIDER_JOB, ['replicate', 'p-2', '{"id":"p-2","status":"succeeded"}']))
          .rowCount,
      ).toBe(1);
      expect(
        (await db.query(RESUME_PROVIDER_JOB, ['replicate', 'p-2', '{"id":"p-2","status":"succeeded"}']))
          .rowCount,
      ).toBe(0);
      expect((await state(a.jobId)).status).toBe('queued');
      await db.query(CLAIM_JOBS, ['w1', 10, 60_000]);

      const b = await runningJob();
      await db.query(PARK_PROVIDER_JOB, [b.jobId, b.attempts, 'replicate', 'p-3', 0, 600_000, null, ['p-3']]);
      const woken = await db.query<{ id: string }>(WAKE_DUE_WAITING_JOBS);
      expect(woken.rows.map((r) => r.id)).toContain(b.jobId);
      expect((await state(b.jobId)).status).toBe('queued');
    });

    it('a job parked on one render per item is found by any of them; a result kept while it ran makes its next poll due', async () => {
      const { userId, brandId } = await seedBrand(db);
      const { jobId } = await createOrder(db, { userId, brandId, format: 'carousel', count: 2 });
      const claim = async () =>
        (await db.query<{ id: string; attempts: number }>(CLAIM_JOBS, ['w1', 10, 60_000])).rows.find(
          (r) => r.id === jobId,
        )!;
      const renders = [
        { item: 'i1', ref: 'r-1' },
        { item: 'i2', ref: 'r-2' },
      ];
      const first = await claim();
      await db.query(PARK_PROVIDER_JOB, [
        jobId,
        first.attempts,
        'replicate',
        'r-1',
        60_000,
        600_000,
        JSON.stringify(renders),
        ['r-1', 'r-2'],
      ]);
      const resume = (ref: string) =>
        db.query<{ woke: boolean }>(RESUME_PROVIDER_JOB, [
          'replicate',
          ref,
          `{"id":"${ref}","status":"succeeded"}`,
        ]);
      expect((await resume('r-2')).rows).toEqual([{ id: jobId, woke: true }]);
      expect((await state(jobId)).status).toBe('queued');

      // The job runs for r-2; r-1's webhook comes meanwhile: kept, nothing woken.
      const second = await claim();
      expect((await resume('r-1')).rows).toEqual([{ id: jobId, woke: false }]);
      expect((await resume('r-1')).rowCount).toBe(0);
      const payload = (
        await db.query<{ payload: { providerResults: Record<string, unknown> } }>(
          'select payload from job_queue where id = $1',
          [jobId],
        )
      ).rows[0]!.payload;
      expect(Object.keys(payload.providerResults).sort()).toEqual(['r-1', 'r-2']);
      // Parked again on r-1 with a poll a minute away: its result is there, so the poll is due now.
      await db.query(PARK_PROVIDER_JOB, [
        jobId,
        second.attempts,
        'replicate',
        'r-1',
        60_000,
        600_000,
        JSON.stringify([renders[0]]),
        ['r-1'],
      ]);
      expect((await db.query<{ id: string }>(WAKE_DUE_WAITING_JOBS)).rows.map((r) => r.id)).toContain(jobId);
    });
  },
);
