import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';
import { serverPackagePath } from './server-package.js';

export interface NodeProcess {
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
  /** SIGTERM, then SIGKILL if it has not exited 8 s later. */
  stop(): Promise<void>;
}

/**
 * Spawns `node ...args` and resolves once its output matches `ready`; rejects (and kills it) if it
 * exits or stays silent for `timeoutMs` first.
 *
 * @example
 * const page = await startNodeProcess(['serve.mjs'], { env: { PORT: '5000' }, ready: /listening/ });
 */
export async function startNodeProcess(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; ready: RegExp; timeoutMs?: number },
): Promise<NodeProcess> {
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const stop = () => stopProcess(child);
  const started = new Promise<void>((resolve, reject) => {
    const timeoutMs = options.timeoutMs ?? 60_000;
    const timer = setTimeout(
      () => reject(new Error(`${args[0]} not ready after ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (options.ready.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${args[0]} exited (${code}) before it was ready:\n${output}`));
    });
  });
  try {
    await started;
  } catch (error) {
    await stop();
    throw error;
  }
  return { child, output: () => output, stop };
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 8000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export interface CliServer {
  url: string;
  /** The demo user's token and brand, as the first start prints them. */
  token: string;
  brandId: string;
  stop(): Promise<void>;
}

const BANNER_TOKEN = /token \(valid until[^\n]*\n\s*(\S+)/;
const BANNER_BRAND = /brand:\s+(\S+)/;

/**
 * `alfie-server start` as a user runs it: the built CLI (run `pnpm build` first), embedded PGlite in a
 * temp DATA_DIR, local engines, on a free port. Resolves once it printed the demo brand and token.
 * `env` adds to the server's environment (ALLOWED_ORIGINS, say).
 *
 * @example
 * const server = await startCliServer({ env: { ALLOWED_ORIGINS: pageUrl } });
 * await fetch(`${server.url}/v1/quotas/${server.brandId}`, { headers: { authorization: `Bearer ${server.token}` } });
 * await server.stop();
 */
export async function startCliServer(options: { env?: NodeJS.ProcessEnv } = {}): Promise<CliServer> {
  const cli = serverPackagePath('dist', 'cli.js');
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`pnpm build\` at the repository root first`);
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'alfie-cli-server-'));
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: url,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    ...options.env,
  };
  try {
    const server = await startNodeProcess([cli, 'start'], {
      // The embedded database: a DATABASE_URL from the developer's shell must not leak in.
      env: { ...env, DATABASE_URL: undefined },
      // The banner prints the brand, then the token on the line after `token (valid until …):`.
      ready: BANNER_TOKEN,
      timeoutMs: 90_000,
    });
    const banner = server.output();
    return {
      url,
      token: BANNER_TOKEN.exec(banner)?.[1] ?? '',
      brandId: BANNER_BRAND.exec(banner)?.[1] ?? '',
      async stop() {
        await server.stop();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}
