/**
 * The jobs an operator should look at: failed in the window, and open ones stuck for more than
 * 10 minutes (with their lease state), newest first. $1 window, $2 limit.
 * One branch per index that serves it: job_queue_failed_idx, then the open jobs through the
 * queue's own partial indexes (job_queue_claim_idx for queued, job_queue_lease_idx for running and
 * waiting), so the dashboard needs no index of its own on the hot job rows.
 */
export const LIST_PROBLEM_JOBS = `
select j.id, j.type, j.status, j.order_id, j.user_id, j.brand_id, j.attempts, j.max_attempts,
  j.last_error, j.created_at, j.updated_at, j.locked_by, j.lease_expires_at,
  j.lease_expires_at < now() as past_lease, o.status as order_status,
  case when j.status = 'failed' then 'failed' else 'stuck' end as problem
from (
  select * from job_queue where status = 'failed' and updated_at >= now() - $1::interval
  union all
  select * from job_queue where status = 'queued' and created_at < now() - interval '10 minutes'
  union all
  select * from job_queue
  where status in ('running', 'waiting') and created_at < now() - interval '10 minutes'
) j
left join orders o on o.id = j.order_id
order by j.updated_at desc
limit $2
`;
