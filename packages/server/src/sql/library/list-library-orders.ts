/**
 * Orders that delivered at least one file, newest first: one library entry each, so a carousel's
 * slides stay together. $1 user id, $2 allowed brand ids or null, $3 brand filter or null,
 * $4 format filter or null, $5 order filter or null, $6 cursor order id or null, $7 page size + 1.
 */
export const LIST_LIBRARY_ORDERS = `
  select o.id, o.brand_id, o.type, o.topic, o.created_at, o.count, o.reused_from_order_id,
    o.variant_count, o.chosen_variant
  from orders o
  where o.user_id = $1
    and ($2::uuid[] is null or o.brand_id = any($2::uuid[]))
    and ($3::uuid is null or o.brand_id = $3)
    and ($4::text is null or o.type = $4)
    and ($5::uuid is null or o.id = $5)
    and (exists (select 1 from library_assets a where a.order_id = o.id)
      or exists (select 1 from media_generations m where m.order_id = o.id and m.status = 'completed'))
    and ($6::uuid is null or (o.created_at, o.id) < (
      select c.created_at, c.id from orders c where c.id = $6 and c.user_id = $1))
  order by o.created_at desc, o.id desc
  limit $7
`;
