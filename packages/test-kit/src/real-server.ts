import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Config, createEngines, createLocalStorage, type DbKind, startWorker } from '@alfie/server';
import { getRequestListener } from '@hono/node-server';
import { createTestApp, type TestApp, type TestUser } from './app.js';

export interface RealServer {
  baseUrl: string;
  app: TestApp;
  /** A signed-in user who owns `brandId` (starter plan). */
  user: TestUser;
  brandId: string;
  /** Event streams (an order's or the user-wide one) the server is still answering. */
  openStreams(): number;
  close(): Promise<void>;
}

export interface RealServerOptions {
  /** The database under it: a throwaway PGlite directory or PostgreSQL database. Default PostgreSQL. */
  db?: DbKind;
  /** Time the local engines spend on each slide, so progress can be watched live. Default 150 ms. */
  latencyMs?: number;
  config?: Partial<Config>;
}

/**
 * The real Alfie server in this process, built only from `@alfie/server`'s public exports: the HTTP
 * API on an ephemeral port, a worker with the offline local engines and local disk storage, a fresh
 * migrated database, and a user who owns a brand.
 *
 * @example
 * const real = await startRealServer({ db: 'pglite' });
 * const client = createAlfieClient({ baseUrl: real.baseUrl, token: real.user.token });
 * await real.close();
 */
export async function startRealServer(options: RealServerOptions = {}): Promise<RealServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'alfie-real-server-'));
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const app = await createTestApp(options.db ?? 'postgres', {
    dataDir,
    publicUrl: baseUrl,
    ...options.config,
  });

  // Counted where the client meets the server, whatever the server does inside to fan events out.
  let openStreams = 0;
  const listener = getRequestListener(app.app.fetch);
  server.on('request', (req, res) => {
    if (req.url?.split('?')[0]?.endsWith('/events')) {
      openStreams += 1;
      res.once('close', () => {
        openStreams -= 1;
      });
    }
    void listener(req, res);
  });

  const worker = await startWorker({
    db: app.db,
    engines: createEngines({ LOCAL_ENGINE_LATENCY_MS: String(options.latencyMs ?? 150) }),
    storage: createLocalStorage({ dataDir, publicUrl: baseUrl }),
    // Short waits keep tests quick: a job is picked up and a cancel noticed within a tenth of a second.
    pollIntervalMs: 100,
    cancelCheckMs: 50,
    shutdownGraceMs: 2000,
  });
  const user = await app.createUser();
  const brandId = String((await app.createBrand(user.userId)).id);

  return {
    baseUrl,
    app,
    user,
    brandId,
    openStreams: () => openStreams,
    async close() {
      await worker.stop();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await app.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
