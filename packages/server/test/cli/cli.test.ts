import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashApiKey } from '../../src/auth/api-keys.js';
import { createPgDb } from '../../src/db/pg.js';
import { createEmptyPostgresDb } from '../helpers/db.js';

const cli = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));

function run(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', cli, ...args],
      { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('alfie-server CLI', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'alfie-cli-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it.each([
    [['start'], { PORT: 'eighty' }, /PORT/],
    [['start'], { DATABASE_URL: 'mysql://nope' }, /DATABASE_URL/],
    [['start'], { ADMIN_EMAILS: 'not-an-email' }, /ADMIN_EMAILS/],
    [['start'], { ENGINE_IMAGES: 'dalle' }, /ENGINE_IMAGES/],
    [['migrate'], { JWT_SECRET: 'short' }, /JWT_SECRET/],
    [['token'], {}, /--user/],
    [['token', '--user', 'bob'], {}, /--user/],
    [['token', '--user', randomUUID(), '--bogus'], {}, /bogus/],
    [['keys'], {}, /keys create/],
    [['frobnicate'], {}, /Unknown command/],
    [['start'], { WORKER_CONCURRENCY: '0' }, /WORKER_CONCURRENCY must be at least 1.*alfie-server api/],
    [['start'], { WORKER: 'sometimes' }, /WORKER must be on or off/],
    [['start'], { WORKER: 'off' }, /DATABASE_URL is required for an API-only process/],
    [['api'], {}, /DATABASE_URL is required for an API-only process/],
    [['worker'], { DATABASE_URL: 'postgres://x@127.0.0.1:1/x', JOB_LEASE_MS: '500' }, /JOB_LEASE_MS/],
    [
      ['start'],
      { PROVIDER_LEASE_MS: '1000' },
      /PROVIDER_LEASE_MS .* must be longer than PROVIDER_POLL_MAX_MS/,
    ],
    [['start'], { LOCAL_ENGINE_FAULTS: 'retryable=2' }, /LOCAL_ENGINE_FAULTS/],
  ])('%j with %j exits 1 with one clear line', { timeout: 60_000 }, async (args, env, pattern) => {
    const result = await run(args, { DATA_DIR: dataDir, ...env });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines, result.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^alfie-server: /);
    expect(lines[0]).toMatch(pattern);
    // Validation happens before anything is opened or created.
    expect(existsSync(join(dataDir, 'pgdata'))).toBe(false);
  });

  it('signs a dev token with JWT_SECRET', async () => {
    const userId = randomUUID();
    const brandId = randomUUID();
    const result = await run(['token', '--user', userId, '--email', 'dev@x.test', '--brand', brandId], {
      JWT_SECRET: 'x'.repeat(40),
      DATA_DIR: dataDir,
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(decodeJwt(result.stdout.trim())).toMatchObject({
      sub: userId,
      email: 'dev@x.test',
      brandIds: [brandId],
    });
  });

  it('creates a secret API key and stores only its hash', async () => {
    const database = await createEmptyPostgresDb();
    try {
      const result = await run(['keys', 'create', '--name', 'my backend'], {
        DATABASE_URL: database.url,
        DATA_DIR: dataDir,
      });
      expect(result.code, result.stderr).toBe(0);
      const key = /^(sk_\S+)$/m.exec(result.stdout)?.[1];
      expect(key).toBeTruthy();
      const db = createPgDb({ connectionString: database.url });
      try {
        const { rows } = await db.query<{ name: string; key_hash: string }>(
          'select name, key_hash from api_keys',
        );
        expect(rows).toEqual([{ name: 'my backend', key_hash: hashApiKey(key!) }]);
      } finally {
        await db.close();
      }
    } finally {
      await database.drop();
    }
  });

  it('refuses to open embedded PGlite that another live process holds', async () => {
    const busy = await mkdtemp(join(tmpdir(), 'alfie-busy-'));
    try {
      await writeFile(join(busy, 'pglite.pid'), String(process.pid));
      const result = await run(['keys', 'create'], { DATA_DIR: busy });
      expect(result.code).toBe(1);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/in use by process \d+.*DATABASE_URL/);
      expect(existsSync(join(busy, 'pgdata'))).toBe(false);
    } finally {
      await rm(busy, { recursive: true, force: true });
    }
  });

  it('refuses to sign without any secret', async () => {
    const result = await run(['token', '--user', randomUUID()], { DATA_DIR: dataDir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/JWT_SECRET/);
  });

  it('prints usage with --help', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('keys create');
  });
});
