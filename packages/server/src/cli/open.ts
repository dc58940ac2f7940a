import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config.js';
import { ConfigError } from '../config-error.js';
import { openDb } from '../db/index.js';
import type { Db } from '../db/types.js';

const LOCK_FILE = 'pglite.pid';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Opens the configured database. Embedded PGlite belongs to one process at a time (two would
 * corrupt its files), so its data directory carries a pid lock file.
 */
export async function openConfiguredDb(
  config: Config,
  onError?: (error: Error) => void,
  poolMax?: number,
): Promise<{ db: Db; release(): Promise<void> }> {
  if (config.databaseUrl) {
    const db = await openDb({ databaseUrl: config.databaseUrl, onError, poolMax });
    return { db, release: () => db.close() };
  }
  await mkdir(config.dataDir, { recursive: true });
  const lock = join(config.dataDir, LOCK_FILE);
  const holder = Number.parseInt((await readFile(lock, 'utf8').catch(() => '')).trim(), 10);
  if (holder && holder !== process.pid && alive(holder)) {
    throw new ConfigError(
      `DATA_DIR ${config.dataDir} is in use by process ${holder} (embedded PGlite allows one process); stop it or set DATABASE_URL`,
    );
  }
  await writeFile(lock, String(process.pid));
  const db = await openDb({ pgliteDir: join(config.dataDir, 'pgdata') });
  return {
    db,
    async release() {
      await db.close();
      await rm(lock, { force: true });
    },
  };
}
