/**
 * Claims up to $2 due jobs for worker $1 with a lease of $3 milliseconds.
 * Highest priority first (brands on higher plans), then oldest. SKIP LOCKED lets any number of
 * workers claim at once without ever taking the same row; `attempts + 1` makes (id, attempts) a
 * unique token of this claim, which every later write checks.
 */
export const CLAIM_JOBS = `
with due as (
  select id from job_queue
  where status = 'queued' and run_after <= now()
  order by priority desc, created_at, id
  limit $2
  for update skip locked
)
update job_queue j
set status = 'running',
    attempts = j.attempts + 1,
    locked_at = now(),
    locked_by = $1,
    lease_expires_at = now() + make_interval(secs => $3::double precision / 1000),
    updated_at = now()
from due
where j.id = due.id
returning j.id, j.user_id, j.brand_id, j.order_id, j.type, j.kind, j.payload, j.priority,
  j.attempts, j.max_attempts, j.created_at
`;
