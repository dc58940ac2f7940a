import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CREATE_MIGRATIONS_TABLE } from '../sql/migrations/create-table.js';
import { FIND_MIGRATION } from '../sql/migrations/find-migration.js';
import { MIGRATION_LOCK } from '../sql/migrations/lock.js';
import { RECORD_MIGRATION } from '../sql/migrations/record-migration.js';
import { migrationsDir } from './package-root.js';
import type { Db } from './types.js';

/** Any constant: every process migrating the same database takes this advisory lock. */
const MIGRATION_LOCK_KEY = 7_262_871_001;

export interface MigrationFile {
  id: number;
  name: string;
  sql: string;
  hash: string;
}

export interface MigrateResult {
  applied: string[];
  skipped: string[];
}

/** Reads `NNNN_name.sql` files in numeric order. */
export function readMigrations(dir = migrationsDir()): MigrationFile[] {
  return readdirSync(dir)
    .filter((file) => /^\d+_.+\.sql$/.test(file))
    .map((file) => {
      const sql = readFileSync(join(dir, file), 'utf8');
      return {
        id: Number.parseInt(file, 10),
        name: file,
        sql,
        hash: createHash('sha256').update(sql).digest('hex'),
      };
    })
    .sort((a, b) => a.id - b.id);
}

/**
 * Applies pending migrations, each in its own transaction, recorded in `alfie_migrations`.
 * Running it twice does nothing; two processes at once serialise on a transaction-scoped advisory
 * lock taken before the migration is checked, so each file runs exactly once.
 *
 * @example
 * const { applied } = await migrate(db);
 * logger.info({ applied }, 'migrations applied');
 */
export async function migrate(
  db: Db,
  options: { dir?: string; onWarning?: (message: string) => void } = {},
): Promise<MigrateResult> {
  const result: MigrateResult = { applied: [], skipped: [] };
  for (const migration of readMigrations(options.dir)) {
    const applied = await db.transaction(async (tx) => {
      await tx.query(MIGRATION_LOCK, [MIGRATION_LOCK_KEY]);
      await tx.exec(CREATE_MIGRATIONS_TABLE);
      const { rows } = await tx.query<{ hash: string }>(FIND_MIGRATION, [migration.id]);
      if (rows[0]) {
        if (rows[0].hash !== migration.hash) {
          options.onWarning?.(`Migration ${migration.name} changed after it was applied; it is not re-run.`);
        }
        return false;
      }
      await tx.exec(migration.sql);
      await tx.query(RECORD_MIGRATION, [migration.id, migration.name, migration.hash]);
      return true;
    });
    (applied ? result.applied : result.skipped).push(migration.name);
  }
  return result;
}
