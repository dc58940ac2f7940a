import { type RealServer, startRealServer } from '@alfie/test-kit/real-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlfieClient, fileNameOf, isAlfieHttpError } from '../src/index.js';

describe('fileNameOf', () => {
  it('prefers filename* (UTF-8), falls back to filename, quoted or not', () => {
    expect(fileNameOf(`attachment; filename="Cafe.zip"; filename*=UTF-8''Caf%C3%A9.zip`)).toBe('Café.zip');
    expect(fileNameOf('attachment; filename="a \\"b\\".png"')).toBe('a "b".png');
    expect(fileNameOf('attachment; filename=plain.pdf')).toBe('plain.pdf');
    expect(fileNameOf('attachment')).toBeNull();
    expect(fileNameOf(null)).toBeNull();
  });
});

/** The typed client's download methods against the real server, its worker and local storage. */
describe('orders.download / downloadZip / downloadPdf (real server, PGlite)', { timeout: 60_000 }, () => {
  let server: RealServer;
  let client: ReturnType<typeof createAlfieClient>;
  let orderId: string;
  let assetIds: string[];

  beforeAll(async () => {
    server = await startRealServer({ db: 'pglite', latencyMs: 0 });
    client = createAlfieClient({ baseUrl: server.baseUrl, token: server.user.token });
    ({ orderId } = await client.generate({
      format: 'carousel',
      count: 2,
      topic: 'Idées de brunch',
      brandId: server.brandId,
      locale: 'fr',
    }));
    for (;;) {
      const detail = await client.orders.get(orderId);
      if (detail.status === 'completed') {
        assetIds = detail.assets.map((asset) => asset.id);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
  afterAll(() => server.close());

  it('fetches one slide with the name the server gave it', async () => {
    const file = await client.orders.download(orderId, assetIds[1]!);
    expect(file.fileName).toBe('Test brand - Idées de brunch - slide 2.png');
    expect(file.contentType).toBe('image/png');
    const bytes = new Uint8Array(await file.response.arrayBuffer());
    expect([...bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
  });

  it('fetches the ZIP and the PDF as streams', async () => {
    const zip = await client.orders.downloadZip(orderId);
    expect(zip).toMatchObject({
      fileName: 'Test brand - Idées de brunch.zip',
      contentType: 'application/zip',
    });
    const zipBytes = new Uint8Array(await zip.response.arrayBuffer());
    expect([...zipBytes.slice(0, 2)]).toEqual([0x50, 0x4b]); // "PK"
    const pdf = await client.orders.downloadPdf(orderId);
    expect(pdf).toMatchObject({
      fileName: 'Test brand - Idées de brunch.pdf',
      contentType: 'application/pdf',
    });
    const reader = pdf.response.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value!.slice(0, 5))).toBe('%PDF-');
    await reader.cancel();
  });

  it('raises the server error code for an asset that is not there', async () => {
    const error = await client.orders.download(orderId, crypto.randomUUID()).catch((e: unknown) => e);
    expect(isAlfieHttpError(error) && error.code).toBe('NOT_FOUND');
  });
});
