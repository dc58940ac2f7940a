import { HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ReplicateClient } from '../../src/engines/replicate/client.js';
import { createReplicateVideoEngine } from '../../src/engines/replicate/video-engine.js';
import { webhooksRoutes } from '../../src/http/routes/webhooks.js';
import type { WorkerOptions } from '../../src/worker/index.js';
import { createOrder, readCounters, readOrder, waitFor } from '../pipeline/fixtures.js';
import { prediction, type ReplicateCall, replicateHandlers } from './msw-replicate.js';
import { useParkingHarness } from './parking-harness.js';
import { REPLICATE_WEBHOOK_SECRET, REPLICATE_WEBHOOK_URL, signedWebhook } from './replicate-webhook.js';

/**
 * Long renders parked on the provider (issue 8), end to end: the real worker on real PostgreSQL
 * with the Replicate video engine, whose API msw serves. The job waits as `waiting` on the
 * prediction id with its slot free, and is resumed by the signed webhook, the scheduled poll, or
 * the lease recovery when both are missing.
 */
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const OUTPUT = 'https://replicate.delivery/xezq/p1/output.mp4';
const MP4 = new Uint8Array([0, 0, 0, 24, 102, 116, 121, 112, 109, 112, 52, 50]);

describe('video renders parked on Replicate, through the worker (PostgreSQL)', () => {
  const h = useParkingHarness('alfie-parking-');
  let calls: ReplicateCall[];

  beforeEach(() => {
    calls = [];
  });

  /** A Replicate prediction `p1` that is `starting` when created; `gets` answer the polls, in order. */
  function replicate(gets: string[]) {
    server.use(
      ...replicateHandlers(calls, {
        create: [() => HttpResponse.json(prediction('p1', 'starting'), { status: 201 })],
        get: gets.map(
          (status) => () =>
            HttpResponse.json(prediction('p1', status, status === 'succeeded' ? { output: OUTPUT } : {})),
        ),
        output: { body: MP4, type: 'video/mp4' },
      }),
    );
  }

  const start = (options: Partial<WorkerOptions> = {}) =>
    h.startWorker(
      {
        video: createReplicateVideoEngine({
          client: new ReplicateClient({ token: 'r8_test', timeoutMs: 2_000 }),
          model: 'kwaivgi/kling-v2.1',
          webhookUrl: REPLICATE_WEBHOOK_URL,
        }),
      },
      options,
    );
  const videoOrder = () => h.order({ format: 'video', duration: 5 });

  const jobRow = async (jobId: string) =>
    (
      await h.t.db.query<{
        status: string;
        attempts: number;
        provider: string | null;
        provider_ref: string | null;
        last_error: string | null;
        provider_canceled_at: Date | null;
      }>(
        'select status, attempts, provider, provider_ref, last_error, provider_canceled_at from job_queue where id = $1',
        [jobId],
      )
    ).rows[0]!;
  const predictionGets = () =>
    calls.filter((c) => c.method === 'GET' && c.url.includes('/predictions/')).length;

  async function expectVideoDelivered(orderId: string, brandId: string) {
    const order = await waitFor(async () => {
      const row = await readOrder(h.t.db, orderId);
      return row.status !== 'pending' && row.status !== 'processing' && row;
    }, 15_000);
    expect(order).toMatchObject({ status: 'completed', charged_reels: 1, charged_woofs: 1 });
    expect(order.settled_at).not.toBeNull();
    expect(await readCounters(h.t.db, brandId)).toMatchObject({
      reels_used: 1,
      reels_reserved: 0,
      woofs_used: 1,
      woofs_reserved: 0,
    });
    const media = await h.t.db.query<{ mime_type: string; public_id: string }>(
      'select mime_type, public_id from media_generations where order_id = $1',
      [orderId],
    );
    expect(media.rows).toHaveLength(1);
    expect(media.rows[0]!.mime_type).toBe('video/mp4');
    expect(calls.filter((c) => c.url === OUTPUT)).toHaveLength(1);
  }

  it('parks the video job with its slot free, and the signed webhook completes it with exact quota', async () => {
    replicate(['processing']);
    const { user, brandId, orderId, jobId } = await videoOrder();
    // Polls far away: only the webhook can resume the job.
    await start({ providerPollMs: 60_000 });
    await waitFor(async () => (await jobRow(jobId)).status === 'waiting', 10_000);
    expect(await jobRow(jobId)).toMatchObject({ provider: 'replicate', provider_ref: 'p1', attempts: 0 });
    const creates = calls.filter((c) => c.method === 'POST' && c.url.endsWith('/predictions'));
    expect(creates).toHaveLength(1);
    expect(creates[0]!.body).toMatchObject({
      webhook: REPLICATE_WEBHOOK_URL,
      webhook_events_filter: ['completed'],
    });

    // One worker slot, held by nobody: an image ordered now is delivered while the video waits.
    const image = await createOrder(h.t.db, { userId: user.userId, brandId, format: 'image' });
    await waitFor(async () => (await readOrder(h.t.db, image.orderId)).status === 'completed', 10_000);
    expect((await jobRow(jobId)).status).toBe('waiting');
    expect((await readOrder(h.t.db, orderId)).status).toBe('processing');

    const webhooks = webhooksRoutes({ db: h.t.db, replicateWebhookSecret: REPLICATE_WEBHOOK_SECRET });
    const delivery = signedWebhook(prediction('p1', 'succeeded', { output: OUTPUT }));
    const response = await webhooks.request('/v1/webhooks/replicate', delivery);
    expect(await response.json()).toEqual({ received: true, resumed: true });
    await expectVideoDelivered(orderId, brandId);
    await waitFor(async () => (await jobRow(jobId)).status === 'completed');
    expect((await jobRow(jobId)).attempts).toBe(1);
    // The webhook's prediction was used as it came: Replicate was never polled.
    expect(predictionGets()).toBe(0);
    // A redelivery of the same event changes nothing and charges nothing more.
    const again = await webhooks.request(
      '/v1/webhooks/replicate',
      signedWebhook(prediction('p1', 'succeeded', { output: OUTPUT })),
    );
    expect(await again.json()).toEqual({ received: true, resumed: false });
    expect(await readCounters(h.t.db, brandId)).toMatchObject({ reels_used: 1, woofs_used: 1 });
  });

  it('without a webhook, the scheduled poll finds the finished prediction and completes the order', async () => {
    replicate(['processing', 'succeeded']);
    const { brandId, orderId, jobId } = await videoOrder();
    await start({ providerPollMs: 150, providerPollMaxMs: 300 });
    await expectVideoDelivered(orderId, brandId);
    expect(predictionGets()).toBe(2);
    await waitFor(async () => (await jobRow(jobId)).status === 'completed');
    // Two polls, three runs, yet one attempt: waiting on a render uses none.
    expect((await jobRow(jobId)).attempts).toBe(1);
  });

  it('a lost webhook cannot strand the job: past its lease it is recovered and completed', async () => {
    replicate(['succeeded']);
    const { brandId, orderId, jobId } = await videoOrder();
    // The poll would come in a minute; the parked lease expires in two seconds and cleanup runs
    // often (a running job's own lease is renewed by its heartbeat, so only the parked one expires).
    await start({ providerPollMs: 60_000, parkLeaseMs: 2_000, cleanupIntervalMs: 200 });
    await waitFor(async () => (await jobRow(jobId)).status === 'waiting', 10_000);
    await expectVideoDelivered(orderId, brandId);
    await waitFor(async () => (await jobRow(jobId)).status === 'completed');
    expect(await jobRow(jobId)).toMatchObject({ last_error: 'lease expired', provider_ref: 'p1' });
    expect(predictionGets()).toBe(1);
  });

  it('canceling the order while parked cancels the prediction and releases the quota', async () => {
    replicate(['processing']);
    const { user, brandId, orderId, jobId } = await videoOrder();
    await start({ providerPollMs: 60_000 });
    await waitFor(async () => (await jobRow(jobId)).status === 'waiting', 10_000);

    const cancel = await h.t.request(`/v1/orders/${orderId}/cancel`, {
      method: 'POST',
      headers: user.headers,
    });
    expect(cancel.status).toBe(200);
    await waitFor(async () => calls.some((c) => c.url.endsWith('/predictions/p1/cancel')), 10_000);
    const job = await jobRow(jobId);
    expect(job.status).toBe('canceled');
    expect(job.provider_canceled_at).not.toBeNull();
    await new Promise((r) => setTimeout(r, 300)); // a second cancel (another poll) would land now
    expect(calls.filter((c) => c.url.endsWith('/predictions/p1/cancel'))).toHaveLength(1);
    expect(await readOrder(h.t.db, orderId)).toMatchObject({ status: 'canceled', charged_reels: 0 });
    expect(await readCounters(h.t.db, brandId)).toMatchObject({
      reels_used: 0,
      reels_reserved: 0,
      woofs_used: 0,
      woofs_reserved: 0,
    });
    expect(calls.filter((c) => c.url === OUTPUT)).toHaveLength(0);
  });

  it('a render still running past the timeout is canceled, and the order fails with its quota released', async () => {
    replicate(['processing']);
    const { brandId, orderId, jobId } = await videoOrder();
    await start({ providerPollMs: 100, providerPollMaxMs: 100, providerTimeoutMs: 400 });
    const order = await waitFor(async () => {
      const row = await readOrder(h.t.db, orderId);
      return row.status === 'failed' && row;
    }, 15_000);
    expect(order).toMatchObject({ charged_reels: 0, charged_woofs: 0 });
    expect(await readCounters(h.t.db, brandId)).toMatchObject({ reels_used: 0, reels_reserved: 0 });
    const item = await h.t.db.query<{ error: string }>('select error from order_items where order_id = $1', [
      orderId,
    ]);
    // The user reads a safe message; the provider's own words stay in the logs.
    expect(item.rows[0]!.error).toMatch(/^TIMEOUT: The render took too long/);
    expect(calls.filter((c) => c.url.endsWith('/predictions/p1/cancel'))).toHaveLength(1);
    expect(predictionGets()).toBeGreaterThanOrEqual(2);
    await waitFor(async () => (await jobRow(jobId)).status === 'failed');
  });
});
