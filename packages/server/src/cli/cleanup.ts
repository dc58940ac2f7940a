import { loadConfig } from '../config.js';
import { migrate } from '../db/index.js';
import { createLogger } from '../logger.js';
import { recoverStuckJobs } from '../worker/cleanup.js';
import { openConfiguredDb } from './open.js';

/**
 * `alfie-server cleanup`: the stuck-job check once, for a cron where no worker runs all the time.
 * Jobs running past their lease are requeued, or failed with their order ended once attempts are
 * used up. Prints one JSON line: `{ "requeued": [...], "failed": [...] }`.
 *
 * @example
 * DATABASE_URL=postgres://... alfie-server cleanup
 */
export async function run(_args: string[] = [], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const config = loadConfig(env);
  const logger = createLogger({ level: config.logLevel });
  const { db, release } = await openConfiguredDb(config, (err) =>
    logger.warn({ err }, 'database connection error'),
  );
  try {
    await migrate(db);
    const result = await recoverStuckJobs(db, logger);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await release();
  }
}
