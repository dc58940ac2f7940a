/**
 * Dashboard "jobs stuck > 10 min": jobs, by creation bucket, that stayed open (queued, running or
 * waiting) for more than 10 minutes, whether they are still open or ended since. $1 unit, $2 window.
 */
export const STUCK_JOBS_BY_BUCKET = `
select extract(epoch from date_trunc($1, created_at, 'UTC'))::float8 as bucket, count(*)::int as stuck
from job_queue
where created_at >= now() - $2::interval
  and coalesce(completed_at, now()) - created_at > interval '10 minutes'
  and (completed_at is not null or status in ('queued', 'running', 'waiting'))
group by 1
order by 1
`;
