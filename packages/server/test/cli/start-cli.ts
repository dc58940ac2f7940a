/**
 * `alfie-server start` in a child process on an empty PostgreSQL database and a fresh data folder,
 * as a new user runs it. Everything it makes is undone by the cleanups it pushes.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEmptyPostgresDb } from '../helpers/db.js';

const cli = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));

export interface StartedCli {
  child: ChildProcess;
  /** All it printed so far. */
  stdout(): string;
  stderr(): string;
}

export async function startCli(
  cleanups: Array<() => Promise<unknown>>,
  dataDirPrefix: string,
  env: Record<string, string>,
): Promise<StartedCli> {
  const database = await createEmptyPostgresDb();
  cleanups.push(database.drop);
  const dataDir = await mkdtemp(join(tmpdir(), dataDirPrefix));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', cli, 'start'], {
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  cleanups.push(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  return { child, stdout: () => stdout, stderr: () => stderr };
}
