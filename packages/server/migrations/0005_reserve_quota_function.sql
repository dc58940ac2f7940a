-- The quota reservation as one function, so that the two places that reserve (POST /v1/generate's
-- statement, src/sql/orders/reserve-quota-and-create-order.ts, and an operator's retry,
-- src/quota/reserve.ts) run the same SQL. Its readable copy, with the reasons, is
-- src/sql/quota/reserve-quota-function.ts; test/db/function-sources.test.ts proves they match.
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
;
