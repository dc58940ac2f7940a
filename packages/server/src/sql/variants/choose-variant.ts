/**
 * Stores the user's choice: variant $2 of the caller's finished order $1, which must have delivered
 * that variant. $3 user id, $4 allowed brand ids or null. Returns the order id, or no row.
 */
export const CHOOSE_VARIANT = `
  update orders o set chosen_variant = $2, updated_at = now()
  where o.id = $1 and o.user_id = $3 and ($4::uuid[] is null or o.brand_id = any($4::uuid[]))
    and o.variant_count > $2
    and o.status in ('completed', 'partial')
    and exists (select 1 from order_items i where i.order_id = o.id and i.status = 'completed'
      and (i.brief_json -> 'variant' ->> 'index')::int = $2)
  returning o.id
`;
