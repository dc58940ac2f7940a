/**
 * Dashboard "jobs stuck > 10 min": jobs, by creation bucket, that stayed open (queued, running or
 * waiting) for more than 10 minutes, whether they are still open or ended since. $1 unit, $2 window.
 *
 * Three branches, each served by an index the queue keeps anyway, so job rows carry no index for
 * the dashboard alone (issue 18: every index is written again by each claim and completion):
 * - ended jobs (completed_at set): completed_at is never before created_at, so a job created in
 *   the window also ended in it, and job_queue_completed_idx finds it;
 * - open queued jobs: job_queue_claim_idx; open running or waiting jobs: job_queue_lease_idx.
 */
export const STUCK_JOBS_BY_BUCKET = `
select extract(epoch from date_trunc($1, created_at, 'UTC'))::float8 as bucket, count(*)::int as stuck
from (
  select created_at from job_queue
  where completed_at >= now() - $2::interval and created_at >= now() - $2::interval
    and completed_at - created_at > interval '10 minutes'
  union all
  select created_at from job_queue
  where status = 'queued' and completed_at is null
    and created_at >= now() - $2::interval and created_at < now() - interval '10 minutes'
  union all
  select created_at from job_queue
  where status in ('running', 'waiting') and completed_at is null
    and created_at >= now() - $2::interval and created_at < now() - interval '10 minutes'
) stuck_jobs
group by 1
order by 1
`;
