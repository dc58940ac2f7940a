import { createPgDb } from './pg.js';
import { createPgliteDb } from './pglite.js';
import type { Db } from './types.js';

export { migrate } from './migrate.js';
export { createPgDb } from './pg.js';
export { createPgliteDb } from './pglite.js';
export type { Db, DbKind, ListenOptions, Queryable, QueryResult, Tx } from './types.js';

export interface OpenDbOptions {
  /** node-postgres when set. */
  databaseUrl?: string | null;
  /** PGlite data directory, used when there is no databaseUrl. */
  pgliteDir?: string;
  poolMax?: number;
  onError?: (error: Error) => void;
}

/**
 * Opens PostgreSQL when `databaseUrl` is set, otherwise embedded PGlite in `pgliteDir`.
 *
 * @example
 * const db = await openDb({ databaseUrl: config.databaseUrl, pgliteDir: join(config.dataDir, 'pgdata') });
 */
export async function openDb(options: OpenDbOptions): Promise<Db> {
  if (options.databaseUrl) {
    return createPgDb({
      connectionString: options.databaseUrl,
      max: options.poolMax,
      onError: options.onError,
    });
  }
  return createPgliteDb({ dataDir: options.pgliteDir });
}
