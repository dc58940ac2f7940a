import { loadConfig } from '../config.js';
import { parseCliArgs } from './args.js';

/**
 * `alfie-server health [--url URL]`: asks a running server's GET /v1/health/ready (default
 * `$PUBLIC_URL`) and prints one line; exit 0 when it and its database answer, 1 otherwise. For a
 * container HEALTHCHECK or a deploy script that must tell "process up" from "database reachable".
 *
 * @example
 * alfie-server health --url http://127.0.0.1:8787   # ok: database reachable (postgres)
 */
export async function run(args: string[] = [], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const { values } = parseCliArgs(args, { url: { type: 'string' } });
  const base = (values.url ?? loadConfig(env).publicUrl).replace(/\/+$/, '');
  // Not a ConfigError: the setting may be right and the server down; one line and exit 1 all the same.
  const fail = (message: string) => {
    process.stderr.write(`alfie-server: ${message}\n`);
    process.exitCode = 1;
  };
  let response: Response;
  try {
    response = await fetch(`${base}/v1/health/ready`, { signal: AbortSignal.timeout(5_000) });
  } catch (error) {
    fail(`no answer from ${base} (${(error as Error).message})`);
    return;
  }
  const body = (await response.json().catch(() => ({}))) as { database?: string };
  if (response.status === 200) {
    process.stdout.write(`ok: database reachable (${body.database ?? 'unknown'})\n`);
    return;
  }
  const retry = response.headers.get('retry-after');
  fail(`${base} answers ${response.status}: database unreachable${retry ? `, retry after ${retry} s` : ''}`);
}
