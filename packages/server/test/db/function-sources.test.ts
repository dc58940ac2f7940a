/**
 * The job claim and the quota reservation live as database functions installed by immutable
 * migrations; their readable text is in src/sql/ beside the statements that call them. This
 * proves each file is the function the database runs: the file's statement is created in a
 * scratch schema and PostgreSQL's own rendering of both is compared.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CLAIM_JOBS_FUNCTION } from '../../src/sql/queue/claim-jobs-function.js';
import { COMPLETE_JOBS_FUNCTION } from '../../src/sql/queue/complete-jobs-function.js';
import { RESERVE_QUOTA_FUNCTION } from '../../src/sql/quota/reserve-quota-function.js';
import { createTestDb, TEST_DB_KINDS, type TestDb } from '../helpers/db.js';

const DEFINITION = `
  select pg_get_functiondef(p.oid) as def
  from pg_proc p join pg_namespace n on n.oid = p.pronamespace
  where p.proname = $1 and n.nspname = $2
`;

const FUNCTIONS = [
  ['claim_jobs', 'src/sql/queue/claim-jobs-function.ts', CLAIM_JOBS_FUNCTION],
  ['complete_jobs', 'src/sql/queue/complete-jobs-function.ts', COMPLETE_JOBS_FUNCTION],
  ['reserve_quota', 'src/sql/quota/reserve-quota-function.ts', RESERVE_QUOTA_FUNCTION],
] as const;

describe.each(TEST_DB_KINDS)('database functions on %s', (kind) => {
  let db: TestDb;
  afterEach(() => db?.drop());

  it.each(FUNCTIONS)('%s is exactly the function written in %s', async (name, _file, statement) => {
    db = await createTestDb(kind);
    const installed = (await db.query<{ def: string }>(DEFINITION, [name, 'public'])).rows;
    expect(installed).toHaveLength(1);
    const written = await db
      .transaction(async (tx) => {
        await tx.query('create schema function_check');
        await tx.query('set local search_path = function_check, public');
        await tx.query(statement);
        const { rows } = await tx.query<{ def: string }>(DEFINITION, [name, 'function_check']);
        // Thrown to roll the scratch schema back, carrying what it read.
        throw Object.assign(new Error('rollback'), { rows });
      })
      .catch((error: { rows?: { def: string }[] }) => error.rows ?? []);
    expect(written).toHaveLength(1);
    expect(written[0]!.def.replace(`function_check.${name}`, `public.${name}`)).toBe(installed[0]!.def);
  });
});
