/**
 * The `complete_jobs` database function that COMPLETE_JOBS calls, as installed by
 * migrations/0014_queue_batch_plans.sql; test/db/function-sources.test.ts proves the function in
 * the database is exactly this text. A change goes in a new migration and here.
 *
 * Why a function: its SET clauses pin the plan. Each completed job is found by its primary key
 * and the batch's attempts are matched by a hash join. With stale statistics ("no job is running",
 * "no job is locked by this worker") the planner otherwise chose a nested loop that rescans the
 * whole batch for each job: 1.5 s for 1,000 completions among 4,000 running jobs. The statement it
 * replaces matched `id = any($1)` against every running job of every worker and looked each
 * attempt up with array_position, a cost of running jobs x batch size.
 *
 * The claim token is (id, attempts, locked_by): only the claim sets locked_by, and every statement
 * that moves a job out of 'running' clears it. `status = 'running'` is therefore not repeated: it
 * would offer job_queue_lease_idx (running and waiting jobs) to the planner.
 */
export const COMPLETE_JOBS_FUNCTION = `
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
$$
`;
