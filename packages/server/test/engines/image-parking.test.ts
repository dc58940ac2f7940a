import { HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ReplicateClient } from '../../src/engines/replicate/client.js';
import { createReplicateImageEngine } from '../../src/engines/replicate/image-engine.js';
import { webhooksRoutes } from '../../src/http/routes/webhooks.js';
import type { WorkerOptions } from '../../src/worker/index.js';
import { createOrder, readCounters, readOrder, waitFor } from '../pipeline/fixtures.js';
import { geminiPng } from './msw-gemini.js';
import { prediction, type ReplicateCall, replicateHandlers } from './msw-replicate.js';
import { useParkingHarness } from './parking-harness.js';
import { REPLICATE_WEBHOOK_SECRET, REPLICATE_WEBHOOK_URL, signedWebhook } from './replicate-webhook.js';

/**
 * Remote images park like videos (issue 13): a carousel on the Replicate image engine with a
 * webhook starts one prediction per slide, parks its job with the worker slot free, and delivers
 * each slide when its webhook (or the scheduled poll) says it ended. The real worker on real
 * PostgreSQL; msw serves Replicate's documented API.
 */
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const outputOf = (id: string) => `https://replicate.delivery/xezq/${id}/out-0.png`;

/** A finished prediction as Replicate sends it (webhook body or GET). */
const finished = (id: string, status: string) =>
  prediction(
    id,
    status,
    status === 'succeeded'
      ? { output: [outputOf(id)] }
      : status === 'failed'
        ? { error: 'NSFW content' }
        : {},
  );

