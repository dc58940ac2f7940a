import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalPlanner } from '../../src/engines/local/planner.js';
import { createLocalStorage } from '../../src/storage/index.js';
import { startWorker, type WorkerHandle } from '../../src/worker/index.js';
import { createTestApp, type TestApp, type TestUser } from '../helpers/app.js';
import { waitFor } from '../pipeline/fixtures.js';
import { createTestEngines } from '../pipeline/test-engines.js';

/**
 * GenerateRequest.locale reaches the carousel planner: the request goes through the API, the real
 * worker plans the slides with the offline planner (French or English phrases), and the planned
 * texts land in library_assets.text_json.
 */
describe('POST /v1/generate locale, through the worker (PostgreSQL)', () => {
  let t: TestApp;
  let user: TestUser;
  let brandId: string;
  let worker: WorkerHandle;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'alfie-locale-'));
    t = await createTestApp('postgres', { dataDir });
    user = await t.createUser();
    brandId = String((await t.createBrand(user.userId, { name: 'Maison' })).id);
    worker = await startWorker({
      db: t.db,
      engines: { ...createTestEngines(), planner: createLocalPlanner() },
      storage: createLocalStorage({ dataDir, publicUrl: 'http://alfie.test' }),
      pollIntervalMs: 100,
    });
  });
  afterAll(async () => {
    await worker.stop();
    await t.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function plannedTitles(json: Record<string, unknown>) {
    const res = await t.request('/v1/generate', {
      headers: user.headers,
      json: { format: 'carousel', count: 3, topic: 'Les tendances 2025', brandId, ...json },
    });
    expect(res.status).toBe(202);
    const { orderId } = await res.json();
    await waitFor(async () => {
      const { rows } = await t.db.query<{ status: string }>('select status from orders where id = $1', [
        orderId,
      ]);
      return rows[0]?.status === 'completed';
    });
    const { rows } = await t.db.query<{ text_json: { title: string; subtitle: string } }>(
      'select text_json from library_assets where order_id = $1 order by slide_index',
      [orderId],
    );
    return rows.map((row) => row.text_json.title);
  }

  it('plans the slides in the requested language, English by default', async () => {
    expect(await plannedTitles({ locale: 'fr' })).toEqual([
      'Les tendances 2025',
      'Point clé n°1',
      'À vous de jouer',
    ]);
    expect(await plannedTitles({ locale: 'en' })).toEqual([
      'Les tendances 2025',
      'Key point #1',
      'Your turn',
    ]);
    expect(await plannedTitles({})).toEqual(['Les tendances 2025', 'Key point #1', 'Your turn']);
  });
});
