import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../../test-support/free-port.js';

const CLI = fileURLToPath(new URL('../../../packages/server/dist/cli.js', import.meta.url));

export interface RunningServer {
  url: string;
  token: string;
  brandId: string;
  stop(): Promise<void>;
}

/**
 * `alfie-server start` as a user runs it (the built CLI, embedded PGlite, local engines), in a temp
 * DATA_DIR on a free port. Resolves once it printed its URL, the demo brand and token.
 */
export async function startAlfieServer(): Promise<RunningServer> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`pnpm build\` at the repository root first`);
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'alfie-example-e2e-'));
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: url,
    DATA_DIR: dataDir,
  };
  env.LOG_LEVEL = 'warn';
  delete env.DATABASE_URL;
  const child: ChildProcess = spawn(process.execPath, [CLI, 'start'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    const banner = await new Promise<{ token: string; brandId: string }>((resolve, reject) => {
      const check = () => {
        const brand = /brand:\s+(\S+)/.exec(output)?.[1];
        const token = /token \(valid until [^)]*\):\s*\n\s*(\S+)/.exec(output)?.[1];
        if (brand && token) resolve({ token, brandId: brand });
      };
      child.stdout!.on('data', check);
      child.once('exit', (code) =>
        reject(new Error(`alfie-server exited (${code}) before it was ready:\n${output}`)),
      );
      setTimeout(() => reject(new Error(`alfie-server not ready after 60 s:\n${output}`)), 60_000).unref();
    });
    return { url, ...banner, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
