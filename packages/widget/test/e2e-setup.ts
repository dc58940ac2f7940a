import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../../test-support/free-port.js';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Spawns a node script and resolves once `ready` matched its stdout; rejects if it exits first. */
function startProcess(args: string[], env: NodeJS.ProcessEnv, ready: RegExp, timeoutMs: number) {
  const fullEnv = { ...process.env, ...env };
  // The embedded database: a DATABASE_URL from the developer's shell must not leak in.
  delete fullEnv.DATABASE_URL;
  const child = spawn(process.execPath, args, { cwd: repoRoot, env: fullEnv, stdio: 'pipe' });
  let output = '';
  const started = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Timed out starting ${args[0]}:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve(output);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${args[0]} exited with ${code}:\n${output}`));
    });
  });
  return { child, started, output: () => output };
}

function stop(child: ChildProcess): Promise<void> {
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

export interface Stack {
  apiUrl: string;
  pageUrl: string;
  token: string;
  brandId: string;
  close(): Promise<void>;
}

/**
 * A real `alfie-server start` (embedded PGlite in a temp DATA_DIR, local engine) and the embed example
 * served beside it, on ephemeral ports. Needs `pnpm build` (server and widget) first.
 */
export async function startStack(): Promise<Stack> {
  const dataDir = await mkdtemp(join(tmpdir(), 'alfie-widget-e2e-'));
  const [apiPort, pagePort] = [await freePort(), await freePort()];
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const pageUrl = `http://127.0.0.1:${pagePort}`;
  const api = startProcess(
    ['packages/server/dist/cli.js', 'start'],
    {
      DATA_DIR: dataDir,
      PORT: String(apiPort),
      HOST: '127.0.0.1',
      PUBLIC_URL: apiUrl,
      ALLOWED_ORIGINS: pageUrl,
      LOG_LEVEL: 'warn',
    },
    /token \(valid until[^\n]*\n\s*(\S+)/,
    90_000,
  );
  const processes: ChildProcess[] = [api.child];
  const close = async () => {
    await Promise.all(processes.map(stop));
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const banner = await api.started;
    const token = /token \(valid until[^\n]*\n\s*(\S+)/.exec(banner)?.[1] ?? '';
    const brandId = /brand:\s+(\S+)/.exec(banner)?.[1] ?? '';
    const page = startProcess(
      ['examples/embed-html/serve.mjs'],
      { PORT: String(pagePort), ALFIE_API_URL: apiUrl, ALFIE_TOKEN: token, ALFIE_BRAND_ID: brandId },
      /Embed example on/,
      15_000,
    );
    processes.push(page.child);
    await page.started;
    return { apiUrl, pageUrl, token, brandId, close };
  } catch (error) {
    await close();
    throw error;
  }
}
