/** A brand's plan limits and the period's counters (zeros when none yet). $1 brand id, $2 period. */
export const READ_QUOTA = `
  select b.id as brand_id, b.plan, p.quota_images, p.quota_videos, p.quota_woofs,
    coalesce(c.images_used, 0) as images_used, coalesce(c.reels_used, 0) as reels_used,
    coalesce(c.woofs_used, 0) as woofs_used, coalesce(c.images_reserved, 0) as images_reserved,
    coalesce(c.reels_reserved, 0) as reels_reserved, coalesce(c.woofs_reserved, 0) as woofs_reserved
  from brands b
  join plans p on p.name = b.plan
  left join counters_monthly c on c.brand_id = b.id and c.period_yyyymm = $2
  where b.id = $1
`;
