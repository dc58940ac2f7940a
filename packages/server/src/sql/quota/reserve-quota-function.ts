/**
 * The `reserve_quota` database function, as installed by migrations/0005_reserve_quota_function.sql
 * (migrations are immutable and hashed: a change goes in a new migration and here;
 * test/db/function-sources.test.ts proves the database runs exactly this text).
 *
 * Reserves the cost for the brand in the period, or returns false when it would pass the plan.
 * One statement: a brand's first order of the month inserts the counters row with its
 * reservation; later ones take the conflict path, which locks the row and evaluates its WHERE on
 * the latest committed version (READ COMMITTED re-check), so concurrent reservations serialise on
 * the row and used + reserved never passes the plan, whatever the concurrency. The row lock is
 * held until the caller's transaction ends. POST /v1/generate and an operator's retry both call it,
 * so a retry is held to the same plan limits as a new order.
 */
export const RESERVE_QUOTA_FUNCTION = `
create function reserve_quota(p_brand_id uuid, p_period integer, p_images integer, p_reels integer,
  p_woofs integer)
returns boolean
language plpgsql
as $$
declare
  reserved boolean;
begin
  insert into counters_monthly as c (brand_id, period_yyyymm, images_reserved, reels_reserved, woofs_reserved)
  select b.id, p_period, p_images, p_reels, p_woofs
  from brands b
  join plans p on p.name = b.plan
  where b.id = p_brand_id
    and p_images <= p.quota_images
    and p_reels <= p.quota_videos
    and p_woofs <= p.quota_woofs
  on conflict (brand_id, period_yyyymm) do update set
    images_reserved = c.images_reserved + excluded.images_reserved,
    reels_reserved = c.reels_reserved + excluded.reels_reserved,
    woofs_reserved = c.woofs_reserved + excluded.woofs_reserved,
    updated_at = now()
  where exists (
    select 1 from brands b
    join plans p on p.name = b.plan
    where b.id = c.brand_id
      and c.images_used + c.images_reserved + excluded.images_reserved <= p.quota_images
      and c.reels_used + c.reels_reserved + excluded.reels_reserved <= p.quota_videos
      and c.woofs_used + c.woofs_reserved + excluded.woofs_reserved <= p.quota_woofs
  )
  returning true into reserved;
  return coalesce(reserved, false);
end
$$
`;
