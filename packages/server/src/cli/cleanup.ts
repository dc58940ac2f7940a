import { loadConfig } from '../config.js';
import { migrate, openDb } from '../db/index.js';
import { createLogger } from '../logger.js';
import { recoverStuckJobs } from '../worker/cleanup.js';

/**
 * `alfie-server cleanup`: the stuck-job check once (the seed's `cleanup-stuck-jobs`, for a cron).
 * Jobs running past their lease are requeued, or failed with their order ended once attempts are
 * used up. Prints one JSON line: `{ "requeued": [...], "failed": [...] }`.
 */
export async function run(_args: string[] = [], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const config = loadConfig(env);
  const logger = createLogger({ level: config.logLevel });
  const db = await openDb({ databaseUrl: config.databaseUrl, pgliteDir: `${config.dataDir}/pgdata` });
  try {
    await migrate(db);
    const result = await recoverStuckJobs(db, logger);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await db.close();
  }
}
