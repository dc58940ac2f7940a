import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, readMigrations } from '../../src/db/migrate.js';
import { createPgDb } from '../../src/db/pg.js';
import { createEmptyPostgresDb, createTestDb, type TestDb } from '../helpers/db.js';

const run = promisify(execFile);
const child = fileURLToPath(new URL('./fixtures/migrate-child.ts', import.meta.url));
const migrationNames = readMigrations().map((m) => m.name);

describe('migrations', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('apply once from two processes at once, then do nothing', async () => {
    const empty = await createEmptyPostgresDb();
    cleanups.push(empty.drop);
    const startAt = String(Date.now() + 5_000);
    const results = await Promise.all(
      [1, 2].map(async () => {
        const { stdout } = await run(process.execPath, ['--import', 'tsx', child, empty.url, startAt]);
        return JSON.parse(stdout) as { applied: string[]; skipped: string[] };
      }),
    );
    // Every file ran exactly once across the two processes.
    expect(results.flatMap((r) => r.applied).sort()).toEqual([...migrationNames].sort());
    expect(results.flatMap((r) => r.skipped)).toHaveLength(migrationNames.length);

    const db = createPgDb({ connectionString: empty.url });
    cleanups.unshift(() => db.close());
    const { rows } = await db.query<{ name: string }>('select name from alfie_migrations order by id');
    expect(rows.map((r) => r.name)).toEqual(migrationNames);
    expect(await migrate(db)).toEqual({ applied: [], skipped: migrationNames });
  });

  it('is idempotent on PGlite', async () => {
    const db: TestDb = await createTestDb('pglite');
    cleanups.push(() => db.drop());
    expect(await migrate(db)).toEqual({ applied: [], skipped: migrationNames });
    const { rows } = await db.query<{ n: number }>('select count(*) as n from alfie_migrations');
    expect(rows[0]?.n).toBe(migrationNames.length);
  });
});
