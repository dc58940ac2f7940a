/**
 * Charges one delivered asset to its order and its brand's monthly counters, in the order's own
 * period: reserved moves to used, and orders.charged_* grows, never past what the order reserved.
 * The caller runs it only when the item's status actually changed to completed, in the same
 * transaction, so an asset is never charged twice.
 * $1 order id, $2 images, $3 reels, $4 woofs. Returns no row when the order was already settled.
 * Admin-bypass orders reserved nothing in the counters, so only their order row records the charge.
 */
export const CHARGE_ORDER = `
with cur as (
  select id, brand_id, period_yyyymm, quota_bypass,
    least($2::int, reserved_images - charged_images) as images,
    least($3::int, reserved_reels - charged_reels) as reels,
    least($4::int, reserved_woofs - charged_woofs) as woofs
  from orders where id = $1 and settled_at is null
  for update
), o as (
  update orders
  set charged_images = orders.charged_images + cur.images, charged_reels = orders.charged_reels + cur.reels,
      charged_woofs = orders.charged_woofs + cur.woofs, updated_at = now()
  from cur where orders.id = cur.id
  returning cur.*
), c as (
  update counters_monthly c
  set images_used = c.images_used + o.images, images_reserved = c.images_reserved - o.images,
      reels_used = c.reels_used + o.reels, reels_reserved = c.reels_reserved - o.reels,
      woofs_used = c.woofs_used + o.woofs, woofs_reserved = c.woofs_reserved - o.woofs,
      updated_at = now()
  from o
  where c.brand_id = o.brand_id and c.period_yyyymm = o.period_yyyymm and not o.quota_bypass
  returning c.images_used, c.reels_used, c.woofs_used
)
select o.brand_id, o.images, o.reels, o.woofs, c.images_used, c.reels_used, c.woofs_used
from o left join c on true
`;
