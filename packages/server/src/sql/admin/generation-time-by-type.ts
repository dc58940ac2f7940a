/**
 * Dashboard "mean generation time (image, carousel, video)": mean order wall time, from acceptance
 * to delivery, of orders that delivered something. $1 bucket unit, $2 window.
 */
export const GENERATION_TIME_BY_TYPE = `
select extract(epoch from date_trunc($1, completed_at, 'UTC'))::float8 as bucket, type,
  avg(extract(epoch from completed_at - created_at))::float8 as mean_seconds,
  count(*)::int as orders
from orders
where status in ('completed', 'partial') and completed_at >= now() - $2::interval
group by 1, 2
order by 1
`;
