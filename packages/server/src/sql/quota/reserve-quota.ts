/**
 * Reserves quota in one conditional statement: the row lock serialises concurrent orders, and
 * PostgreSQL re-checks the WHERE on the latest row version, so used + reserved never passes the plan.
 * No row returned = refused. $1 brand, $2 period, $3 images, $4 reels, $5 woofs.
 */
export const RESERVE_QUOTA = `
  update counters_monthly c set
    images_reserved = c.images_reserved + $3,
    reels_reserved = c.reels_reserved + $4,
    woofs_reserved = c.woofs_reserved + $5,
    updated_at = now()
  from brands b join plans p on p.name = b.plan
  where c.brand_id = $1 and c.period_yyyymm = $2 and b.id = c.brand_id
    and c.images_used + c.images_reserved + $3 <= p.quota_images
    and c.reels_used + c.reels_reserved + $4 <= p.quota_videos
    and c.woofs_used + c.woofs_reserved + $5 <= p.quota_woofs
  returning c.*
`;