describe('carousel slides parked on Replicate, through the worker (PostgreSQL)', () => {
  const h = useParkingHarness('alfie-image-parking-');
  let calls: ReplicateCall[];
  let png: Buffer;
  /** What each GET of a prediction answers, by id (`starting` until set). */
  let states: Map<string, string>;

  beforeAll(async () => {
    png = Buffer.from(await geminiPng(864, 1080), 'base64');
  });
  beforeEach(() => {
    calls = [];
    states = new Map();
  });

  /** Creates answer p1, p2, p3… `starting` (or at once `succeeded` in sync mode); GETs read `states`. */
  function replicate(created = 'starting') {
    let next = 0;
    server.use(
      ...replicateHandlers(calls, {
        create: [
          () => {
            const id = `p${++next}`;
            return HttpResponse.json(
              created === 'starting' ? prediction(id, 'starting') : finished(id, created),
              {
                status: 201,
              },
            );
          },
        ],
        get: [
          (call) => {
            const id = call.url.split('/').pop()!;
            const status = states.get(id) ?? 'processing';
            return HttpResponse.json(status === 'processing' ? prediction(id, status) : finished(id, status));
          },
        ],
        output: { body: png, type: 'image/png' },
      }),
    );
  }

  const start = (options: Partial<WorkerOptions> = {}, webhookUrl: string | null = REPLICATE_WEBHOOK_URL) =>
    h.startWorker(
      {
        image: createReplicateImageEngine({
          client: new ReplicateClient({ token: 'r8_test', timeoutMs: 2_000 }),
          model: 'black-forest-labs/flux-schnell',
          webhookUrl: webhookUrl ?? undefined,
          poll: { initialDelayMs: 20, maxDelayMs: 50 },
        }),
      },
      options,
    );
  const carousel = () => h.order({ format: 'carousel', count: 3 });

  const jobRow = async (jobId: string) =>
    (
      await h.t.db.query<{
        status: string;
        attempts: number;
        provider: string | null;
        provider_ref: string | null;
        payload: { providerRenders?: { item: string; ref: string }[] };
      }>('select status, attempts, provider, provider_ref, payload from job_queue where id = $1', [jobId])
    ).rows[0]!;
  const assets = async (orderId: string) =>
    (
      await h.t.db.query<{ slide_index: number; order_item_id: string }>(
        'select slide_index, order_item_id from library_assets where order_id = $1 order by slide_index',
        [orderId],
      )
    ).rows;
  const creates = () => calls.filter((c) => c.method === 'POST' && c.url.endsWith('/predictions'));
  const gets = () => calls.filter((c) => c.method === 'GET' && c.url.includes('/predictions/'));
  const downloads = () => calls.filter((c) => c.url.startsWith('https://replicate.delivery/'));
  const ended = (orderId: string) =>
    waitFor(async () => {
      const row = await readOrder(h.t.db, orderId);
      return row.status !== 'pending' && row.status !== 'processing' && row;
    }, 15_000);

  it('parks the carousel on three predictions with its slot free, and the webhooks deliver each slide once', async () => {
    replicate();
    const { user, brandId, orderId, jobId } = await carousel();
    // Polls far away: only the webhooks can resume the job.
    await start({ providerPollMs: 60_000, providerPollMaxMs: 60_000 });
    await waitFor(async () => (await jobRow(jobId)).status === 'waiting', 10_000);
    const parked = await jobRow(jobId);
    expect(parked).toMatchObject({ provider: 'replicate', attempts: 0 });
    expect(parked.payload.providerRenders?.map((r) => r.ref).sort()).toEqual(['p1', 'p2', 'p3']);
    expect(creates()).toHaveLength(3);
    for (const create of creates()) {
      expect(create.body).toMatchObject({
        webhook: REPLICATE_WEBHOOK_URL,
        webhook_events_filter: ['completed'],
      });
      expect(create.headers.get('prefer')).toBeNull();
    }

    // One worker slot, held by nobody: a video ordered now is delivered while the slides render.
    const video = await createOrder(h.t.db, { userId: user.userId, brandId, format: 'video', duration: 5 });
    await waitFor(async () => (await readOrder(h.t.db, video.orderId)).status === 'completed', 10_000);
    expect((await jobRow(jobId)).status).toBe('waiting');

    const webhooks = webhooksRoutes({ db: h.t.db, replicateWebhookSecret: REPLICATE_WEBHOOK_SECRET });
    const send = async (id: string) =>
      (await webhooks.request('/v1/webhooks/replicate', signedWebhook(finished(id, 'succeeded')))).json();
    expect(await send('p2')).toEqual({ received: true, resumed: true });
    await waitFor(
      async () => (await assets(orderId)).length === 1 && (await jobRow(jobId)).status === 'waiting',
    );
    expect((await readOrder(h.t.db, orderId)).status).toBe('processing');
    expect((await jobRow(jobId)).payload.providerRenders?.map((r) => r.ref).sort()).toEqual(['p1', 'p3']);

    // Two at once: the second may land while the job runs for the first; it is kept, not lost.
    await Promise.all([send('p1'), send('p3')]);
    const order = await ended(orderId);
    expect(order).toMatchObject({ status: 'completed', charged_images: 3 });
    expect(await readCounters(h.t.db, brandId)).toMatchObject({ images_used: 3, images_reserved: 0 });
    expect((await assets(orderId)).map((a) => a.slide_index)).toEqual([0, 1, 2]);
    expect(downloads()).toHaveLength(3);
    // The webhooks' predictions were used as they came: Replicate was never polled.
    expect(gets()).toHaveLength(0);
    await waitFor(async () => (await jobRow(jobId)).status === 'completed');

    // A redelivery changes nothing and charges nothing more.
    expect(await send('p1')).toEqual({ received: true, resumed: false });
    expect(await readCounters(h.t.db, brandId)).toMatchObject({ images_used: 3, images_reserved: 0 });
  });

  it('without webhooks, the scheduled poll finds each finished prediction and completes the carousel', async () => {
    replicate();
    states.set('p1', 'succeeded').set('p2', 'processing').set('p3', 'succeeded');
    const { brandId, orderId, jobId } = await carousel();
    await start({ providerPollMs: 100, providerPollMaxMs: 200 });
    await waitFor(async () => (await assets(orderId)).length === 2, 10_000);
    expect((await jobRow(jobId)).status).toMatch(/waiting|queued|running/);
    states.set('p2', 'succeeded');
    const order = await ended(orderId);
    expect(order).toMatchObject({ status: 'completed', charged_images: 3 });
    expect(await readCounters(h.t.db, brandId)).toMatchObject({ images_used: 3, images_reserved: 0 });
    expect(await assets(orderId)).toHaveLength(3);
    expect(creates()).toHaveLength(3);
    expect(downloads()).toHaveLength(3);
    await waitFor(async () => (await jobRow(jobId)).status === 'completed');
    // Polls and runs, yet one attempt: waiting on renders uses none.
    expect((await jobRow(jobId)).attempts).toBe(1);
  });

  it('a redone slide is rendered by a new prediction, never from its old one', async () => {
    replicate();
    states.set('p1', 'succeeded').set('p2', 'succeeded').set('p3', 'succeeded').set('p4', 'succeeded');
    const { user, brandId, orderId, jobId } = await carousel();
    await start({ providerPollMs: 100, providerPollMaxMs: 200 });
    expect(await ended(orderId)).toMatchObject({ status: 'completed', charged_images: 3 });
    await waitFor(async () => (await jobRow(jobId)).status === 'completed');

    const redo = await h.t.request(`/v1/orders/${orderId}/items/2/redo`, {
      method: 'POST',
      headers: user.headers,
    });
    expect(redo.status).toBe(202);
    await waitFor(async () => creates().length === 4, 10_000);
    await waitFor(async () => (await readOrder(h.t.db, orderId)).status === 'completed', 10_000);
    await waitFor(async () => downloads().some((c) => c.url === outputOf('p4')), 10_000);
    expect(await assets(orderId)).toHaveLength(3);
    expect(await readCounters(h.t.db, brandId)).toMatchObject({ images_reserved: 0 });
  });

  it('a failed prediction fails only its slide, which is not charged', async () => {
    replicate();
    states.set('p1', 'succeeded').set('p2', 'failed').set('p3', 'succeeded');
    const { brandId, orderId } = await carousel();
    await start({ providerPollMs: 100, providerPollMaxMs: 200 });
    const order = await ended(orderId);
    expect(order).toMatchObject({ status: 'partial', charged_images: 2 });
    expect(await readCounters(h.t.db, brandId)).toMatchObject({ images_used: 2, images_reserved: 0 });
    const items = await h.t.db.query<{ status: string; error: string | null; sequence_number: number }>(
      'select status, error, sequence_number from order_items where order_id = $1 order by sequence_number',
      [orderId],
    );
    const failed = items.rows.filter((item) => item.status === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.error).toMatch(/^PREDICTION_FAILED: /);
    expect(failed[0]!.error).not.toContain('NSFW');
    expect(await assets(orderId)).toHaveLength(2);
    // The failed prediction was never retried: one create per slide.
    expect(creates()).toHaveLength(3);
  });

  it('slides whose predictions run past the timeout are canceled and fail, uncharged', async () => {
    replicate();
    states.set('p2', 'succeeded');
    const { brandId, orderId, jobId } = await carousel();
    await start({ providerPollMs: 100, providerPollMaxMs: 100, providerTimeoutMs: 600 });
    const order = await ended(orderId);
    expect(order).toMatchObject({ status: 'partial', charged_images: 1 });
    expect(await readCounters(h.t.db, brandId)).toMatchObject({ images_used: 1, images_reserved: 0 });
    const errors = await h.t.db.query<{ error: string | null }>(
      "select error from order_items where order_id = $1 and status = 'failed'",
      [orderId],
    );
    expect(errors.rows).toHaveLength(2);
    for (const row of errors.rows) expect(row.error).toMatch(/^TIMEOUT: /);
    const canceled = calls.filter((c) => c.url.endsWith('/cancel')).map((c) => c.url.split('/').at(-2));
    expect(canceled.sort()).toEqual(['p1', 'p3']);
    // Each render's start was stamped by the database when the job first parked on it.
    const renders = (await jobRow(jobId)).payload.providerRenders as { startedAt?: string }[];
    for (const render of renders) expect(Number.isFinite(Date.parse(render.startedAt ?? ''))).toBe(true);
  });

  it('canceling the order while parked cancels every prediction and releases the quota', async () => {
    replicate();
    const { user, brandId, orderId, jobId } = await carousel();
    await start({ providerPollMs: 60_000, providerPollMaxMs: 60_000 });
    await waitFor(async () => (await jobRow(jobId)).status === 'waiting', 10_000);

    const cancel = await h.t.request(`/v1/orders/${orderId}/cancel`, {
      method: 'POST',
      headers: user.headers,
    });
    expect(cancel.status).toBe(200);
    const canceledIds = () =>
      calls
        .filter((c) => c.url.endsWith('/cancel'))
        .map((c) => c.url.split('/').at(-2))
        .sort();
    await waitFor(async () => canceledIds().length === 3, 10_000);
    expect(canceledIds()).toEqual(['p1', 'p2', 'p3']);
    expect((await jobRow(jobId)).status).toBe('canceled');
    await new Promise((r) => setTimeout(r, 300)); // a second sweep (another poll) would cancel again now
    expect(canceledIds()).toHaveLength(3);
    expect(await readOrder(h.t.db, orderId)).toMatchObject({ status: 'canceled', charged_images: 0 });
    expect(await readCounters(h.t.db, brandId)).toMatchObject({ images_used: 0, images_reserved: 0 });
    expect(downloads()).toHaveLength(0);
  });

  it('without a webhook secret the worker still waits for each prediction in sync mode', async () => {
    replicate('succeeded');
    const { brandId, orderId, jobId } = await carousel();
    await start({}, null);
    const order = await ended(orderId);
    expect(order).toMatchObject({ status: 'completed', charged_images: 3 });
    expect(await readCounters(h.t.db, brandId)).toMatchObject({ images_used: 3, images_reserved: 0 });
    expect(creates()).toHaveLength(3);
    for (const create of creates()) {
      expect(create.body.webhook).toBeUndefined();
      expect(create.headers.get('prefer')).toBe('wait=60');
    }
    await waitFor(async () => (await jobRow(jobId)).status === 'completed');
    const job = await jobRow(jobId);
    expect(job.provider_ref).toBeNull();
    expect(job.payload.providerRenders).toBeUndefined();
  });
});
