import type { Config } from './config.js';
import type { Db } from './db/types.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics/metrics.js';
import type { Storage } from './storage/types.js';

/**
 * Everything the HTTP app and its routes need, passed explicitly (no globals), so tests build an
 * app over a throwaway database with `createApp({ db, config, logger })`.
 */
export interface AppDeps {
  db: Db;
  config: Config;
  logger: Logger;
  /** Where delivered files live; the files route serves local storage from it. */
  storage?: Storage;
  /** Server version reported by /v1/health; defaults to the package version. */
  version?: string;
  /** Current time; tests may pin it. */
  now?: () => Date;
  /** This process's Prometheus metrics (src/metrics); the app makes its own when absent. */
  metrics?: Metrics;
  /**
   * The demo user of `alfie-server start` on the embedded default: enables the playground at `/`
   * (see routes/playground.ts). Absent: no playground.
   */
  playground?: { userId: string; brandId: string; email: string };
  /** Built dashboard files (default: the package's dist/admin-ui). */
  adminUiDir?: string;
}
