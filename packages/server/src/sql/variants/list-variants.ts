/**
 * An order's A/B variants, one row per variant index, with the delivered file (when delivered) and
 * the counts reported so far. The variant index of an item is in its brief (variants/items.ts).
 * $1 order id, $2 user id, $3 allowed brand ids or null. No rows when the order is not the
 * caller's or has no variants.
 */
export const LIST_VARIANTS = `
  select o.id as order_id, o.variant_count, o.chosen_variant, v.variant,
    (select a.cloudinary_url from order_items i
       join library_assets a on a.order_item_id = i.id
     where i.order_id = o.id and (i.brief_json -> 'variant' ->> 'index')::int = v.variant
     limit 1) as url,
    coalesce(p.impressions, 0) as impressions, coalesce(p.clicks, 0) as clicks
  from orders o
  cross join lateral generate_series(0, o.variant_count - 1) as v(variant)
  left join variant_performance p on p.order_id = o.id and p.variant_index = v.variant
  where o.id = $1 and o.user_id = $2 and ($3::uuid[] is null or o.brand_id = any($3::uuid[]))
    and o.variant_count is not null
  order by v.variant
`;
