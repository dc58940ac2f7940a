/**
 * A/B tests across brands: orders with variants made in the window, newest first, with the counts
 * reported for each variant (an array ordered by variant, zeros where none came). $1 window
 * (interval), $2 row limit.
 */
export const VARIANT_TESTS = `
  select o.id, o.brand_id, b.name as brand_name, o.topic, o.type, o.variant_count, o.chosen_variant,
    o.created_at,
    array(select coalesce(p.impressions, 0) from generate_series(0, o.variant_count - 1) v(i)
      left join variant_performance p on p.order_id = o.id and p.variant_index = v.i order by v.i) as impressions,
    array(select coalesce(p.clicks, 0) from generate_series(0, o.variant_count - 1) v(i)
      left join variant_performance p on p.order_id = o.id and p.variant_index = v.i order by v.i) as clicks
  from orders o
  join brands b on b.id = o.brand_id
  where o.variant_count is not null and o.status in ('completed', 'partial')
    and o.created_at >= now() - $1::interval
  order by o.created_at desc, o.id desc
  limit $2
`;
