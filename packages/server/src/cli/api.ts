import { run as start } from './start.js';

/**
 * `alfie-server api`: the HTTP API alone, for deployments that scale API processes apart from
 * `alfie-server worker` processes on one PostgreSQL. Same settings as `start`; needs DATABASE_URL.
 *
 * @example
 * DATABASE_URL=postgres://... PORT=8787 alfie-server api
 */
export function run(args: string[] = [], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return start(args, env, { apiOnly: true });
}
