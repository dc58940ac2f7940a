/**
 * The built SDK (dist/index.js, as a browser loads it) in headless Chromium against the real server
 * on another origin: CORS, fetch streaming SSE, Last-Event-ID and Idempotency-Key headers included.
 * Needs `pnpm --filter @alfie/core build` first (the repository's test command builds).
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '@alfie/test-kit/chromium';
import { type RealServer, startRealServer } from '@alfie/test-kit/real-server';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';

const coreDist = fileURLToPath(new URL('../dist/', import.meta.url));
const PAGE = `<!doctype html><script type="module">window.core = await import('/core/index.js');</script>`;

/** Serves the page and core's dist on their own origin, like an app's static host. */
async function staticHost(): Promise<{ server: Server; origin: string }> {
  const server = createServer(async (req, res) => {
    const path = req.url ?? '/';
    const [root, rest] = path.startsWith('/core/') ? [coreDist, path.slice(6)] : [null, ''];
    if (!root) return res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
    const file = normalize(join(root, rest));
    if (!file.startsWith(root)) return res.writeHead(403).end();
    try {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(await readFile(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

let real: RealServer;
let host: Awaited<ReturnType<typeof staticHost>>;
let browser: Browser;

beforeAll(async () => {
  host = await staticHost();
  real = await startRealServer({ db: 'pglite', config: { allowedOrigins: [host.origin] } });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await real?.close();
  host?.server.closeAllConnections();
  await new Promise((resolve) => host?.server.close(resolve));
});

it('generates a carousel and watches it live from a browser page on another origin', async () => {
  const page = await browser.newPage();
  const failures: string[] = [];
  page.on('pageerror', (error) => failures.push(error.message));
  await page.goto(host.origin);
  await page.waitForFunction(() => 'core' in window);

  const result = await page.evaluate(
    async ({ baseUrl, token, brandId }) => {
      // biome-ignore lint/suspicious/noExplicitAny: the module is loaded by the page, untyped here
      const { createAlfieClient } = (window as any).core;
      const client = createAlfieClient({ baseUrl, token });
      const { orderId } = await client.generate({
        format: 'carousel',
        count: 3,
        topic: 'Soldes d’été',
        brandId,
      });
      const watcher = client.orders.watch(orderId);
      const connections: string[] = [];
      await new Promise<void>((resolve) =>
        watcher.subscribe(() => {
          const snapshot = watcher.getSnapshot();
          if (connections.at(-1) !== snapshot.connection) connections.push(snapshot.connection);
          if (snapshot.done && snapshot.connection === 'closed') resolve();
        }),
      );
      const snapshot = watcher.getSnapshot();
      const quota = await client.quotas.get(brandId);
      return {
        status: snapshot.status,
        slides: snapshot.assets.map((asset: { slideIndex: number }) => asset.slideIndex),
        connections,
        usedImages: quota.used.images,
      };
    },
    { baseUrl: real.baseUrl, token: real.user.token, brandId: real.brandId },
  );

  expect(failures).toEqual([]);
  expect(result).toEqual({
    status: 'completed',
    slides: [0, 1, 2],
    connections: ['connecting', 'live', 'closed'],
    usedImages: 3,
  });
  await page.close();
}, 90_000);
