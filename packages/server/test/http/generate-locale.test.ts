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
 * The order's locale (request, else brand, else Accept-Language) reaches the carousel planner: the request goes through the API, the real
 * worker plans the slides with the offline planner (French or English phrases), and the planned
 * texts land in library_assets.text_json.
 */
describe('POST /v1/generate locale, through the worker (PostgreSQL)', () => {
  let t: TestApp;
  let user: TestUser;
  let brandId: string;
  let frenchBrandId: string;
  let worker: WorkerHandle;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'alfie-locale-'));
    t = await createTestApp('postgres', { dataDir });
    user = await t.createUser();
    brandId = String((await t.createBrand(user.userId, { name: 'Maison' })).id);
    frenchBrandId = String((await t.createBrand(user.userId, { name: 'Atelier' })).id);
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

  async function plannedTitles(
    json: Record<string, unknown>,
    headers: Record<string, string> = {},
    brand = brandId,
  ) {
    const res = await t.request('/v1/generate', {
      headers: { ...user.headers, ...headers },
      json: { format: 'carousel', count: 3, topic: 'Les tendances 2025', brandId: brand, ...json },
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
    const briefs = await t.db.query<{ locale: string }>(
      "select brief_json->>'locale' as locale from order_items where order_id = $1",
      [orderId],
    );
    return { titles: rows.map((row) => row.text_json.title), locales: briefs.rows.map((row) => row.locale) };
  }

  const FRENCH = ['Les tendances 2025', 'À vous de jouer'];
  const ENGLISH = ['Les tendances 2025', 'Your turn'];
  const ends = ({ titles }: { titles: string[] }) => [titles[0], titles.at(-1)];

  it('plans the slides in the requested language, whatever the browser says', async () => {
    const fr = await plannedTitles({ locale: 'fr' }, { 'Accept-Language': 'en-US,en;q=0.9' });
    expect(ends(fr)).toEqual(FRENCH);
    // The middle slide is the local planner's French angle for this topic, word for word.
    const planned = await createLocalPlanner().planSlides({
      topic: 'Les tendances 2025',
      count: 3,
      locale: 'fr',
      brand: { name: 'Maison', palette: [], fonts: [], voice: null, niche: null, logoUrl: null },
    });
    expect(fr.titles).toEqual(planned.map((slide) => slide.title));
    expect(fr.locales).toEqual(['fr', 'fr', 'fr']);
    expect(ends(await plannedTitles({ locale: 'en' }, { 'Accept-Language': 'fr-FR' }))).toEqual(ENGLISH);
  });

  it('without a request locale, takes the brand language, then Accept-Language, then English', async () => {
    const patched = await t.request(`/v1/brands/${frenchBrandId}`, {
      method: 'PATCH',
      headers: user.headers,
      json: { locale: 'fr' },
    });
    expect(patched.status).toBe(200);
    expect((await patched.json()).locale).toBe('fr');
    const byBrand = await plannedTitles({}, { 'Accept-Language': 'en-GB,en;q=0.8' }, frenchBrandId);
    expect(ends(byBrand)).toEqual(FRENCH);

    const byBrowser = await plannedTitles({}, { 'Accept-Language': 'de-DE,fr-CA;q=0.8,en;q=0.5' });
    expect(ends(byBrowser)).toEqual(FRENCH);
    expect(byBrowser.locales).toEqual(['fr', 'fr', 'fr']);

    const none = await plannedTitles({}, { 'Accept-Language': 'de-DE' });
    expect(ends(none)).toEqual(ENGLISH);
    expect(none.locales).toEqual(['en', 'en', 'en']);
  });

  it('refuses a brand locale it cannot write, and changes nothing', async () => {
    const res = await t.request(`/v1/brands/${brandId}`, {
      method: 'PATCH',
      headers: user.headers,
      json: { locale: 'xx' },
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('VALIDATION_FAILED');
    const { rows } = await t.db.query('select locale from brands where id = $1', [brandId]);
    expect(rows[0]!.locale).toBeNull();
  });
});
