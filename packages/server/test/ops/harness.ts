/**
 * A whole Alfie in one process for the operations tests: real PostgreSQL, the HTTP app, the worker
 * with the test engines (msw-free doubles that fail on demand), one Metrics registry shared by
 * both as `alfie-server start` does, and every log line captured as parsed JSON.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApiKey } from '../../src/auth/api-keys.js';
import { signUserToken } from '../../src/auth/jwt.js';
import { type Config, defineConfig } from '../../src/config.js';
import { createApp } from '../../src/http/app.js';
import { createLogger } from '../../src/logger.js';
import { createMetrics, type Metrics } from '../../src/metrics/metrics.js';
import { createLocalStorage } from '../../src/storage/local-storage.js';
import { startWorker, type WorkerHandle } from '../../src/worker/index.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { createTestEngines, type Failure } from '../pipeline/test-engines.js';

export interface OpsHarness {
  db: TestDb;
  config: Config;
  metrics: Metrics;
  app: ReturnType<typeof createApp>;
  /** Raw JSON log lines, in order. */
  logText(): string;
  logs(): Array<Record<string, unknown>>;
  /** Slide index -> failure; edit it between orders. */
  failures: Map<number, { kind: Failure; times?: number }>;
  secrets: { jwtSecret: string; metricsToken: string };
  startWorker(): Promise<WorkerHandle>;
  user(options?: { admin?: boolean }): Promise<{ userId: string; token: string; brandId: string }>;
  apiKey(): Promise<string>;
  request(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
  /** Serves the app on a random local port (for the browser). */
  listen(): Promise<string>;
  waitForOrder(orderId: string, statuses?: string[]): Promise<string>;
  close(): Promise<void>;
}

export async function createOpsHarness(options: { adminUiDir?: string } = {}): Promise<OpsHarness> {
  const db = await createTestDb('postgres');
  const secrets = {
    jwtSecret: `jwt-${randomBytes(24).toString('hex')}`,
    metricsToken: `mt-${randomBytes(16).toString('hex')}`,
  };
  const dataDir = `/tmp/alfie-ops-${randomBytes(4).toString('hex')}`;
  const config = defineConfig({
    jwtSecret: secrets.jwtSecret,
    metricsToken: secrets.metricsToken,
    publicUrl: 'http://127.0.0.1',
    dataDir,
  });
  const lines: string[] = [];
  const logger = createLogger({
    level: 'debug',
    destination: { write: (chunk: string) => void lines.push(chunk) },
  });
  const metrics = createMetrics();
  const storage = createLocalStorage({ dataDir, publicUrl: config.publicUrl });
  const failures = new Map<number, { kind: Failure; times?: number }>();
  const engines = createTestEngines({ failures });
  const app = createApp({ db, config, logger, storage, metrics, adminUiDir: options.adminUiDir });
  const workers: WorkerHandle[] = [];
  const servers: Array<{ close(cb: () => void): void; closeAllConnections(): void }> = [];

  const request: OpsHarness['request'] = async (path, init = {}) => {
    const { json, ...rest } = init;
    if (json === undefined) return app.request(path, rest);
    const headers = new Headers(rest.headers);
    headers.set('content-type', 'application/json');
    return app.request(path, { method: 'POST', ...rest, headers, body: JSON.stringify(json) });
  };

  return {
    db,
    config,
    metrics,
    app,
    failures,
    secrets,
    logText: () => lines.join(''),
    logs: () =>
      lines.flatMap((l) =>
        l
          .split('\n')
          .filter(Boolean)
          .map((x) => JSON.parse(x)),
      ),
    async startWorker() {
      const worker = await startWorker({
        db,
        engines,
        storage,
        logger,
        metrics,
        pollIntervalMs: 100,
        backoffBaseMs: 0,
        cancelCheckMs: 100,
        cleanupIntervalMs: 60_000,
        shutdownGraceMs: 1_000,
      });
      workers.push(worker);
      return worker;
    },
    async user({ admin = false } = {}) {
      const { rows: users } = await db.query<{ id: string }>('select gen_random_uuid() as id');
      const userId = users[0]!.id;
      await db.query('insert into profiles (id, email) values ($1, $2)', [
        userId,
        `${userId.slice(0, 8)}@ops.test`,
      ]);
      if (admin) await db.query(`insert into user_roles (user_id, role) values ($1, 'admin')`, [userId]);
      const { rows } = await db.query<{ id: string }>(
        `insert into brands (user_id, name, plan) values ($1, 'Ops brand', 'pro') returning id`,
        [userId],
      );
      const { token } = await signUserToken(secrets.jwtSecret, {
        userId,
        email: `${userId.slice(0, 8)}@ops.test`,
      });
      return { userId, token, brandId: rows[0]!.id };
    },
    async apiKey() {
      return (await createApiKey(db, 'ops test')).key;
    },
    request,
    async listen() {
      return new Promise((resolve) => {
        const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
          resolve(`http://127.0.0.1:${info.port}`),
        ) as unknown as { close(cb: () => void): void; closeAllConnections(): void };
        servers.push(server);
      });
    },
    async waitForOrder(orderId, statuses = ['completed', 'partial', 'failed', 'canceled']) {
      const deadline = Date.now() + 20_000;
      for (;;) {
        const { rows } = await db.query<{ status: string }>('select status from orders where id = $1', [
          orderId,
        ]);
        const status = rows[0]?.status ?? 'missing';
        if (statuses.includes(status)) return status;
        if (Date.now() > deadline) throw new Error(`order ${orderId} is still ${status}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async close() {
      for (const server of servers) {
        server.closeAllConnections();
        await new Promise<void>((r) => server.close(() => r()));
      }
      for (const worker of workers) await worker.stop();
      await db.drop();
    },
  };
}
