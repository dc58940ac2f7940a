import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { webhooksRoutes } from '../../src/http/routes/webhooks.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { createOrder, seedBrand } from '../pipeline/fixtures.js';
import type { Json } from './fixtures.js';
import { prediction } from './msw-replicate.js';
import { REPLICATE_WEBHOOK_SECRET as SECRET, signedWebhook as signed } from './replicate-webhook.js';

describe.each(['postgres', 'pglite'] as const)(
  'POST /v1/webhooks/replicate on %s',
  { timeout: 30_000 },
  (kind) => {
    let db: TestDb;
    let jobId: string;
    let app: ReturnType<typeof webhooksRoutes>;

    let ref: string;
    // One database per kind (PGlite copies take seconds); each test parks a new job on a new prediction.
    beforeAll(async () => {
      db = await createTestDb(kind);
    }, 60_000);
    afterAll(() => db.drop());
    beforeEach(async () => {
      ref = `pred-${randomBytes(4).toString('hex')}`;
      const { userId, brandId } = await seedBrand(db);
      ({ jobId } = await createOrder(db, { userId, brandId, format: 'video', duration: 5 }));
      // The worker parked this job on a Replicate prediction.
      await db.query(
        `update job_queue set status = 'waiting', provider = 'replicate', provider_ref = $2,
         lease_expires_at = now() + interval '10 minutes', run_after = now() + interval '1 hour' where id = $1`,
        [jobId, ref],
      );
      app = webhooksRoutes({ db, replicateWebhookSecret: SECRET });
    });

    const job = async () =>
      (
        await db.query<{ status: string; payload: Json; updated_at: Date }>(
          'select status, payload, updated_at from job_queue where id = $1',
          [jobId],
        )
      ).rows[0]!;

    it('resumes the parked job once, with the prediction, on a valid signature', async () => {
      const done = prediction(ref, 'succeeded', { output: 'https://replicate.delivery/x/out.mp4' });
      const response = await app.request('/v1/webhooks/replicate', signed(done));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ received: true, resumed: true });
      const after = await job();
      expect(after.status).toBe('queued');
      expect(after.payload.providerResults[ref]).toMatchObject({
        id: ref,
        status: 'succeeded',
        output: 'https://replicate.delivery/x/out.mp4',
      });
    });

    it('changes nothing when the same webhook is delivered twice', async () => {
      const delivery = signed(
        prediction(ref, 'succeeded', { output: 'https://replicate.delivery/x/out.mp4' }),
        { id: 'msg_same' },
      );
      expect((await app.request('/v1/webhooks/replicate', delivery)).status).toBe(200);
      // The worker claimed the resumed job meanwhile.
      await db.query(`update job_queue set status = 'running', locked_at = now() where id = $1`, [jobId]);
      const before = await job();
      const again = await app.request('/v1/webhooks/replicate', delivery);
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual({ received: true, resumed: false });
      expect(await job()).toEqual(before);
    });

    it('refuses a bad signature with 401 and leaves the job parked', async () => {
      const forged = signed(prediction(ref, 'succeeded'), {
        secret: `whsec_${randomBytes(24).toString('base64')}`,
      });
      const response = await app.request('/v1/webhooks/replicate', forged);
      expect(response.status).toBe(401);
      expect((await response.json()).error.code).toBe('UNAUTHORIZED');
      expect((await job()).status).toBe('waiting');

      const tampered = signed(prediction(ref, 'failed'));
      tampered.body = tampered.body.replace('failed', 'succeeded');
      expect((await app.request('/v1/webhooks/replicate', tampered)).status).toBe(401);
    });

    it('refuses a delivery replayed outside the 5-minute window', async () => {
      const old = signed(prediction(ref, 'succeeded'), { at: new Date(Date.now() - 6 * 60_000) });
      const response = await app.request('/v1/webhooks/replicate', old);
      expect(response.status).toBe(401);
      expect((await response.json()).error.message).toMatch(/timestamp/i);
      const future = signed(prediction(ref, 'succeeded'), { at: new Date(Date.now() + 6 * 60_000) });
      expect((await app.request('/v1/webhooks/replicate', future)).status).toBe(401);
      expect((await job()).status).toBe('waiting');
    });

    it('ignores non-terminal events and unknown predictions', async () => {
      const processing = await app.request('/v1/webhooks/replicate', signed(prediction(ref, 'processing')));
      expect(await processing.json()).toEqual({ received: true, resumed: false });
      const unknown = await app.request('/v1/webhooks/replicate', signed(prediction('other', 'succeeded')));
      expect(await unknown.json()).toEqual({ received: true, resumed: false });
      expect((await job()).status).toBe('waiting');
    });

    it('answers 404 when no webhook secret is configured', async () => {
      const off = webhooksRoutes({ db, replicateWebhookSecret: null });
      expect((await off.request('/v1/webhooks/replicate', signed(prediction(ref, 'succeeded')))).status).toBe(
        404,
      );
    });
  },
);
