import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createEngines } from '../../../server/src/engines/index.js';
import { eventHubFor } from '../../../server/src/events/hub.js';
import { createLocalStorage } from '../../../server/src/storage/index.js';
import { startWorker, type WorkerHandle } from '../../../server/src/worker/index.js';
import { createTestApp, type TestApp, type TestUser } from '../../../server/test/helpers/app.js';

export interface RealServer {
  url: string;
  app: TestApp;
  user: TestUser;
  brandId: string;
  /** SSE subscribers the server currently holds (order streams and /v1/events). */
  openStreams(): number;
  stop(): Promise<void>;
}

/**
 * The real Alfie server in this process: the Hono app over a throwaway PostgreSQL database, served
 * on an ephemeral port, with a worker running the offline local engines and local disk storage.
 * `latencyMs` slows each rendered slide, to catch an order mid-way.
 */
export async function startRealServer({ latencyMs = 0 } = {}): Promise<RealServer> {
  let handle: ((request: Request) => Response | Promise<Response>) | null = null;
  const http = serve({ fetch: (request) => handle!(request), port: 0, hostname: '127.0.0.1' }) as Server;
  await new Promise<void>((resolve) => http.once('listening', () => resolve()));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

  const dataDir = await mkdtemp(join(tmpdir(), 'alfie-react-'));
  const app = await createTestApp('postgres', { publicUrl: url, dataDir });
  handle = (request) => app.app.fetch(request);
  const user = await app.createUser();
  const brand = await app.createBrand(user.userId);
  const storage = createLocalStorage({ dataDir, publicUrl: url });
  const worker: WorkerHandle = await startWorker({
    db: app.db,
    engines: createEngines({ LOCAL_ENGINE_LATENCY_MS: String(latencyMs) }),
    storage,
    pollIntervalMs: 200,
    shutdownGraceMs: 2000,
  });
  const hub = eventHubFor(app.db);

  return {
    url,
    app,
    user,
    brandId: String(brand.id),
    openStreams: () => hub.size,
    async stop() {
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await worker.stop();
      await app.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
