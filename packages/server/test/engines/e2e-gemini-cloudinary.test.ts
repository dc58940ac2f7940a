import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEngines } from '../../src/engines/index.js';
import { createStorage } from '../../src/storage/index.js';
import { startWorker, type WorkerHandle } from '../../src/worker/index.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { createOrder, readCounters, readOrder, seedBrand, waitFor } from '../pipeline/fixtures.js';
import type { Json } from './fixtures.js';
import {
  CLOUDINARY_URL,
  type CloudinaryUpload,
  cloudinaryUploadHandler,
  expectedSignature,
} from './msw-cloudinary.js';
import { geminiPng } from './msw-gemini.js';

/**
 * A carousel order through the real worker on real PostgreSQL, with the Gemini adapters (planner
 * and "Nano Banana") and Cloudinary storage; only the providers' HTTP endpoints are msw.
 */
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const PLAN = Array.from({ length: 5 }, (_, i) => ({
  title: `Planned title ${i + 1}`,
  subtitle: `Planned subtitle ${i + 1}`,
}));

/** generateContent for both models: the text model answers the plan, the image model an image (or a block). */
function geminiHandler(png: string, prompts: string[], blockSlide?: number) {
  return http.post(
    /^https:\/\/generativelanguage\.googleapis\.com\/v1(beta)?\/models\//,
    async ({ request }) => {
      const body = (await request.json()) as Json;
      const prompt: string = body.contents[0].parts[0].text;
      if (request.url.includes('/models/gemini-2.5-flash:')) {
        return HttpResponse.json({
          candidates: [{ content: { parts: [{ text: JSON.stringify(PLAN) }] }, finishReason: 'STOP' }],
        });
      }
      prompts.push(prompt);
      if (blockSlide !== undefined && prompt.includes(`slide ${blockSlide} of 5`)) {
        return HttpResponse.json({ promptFeedback: { blockReason: 'SAFETY' } });
      }
      return HttpResponse.json({
        candidates: [
          {
            content: { parts: [{ inlineData: { mimeType: 'image/png', data: png } }] },
            finishReason: 'STOP',
          },
        ],
      });
    },
  );
}

describe('carousel with Gemini + Cloudinary through the worker (PostgreSQL)', () => {
  let db: TestDb;
  let worker: WorkerHandle | null = null;
  let png: string;
  beforeAll(async () => {
    png = await geminiPng();
  });
  beforeEach(async () => {
    db = await createTestDb('postgres');
  });
  afterEach(async () => {
    await worker?.stop();
    worker = null;
    await db.drop();
  });

  async function run(blockSlide?: number) {
    const prompts: string[] = [];
    const uploads: CloudinaryUpload[] = [];
    server.use(geminiHandler(png, prompts, blockSlide), cloudinaryUploadHandler(uploads));
    const { userId, brandId } = await seedBrand(db);
    const { orderId } = await createOrder(db, {
      userId,
      brandId,
      format: 'carousel',
      count: 5,
      topic: 'Specialty coffee trends',
    });
    // Configuration only: the same factories the CLI uses.
    const env = {
      ENGINE_IMAGES: 'gemini',
      GEMINI_API_KEY: 'test-key',
      STORAGE: 'cloudinary',
      CLOUDINARY_URL,
    };
    worker = await startWorker({
      db,
      engines: createEngines(env),
      storage: createStorage(env, { dataDir: '/nonexistent', publicUrl: 'http://unused' }),
      pollIntervalMs: 200,
    });
    const order = await waitFor(async () => {
      const row = await readOrder(db, orderId);
      return ['completed', 'partial', 'failed'].includes(row.status) && row;
    }, 20_000);
    const { rows: assets } = await db.query<{
      cloudinary_url: string;
      cloudinary_public_id: string;
      slide_index: number;
      text_json: Json;
    }>(
      'select cloudinary_url, cloudinary_public_id, slide_index, text_json from library_assets where order_id = $1 order by slide_index',
      [orderId],
    );
    return { order, assets, uploads, prompts, brandId, orderId };
  }

  it('ends completed with Cloudinary URLs and the planned texts', async () => {
    const { order, assets, uploads, prompts, brandId, orderId } = await run();
    expect(order).toMatchObject({ status: 'completed', charged_images: 5 });
    expect(assets.map((a) => a.slide_index)).toEqual([0, 1, 2, 3, 4]);
    for (const asset of assets) {
      expect(asset.cloudinary_public_id).toBe(`alfie/${brandId}/${orderId}/slide-${asset.slide_index}`);
      expect(asset.cloudinary_url).toMatch(
        new RegExp(
          `^https://res\\.cloudinary\\.com/demo-cloud/image/upload/v\\d+/alfie/${brandId}/${orderId}/slide-${asset.slide_index}\\.png$`,
        ),
      );
      expect(asset.text_json).toEqual(PLAN[asset.slide_index]);
    }
    expect(uploads).toHaveLength(5);
    for (const upload of uploads) {
      expect(upload.fields.signature).toBe(expectedSignature(upload.fields));
      expect((upload.fields.tags ?? '').split(',')).toEqual(
        expect.arrayContaining([`brand:${brandId}`, `order:${orderId}`, 'type:carousel_slide', 'ratio:4:5']),
      );
    }
    // Each slide's prompt carries its position and its planned text.
    for (let i = 1; i <= 5; i++) {
      expect(prompts.some((p) => p.includes(`slide ${i} of 5`) && p.includes(`"Planned title ${i}"`))).toBe(
        true,
      );
    }
    expect(await readCounters(db, brandId)).toMatchObject({ images_used: 5, images_reserved: 0 });
  }, 30_000);

  it('ends partial with exact quota when one slide is blocked, keeping the reason', async () => {
    const { order, assets, brandId, orderId } = await run(3);
    expect(order).toMatchObject({ status: 'partial', charged_images: 4 });
    expect(assets.map((a) => a.slide_index)).toEqual([0, 1, 3, 4]);
    expect(await readCounters(db, brandId)).toMatchObject({ images_used: 4, images_reserved: 0 });
    const { rows } = await db.query<{ status: string; error: string }>(
      'select status, error from order_items where order_id = $1 and sequence_number = 2',
      [orderId],
    );
    expect(rows[0]).toMatchObject({ status: 'failed', error: expect.stringContaining('SAFETY') });
  }, 30_000);
});
