import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { Engines } from '../../src/engines/index.js';
import { createLocalStorage } from '../../src/storage/index.js';
import { startWorker, type WorkerHandle, type WorkerOptions } from '../../src/worker/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createOrder, type OrderSpec } from '../pipeline/fixtures.js';
import { createTestEngines } from '../pipeline/test-engines.js';

/**
 * What the tests of renders parked on Replicate share (video and image parking): a fresh app on
 * PostgreSQL and data folder per test, the real worker with one remote engine in place of a local
 * one, and orders of a new brand.
 */
/** Registers the per-test set-up and tear-down in the calling describe block. */
export function useParkingHarness(dataDirPrefix: string) {
  let t: TestApp;
  let dataDir: string;
  let worker: WorkerHandle | null = null;
  beforeEach(async () => {
    t = await createTestApp('postgres');
    dataDir = mkdtempSync(join(tmpdir(), dataDirPrefix));
  });
  afterEach(async () => {
    await worker?.stop();
    worker = null;
    await t.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    get t() {
      return t;
    },
    /** The worker, one job at a time, with fast polls and the given engines over the local ones. */
    async startWorker(engines: Partial<Engines>, options: Partial<WorkerOptions> = {}) {
      worker = await startWorker({
        db: t.db,
        engines: { ...createTestEngines(), ...engines },
        storage: createLocalStorage({ dataDir, publicUrl: 'http://alfie.test' }),
        concurrency: 1,
        pollIntervalMs: 100,
        cancelCheckMs: 50,
        backoffBaseMs: 100,
        ...options,
      });
      return worker;
    },
    /** An order of a new user's new brand. */
    async order(spec: Omit<OrderSpec, 'userId' | 'brandId'>) {
      const user = await t.createUser();
      const brand = await t.createBrand(user.userId);
      const brandId = brand.id as string;
      const order = await createOrder(t.db, { ...spec, userId: user.userId, brandId } as OrderSpec);
      return { user, brandId, ...order };
    },
  };
}
