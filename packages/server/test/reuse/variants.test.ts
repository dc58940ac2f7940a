import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProviderError } from '../../src/engines/errors.js';
import { createEngines } from '../../src/engines/index.js';
import { createLocalStorage } from '../../src/storage/index.js';
import { startWorker, type WorkerHandle } from '../../src/worker/index.js';
import { createTestApp, type TestApp, type TestUser } from '../helpers/app.js';
import { TEST_DB_KINDS } from '../helpers/db.js';
import { waitFor } from '../pipeline/fixtures.js';

const TERMINAL = ['completed', 'partial', 'failed', 'canceled'];
/** Topics whose variant 2 the engine refuses for good, as a provider's safety filter would. */
const REFUSE_VARIANT_2 = 'refuse variant 2';

describe.each(TEST_DB_KINDS)('A/B variants on %s', (kind) => {
  let t: TestApp;
  let alice: TestUser;
  let brandId: string;
  let dataDir: string;
  let worker: WorkerHandle;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'alfie-variants-'));
    t = await createTestApp(kind, { dataDir });
    const engines = createEngines({ ENGINE_IMAGES: 'local', ENGINE_VIDEO: 'local', ENGINE_PLANNER: 'local' });
    const local = engines.image;
    worker = await startWorker({
      db: t.db,
      engines: {
        ...engines,
        image: {
          name: local.name,
          generateImage: (request) =>
            request.topic === REFUSE_VARIANT_2 && request.variant?.index === 2
              ? Promise.reject(new ProviderError('blocked', { retryable: false, reason: 'SAFETY_BLOCK' }))
              : local.generateImage(request),
        },
      },
      storage: createLocalStorage({ dataDir, publicUrl: t.config.publicUrl }),
      pollIntervalMs: 100,
    });
    alice = await t.createUser();
    brandId = String((await t.createBrand(alice.userId)).id);
  });
  afterAll(async () => {
    await worker.stop();
    await t.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function order(json: Record<string, unknown>) {
    const res = await t.request('/v1/generate', { headers: alice.headers, json: { brandId, ...json } });
    expect(res.status).toBe(202);
    const { orderId } = (await res.json()) as { orderId: string };
    await waitFor(async () => {
      const { rows } = await t.db.query<{ status: string }>('select status from orders where id = $1', [
        orderId,
      ]);
      return TERMINAL.includes(rows[0]!.status);
    }, 30_000);
    return orderId;
  }
  const used = async () =>
    (
      await t.db.query<{ images_used: number; images_reserved: number }>(
        'select images_used, images_reserved from counters_monthly where brand_id = $1',
        [brandId],
      )
    ).rows[0] ?? { images_used: 0, images_reserved: 0 };
  const fileHashes = async (orderId: string) => {
    const { rows } = await t.db.query<{ cloudinary_public_id: string; slide_index: number }>(
      'select cloudinary_public_id, slide_index from library_assets where order_id = $1 order by slide_index',
      [orderId],
    );
    return rows.map((r) =>
      createHash('sha256')
        .update(readFileSync(join(dataDir, 'files', `${r.cloudinary_public_id}.png`)))
        .digest('hex'),
    );
  };
  const post = (path: string, json: unknown) => t.request(path, { headers: alice.headers, json });

  it('three variants are three different files, each charged once; the choice is stored and leads the library', async () => {
    const before = await used();
    const orderId = await order({ format: 'image', topic: 'Soldes d’hiver', variants: 3 });
    const { rows } = await t.db.query(
      'select status, reserved_images, charged_images, variant_count from orders where id = $1',
      [orderId],
    );
    expect(rows[0]).toEqual({ status: 'completed', reserved_images: 3, charged_images: 3, variant_count: 3 });
    expect(await used()).toEqual({ images_used: before.images_used + 3, images_reserved: 0 });
    const hashes = await fileHashes(orderId);
    expect(hashes).toHaveLength(3);
    expect(new Set(hashes).size).toBe(3);

    const report = await (
      await t.request(`/v1/orders/${orderId}/variants`, { headers: alice.headers })
    ).json();
    expect(report.variants.map((v: { variant: number; style: string }) => [v.variant, v.style])).toEqual([
      [0, 'classic'],
      [1, 'bold'],
      [2, 'minimal'],
    ]);
    expect(report.chosenVariant).toBeNull();

    const chosen = await post(`/v1/orders/${orderId}/variants/choose`, { variant: 2 });
    expect(chosen.status).toBe(200);
    expect((await chosen.json()).chosenVariant).toBe(2);
    const stored = await t.db.query('select chosen_variant from orders where id = $1', [orderId]);
    expect(stored.rows[0]!.chosen_variant).toBe(2);
    const library = await (
      await t.request(`/v1/library?orderId=${orderId}`, { headers: alice.headers })
    ).json();
    expect(library.data[0]).toMatchObject({ variants: 3, chosenVariant: 2 });
    expect(library.data[0].assets.map((a: { slideIndex: number }) => a.slideIndex)).toEqual([2, 0, 1]);

    const bad = await post(`/v1/orders/${orderId}/variants/choose`, { variant: 3 });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('VALIDATION_FAILED');
  });

  it('a failed variant is not charged and cannot be chosen', async () => {
    const before = await used();
    const orderId = await order({ format: 'image', topic: REFUSE_VARIANT_2, variants: 3 });
    const { rows } = await t.db.query('select status, charged_images from orders where id = $1', [orderId]);
    expect(rows[0]).toEqual({ status: 'partial', charged_images: 2 });
    expect(await used()).toEqual({ images_used: before.images_used + 2, images_reserved: 0 });
    const res = await post(`/v1/orders/${orderId}/variants/choose`, { variant: 2 });
    expect(res.status).toBe(409);
  });

  it("a carousel's cover gets variants: one more slide image per extra cover, the chosen cover first", async () => {
    const orderId = await order({ format: 'carousel', count: 3, topic: 'Rentrée 2025', variants: 2 });
    const { rows } = await t.db.query('select charged_images from orders where id = $1', [orderId]);
    expect(rows[0]!.charged_images).toBe(4);
    const hashes = await fileHashes(orderId);
    expect(new Set(hashes).size).toBe(4);
    const texts = await t.db.query<{ sequence_number: number; text_json: { title: string } }>(
      'select sequence_number, text_json from order_items where order_id = $1 order by sequence_number',
      [orderId],
    );
    expect(texts.rows[3]!.text_json).toEqual(texts.rows[0]!.text_json);
    expect((await post(`/v1/orders/${orderId}/variants/choose`, { variant: 1 })).status).toBe(200);
    const library = await (
      await t.request(`/v1/library?orderId=${orderId}`, { headers: alice.headers })
    ).json();
    expect(library.data[0].assets.map((a: { slideIndex: number }) => a.slideIndex)).toEqual([3, 1, 2, 0]);
  });

  it('refuses variants on a video, on several images, and out of 2..4', async () => {
    for (const body of [
      { format: 'video', topic: 'x', variants: 2 },
      { format: 'image', count: 2, topic: 'x', variants: 2 },
      { format: 'image', topic: 'x', variants: 5 },
      { format: 'image', topic: 'x', variants: 1 },
    ]) {
      const res = await post('/v1/generate', { brandId, ...body });
      expect(res.status).toBe(400);
    }
  });

  it('the verdict matches a worked example, and says when the data are too few', async () => {
    const orderId = await order({ format: 'image', topic: 'Verdict', variants: 2 });
    // Worked by hand: A 100/1000 = 10 %, B 150/1000 = 15 %; pooled p = 250/2000 = 0.125,
    // SE = sqrt(0.125 × 0.875 × (1/1000 + 1/1000)) = 0.014790, z = 0.05 / 0.014790 = 3.3806,
    // two-sided p = erfc(3.3806 / √2) = 0.000723 < 0.05: B wins.
    const res = await post(`/v1/orders/${orderId}/variants/performance`, {
      variants: [
        { variant: 0, impressions: 1000, clicks: 100 },
        { variant: 1, impressions: 1000, clicks: 150 },
      ],
    });
    expect(res.status).toBe(200);
    const report = await res.json();
    expect(report.verdict).toMatchObject({ status: 'winner', leader: 1, alpha: 0.05 });
    expect(report.verdict.pValue).toBeCloseTo(0.000723, 5);
    expect(report.variants[1]).toMatchObject({ impressions: 1000, clicks: 150, rate: 0.15 });

    // Same rates, a tenth of the data: z = 1.069, p = 0.285: no difference yet.
    const small = await (
      await post(`/v1/orders/${orderId}/variants/performance`, {
        variants: [
          { variant: 0, impressions: 100, clicks: 10 },
          { variant: 1, impressions: 100, clicks: 15 },
        ],
      })
    ).json();
    expect(small.verdict).toMatchObject({ status: 'no_difference', leader: 1 });
    expect(small.verdict.pValue).toBeCloseTo(0.285, 3);

    const few = await (
      await post(`/v1/orders/${orderId}/variants/performance`, {
        variants: [{ variant: 0, impressions: 40, clicks: 3 }],
      })
    ).json();
    expect(few.verdict).toMatchObject({ status: 'too_few_data', pValue: null });
    expect(few.verdict.summary).toMatch(/too few data/i);

    const invalid = await post(`/v1/orders/${orderId}/variants/performance`, {
      variants: [{ variant: 0, impressions: 10, clicks: 11 }],
    });
    expect(invalid.status).toBe(400);
    const stored = await t.db.query(
      'select impressions, clicks from variant_performance where order_id = $1 and variant_index = 0',
      [orderId],
    );
    expect(stored.rows[0]).toEqual({ impressions: 40, clicks: 3 });
  });

  it('/admin lists running tests and counts which styles win across brands', async () => {
    const open = await order({ format: 'image', topic: 'Admin A/B open', variants: 2 });
    const decided = await order({ format: 'image', topic: 'Admin A/B', variants: 2 });
    await post(`/v1/orders/${decided}/variants/performance`, {
      variants: [
        { variant: 0, impressions: 1000, clicks: 100 },
        { variant: 1, impressions: 1000, clicks: 150 },
      ],
    });
    const key = await t.createApiKey();
    const res = await t.request('/admin/api/reuse-ab?range=24h', { headers: key.headers });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.winningStyles).toEqual({ classic: 0, bold: 1, minimal: 0, vibrant: 0 });
    expect(body.testsDecided).toBe(1);
    const running = body.runningTests.map((r: { orderId: string }) => r.orderId);
    expect(running).not.toContain(decided);
    expect(running).toContain(open);
    const listed = body.runningTests.find((r: { orderId: string }) => r.orderId === open);
    expect(listed).toMatchObject({ variants: 2, impressions: [0, 0], clicks: [0, 0] });
    expect(listed.verdict.status).toBe('too_few_data');
  });

  it("another user's order is a 404; an order without variants is a 409", async () => {
    const orderId = await order({ format: 'image', topic: 'Plain' });
    expect((await t.request(`/v1/orders/${orderId}/variants`, { headers: alice.headers })).status).toBe(409);
    const bob = await t.createUser();
    const res = await t.request(`/v1/orders/${orderId}/variants`, { headers: bob.headers });
    expect(res.status).toBe(404);
  });
});
