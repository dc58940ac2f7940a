/**
 * The real Alfie server, in-process: createApp (HTTP API) served by @hono/node-server on a random
 * port, plus startWorker with the local engines and local storage, over a throwaway PGlite or
 * PostgreSQL database (the server's own test helpers). Used by the contract, browser and example suites.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type RequestListener } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../../../server/src/config.js';
import { createEngines } from '../../../server/src/engines/index.js';
import { createLocalStorage } from '../../../server/src/storage/index.js';
import { startWorker } from '../../../server/src/worker/index.js';
import { createTestApp, type TestApp, type TestUser } from '../../../server/test/helpers/app.js';

// @hono/node-server is the server package's dependency: resolve it from there.
const requireFromServer = createRequire(new URL('../../../server/package.json', import.meta.url));
const { getRequestListener } = (await import(requireFromServer.resolve('@hono/node-server'))) as {
  getRequestListener(fetch: (request: Request) => Response | Promise<Response>): RequestListener;
};

export interface RealServer {
  baseUrl: string;
  app: TestApp;
  /** A signed-in user who owns `brandId` (starter plan). */
  user: TestUser;
  brandId: string;
  close(): Promise<void>;
}

export async function startRealServer(
  kind: 'pglite' | 'postgres',
  options: { latencyMs?: number; config?: Partial<Config> } = {},
): Promise<RealServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'alfie-core-real-'));
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const app = await createTestApp(kind, { dataDir, publicUrl: baseUrl, ...options.config });
  server.on('request', getRequestListener(app.app.fetch));
  const worker = await startWorker({
    db: app.db,
    // Local engines; a little latency per slide so progress is observable live.
    engines: createEngines({ LOCAL_ENGINE_LATENCY_MS: String(options.latencyMs ?? 150) }),
    storage: createLocalStorage({ dataDir, publicUrl: baseUrl }),
    pollIntervalMs: 100,
    cancelCheckMs: 50,
  });
  const user = await app.createUser();
  const brandId = String((await app.createBrand(user.userId)).id);

  return {
    baseUrl,
    app,
    user,
    brandId,
    async close() {
      await worker.stop();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await app.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
