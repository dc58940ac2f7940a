/**
 * Releases what order $1 reserved but was not charged for, once: `settled_at` is set in the same
 * statement, so a second settle (worker and cancel route racing) finds nothing to release.
 */
export const RELEASE_UNUSED = `
with o as (
  update orders
  set settled_at = now(), updated_at = now()
  where id = $1 and settled_at is null
  returning brand_id, period_yyyymm, quota_bypass,
    reserved_images - charged_images as images,
    reserved_reels - charged_reels as reels,
    reserved_woofs - charged_woofs as woofs
), c as (
  update counters_monthly c
  set images_reserved = c.images_reserved - o.images,
      reels_reserved = c.reels_reserved - o.reels,
      woofs_reserved = c.woofs_reserved - o.woofs,
      updated_at = now()
  from o
  where c.brand_id = o.brand_id and c.period_yyyymm = o.period_yyyymm and not o.quota_bypass
  returning c.brand_id
)
select o.images, o.reels, o.woofs from o
`;
