/**
 * Dashboard "quota use by plan": what ended orders were charged, per time bucket and plan.
 * $1 bucket unit, $2 window.
 */
export const QUOTA_BY_PLAN = `
select extract(epoch from date_trunc($1, o.completed_at, 'UTC'))::float8 as bucket, b.plan,
  sum(o.charged_images)::int as images, sum(o.charged_reels)::int as reels,
  sum(o.charged_woofs)::int as woofs
from orders o join brands b on b.id = o.brand_id
where o.completed_at >= now() - $2::interval
group by 1, 2
order by 1
`;
