import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { SERVER_ROOT } from './children.js';
import { createOrder, readCounters, readJob, readOrder, seedBrand, waitFor } from './fixtures.js';

function cli(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(SERVER_ROOT, 'src/cli.ts'), ...args], {
    cwd: SERVER_ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => {
    out += c.toString();
  });
  child.stderr.on('data', (c: Buffer) => {
    out += c.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => out };
}

describe('alfie-server worker / cleanup (real PostgreSQL)', () => {
  let db: TestDb;
  let dir: string;
  beforeEach(async () => {
    db = await createTestDb('postgres');
    dir = mkdtempSync(join(tmpdir(), 'alfie-cli-'));
  });
  afterEach(async () => {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('`worker` renders with the local engine, and stops on SIGTERM with exit code 0', async () => {
    const { userId, brandId } = await seedBrand(db);
    const { orderId } = await createOrder(db, { userId, brandId, format: 'image', count: 2 });
    const run = cli(['worker'], { DATABASE_URL: db.url!, DATA_DIR: dir });
    try {
      await waitFor(async () => (await readOrder(db, orderId)).status === 'completed', 30_000);
      expect(await readCounters(db, brandId)).toMatchObject({ images_used: 2, images_reserved: 0 });
    } finally {
      run.child.kill('SIGTERM');
    }
    expect(await run.exited).toBe(0);
  }, 40_000);

  it('`worker` without DATABASE_URL is one clear line and exit code 1', async () => {
    const run = cli(['worker'], { DATABASE_URL: '', DATA_DIR: dir });
    expect(await run.exited).toBe(1);
    expect(run.output().trim()).toBe(
      'alfie-server: DATABASE_URL is required for `alfie-server worker` (embedded PGlite runs in `start` only)',
    );
  });

  it('`cleanup` requeues a job past its lease once and prints what it did', async () => {
    const { userId, brandId } = await seedBrand(db);
    const { jobId } = await createOrder(db, { userId, brandId, format: 'image' });
    await db.query(
      `update job_queue set status = 'running', attempts = 1, locked_at = now(), locked_by = 'gone',
         lease_expires_at = now() - interval '1 minute' where id = $1`,
      [jobId],
    );
    const run = cli(['cleanup'], { DATABASE_URL: db.url!, DATA_DIR: dir });
    expect(await run.exited).toBe(0);
    // The summary line is the one that is not a log line (pino's async writes may land after it).
    const lines = run
      .output()
      .trim()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.filter((line) => !('level' in line))).toEqual([{ requeued: [jobId], failed: [] }]);
    expect(await readJob(db, jobId)).toMatchObject({ status: 'queued', attempts: 1 });
  }, 30_000);
});
