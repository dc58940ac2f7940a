import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseDisposition } from 'content-disposition';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Entry, fromBuffer } from 'yauzl';
import { createLocalStorage } from '../../src/storage/index.js';
import { startWorker, type WorkerHandle } from '../../src/worker/index.js';
import { createTestApp, type TestApp, type TestUser } from '../helpers/app.js';
import { waitFor } from '../pipeline/fixtures.js';
import { localEngines } from './local-engines.js';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Every entry of a ZIP, read with yauzl (another library than the one that wrote it). */
async function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await new Promise<import('yauzl').ZipFile>((resolve, reject) =>
    fromBuffer(bytes, { lazyEntries: true }, (error, file) => (error ? reject(error) : resolve(file!))),
  );
  const entries = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: Entry) => {
      zip.openReadStream(entry, async (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        for await (const chunk of stream!) chunks.push(chunk as Buffer);
        entries.set(entry.fileName, Buffer.concat(chunks));
        zip.readEntry();
      });
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  return entries;
}

/**
 * The download routes over a real app, PostgreSQL, the real worker with the local engines and
 * local storage: what comes out is what the worker stored, under readable names.
 */
describe('order downloads: one file, ZIP, PDF (PostgreSQL)', { timeout: 60_000 }, () => {
  let t: TestApp;
  let user: TestUser;
  let stranger: TestUser;
  let brandId: string;
  let worker: WorkerHandle;
  let dataDir: string;
  let carousel: { id: string; assets: Array<{ id: string; url: string; slideIndex: number }> };

  async function order(json: Record<string, unknown>) {
    const res = await t.request('/v1/generate', {
      headers: user.headers,
      json: { brandId, locale: 'fr', ...json },
    });
    expect(res.status).toBe(202);
    const { orderId } = (await res.json()) as { orderId: string };
    return waitFor(async () => {
      const detail = await (await t.request(`/v1/orders/${orderId}`, { headers: user.headers })).json();
      return detail.status === 'completed' && detail;
    }, 30_000);
  }
  const get = (path: string, headers = user.headers) => t.request(path, { headers });
  const storedFile = (url: string) =>
    readFileSync(join(dataDir, 'files', decodeURIComponent(new URL(url).pathname.slice(7))));

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'alfie-downloads-'));
    t = await createTestApp('postgres', { dataDir });
    user = await t.createUser();
    stranger = await t.createUser();
    brandId = String((await t.createBrand(user.userId, { name: 'Café Lumière', plan: 'pro' })).id);
    worker = await startWorker({
      db: t.db,
      engines: localEngines(),
      storage: createLocalStorage({ dataDir, publicUrl: t.config.publicUrl }),
      pollIntervalMs: 50,
    });
    carousel = await order({ format: 'carousel', count: 3, topic: 'Les tendances : été/2025' });
  });
  afterAll(async () => {
    await worker.stop();
    await t.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('sends one slide as an attachment named after the brand, topic and slide, byte for byte', async () => {
    const slide = carousel.assets[1]!;
    const res = await get(`/v1/orders/${carousel.id}/assets/${slide.id}/download`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const disposition = res.headers.get('content-disposition')!;
    expect(parseDisposition(disposition)).toEqual({
      type: 'attachment',
      parameters: { filename: 'Café Lumière - Les tendances été 2025 - slide 2.png' },
    });
    // RFC 6266: an ASCII filename for old clients, the UTF-8 one in filename*.
    expect(disposition).toContain('filename="Cafe Lumiere - Les tendances ete 2025 - slide 2.png"');
    expect(disposition).toContain("filename*=UTF-8''Caf%C3%A9%20Lumi%C3%A8re");
    expect(sha(new Uint8Array(await res.arrayBuffer()))).toBe(sha(storedFile(slide.url)));
  });

  it('sends the whole carousel as a ZIP of its slides, in order, under the same names', async () => {
    const res = await get(`/v1/orders/${carousel.id}/download/zip`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(parseDisposition(res.headers.get('content-disposition')!).parameters.filename).toBe(
      'Café Lumière - Les tendances été 2025.zip',
    );
    const entries = await unzip(Buffer.from(await res.arrayBuffer()));
    expect([...entries.keys()]).toEqual(
      [1, 2, 3].map((n) => `Café Lumière - Les tendances été 2025 - slide ${n}.png`),
    );
    for (const asset of carousel.assets) {
      expect(
        sha(entries.get(`Café Lumière - Les tendances été 2025 - slide ${asset.slideIndex + 1}.png`)!),
      ).toBe(sha(storedFile(asset.url)));
    }
  });

  it('sends the carousel as a PDF with one page per slide, each the slide’s proportions', async () => {
    const res = await get(`/v1/orders/${carousel.id}/download/pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(parseDisposition(res.headers.get('content-disposition')!).parameters.filename).toBe(
      'Café Lumière - Les tendances été 2025.pdf',
    );
    const pdf = Buffer.from(await res.arrayBuffer());
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(text.match(/\/Type \/Page\b/g)).toHaveLength(3);
    // 4:5 slides are 1080×1350 px: 810×1012.5 pt at 96 dpi.
    expect(text.match(/\/MediaBox \[0 0 810 1012\.5\]/g)).toHaveLength(3);
    expect(text.match(/\/Subtype \/Image/g)?.length).toBeGreaterThanOrEqual(3);
  });

  it('names separate images "image N", and a video ".mp4" as the local engine now writes', async () => {
    const images = await order({ format: 'image', count: 2, topic: 'Nouvelle carte' });
    const names = await Promise.all(
      images.assets.map(async (asset: { id: string }) => {
        const res = await get(`/v1/orders/${images.id}/assets/${asset.id}/download`);
        return parseDisposition(res.headers.get('content-disposition')!).parameters.filename;
      }),
    );
    expect(names.sort()).toEqual([
      'Café Lumière - Nouvelle carte - image 1.png',
      'Café Lumière - Nouvelle carte - image 2.png',
    ]);

    const video = await order({ format: 'video', duration: 4, topic: 'Notre atelier' });
    const res = await get(`/v1/orders/${video.id}/assets/${video.assets[0].id}/download`);
    expect(res.headers.get('content-type')).toBe('video/mp4');
    expect(parseDisposition(res.headers.get('content-disposition')!).parameters.filename).toBe(
      'Café Lumière - Notre atelier - video.mp4',
    );
    const pdf = await get(`/v1/orders/${video.id}/download/pdf`);
    expect(pdf.status).toBe(409);
    expect((await pdf.json()).error.code).toBe('CONFLICT');
  });

  it('answers 404 for another user, an unknown asset or a bad id, and 409 while the order runs', async () => {
    for (const path of [
      `/v1/orders/${carousel.id}/download/zip`,
      `/v1/orders/${carousel.id}/download/pdf`,
      `/v1/orders/${carousel.id}/assets/${carousel.assets[0]!.id}/download`,
    ]) {
      const res = await get(path, stranger.headers);
      expect(res.status).toBe(404);
      expect((await res.json()).error.code).toBe('NOT_FOUND');
    }
    expect((await get(`/v1/orders/${carousel.id}/assets/${crypto.randomUUID()}/download`)).status).toBe(404);
    expect((await get('/v1/orders/not-a-uuid/download/zip')).status).toBe(404);
    expect((await t.request(`/v1/orders/${carousel.id}/download/zip`)).status).toBe(401);

    const running = await order({ format: 'carousel', count: 2, topic: 'En cours' });
    await t.db.query(`update orders set status = 'processing' where id = $1`, [running.id]);
    const res = await get(`/v1/orders/${running.id}/download/zip`);
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('CONFLICT');
  });
});
