import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createEmptyPostgresDb } from '../helpers/db.js';

const cli = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));

/** The listening socket's queue, as the kernel reports it: `ss` shows it as Send-Q of a LISTEN row. */
function listenQueue(port: string): number {
  const line = execFileSync('ss', ['-ltnH', `sport = :${port}`], { encoding: 'utf8' }).trim();
  return Number(line.split(/\s+/)[2]);
}

describe('alfie-server start listens with LISTEN_BACKLOG', () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('passes the configured backlog to the listening socket', async () => {
    const database = await createEmptyPostgresDb();
    cleanups.push(database.drop);
    const dataDir = await mkdtemp(join(tmpdir(), 'alfie-backlog-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', cli, 'start'], {
      env: {
        PATH: process.env.PATH ?? '',
        DATABASE_URL: database.url,
        DATA_DIR: dataDir,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        LISTEN_BACKLOG: '1234',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    cleanups.push(async () => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });
    let stdout = '';
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
    });
    await expect.poll(() => stdout, { timeout: 30_000, interval: 100 }).toContain('Alfie is running at');
    const port = /Alfie is running at http:\/\/[^:]+:(\d+)/.exec(stdout)?.[1];
    expect(port, stdout).toBeTruthy();
    // Node's default would be 511; the kernel caps the value at net.core.somaxconn (4096 here).
    expect(listenQueue(port!)).toBe(1234);
  }, 60_000);
});
