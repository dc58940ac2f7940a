/**
 * Replaces the reported totals of some variants of the caller's order. $1 order id, $2 user id,
 * $3 allowed brand ids or null, $4 jsonb array of { variant, impressions, clicks } (validated, and
 * each variant below the order's variant count). Returns one row per variant saved.
 */
export const SAVE_PERFORMANCE = `
  insert into variant_performance as p (order_id, variant_index, impressions, clicks)
  select o.id, r.variant, r.impressions, r.clicks
  from orders o
  cross join jsonb_to_recordset($4::jsonb) as r(variant integer, impressions bigint, clicks bigint)
  where o.id = $1 and o.user_id = $2 and ($3::uuid[] is null or o.brand_id = any($3::uuid[]))
    and r.variant < o.variant_count
  on conflict (order_id, variant_index) do update set
    impressions = excluded.impressions, clicks = excluded.clicks, updated_at = now()
  returning p.variant_index
`;
