/**
 * Dashboard "job success rate by type": finished jobs per time bucket and type.
 * $1 bucket unit ('hour' | 'day'), $2 window (interval text, e.g. '24 hours').
 */
export const JOB_SUCCESS_BY_TYPE = `
select extract(epoch from date_trunc($1, completed_at, 'UTC'))::float8 as bucket, type,
  count(*) filter (where status = 'completed')::int as completed,
  count(*) filter (where status = 'failed')::int as failed,
  count(*) filter (where status = 'canceled')::int as canceled
from job_queue
where status in ('completed', 'failed', 'canceled') and completed_at >= now() - $2::interval
group by 1, 2
order by 1
`;
