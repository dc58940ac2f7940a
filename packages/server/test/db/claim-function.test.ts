/**
 * The job claim lives as a database function installed by an immutable migration; its readable
 * text is src/sql/queue/claim-jobs-function.ts. This proves the two are the same function: the
 * file's statement is created in a scratch schema and PostgreSQL's own rendering of both compared.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CLAIM_JOBS_FUNCTION } from '../../src/sql/queue/claim-jobs-function.js';
import { createTestDb, TEST_DB_KINDS, type TestDb } from '../helpers/db.js';

const DEFINITION = `
  select pg_get_functiondef(p.oid) as def
  from pg_proc p join pg_namespace n on n.oid = p.pronamespace
  where p.proname = 'claim_jobs' and n.nspname = $1
`;

describe.each(TEST_DB_KINDS)('claim_jobs on %s', (kind) => {
  let db: TestDb;
  afterEach(() => db?.drop());

  it('is exactly the function written in src/sql/queue/claim-jobs-function.ts', async () => {
    db = await createTestDb(kind);
    const installed = (await db.query<{ def: string }>(DEFINITION, ['public'])).rows;
    expect(installed).toHaveLength(1);
    const written = await db
      .transaction(async (tx) => {
        await tx.query('create schema claim_check');
        await tx.query('set local search_path = claim_check, public');
        await tx.query(CLAIM_JOBS_FUNCTION);
        const { rows } = await tx.query<{ def: string }>(DEFINITION, ['claim_check']);
        throw Object.assign(new Error('rollback'), { rows });
      })
      .catch((error: { rows?: { def: string }[] }) => error.rows ?? []);
    expect(written).toHaveLength(1);
    expect(written[0]!.def.replace('claim_check.claim_jobs', 'public.claim_jobs')).toBe(installed[0]!.def);
  });
});
