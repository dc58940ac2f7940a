-- Batched claims and completions keep their plans whatever the statistics say (issue 18,
-- `pnpm bench:queue`). Readable copies with the reasons: src/sql/queue/claim-jobs-function.ts and
-- src/sql/queue/complete-jobs-function.ts; test/db/function-sources.test.ts proves they match.

-- 1. The claim joined its batch back to job_queue with a hash join over a sequential scan of the
-- whole table whenever the planner thought the table small (no statistics yet, as after a burst of
-- inserts): every claim then read every row ever queued, completed ones included (98 ms for a
-- claim of 330 jobs at 31,000 rows). The batch is now always joined row by row on the primary key.
create or replace function claim_jobs(worker_id text, max_jobs integer, lease_ms double precision)
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
$$;

-- 2. Completions of a batch: the statement it replaces matched `id = any($1)` against every
-- running job of every worker (job_queue_lease_idx) and looked each one's attempt up with
-- array_position, a cost of running jobs x batch size. Each completed job is now found by its
-- primary key, once, and the batch's attempts are matched by a hash join, whatever the statistics
-- say: with stale ones ("no job is running", "no job is locked by this worker") the planner
-- otherwise picks a nested loop that rescans the whole batch for each job (1.5 s for 1,000
-- completions among 4,000 running jobs). The claim token is (id, attempts, locked_by): only the
-- claim sets locked_by, and every statement that moves a job out of 'running' clears it, so
-- `status = 'running'` is not repeated here (it would offer job_queue_lease_idx to the planner).
create function complete_jobs(job_ids uuid[], claim_attempts integer[], worker_id text)
returns void
language plpgsql
set enable_nestloop = off
set enable_seqscan = off
as $$
begin
  update job_queue j
  set status = 'completed', completed_at = now(), updated_at = now(),
      locked_at = null, locked_by = null, lease_expires_at = null
  from unnest(job_ids, claim_attempts) as done(id, attempts)
  where j.id = any(job_ids)
    and j.id = done.id
    and j.attempts = done.attempts
    and j.locked_by = worker_id;
end
$$;
