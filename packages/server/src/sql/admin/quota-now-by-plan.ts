/** This month's quota by plan: used, reserved and the plans' limits summed over their brands. */
export const QUOTA_NOW_BY_PLAN = `
select p.name as plan, count(b.id)::int as brands,
  coalesce(sum(c.images_used), 0)::int as images_used,
  coalesce(sum(c.images_reserved), 0)::int as images_reserved,
  (count(b.id) * p.quota_images)::int as images_limit,
  coalesce(sum(c.reels_used), 0)::int as reels_used,
  coalesce(sum(c.reels_reserved), 0)::int as reels_reserved,
  (count(b.id) * p.quota_videos)::int as reels_limit
from plans p
left join brands b on b.plan = p.name
left join counters_monthly c on c.brand_id = b.id
  and c.period_yyyymm = to_char(now() at time zone 'utc', 'YYYYMM')::integer
group by p.name, p.quota_images, p.quota_videos, p.priority
order by p.priority
`;
