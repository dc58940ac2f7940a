/**
 * The jobs an operator should look at: failed in the window, and open ones stuck for more than
 * 10 minutes (with their lease state), newest first. $1 window, $2 limit.
 */
export const LIST_PROBLEM_JOBS = `
select j.id, j.type, j.status, j.order_id, j.user_id, j.brand_id, j.attempts, j.max_attempts,
  j.last_error, j.created_at, j.updated_at, j.locked_by, j.lease_expires_at,
  j.lease_expires_at < now() as past_lease, o.status as order_status,
  case when j.status = 'failed' then 'failed' else 'stuck' end as problem
from job_queue j
left join orders o on o.id = j.order_id
where (j.status = 'failed' and j.updated_at >= now() - $1::interval)
   or (j.status in ('queued', 'running', 'waiting') and j.created_at < now() - interval '10 minutes')
order by j.updated_at desc
limit $2
`;
