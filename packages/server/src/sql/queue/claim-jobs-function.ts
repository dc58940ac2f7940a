/**
 * The `claim_jobs` database function that CLAIM_JOBS calls, as installed by
 * migrations/0014_queue_batch_plans.sql (which replaced 0002's). Migrations are immutable and
 * hashed, so the migration keeps its copy; this is the readable one, and
 * test/db/function-sources.test.ts proves the function in the database is exactly this text. A
 * change goes in a new migration and here.
 *
 * Why a function rather than a plain statement: its SET clauses pin the plan whatever the
 * statistics say, and right after a burst of inserts they are wrong.
 * - The walk of job_queue_claim_idx stops after `max_jobs` rows: without the pins the planner
 *   sorted every queued row on each claim (bitmap scan + sort), 26 ms a claim at 10,000 queued
 *   jobs instead of 1.5 ms.
 * - The batch is joined back to job_queue row by row on the primary key: without the pins the
 *   planner hashed a sequential scan of the whole table, completed jobs included, on every claim
 *   (98 ms for a claim of 330 jobs at 31,000 rows).
 * PL/pgSQL keeps the statement's plan for the session, so the hot path plans nothing. Highest
 * priority first, then oldest; SKIP LOCKED lets any number of workers claim at once without ever
 * taking the same row; `attempts + 1` makes (id, attempts) the token of this claim, which every
 * later write checks.
 */
export const CLAIM_JOBS_FUNCTION = `
create function claim_jobs(worker_id text, max_jobs integer, lease_ms double precision)
returns setof job_queue
language plpgsql
set enable_sort = off
set enable_bitmapscan = off
set enable_hashjoin = off
set enable_mergejoin = off
as $$
begin
  -- PL/pgSQL keeps this statement's plan for the session: no planning on the hot path.
  return query
  with due as (
    select q.id from job_queue q
    where q.status = 'queued' and q.run_after <= now()
    order by q.priority desc, q.created_at, q.id
    limit max_jobs
    for update skip locked
  )
  update job_queue j
  set status = 'running',
      attempts = j.attempts + 1,
      locked_at = now(),
      locked_by = worker_id,
      lease_expires_at = now() + make_interval(secs => lease_ms / 1000),
      updated_at = now()
  from due
  where j.id = due.id
  returning j.*;
end
$$
`;
