#!/usr/bin/env node
import { ConfigError } from './config-error.js';

const USAGE = `Usage: alfie-server <command>

Commands:
  start                         API and worker in one process (embedded PGlite without DATABASE_URL;
                                WORKER=off for the API alone)
  api                           the API alone (needs DATABASE_URL; workers run as \`worker\`)
  migrate                       apply pending database migrations
  keys create [--name NAME]     create a secret API key (shown once)
  token --user ID [--email E] [--brand ID]... [--expires-in SECONDS]
                                sign a user token with the configured JWT secret
  worker                        the worker alone (needs DATABASE_URL)
  cleanup                       recover stuck jobs once
  health [--url URL]            is a running server and its database up? (exit 0 or 1)

Configuration comes from environment variables: DATABASE_URL, PORT (8787), HOST, PUBLIC_URL,
JWT_SECRET, JWKS_URL, ADMIN_EMAILS, ALLOWED_ORIGINS, DATA_DIR (./.alfie), DEFAULT_PLAN, LOG_LEVEL.`;

type Command = { run(args: string[], env?: NodeJS.ProcessEnv): Promise<void> };

// Each command loads only what it needs: `token` must not pay for the engines.
const COMMANDS: Record<string, () => Promise<Command>> = {
  start: () => import('./cli/start.js'),
  api: () => import('./cli/api.js'),
  migrate: () => import('./cli/migrate.js'),
  keys: () => import('./cli/keys.js'),
  token: () => import('./cli/token.js'),
  worker: () => import('./cli/worker.js'),
  cleanup: () => import('./cli/cleanup.js'),
  health: () => import('./cli/health.js'),
};

async function main(argv: string[]): Promise<void> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const load = COMMANDS[name];
  if (!load) throw new ConfigError(`Unknown command "${name}"; run "alfie-server --help"`);
  await (await load()).run(args, process.env);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  // A wrong setting or argument is one clear line and exit code 1, never a stack trace.
  if (error instanceof ConfigError || (error as Error)?.name === 'ConfigError') {
    process.stderr.write(`alfie-server: ${(error as Error).message}\n`);
  } else {
    process.stderr.write(`alfie-server: ${(error as Error)?.stack ?? String(error)}\n`);
  }
  process.exit(1);
});
